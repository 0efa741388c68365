# math module functions on floats and ints with printed results.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.sqrt(2), math.sqrt(16), math.isqrt(10 ** 20 + 12345), math.isqrt(99))
print(math.sin(0), math.cos(0), math.sin(math.pi / 2), math.tan(math.pi / 4))
print(math.atan2(1, 1), math.atan(1), math.asin(1), math.acos(0))
print(math.exp(1), math.exp(0), math.log(math.e), math.log(100, 10), math.log10(1000), math.log2(1024))
print(math.log(2 ** 1000), math.log1p(1e-10), math.expm1(1e-10))
print(math.floor(2.7), math.ceil(2.1), math.floor(-2.7), math.ceil(-2.1), math.trunc(9.99))
print(math.fabs(-3), math.fmod(-7, 3), math.remainder(7, 3), math.hypot(3, 4), math.hypot(1, 2, 2))
print(math.gcd(12, 18), math.gcd(2 ** 100, 6 ** 50), math.lcm(4, 6), math.factorial(25))
print(math.comb(52, 5), math.perm(10, 3), math.comb(100, 50))
print(math.degrees(math.pi), math.radians(180), math.copysign(3, -0.0))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.modf(3.75), math.modf(-3.75))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([1.5, 2]))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.dist((0, 0), (3, 4)))
print(math.pow(2, 10), math.sinh(1), math.cosh(1), math.tanh(0.5), math.erf(0.5), math.gamma(5.5), math.lgamma(10))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
