# Tests for lib/collections against CPython's collections.


@test
def test_deque_model():
    import random as R
    kc = K['collections']
    rng = R.Random(7)
    for maxlen in [None, 0, 1, 3, 10]:
        kd, cd = kc.deque(maxlen=maxlen), c_collections.deque(maxlen=maxlen)
        for step in range(400):
            op = rng.choice(['append', 'appendleft', 'pop', 'popleft', 'extend', 'extendleft',
                             'rotate', 'clear', 'count', 'index', 'remove', 'reverse', 'insert',
                             'getitem', 'setitem', 'delitem', 'contains'])
            if op == 'clear' and rng.random() < 0.8:
                continue
            arg = rng.randrange(-5, 6)
            args = {'append': (arg,), 'appendleft': (arg,), 'extend': ([arg, arg + 1],),
                    'extendleft': ([arg, arg + 1],), 'rotate': (arg,), 'count': (arg,),
                    'index': (arg,), 'remove': (arg,), 'insert': (arg, 99)}.get(op, ())
            if op == 'getitem':
                f = (lambda d, i=arg: d[i])
            elif op == 'setitem':
                f = (lambda d, i=arg: d.__setitem__(i, 'x'))
            elif op == 'delitem':
                f = (lambda d, i=arg: d.__delitem__(i))
            elif op == 'contains':
                f = (lambda d, i=arg: i in d)
            else:
                f = (lambda d, op=op, args=args: getattr(d, op)(*args))
            same(f'deque[{maxlen}] {op}{args}', f, f, kd) if False else \
                check(f'deque[{maxlen}] step {step} {op}{args}', outcome(f, kd), outcome(f, cd))
            if list(kd) != list(cd):
                check(f'deque[{maxlen}] state after {op}', list(kd), list(cd))
                break
        check(f'deque[{maxlen}] repr', repr(kd), repr(cd).replace('collections.', ''))
        check(f'deque[{maxlen}] len', len(kd), len(cd))
        check(f'deque[{maxlen}] reversed', list(reversed(kd)), list(reversed(cd)))


@test
def test_deque_misc():
    kc, cc = K['collections'], c_collections
    for f in [lambda m: repr(m.deque()), lambda m: repr(m.deque(maxlen=2)), lambda m: repr(m.deque([1, 2])),
              lambda m: repr(m.deque('abcdef', 3)), lambda m: m.deque([1, 2]) == m.deque([1, 2]),
              lambda m: m.deque([1, 2]) == [1, 2], lambda m: m.deque([1, 2]) < m.deque([1, 3]),
              lambda m: list(m.deque([1, 2], 3) + m.deque([3, 4])), lambda m: (m.deque([1], 3) + m.deque([3])).maxlen,
              lambda m: list(m.deque([1, 2]) * 3), lambda m: list(3 * m.deque([1, 2], 4)),
              lambda m: m.deque().pop(), lambda m: m.deque().popleft(), lambda m: m.deque([1]).index(9),
              lambda m: m.deque([1]).remove(9), lambda m: m.deque([1])[5], lambda m: m.deque([1], 1).insert(0, 2),
              lambda m: m.deque(maxlen=-1), lambda m: m.deque([1]) + [1], lambda m: m.deque(1),
              lambda m: m.deque([1, 2, 3]).index(3, 0, 2), lambda m: m.deque([1, 2, 3, 2]).index(2, -2),
              lambda m: m.deque(maxlen='a'), lambda m: bool(m.deque()), lambda m: m.deque([1, 2]).maxlen,
              lambda m: repr(m.deque([m.deque([1])])), lambda m: list(m.deque(range(100000))[-5:] if False else [m.deque(range(1000))[-1]])]:
        a, b = outcome(f, kc), outcome(f, cc)
        if a[0] == 'ok' and isinstance(a[1], str):
            b = ('ok', b[1].replace('collections.', '')) if b[0] == 'ok' else b
        check('deque misc', a, b)
    d = kc.deque([1, 2])
    d.append(d)
    check('deque recursive repr', repr(d), 'deque([1, 2, [...]])')
    d = kc.deque(range(5))
    d += [5, 6]
    d.extend(d)
    check('deque iadd/extend self', list(d), list(range(7)) * 2)

    def mutate():
        d = kc.deque([1, 2, 3])
        for x in d:
            d.append(x)
    check('deque mutated', outcome(mutate), ('exc', 'RuntimeError', 'deque mutated during iteration'))
    big = kc.deque()
    for i in range(20000):
        big.appendleft(i)
        big.append(-i)
    for i in range(19000):
        big.pop()
        big.popleft()
    check('deque big', list(big)[:3] + [len(big)], [999, 998, 997, 2000])


@test
def test_defaultdict():
    kc, cc = K['collections'], c_collections
    for f in [lambda m: repr(m.defaultdict(list, {1: [2]})), lambda m: repr(m.defaultdict()),
              lambda m: m.defaultdict(1), lambda m: m.defaultdict()[1], lambda m: repr(m.defaultdict(int, a=1)),
              lambda m: (lambda d: (d['x'].append(1), d['y'], repr(d)))(m.defaultdict(list)),
              lambda m: (lambda d: (d.get('q'), 'q' in d, len(d)))(m.defaultdict(int)),
              lambda m: repr(m.defaultdict(int, {'a': 1}).copy()), lambda m: isinstance(m.defaultdict(), dict),
              lambda m: repr(m.defaultdict(int, {1: 1}) | {2: 2}), lambda m: m.defaultdict(int) == {}]:
        check('defaultdict', outcome(f, kc), outcome(f, cc))

    class DD(kc.defaultdict):
        pass
    check('defaultdict subclass repr', repr(DD(int)), "DD(<class 'int'>, {})")


@test
def test_counter():
    kc, cc = K['collections'], c_collections
    texts = ['abracadabra', 'mississippi', '', 'aabbccddeeff', 'the quick brown fox jumps over the lazy dog']
    for t in texts:
        a, b = kc.Counter(t), cc.Counter(t)
        check(f'counter repr {t!r}', repr(a), repr(b))
        check(f'most_common {t!r}', a.most_common(), b.most_common())
        for n in [0, 1, 2, 3, 10, -1]:
            check(f'most_common({n}) {t!r}', a.most_common(n), b.most_common(n))
        check(f'elements {t!r}', list(a.elements()), list(b.elements()))
        check(f'total {t!r}', a.total(), b.total())
    a1, a2 = kc.Counter(a=3, b=1, c=-2), kc.Counter(a=1, b=2, d=5)
    b1, b2 = cc.Counter(a=3, b=1, c=-2), cc.Counter(a=1, b=2, d=5)
    for op in ['+', '-', '&', '|', '==', '<=', '<', '>=', '>', '!=']:
        check(f'counter {op}', repr(eval(f'a1 {op} a2')), repr(eval(f'b1 {op} b2')))
    check('counter unary', (repr(+a1), repr(-a1)), (repr(+b1), repr(-b1)))
    for meth, arg in [('update', 'abca'), ('update', {'a': 10, 'z': 1}), ('subtract', 'aaz'), ('subtract', {'b': 7})]:
        getattr(a1, meth)(arg)
        getattr(b1, meth)(arg)
        check(f'counter {meth} {arg!r}', repr(a1), repr(b1))
    a1.update(q=3)
    b1.update(q=3)
    check('counter update kw', repr(a1), repr(b1))
    for iop in ['+=', '-=', '|=', '&=']:
        x, y = kc.Counter('aabbbc'), cc.Counter('aabbbc')
        xo, yo = kc.Counter('abddd'), cc.Counter('abddd')
        exec(f'x {iop} xo')
        exec(f'y {iop} yo')
        check(f'counter {iop}', repr(x), repr(y))
    x, y = kc.Counter('ab'), cc.Counter('ab')
    del x['zz']
    del y['zz']
    check('counter missing', (x['nope'], len(x)), (y['nope'], len(y)))
    same('counter fromkeys', kc.Counter.fromkeys, cc.Counter.fromkeys, 'ab')
    check('counter unorderable repr', repr(kc.Counter({'a': 1, 'b': 'x'})), repr(cc.Counter({'a': 1, 'b': 'x'})))
    check('counter is dict', isinstance(kc.Counter(), dict), True)
    check('counter == dict', kc.Counter('a') == {'a': 1}, cc.Counter('a') == {'a': 1})


@test
def test_ordereddict():
    kc, cc = K['collections'], c_collections

    def script(m):
        out = []
        od = m.OrderedDict()
        out.append(repr(od))
        for k in 'hello world':
            od[k] = ord(k)
        out.append(repr(od))
        od.move_to_end('h')
        od.move_to_end('w', last=False)
        out.append(list(od))
        out.append(od.popitem())
        out.append(od.popitem(last=False))
        out.append(repr(od))
        od2 = m.OrderedDict(reversed(list(od.items())))
        out.append(od == od2)
        out.append(dict(od) == dict(od2))
        out.append(od == dict(od2))
        out.append(od != od2)
        out.append(repr(od.copy()))
        out.append(repr(m.OrderedDict.fromkeys('abc', 0)))
        out.append(repr(m.OrderedDict(a=1, b=2) | {'c': 3}))
        out.append(od.setdefault('zz', 5))
        out.append(list(reversed(od)))
        out.append(repr(m.OrderedDict([('a', 1), ('b', 2)])))
        return out
    check('ordereddict script', outcome(script, kc), outcome(script, cc))
    same('od popitem empty', lambda: kc.OrderedDict().popitem(), lambda: cc.OrderedDict().popitem())
    same('od move_to_end missing', lambda: kc.OrderedDict().move_to_end(1), lambda: cc.OrderedDict().move_to_end(1))


@test
def test_namedtuple():
    kc, cc = K['collections'], c_collections
    KP, CP = kc.namedtuple('Point', 'x y'), cc.namedtuple('Point', 'x y')
    KQ, CQ = kc.namedtuple('Q', ['a', 'b', 'c'], defaults=[2, 3]), cc.namedtuple('Q', ['a', 'b', 'c'], defaults=[2, 3])
    KE, CE = kc.namedtuple('E', ''), cc.namedtuple('E', '')
    KO, CO = kc.namedtuple('O', 'a, b,c'), cc.namedtuple('O', 'a, b,c')
    pairs = [(KP, CP), (KQ, CQ), (KE, CE), (KO, CO)]
    calls = [((), {}), ((1,), {}), ((1, 2), {}), ((1, 2, 3), {}), ((1, 2, 3, 4), {}), ((), {'x': 1, 'y': 2}),
             ((1,), {'x': 2}), ((), {'z': 1}), ((1,), {'y': 5}), ((), {'a': 1}), ((1,), {'c': 9}),
             ((), {'b': 1, 'c': 2}), ((1, 2, 3, 4, 5), {}), ((1,), {'a': 1, 'zz': 2})]
    for k, c in pairs:
        for args, kw in calls:
            check(f'{c.__name__}{args}{kw}', outcome(lambda T: repr(T(*args, **kw)), k),
                  outcome(lambda T: repr(T(*args, **kw)), c))
    p, q = KP(1, y=2), CP(1, y=2)
    check('nt fields', (p.x, p.y, p[0], p[-1], len(p), tuple(p)), (q.x, q.y, q[0], q[-1], len(q), tuple(q)))
    check('nt _fields', (KP._fields, KQ._field_defaults), (CP._fields, CQ._field_defaults))
    check('nt _asdict', p._asdict(), q._asdict())
    check('nt _replace', repr(p._replace(x=5)), repr(q._replace(x=5)))
    same('nt _replace bad', lambda: p._replace(z=1), lambda: q._replace(z=1))
    check('nt _make', repr(KP._make([3, 4])), repr(CP._make([3, 4])))
    same('nt _make bad', lambda: KP._make([3]), lambda: CP._make([3]))
    check('nt eq tuple', (p == (1, 2), p == q, hash(p) == hash((1, 2))), (q == (1, 2), True, True))
    check('nt isinstance', isinstance(p, tuple), True)
    check('nt doc', (KP.__doc__, KP.x.__doc__), (CP.__doc__, CP.x.__doc__))
    check('nt name', (KP.__name__, KP.__new__.__qualname__ if hasattr(KP.__new__, '__qualname__') else ''),
          (CP.__name__, CP.__new__.__qualname__))
    check('nt unpack', (lambda a, b: a + b)(*p), 3)
    check('nt rename', kc.namedtuple('R', ['a', 'def', '_x', 'a', '1'], rename=True)._fields,
          cc.namedtuple('R', ['a', 'def', '_x', 'a', '1'], rename=True)._fields)
    for args, kw in [(('P', 'a def'), {}), (('P', 'a _b'), {}), (('P', 'a a'), {}), (('P', 'a 1b'), {}),
                     (('def', 'a'), {}), (('P', ['a', 3]), {}), (('P', 'a'), {'defaults': [1, 2]}),
                     (('P-Q', 'a'), {})]:
        same(f'namedtuple err {args}', kc.namedtuple, cc.namedtuple, *args, **kw)

    class Sub(KP):
        def norm(self):
            return self.x + self.y
    check('nt subclass', (repr(Sub(1, 2)), Sub(3, 4).norm()), ('Sub(x=1, y=2)', 7))
    import copy as _copy
    check('nt copy', repr(_copy.copy(p)), 'Point(x=1, y=2)')


@test
def test_chainmap_userdict():
    kc, cc = K['collections'], c_collections

    def script(m):
        base, over = {'a': 1, 'b': 2}, {'b': 3, 'c': 4}
        cm = m.ChainMap(over, base)
        out = [cm['a'], cm['b'], cm['c'], len(cm), sorted(cm), 'a' in cm, cm.get('z', 0), repr(cm)]
        cm['d'] = 5
        out.append(over)
        child = cm.new_child()
        child['a'] = 100
        out += [child['a'], cm['a'], repr(child.parents)]
        ud = m.UserDict({'x': 1})
        ud['y'] = 2
        out += [repr(ud), len(ud), 'x' in ud, ud == {'x': 1, 'y': 2}, sorted(ud.items())]
        ul = m.UserList([3, 1, 2])
        ul.append(0)
        ul.sort()
        out += [repr(ul), ul[1], repr(ul[1:]), len(ul), ul == [0, 1, 2, 3], repr(ul + [9])]
        return out
    check('chainmap/userdict/userlist', outcome(script, kc), outcome(script, cc))
    same('chainmap missing', lambda: kc.ChainMap({})['x'], lambda: cc.ChainMap({})['x'])


@test
def test_collections_abc():
    ka = K['collections.abc']

    class M(ka.Mapping):
        def __init__(self, d):
            self.d = d

        def __getitem__(self, k):
            return self.d[k]

        def __iter__(self):
            return iter(self.d)

        def __len__(self):
            return len(self.d)

    m = M({'a': 1, 'b': 2})
    check('abc mapping', (m.get('a'), m.get('z', 9), 'a' in m, list(m.keys()), list(m.items()), list(m.values()),
                          m == {'a': 1, 'b': 2}), (1, 9, True, ['a', 'b'], [('a', 1), ('b', 2)], [1, 2], True))
    check('abc isinstance', (isinstance(m, ka.Mapping), isinstance(m, ka.Collection), isinstance(m, ka.Iterable)),
          (True, True, True))

    class S(ka.Sequence):
        def __getitem__(self, i):
            return 'xyz'[i]

        def __len__(self):
            return 3
    s = S()
    check('abc sequence', (list(s), 'y' in s, s.index('z'), s.count('x'), list(reversed(s))),
          (['x', 'y', 'z'], True, 2, 1, ['z', 'y', 'x']))


@test
def test_namedtuple_no_dict():
    for m in (K['collections'], c_collections):
        P = m.namedtuple('P', 'x')
        check('namedtuple setattr', outcome(setattr, P(1), 'z', 2)[:2], ('exc', 'AttributeError'))
