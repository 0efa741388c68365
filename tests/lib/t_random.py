# Tests for lib/random.py, lib/_random.py and lib/_sha512.py against CPython.


@test
def test_sha512():
    import hashlib
    for d in [b'', b'abc', b'a' * 111, b'a' * 112, b'a' * 128, bytes(range(256)) * 3]:
        check(f'sha512 {len(d)}', K['_sha512'].sha512(d).hexdigest(), hashlib.sha512(d).hexdigest())


SEEDS = [0, 1, 42, -42, 2 ** 32, 2 ** 100 + 12345, 3.25, -0.5, True, 'hello', '', 'ünï',
         b'bytes', bytearray(b'ba')]


@test
def test_random_core():
    kr, cr = K['random'], c_random
    for s in SEEDS:
        a, b = kr.Random(s), cr.Random(s)
        check(f'state {s!r}', a.getstate(), b.getstate())
        check(f'random {s!r}', [a.random() for _ in range(700)], [b.random() for _ in range(700)])
        check(f'getrandbits {s!r}', [a.getrandbits(k) for k in (1, 7, 31, 32, 33, 63, 64, 65, 200)],
              [b.getrandbits(k) for k in (1, 7, 31, 32, 33, 63, 64, 65, 200)])
        check(f'state after {s!r}', a.getstate(), b.getstate())
    for s in ['abc', b'xyz', 7]:
        a, b = kr.Random(), cr.Random()
        a.seed(s, version=1)
        b.seed(s, version=1)
        check(f'seed v1 {s!r}', a.random(), b.random())
    for bad in [[1], {}, (1, 2)]:
        same(f'seed bad {bad!r}', kr.Random, cr.Random, bad)


@test
def test_random_methods():
    kr, cr = K['random'], c_random
    a, b = kr.Random(12345), cr.Random(12345)
    for n in [1, 2, 3, 7, 10, 100, 1000, 2 ** 31, 2 ** 70, 10 ** 30]:
        check(f'randrange {n}', [a.randrange(n) for _ in range(50)], [b.randrange(n) for _ in range(50)])
    for args in [(5, 10), (-10, 10, 3), (10, -10, -3), (0, 100, 7), (1, 2), (3, 3 + 2 ** 80, 5)]:
        check(f'randrange {args}', [a.randrange(*args) for _ in range(30)], [b.randrange(*args) for _ in range(30)])
    check('randint', [a.randint(-5, 5) for _ in range(200)], [b.randint(-5, 5) for _ in range(200)])
    seq = list(range(20))
    check('choice', [a.choice(seq) for _ in range(100)], [b.choice(seq) for _ in range(100)])
    check('choice str', [a.choice('abcdef') for _ in range(30)], [b.choice('abcdef') for _ in range(30)])
    for n in [0, 1, 2, 5, 50, 600]:
        x, y = list(range(n)), list(range(n))
        a.shuffle(x)
        b.shuffle(y)
        check(f'shuffle {n}', x, y)
    for n, k in [(10, 3), (10, 10), (100, 5), (100, 50), (10000, 20), (30, 0)]:
        check(f'sample {n} {k}', a.sample(range(n), k), b.sample(range(n), k))
    check('sample counts', a.sample(['r', 'g', 'b'], 5, counts=[4, 2, 3]), b.sample(['r', 'g', 'b'], 5, counts=[4, 2, 3]))
    check('sample str', a.sample('abcdefgh', 4), b.sample('abcdefgh', 4))
    check('choices', a.choices('abc', k=20), b.choices('abc', k=20))
    check('choices w', a.choices('abc', [1, 5, 2], k=20), b.choices('abc', [1, 5, 2], k=20))
    check('choices cw', a.choices('abc', cum_weights=[1, 1.5, 9], k=20), b.choices('abc', cum_weights=[1, 1.5, 9], k=20))
    check('uniform', [a.uniform(-3, 8) for _ in range(20)], [b.uniform(-3, 8) for _ in range(20)])
    check('triangular', [a.triangular(0, 10, 3) for _ in range(20)], [b.triangular(0, 10, 3) for _ in range(20)])
    check('gauss', [a.gauss(1, 2) for _ in range(21)], [b.gauss(1, 2) for _ in range(21)])
    check('state w/ gauss', a.getstate(), b.getstate())
    check('normalvariate', [a.normalvariate() for _ in range(20)], [b.normalvariate() for _ in range(20)])
    check('expovariate', [a.expovariate(1.5) for _ in range(20)], [b.expovariate(1.5) for _ in range(20)])
    for al in [0.3, 1.0, 2.5]:
        check(f'gamma {al}', [a.gammavariate(al, 2.0) for _ in range(20)], [b.gammavariate(al, 2.0) for _ in range(20)])
    check('beta', [a.betavariate(2, 3) for _ in range(20)], [b.betavariate(2, 3) for _ in range(20)])
    check('vonmises', [a.vonmisesvariate(1, 2) for _ in range(20)], [b.vonmisesvariate(1, 2) for _ in range(20)])
    check('lognorm', [a.lognormvariate(0, 1) for _ in range(5)], [b.lognormvariate(0, 1) for _ in range(5)])
    check('pareto', [a.paretovariate(3) for _ in range(5)], [b.paretovariate(3) for _ in range(5)])
    check('weibull', [a.weibullvariate(1, 2) for _ in range(5)], [b.weibullvariate(1, 2) for _ in range(5)])
    check('randbytes', a.randbytes(13), b.randbytes(13))
    check('final state', a.getstate(), b.getstate())
    st = b.getstate()
    a.setstate(st)
    check('setstate', a.random(), b.random())
    check('setstate returns', a.getstate(), b.getstate())


@test
def test_random_errors():
    a, b = K['random'].Random(1), c_random.Random(1)
    cases = [('randrange', (0,)), ('randrange', (-3,)), ('randrange', (5, 5)), ('randrange', (5, 1)),
             ('randrange', (1, 10, 0)), ('randrange', (10, 1, 2)), ('randrange', (1.5,)),
             ('randrange', ('a',)), ('randrange', (1, 2.5)), ('randrange', (1, 10, 1.5)),
             ('randrange', (10, None, 2)), ('choice', ([],)), ('sample', ([1, 2], 3)),
             ('sample', ([1, 2], -1)), ('sample', ({1, 2}, 1)), ('sample', ({1: 2}, 1)),
             ('getrandbits', (-1,)), ('gammavariate', (0, 1)), ('choices', ('ab', [1])),
             ('choices', ('ab', [0, 0])), ('choices', ('ab', 3)), ('setstate', ((9, (), None),)),
             ('choices', ('ab', [1, 2])), ('randint', (3, 1))]
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        for meth, args in cases:
            same(f'{meth}{args}', getattr(a, meth), getattr(b, meth), *args)
    same('choices both', a.choices, b.choices, 'ab', [1, 2], cum_weights=[1, 2])
    same('sample counts bad', a.sample, b.sample, 'ab', 1, counts=[1])
    same('sample counts zero', a.sample, b.sample, 'ab', 1, counts=[0, 0])
    check('state after errors', a.getstate(), b.getstate())


@test
def test_random_module_functions():
    kr = K['random']
    kr.seed(2024)
    c_random.seed(2024)
    check('module random', [kr.random() for _ in range(10)], [c_random.random() for _ in range(10)])
    check('module randint', [kr.randint(1, 6) for _ in range(10)], [c_random.randint(1, 6) for _ in range(10)])
    x, y = list('abcdefg'), list('abcdefg')
    kr.shuffle(x)
    c_random.shuffle(y)
    check('module shuffle', x, y)
    check('module getstate', kr.getstate(), c_random.getstate())
    kr.seed()
    check('seed None works', type(kr.random()), float)
    check('two unseeded differ', kr.Random().random() != kr.Random().random(), True)


@test
def test_random_subclass():
    def run(m):
        class Mine(m.Random):
            def random(self):
                self.n = getattr(self, 'n', 0) + 1
                return (self.n * 0.37) % 1.0

        class Bits(m.Random):
            def getrandbits(self, k):
                return super().getrandbits(k) ^ 1 if k else 0
        a, b = Mine(5), Bits(5)
        return [a.randrange(100) for _ in range(10)], a.choice('abcdef'), [b.randrange(10) for _ in range(10)]
    check('random subclass _randbelow', run(K['random']), run(c_random))


@test
def test_random_stress():
    import random as R
    meta = R.Random(99)
    a, b = K['random'].Random(777), c_random.Random(777)
    bad = 0
    for i in range(300):
        start = meta.randrange(-10 ** meta.randrange(1, 25), 10 ** meta.randrange(1, 25))
        width = meta.randrange(1, 10 ** meta.randrange(1, 25))
        step = meta.choice([1, 1, 2, 3, -1, -7, 1000])
        stop = start + width if step > 0 else start - width
        if a.randrange(start, stop, step) != b.randrange(start, stop, step):
            bad += 1
        n = meta.randrange(1, 3000)
        k = meta.randrange(0, min(n, 60) + 1)
        if a.sample(range(n), k) != b.sample(range(n), k):
            bad += 1
    check('random stress mismatches', bad, 0)
    st = list(b.getstate())
    st[0] = 2
    a.setstate(tuple(st))
    b.setstate(tuple(st))
    check('setstate v2', a.random(), b.random())
