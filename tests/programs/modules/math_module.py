# math module integer helpers and constants used in typical programs.
import math
from math import sqrt, pi, floor
print(sqrt(81), floor(pi * 100) / 100, math.ceil(10 / 3), math.factorial(20))
print([math.isqrt(n) for n in [0, 1, 15, 16, 17, 10 ** 30]])
print(math.gcd(0, 5), math.gcd(-12, 18), math.gcd(30, 45, 75), math.lcm(3, 4, 6))
print(math.comb(10, 0), math.comb(10, 10), math.comb(5, 6), math.perm(5), math.perm(5, 2))
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(-0.5), math.floor(10 ** 20 + 0.0))
print(round(math.sin(math.pi), 10), round(math.cos(math.pi), 10), math.isclose(math.tan(math.pi / 4), 1))
print(math.log(8, 2), math.log(1), math.exp(2), math.sqrt(0.25), math.fabs(-0.0))
