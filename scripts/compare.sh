#!/usr/bin/env bash
# The headline comparison (until the benchmark harness lands): the seed's
# sum_to_n(10**7) under Kestrel's interpreter, Kestrel with the JIT switch on,
# CPython 3.11 and PyPy, timed side by side in one run with hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh >/dev/null
prog=bench/programs/sum_to_n.py
for engine in "build/kestrel --jit=off" "build/kestrel" "/usr/bin/python3" "pypy3"; do
  echo "== $engine: $($engine $prog)"
done
hyperfine -N --warmup 1 --runs "${RUNS:-5}" \
  -n "kestrel --jit=off" "build/kestrel --jit=off $prog" \
  -n "kestrel (JIT not built yet)" "build/kestrel $prog" \
  -n "cpython 3.11" "/usr/bin/python3 $prog" \
  -n "pypy3" "pypy3 $prog"
