# inf, nan and signed zero arithmetic and comparisons.
import math
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, -1 / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf == inf, -inf < -1e308)
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1e308), math.isfinite(nan))
z = -0.0
print(z, z == 0.0, math.copysign(1, z), math.copysign(1, 0.0), -z, abs(z))
print(0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, str(-0.0 * 5))
print(1e308 * 10, -1e308 * 10, 5e-324 / 2, 2.0 ** -1074, 2.0 ** -1075)
print(max(1.0, nan), min(nan, 1.0), sorted([3.0, 1.0, 2.0]))
print(int(2.5), int(-2.5), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
for bad in [inf, nan]:
    try:
        int(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 % 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
