# pow() with two and three arguments, including negative exponents and modular inverse.
print(pow(2, 10), pow(2, -1), pow(-2, 3), pow(0, 0))
print(pow(3, 200, 1000000007), pow(2, 10 ** 18, 10 ** 9 + 9))
print(pow(7, -1, 13), pow(3, -2, 11), (3 * pow(3, -1, 11)) % 11)
print(pow(-5, 3, 7), pow(5, 3, -7), pow(123456789, 987654321, 2 ** 61 - 1))
print(pow(10, 30, 2 ** 64 + 13))
print(2 ** 100 % 97, pow(2, 100, 97))
print(pow(2.0, 3), pow(4, 0.5), pow(2, 0.5))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
