# Runs tests/lib/scenarios/<name>_scn.py with Kestrel's module and with CPython's, comparing the
# printed lines (the same scenarios run under build/kestrel via tests/lib/kestrel_compare.sh).
import importlib as _importlib_scn

SCENARIO_DIR = os.path.join(HERE, 'scenarios')


def _scenario_lines(scn, mod):
    lines = []
    try:
        scn.run(mod, lines.append)
    except BaseException as e:  # noqa: BLE001
        lines.append('SCENARIO CRASHED: %s: %s' % (type(e).__name__, e))
    return lines


@test
def test_scenarios():
    for fname in sorted(os.listdir(SCENARIO_DIR)):
        if not fname.endswith('_scn.py'):
            continue
        name = fname[:-len('_scn.py')]
        if name not in K:
            continue
        spec = importlib.util.spec_from_file_location('scn_' + name, os.path.join(SCENARIO_DIR, fname))
        scn = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(scn)
        cmod = _importlib_scn.import_module(name)
        got = _scenario_lines(scn, K[name])
        want = _scenario_lines(scn, cmod)
        for i in range(max(len(got), len(want))):
            g = got[i] if i < len(got) else '<missing>'
            w = want[i] if i < len(want) else '<missing>'
            check(f'scenario {name} line {i + 1}', g, w)
