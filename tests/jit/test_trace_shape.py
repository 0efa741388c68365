#!/usr/bin/env python3
"""Trace-shape tests: run small loops under Kestrel with --jit-log and check
the optimized IR of the loop body (between LOOP and JUMP): the seed's
sum-of-squares loop must have no allocation (no box_* call) and no type
guard inside the peeled body, and so on. Each case also checks the program's
output against CPython's (computed here by running /usr/bin/python3)."""
import argparse
import os
import re
import subprocess
import sys
import tempfile

# The compile-time budget depends on the wall clock; these checks are about
# what gets compiled, so a loaded machine must not change it.
NO_BUDGET = "--jit-compile-budget=0"

CASES = [
    # (name, source, checks on the loop body)
    ("sum_to_n_exact", """
def sum_to_n(n):
    total = 0
    for i in range(n):
        total += i * i
    return total
print(sum_to_n(100000))
""", {"no_ops": ["CALLP", "CALL", "GUARD_SMALLINT", "GUARD_CLASS", "LOADSLOT", "UNTAG"],
      "has_ops": ["MULOV", "ADDOV"]}),
    ("sum_masked", """
def sum_masked(n):
    total = 0
    for i in range(n):
        total += (i * i) & 0xffff
    return total
print(sum_masked(100000))
""", {"no_ops": ["CALLP", "CALL", "GUARD_SMALLINT", "GUARD_CLASS", "LOADSLOT", "UNTAG"],
      "has_ops": ["AND"]}),
    ("float_loop", """
def float_loop(n):
    x = 0.0
    for i in range(n):
        x += i * 0.5
    return x
print(float_loop(100000))
""", {"no_ops": ["CALLP", "CALL", "GUARD_SMALLINT", "GUARD_CLASS", "LOADSLOT"],
      "has_ops": ["FADD", "FMUL", "I2D"]}),
    ("while_loop", """
def count(n):
    i = 0
    s = 0
    while i < n:
        s += i
        i += 1
    return s
print(count(100000))
""", {"no_ops": ["CALLP", "CALL", "GUARD_SMALLINT", "GUARD_CLASS", "LOADSLOT", "UNTAG", "LOAD", "STORE"],
      "has_ops": ["LT"]}),
]


def loop_body(ir_text):
    """The instruction lines between LOOP and JUMP of the last optimized IR."""
    blocks = ir_text.split("---- optimized IR\n")
    if len(blocks) < 2:
        return None
    text = blocks[-1].split("---- machine code")[0]
    body, inside = [], False
    for line in text.splitlines():
        m = re.match(r"^\d{4} \S+\s+(\S+)", line)
        if not m:
            continue
        op = m.group(1)
        if op == "LOOP":
            inside = True
            continue
        if op == "JUMP":
            break
        if inside and op != "PHI":
            body.append(op)
    return body if inside else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kestrel", required=True)
    ap.add_argument("--python", default="/usr/bin/python3")
    args = ap.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, source, checks in CASES:
            prog = os.path.join(tmp, name + ".py")
            log = os.path.join(tmp, name + ".log")
            with open(prog, "w") as f:
                f.write(source)
            expected = subprocess.run([args.python, prog], capture_output=True, text=True).stdout
            got = subprocess.run([args.kestrel, NO_BUDGET, "--jit-log=" + log, prog], capture_output=True, text=True)
            problems = []
            if got.stdout != expected:
                problems.append(f"output {got.stdout!r} != CPython's {expected!r}")
            body = loop_body(open(log).read()) if os.path.exists(log) else None
            if body is None:
                problems.append("no loop trace in the log")
            else:
                for op in checks.get("no_ops", []):
                    if op in body:
                        problems.append(f"{op} in the loop body")
                for op in checks.get("has_ops", []):
                    if op not in body:
                        problems.append(f"no {op} in the loop body")
            if problems:
                failures += 1
                print(f"FAIL {name}: " + "; ".join(problems))
                if body is not None:
                    print("  body: " + " ".join(body))
            else:
                print(f"ok   {name}: body {' '.join(body)}")
        failures += check_observability(args, tmp)
        failures += check_bridges(args, tmp)
        failures += check_nested(args, tmp)
    return 1 if failures else 0


def check_observability(args, tmp):
    """--jit-stats prints the counters the issue names; --jit-log gives each
    trace's source location, IR before/after optimization and machine code,
    and each abort with its reason and file:line."""
    prog = os.path.join(tmp, "observed.py")
    with open(prog, "w") as f:
        f.write("def hot(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n"
                "def aborts(n):\n    d = {}\n    for i in range(n):\n        d[i] = {i: i}\n    return len(d)\n"
                "print(hot(5000), aborts(5000))\n")
    log = os.path.join(tmp, "observed.log")
    expected = subprocess.run([args.python, prog], capture_output=True, text=True).stdout
    got = subprocess.run([args.kestrel, NO_BUDGET, "--jit-stats", "--jit-log=" + log, prog], capture_output=True, text=True)
    problems = []
    if got.stdout != expected:
        problems.append(f"output {got.stdout!r} != CPython's {expected!r}")
    for key in ["jit loops compiled: 1", "jit bridges compiled:", "jit aborts:", "jit guard failures:",
                "jit compile time ms:", "jit machine code bytes:", "jit abort (unsupported instruction BUILD_MAP):"]:
        if key not in got.stderr:
            problems.append(f"no '{key}' in --jit-stats output")
    text = open(log).read() if os.path.exists(log) else ""
    for key in ["==== trace 1: loop at " + prog + ":3 (hot)", "---- recorded IR", "---- optimized IR",
                "---- machine code", "---- abort: " + prog + ":9 (aborts): unsupported instruction BUILD_MAP"]:
        if key not in text:
            problems.append(f"no '{key}' in the --jit-log file")
    if not re.search(r"^\s+[0-9a-f]+:\s+(push|mov)", text, re.M):
        problems.append("no disassembly in the --jit-log file")
    off = subprocess.run([args.kestrel, "--jit-stats", prog], capture_output=True, text=True,
                         env=dict(os.environ, KESTREL_JIT="off"))
    if off.stdout != got.stdout or "jit loops compiled: 0" not in off.stderr:
        problems.append("KESTREL_JIT=off did not turn the JIT off")
    if problems:
        print("FAIL observability: " + "; ".join(problems))
        print(got.stderr)
        return 1
    print("ok   observability: --jit-stats and --jit-log")
    return 0


BRIDGES = """
def flip(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            total += i
        else:
            total -= 1
    return total

def step(x, i):
    if i & 1:
        return x + i * 0.5
    return x - 1.0

def floats(n):
    x = 0.0
    for i in range(n):
        x = step(x, i)
    return x

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(flip(200000), floats(200000), fib(22))
"""


def check_bridges(args, tmp):
    """Hot exits get bridges: a branch that goes both ways, an exit inside an
    inlined call, and a function trace's other path stop leaving the trace
    once their bridges are compiled (few guard failures for many iterations),
    the log shows each bridge, and --jit-bridges=off prints the same."""
    prog = os.path.join(tmp, "bridges.py")
    with open(prog, "w") as f:
        f.write(BRIDGES)
    log = os.path.join(tmp, "bridges.log")
    expected = subprocess.run([args.python, prog], capture_output=True, text=True).stdout
    got = subprocess.run([args.kestrel, NO_BUDGET, "--jit-stats", "--jit-log=" + log, prog],
                         capture_output=True, text=True)
    off = subprocess.run([args.kestrel, NO_BUDGET, "--jit-stats", "--jit-bridges=off", prog],
                         capture_output=True, text=True)
    problems = []
    if got.stdout != expected:
        problems.append(f"output {got.stdout!r} != CPython's {expected!r}")
    if off.stdout != expected:
        problems.append(f"--jit-bridges=off output {off.stdout!r} != CPython's {expected!r}")

    def stat(text, key):
        m = re.search(r"^jit " + key + r": (\d+)", text, re.M)
        return int(m.group(1)) if m else -1

    bridges, failures = stat(got.stderr, "bridges compiled"), stat(got.stderr, "guard failures")
    if bridges < 3:
        problems.append(f"{bridges} bridges compiled, expected at least 3")
    # Without bridges every odd iteration leaves; with them, only the exits
    # before each bridge is compiled (and the loops' final exits) remain.
    if failures < 0 or failures > 1000:
        problems.append(f"{failures} guard failures for 400000 iterations")
    if stat(off.stderr, "bridges compiled") != 0 or stat(off.stderr, "guard failures") < 100000:
        problems.append("--jit-bridges=off still compiled bridges")
    text = open(log).read() if os.path.exists(log) else ""
    if not re.search(r"^==== trace \d+: bridge from trace \d+ exit \d+ at " + re.escape(prog), text, re.M):
        problems.append("no bridge in the --jit-log file")
    if not re.search(r"^\d{4} \S+\s+LINK", text, re.M):
        problems.append("no LINK (a bridge back to its loop) in the --jit-log file")
    if problems:
        print("FAIL bridges: " + "; ".join(problems))
        print(got.stderr)
        return 1
    print(f"ok   bridges: {bridges} bridges, {failures} guard failures")
    return 0


NESTED = """
def nest(n):
    data = [1.0, 2.0, 3.0, 4.0, 5.0]
    t = 0.0
    for k in range(n):
        for x in data:
            t += x * k
    return t

print(nest(40000))
"""


def check_nested(args, tmp):
    """A nest of loops runs in machine code: the short inner loop (5
    iterations: its back edges reach the threshold on its last iteration)
    still gets a trace, the outer loop's trace links into it, and the inner
    loop's exit gets a bridge that links back to the outer trace, so the
    200000 inner iterations leave compiled code only during warm-up."""
    prog = os.path.join(tmp, "nested.py")
    with open(prog, "w") as f:
        f.write(NESTED)
    log = os.path.join(tmp, "nested.log")
    expected = subprocess.run([args.python, prog], capture_output=True, text=True).stdout
    got = subprocess.run([args.kestrel, NO_BUDGET, "--jit-stats", "--jit-log=" + log, prog],
                         capture_output=True, text=True)
    problems = []
    if got.stdout != expected:
        problems.append(f"output {got.stdout!r} != CPython's {expected!r}")
    m = re.search(r"^jit guard failures: (\d+)", got.stderr, re.M)
    failures = int(m.group(1)) if m else -1
    # (Warm-up: the inner loop's exit bridge is tried after 200 exits, and
    # again after 400 and 800 more while the outer loop has no trace yet.)
    if failures < 0 or failures > 3000:
        problems.append(f"{failures} guard failures")
    text = open(log).read() if os.path.exists(log) else ""
    if not re.search(r"^==== trace \d+: loop at .*, links to trace \d+$", text, re.M):
        problems.append("no loop trace linking into the inner loop's trace")
    if not re.search(r"^==== trace \d+: bridge from trace \d+ exit \d+ at .*, links to trace \d+$",
                     text, re.M):
        problems.append("no bridge from the inner loop's exit linking to the outer trace")
    if problems:
        print("FAIL nested: " + "; ".join(problems))
        print(got.stderr)
        return 1
    print(f"ok   nested: {failures} guard failures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
