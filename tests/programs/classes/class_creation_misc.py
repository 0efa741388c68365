# Class bodies as namespaces, nested classes, class decorators, __init_subclass__, __class__.
def add_greeting(cls):
    cls.greet = lambda self: f"hello from {type(self).__name__}"
    return cls
@add_greeting
class Host:
    x = 1
    y = x + 1
    items = [x, y]
    class Inner:
        z = 3
print(Host().greet(), Host.y, Host.items, Host.Inner.z, Host.Inner.__qualname__)
class Plugin:
    registry = []
    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        Plugin.registry.append((cls.__name__, tag))
class Alpha(Plugin, tag="a"):
    pass
class Beta(Plugin):
    pass
print(Plugin.registry)
b = Beta()
print(b.__class__.__name__, b.__class__ is Beta, type(b).__mro__[1].__name__)
Dyn = type("Dyn", (Host,), {"w": 9, "double": lambda self: self.w * 2})
print(Dyn().double(), Dyn.__name__, Dyn.x, [c.__name__ for c in Dyn.__mro__])
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["made_by"] = "Meta"
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta):
    pass
print(WithMeta.made_by, type(WithMeta).__name__)
