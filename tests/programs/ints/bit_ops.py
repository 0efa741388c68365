# Bitwise operators on small, negative and big integers.
for a, b in [(12, 10), (-12, 10), (12, -10), (-12, -10), (2 ** 70 + 5, 2 ** 65 + 3)]:
    print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(1 << 63, 1 << 64, (1 << 100) >> 99, -1 >> 100, -(2 ** 80) >> 3)
print(0xFF & -256, -1 & 0xFFFFFFFFFFFFFFFF, (-1) ^ (2 ** 64 - 1))
for n in [0, 1, 255, 256, 2 ** 63 - 1, 2 ** 63, -1, -(2 ** 63)]:
    print(n, n.bit_length(), bin(n).count("1"))
x = 0
for i in range(0, 130, 7):
    x |= 1 << i
print(x, hex(x))
print(5 & 3 | 8 ^ 2, 1 << 2 + 1, ~0, ~-1)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
