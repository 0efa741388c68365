# Regression: classes whose metaclass subclasses `type` must survive garbage
# collections (their attribute storage lives after the class object).
class Registry(type):
    created = []

    def __new__(meta, name, bases, ns):
        cls = super().__new__(meta, name, bases, ns)
        meta.created.append(name)
        return cls

    def describe(cls):
        return f"{cls.__name__} with {sorted(k for k in cls.__dict__ if not k.startswith('__'))}"


class Base(metaclass=Registry):
    def hello(self):
        return "hello from " + type(self).__name__


classes = []
for i in range(200):
    cls = Registry(f"C{i}", (Base,), {"value": i, "double": lambda self, i=i: 2 * i})
    classes.append(cls)
    junk = [str(j) for j in range(2000)]  # keep the collector busy

total = sum(c().double() for c in classes)
print(len(Registry.created), total)
print(classes[7].describe(), classes[7]().hello(), classes[199].value)
print(type(classes[3]).__name__, isinstance(classes[3], Registry), issubclass(classes[3], Base))
