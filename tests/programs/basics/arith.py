# Integer and mixed arithmetic operators and precedence.
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2)
print(10 - 3 - 2, 100 / 10 / 2, 2 ** -1, 7 / 7)
print(1 + 2.5, 3 * 1.5, 7 // 2.0, 7 % 2.5, 2 ** 0.5)
print(+a, -a, ~a, --a, -(-a))
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 2
print(x)
x //= 5
print(x)
x **= 3
print(x)
x %= 7
print(x)
x /= 2
print(x)
print(True + True, True * 10, False - 1)
print(0 ** 0, 0.0 ** 0, 1 ** 1000)
