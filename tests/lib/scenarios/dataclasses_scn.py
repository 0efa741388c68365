# dataclasses scenario: run(m, out) with m = a dataclasses module.


def _try(out, label, f):
    try:
        out('%s -> %r' % (label, f()))
    except Exception as e:  # noqa: BLE001
        out('%s raised %s: %s' % (label, type(e).__name__, e))


def run(m, out):
    dataclass, field = m.dataclass, m.field

    @dataclass
    class Point:
        x: int
        y: int = 0

    p = Point(1, 2)
    out(repr((p, Point(3), Point(y=5, x=4), p == Point(1, 2), p == Point(2, 1), p != (1, 2))))
    out(repr((Point.__hash__, Point.__match_args__, [f.name for f in m.fields(Point)], m.is_dataclass(p),
              m.is_dataclass(Point), m.is_dataclass(1))))
    out('qualname %s %s %s' % (Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__eq__.__qualname__))
    for args, kw in [((), {}), ((1, 2, 3), {}), ((1,), {'x': 2}), ((1,), {'z': 2}), ((), {'y': 1}),
                     ((1, 2, 3, 4), {})]:
        _try(out, 'Point%r%r' % (args, kw), lambda: Point(*args, **kw))

    @dataclass(order=True, frozen=True)
    class Version:
        major: int
        minor: int = 0
        tag: str = field(default='', compare=False)

    a, b = Version(1, 2), Version(1, 10, 'x')
    out(repr((a < b, a <= b, a > b, a >= b, sorted([b, a, Version(0)]), hash(a) == hash((1, 2)), a == Version(1, 2, 'y'))))
    _try(out, 'frozen set', lambda: setattr(a, 'major', 5))
    _try(out, 'frozen del', lambda: delattr(a, 'major'))
    _try(out, 'frozen new attr', lambda: setattr(a, 'other', 5))
    _try(out, 'order other type', lambda: a < 5)
    out('FrozenInstanceError is AttributeError: %s' % issubclass(m.FrozenInstanceError, AttributeError))

    @dataclass
    class Inv:
        name: str
        items: list = field(default_factory=list)
        count: int = field(default=0, repr=False)
        hidden: dict = field(default_factory=dict, init=False)
        meta: int = field(default=7, metadata={'unit': 'cm'})

        def __post_init__(self):
            self.hidden['n'] = len(self.name)

    i1, i2 = Inv('a'), Inv('bb', [1])
    i1.items.append(3)
    out(repr((i1, i2, i1.items is not Inv('c').items, i1.hidden, i2.hidden, Inv.count, 'items' in Inv.__dict__,
              m.fields(Inv)[4].metadata['unit'], len(m.fields(Inv)))))
    _try(out, 'init=False arg', lambda: Inv('x', [], 0, {}))
    out(repr((m.asdict(i2), m.astuple(i2), m.replace(i2, name='zz'))))
    _try(out, 'replace init=False', lambda: m.replace(i2, hidden={}))
    _try(out, 'replace unknown', lambda: m.replace(i2, nope=1))
    _try(out, 'asdict non-dc', lambda: m.asdict(5))
    _try(out, 'fields non-dc', lambda: m.fields(5))

    @dataclass
    class Nested:
        p: Point
        ps: list
        d: dict
        t: tuple

    n = Nested(Point(1, 2), [Point(3, 4)], {'k': Point(5, 6)}, (Point(7, 8), 1))
    out(repr((m.asdict(n), m.astuple(n))))
    out(repr(m.asdict(n, dict_factory=lambda items: sorted(items))))

    def bad_mutable():
        @dataclass
        class B:
            x: list = []
        return B
    _try(out, 'mutable default', bad_mutable)

    def bad_order():
        @dataclass
        class B:
            x: int = 1
            y: int
        return B
    _try(out, 'non-default after default', bad_order)

    def order_without_eq():
        @dataclass(order=True, eq=False)
        class B:
            x: int
        return B
    _try(out, 'order without eq', order_without_eq)

    def overwrite_lt():
        @dataclass(order=True)
        class B:
            x: int

            def __lt__(self, other):
                return True
        return B
    _try(out, 'overwrite __lt__', overwrite_lt)

    def both_defaults():
        return field(default=1, default_factory=list)
    _try(out, 'both defaults', both_defaults)

    def frozen_inherit():
        @dataclass
        class A:
            x: int

        @dataclass(frozen=True)
        class B(A):
            y: int
        return B
    _try(out, 'frozen from non-frozen', frozen_inherit)

    @dataclass
    class Base:
        x: int
        y: str = 'b'

    @dataclass
    class Derived(Base):
        z: float = 1.5
        x: int = 10

    out(repr((Derived(), Derived(1, 'q', 2.5), [f.name for f in m.fields(Derived)])))

    @dataclass(repr=False, eq=False)
    class Plain:
        a: int
    pl = Plain(1)
    out(repr((Plain.__repr__ is object.__repr__, pl == Plain(1), Plain.__hash__ is object.__hash__)))

    @dataclass(unsafe_hash=True)
    class UH:
        a: int
        b: list = field(default_factory=list, hash=False)
    out(repr((hash(UH(3)) == hash((3,)),)))

    @dataclass(eq=True)
    class WithHash:
        a: int

        def __hash__(self):
            return 42
    out(repr((hash(WithHash(1)),)))

    @dataclass(kw_only=True)
    class KW:
        a: int
        b: int = 2
    out(repr((KW(a=1), KW(b=3, a=4), KW.__match_args__)))
    _try(out, 'kw_only positional', lambda: KW(1))
    _try(out, 'kw_only missing', lambda: KW())

    @dataclass
    class Mixed:
        a: int
        _: m.KW_ONLY
        b: int
        c: int = field(default=3, kw_only=False)
    out(repr((Mixed(1, 2, b=5), Mixed.__match_args__)))
    _try(out, 'Mixed missing', lambda: Mixed())
    _try(out, 'Mixed too many', lambda: Mixed(1, 2, 3, b=1))

    @dataclass
    class WithInitVar:
        a: int
        scale: m.InitVar[int] = 2

        def __post_init__(self, scale):
            self.a *= scale
    wi = WithInitVar(3)
    out(repr((wi, WithInitVar(3, 10), [f.name for f in m.fields(WithInitVar)], m.replace(wi, a=1))))

    @dataclass
    class Rec:
        name: str
        child: object = None
    r = Rec('a')
    r.child = r
    out(repr(r))

    @dataclass
    class Empty:
        pass
    out(repr((Empty(), Empty() == Empty(), m.astuple(Empty()))))

    C = m.make_dataclass('C', ['x', ('y', int), ('z', int, field(default=5))], namespace={'add': lambda self: self.x + self.y})
    c = C(1, 2)
    out(repr((c, c.add(), C.__name__, [f.name for f in m.fields(C)])))
    _try(out, 'make_dataclass bad', lambda: m.make_dataclass('D', ['class']))

    @dataclass(slots=True)
    class S:
        a: int
        b: int = 2
    s = S(1)
    out(repr((s, S.__slots__, hasattr(s, '__dict__'))))
    _try(out, 'slots new attr', lambda: setattr(s, 'c', 1))

    @dataclass
    class Dflt:
        x: int = 5
    d = Dflt()
    out(repr((Dflt.x, d.x, Dflt(7).x, repr(m.MISSING.__class__.__name__), repr(m.fields(Dflt)[0].default))))
    f0 = m.fields(Point)[0]
    out(repr((f0.name, f0.type, f0.default is m.MISSING, f0.init, f0.repr, f0.hash, f0.compare, f0.kw_only)))
