# Shortest round-trip repr of many floats, including edge values.
vals = [0.1 + 0.2, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e16, 1e15, 1e17, 1e-7, 1e-4, 1e-5,
        123456789.0, 1234567890123456789.0, 1e22, 1e23, 5e-324, 2.2250738585072014e-308,
        1.7976931348623157e308, 0.5, 2.5, 100.0, 1.0, -1.5, 3.141592653589793,
        float("inf"), float("-inf"), float("nan"), -0.0, 0.0, 9007199254740993.0,
        1.1, 2.675, 0.000123, 123e-20, 4.35, 1e100, 12345.6789]
for v in vals:
    print(repr(v), str(v))
print(float("1e500"), float("-1e500"), float("  2.5  "), float("-.5"), float("1_0.5"))
print(float("infinity"), float("-Infinity"), float("NaN"), float("+inf"))
print(0.1 * 3, 0.1 * 3 == 0.3, 1.0 - 0.9, 100 * 1.1)
print([x / 10 for x in range(11)])
