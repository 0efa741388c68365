# Tests for lib/heapq.py and lib/bisect.py against CPython (list states must be identical).


@test
def test_heapq_states():
    import random as R
    kh, ch = K['heapq'], c_heapq
    rng = R.Random(11)
    for trial in range(30):
        a, b = [], []
        for step in range(200):
            op = rng.choice(['push', 'push', 'pop', 'replace', 'pushpop'])
            v = rng.randrange(50)
            f = {'push': lambda m, h: m.heappush(h, v), 'pop': lambda m, h: m.heappop(h),
                 'replace': lambda m, h: m.heapreplace(h, v), 'pushpop': lambda m, h: m.heappushpop(h, v)}[op]
            check(f'heap {trial} {op}', outcome(f, kh, a), outcome(f, ch, b))
            if a != b:
                check(f'heap state {trial} after {op}', a, b)
                break
    for n in [0, 1, 2, 5, 100, 3000, 6000]:
        x = [rng.randrange(1000) for _ in range(n)]
        y = list(x)
        kh.heapify(x)
        ch.heapify(y)
        check(f'heapify {n}', x, y)
    # tuples with ties keep identical layout
    x = [(rng.randrange(5), i) for i in range(300)]
    y = list(x)
    kh.heapify(x)
    ch.heapify(y)
    check('heapify tuples', x, y)
    check('heapsort', [kh.heappop(x) for _ in range(len(x))], [ch.heappop(y) for _ in range(len(y))])


@test
def test_heapq_functions():
    import random as R
    kh, ch = K['heapq'], c_heapq
    rng = R.Random(5)
    data = [rng.randrange(30) for _ in range(100)]
    fdata = [1, 1.0, True, 2, 2.0, 0, 0.0, False]
    for n in [-1, 0, 1, 2, 5, 50, 100, 200]:
        for key in [None, lambda x: -x, lambda x: x % 7]:
            check(f'nsmallest {n}', kh.nsmallest(n, data, key=key), ch.nsmallest(n, data, key=key))
            check(f'nlargest {n}', kh.nlargest(n, data, key=key), ch.nlargest(n, data, key=key))
            check(f'nsmallest iter {n}', kh.nsmallest(n, iter(data), key=key), ch.nsmallest(n, iter(data), key=key))
            check(f'nlargest iter {n}', kh.nlargest(n, iter(data), key=key), ch.nlargest(n, iter(data), key=key))
        check(f'nsmallest ties {n}', [type(v) for v in kh.nsmallest(n, iter(fdata))],
              [type(v) for v in ch.nsmallest(n, iter(fdata))])
        check(f'nlargest ties {n}', [type(v) for v in kh.nlargest(n, iter(fdata))],
              [type(v) for v in ch.nlargest(n, iter(fdata))])
    runs = [sorted(rng.randrange(20) for _ in range(rng.randrange(8))) for _ in range(6)]
    check('merge', list(kh.merge(*runs)), list(ch.merge(*runs)))
    check('merge none', list(kh.merge()), list(ch.merge()))
    check('merge reverse', list(kh.merge(*[r[::-1] for r in runs], reverse=True)),
          list(ch.merge(*[r[::-1] for r in runs], reverse=True)))
    kruns = [sorted([(rng.randrange(5), i, j) for j in range(4)], key=lambda t: t[0]) for i in range(5)]
    check('merge key stable', list(kh.merge(*kruns, key=lambda t: t[0])), list(ch.merge(*kruns, key=lambda t: t[0])))
    check('merge key reverse', list(kh.merge(*[r[::-1] for r in kruns], key=lambda t: t[0], reverse=True)),
          list(ch.merge(*[r[::-1] for r in kruns], key=lambda t: t[0], reverse=True)))
    for name, f in [('pop empty', lambda m: m.heappop([])), ('push tuple', lambda m: m.heappush((), 1)),
                    ('heapify tuple', lambda m: m.heapify(())), ('replace empty', lambda m: m.heapreplace([], 1)),
                    ('pushpop tuple', lambda m: m.heappushpop((), 1)), ('pop None', lambda m: m.heappop(None)),
                    ('pushpop empty', lambda m: m.heappushpop([], 3)), ('mixed', lambda m: m.heapify([1, 'a']))]:
        check(f'heapq err {name}', outcome(f, kh), outcome(f, ch))


@test
def test_bisect():
    import random as R
    kb, cb = K['bisect'], c_bisect
    rng = R.Random(9)
    for trial in range(50):
        a = sorted(rng.randrange(20) for _ in range(rng.randrange(15)))
        x = rng.randrange(-2, 22)
        for fn in ['bisect_left', 'bisect_right', 'bisect']:
            check(f'{fn} {a} {x}', getattr(kb, fn)(a, x), getattr(cb, fn)(a, x))
            lo, hi = rng.randrange(0, 5), rng.randrange(5, 20)
            check(f'{fn} lohi', getattr(kb, fn)(a, x, lo, hi) if hi <= len(a) else 0,
                  getattr(cb, fn)(a, x, lo, hi) if hi <= len(a) else 0)
            check(f'{fn} key', getattr(kb, fn)([(v, 'x') for v in a], x, key=lambda t: t[0]),
                  getattr(cb, fn)([(v, 'x') for v in a], x, key=lambda t: t[0]))
        for fn in ['insort_left', 'insort_right', 'insort']:
            k, c = [(v, 0) for v in a], [(v, 0) for v in a]
            getattr(kb, fn)(k, (x, 1), key=lambda t: t[0])
            getattr(cb, fn)(c, (x, 1), key=lambda t: t[0])
            check(f'{fn} key', k, c)
            k, c = list(a), list(a)
            getattr(kb, fn)(k, x)
            getattr(cb, fn)(c, x)
            check(f'{fn}', k, c)
    same('bisect lo<0', kb.bisect_left, cb.bisect_left, [1], 1, -1)
    same('insort lo<0', kb.insort, cb.insort, [1], 1, -2)
    same('bisect None', kb.bisect, cb.bisect, None, 1)
