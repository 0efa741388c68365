# __eq__ and __hash__ interplay: unhashable when __eq__ defined alone, dict/set behaviour.
class Plain:
    pass
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, EqOnly) and self.v == o.v
class Both(EqOnly):
    def __hash__(self):
        return hash(self.v)
    def __repr__(self):
        return f"Both({self.v})"
print(EqOnly.__hash__ is None, Plain.__hash__ is not None)
try:
    {EqOnly(1)}
except TypeError as e:
    print("TypeError:", e)
s = {Both(1), Both(1), Both(2)}
print(len(s), Both(2) in s, sorted(s, key=lambda b: b.v))
p1, p2 = Plain(), Plain()
print(p1 == p1, p1 == p2, len({p1, p2, p1}))
class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 42
    def __eq__(self, o):
        return self.v == o.v
d = {Collide(i): i for i in range(10)}
print(len(d), d[Collide(7)], all(hash(k) == 42 for k in d))
