# OrderedDict (move_to_end, popitem(last=False), equality) and namedtuple (fields, _replace, _asdict).
from collections import OrderedDict, namedtuple
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od))
od.move_to_end("b")
print(list(od))
od.move_to_end("c", last=False)
print(list(od), od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == dict(b=2, a=1))
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._fields, p._asdict(), p._replace(x=10), Point._make([5, 6]))
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple), len(p))
Emp = namedtuple("Emp", "name age dept", defaults=["eng"])
e = Emp("ann", 30)
print(e, e.dept, Emp._field_defaults)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
try:
    p.x = 5
except AttributeError as ex:
    print("AttributeError:", ex)
