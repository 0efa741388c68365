# Floor division and modulo semantics with negative operands (ints and floats).
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (6, 3), (-6, 3), (1, 10 ** 20), (-1, 10 ** 20)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (5.0, 0.3)]
for a, b in fpairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(-(10 ** 25) // 7, -(10 ** 25) % 7, (10 ** 25) // -7, (10 ** 25) % -7)
print(divmod(-(2 ** 64), 3), divmod(2 ** 64, -3))
print(-3.0 % 5, 3 % -5.0, -0.0 % 5)
