# decimal: random operands through + - * / sqrt quantize round // % ** format hashing and comparisons at several precisions and rounding modes; localcontext.
import random, decimal as M
random.seed(7)
def rnd():
    r = random.random()
    if r < 0.1: return random.choice(["0", "-0", "0.000", "1E+2", "-1.50", "2.675", "1.005", "9.999", "1E-7", "123456789012345678901234567890.5"])
    digits = str(random.randint(0, 10 ** random.randint(1, 35)))
    return random.choice(["", "-"]) + digits + "E" + str(random.randint(-40, 20))
out = []
for i in range(400):
    x, y = rnd(), rnd()
    c = M.getcontext(); c.prec = random.choice([28, 5, 9, 50, 3]); c.rounding = random.choice([M.ROUND_HALF_EVEN, M.ROUND_HALF_UP, M.ROUND_DOWN, M.ROUND_FLOOR, M.ROUND_CEILING])
    a, b = M.Decimal(x), M.Decimal(y)
    res = []
    for f in (lambda: a + b, lambda: a - b, lambda: a * b, lambda: a / b, lambda: abs(a).sqrt(), lambda: a.normalize(),
              lambda: a.quantize(M.Decimal("0.01")), lambda: (a < b, a == b, a >= 1), lambda: hash(a), lambda: round(a, 3),
              lambda: int(a), lambda: float(a), lambda: a // b, lambda: a % b, lambda: a ** 3, lambda: format(a, ".3f"),
              lambda: format(a, ",.2e"), lambda: f"{a:>20.6g}", lambda: M.Decimal(float(x)), lambda: a.as_tuple()):
        try:
            res.append(repr(f()))
        except (ArithmeticError, ValueError, TypeError, OverflowError) as e:
            res.append(type(e).__name__)
    print(i, " ".join(res))
with M.localcontext() as ctx:
    ctx.prec = 6
    print(M.Decimal(1) / 3, M.getcontext().prec)
print(M.getcontext().prec > 0, sum([M.Decimal("0.1")] * 10), M.Decimal("1.1") * 2 == M.Decimal("2.2"), M.Decimal(3) == 3.0, M.Decimal("0.5") == 0.5, {M.Decimal("1.0"): 1}[1])
