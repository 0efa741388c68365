#!/usr/bin/env bash
# Benchmark suite: set-up + build, then Kestrel (interp, JIT) vs CPython vs PyPy over bench/programs.
#   bash scripts/bench.sh --quick        # a few minutes; rewrites the harness region of docs/benchmarks.md
#   bash scripts/bench.sh                # full run
#   bash scripts/bench.sh --help         # all options (see docs/benchmarking.md)
# BENCH_NO_BUILD=1 skips set-up and build and measures the existing build/kestrel.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  bash scripts/setup.sh
  if ! bash scripts/build.sh >/dev/null; then
    echo "bench: the build failed; not benchmarking a stale build/kestrel." >&2
    echo "bench: fix the build, or rerun with BENCH_NO_BUILD=1 to measure the existing binary." >&2
    exit 1
  fi
fi
export BENCH_COMMAND="bash scripts/bench.sh${*:+ $*}"
exec /usr/bin/python3 bench/harness.py "$@"
