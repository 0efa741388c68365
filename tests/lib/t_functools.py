# Tests for lib/functools.py against CPython's functools.


@test
def test_reduce_partial():
    kf, cf = K['functools'], c_functools
    for args in [(lambda a, b: a + b, [1, 2, 3]), (lambda a, b: a + b, [], 10), (lambda a, b: a * b, range(1, 6), 1),
                 (len, []), (max, 'abc'), (lambda a, b: a + b, 5)]:
        same(f'reduce {args[1:]}', kf.reduce, cf.reduce, *args)
    same('partial not callable', kf.partial, cf.partial, 1)

    def f(a, b=2, *c, **d):
        return (a, b, c, d)
    kp, cp = kf.partial(f, 1, x=3), cf.partial(f, 1, x=3)
    check('partial call', kp(5, 6, y=1), cp(5, 6, y=1))
    check('partial override kw', kp(x=9), cp(x=9))
    check('partial attrs', (kp.func, kp.args, kp.keywords), (cp.func, cp.args, cp.keywords))
    kpp, cpp = kf.partial(kp, 7, z=0), cf.partial(cp, 7, z=0)
    check('partial flatten', (kpp.func, kpp.args, kpp.keywords), (cpp.func, cpp.args, cpp.keywords))
    check('partial repr', repr(kf.partial(max, 1, key=abs)), repr(cf.partial(max, 1, key=abs)))
    check('partial repr nested', repr(kpp).replace(hex(id(f)), 'X'), repr(cpp).replace(hex(id(f)), 'X'))

    class C:
        m = kf.partial(f, 'bound?')
    check('partial not a method', C().m(), ('bound?', 2, (), {}))


@test
def test_lru_cache():
    kf, cf = K['functools'], c_functools

    def run(m, maxsize, typed, seq):
        calls = []

        @m.lru_cache(maxsize=maxsize, typed=typed)
        def sq(x, y=0):
            calls.append(x)
            return x * x + y
        out = [sq(x) for x in seq]
        out.append(sq(2, y=1))
        out.append(sq(2, y=1))
        out.append(repr(sq.cache_info()))
        out.append(calls)
        out.append(sq.cache_parameters())
        sq.cache_clear()
        out.append(repr(sq.cache_info()))
        out.append(sq.__name__)
        out.append(sq.__wrapped__.__name__)
        return out
    import random as R
    rng = R.Random(3)
    seq = [rng.choice([1, 2, 3, 4, 5, 6, 1.0, 2.0, True]) for _ in range(200)]
    for maxsize in [None, 0, 1, 2, 3, 5, 128, -1]:
        for typed in [False, True]:
            check(f'lru {maxsize} {typed}', run(kf, maxsize, typed, seq), run(cf, maxsize, typed, seq))

    def bare(m):
        @m.lru_cache
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        return fib(60), repr(fib.cache_info())
    check('lru bare', bare(kf), bare(cf))

    def cached(m):
        @m.cache
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        return fib(80), repr(fib.cache_info())
    check('cache', cached(kf), cached(cf))
    same('lru bad', kf.lru_cache, cf.lru_cache, 'x')
    check('CacheInfo fields', kf.lru_cache(None)(len).cache_info()._fields, ('hits', 'misses', 'maxsize', 'currsize'))


@test
def test_wraps_total_ordering():
    kf, cf = K['functools'], c_functools

    def deco(m):
        def target(x):
            """doc"""
            return x
        target.extra = 1

        @m.wraps(target)
        def wrapper(*a):
            return target(*a)
        return (wrapper.__name__, wrapper.__qualname__.rsplit('.', 1)[-1], wrapper.__doc__, wrapper.extra,
                wrapper.__wrapped__ is target, wrapper.__module__)
    check('wraps', deco(kf), deco(cf))
    check('WRAPPER consts', (kf.WRAPPER_ASSIGNMENTS, kf.WRAPPER_UPDATES), (cf.WRAPPER_ASSIGNMENTS, cf.WRAPPER_UPDATES))

    def ordering(m, op):
        @m.total_ordering
        class V:
            def __init__(self, v):
                self.v = v

            def __eq__(self, o):
                return self.v == o.v
        setattr(V, op, {'__lt__': lambda s, o: s.v < o.v, '__le__': lambda s, o: s.v <= o.v,
                        '__gt__': lambda s, o: s.v > o.v, '__ge__': lambda s, o: s.v >= o.v}[op])
        V = m.total_ordering(V)
        a, b, c = V(1), V(2), V(1)
        return [a < b, a <= b, a > b, a >= b, a < c, a <= c, a > c, a >= c, b > a, b >= c,
                sorted([V(3), V(1), V(2)], key=lambda x: x)[0].v]
    for op in ['__lt__', '__le__', '__gt__', '__ge__']:
        check(f'total_ordering {op}', outcome(ordering, kf, op)[0], 'exc')  # class has no order op at decoration
    for op in ['__lt__', '__le__', '__gt__', '__ge__']:
        def ordering2(m, op=op):
            ns = {'__init__': lambda s, v: setattr(s, 'v', v), '__eq__': lambda s, o: s.v == o.v,
                  op: {'__lt__': lambda s, o: s.v < o.v, '__le__': lambda s, o: s.v <= o.v,
                       '__gt__': lambda s, o: s.v > o.v, '__ge__': lambda s, o: s.v >= o.v}[op]}
            V = m.total_ordering(type('V', (), ns))
            a, b, c = V(1), V(2), V(1)
            return [a < b, a <= b, a > b, a >= b, a < c, a <= c, a > c, a >= c, b > a, b >= c]
        check(f'total_ordering {op}', outcome(ordering2, kf), outcome(ordering2, cf))
    same('total_ordering none', kf.total_ordering, cf.total_ordering, type('A', (), {}))


@test
def test_cmp_to_key_cached_property_singledispatch():
    kf, cf = K['functools'], c_functools

    def cmp(a, b):
        return (a % 10 > b % 10) - (a % 10 < b % 10)
    data = [13, 2, 45, 21, 9, 30, 77, 12]
    check('cmp_to_key', sorted(data, key=kf.cmp_to_key(cmp)), sorted(data, key=cf.cmp_to_key(cmp)))
    check('cmp_to_key max', max(data, key=kf.cmp_to_key(cmp)), max(data, key=cf.cmp_to_key(cmp)))

    def cp(m):
        calls = []

        class C:
            @m.cached_property
            def x(self):
                """the x"""
                calls.append(1)
                return 42
        c = C()
        return [c.x, c.x, len(calls), 'x' in c.__dict__, C.x.attrname, C.x.__doc__, type(C.x).__name__]
    check('cached_property', cp(kf), cp(cf))

    def sd(m):
        @m.singledispatch
        def show(x):
            return 'obj'

        @show.register(int)
        def _(x):
            return 'int'

        @show.register
        def _(x: list):
            return 'list'
        show.register(str, lambda x: 'str')

        class MyInt(int):
            pass
        return [show(1), show(True), show(MyInt(3)), show('s'), show([1]), show(1.5), show(None),
                show.dispatch(bool).__name__ if hasattr(show.dispatch(bool), '__name__') else '']
    check('singledispatch', sd(kf), sd(cf))
    check('singledispatch no args', outcome(kf.singledispatch(len)), outcome(cf.singledispatch(len)))
