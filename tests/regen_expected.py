#!/usr/bin/env python3
"""Regenerate (or check) the expected outputs of the program-test corpus.

Every test program under tests/programs (support code excluded: any path
component starting with '_') is run with CPython (/usr/bin/python3) in its own
directory, stdin from /dev/null, PYTHONHASHSEED=0, PYTHONDONTWRITEBYTECODE=1.
Next to NAME.py this writes:
    NAME.out   exact stdout bytes (always)
    NAME.err   last non-empty stderr line + newline  } only if the exit code is
    NAME.exit  exit code + newline                   } non-zero or stderr is non-empty
A program with a "# test: full-stderr" line gets its whole stderr in NAME.err
instead, with the program's directory removed from file paths.
Stale .err/.exit files are removed.

Usage:
    regen_expected.py [--check] [PATH ...]
PATHs (files or directories) restrict the run to matching programs.
With --check nothing is written; exits 1 listing programs whose checked-in
expectations differ from what CPython prints now.
"""

import argparse
import os
import shutil
import subprocess
import sys

PYTHON = "/usr/bin/python3"
TIMEOUT_SECONDS = 20
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "programs")


def is_support(rel):
    """Support code: any path component (file or directory) starts with '_'."""
    return any(part.startswith("_") for part in rel.split("/"))


def find_programs(root):
    programs = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith("_") and d != "__pycache__")
        for name in sorted(filenames):
            if not name.endswith(".py"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            if not is_support(rel):
                programs.append(path)
    return sorted(programs)


def matches(path, filters):
    if not filters:
        return True
    for f in filters:
        f = os.path.abspath(f)
        if path == f or path.startswith(f.rstrip(os.sep) + os.sep):
            return True
    return False


def last_nonempty_line(data):
    for line in reversed(data.splitlines()):
        if line.strip():
            return line.rstrip(b"\r")
    return b""


FULL_STDERR_MARKER = "# test: full-stderr"


def wants_full_stderr(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return any(line.strip() == FULL_STDERR_MARKER for line in f)


def normalize_stderr(data, path):
    """CPython prints the script's absolute path; keep only the file name."""
    prefix = os.path.dirname(os.path.abspath(path)) + os.sep
    return data.replace(prefix.encode("utf-8"), b"")


def expectations(path):
    """Run CPython on the program; return {suffix: bytes or None}."""
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for var in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONWARNINGS", "PYTHONINSPECT"):
        env.pop(var, None)
    try:
        proc = subprocess.run([PYTHON, os.path.basename(path)],
                              cwd=os.path.dirname(path), env=env,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"{path}: timed out after {TIMEOUT_SECONDS} s")
    result = {".out": proc.stdout, ".err": None, ".exit": None}
    if proc.returncode != 0 or proc.stderr:
        if wants_full_stderr(path):
            result[".err"] = normalize_stderr(proc.stderr, path)
        else:
            result[".err"] = last_nonempty_line(proc.stderr) + b"\n"
        result[".exit"] = b"%d\n" % proc.returncode
    return result


def read_or_none(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def remove_pycache(root):
    for dirpath, dirnames, _ in os.walk(root):
        if "__pycache__" in dirnames:
            shutil.rmtree(os.path.join(dirpath, "__pycache__"))
            dirnames.remove("__pycache__")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if any expectation is out of date")
    parser.add_argument("paths", nargs="*", help="restrict to these files/directories")
    args = parser.parse_args(argv)

    programs = [p for p in find_programs(ROOT) if matches(p, args.paths)]
    if not programs:
        print("no programs matched", file=sys.stderr)
        return 1

    changed = []
    errors = []
    for path in programs:
        rel = os.path.relpath(path, ROOT).replace(os.sep, "/")
        try:
            wanted = expectations(path)
        except RuntimeError as e:
            errors.append(str(e))
            continue
        base = path[:-3]
        for suffix, data in wanted.items():
            target = base + suffix
            current = read_or_none(target)
            if current == data:
                continue
            changed.append(f"{rel} ({suffix})")
            if args.check:
                continue
            if data is None:
                os.remove(target)
            else:
                with open(target, "wb") as f:
                    f.write(data)
    remove_pycache(ROOT)

    for e in errors:
        print("ERROR " + e, file=sys.stderr)
    if args.check:
        if changed:
            print("expectations out of date:")
            for c in changed:
                print("  " + c)
            return 1
        print(f"{len(programs)} programs checked, all expectations up to date")
        return 1 if errors else 0
    for c in changed:
        print("updated " + c)
    print(f"{len(programs)} programs, {len(changed)} files updated")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
