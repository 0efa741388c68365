# __repr__, __str__ and __format__ used by print, str(), repr(), f-strings, containers.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __format__(self, spec):
        if spec == "raw":
            return str(self.cents)
        return format(str(self), spec)
m = Money(12345)
print(m, str(m), repr(m), [m], (m,), {"k": m})
print(f"{m}|{m!r}|{m:raw}|{m:>12}|{m:*<12}")
print("{} {!r} {:raw}".format(m, m, m), "%s %r" % (m, m), format(m, "^11"))
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr!"
print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}")
class OnlyStr:
    def __str__(self):
        return "just str"
print(OnlyStr(), str(OnlyStr()))
class BadFormat:
    pass
try:
    format(BadFormat(), "x")
except TypeError as e:
    print("TypeError:", e)
