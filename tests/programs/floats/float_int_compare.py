# Exact comparisons between floats and (big) ints.
print(2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 > 1e308, 10 ** 400 < float("inf"), -(10 ** 400) > float("-inf"))
print(1 == 1.0, 1 < 1.5, 2 > 1.9999999999999998, 0.1 < 1 / 9 * 1)
big = 2 ** 64
print(big == float(big), big + 1 == float(big + 1), big + 1 > float(big))
print(sorted([3, 2.5, 10 ** 20, 1e19, -1, -1.5, 0, 0.0]))
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0))
print(float("nan") in [float("nan")], 1 in [1.0], 1.0 in {1: 0})
