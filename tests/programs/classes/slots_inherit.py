# __slots__ attributes stay out of the __dict__ of subclass instances (set, deleted, many attributes).
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Labelled(Point):
    def __init__(self, x, y, label):
        super().__init__(x, y)
        self.label = label


p = Labelled(1, 2, "a")
print(p.__dict__, vars(p), p.x, p.y, p.label)
p.__dict__["z"] = 9
print(p.z, sorted(k for k in dir(p) if not k.startswith("__")))
del p.x
print(hasattr(p, "x"), p.__dict__)
try:
    del p.x
except AttributeError as e:
    print("AttributeError:", e)
p.x = 10
print(p.x, p.__dict__)
for i in range(70):
    setattr(p, f"a{i}", i)
print(p.x, p.y, len(p.__dict__), p.a69, "x" in p.__dict__)


class Private:
    __slots__ = ("__secret", "visible")

    def __init__(self):
        self.__secret = 42
        self.visible = 1

    def secret(self):
        return self.__secret


class MoreSlots(Labelled):
    __slots__ = ("w",)


m = MoreSlots(3, 4, "m")
m.w = 5
print(m.__dict__, m.w, m.x, Private().secret())
try:
    Private().other = 1
except AttributeError as e:
    print("AttributeError:", e)
