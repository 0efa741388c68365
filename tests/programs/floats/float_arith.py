# Float arithmetic, mixed int/float promotion, and accumulation error.
x = 0.0
for i in range(10):
    x += 0.1
print(x, x == 1.0, abs(x - 1.0) < 1e-9)
print(7 / 2, 7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2, 2 ** 0.5, 10 ** -2)
print(1 / 3 * 3, 2 / 3 + 1 / 3, 1e16 + 1, 1e16 + 2, 2 ** 53 + 1.0)
print(3 * 0.1, 0.1 + 0.7, 1.1 * 1.1, 4.35 * 100, 0.57 * 100)
print(float(2 ** 63), float(10 ** 23), float(-(2 ** 100)), 2 ** 63 + 0.0)
print(1e308 + 1e308, -1e308 - 1e308, 1e-320 * 1e-10)
print(sum([1e100, 1.0, -1e100]), 1e100 + 1.0 - 1e100)
print(10 / 4, 10 // 4, 10 % 4, -10 / 4, 2.0 * 3, 6 / 3, type(6 / 3).__name__)
a = 1.0
for i in range(1, 30):
    a = a * 1.5 - i / 7
print(a)
print(float(True), float("3"), float(" -12.5e2 "), 5 / True)
