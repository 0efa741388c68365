# int() parsing with bases, prefixes, underscores, whitespace and signs.
print(int("42"), int("-42"), int("  17  "), int("+5"), int("0"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("777", 8), int("0o777", 0))
print(int("1010", 2), int("0b1010", 0), int("z", 36), int("ZZZZ", 36), int("10", 7))
print(int("1_000_000"), int("0x_ff", 0), int("123456789012345678901234567890"))
print(int(3.99), int(-3.99), int(True), int("  -0  "))
print(int("9" * 40) + 1)
for bad in ["", "1.5", "0x", "12a", "1__0", "_1"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError:", e)
print(int("11", base=3), int("-0b11", 0))
