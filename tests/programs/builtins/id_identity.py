# id() compared (never printed), `is` on singletons and mutable objects, copy semantics.
import copy
a = [1, [2, 3]]
b = a
c = list(a)
d = copy.deepcopy(a)
print(id(a) == id(b), id(a) == id(c), a is b, a is c, a == c, a[1] is c[1], a[1] is d[1], a == d)
print(None is None, True is True, id(None) == id(None))
x = object()
y = object()
print(id(x) != id(y), x is not y, x == x)
s = copy.copy(a)
s[1].append(4)
print(a, d)
class C:
    pass
objs = [C() for _ in range(5)]
print(len({id(o) for o in objs}))
