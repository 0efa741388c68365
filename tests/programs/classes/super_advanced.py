# super() in classmethods, properties and with explicit arguments; method resolution via super.
class Base:
    @classmethod
    def create(cls):
        return f"Base.create for {cls.__name__}"
    @property
    def label(self):
        return "base"
    def hello(self):
        return "Base.hello"
class Child(Base):
    @classmethod
    def create(cls):
        return "Child+" + super().create()
    @property
    def label(self):
        return "child/" + super().label
    def hello(self):
        return "Child.hello -> " + super(Child, self).hello()
class Grand(Child):
    def hello(self):
        return "Grand skips -> " + super(Child, self).hello()
print(Child.create(), Grand.create())
print(Child().label, Grand().label)
print(Child().hello(), "|", Grand().hello())
class Counted(list):
    def append(self, v):
        super().append(v * 10)
c = Counted([1])
c.append(2)
print(c, len(c), isinstance(c, list))
class MyDict(dict):
    def __missing__(self, key):
        return f"missing:{key}"
md = MyDict(a=1)
print(md["a"], md["zz"], md.get("zz"), len(md))
class Str(str):
    def shout(self):
        return self.upper() + "!"
s = Str("hey")
print(s.shout(), s + "x", type(s + "x").__name__, len(s))
