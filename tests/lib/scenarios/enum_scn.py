# enum scenario: run(m, out) with m = an enum module.


def _try(out, label, f):
    try:
        out('%s -> %r' % (label, f()))
    except Exception as e:  # noqa: BLE001
        out('%s raised %s: %s' % (label, type(e).__name__, e))


def run(m, out):
    class Color(m.Enum):
        RED = 1
        GREEN = 2
        BLUE = 3
        CRIMSON = 1

        def describe(self):
            return '%s is %d' % (self.name, self.value)

        @property
        def lower(self):
            return self.name.lower()

        @classmethod
        def default(cls):
            return cls.GREEN

    R = Color.RED
    out(repr((R, str(R), format(R), '{}|{:>12}'.format(R, R), R.name, R.value, R.describe(), R.lower)))
    out(repr((list(Color), len(Color), list(reversed(Color)), Color(1), Color['GREEN'], Color.CRIMSON is R,
              Color.default(), type(R) is Color, isinstance(R, Color), isinstance(R, m.Enum))))
    out(repr((list(Color.__members__), Color.__members__['CRIMSON'], R in Color, Color, Color._member_names_)))
    out(repr((R == Color.RED, R == 1, R != Color.GREEN, hash(R) == hash('RED'), {R: 'x'}[Color.CRIMSON])))
    _try(out, 'Color(7)', lambda: Color(7))
    _try(out, "Color['X']", lambda: Color['X'])
    _try(out, '1 in Color', lambda: 1 in Color)
    _try(out, 'R < Color.GREEN', lambda: R < Color.GREEN)
    _try(out, 'reassign', lambda: setattr(Color, 'RED', 5))
    _try(out, 'delete', lambda: delattr(Color, 'RED'))

    def extend():
        class More(Color):
            PURPLE = 4
        return More
    _try(out, 'extend', extend)

    def dup():
        class D(m.Enum):
            A = 1
            A = 2
        return D
    _try(out, 'duplicate name', dup)

    _try(out, 'unique', lambda: m.unique(Color))

    @m.unique
    class Ok(m.Enum):
        X = 'x'
        Y = 'y'
    out(repr(list(Ok)))

    class Auto(m.Enum):
        A = m.auto()
        B = m.auto()
        C = 10
        D = m.auto()
    out(repr(list(Auto)))

    class Lower(m.Enum):
        def _generate_next_value_(name, start, count, last_values):
            return name.lower() + str(count)
        X = m.auto()
        Y = m.auto()
    out(repr(list(Lower)))

    class Num(m.IntEnum):
        ONE = 1
        TWO = 2
        THREE = m.auto()
    N = Num.TWO
    out(repr((N, str(N), format(N), '{:03d}'.format(N), N + 1, N * 2, N == 2, N < 3, sorted([Num.THREE, Num.ONE]),
              Num(3), int(N), isinstance(N, int), hash(N) == hash(2), [1, 2, 3][N], list(Num))))
    _try(out, 'Num(9)', lambda: Num(9))

    class S(m.StrEnum):
        A = m.auto()
        B = 'bee'
    out(repr((S.A, str(S.A), format(S.A), S.A == 'a', S.B.upper(), S('bee'), list(S))))

    class Planet(m.Enum):
        MERCURY = (3.303e+23, 2.4397e6)
        EARTH = (5.976e+24, 6.37814e6)

        def __init__(self, mass, radius):
            self.mass = mass
            self.radius = radius

        @property
        def surface_gravity(self):
            return 6.673e-11 * self.mass / (self.radius * self.radius)
    out(repr((Planet.EARTH, Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 3),
              Planet((3.303e+23, 2.4397e6)))))

    class Coord(bytes if False else int, m.Enum):
        X = 1
        Y = 2
    out(repr((Coord.X, str(Coord.X), format(Coord.X), Coord.X + 1)))

    class WithMissing(m.Enum):
        A = 'a'
        B = 'b'

        @classmethod
        def _missing_(cls, value):
            if isinstance(value, str):
                for member in cls:
                    if member.value == value.lower():
                        return member
            return None
    out(repr((WithMissing('A'), WithMissing('B'))))
    _try(out, 'missing none', lambda: WithMissing(1))

    class BadMissing(m.Enum):
        A = 1

        @classmethod
        def _missing_(cls, value):
            return 5
    _try(out, 'bad missing', lambda: BadMissing(2))

    class Ign(m.Enum):
        _ignore_ = 'tmp'
        tmp = 5
        A = 1
    out(repr((list(Ign), hasattr(Ign, 'tmp'))))

    Animal = m.Enum('Animal', 'ANT BEE CAT')
    out(repr((list(Animal), Animal.BEE.value, Animal(3))))
    Pets = m.Enum('Pets', [('DOG', 'd'), ('FISH', 'f')])
    out(repr((list(Pets), Pets('f'))))
    Nums = m.IntEnum('Nums', {'A': 5, 'B': 6})
    out(repr((list(Nums), Nums.A + 1)))

    class Empty(m.Enum):
        def helper(self):
            return 1

    class Child(Empty):
        P = 1
        Q = 2
    out(repr((list(Child), Child.P.helper(), len(Empty), list(Empty))))

    class Mixed(str, m.Enum):
        A = 'x'
    out(repr((Mixed.A, str(Mixed.A), format(Mixed.A), Mixed.A == 'x', Mixed('x'))))

    def sunder():
        class Bad(m.Enum):
            _bad_ = 1
        return Bad
    _try(out, 'sunder', sunder)
    out(repr((m.Enum, m.IntEnum, type(Color) is m.EnumMeta, m.EnumMeta is m.EnumType, m.auto(5).value)))
