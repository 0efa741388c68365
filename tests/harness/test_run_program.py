#!/usr/bin/env python3
"""Self-test for tests/run_program.py using a fake kestrel that wraps CPython."""

import os
import shutil
import stat
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RUNNER = os.path.join(os.path.dirname(HERE), "run_program.py")
PYTHON = "/usr/bin/python3"

FAKE_KESTREL = os.path.join(HERE, "fake_kestrel")

passed = 0
failed = 0


def check(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name}")
        if detail:
            print("     " + detail.replace("\n", "\n     "))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def run(kestrel, root, program, mode="interp", extra=()):
    proc = subprocess.run([PYTHON, RUNNER, "--kestrel", kestrel, "--mode", mode,
                           "--root", root, *extra, program],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          stdin=subprocess.DEVNULL, timeout=120)
    return proc.returncode, proc.stdout.decode("utf-8", "replace")


def main():
    tmp = tempfile.mkdtemp(prefix="kestrel-harness-")
    try:
        # Copy the fake kestrel so the test does not depend on its checked-in mode bits.
        kestrel = os.path.join(tmp, "kestrel")
        shutil.copyfile(FAKE_KESTREL, kestrel)
        os.chmod(kestrel, os.stat(kestrel).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)

        root = os.path.join(tmp, "programs")
        area = os.path.join(root, "area")
        # A good program that imports a support module from its own directory.
        write(os.path.join(area, "_helper.py"), "def greet(n):\n    return 'hi ' + n\n")
        write(os.path.join(area, "good.py"),
              "import _helper\nprint(_helper.greet('there'))\nprint(1 + 2)\n")
        write(os.path.join(area, "good.out"), "hi there\n3\n")
        # Same program, deliberately wrong expected output.
        write(os.path.join(area, "badout.py"), "print('actual')\n")
        write(os.path.join(area, "badout.out"), "expected\n")
        # Missing trailing newline in the expectation only.
        write(os.path.join(area, "newline.py"), "print('x')\n")
        write(os.path.join(area, "newline.out"), "x")
        # Uncaught exception with matching .err/.exit.
        write(os.path.join(area, "raises.py"), "print('before')\n1 / 0\n")
        write(os.path.join(area, "raises.out"), "before\n")
        write(os.path.join(area, "raises.err"), "ZeroDivisionError: division by zero\n")
        write(os.path.join(area, "raises.exit"), "1\n")
        # Wrong stderr expectation.
        write(os.path.join(area, "wrongerr.py"), "raise KeyError('k')\n")
        write(os.path.join(area, "wrongerr.out"), "")
        write(os.path.join(area, "wrongerr.err"), "KeyError: 'other'\n")
        write(os.path.join(area, "wrongerr.exit"), "1\n")
        # Exit code mismatch: program exits 3 but expectation says 0 (no .exit).
        write(os.path.join(area, "exitcode.py"), "import sys\nprint('bye')\nsys.exit(3)\n")
        write(os.path.join(area, "exitcode.out"), "bye\n")
        # Exit code mismatch the other way round: .exit says 2, program exits 0.
        write(os.path.join(area, "exit2.py"), "print('fine')\n")
        write(os.path.join(area, "exit2.out"), "fine\n")
        write(os.path.join(area, "exit2.exit"), "2\n")
        # Known-failing program (would fail if it were run).
        write(os.path.join(area, "known.py"), "print('whatever')\n")
        write(os.path.join(area, "known.out"), "something else\n")
        # sys.exit(3) with empty stderr: .err holds an empty line.
        write(os.path.join(area, "exit3.py"), "import sys\nprint('x')\nsys.exit(3)\n")
        write(os.path.join(area, "exit3.out"), "x\n")
        write(os.path.join(area, "exit3.err"), "\n")
        write(os.path.join(area, "exit3.exit"), "3\n")
        # Same expectation, but the program writes to stderr.
        write(os.path.join(area, "exit3noisy.py"),
              "import sys\nprint('x')\nprint('oops', file=sys.stderr)\nsys.exit(3)\n")
        write(os.path.join(area, "exit3noisy.out"), "x\n")
        write(os.path.join(area, "exit3noisy.err"), "\n")
        write(os.path.join(area, "exit3noisy.exit"), "3\n")
        # A program that runs too long.
        write(os.path.join(area, "slow.py"), "import time\nprint('start', flush=True)\ntime.sleep(30)\n")
        write(os.path.join(area, "slow.out"), "start\n")
        # Missing expectation.
        write(os.path.join(area, "noout.py"), "print(1)\n")
        # Full-stderr programs: the whole traceback (paths without the directory) must match.
        full_src = "# test: full-stderr\ndef f(x):\n    return x + 1\n\nf(None)\n"
        full_err = ('Traceback (most recent call last):\n'
                    '  File "full.py", line 5, in <module>\n'
                    '    f(None)\n'
                    '  File "full.py", line 3, in f\n'
                    '    return x + 1\n'
                    '           ~~^~~\n'
                    "TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'\n")
        for name, err in (("full", full_err), ("fullbad", full_err.replace("~~^~~", "^^^^^"))):
            write(os.path.join(area, name + ".py"), full_src)
            write(os.path.join(area, name + ".out"), "")
            write(os.path.join(area, name + ".err"), err.replace("full.py", name + ".py"))
            write(os.path.join(area, name + ".exit"), "1\n")
        write(os.path.join(root, "known_failing.txt"),
              "# header comment\n\narea/known.py   # deliberately broken\n")

        good = os.path.join(area, "good.py")
        for mode in ("interp", "jit", "stress"):
            rc, out = run(kestrel, root, good, mode)
            check(f"good program passes ({mode})", rc == 0, out)
        # Relative program path works too.
        proc = subprocess.run([PYTHON, RUNNER, "--kestrel", kestrel, "--mode", "jit",
                               "--root", root, "area/good.py"], cwd=root,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        check("relative program path passes", proc.returncode == 0, proc.stdout.decode())

        rc, out = run(kestrel, root, os.path.join(area, "badout.py"))
        check("altered .out fails", rc == 1, out)
        check("altered .out shows a diff", "-expected" in out and "+actual" in out, out)

        rc, out = run(kestrel, root, os.path.join(area, "newline.py"))
        check("trailing-newline difference fails", rc == 1, out)

        rc, out = run(kestrel, root, os.path.join(area, "raises.py"))
        check("expected exception passes", rc == 0, out)

        rc, out = run(kestrel, root, os.path.join(area, "wrongerr.py"))
        check("wrong stderr line fails", rc == 1, out)

        rc, out = run(kestrel, root, os.path.join(area, "exitcode.py"))
        check("unexpected exit code fails", rc == 1 and "exit code 3" in out, out)

        rc, out = run(kestrel, root, os.path.join(area, "exit2.py"))
        check("missing expected exit code fails", rc == 1 and "expected 2" in out, out)

        rc, out = run(kestrel, root, os.path.join(area, "known.py"))
        check("known-failing entry returns 77", rc == 77, out)

        rc, out = run(kestrel, root, os.path.join(area, "noout.py"))
        check("missing .out fails", rc == 1, out)

        rc, out = run(kestrel, root, os.path.join(area, "exit3.py"))
        check("sys.exit(3) with empty stderr passes", rc == 0, out)

        rc, out = run(kestrel, root, os.path.join(area, "exit3noisy.py"))
        check("unexpected stderr output fails when .err is empty", rc == 1, out)

        rc, out = run(kestrel, root, os.path.join(area, "full.py"))
        check("full-stderr program passes", rc == 0, out)

        rc, out = run(kestrel, root, os.path.join(area, "fullbad.py"))
        check("full-stderr mismatch fails with a stderr diff",
              rc == 1 and "--- stderr diff ---" in out and "+           ~~^~~" in out, out)

        rc, out = run(kestrel, root, os.path.join(area, "slow.py"), extra=["--timeout", "2"])
        check("timeout fails clearly", rc == 1 and "timed out after 2 s" in out, out)

        rc, out = run(os.path.join(tmp, "no-such-kestrel"), root, good)
        check("missing binary fails clearly", rc == 1 and "not found" in out, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
