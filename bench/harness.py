#!/usr/bin/python3
"""Kestrel benchmark harness: Kestrel (interpreter, JIT) vs CPython 3.11 vs PyPy.

Runs every program under every engine, process runs interleaved (A B C D A B C D ...),
checks each run's stdout against CPython's, records wall time, peak RSS, exit status and
(for Kestrel) --jit-stats, then measures in-process warm-up curves and start-up, and writes
results.json / results.csv, PNG plots, a terminal table and a region of docs/benchmarks.md.

  /usr/bin/python3 bench/harness.py --quick
  /usr/bin/python3 bench/harness.py --programs fib,nbody --engines interp,cpython --runs 5
  /usr/bin/python3 bench/harness.py --callgrind --kestrel build/kestrel --baseline /tmp/old/kestrel

See docs/benchmarking.md. Pure Python 3 (standard library only).
"""

import argparse
import csv
import datetime
import hashlib
import json
import math
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS_DIR = os.path.join(ROOT, "bench", "programs")
RESULTS_DIR = os.path.join(ROOT, "bench", "results")
DOCS_FILE = os.path.join(ROOT, "docs", "benchmarks.md")
BEGIN_MARK = "<!-- harness:begin -->"
END_MARK = "<!-- harness:end -->"
REFERENCE = "cpython"

# Default engines: label -> command words (the program path and its arguments follow).
DEFAULT_ENGINE_ORDER = ["interp", "jit", "cpython", "pypy"]

QUICK = {"runs": 3, "scale": 0.2, "iterations": 5, "warmup_scale": 0.1, "startup_runs": 5, "timeout": 60}
FULL = {"runs": 3, "scale": 1.0, "iterations": 10, "warmup_scale": 0.3, "startup_runs": 10, "timeout": 180}

ITERATION_RE = re.compile(r"^iteration (\d+) ([0-9.eE+-]+)\s*$")
STAT_RE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_ ./()%-]{0,60}?)\s*[:=]\s*(\S.*?)\s*$")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- engines

class Engine:
    def __init__(self, label, command, kestrel=False):
        self.label = label
        self.command = command          # list of words
        self.kestrel = kestrel          # pass --jit-stats and parse it
        self.path = resolve(command[0]) if command else None
        self.version = None

    @property
    def missing(self):
        return self.path is None

    def argv(self, program, args, stats=True):
        extra = ["--jit-stats"] if (self.kestrel and stats) else []
        return [self.path] + self.command[1:] + extra + [program] + args

    def describe(self):
        words = list(self.command)
        if words and os.path.isabs(words[0]) and words[0].startswith(ROOT + os.sep):
            words[0] = os.path.relpath(words[0], ROOT)
        return " ".join(shlex.quote(w) for w in words)


def resolve(word):
    if os.sep in word:
        path = word if os.path.isabs(word) else os.path.join(os.getcwd(), word)
        return path if os.path.isfile(path) and os.access(path, os.X_OK) else None
    return shutil.which(word)


def engine_version(engine):
    if engine.missing:
        return "missing"
    try:
        out = subprocess.run([engine.path] + engine.command[1:] + ["--version"], capture_output=True,
                             text=True, timeout=20)
        text = (out.stdout + out.stderr).strip().replace("\n", " ")
        return text or f"(exit {out.returncode})"
    except (OSError, subprocess.SubprocessError) as e:
        return f"unknown ({e})"


def build_engines(opts):
    kestrel = opts.kestrel or os.path.join(ROOT, "build", "kestrel")
    defaults = {
        "interp": Engine("interp", [kestrel, "--jit=off"], kestrel=True),
        "jit": Engine("jit", [kestrel], kestrel=True),
        "cpython": Engine("cpython", [opts.cpython]),
        "pypy": Engine("pypy", [opts.pypy]),
    }
    custom = {}
    order = list(DEFAULT_ENGINE_ORDER)
    for spec in opts.engine or []:
        if "=" not in spec:
            raise SystemExit(f"--engine expects LABEL=COMMAND, got {spec!r}")
        label, command = spec.split("=", 1)
        words = shlex.split(command)
        is_kestrel = bool(words) and os.path.basename(words[0]).startswith("kestrel")
        custom[label] = Engine(label, words, kestrel=is_kestrel)
        if label not in order:
            order.append(label)
    engines = dict(defaults)
    engines.update(custom)
    if opts.engines:
        wanted = [e.strip() for e in opts.engines.split(",") if e.strip()]
    elif custom:
        wanted = [label for label in order if label in custom or label == REFERENCE]
    else:
        wanted = list(DEFAULT_ENGINE_ORDER)
    unknown = [w for w in wanted if w not in engines]
    if unknown:
        raise SystemExit(f"unknown engine(s) {', '.join(unknown)}; known: {', '.join(engines)}")
    return [engines[w] for w in wanted], engines.get(REFERENCE)


# --------------------------------------------------------------------------- running

class RunResult:
    def __init__(self):
        self.wall = None
        self.maxrss_kb = None
        self.exit = None
        self.signal = None
        self.timed_out = False
        self.stdout = ""
        self.stderr = ""
        self.status = "ok"
        self.detail = ""
        self.jit_stats = {}
        self.iterations = []


GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_process(argv, timeout, env=None, cwd=None):
    """Runs argv with stdout/stderr captured to files. Wall time: time.perf_counter() around the
    child. Peak RSS: GNU time's %M when /usr/bin/time exists, because the ru_maxrss that os.wait4
    reports for a direct child also counts the forked copy of this harness before exec (Linux keeps
    the pre-exec high-water mark); otherwise os.wait4's ru_maxrss (an upper bound)."""
    res = RunResult()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".time") as tfile:
        full = [GNU_TIME, "-f", "%M", "-o", tfile.name] + argv if GNU_TIME else argv
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(full, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env,
                                    cwd=cwd, start_new_session=True)
        except OSError as e:
            res.status, res.detail = "crash", f"cannot start: {e}"
            return res
        killed = []

        def kill():
            killed.append(True)
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        res.wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        res.maxrss_kb = usage.ru_maxrss
        res.timed_out = bool(killed)
        if os.WIFSIGNALED(status):
            res.signal = os.WTERMSIG(status)
        else:
            res.exit = os.WEXITSTATUS(status)
        if GNU_TIME and not killed:
            lines = [l.strip() for l in tfile.read().splitlines() if l.strip()]
            if lines and lines[-1].isdigit():
                res.maxrss_kb = int(lines[-1])
            if lines and lines[0].startswith("Command terminated by signal"):
                res.signal, res.exit = int(lines[0].split()[-1]), None
            elif not lines:
                res.status, res.detail = "crash", "cannot start: " + (err.seek(0) or err.read().decode(
                    "utf-8", "replace").strip()[:200])
        out.seek(0)
        err.seek(0)
        res.stdout = out.read().decode("utf-8", "replace")
        res.stderr = err.read().decode("utf-8", "replace")
    return res


def first_error_line(stderr):
    lines = [l.rstrip() for l in stderr.splitlines() if l.strip()]
    lines = [l for l in lines if not ITERATION_RE.match(l)]
    if not lines:
        return ""
    # The exception line follows the traceback; otherwise the first line says it.
    for i, l in enumerate(lines):
        if l.startswith("Traceback"):
            for later in lines[i + 1:]:
                if not later.startswith(" "):
                    return later[:200]
    return lines[0][:200]


def parse_jit_stats(stderr):
    stats = {}
    for line in stderr.splitlines():
        if ITERATION_RE.match(line) or line.startswith(("Traceback", " ")):
            continue
        m = STAT_RE.match(line)
        if m:
            stats[m.group(1).strip()] = m.group(2)
    return stats


def classify(res, expected):
    if res.status == "crash":
        return
    if res.timed_out:
        res.status, res.detail = "timeout", f"killed after {res.wall:.1f} s"
    elif res.signal is not None:
        res.status, res.detail = "crash", f"signal {res.signal}: {first_error_line(res.stderr)}"
    elif res.exit != 0:
        res.status, res.detail = "crash", f"exit {res.exit}: {first_error_line(res.stderr)}"
    elif expected is None:
        res.status, res.detail = "unchecked", "no CPython reference output"
    elif res.stdout != expected:
        res.status = "wrong"
        res.detail = "wrong output: " + describe_diff(expected, res.stdout)


def describe_diff(expected, got):
    e, g = expected.splitlines(), got.splitlines()
    for i in range(max(len(e), len(g))):
        a = e[i] if i < len(e) else "<missing>"
        b = g[i] if i < len(g) else "<missing>"
        if a != b:
            return f"line {i + 1}: expected {a[:60]!r}, got {b[:60]!r}"
    return "differs in whitespace"


def program_args(scale, iterations=1):
    """Both options always, so the programs never need the environment; with --iterations 1 a
    program prints one 'iteration 1 <s>' line (its in-process time) to stderr."""
    return ["--iterations", str(iterations), "--scale", repr(scale)]


def inner_times(stderr):
    return [float(m.group(2)) for m in map(ITERATION_RE.match, stderr.splitlines()) if m]


def engine_env():
    env = dict(os.environ)
    for var in ("KESTREL_JIT", "BENCH_ITERATIONS", "BENCH_SCALE"):
        env.pop(var, None)
    return env


class ExpectedCache:
    """CPython's stdout per (program source, scale), cached on disk across harness runs."""

    def __init__(self, directory, reference, timeout):
        self.dir = directory
        self.reference = reference
        self.timeout = timeout
        self.memory = {}

    def key(self, program, scale):
        h = hashlib.sha256()
        for path in (program, os.path.join(os.path.dirname(program), "_bench.py")):
            if os.path.exists(path):
                with open(path, "rb") as f:
                    h.update(f.read())
        h.update(repr(scale).encode())
        h.update((self.reference.path or "").encode())
        return h.hexdigest()[:20]

    def get(self, program, scale):
        if self.reference is None or self.reference.missing:
            return None
        key = self.key(program, scale)
        if key in self.memory:
            return self.memory[key]
        path = os.path.join(self.dir, f"{os.path.basename(program)[:-3]}-{key}.out")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                value = f.read()
        else:
            res = run_process(self.reference.argv(program, program_args(scale), stats=False),
                              self.timeout, env=engine_env(), cwd=os.path.dirname(program))
            if res.exit != 0 or res.timed_out or res.signal is not None:
                log(f"  reference CPython failed on {os.path.basename(program)}: "
                    f"{first_error_line(res.stderr)}")
                value = None
            else:
                value = res.stdout
                os.makedirs(self.dir, exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(value)
        self.memory[key] = value
        return value


# --------------------------------------------------------------------------- statistics

def median(xs):
    return statistics.median(xs) if xs else None


def geomean(xs):
    xs = [x for x in xs if x and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def summarize(runs, programs, engines):
    """Per (program, engine): state ('ok', 'missing', 'FAILURE'), median/min/max wall, RSS."""
    summary = {}
    for p in programs:
        for e in engines:
            rs = [r for r in runs if r["program"] == p and r["engine"] == e.label]
            cell = {"program": p, "engine": e.label, "runs": len(rs)}
            if e.missing:
                cell["state"] = "missing"
            elif any(r["status"] not in ("ok", "unchecked") for r in rs):
                bad = [r for r in rs if r["status"] not in ("ok", "unchecked")]
                cell["state"] = "FAILURE"
                cell["failure"] = bad[0]["status"]
                cell["detail"] = bad[0]["detail"]
                cell["failed_runs"] = len(bad)
            elif not rs:
                cell["state"] = "not run"
            else:
                walls = [r["wall_s"] for r in rs]
                rss = [r["maxrss_kb"] for r in rs if r["maxrss_kb"] is not None]
                cell.update(state="ok" if all(r["status"] == "ok" for r in rs) else "unchecked",
                            median_s=median(walls), min_s=min(walls), max_s=max(walls),
                            rss_kb=median(rss))
            summary[(p, e.label)] = cell
    return summary


def speedup(summary, program, engine, base):
    a, b = summary.get((program, engine)), summary.get((program, base))
    if not a or not b or a.get("median_s") is None or b.get("median_s") is None:
        return None
    return b["median_s"] / a["median_s"]


# --------------------------------------------------------------------------- tables

def cell_text(cell, markdown=False):
    state = cell["state"]
    if state == "missing":
        return "missing"
    if state == "not run":
        return "-"
    if state == "FAILURE":
        word = {"wrong": "wrong output", "timeout": "timeout", "crash": "crash"}.get(cell["failure"],
                                                                                  cell["failure"])
        return f"**FAILURE** ({word})" if markdown else f"FAILURE ({word})"
    mark = "?" if state == "unchecked" else ""
    return f"{cell['median_s']:.3f}{mark} [{cell['min_s']:.3f}-{cell['max_s']:.3f}]"


def ratio_text(x):
    return "-" if x is None else f"{x:.2f}x"


def ratio_columns(engines):
    labels = [e.label for e in engines]
    cols = []
    if REFERENCE in labels:
        cols += [(e.label, REFERENCE, f"{e.label} vs cpython") for e in engines if e.label != REFERENCE]
    if "jit" in labels and "interp" in labels:
        cols.append(("jit", "interp", "jit vs interp"))
    return cols


def render_table(headers, rows, markdown):
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    fmt = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
    return "\n".join([fmt(headers), fmt(["-" * w for w in widths])] + [fmt(r) for r in rows])


def time_table(summary, programs, engines, markdown=False):
    cols = ratio_columns(engines)
    headers = ["program"] + [f"{e.label} (s)" for e in engines] + [c[2] for c in cols]
    rows = []
    for p in programs:
        row = [p] + [cell_text(summary[(p, e.label)], markdown) for e in engines]
        row += [ratio_text(speedup(summary, p, a, b)) for a, b, _ in cols]
        rows.append(row)
    geo = ["geomean"] + ["" for _ in engines]
    geo += [ratio_text(geomean([speedup(summary, p, a, b) for p in programs])) for a, b, _ in cols]
    rows.append(geo)
    return render_table(headers, rows, markdown)


def rss_table(summary, programs, engines, markdown=False):
    headers = ["program"] + [f"{e.label} (MB)" for e in engines]
    rows = []
    for p in programs:
        row = [p]
        for e in engines:
            c = summary[(p, e.label)]
            if c["state"] in ("missing", "FAILURE", "not run"):
                row.append(cell_text(c, markdown) if c["state"] != "FAILURE" else "FAILURE")
            else:
                row.append(f"{c['rss_kb'] / 1024:.1f}")
        rows.append(row)
    return render_table(headers, rows, markdown)


def startup_table(startup, engines, markdown=False):
    headers = ["engine", "median (ms)", "min (ms)", "max (ms)", "peak RSS (MB)", "runs"]
    rows = []
    for e in engines:
        s = startup.get(e.label)
        if e.missing:
            rows.append([e.label, "missing", "", "", "", ""])
        elif not s or s.get("state") != "ok":
            rows.append([e.label, "FAILURE" if s else "-", "", "", "", ""])
        else:
            rows.append([e.label, f"{s['median_s'] * 1000:.1f}", f"{s['min_s'] * 1000:.1f}",
                         f"{s['max_s'] * 1000:.1f}", f"{s['rss_kb'] / 1024:.1f}", str(s["runs"])])
    return render_table(headers, rows, markdown)


def warmup_table(warmup, programs, engines, markdown=False):
    """First iteration, last iteration, and last/first per engine (in-process warm-up)."""
    headers = ["program"] + [f"{e.label} first/last (s)" for e in engines]
    rows = []
    for p in programs:
        row = [p]
        for e in engines:
            w = warmup.get(p, {}).get(e.label)
            if e.missing:
                row.append("missing")
            elif not w:
                row.append("-")
            elif w["status"] != "ok":
                row.append("FAILURE" if not markdown else "**FAILURE**")
            elif not w["times"]:
                row.append("no iterations")
            else:
                t = w["times"]
                row.append(f"{t[0]:.3f} / {t[-1]:.3f}")
        rows.append(row)
    return render_table(headers, rows, markdown)


def failure_lines(summary, warmup, startup, programs, engines):
    lines = []
    for p in programs:
        for e in engines:
            c = summary.get((p, e.label))
            if c and c["state"] == "FAILURE":
                lines.append(f"{p} / {e.label}: {c['failure']} ({c['failed_runs']}/{c['runs']} runs): "
                             f"{c['detail']}")
            w = warmup.get(p, {}).get(e.label)
            if w and w["status"] not in ("ok", "unchecked") and not (c and c["state"] == "FAILURE"):
                lines.append(f"{p} / {e.label} (warm-up run): {w['status']}: {w['detail']}")
    for e in engines:
        s = startup.get(e.label)
        if s and s.get("state") == "FAILURE":
            lines.append(f"startup / {e.label}: {s['detail']}")
    return lines


# --------------------------------------------------------------------------- plots

def gnuplot_available():
    return shutil.which("gnuplot") is not None


def run_gnuplot(script, workdir):
    path = os.path.join(workdir, "plot.gp")
    with open(path, "w") as f:
        f.write(script)
    res = subprocess.run(["gnuplot", path], capture_output=True, text=True, cwd=workdir, timeout=120)
    if res.returncode != 0:
        log(f"gnuplot failed: {res.stderr.strip()[:500]}")
        return False
    return True


def terminal_line(width, height):
    res = subprocess.run(["gnuplot", "-e", "set terminal"], capture_output=True, text=True)
    if "pngcairo" in res.stdout + res.stderr:
        return f"set terminal pngcairo noenhanced size {width},{height} font 'Sans,9'"
    return f"set terminal png noenhanced size {width},{height}"


ENGINE_COLORS = {"interp": "#8e44ad", "jit": "#16a085", "cpython": "#2e86de", "pypy": "#e67e22"}
EXTRA_COLORS = ["#c0392b", "#7f8c8d", "#2c3e50", "#d35400", "#27ae60"]


def color(label, index):
    return ENGINE_COLORS.get(label) or EXTRA_COLORS[index % len(EXTRA_COLORS)]


def gp_quote(s):
    return "'" + s.replace("'", "''") + "'"


def plot_speedups(summary, programs, engines, path, workdir):
    others = [e for e in engines if e.label != REFERENCE]
    if not any(e.label == REFERENCE for e in engines) or not others:
        return False
    data = os.path.join(workdir, "speedup.dat")
    with open(data, "w") as f:
        f.write("program " + " ".join(e.label for e in others) + "\n")
        for p in programs:
            vals = []
            for e in others:
                s = speedup(summary, p, e.label, REFERENCE)
                vals.append("NaN" if s is None else f"{s:.4f}")
            f.write(p + " " + " ".join(vals) + "\n")
    script = f"""{terminal_line(1400, 600)}
set output {gp_quote(path)}
set title 'Speed-up over CPython (median wall time; >1 is faster; missing/failed bars absent)'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set logscale y 2
set yrange [0.0625:*]
set ylabel 'CPython time / engine time'
set xtics rotate by -40 scale 0
set grid ytics
set key top left
set datafile missing 'NaN'
plot {gp_quote(data)} using 2:xtic(1) title columnheader(2) lc rgb '{color(others[0].label, 0)}'""" + \
        "".join(f", '' using {i + 2} title columnheader({i + 2}) lc rgb '{color(others[i].label, i)}'"
                for i in range(1, len(others))) + \
        ", 1 with lines lc rgb 'black' dt 2 notitle\n"
    return run_gnuplot(script, workdir)


def plot_warmup(warmup, programs, engines, path, workdir):
    progs = [p for p in programs if any(w.get("times") for w in warmup.get(p, {}).values())]
    if not progs:
        return False
    cols = min(4, len(progs))
    rows = (len(progs) + cols - 1) // cols
    parts = [terminal_line(380 * cols, 300 * rows + 40), f"set output {gp_quote(path)}",
             f"set multiplot layout {rows},{cols} title 'In-process warm-up: seconds per iteration "
             f"(one process per engine)'",
             "set datafile missing 'NaN'", "set key top right font ',7'", "set xlabel 'iteration'",
             "set ylabel 's'", "set yrange [0:*]", "set grid", "set xtics 1"]
    for p in progs:
        data = os.path.join(workdir, f"warmup-{p}.dat")
        series = [(e.label, warmup[p].get(e.label, {}).get("times") or []) for e in engines]
        n = max(len(t) for _, t in series)
        with open(data, "w") as f:
            f.write("iteration " + " ".join(label for label, _ in series) + "\n")
            for i in range(n):
                f.write(str(i + 1) + " " + " ".join(f"{t[i]:.6f}" if i < len(t) else "NaN"
                                                   for _, t in series) + "\n")
        present = [i for i, (_, t) in enumerate(series) if t]
        plots = ", ".join(f"{gp_quote(data)} using 1:{i + 2} with linespoints lw 1.5 "
                          f"lc rgb '{color(series[i][0], i)}' title columnheader({i + 2})" for i in present)
        parts.append(f"set title {gp_quote(p)}")
        parts.append(f"plot {plots}")
    parts.append("unset multiplot")
    return run_gnuplot("\n".join(parts) + "\n", workdir)


# --------------------------------------------------------------------------- machine info

def machine_info():
    info = {"nproc": os.cpu_count(), "platform": platform.platform()}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    info["memory_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        info["loadavg"] = os.getloadavg()
    except OSError:
        pass
    try:
        rev = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        info["git"] = rev + ("-dirty" if dirty else "")
    except OSError:
        pass
    return info


# --------------------------------------------------------------------------- docs region

def write_docs_region(docs_path, body):
    text = ""
    if os.path.exists(docs_path):
        with open(docs_path, encoding="utf-8") as f:
            text = f.read()
    region = f"{BEGIN_MARK}\n{body.rstrip()}\n{END_MARK}"
    b, e = text.find(BEGIN_MARK), text.find(END_MARK)
    if b != -1 and e != -1 and e > b:
        text = text[:b] + region + text[e + len(END_MARK):]
    else:
        if text and not text.endswith("\n"):
            text += "\n"
        text += ("\n" if text else "") + region + "\n"
    os.makedirs(os.path.dirname(os.path.abspath(docs_path)), exist_ok=True)
    with open(docs_path, "w", encoding="utf-8") as f:
        f.write(text)


def docs_body(meta, summary, warmup, startup, programs, engines, images, failures):
    m = meta["machine"]
    load = m.get("loadavg")
    lines = [
        "## Latest harness run",
        "",
        "Generated by `bench/harness.py` (see [benchmarking.md](benchmarking.md)); everything between the",
        "`harness:begin`/`harness:end` markers is rewritten on each run.",
        "",
        f"- Date: {meta['date']}",
        f"- Command: `{meta['command']}`",
        f"- Mode: {meta['mode']}; {meta['runs']} interleaved process runs per engine, program scale "
        f"{meta['scale']}; warm-up: {meta['iterations']} iterations at scale {meta['warmup_scale']}",
        f"- Machine: {m.get('nproc')} CPUs, {m.get('cpu', '?')}, {m.get('memory_gib', '?')} GiB RAM, "
        f"{m.get('platform', '')}" + (f"; load average at start {load[0]:.2f}" if load else "")
        + (f", at end {meta['loadavg_end'][0]:.2f}" if meta.get("loadavg_end") else ""),
        f"- Kestrel checkout: {m.get('git', '?')}" + "".join(
            f"; binary `{os.path.relpath(path, ROOT)}` built {snap['built']}, sha256 {snap['sha256']}"
            for path, snap in meta.get("snapshots", {}).items()),
        "- Engines:",
    ]
    for e in engines:
        lines.append(f"  - {e.label}: `{e.describe()}` — {meta['versions'].get(e.label, '?')}")
    lines += [
        "",
        "### Wall time per process (median [min-max] seconds; ratios are speed-ups, >1 = faster)",
        "",
        time_table(summary, programs, engines, markdown=True),
        "",
    ]
    if "speedup" in images:
        lines += [f"![speed-up over CPython]({images['speedup']})", ""]
    lines += ["### Peak RSS (median, MB)", "", rss_table(summary, programs, engines, markdown=True), ""]
    if startup:
        lines += ["### Start-up (`print(1)`)", "", startup_table(startup, engines, markdown=True), ""]
    if warmup:
        lines += ["### In-process warm-up (first / last iteration, seconds)", "",
                  warmup_table(warmup, programs, engines, markdown=True), ""]
        if "warmup" in images:
            lines += [f"![warm-up curves]({images['warmup']})", ""]
    stats = jit_stats_lines(meta.get("jit_stats", {}))
    lines += ["### --jit-stats", ""] + (stats or ["Kestrel printed no `--jit-stats` output."]) + [""]
    lines += ["### Failures", ""] + ([f"- {l}" for l in failures] or ["None."]) + [""]
    return "\n".join(lines)


def jit_stats_lines(stats):
    lines = []
    for program, per_engine in stats.items():
        for label, st in per_engine.items():
            if st:
                shown = ", ".join(f"{k}: {v}" for k, v in list(st.items())[:8])
                lines.append(f"- {program} / {label}: {shown}")
    return lines


# --------------------------------------------------------------------------- main modes

def list_programs(directory, selection, quick):
    available = sorted(f[:-3] for f in os.listdir(directory)
                       if f.endswith(".py") and not f.startswith("_"))
    if selection:
        wanted = [p.strip().removesuffix(".py") for p in selection.split(",") if p.strip()]
        unknown = [p for p in wanted if p not in available]
        if unknown:
            raise SystemExit(f"unknown program(s) {', '.join(unknown)}; available: {', '.join(available)}")
        return wanted
    return available


def record(program, engine, kind, index, res, extra=None):
    row = {"kind": kind, "program": program, "engine": engine.label, "run": index,
           "wall_s": res.wall, "maxrss_kb": res.maxrss_kb, "exit": res.exit, "signal": res.signal,
           "status": res.status, "detail": res.detail, "jit_stats": res.jit_stats}
    if res.status not in ("ok", "unchecked"):
        row["stderr_tail"] = res.stderr[-2000:]
        row["stdout_head"] = res.stdout[:2000]
    if extra:
        row.update(extra)
    return row


def missing_row(program, engine, kind, index):
    return {"kind": kind, "program": program, "engine": engine.label, "run": index, "wall_s": None,
            "maxrss_kb": None, "exit": None, "signal": None, "status": "missing",
            "detail": f"engine not found: {engine.command[0] if engine.command else '?'}", "jit_stats": {}}


def benchmark(opts):
    cfg = dict(QUICK if opts.quick else FULL)
    for k in ("runs", "scale", "iterations", "warmup_scale", "startup_runs", "timeout"):
        v = getattr(opts, k)
        if v is not None:
            cfg[k] = v
    programs_dir = os.path.abspath(opts.programs_dir)
    programs = list_programs(programs_dir, opts.programs, opts.quick)
    engines, reference = build_engines(opts)
    if reference is None:
        reference = Engine(REFERENCE, [opts.cpython])
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    out_dir = os.path.abspath(opts.out or os.path.join(RESULTS_DIR, stamp))
    os.makedirs(out_dir, exist_ok=True)
    cache = ExpectedCache(opts.cache or os.path.join(os.path.dirname(out_dir), "cache"), reference,
                          cfg["timeout"])
    env = engine_env()
    snapshots = {}
    if not opts.no_snapshot:
        # Other builds in the same checkout may relink or delete build/kestrel mid-run: measure a copy.
        bindir = os.path.join(out_dir, "bin")
        for e in engines:
            if e.kestrel and not e.missing:
                if e.path not in snapshots:
                    os.makedirs(bindir, exist_ok=True)
                    copy = os.path.join(bindir, f"{os.path.basename(e.path)}-{len(snapshots)}")
                    shutil.copy2(e.path, copy)
                    with open(copy, "rb") as f:
                        digest = hashlib.sha256(f.read()).hexdigest()[:16]
                    built = datetime.datetime.fromtimestamp(os.path.getmtime(e.path)).astimezone()
                    snapshots[e.path] = {"copy": copy, "sha256": digest,
                                         "built": built.strftime("%Y-%m-%d %H:%M %Z")}
                e.original_path = e.path
                e.path = snapshots[e.path]["copy"]
    meta = {
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "command": os.environ.get("BENCH_COMMAND") or " ".join(
            shlex.quote(a) for a in ["/usr/bin/python3", os.path.relpath(os.path.abspath(sys.argv[0]), ROOT)]
            + sys.argv[1:]),
        "mode": "quick" if opts.quick else "full",
        "machine": machine_info(),
        "programs_dir": programs_dir,
        "engines": {e.label: {"command": e.command, "path": e.path, "missing": e.missing,
                              "snapshot_of": getattr(e, "original_path", None)} for e in engines},
        "snapshots": snapshots,
        **cfg,
    }
    meta["versions"] = {e.label: engine_version(e) for e in engines}
    log(f"harness: {len(programs)} programs x {len(engines)} engines "
        f"({', '.join(e.label + (' [missing]' if e.missing else '') for e in engines)}), "
        f"{cfg['runs']} runs, scale {cfg['scale']}; results in {out_dir}")

    runs = []
    t_start = time.perf_counter()
    for p in programs:
        path = os.path.join(programs_dir, p + ".py")
        expected = cache.get(path, cfg["scale"])
        args = program_args(cfg["scale"])
        for i in range(cfg["runs"]):
            for e in engines:               # interleaved: A B C D A B C D ...
                if e.missing:
                    runs.append(missing_row(p, e, "timed", i))
                    continue
                res = run_process(e.argv(path, args), cfg["timeout"], env=env, cwd=programs_dir)
                classify(res, expected)
                if e.kestrel and res.status == "ok":
                    res.jit_stats = parse_jit_stats(res.stderr)
                inner = inner_times(res.stderr)
                runs.append(record(p, e, "timed", i, res, {"inner_s": inner[0] if inner else None}))
        line = "  ".join(f"{e.label}={cell_text(c)}" for e in engines
                         for c in [summarize(runs, [p], [e])[(p, e.label)]])
        log(f"  {p}: {line}")

    warmup = {}
    if cfg["iterations"] and cfg["iterations"] > 0 and not opts.no_warmup:
        log(f"warm-up curves: {cfg['iterations']} iterations at scale {cfg['warmup_scale']}")
        for p in programs:
            path = os.path.join(programs_dir, p + ".py")
            expected = cache.get(path, cfg["warmup_scale"])
            args = program_args(cfg["warmup_scale"], cfg["iterations"])
            warmup[p] = {}
            for e in engines:
                if e.missing:
                    warmup[p][e.label] = {"status": "missing", "detail": "engine not found", "times": []}
                    runs.append(missing_row(p, e, "warmup", 0))
                    continue
                res = run_process(e.argv(path, args), cfg["timeout"], env=env, cwd=programs_dir)
                classify(res, expected)
                times = inner_times(res.stderr)
                if e.kestrel and res.status == "ok":
                    res.jit_stats = parse_jit_stats(res.stderr)
                warmup[p][e.label] = {"status": res.status, "detail": res.detail, "times": times,
                                      "wall_s": res.wall, "maxrss_kb": res.maxrss_kb}
                runs.append(record(p, e, "warmup", 0, res, {"iterations": times}))

    startup = {}
    if cfg["startup_runs"] and not opts.no_startup:
        log(f"start-up: print(1), {cfg['startup_runs']} runs per engine")
        script = os.path.join(out_dir, "startup_print1.py")
        with open(script, "w") as f:
            f.write("print(1)\n")
        rows = {e.label: [] for e in engines}
        for i in range(cfg["startup_runs"]):
            for e in engines:
                if e.missing:
                    continue
                res = run_process(e.argv(script, [], stats=False), cfg["timeout"], env=env)
                classify(res, "1\n")
                rows[e.label].append(res)
                runs.append(record("startup", e, "startup", i, res))
        for e in engines:
            rs = rows[e.label]
            if e.missing:
                startup[e.label] = {"state": "missing"}
            elif any(r.status != "ok" for r in rs):
                bad = [r for r in rs if r.status != "ok"][0]
                startup[e.label] = {"state": "FAILURE", "detail": f"{bad.status}: {bad.detail}"}
            else:
                walls = [r.wall for r in rs]
                startup[e.label] = {"state": "ok", "median_s": median(walls), "min_s": min(walls),
                                    "max_s": max(walls), "rss_kb": median([r.maxrss_kb for r in rs]),
                                    "runs": len(rs)}

    meta["elapsed_s"] = time.perf_counter() - t_start
    try:
        meta["loadavg_end"] = os.getloadavg()
    except OSError:
        pass
    timed = [r for r in runs if r["kind"] == "timed"]
    summary = summarize(timed, programs, engines)
    meta["jit_stats"] = {}
    for p in programs:
        for e in engines:
            stats = [r["jit_stats"] for r in timed if r["program"] == p and r["engine"] == e.label
                     and r.get("jit_stats")]
            if stats:
                meta["jit_stats"].setdefault(p, {})[e.label] = stats[-1]

    # Plots.
    images = {}
    docs_path = os.path.abspath(opts.docs or DOCS_FILE)
    img_dir = os.path.join(os.path.dirname(docs_path), "img")
    if gnuplot_available():
        work = os.path.join(out_dir, "plots")
        os.makedirs(work, exist_ok=True)
        for name, fn in (("speedup", lambda path: plot_speedups(summary, programs, engines, path, work)),
                         ("warmup", lambda path: plot_warmup(warmup, programs, engines, path, work))):
            png = os.path.join(out_dir, f"{name}.png")
            if fn(png) and os.path.exists(png):
                images[name] = png
    else:
        log("gnuplot not found: no plots (install gnuplot-nox; scripts/setup.sh does)")

    # Raw data.
    summary_list = list(summary.values())
    with open(os.path.join(out_dir, "results.json"), "w") as f:
        json.dump({"meta": meta, "programs": programs, "runs": runs, "summary": summary_list,
                   "warmup": warmup, "startup": startup}, f, indent=1, default=str)
    with open(os.path.join(out_dir, "results.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["kind", "program", "engine", "run", "wall_s", "maxrss_kb", "exit", "signal", "status",
                    "detail", "inner_s", "iteration_times"])
        for r in runs:
            w.writerow([r["kind"], r["program"], r["engine"], r["run"],
                        "" if r["wall_s"] is None else f"{r['wall_s']:.6f}",
                        "" if r["maxrss_kb"] is None else r["maxrss_kb"],
                        "" if r["exit"] is None else r["exit"], "" if r["signal"] is None else r["signal"],
                        r["status"], r["detail"],
                        "" if r.get("inner_s") is None else f"{r['inner_s']:.6f}", " ".join(f"{t:.6f}" for t in r.get("iterations", []))])

    failures = failure_lines(summary, warmup, startup, programs, engines)
    # Terminal report.
    print()
    print(f"Wall time per process: median [min-max] s, {cfg['runs']} interleaved runs, scale {cfg['scale']}; "
          "ratios are speed-ups (>1 = faster)")
    print(time_table(summary, programs, engines))
    print()
    print("Peak RSS (median, MB)")
    print(rss_table(summary, programs, engines))
    if startup:
        print()
        print("Start-up: print(1)")
        print(startup_table(startup, engines))
    if warmup:
        print()
        print(f"In-process warm-up: first / last of {cfg['iterations']} iterations (s)")
        print(warmup_table(warmup, programs, engines))
    stats = jit_stats_lines(meta["jit_stats"])
    print()
    print("--jit-stats: " + ("\n" + "\n".join(stats) if stats else "no output from Kestrel"))
    print()
    print("Failures:" + ("\n  " + "\n  ".join(failures) if failures else " none"))
    print()
    print(f"results: {out_dir}/results.json, results.csv" +
          (", " + ", ".join(os.path.basename(v) for v in images.values()) if images else ""))

    if not opts.no_docs:
        os.makedirs(img_dir, exist_ok=True)
        rel = {}
        for name, png in images.items():
            dest = os.path.join(img_dir, f"bench-{name}.png")
            shutil.copyfile(png, dest)
            rel[name] = os.path.relpath(dest, os.path.dirname(docs_path))
        write_docs_region(docs_path, docs_body(meta, summary, warmup, startup, programs, engines, rel,
                                               failures))
        print(f"docs: {docs_path} (region {BEGIN_MARK} ... {END_MARK}), images in {img_dir}")
    log(f"harness: done in {time.perf_counter() - t_start:.0f} s")
    return 0


# --------------------------------------------------------------------------- callgrind

def callgrind(opts):
    """Deterministic comparison: instructions executed (Ir) under valgrind --tool=callgrind for two
    Kestrel binaries on the same programs; no timing noise."""
    if not shutil.which("valgrind"):
        raise SystemExit("valgrind not found (scripts/setup.sh installs it)")
    a = resolve(opts.kestrel or os.path.join(ROOT, "build", "kestrel"))
    b = resolve(opts.baseline) if opts.baseline else None
    if a is None:
        raise SystemExit(f"--kestrel binary not found: {opts.kestrel}")
    if opts.baseline and b is None:
        raise SystemExit(f"--baseline binary not found: {opts.baseline}")
    programs_dir = os.path.abspath(opts.programs_dir)
    programs = list_programs(programs_dir, opts.programs or "sum_to_n,fib,richards,nbody,word_count", False)
    scale = opts.scale if opts.scale is not None else 0.05
    flags = shlex.split(opts.kestrel_args or "")
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    out_dir = os.path.abspath(opts.out or os.path.join(RESULTS_DIR, "callgrind-" + stamp))
    os.makedirs(out_dir, exist_ok=True)
    binaries = [("kestrel", a)] + ([("baseline", b)] if b else [])
    rows, data = [], []
    log(f"callgrind: {len(programs)} programs at scale {scale}, binaries: " +
        ", ".join(f"{n}={p}" for n, p in binaries))
    for p in programs:
        path = os.path.join(programs_dir, p + ".py")
        counts = {}
        for name, binary in binaries:
            prefix = f"callgrind.{p}.{name}."
            for f in os.listdir(out_dir):
                if f.startswith(prefix):
                    os.remove(os.path.join(out_dir, f))
            # --trace-children so wrapper scripts that exec the engine are followed; every process
            # writes its own file (%p) and the instruction counts are summed.
            argv = ["valgrind", "--tool=callgrind", "--trace-children=yes", "--smc-check=all-non-file",
                    f"--callgrind-out-file={os.path.join(out_dir, prefix + '%p.out')}",
                    binary] + flags + [path] + program_args(scale)
            res = run_process(argv, opts.timeout or 1800, env=engine_env(), cwd=programs_dir)
            ir = None
            for f in sorted(os.listdir(out_dir)):
                if f.startswith(prefix):
                    with open(os.path.join(out_dir, f)) as fh:
                        for line in fh:
                            if line.startswith("summary:"):
                                ir = (ir or 0) + int(line.split()[1])
                                break
            if ir is None:
                found = re.findall(r"Collected\s*:\s*(\d+)", res.stderr)
                ir = sum(int(x) for x in found) if found else None
            errors = [l for l in res.stderr.splitlines() if not l.startswith("==")]
            status = "ok" if res.exit == 0 and ir is not None else \
                f"FAILURE (exit {res.exit}: {first_error_line(chr(10).join(errors))})"
            counts[name] = ir if status == "ok" else None
            data.append({"program": p, "binary": name, "path": binary, "instructions": ir, "status": status,
                         "exit": res.exit, "wall_s": res.wall})
            log(f"  {p} / {name}: {ir if ir is not None else status}")
        row = [p] + [f"{counts[n]:,}" if counts.get(n) else "FAILURE" for n, _ in binaries]
        if b:
            row.append(f"{counts['kestrel'] / counts['baseline']:.3f}"
                       if counts.get("kestrel") and counts.get("baseline") else "-")
        rows.append(row)
    headers = ["program"] + [f"{n} (Ir)" for n, _ in binaries] + (["kestrel/baseline"] if b else [])
    print(render_table(headers, rows, False))
    if b:
        pairs = [(x["instructions"], y["instructions"]) for x in data for y in data
                 if x["program"] == y["program"] and x["binary"] == "kestrel" and y["binary"] == "baseline"
                 and x["instructions"] and y["instructions"]]
        g = geomean([x / y for x, y in pairs])
        if g:
            print(f"geomean kestrel/baseline instruction ratio: {g:.3f} (<1 = fewer instructions)")
    with open(os.path.join(out_dir, "callgrind.json"), "w") as f:
        json.dump({"scale": scale, "flags": flags, "binaries": dict(binaries), "results": data}, f, indent=1)
    print(f"results: {out_dir}/callgrind.json")
    return 0 if all(d["status"] == "ok" for d in data) else 1


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="few runs at BENCH scale 0.2 (a few minutes)")
    ap.add_argument("--programs", help="comma-separated program names (default: all in --programs-dir)")
    ap.add_argument("--engines", help="comma-separated engine labels (default: interp,jit,cpython,pypy)")
    ap.add_argument("--engine", action="append", metavar="LABEL=COMMAND",
                    help="define or override an engine (repeatable), e.g. --engine pypy=/opt/pypy/bin/pypy3")
    ap.add_argument("--runs", type=int, help="process runs per engine and program")
    ap.add_argument("--scale", type=float, help="program size factor (passed as --scale)")
    ap.add_argument("--iterations", type=int, help="in-process iterations for warm-up curves (0 = skip)")
    ap.add_argument("--warmup-scale", type=float, help="program size factor for the warm-up runs")
    ap.add_argument("--startup-runs", type=int, help="print(1) runs per engine (0 = skip)")
    ap.add_argument("--timeout", type=float, help="seconds before a run is killed and reported as a failure")
    ap.add_argument("--no-warmup", action="store_true", help="skip warm-up curves")
    ap.add_argument("--no-startup", action="store_true", help="skip the start-up measurement")
    ap.add_argument("--out", help="directory for results.json/results.csv/PNGs (default bench/results/<time>)")
    ap.add_argument("--cache", help="directory for cached CPython outputs (default: next to --out)")
    ap.add_argument("--docs", help="markdown file whose harness region is rewritten (default docs/benchmarks.md);"
                    " PNGs go to img/ beside it")
    ap.add_argument("--no-docs", action="store_true", help="do not touch the docs file or its images")
    ap.add_argument("--programs-dir", default=PROGRAMS_DIR, help="where the programs live")
    ap.add_argument("--kestrel", help="Kestrel binary (default build/kestrel)")
    ap.add_argument("--no-snapshot", action="store_true",
                    help="run Kestrel binaries in place instead of from a copy taken at start")
    ap.add_argument("--cpython", default="/usr/bin/python3", help="CPython binary (the reference)")
    ap.add_argument("--pypy", default="pypy3", help="PyPy binary")
    ap.add_argument("--callgrind", action="store_true",
                    help="count instructions under valgrind for --kestrel (and --baseline) instead of timing")
    ap.add_argument("--baseline", help="second Kestrel binary for --callgrind")
    ap.add_argument("--kestrel-args", help="extra Kestrel flags for --callgrind, e.g. '--jit=off'")
    opts = ap.parse_args(argv)
    if opts.callgrind:
        return callgrind(opts)
    return benchmark(opts)


if __name__ == "__main__":
    sys.exit(main())
