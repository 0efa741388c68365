# sys.argv contents (script name only) and sys.exit(0) inside try/finally.
import sys
print(len(sys.argv), sys.argv[0].endswith("sys_argv_exit.py"), sys.argv[1:])
print(type(sys.maxsize).__name__, sys.maxsize == 2 ** 63 - 1, sys.byteorder in ("little", "big"))
print(sys.version_info[0], sys.version_info >= (3, 0), isinstance(sys.path, list))
try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit", repr(e.code))
try:
    sys.exit("msg")
except SystemExit as e:
    print("caught SystemExit", repr(e.code))
try:
    try:
        sys.exit(5)
    finally:
        print("finally runs on exit")
except SystemExit as e:
    print("code", e.code)
print("exiting normally with sys.exit(0)")
sys.stdout.flush()
sys.exit(0)
print("never printed")
