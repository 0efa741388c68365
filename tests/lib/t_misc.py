# Tests for lib/operator.py, copy.py, types.py, abc.py, keyword.py, string.py against CPython.


@test
def test_operator():
    ko, co = K['operator'], c_operator
    binops = ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'and_', 'or_', 'xor', 'lshift',
              'rshift', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'is_', 'is_not', 'concat', 'contains', 'getitem',
              'countOf', 'indexOf', 'iadd', 'isub', 'imul', 'iand', 'ior', 'ixor', 'ifloordiv', 'imod',
              'ipow', 'ilshift', 'irshift', 'itruediv', 'iconcat']
    operands = [(7, 3), (-7, 2), (2.5, 0.5), ([1, 2], [2]), ('ab', 'b'), ((1, 2, 1), 1), (5, 0), ({1: 2}, 1),
                (True, 3), ('x', 3), ([1], 0)]
    for name in binops:
        for a, b in operands:
            same(f'operator.{name}({a!r}, {b!r})', getattr(ko, name), getattr(co, name), a, b)
    for name in ['neg', 'pos', 'abs', 'inv', 'invert', 'not_', 'truth', 'index']:
        for a in [5, -3, 0, True, 2.5, 'a', [1]]:
            same(f'operator.{name}({a!r})', getattr(ko, name), getattr(co, name), a)
    l1, l2 = [1, 2, 3], [1, 2, 3]
    ko.setitem(l1, 1, 'x')
    co.setitem(l2, 1, 'x')
    ko.delitem(l1, 0)
    co.delitem(l2, 0)
    check('setitem/delitem', l1, l2)
    a = [1]
    check('iadd in place', ko.iadd(a, [2]) is a, True)
    check('dunder alias', (ko.__add__ is ko.add, ko.__and__ is ko.and_, ko.__not__ is ko.not_), (True, True, True))
    check('length_hint', (ko.length_hint([1, 2]), ko.length_hint(iter([1, 2, 3])), ko.length_hint(5, 7)),
          (co.length_hint([1, 2]), co.length_hint(iter([1, 2, 3])), co.length_hint(5, 7)))

    class P:
        def __init__(self):
            self.a = 1
            self.b = self

        def m(self, x, k=0):
            return (x, k)
    p = P()
    for f in [lambda m: m.itemgetter(1)([5, 6]), lambda m: m.itemgetter(1, 0)('ab'), lambda m: m.itemgetter('k')({'k': 2}),
              lambda m: m.attrgetter('a')(p), lambda m: m.attrgetter('b.b.a', 'a')(p), lambda m: m.attrgetter('zz')(p),
              lambda m: m.methodcaller('m', 3, k=4)(p), lambda m: m.methodcaller('upper')('abc'),
              lambda m: repr(m.itemgetter(1)), lambda m: repr(m.itemgetter(1, 'a')),
              lambda m: repr(m.attrgetter('a.b', 'c')), lambda m: repr(m.methodcaller('m', 1, k=2)),
              lambda m: m.itemgetter(), lambda m: m.attrgetter(1), lambda m: m.methodcaller(),
              lambda m: m.methodcaller(1), lambda m: m.itemgetter(1)(5), lambda m: m.indexOf([1], 2),
              lambda m: sorted([(1, 'b'), (0, 'z'), (1, 'a')], key=m.itemgetter(1)),
              lambda m: m.call(max, 1, 2)]:
        check('operator getters', outcome(f, ko), outcome(f, co))


@test
def test_copy():
    kc, cc = K['copy'], c_copy

    class Obj:
        def __init__(self):
            self.items = [1, [2, 3]]
            self.d = {'k': [4]}

    class WithCopy:
        def __init__(self):
            self.n = 0

        def __copy__(self):
            r = WithCopy()
            r.n = 'shallow'
            return r

        def __deepcopy__(self, memo):
            r = WithCopy()
            r.n = ('deep', type(memo).__name__)
            return r

    class State:
        def __init__(self):
            self.x = [1]

        def __getstate__(self):
            return {'x': self.x, 'extra': True}

        def __setstate__(self, st):
            self.__dict__.update(st)
            self.restored = True

    class L(list):
        pass

    o = Obj()
    for m in (kc, cc):
        s = m.copy(o)
        d = m.deepcopy(o)
        check(f'copy obj {m is kc}', (type(s) is Obj, s.items is o.items, d.items == o.items, d.items is o.items,
                                      d.items[1] is o.items[1], d.d == o.d, d.d['k'] is o.d['k']),
              (True, True, True, False, False, True, False))
    nested = [1, (2, [3]), {'a': {4, 5}}, (6, 7), 'x', None, frozenset([1])]
    for name, f in [('copy list', lambda m: m.copy(nested)), ('deepcopy list', lambda m: m.deepcopy(nested)),
                    ('copy tuple', lambda m: m.copy((1, 2))), ('copy dict', lambda m: m.copy({'a': [1]})),
                    ('copy set', lambda m: m.copy({1, 2})), ('copy bytearray', lambda m: m.copy(bytearray(b'ab'))),
                    ('withcopy', lambda m: (m.copy(WithCopy()).n, m.deepcopy(WithCopy()).n)),
                    ('state', lambda m: (lambda y: (y.x, y.extra, y.restored))(m.deepcopy(State()))),
                    ('list subclass', lambda m: (lambda y: (type(y).__name__, list(y)))(m.deepcopy(L([1, [2]])))),
                    ('copy func', lambda m: m.copy(len) is len)]:
        check(f'copy {name}', outcome(f, kc), outcome(f, cc))
    d = kc.deepcopy(nested)
    check('deepcopy identity', (d[1] is nested[1], d[1][1] is nested[1][1], d[3] is nested[3], d[4] is nested[4]),
          (False, False, True, True))
    rec = [1]
    rec.append(rec)
    r2 = kc.deepcopy(rec)
    check('deepcopy recursive', (r2[1] is r2, r2 is not rec), (True, True))
    shared = [1]
    pair = [shared, shared]
    p2 = kc.deepcopy(pair)
    check('deepcopy shared', p2[0] is p2[1], True)
    Pt = K['collections'].namedtuple('Pt', 'a b')
    pt = Pt([1], 2)
    pd = kc.deepcopy(pt)
    check('deepcopy namedtuple', (repr(pd), pd.a is pt.a, type(pd) is Pt), ('Pt(a=[1], b=2)', False, True))
    check('copy.Error', issubclass(kc.Error, Exception), True)


@test
def test_types_abc_keyword_string():
    kt, ct = K['types'], c_types
    for f in [lambda m: repr(m.SimpleNamespace(a=1, b='x')), lambda m: repr(m.SimpleNamespace()),
              lambda m: m.SimpleNamespace(1), lambda m: m.SimpleNamespace(a=1) == m.SimpleNamespace(a=1),
              lambda m: m.SimpleNamespace(a=1) == m.SimpleNamespace(a=2),
              lambda m: (lambda n: (setattr(n, 'z', 3), repr(n))[1])(m.SimpleNamespace(y=2)),
              lambda m: isinstance(lambda: 0, m.FunctionType), isinstance((x for x in []), m.GeneratorType) if False else 0,
              lambda m: isinstance(len, m.BuiltinFunctionType), lambda m: type(None) is m.NoneType,
              lambda m: isinstance(c_types, m.ModuleType)]:
        check('types', outcome(f, kt), outcome(f, ct))

    def gen():
        yield 1
    check('GeneratorType', isinstance(gen(), kt.GeneratorType), True)
    check('MethodType', isinstance(test_copy.__get__(1), kt.MethodType), True)
    ka, ca = K['abc'], c_abc

    def shapes(m):
        class Shape(m.ABC):
            @m.abstractmethod
            def area(self):
                pass

            @m.abstractmethod
            def perimeter(self):
                pass

        class Half(Shape):
            def area(self):
                return 1

        class Sq(Half):
            def __init__(self, s):
                self.s = s

            def perimeter(self):
                return 4 * self.s
        out = [outcome(Shape), outcome(Half), Sq(2).perimeter(), Sq(2).area(), isinstance(Sq(1), Shape),
               getattr(Shape.area, '__isabstractmethod__', None)]
        return out
    check('abc shapes', shapes(ka), shapes(ca))
    check('keyword', (K['keyword'].kwlist, K['keyword'].softkwlist, K['keyword'].iskeyword('if'),
                      K['keyword'].iskeyword('match'), K['keyword'].issoftkeyword('match')),
          (c_keyword.kwlist, c_keyword.softkwlist, True, False, True))
    for name in ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'digits', 'hexdigits', 'octdigits',
                 'printable', 'punctuation', 'whitespace']:
        check(f'string.{name}', getattr(K['string'], name), getattr(c_string, name))
    for s, sep in [('hello   world  ', None), ('a-b-c', '-'), ('', None), ("it's ok", None)]:
        check(f'capwords {s!r}', K['string'].capwords(s, sep), c_string.capwords(s, sep))


@test
def test_copy_collections():
    kc, kcol = K['copy'], K['collections']
    for name, make in [('deque', lambda m: m.deque([[1], 2], 5)), ('Counter', lambda m: m.Counter('aab')),
                       ('defaultdict', lambda m: m.defaultdict(list, {'a': [1]})),
                       ('OrderedDict', lambda m: m.OrderedDict([('b', [1]), ('a', 2)]))]:
        for fn in ['copy', 'deepcopy']:
            x = make(kcol)
            y = getattr(kc, fn)(x)
            cx = make(c_collections)
            cy = getattr(c_copy, fn)(cx)
            check(f'{fn} {name}', (repr(y), y == x, y is x, type(y) is type(x)),
                  (repr(cy).replace('collections.', ''), cy == cx, cy is cx, True))
            first = next(iter(y.values() if isinstance(y, dict) else y))
            cfirst = next(iter(cy.values() if isinstance(cy, dict) else cy))
            xfirst = next(iter(x.values() if isinstance(x, dict) else x))
            cxfirst = next(iter(cx.values() if isinstance(cx, dict) else cx))
            check(f'{fn} {name} sharing', first is xfirst, cfirst is cxfirst)
