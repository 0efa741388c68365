# Tests for lib/fractions.py against CPython's fractions.
import fractions as c_fractions


@test
def test_fractions():
    KF, CF = K['fractions'].Fraction, c_fractions.Fraction

    def conv(x):
        # compare Kestrel's Fraction results with CPython's by (type name, value)
        if isinstance(x, (KF, CF)):
            return ('Fraction', x.numerator, x.denominator)
        if isinstance(x, tuple):
            return tuple(conv(y) for y in x)
        if isinstance(x, list):
            return [conv(y) for y in x]
        if isinstance(x, float) and x != x:
            return 'nan'
        return x

    def cmp(label, f):
        check(label, conv(outcome(f, KF)), conv(outcome(f, CF)))

    args = [(), (0,), (5,), (-5,), (3, 4), (6, -8), (0, 5), (1, 0), (10 ** 30, 7 * 10 ** 20), (2.5,), (-0.1,),
            (1e300,), (float('nan'),), (float('inf'),), (True,), (True, 2), (1.5, 2), ('1/2',), (' -3/4 ',), ('1.25',),
            ('-.5',), ('1.',), ('1e3',), ('1E-3',), ('-1_000.000_1e+1_0',), ('+7',), ('1/2/3',), ('1/-2',), ('',),
            ('.',), ('e5',), ('1e',), ('1_',), ('_1',), ('1__0',), ('1 /2',), ('0x10',), ('inf',), ('nan',),
            ('\u0661\u0662',), (None,), ([1],), ('3', 4), (1, '3'), ('١/٢',)]
    for a in args:
        cmp(f'Fraction{a!r}', lambda F: F(*a))
        cmp(f'repr/str Fraction{a!r}', lambda F: (repr(F(*a)).replace('fractions.', ''), str(F(*a))))
    vals = [(3, 4), (-7, 3), (0, 1), (5, 1), (1, 10 ** 20), (-10 ** 25, 3)]
    others = [2, -3, 0, 0.5, -2.25, True, float('inf'), float('nan')]
    ops = [('+', lambda a, b: a + b), ('-', lambda a, b: a - b), ('*', lambda a, b: a * b),
           ('/', lambda a, b: a / b), ('//', lambda a, b: a // b), ('%', lambda a, b: a % b),
           ('divmod', divmod), ('**', lambda a, b: a ** b), ('==', lambda a, b: a == b),
           ('<', lambda a, b: a < b), ('<=', lambda a, b: a <= b), ('>', lambda a, b: a > b),
           ('>=', lambda a, b: a >= b), ('!=', lambda a, b: a != b)]
    for n, d in vals:
        for m, e in vals:
            for name, op in ops:
                if name == '**' and (abs(m) > 5 or e != 1):
                    continue
                cmp(f'F({n},{d}) {name} F({m},{e})', lambda F: op(F(n, d), F(m, e)))
        for o in others:
            for name, op in ops:
                if name == '**' and isinstance(o, int) and abs(o) > 5:
                    continue
                cmp(f'F({n},{d}) {name} {o!r}', lambda F: op(F(n, d), o))
                cmp(f'{o!r} {name} F({n},{d})', lambda F: op(o, F(n, d)))
        for name, f in [('neg', lambda x: -x), ('pos', lambda x: +x), ('abs', abs), ('int', int),
                        ('float', float), ('floor', lambda x: __import__('math').floor(x)),
                        ('ceil', lambda x: __import__('math').ceil(x)), ('trunc', lambda x: __import__('math').trunc(x)),
                        ('round', round), ('round2', lambda x: round(x, 2)), ('round-1', lambda x: round(x, -1)),
                        ('hash', hash), ('bool', bool), ('ratio', lambda x: x.as_integer_ratio()),
                        ('limit10', lambda x: x.limit_denominator(10)), ('limit1', lambda x: x.limit_denominator(1)),
                        ('limit0', lambda x: x.limit_denominator(0)), ('real', lambda x: x.real),
                        ('imag', lambda x: x.imag), ('conj', lambda x: x.conjugate()), ('complex', complex),
                        ('str', str)]:
            cmp(f'{name}(F({n},{d}))', lambda F: f(F(n, d)))
    for x in [0.1, 3.141592653589793, -2.5, 1e-10, 7]:
        cmp(f'from_float({x})', lambda F: F.from_float(x))
        for md in [1, 2, 7, 100, 10 ** 6]:
            cmp(f'limit_denominator({x}, {md})', lambda F: F(x).limit_denominator(md))
    cmp('from_float str', lambda F: F.from_float('1'))
    cmp('from_decimal int', lambda F: F.from_decimal(3))
    for x in [F(1, 2) for F in [KF]] + [0.5, 1, 2 ** 70, -3.75, 1e100]:
        pass
    for n, d in [(1, 2), (-1, 2), (1, 3), (10 ** 40, 3), (-5, 1), (1, 2 ** 61 - 1), (3, 2 ** 61 - 1)]:
        check(f'hash F({n},{d})', hash(KF(n, d)), hash(CF(n, d)))
    check('hash equals float', hash(KF(3, 8)), hash(0.375))
    check('sort mixed', conv(sorted([KF(1, 2), KF(1, 3), 0.4, 1, KF(-1)])),
          conv(sorted([CF(1, 2), CF(1, 3), 0.4, 1, CF(-1)])))

    class Sub(KF):
        pass
    check('subclass repr', repr(Sub(1, 2)), 'Sub(1, 2)')
    import copy as _c
    check('copy', (_c.copy(KF(1, 3)) == KF(1, 3), _c.deepcopy(KF(1, 3)) == KF(1, 3)), (True, True))
