# Tests for lib/itertools.py against CPython's itertools.


def _take(it, n=50):
    out = []
    for x in it:
        out.append(x)
        if len(out) >= n:
            break
    return out


@test
def test_itertools_outputs():
    ki, ci = K['itertools'], c_itertools
    data = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
    cases = [
        ('count', lambda m: _take(m.count(), 5)),
        ('count2', lambda m: _take(m.count(10, -3), 5)),
        ('count float', lambda m: _take(m.count(0.5, 0.25), 5)),
        ('cycle', lambda m: _take(m.cycle('abc'), 10)),
        ('cycle empty', lambda m: _take(m.cycle(''), 10)),
        ('repeat', lambda m: list(m.repeat('x', 4))),
        ('repeat inf', lambda m: _take(m.repeat(7), 3)),
        ('repeat neg', lambda m: list(m.repeat(1, -3))),
        ('accumulate', lambda m: list(m.accumulate(data))),
        ('accumulate max', lambda m: list(m.accumulate(data, max))),
        ('accumulate init', lambda m: list(m.accumulate(data, initial=100))),
        ('accumulate empty init', lambda m: list(m.accumulate([], initial=1))),
        ('accumulate empty', lambda m: list(m.accumulate([]))),
        ('accumulate str', lambda m: list(m.accumulate('abc'))),
        ('chain', lambda m: list(m.chain('ab', [1, 2], (), range(3)))),
        ('chain.from_iterable', lambda m: list(m.chain.from_iterable(['ab', 'cd']))),
        ('compress', lambda m: list(m.compress('ABCDEF', [1, 0, 1, 0, 1, 1]))),
        ('dropwhile', lambda m: list(m.dropwhile(lambda x: x < 5, data))),
        ('takewhile', lambda m: list(m.takewhile(lambda x: x < 5, data))),
        ('filterfalse', lambda m: list(m.filterfalse(lambda x: x % 2, data))),
        ('filterfalse None', lambda m: list(m.filterfalse(None, [0, 1, '', 'a', None]))),
        ('starmap', lambda m: list(m.starmap(pow, [(2, 5), (3, 2), (10, 3)]))),
        ('pairwise', lambda m: list(m.pairwise('ABCDE'))),
        ('pairwise short', lambda m: list(m.pairwise('A'))),
        ('zip_longest', lambda m: list(m.zip_longest('ABCD', 'xy', fillvalue='-'))),
        ('zip_longest none', lambda m: list(m.zip_longest())),
        ('zip_longest 3', lambda m: list(m.zip_longest([1], [], [2, 3, 4]))),
        ('product', lambda m: list(m.product('ab', range(3)))),
        ('product repeat', lambda m: list(m.product(range(2), repeat=3))),
        ('product empty', lambda m: list(m.product())),
        ('product with empty', lambda m: list(m.product('ab', []))),
        ('permutations', lambda m: list(m.permutations(range(4)))),
        ('permutations r', lambda m: list(m.permutations('ABCD', 2))),
        ('permutations big r', lambda m: list(m.permutations('AB', 3))),
        ('permutations 0', lambda m: list(m.permutations('AB', 0))),
        ('combinations', lambda m: list(m.combinations(range(5), 3))),
        ('combinations 0', lambda m: list(m.combinations('abc', 0))),
        ('combinations big', lambda m: list(m.combinations('abc', 4))),
        ('cwr', lambda m: list(m.combinations_with_replacement('ABC', 2))),
        ('cwr empty', lambda m: list(m.combinations_with_replacement('', 2))),
        ('cwr empty0', lambda m: list(m.combinations_with_replacement('', 0))),
        ('groupby', lambda m: [(k, list(g)) for k, g in m.groupby('AAAABBBCCDAABBB')]),
        ('groupby key', lambda m: [(k, list(g)) for k, g in m.groupby(data, key=lambda x: x % 2)]),
        ('groupby skip', lambda m: [k for k, g in m.groupby('AAAABBBCCD')]),
        ('groupby stale', lambda m: [list(g) for k, g in list(m.groupby('AAABBC'))]),
        ('groupby partial', lambda m: [(k, next(g)) for k, g in m.groupby('AAABBC')]),
        ('tee', lambda m: [list(t) for t in m.tee('abcde', 3)]),
        ('tee0', lambda m: m.tee('abc', 0)),
        ('tee interleaved', lambda m: (lambda a, b: [next(a), next(a), next(b), list(a), list(b)])(*m.tee(range(5)))),
    ]
    for name, f in cases:
        check('itertools ' + name, outcome(f, ki), outcome(f, ci))
    # islice variants, including what remains of the underlying iterator
    for args in [(3,), (None,), (2, 8), (2, None), (0, 10, 3), (1, 9, 2), (5, 2), (0,), (0, 5, 3),
                 (20,), (3, 3), (1, None, 4)]:
        def f(m):
            it = iter(range(12))
            got = list(m.islice(it, *args))
            return got, list(it)
        check(f'islice {args}', outcome(f, ki), outcome(f, ci))
    for args in [(-1,), ('a',), (1, -1), (-1, 2), (0, 1, 0), (0, 1, -1), (1.5,), (), (1, 2, 3, 4)]:
        same(f'islice err {args}', ki.islice, ci.islice, [], *args)
    for name, f in [('chain(1)', lambda m: next(m.chain(1))), ('zip_longest(1)', lambda m: m.zip_longest(1)),
                    ('count(a)', lambda m: m.count('a')), ('perm -1', lambda m: m.permutations([1], -1)),
                    ('perm 1.5', lambda m: m.permutations([1], 1.5)), ('comb -1', lambda m: m.combinations([1], -1)),
                    ('product -1', lambda m: m.product([1], repeat=-1)), ('tee -1', lambda m: m.tee([1], -1)),
                    ('cycle(1)', lambda m: m.cycle(1)), ('pairwise(1)', lambda m: m.pairwise(1)),
                    ('groupby(1)', lambda m: m.groupby(1)), ('accumulate(1)', lambda m: m.accumulate(1))]:
        check(f'itertools err {name}', outcome(f, ki)[:2], outcome(f, ci)[:2])
        check(f'itertools errmsg {name}', outcome(f, ki), outcome(f, ci))
    for f in [lambda m: m.count(5), lambda m: m.count(5, 2), lambda m: m.count(0.5), lambda m: m.count(1, 1.0),
              lambda m: m.count(), lambda m: m.repeat(1, 3), lambda m: m.repeat('a'), lambda m: m.repeat(1, -2)]:
        check('itertools repr', repr(f(ki)), repr(f(ci)))
    c1, c2 = ki.count(3), ci.count(3)
    next(c1), next(c2)
    check('count repr after next', repr(c1), repr(c2))
    r1, r2 = ki.repeat('z', 3), ci.repeat('z', 3)
    next(r1), next(r2)
    check('repeat repr after next', repr(r1), repr(r2))
    check('iter is self', iter(c1) is c1, True)


@test
def test_itertools_laziness():
    ki = K['itertools']
    log = []

    def gen():
        for i in range(5):
            log.append(i)
            yield i
    it = ki.chain(gen())
    check('chain lazy', log, [])
    next(it)
    check('chain consumed one', log, [0])
    log.clear()
    t = ki.takewhile(lambda x: x < 2, gen())
    check('takewhile', list(t), [0, 1])
    check('takewhile consumed', log, [0, 1, 2])
