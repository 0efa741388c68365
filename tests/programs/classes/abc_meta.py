# abc: ABCMeta and ABC, abstract methods block instantiation, register() virtual subclasses,
# __subclasshook__, caches invalidated by register, update_abstractmethods, abstract properties.
import abc
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__} area={self.area()} perimeter={self.perimeter()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


class HalfDone(Shape):
    def area(self):
        return 0


for cls in (Shape, HalfDone):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
print(Square(3).describe())
print(sorted(Shape.__abstractmethods__), sorted(HalfDone.__abstractmethods__), Square.__abstractmethods__)
print(type(Shape) is ABCMeta, isinstance(Square(1), Shape), issubclass(Square, Shape))


class Plugin(metaclass=ABCMeta):
    @property
    @abstractmethod
    def name(self):
        ...

    @classmethod
    @abstractmethod
    def create(cls):
        ...


try:
    Plugin()
except TypeError as e:
    print("TypeError:", e)


class Impl(Plugin):
    name = "impl"

    @classmethod
    def create(cls):
        return cls()


print(Impl.create().name)


# Virtual subclasses.
class Drawable(ABC):
    @abstractmethod
    def draw(self):
        ...


class Circle:
    def draw(self):
        return "circle"


print(isinstance(Circle(), Drawable), issubclass(Circle, Drawable))
token = abc.get_cache_token()
print(Drawable.register(Circle) is Circle)
print(abc.get_cache_token() != token)
print(isinstance(Circle(), Drawable), issubclass(Circle, Drawable), Circle.__mro__ == (Circle, object))


@Drawable.register
class Sprite:
    pass


print(issubclass(Sprite, Drawable), isinstance(3, Drawable))
Drawable.register(int)
print(isinstance(3, Drawable), issubclass(bool, Drawable))
try:
    Drawable.register(3)
except TypeError as e:
    print("TypeError:", e)
try:
    Circle.register
except AttributeError as e:
    print("AttributeError:", e)


class Sub(Drawable):
    def draw(self):
        return "sub"


try:
    Sub.register(Drawable)
except RuntimeError as e:
    print("RuntimeError:", e)


# __subclasshook__: structural checks.
class SupportsClose(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is SupportsClose:
            return any("close" in B.__dict__ for B in C.__mro__)
        return NotImplemented


class File:
    def close(self):
        pass


class NotAFile:
    pass


print(isinstance(File(), SupportsClose), isinstance(NotAFile(), SupportsClose),
      issubclass(File, SupportsClose))


class BadHook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1


try:
    issubclass(int, BadHook)
except AssertionError as e:
    print("AssertionError:", e)
try:
    issubclass(3, Drawable)
except TypeError as e:
    print("TypeError:", e)


# update_abstractmethods after filling in a method.
class Base(ABC):
    @abstractmethod
    def run(self):
        ...


class Later(Base):
    pass


try:
    Later()
except TypeError as e:
    print("TypeError:", e)
Later.run = lambda self: "ran"
abc.update_abstractmethods(Later)
print(Later().run(), Later.__abstractmethods__)
print(abc.update_abstractmethods(int) is int)


# A metaclass derived from ABCMeta; keyword arguments reach __init_subclass__.
class Meta(ABCMeta):
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        cls.tag = name.lower()
        return cls


class Tagged(metaclass=Meta):
    def __init_subclass__(cls, flavour=None, **kw):
        super().__init_subclass__(**kw)
        cls.flavour = flavour


class Child(Tagged, flavour="mint"):
    pass


print(Child.tag, Child.flavour, isinstance(Child(), Tagged), type(Child).__name__)
print(len({Shape, Square, Drawable}), Shape in {Shape: 1})
