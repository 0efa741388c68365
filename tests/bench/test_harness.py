#!/usr/bin/python3
"""Tests for bench/harness.py: runs it on tests/bench/programs with fake engines (tests/bench/engines)
and checks that a wrong answer and a crash are FAILUREs, a missing engine is shown as missing, a hung
engine times out, --jit-stats lines are parsed, and the table/JSON/CSV/PNG/docs outputs are produced.
Writes only to a temporary directory. Prints 'N passed, M failed'; exits non-zero on failure."""

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
HARNESS = os.path.join(ROOT, "bench", "harness.py")
ENGINES = os.path.join(HERE, "engines")
PROGRAMS = os.path.join(HERE, "programs")
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable

sys.path.insert(0, os.path.join(ROOT, "bench"))
import harness  # noqa: E402

passed = 0
failed = 0


def check(name, condition, info=""):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {name}" + (f"\n      {info}" if info else ""))


def run_harness(args, tmp):
    proc = subprocess.run([PYTHON, HARNESS, "--programs-dir", PROGRAMS, "--cpython", PYTHON] + args,
                          capture_output=True, text=True, timeout=240, cwd=tmp)
    return proc


def png(path):
    try:
        with open(path, "rb") as f:
            return f.read(8) == b"\x89PNG\r\n\x1a\n"
    except OSError:
        return False


def unit_tests(tmp):
    stats = harness.parse_jit_stats("iteration 1 0.5\ntraces compiled: 3\nguard failures = 12\n"
                                    "Traceback (most recent call last):\n  File \"x\", line 1\n")
    check("parse_jit_stats keys", stats == {"traces compiled": "3", "guard failures": "12"}, repr(stats))
    check("parse_jit_stats empty", harness.parse_jit_stats("") == {})
    err = "Traceback (most recent call last):\n  File \"a.py\", line 3, in <module>\n    f()\nNameError: name 'f' is not defined\n"
    check("first_error_line traceback", harness.first_error_line(err) == "NameError: name 'f' is not defined",
          harness.first_error_line(err))
    check("first_error_line plain", harness.first_error_line("iteration 1 0.1\nSegfault here\n") == "Segfault here")
    check("geomean", abs(harness.geomean([2.0, 8.0]) - 4.0) < 1e-9)
    check("geomean ignores None", abs(harness.geomean([None, 3.0]) - 3.0) < 1e-9)

    docs = os.path.join(tmp, "unit.md")
    with open(docs, "w") as f:
        f.write("# Title\n\nhand-written intro\n\n<!-- harness:begin -->\nold\n<!-- harness:end -->\n\ntail notes\n")
    harness.write_docs_region(docs, "NEW BODY")
    text = open(docs).read()
    check("docs region replaced", "NEW BODY" in text and "old" not in text, text)
    check("docs outside kept", text.startswith("# Title\n\nhand-written intro\n\n") and text.endswith("\n\ntail notes\n"),
          text)
    fresh = os.path.join(tmp, "fresh.md")
    with open(fresh, "w") as f:
        f.write("# Benchmarks\n\nnotes\n")
    harness.write_docs_region(fresh, "BODY")
    text = open(fresh).read()
    check("docs region appended", text.startswith("# Benchmarks\n\nnotes\n") and
          text.count("<!-- harness:begin -->") == 1 and "BODY" in text, text)

    # run_process: exit status, RSS, wall time.
    res = harness.run_process([PYTHON, "-c", "import sys; print('hi'); sys.exit(3)"], 30)
    check("run_process exit", res.exit == 3 and res.stdout == "hi\n", f"{res.exit} {res.stdout!r}")
    check("run_process rss", res.maxrss_kb and 1000 < res.maxrss_kb < 200000, str(res.maxrss_kb))
    check("run_process wall", res.wall and res.wall > 0)
    res = harness.run_process([PYTHON, "-c", "import os; os.kill(os.getpid(), 9)"], 30)
    check("run_process signal", res.signal == 9, f"signal={res.signal} exit={res.exit}")


def main_run(tmp):
    out = os.path.join(tmp, "results", "run1")
    docs = os.path.join(tmp, "docs", "benchmarks.md")
    os.makedirs(os.path.dirname(docs))
    with open(docs, "w") as f:
        f.write("# Benchmarks\n\nHand-written notes that must survive.\n")
    engines = ["--engine", f"good={ENGINES}/good.sh", "--engine", f"wrong={ENGINES}/wrong.sh",
               "--engine", f"crash={ENGINES}/crash.sh", "--engine", f"gone={ENGINES}/does-not-exist",
               "--engine", f"kfake={ENGINES}/kestrel-fake"]
    args = engines + ["--engines", "good,wrong,crash,gone,kfake,cpython", "--runs", "2", "--iterations", "3",
                      "--warmup-scale", "0.5", "--startup-runs", "2", "--out", out, "--docs", docs]
    proc = run_harness(args, tmp)
    check("harness exit 0", proc.returncode == 0, proc.stderr[-2000:])
    table = proc.stdout
    lines = table.splitlines()
    header = next((l for l in lines if l.startswith("program") and "good (s)" in l), "")
    check("table header lists all engines",
          all(f"{e} (s)" in header for e in ("good", "wrong", "crash", "gone", "kfake", "cpython")), header)
    row = next((l for l in lines if l.startswith("tiny_sum ")), "")
    check("table: wrong answer is a FAILURE", "FAILURE (wrong output)" in row, row)
    check("table: crash is a FAILURE", "FAILURE (crash)" in row, row)
    check("table: missing engine shown as missing", "missing" in row, row)
    rss_rows = [l for l in lines if l.startswith("tiny_text ")]
    check("every table shows missing", len(rss_rows) >= 3 and all("missing" in l for l in rss_rows), "\n".join(rss_rows))
    check("failure detail printed", "NotImplementedError: fake engine cannot run anything" in table, table[-1500:])
    check("ratio columns", "good vs cpython" in header and "geomean" in table)

    path = os.path.join(out, "results.json")
    check("results.json written", os.path.exists(path))
    data = json.load(open(path)) if os.path.exists(path) else {"summary": [], "runs": [], "warmup": {},
                                                                "startup": {}, "meta": {}}
    cells = {(c["program"], c["engine"]): c for c in data["summary"]}
    check("json: good ok", cells.get(("tiny_sum", "good"), {}).get("state") == "ok", str(cells.get(("tiny_sum", "good"))))
    check("json: wrong is FAILURE/wrong", cells.get(("tiny_sum", "wrong"), {}).get("failure") == "wrong")
    check("json: crash is FAILURE/crash", cells.get(("tiny_text", "crash"), {}).get("failure") == "crash")
    check("json: gone is missing", cells.get(("tiny_text", "gone"), {}).get("state") == "missing")
    check("json: median between min and max",
          all(c["min_s"] <= c["median_s"] <= c["max_s"] for c in data["summary"] if c.get("median_s") is not None))
    timed = [r for r in data["runs"] if r["kind"] == "timed" and r["program"] == "tiny_sum"]
    order = [r["engine"] for r in timed]
    check("runs interleaved", order == ["good", "wrong", "crash", "gone", "kfake", "cpython"] * 2, str(order))
    check("rss recorded", all(r["maxrss_kb"] for r in timed if r["status"] == "ok"))
    kstats = [r["jit_stats"] for r in timed if r["engine"] == "kfake"]
    check("jit stats parsed", kstats and all(s == {"traces compiled": "3", "trace aborts": "1"} for s in kstats),
          str(kstats))
    check("non-kestrel engines get no --jit-stats", all(not r["jit_stats"] for r in timed if r["engine"] == "good"))
    w = data["warmup"].get("tiny_sum", {})
    check("warm-up iteration times", len(w.get("good", {}).get("times", [])) == 3, str(w.get("good")))
    check("warm-up wrong engine flagged", w.get("wrong", {}).get("status") == "wrong", str(w.get("wrong")))
    check("startup measured", data["startup"].get("good", {}).get("state") == "ok" and
          data["startup"].get("wrong", {}).get("state") == "FAILURE" and
          data["startup"].get("gone", {}).get("state") == "missing", str(data["startup"]))

    path = os.path.join(out, "results.csv")
    check("results.csv written", os.path.exists(path))
    rows = list(csv.DictReader(open(path))) if os.path.exists(path) else []
    n_timed = sum(1 for r in rows if r["kind"] == "timed")
    check("csv: one row per timed run", n_timed == 2 * 6 * 2, str(n_timed))
    check("csv: statuses", {r["status"] for r in rows} >= {"ok", "wrong", "crash", "missing"},
          str({r["status"] for r in rows}))

    if shutil.which("gnuplot"):
        for name in ("speedup", "warmup"):
            check(f"{name}.png in out dir", png(os.path.join(out, f"{name}.png")))
            check(f"bench-{name}.png beside docs", png(os.path.join(tmp, "docs", "img", f"bench-{name}.png")))
    else:
        print("note: gnuplot not installed; PNG checks skipped")
    text = open(docs).read()
    check("docs: notes kept", text.startswith("# Benchmarks\n\nHand-written notes that must survive.\n"))
    check("docs: region written", text.count("<!-- harness:begin -->") == 1 and "<!-- harness:end -->" in text)
    check("docs: table and failures", "**FAILURE** (wrong output)" in text and "missing" in text and
          "### Failures" in text)
    check("docs: machine and command", "CPUs" in text and "--engines good,wrong" in text, text[:1500])
    check("docs: images referenced", not shutil.which("gnuplot") or "](img/bench-speedup.png)" in text)

    # Second run rewrites the region in place (no duplicate), keeps the notes, reuses the CPython cache.
    proc = run_harness(["--engine", f"good={ENGINES}/good.sh", "--engines", "good,cpython", "--runs", "1",
                        "--iterations", "0", "--startup-runs", "0", "--programs", "tiny_sum",
                        "--out", os.path.join(tmp, "results", "run2"), "--docs", docs], tmp)
    check("second run exit 0", proc.returncode == 0, proc.stderr[-1500:])
    text = open(docs).read()
    check("docs: region replaced once", text.count("<!-- harness:begin -->") == 1 and "crash" not in text and
          text.startswith("# Benchmarks\n\nHand-written notes"), text[:800])
    check("cache reused", os.path.isdir(os.path.join(tmp, "results", "cache")) and
          len(os.listdir(os.path.join(tmp, "results", "cache"))) >= 2)


def timeout_run(tmp):
    out = os.path.join(tmp, "results", "run3")
    proc = run_harness(["--engine", f"slow={ENGINES}/slow.sh", "--engines", "slow,cpython", "--runs", "1",
                        "--timeout", "2", "--no-warmup", "--no-startup", "--programs", "tiny_sum",
                        "--out", out, "--no-docs"], tmp)
    check("timeout run exit 0", proc.returncode == 0, proc.stderr[-1500:])
    check("timeout is a FAILURE", "FAILURE (timeout)" in proc.stdout, proc.stdout[-1500:])
    check("no docs touched with --no-docs", not os.path.exists(os.path.join(tmp, "img")))


def callgrind_run(tmp):
    if not shutil.which("valgrind"):
        print("note: valgrind not installed; callgrind check skipped")
        return
    out = os.path.join(tmp, "results", "cg")
    proc = subprocess.run([PYTHON, HARNESS, "--callgrind", "--kestrel", f"{ENGINES}/good.sh", "--baseline",
                           f"{ENGINES}/good.sh", "--programs-dir", PROGRAMS, "--programs", "tiny_sum",
                           "--scale", "0.01", "--out", out], capture_output=True, text=True, timeout=240)
    check("callgrind exit 0", proc.returncode == 0, proc.stderr[-1500:])
    ratio = [l.split()[-1] for l in proc.stdout.splitlines() if l.startswith("tiny_sum")]
    check("callgrind ratio", "kestrel/baseline" in proc.stdout and ratio and 0.95 < float(ratio[0]) < 1.05,
          proc.stdout)
    data = json.load(open(os.path.join(out, "callgrind.json"))) if os.path.exists(
        os.path.join(out, "callgrind.json")) else {"results": []}
    check("callgrind counts", len(data["results"]) == 2 and all(r["instructions"] for r in data["results"]))


def main():
    tmp = tempfile.mkdtemp(prefix="bench-harness-test-")
    try:
        unit_tests(tmp)
        main_run(tmp)
        timeout_run(tmp)
        callgrind_run(tmp)
    finally:
        if failed == 0:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"(outputs kept in {tmp})")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
