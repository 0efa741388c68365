# Kestrel lib/ test runner: loads Kestrel's pure-Python stdlib modules (lib/*.py) under CPython
# and compares their behaviour with CPython's own modules (the oracle).
# Usage: python3 tests/lib/run_tests.py   -> prints failures, then "N passed, M failed".

import importlib.util
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
LIB = os.path.normpath(os.path.join(HERE, '..', '..', 'lib'))
MODULES = ['_sha512', '_random', 'bisect', 'operator', 'keyword', 'string', 'abc', 'types',
           'itertools', 'collections', 'collections.abc', 'functools', 'heapq', 'copy', 'random',
           'posixpath', 'os', 'os.path', 'contextlib', 'json', 'json.decoder', 'json.encoder', 'fractions', 'textwrap', 'dataclasses', 'enum', 'statistics', 'decimal']

# Import the oracle (CPython) modules first.
import _random as c_random_core  # noqa: E402
import abc as c_abc, bisect as c_bisect, collections as c_collections  # noqa: E402
import collections.abc as c_cabc, copy as c_copy, functools as c_functools  # noqa: E402
import heapq as c_heapq, itertools as c_itertools, keyword as c_keyword  # noqa: E402
import operator as c_operator, random as c_random, string as c_string  # noqa: E402
import types as c_types  # noqa: E402


def load_kestrel_modules():
    """Import lib/ modules under their real names, then restore CPython's sys.modules."""
    saved = {}
    for name in MODULES:
        if name in sys.modules:
            saved[name] = sys.modules.pop(name)
    loaded = {}
    try:
        # In dependency order; each module's imports then resolve to already-loaded lib/ modules
        # (builtin modules such as _sha512 would otherwise win over sys.path entries).
        for name in MODULES:
            if name in sys.modules:  # already imported from lib/ by an earlier module
                loaded[name] = sys.modules[name]
                continue
            path = os.path.join(LIB, *name.split('.'))
            pkg = os.path.isdir(path)
            path = os.path.join(path, '__init__.py') if pkg else path + '.py'
            if not os.path.exists(path):
                continue
            spec = importlib.util.spec_from_file_location(
                name, path, submodule_search_locations=[os.path.dirname(path)] if pkg else None)
            mod = importlib.util.module_from_spec(spec)
            sys.modules[name] = mod
            spec.loader.exec_module(mod)
            if '.' in name:
                parent, _, child = name.rpartition('.')
                setattr(sys.modules[parent], child, mod)
            loaded[name] = mod
    finally:
        for name in MODULES:
            sys.modules.pop(name, None)
        sys.modules.update(saved)
    return loaded


K = load_kestrel_modules()

passed = 0
failed = 0


def check(name, got, want):
    global passed, failed
    if got == want and type(got) is type(want):
        passed += 1
    else:
        failed += 1
        print(f'FAIL {name}: got {got!r:.300}, want {want!r:.300}')


def outcome(f, *a, **kw):
    """Result of f(*a, **kw) as ('ok', value) or ('exc', type name, message)."""
    try:
        return ('ok', f(*a, **kw))
    except Exception as e:  # noqa: BLE001
        return ('exc', type(e).__name__, str(e))


def same(name, kf, cf, *a, **kw):
    check(name, outcome(kf, *a, **kw), outcome(cf, *a, **kw))


TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


for fname in sorted(os.listdir(HERE)):
    if fname.startswith('t_') and fname.endswith('.py'):
        path = os.path.join(HERE, fname)
        with open(path) as f:
            src = f.read()
        exec(compile(src, path, 'exec'), globals())  # test files share this namespace


def main():
    t0 = time.time()
    for fn in TESTS:
        try:
            fn()
        except Exception as e:  # noqa: BLE001
            global failed
            failed += 1
            import traceback
            print(f'FAIL {fn.__name__}: crashed with {type(e).__name__}: {e}')
            traceback.print_exc(limit=3)
    print(f'# {time.time() - t0:.1f}s', file=sys.stderr)
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
