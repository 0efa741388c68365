# Descriptor protocol: data vs non-data descriptors, __set_name__, lookup precedence.
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __init__(self, kind):
        self.kind = kind
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)
class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Person:
    name = Typed(str)
    age = Typed(int)
    nd = NonData()
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person("Ann", 30)
print(p.name, p.age, type(Person.name).__name__)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
print(p.nd)
p.__dict__["nd"] = "instance wins"
print(p.nd)
p.__dict__["name"] = "ignored"
print(p.name)
class Method:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return lambda *a: self.fn(obj, *a)
class UsesMethod:
    def __init__(self, k):
        self.k = k
    @Method
    def times(self, x):
        return self.k * x
print(UsesMethod(3).times(5))
