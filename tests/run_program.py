#!/usr/bin/env python3
"""Run one Kestrel program test and compare it with CPython's expectations.

Usage:
    run_program.py --kestrel PATH_TO_BINARY --mode {interp,jit,stress}
                   [--root DIR] [--timeout SECONDS] PROGRAM.py

Expectations live next to the program:
    NAME.out   exact stdout bytes (required)
    NAME.err   last non-empty line of stderr (optional); for a program with a
               "# test: full-stderr" line, the whole stderr, compared exactly
               after the program's directory is removed from file paths
    NAME.exit  expected exit code (optional, default 0)

Exit status: 0 pass, 1 fail, 77 skipped (listed in known_failing.txt).
"""

import argparse
import difflib
import os
import subprocess
import sys

MODE_OPTIONS = {
    "interp": ["--jit=off"],
    "jit": [],
    # Stress: nearly everything traced, function traces included (they are
    # off by default until calls between traces are cheap: docs/jit.md).
    "stress": ["--jit-threshold=2", "--jit-functions=on", "--jit-compile-budget=0"],
}

TIMEOUT_SECONDS = 60
MAX_DIFF_LINES = 60
STDERR_TAIL_LINES = 20
SKIP_CODE = 77

DEFAULT_ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "programs")


def read_known_failing(root):
    """Return the set of program paths (relative to root) listed as known failing."""
    path = os.path.join(root, "known_failing.txt")
    entries = set()
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if line:
                    entries.add(line.replace("\\", "/"))
    except FileNotFoundError:
        pass
    return entries


def last_nonempty_line(data):
    for line in reversed(data.splitlines()):
        if line.strip():
            return line.rstrip("\r")
    return ""


FULL_STDERR_MARKER = "# test: full-stderr"


def wants_full_stderr(program):
    """True if the program opts in to comparing its whole stderr (a marker line)."""
    with open(program, encoding="utf-8", errors="replace") as f:
        return any(line.strip() == FULL_STDERR_MARKER for line in f)


def normalize_stderr(data, program):
    """Whole-stderr form used for comparison: the script's absolute directory (which
    depends on the checkout location) is removed from file paths."""
    prefix = os.path.dirname(os.path.abspath(program)) + os.sep
    return data.replace(prefix.encode("utf-8"), b"")


def decode(data):
    return data.decode("utf-8", errors="replace")


def tail(text, n):
    lines = text.splitlines()
    return "\n".join(lines[-n:])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kestrel", required=True, help="path to the kestrel binary")
    parser.add_argument("--mode", required=True, choices=sorted(MODE_OPTIONS))
    parser.add_argument("--root", default=DEFAULT_ROOT,
                        help="tests/programs directory holding known_failing.txt")
    parser.add_argument("--timeout", type=float, default=TIMEOUT_SECONDS,
                        help="seconds before the program is killed (default %(default)s)")
    parser.add_argument("program", help="the test program (.py)")
    args = parser.parse_args(argv)

    program = os.path.abspath(args.program)
    root = os.path.abspath(args.root)
    rel = os.path.relpath(program, root).replace(os.sep, "/")
    if rel.startswith("../"):
        rel = program  # outside the corpus: show (and match) the absolute path

    if rel in read_known_failing(root):
        print(f"SKIP {rel}: listed in {os.path.join(root, 'known_failing.txt')}")
        return SKIP_CODE

    if not os.path.isfile(program):
        print(f"FAIL {rel}: program not found: {program}")
        return 1

    kestrel = os.path.abspath(args.kestrel)
    if not os.path.isfile(kestrel) or not os.access(kestrel, os.X_OK):
        print(f"FAIL {rel}: kestrel binary not found or not executable: {kestrel}")
        return 1

    base = program[:-3] if program.endswith(".py") else program
    out_path, err_path, exit_path = base + ".out", base + ".err", base + ".exit"
    if not os.path.isfile(out_path):
        print(f"FAIL {rel}: missing expected output {out_path} "
              f"(run tests/regen_expected.py)")
        return 1
    with open(out_path, "rb") as f:
        expected_out = f.read()
    full_stderr = wants_full_stderr(program)
    expected_err = None
    if os.path.isfile(err_path):
        with open(err_path, "rb") as f:
            expected_err = f.read()
        if not full_stderr:
            expected_err = last_nonempty_line(decode(expected_err))
    expected_exit = 0
    if os.path.isfile(exit_path):
        with open(exit_path, encoding="utf-8") as f:
            expected_exit = int(f.read().strip())

    cmd = [kestrel] + MODE_OPTIONS[args.mode] + [os.path.basename(program)]
    try:
        proc = subprocess.run(cmd, cwd=os.path.dirname(program),
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=args.timeout)
    except subprocess.TimeoutExpired as e:
        print(f"FAIL {rel} [{args.mode}]: timed out after {args.timeout:g} s")
        print("command: (cd " + os.path.dirname(program) + " && " + " ".join(cmd) + ")")
        if e.stdout:
            print("--- stdout so far (tail) ---")
            print(tail(decode(e.stdout), STDERR_TAIL_LINES))
        if e.stderr:
            print("--- stderr (tail) ---")
            print(tail(decode(e.stderr), STDERR_TAIL_LINES))
        return 1
    except OSError as e:
        print(f"FAIL {rel} [{args.mode}]: could not run {kestrel}: {e}")
        return 1

    problems = []
    if proc.stdout != expected_out:
        problems.append("stdout differs from expected")
    stderr_diff = []
    if full_stderr:
        actual_err = normalize_stderr(proc.stderr, program)
        if actual_err != (expected_err or b""):
            problems.append("stderr differs from expected (full-stderr test)")
            stderr_diff = list(difflib.unified_diff(
                decode(expected_err or b"").splitlines(), decode(actual_err).splitlines(),
                fromfile="expected stderr", tofile="actual stderr", lineterm=""))
    else:
        actual_err_line = last_nonempty_line(decode(proc.stderr))
        if expected_err is not None and actual_err_line != expected_err:
            problems.append(f"last stderr line differs:\n  expected: {expected_err!r}\n"
                            f"  actual:   {actual_err_line!r}")
    if proc.returncode != expected_exit:
        problems.append(f"exit code {proc.returncode}, expected {expected_exit}")

    if not problems:
        print(f"PASS {rel} [{args.mode}]")
        return 0

    print(f"FAIL {rel} [{args.mode}]")
    print("command: (cd " + os.path.dirname(program) + " && " + " ".join(cmd) + ")")
    for p in problems:
        print("* " + p)
    if proc.stdout != expected_out:
        diff = list(difflib.unified_diff(
            decode(expected_out).splitlines(), decode(proc.stdout).splitlines(),
            fromfile="expected stdout", tofile="actual stdout", lineterm=""))
        if not diff:
            # Only line endings / trailing newline differ: show the raw tails.
            diff = ["expected tail: " + repr(expected_out[-80:]),
                    "actual tail:   " + repr(proc.stdout[-80:])]
        print("--- stdout diff ---")
        for line in diff[:MAX_DIFF_LINES]:
            print(line)
        if len(diff) > MAX_DIFF_LINES:
            print(f"... ({len(diff) - MAX_DIFF_LINES} more diff lines)")
    if stderr_diff:
        print("--- stderr diff ---")
        for line in stderr_diff[:MAX_DIFF_LINES]:
            print(line)
        if len(stderr_diff) > MAX_DIFF_LINES:
            print(f"... ({len(stderr_diff) - MAX_DIFF_LINES} more diff lines)")
    elif proc.stderr:
        print(f"--- stderr (last {STDERR_TAIL_LINES} lines) ---")
        print(tail(decode(proc.stderr), STDERR_TAIL_LINES))
    return 1


if __name__ == "__main__":
    sys.exit(main())
