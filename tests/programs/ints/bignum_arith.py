# Arbitrary-precision integer arithmetic crossing the 2**63 / 2**64 boundaries.
big = 2 ** 63
print(big - 1, big, big + 1, -big, -big - 1)
print(2 ** 64, 2 ** 64 - 1, 2 ** 128, 2 ** 200)
print((2 ** 63 - 1) + 1, (2 ** 63 - 1) * 2, -(2 ** 63) - 1)
a = 123456789123456789123456789
b = 987654321987654321
print(a + b, a - b, b - a, a * b)
print(a // b, a % b, divmod(a, b), -a // b, -a % b)
print(a * a * a)
print((10 ** 30 + 7) * (10 ** 30 - 7))
x = 1
for i in range(100):
    x = x * 3 + i
print(x)
print(x.bit_length(), (x >> 100), x & 0xFFFFFFFF)
print(9223372036854775807 * 9223372036854775807)
print(-9223372036854775808 // -1, -9223372036854775808 * -1)
print(abs(-2 ** 70), 2 ** 70 // 3, 2 ** 70 % 1000007)
print(int(1e20), 10 ** 20 == int(1e20), float(2 ** 70))
