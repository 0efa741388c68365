# fractions.Fraction and decimal.Decimal exact arithmetic.
from fractions import Fraction
from decimal import Decimal, getcontext
a = Fraction(1, 3)
b = Fraction(1, 6)
print(a + b, a * b, a / b, a - b, a ** 2, Fraction(0.75), Fraction("3.1415"), float(Fraction(1, 8)))
print(sum(Fraction(1, n) for n in range(1, 11)), Fraction(10, 4).numerator, Fraction(10, 4).denominator)
print(Fraction(1, 3) < Fraction(1, 2), Fraction(2, 4) == Fraction(1, 2), Fraction(3, 1) == 3, Fraction(1, 2) == 0.5)
print(Decimal("0.1") + Decimal("0.2"), Decimal("1.10") * 3, Decimal(1) / Decimal(7), Decimal("2").sqrt())
getcontext().prec = 50
print(Decimal(1) / Decimal(7), Decimal(2).sqrt())
print(Decimal("1.005").quantize(Decimal("0.01")), Decimal(0.1), Decimal("-0"), Decimal("1e3") + 1)
print(round(Decimal("2.675"), 2), Decimal("3.14159").as_tuple(), str(Decimal("1.2300")), Decimal("1.2300").normalize())
