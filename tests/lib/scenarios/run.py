# Runs one lib/ scenario under the current interpreter and prints its output lines:
#   build/kestrel tests/lib/scenarios/run.py json      (uses Kestrel's lib/json)
#   python3       tests/lib/scenarios/run.py json      (uses CPython's json)
# tests/lib/kestrel_compare.sh diffs the two for every scenario; tests/lib/t_scenarios.py runs
# the same scenarios under CPython with Kestrel's modules loaded by path.
import sys

HERE = __file__.rpartition('/')[0] or '.'
sys.path.insert(0, HERE)


def main():
    for name in sys.argv[1:]:
        mod = __import__(name)
        for part in name.split('.')[1:]:
            mod = getattr(mod, part)
        scn = __import__(name.replace('.', '_') + '_scn')
        lines = []
        try:
            scn.run(mod, lines.append)
        except BaseException as e:  # noqa: BLE001
            lines.append('SCENARIO CRASHED: %s: %s' % (type(e).__name__, e))
        for line in lines:
            print(line)


main()
