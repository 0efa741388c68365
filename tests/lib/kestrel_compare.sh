#!/usr/bin/env bash
# Runs every tests/lib/scenarios/*_scn.py under build/kestrel and CPython and diffs the output.
# Usage: bash tests/lib/kestrel_compare.sh [name...]   (default: all scenarios)
cd "$(dirname "$0")/../.."
KESTREL=${KESTREL:-build/kestrel}
PY=${PYTHON:-/usr/bin/python3}
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in tests/lib/scenarios/*_scn.py; do b=$(basename "$f" _scn.py); names+=("$b"); done
fi
ok=0; bad=0
for n in "${names[@]}"; do
  if diff <("$PY" tests/lib/scenarios/run.py "$n" 2>&1) <(timeout 60 "$KESTREL" tests/lib/scenarios/run.py "$n" 2>&1) > /tmp/kestrel_compare_$n.diff; then
    ok=$((ok+1)); echo "same: $n"
  else
    bad=$((bad+1)); echo "DIFF: $n (< CPython, > Kestrel)"; head -20 /tmp/kestrel_compare_$n.diff
  fi
done
echo "$ok same, $bad different"
[ $bad -eq 0 ]
