# Shared driver for the benchmark programs: --iterations K / --scale F (or BENCH_ITERATIONS / BENCH_SCALE).
import sys
import time


def _env(name):
    # The environment is optional: engines without a working os module ignore the env vars
    # (the harness passes --iterations/--scale on the command line).
    try:
        import os
        return os.environ.get(name)
    except Exception:
        return None


def options():
    """Returns (iterations, scale, explicit): explicit is True when iterations were asked for.
    The command line wins; the environment is consulted only for what it does not give."""
    iterations = scale = None
    args = sys.argv[1:]
    i = 0
    while i < len(args):
        arg = args[i]
        name, value = arg, None
        if "=" in arg:
            name, value = arg.split("=", 1)
        elif i + 1 < len(args):
            value = args[i + 1]
            i += 1
        if name == "--iterations":
            iterations = value
        elif name in ("--scale", "--size"):
            scale = value
        else:
            raise SystemExit("usage: PROGRAM [--iterations K] [--scale F]; unknown argument " + arg)
        i += 1
    if iterations is None:
        iterations = _env("BENCH_ITERATIONS")
    if scale is None:
        scale = _env("BENCH_SCALE")
    explicit = iterations is not None
    return int(iterations or 1), float(scale or 1.0), explicit


def run(workload, default_size, minimum=1, report=print):
    """Runs workload(size) K times in this process; prints 'iteration <i> <seconds>' lines to
    stderr when iterations were requested, then reports the (identical) result once on stdout."""
    iterations, scale, explicit = options()
    size = max(minimum, int(default_size * scale))
    first = None
    for i in range(1, iterations + 1):
        start = time.perf_counter()
        result = workload(size)
        elapsed = time.perf_counter() - start
        if explicit:
            print(f"iteration {i} {elapsed:.6f}", file=sys.stderr)
        if i == 1:
            first = result
        elif result != first:
            # A later iteration disagreeing with the first is an engine bug: make stdout differ.
            print(f"MISMATCH at iteration {i}: {result!r} != {first!r}")
    report(first)
