# pass, del on names/items/attributes/slices, and passing asserts.
def nothing():
    pass
print(nothing())
class Empty:
    pass
e = Empty()
e.x = 1
e.y = 2
del e.x
print(hasattr(e, "x"), e.y)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[2:4]
print(lst)
del lst[::2]
print(lst)
assert 1 + 1 == 2
assert isinstance(lst, list), "lst should be a list"
print("asserts passed")
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
