# float constructor/methods and conversions to/from strings and ints.
import math
import sys
print(float.hex(0.1), float.hex(-2.0), float.hex(0.0), float.fromhex("-0x1.999999999999ap-4"))
print((0.75).as_integer_ratio(), (-0.1).as_integer_ratio(), (1e20).as_integer_ratio())
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(float(10 ** 20), float("0.1") == 0.1, float(".1e1"), float("1."))
print((3.7).__trunc__(), (3.7).__floor__(), (3.2).__ceil__(), (-3.7).__round__())
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.nextafter(0.0, 1.0))
for bad in ["", "abc", "1.2.3", "1e", "--1"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
print(hash(0.5), hash(1.5), hash(-0.0), hash(float("inf")), hash(2.0) == hash(2))
