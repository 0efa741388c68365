# str.format with positional, keyword, index/attr access and format specs.
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"), "{1}{0}".format("x", "y"))
print("{name} is {age}".format(name="Cy", age=7), "{0[1]} {1[k]}".format([5, 6], {"k": "v"}))
class Pt:
    x = 3
    y = 4
print("{p.x},{p.y}".format(p=Pt()))
print("{:>8}|{:<8}|{:^8}|{:*^9}|{:08.3f}".format("r", "l", "c", "s", 3.14159))
print("{:,}".format(1234567890), "{:b}".format(10), "{:o}".format(64), "{:#X}".format(3054))
print("{!r} {!s} {!a}".format("q", "q", "ü"))
print("{:{w}.{p}f}".format(2.5, w=8, p=3), "{{}} {}".format("braces"))
print(format("abc", "5"), format(12, "5"), format(3.5, "5"), format(True, ">6"), format(None, ""))
print("{0:d} {0:x} {0:o} {1:e}".format(255, 255.0))
print("{:s}".format("s"), "{:%}".format(0.5), "{:.3}".format("truncate"), "{:.3}".format(3.14159))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError:", e)
