# fractions scenario: run(m, out) with m = a fractions module (complex() is avoided: Kestrel bug).
import math


def run(m, out):
    F = m.Fraction
    a, b, c = F(3, 4), F('1.25'), F(-7, 3)
    out(repr([a, b, c]))
    out(str([str(x) for x in (a + b, a - b, a * c, a / c, a // c, a % c, -a, abs(c), a ** 2, a ** -2)]))
    out(repr((divmod(a, c), 2 ** a, a ** 0.5, a + 1, 1 + a, a + 0.5, 0.5 + a, a == 0.75, a < b, c <= -2)))
    out(repr((hash(a) == hash(0.75), hash(F(1, 3)), hash(F(-5, 1)), hash(F(10 ** 30, 7)), hash(F(-1, 1)))))
    out(repr((F(math.pi).limit_denominator(1000), F(1.1), F.from_float(0.1), F(' 1_000.5e-2 '), F('.5'),
              F('1.'), float(c), int(c), math.floor(c), math.ceil(c), round(c), round(c, 2), round(F(5, 2)),
              round(F(7, 2)), math.trunc(c))))
    for bad in ['1/0', 'x', '1 /2', '', '1_', '1e', '.', '3/', None, [1]]:
        try:
            out(repr(F(bad)))
        except (ValueError, ZeroDivisionError, TypeError) as e:
            out('%s %s' % (type(e).__name__, e))
    out(repr((sorted([F(1, 2), F(1, 3), 0.4, 1]), F(4, 2).as_integer_ratio(), a.real, a.imag,
              bool(F(0)), {F(1, 2): 'x'}[0.5], F(1, 2) != F(2, 4), F(0) == 0.0, F(1, 3) < 0.34)))
    for x in [0.1, 3.141592653589793, -2.5, 1e-10]:
        out(repr([F(x).limit_denominator(md) for md in (1, 2, 7, 100, 10 ** 6)]))
    s = F(0)
    for i in range(1, 60):
        s += F(1, i * i)
    out(str(s.limit_denominator(10 ** 9)) + ' ' + repr(float(s)))
