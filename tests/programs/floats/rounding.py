# round() with banker's rounding, ndigits, negative ndigits, and float representation effects.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375, 1234.5678]:
    print(v, round(v), round(v, 1), round(v, 2), round(v, -1))
print(round(5), round(15, -1), round(25, -1), round(-25, -1), round(2 ** 70 + 5, -1))
print(type(round(2.5)), type(round(2.5, 0)), round(2.5, 0), round(-0.4))
print(round(1e20), round(123.456, -2), round(0.0001234, 5))
print(round(float("inf"), 2), round(-0.0, 1))
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
