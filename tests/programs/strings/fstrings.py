# f-strings with conversions, format specs, nested fields, expressions and = debugging.
name = "Ada"
n = 42
x = 3.14159
items = [1, 2, 3]
print(f"{name} {n} {x}")
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:x}|{n:#b}|{n:+}")
print(f"{x:.2f}|{x:10.3f}|{x:e}|{x:<10.1f}|")
width, prec = 12, 4
print(f"{x:{width}.{prec}f}|{name:*^{width}}|")
print(f"{n * 2 + 1} {items[1]} {len(items)} {items!r} {'nested ' + name}")
print(f"{n=} {x=:.1f} {name=!s} {1 + 1 = }")
print(f"{{literal braces}} {{{n}}}")
d = {"key": "val"}
print(f"{d['key']} {d}")
print(f"{3 if n > 10 else 4} {(lambda v: v * 2)(5)}")
print(f"""triple {name}
second line {n}""")
print(f"{1000000:,} {1000000:_} {0.25:.0%} {-5:=+6}")
class P:
    def __format__(self, spec):
        return "P<" + spec + ">"
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
p = P()
print(f"{p} {p:abc} {p!r} {p!s:>8}")
