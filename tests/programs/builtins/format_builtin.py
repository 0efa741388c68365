# format() builtin on ints, floats, strings and the format mini-language corners.
print(format(1234.5678, ".2f"), format(1234.5678, ",.1f"), format(0.000123, ".2e"), format(42, "b"))
print(format("text", "^10") + "|", format("text", ">10") + "|", format("t", "-<5") + "|")
print(format(-42, "+05d"), format(42, "+05d"), format(42, " 05d"), format(-3.5, "=+10.2f"))
print(format(255, "#010x"), format(255, "#010b"), format(1e6, ".3g"), format(123456, ".3g"))
print(format(0.5, ".0%"), format(1 / 3, ".3%"), format(65, "c"))
print(format(10 ** 20, ","), format(10 ** 20, "_x"), format(1.5), format([1, 2]), format(None))
try:
    format(1, "z")
except ValueError as e:
    print("ValueError:", e)
try:
    format("s", "d")
except ValueError as e:
    print("ValueError:", e)
