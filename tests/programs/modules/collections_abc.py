# collections.abc: builtin types registered as virtual subclasses, structural __subclasshook__
# checks, abstract methods, and the mixin methods of Set, Mapping, MutableMapping, Sequence.
from collections import abc
from collections import OrderedDict, defaultdict, deque, Counter, namedtuple

samples = [[], (), "", b"", bytearray(), {}, set(), frozenset(), range(3), 3, 2.5, None,
           iter([]), (x for x in ()), {}.keys(), {}.values(), {}.items(), len, object()]
names = ["Hashable", "Iterable", "Iterator", "Generator", "Reversible", "Sized", "Container",
         "Collection", "Callable", "Set", "MutableSet", "Mapping", "MutableMapping",
         "MappingView", "KeysView", "ItemsView", "ValuesView", "Sequence", "MutableSequence",
         "ByteString"]
for s in samples:
    hits = [n for n in names if isinstance(s, getattr(abc, n))]
    print(type(s).__name__, hits)

P = namedtuple("P", "x y")
for cls in (OrderedDict, defaultdict, deque, Counter, P, bool, memoryview):
    print(cls.__name__, [n for n in names if issubclass(cls, getattr(abc, n))])


class Bag(abc.Set):
    def __init__(self, items=()):
        self._items = list(dict.fromkeys(items))

    def __contains__(self, x):
        return x in self._items

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return f"Bag({self._items})"


a, b = Bag([1, 2, 3]), Bag([3, 4])
print(a & b, a | b, a - b, a ^ b, a <= Bag([1, 2, 3, 5]), a < a, a == Bag([3, 2, 1]))
print(a.isdisjoint([7, 8]), a & [2, 3], [2, 3, 9] - a, a == {1, 2, 3}, a._hash() == frozenset([1, 2, 3]).__hash__())
print(isinstance(a, abc.Set), isinstance(a, abc.Hashable), Bag.__hash__)


class Registry(abc.MutableMapping):
    def __init__(self):
        self._data = {}

    def __getitem__(self, key):
        return self._data[key.lower()]

    def __setitem__(self, key, value):
        self._data[key.lower()] = value

    def __delitem__(self, key):
        del self._data[key.lower()]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)


r = Registry()
r.update({"A": 1}, B=2)
r.update([("C", 3)])
print(dict(r), r.get("a"), r.get("z", 0), "B" in r, r.setdefault("d", 4), r.pop("c"), r.pop("zz", None))
print(list(r.keys()), list(r.values()), list(r.items()), r == {"a": 1, "b": 2, "d": 4})
print(r.keys() & {"a", "q"}, ("a", 1) in r.items(), 2 in r.values(), len(r.items()), repr(r.keys())[:8])
print(r.popitem(), len(r))
r.clear()
print(len(r), isinstance(r, abc.Mapping), isinstance(r, dict))
try:
    r.pop("missing")
except KeyError as e:
    print("KeyError:", e)


class Countdown(abc.Sequence):
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return self.n - i

    def __len__(self):
        return self.n


c = Countdown(5)
print(list(c), 3 in c, 9 in c, list(reversed(c)), c.index(2), c.count(4))
try:
    c.index(42)
except ValueError:
    print("ValueError")


class Stack(abc.MutableSequence):
    def __init__(self):
        self._items = []

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __delitem__(self, i):
        del self._items[i]

    def __len__(self):
        return len(self._items)

    def insert(self, i, v):
        self._items.insert(i, v)


s = Stack()
s.append(1)
s.extend([2, 3, 4])
s += [5]
s.reverse()
print(list(s), s.pop(), s.pop(0), list(s))
s.remove(3)
print(list(s))


class Incomplete(abc.Mapping):
    def __getitem__(self, key):
        return key


try:
    Incomplete()
except TypeError as e:
    print("TypeError:", e)


class Countable:
    def __len__(self):
        return 0


class NoHash:
    __hash__ = None


print(issubclass(Countable, abc.Sized), issubclass(Countable, abc.Collection),
      isinstance(NoHash(), abc.Hashable), isinstance([], abc.Hashable), issubclass(list, abc.Reversible),
      issubclass(dict, abc.Reversible))


def gen():
    yield 1


g = gen()
print(isinstance(g, abc.Generator), isinstance(g, abc.Iterator), isinstance(iter(range(3)), abc.Iterator),
      isinstance(iter(range(10 ** 30)), abc.Iterator), isinstance(zip(), abc.Iterator))
g.close()
print(abc.Sequence.__name__, abc.Sequence.__module__, repr(abc.Mapping))
from collections import UserDict, UserList, UserString, ChainMap
print([(t.__name__, issubclass(t, abc.MutableMapping), issubclass(t, abc.Sequence))
       for t in (UserDict, UserList, UserString, ChainMap)])
