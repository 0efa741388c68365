#!/usr/bin/env bash
# Benchmark suite: set-up + build, then Kestrel (interp, JIT) vs CPython vs PyPy over bench/programs.
#   bash scripts/bench.sh --quick        # a few minutes; rewrites the harness region of docs/benchmarks.md
#   bash scripts/bench.sh                # full run
#   bash scripts/bench.sh --help         # all options (see docs/benchmarking.md)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh >/dev/null
export BENCH_COMMAND="bash scripts/bench.sh${*:+ $*}"
exec /usr/bin/python3 bench/harness.py "$@"
