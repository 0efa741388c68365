# printf-style % formatting with tuples, dicts, widths and flags.
print("%d %i %s %r %%" % (42, -7, "str", "str"))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %#x %o %#o %e %E %f %g %G" % (255, 255, 255, 8, 8, 1234.5, 1234.5, 1.5, 0.00001234, 1e20))
print("%.2f %8.3f %-8.2f| %.0f %.10f" % (3.14159, 2.71828, 1.5, 2.5, 1 / 3))
print("%s and %s" % ("a", "b"), "%s" % "single", "%s" % (("tuple",),), "%s" % [1, 2])
print("%(name)s is %(age)d" % {"name": "Bob", "age": 30})
print("%c%c%c" % (72, "i", 33), "%*d|%-*s|" % (6, 7, 4, "ab"), "%.*f" % (2, 3.14159))
print("%s" % None, "%r" % None, "%d" % True, "%s" % 1.0, "%d" % 3.99, "%.3s" % "abcdef")
print("%10.4s|" % "abcdefgh", "%-6s|" % "ab", "%x" % (2 ** 70), "%d" % (-(10 ** 20)))
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%s %s" % ("a",)
except TypeError as e:
    print("TypeError:", e)
