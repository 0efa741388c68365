# Rich comparison dunders, reflection of comparisons, functools.total_ordering.
import functools
@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "1.2"]]
print(sorted(vs), max(vs), min(vs))
print(Version("1.0") <= Version("1.0"), Version("2.0") > Version("1.9"), Version("1.0") >= Version("1.1"))
class Loud:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        print(f"{self.n}.__lt__({o.n})")
        return NotImplemented
    def __gt__(self, o):
        print(f"{self.n}.__gt__({o.n})")
        return self.n > o.n
print(Loud(1) < Loud(2))
class NoEq:
    pass
x = NoEq()
print(x == x, x == NoEq(), x != NoEq())
try:
    NoEq() < NoEq()
except TypeError as e:
    print("TypeError:", e)
