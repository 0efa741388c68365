# Kestrel: operator module -- standard operators as functions, plus itemgetter,
# attrgetter and methodcaller (same reprs and error messages as CPython 3.11).


_builtin_abs = abs


def lt(a, b): return a < b
def le(a, b): return a <= b
def eq(a, b): return a == b
def ne(a, b): return a != b
def ge(a, b): return a >= b
def gt(a, b): return a > b
def not_(a): return not a
def truth(a): return True if a else False
def is_(a, b): return a is b
def is_not(a, b): return a is not b
def abs(a): return _builtin_abs(a)
def add(a, b): return a + b
def and_(a, b): return a & b
def floordiv(a, b): return a // b
def inv(a): return ~a
def lshift(a, b): return a << b
def mod(a, b): return a % b
def mul(a, b): return a * b
def matmul(a, b): return a @ b
def neg(a): return -a
def or_(a, b): return a | b
def pos(a): return +a
def pow(a, b): return a ** b
def rshift(a, b): return a >> b
def sub(a, b): return a - b
def truediv(a, b): return a / b
def xor(a, b): return a ^ b
def contains(a, b): return b in a
def getitem(a, b): return a[b]
def call(obj, /, *args, **kwargs): return obj(*args, **kwargs)


invert = inv


def index(a):
    if isinstance(a, int):
        return int(a) if type(a) is bool else a
    f = getattr(type(a), '__index__', None)
    if f is None:
        raise TypeError(f"'{type(a).__name__}' object cannot be interpreted as an integer")
    return f(a)


def concat(a, b):
    _check_seq(a)
    return a + b


def iconcat(a, b):
    _check_seq(a)
    a += b
    return a


def _iter_arg(a):
    try:
        return iter(a)
    except TypeError:
        raise TypeError(f"argument of type '{type(a).__name__}' is not iterable") from None


def _check_seq(a):
    if not hasattr(type(a), '__getitem__') or isinstance(a, dict):
        raise TypeError(f"'{type(a).__name__}' object can't be concatenated")


def countOf(a, b):
    return sum(1 for x in _iter_arg(a) if x is b or x == b)


def indexOf(a, b):
    for i, x in enumerate(_iter_arg(a)):
        if x is b or x == b:
            return i
    raise ValueError('sequence.index(x): x not in sequence')


def setitem(a, b, c):
    a[b] = c


def delitem(a, b):
    del a[b]


def length_hint(obj, default=0):
    if not isinstance(default, int):
        raise TypeError(f"'{type(default).__name__}' object cannot be interpreted as an integer")
    try:
        return len(obj)
    except TypeError:
        pass
    hint = getattr(type(obj), '__length_hint__', None)
    if hint is None:
        return default
    val = hint(obj)
    if val is NotImplemented:
        return default
    if not isinstance(val, int):
        raise TypeError(f'__length_hint__ must be integer, not {type(val).__name__}')
    if val < 0:
        raise ValueError('__length_hint__() should return >= 0')
    return val


def iadd(a, b): a += b; return a          # noqa: E702
def iand(a, b): a &= b; return a          # noqa: E702
def ifloordiv(a, b): a //= b; return a    # noqa: E702
def ilshift(a, b): a <<= b; return a      # noqa: E702
def imod(a, b): a %= b; return a          # noqa: E702
def imul(a, b): a *= b; return a          # noqa: E702
def imatmul(a, b): a @= b; return a       # noqa: E702
def ior(a, b): a |= b; return a           # noqa: E702
def ipow(a, b): a **= b; return a         # noqa: E702
def irshift(a, b): a >>= b; return a      # noqa: E702
def isub(a, b): a -= b; return a          # noqa: E702
def itruediv(a, b): a /= b; return a      # noqa: E702
def ixor(a, b): a ^= b; return a          # noqa: E702


class attrgetter:
    def __init__(self, attr, *attrs):
        self._attrs = (attr,) + attrs
        for a in self._attrs:
            if not isinstance(a, str):
                raise TypeError('attribute name must be a string')
        self._paths = [a.split('.') for a in self._attrs]

    def _get(self, obj, path):
        for name in path:
            obj = getattr(obj, name)
        return obj

    def __call__(self, obj):
        if len(self._paths) == 1:
            return self._get(obj, self._paths[0])
        return tuple(self._get(obj, p) for p in self._paths)

    def __repr__(self):
        return f"operator.attrgetter({', '.join(map(repr, self._attrs))})"

    def __reduce__(self):
        return self.__class__, self._attrs


class itemgetter:
    def __init__(self, *items):
        if not items:
            raise TypeError('itemgetter expected 1 argument, got 0')
        self._items = items

    def __call__(self, obj):
        if len(self._items) == 1:
            return obj[self._items[0]]
        return tuple(obj[i] for i in self._items)

    def __repr__(self):
        return f"operator.itemgetter({', '.join(map(repr, self._items))})"

    def __reduce__(self):
        return self.__class__, self._items


class methodcaller:
    def __init__(self, *args, **kwargs):
        if not args:
            raise TypeError('methodcaller needs at least one argument, the method name')
        if not isinstance(args[0], str):
            raise TypeError('method name must be a string')
        self._name = args[0]
        self._args = args[1:]
        self._kwargs = kwargs

    def __call__(self, obj):
        return getattr(obj, self._name)(*self._args, **self._kwargs)

    def __repr__(self):
        parts = [repr(self._name)] + [repr(a) for a in self._args]
        parts += [f'{k}={v!r}' for k, v in self._kwargs.items()]
        return f"operator.methodcaller({', '.join(parts)})"


# Dunder aliases: operator.__add__ is operator.add, etc.
for _name in ['lt', 'le', 'eq', 'ne', 'ge', 'gt', 'not_', 'abs', 'add', 'and_', 'floordiv',
              'index', 'inv', 'invert', 'lshift', 'mod', 'mul', 'matmul', 'neg', 'or_', 'pos',
              'pow', 'rshift', 'sub', 'truediv', 'xor', 'concat', 'contains', 'delitem',
              'getitem', 'setitem', 'iadd', 'iand', 'iconcat', 'ifloordiv', 'ilshift', 'imod',
              'imul', 'imatmul', 'ior', 'ipow', 'irshift', 'isub', 'itruediv', 'ixor', 'call']:
    globals()['__' + _name.rstrip('_') + '__'] = globals()[_name]
del _name
