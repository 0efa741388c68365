# __getattr__, __getattribute__, __setattr__ and __delattr__ hooks.
class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:].upper()
        raise AttributeError(f"no attribute {name!r}")
l = Lazy()
print(l.real, l.auto_x, getattr(l, "auto_hello"), getattr(l, "missing", "dflt"), hasattr(l, "missing"))
class Recorder:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(("set", name, value))
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)
r = Recorder()
r.a = 1
r.b = [2]
del r.a
print(r.log, hasattr(r, "a"), r.b)
class Counting:
    def __init__(self):
        self.hits = 0
        self.x = 5
    def __getattribute__(self, name):
        if name != "hits":
            object.__setattr__(self, "hits", object.__getattribute__(self, "hits") + 1)
        return object.__getattribute__(self, name)
c = Counting()
c.x
c.x
c.x
print(c.hits)
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, n, v):
        raise AttributeError(f"{type(self).__name__} is frozen")
f = Frozen(3)
try:
    f.v = 4
except AttributeError as e:
    print("AttributeError:", e, f.v)
