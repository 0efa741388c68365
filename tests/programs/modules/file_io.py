# The one file-I/O test: write a file in the current directory, read it back, delete it.
import os
name = "_file_io_tmp_%d.txt" % os.getpid()  # per-process name: modes may run in parallel
try:
    with open(name, "w", encoding="utf-8") as f:
        f.write("line one\n")
        f.write("línea dos\n")
        print(f.write("3\n"))
    with open(name, encoding="utf-8") as f:
        print(f.readline(), end="")
        rest = f.read()
    print(repr(rest))
    with open(name, "a", encoding="utf-8") as f:
        f.writelines(["appended\n", "more\n"])
    with open(name, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f]
    print(lines, len(lines))
    with open(name, "rb") as f:
        data = f.read()
    print(data, len(data))
    os.remove(name)
    print(os.path.exists(name))
    try:
        open(name)
    except FileNotFoundError as e:
        print("FileNotFoundError:", e.errno, e.strerror)
finally:
    if os.path.exists(name):
        os.remove(name)
