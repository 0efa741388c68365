# __slots__ restricts attributes; slots with inheritance and defaults via class attrs.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), P.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
class Q(P):
    __slots__ = ("z",)
q = Q(1, 2)
q.z = 3
print(q.x, q.y, q.z)
try:
    P(0, 0).__dict__
except AttributeError as e:
    print("AttributeError:", e)
class R(P):
    pass
r = R(5, 6)
r.extra = 7
print(r.extra, r.__dict__)
s = P.__new__(P)
try:
    s.x
except AttributeError as e:
    print("AttributeError:", e)
del p.x
print(hasattr(p, "x"))
