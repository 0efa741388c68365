# Kestrel: collections -- deque (ring buffer), defaultdict, Counter, OrderedDict,
# namedtuple (built with type(), no exec), ChainMap, UserDict, UserList, UserString.

from keyword import iskeyword as _iskeyword
from operator import itemgetter as _itemgetter

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList', 'UserString',
           'defaultdict', 'deque', 'namedtuple']

_repr_running = set()


def _recursive_repr(fallback):
    def deco(f):
        def wrapper(self):
            key = id(self)
            if key in _repr_running:
                return fallback
            _repr_running.add(key)
            try:
                return f(self)
            finally:
                _repr_running.discard(key)
        wrapper.__name__ = f.__name__
        return wrapper
    return deco


def _as_index(x):
    if isinstance(x, int):
        return x
    f = getattr(type(x), '__index__', None)
    if f is None:
        raise TypeError(f"'{type(x).__name__}' object cannot be interpreted as an integer")
    return f(x)


def _is_mapping(x):
    return isinstance(x, dict) or (hasattr(x, 'keys') and hasattr(x, '__getitem__'))


################################################################################
# deque: a growable ring buffer -- O(1) amortised appends/pops at both ends
################################################################################

class deque:
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._maxlen = maxlen
        self._buf = [None] * 8
        self._head = 0          # index of the leftmost element in _buf
        self._size = 0
        self._state = 0         # bumped on every mutation (detects mutation during iteration)
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def _grow(self):
        buf, cap = self._buf, len(self._buf)
        self._buf = [buf[(self._head + i) % cap] for i in range(self._size)] + [None] * cap
        self._head = 0

    def _slot(self, i):
        return (self._head + i) % len(self._buf)

    def append(self, x):
        self._state += 1
        if self._maxlen == 0:
            return
        if self._size == len(self._buf):
            self._grow()
        self._buf[self._slot(self._size)] = x
        self._size += 1
        if self._maxlen is not None and self._size > self._maxlen:
            self.popleft()

    def appendleft(self, x):
        self._state += 1
        if self._maxlen == 0:
            return
        if self._size == len(self._buf):
            self._grow()
        self._head = (self._head - 1) % len(self._buf)
        self._buf[self._head] = x
        self._size += 1
        if self._maxlen is not None and self._size > self._maxlen:
            self.pop()

    def pop(self):
        if not self._size:
            raise IndexError('pop from an empty deque')
        self._state += 1
        self._size -= 1
        i = self._slot(self._size)
        x, self._buf[i] = self._buf[i], None
        return x

    def popleft(self):
        if not self._size:
            raise IndexError('pop from an empty deque')
        self._state += 1
        i = self._head
        x, self._buf[i] = self._buf[i], None
        self._head = (i + 1) % len(self._buf)
        self._size -= 1
        return x

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        append = deque.append          # like CPython, not an overridden append()
        for x in iterable:
            append(self, x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        appendleft = deque.appendleft
        for x in iterable:
            appendleft(self, x)

    def clear(self):
        self._state += 1
        self._buf = [None] * 8
        self._head = self._size = 0

    def _set_items(self, items):
        self._state += 1
        cap = 8
        while cap < len(items):
            cap *= 2
        self._buf = list(items) + [None] * (cap - len(items))
        self._head = 0
        self._size = len(items)

    def rotate(self, n=1):
        n = _as_index(n)
        size = self._size
        if size <= 1:
            return
        n %= size
        if n > size // 2:
            for _ in range(size - n):
                self.append(self.popleft())
        else:
            for _ in range(n):
                self.appendleft(self.pop())

    def reverse(self):
        self._set_items(list(self)[::-1])

    def count(self, x):
        state = self._state
        n = 0
        for i in range(self._size):
            y = self._buf[self._slot(i)]
            if y is x or y == x:
                n += 1
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
        return n

    def index(self, x, start=0, stop=None):
        size = self._size
        start = _as_index(start)
        stop = size if stop is None else _as_index(stop)
        if start < 0:
            start = max(start + size, 0)
        if stop < 0:
            stop = max(stop + size, 0)
        state = self._state
        for i in range(start, min(stop, size)):
            y = self._buf[self._slot(i)]
            if y is x or y == x:
                return i
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
        raise ValueError(f'{x!r} is not in deque')

    def remove(self, value):
        for i in range(self._size):
            y = self._buf[self._slot(i)]
            if y is value or y == value:
                del self[i]
                return
        raise ValueError(f'{value!r} is not in deque')

    def insert(self, i, x):
        i = _as_index(i)
        if self._maxlen is not None and self._size >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        items = list(self)
        items.insert(i, x)
        self._set_items(items)

    def _norm(self, i):
        i = _as_index(i) if not isinstance(i, slice) else i
        if isinstance(i, slice):
            raise TypeError(f"sequence index must be integer, not 'slice'")
        if i < 0:
            i += self._size
        if not 0 <= i < self._size:
            raise IndexError('deque index out of range')
        return i

    def __getitem__(self, i):
        return self._buf[self._slot(self._norm(i))]

    def __setitem__(self, i, x):
        self._buf[self._slot(self._norm(i))] = x

    def __delitem__(self, i):
        i = self._norm(i)
        items = list(self)
        del items[i]
        self._set_items(items)

    def __len__(self):
        return self._size

    def __bool__(self):
        return self._size > 0

    def __iter__(self):
        state = self._state
        for i in range(self._size):
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
            yield self._buf[(self._head + i) % len(self._buf)]
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')

    def __reversed__(self):
        state = self._state
        for i in range(self._size - 1, -1, -1):
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
            yield self._buf[(self._head + i) % len(self._buf)]
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')

    def __contains__(self, x):
        for y in self:
            if y is x or y == x:
                return True
        return False

    @_recursive_repr('[...]')
    def __repr__(self):
        items = repr(list(self))
        if self._maxlen is None:
            return f'{type(self).__name__}({items})'
        return f'{type(self).__name__}({items}, maxlen={self._maxlen})'

    def __copy__(self):
        return type(self)(self, self._maxlen)

    copy = __copy__

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        d = self.__copy__()
        d.extend(other)
        return d

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        if not isinstance(n, int):
            raise TypeError(f"can't multiply sequence by non-int of type '{type(n).__name__}'")
        return type(self)(list(self) * n, self._maxlen)

    __rmul__ = __mul__

    def __imul__(self, n):
        if not isinstance(n, int):
            raise TypeError(f"can't multiply sequence by non-int of type '{type(n).__name__}'")
        items = list(self) * n
        if self._maxlen is not None and len(items) > self._maxlen:
            items = items[len(items) - self._maxlen:]
        self._set_items(items)
        return self

    def _cmp(self, other, op):
        if not isinstance(other, deque):
            return NotImplemented
        return op(list(self), list(other))

    def __eq__(self, other):
        return self._cmp(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._cmp(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._cmp(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._cmp(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._cmp(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._cmp(other, lambda a, b: a >= b)

    __hash__ = None


################################################################################
# defaultdict
################################################################################

class defaultdict(dict):
    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        self[key] = value = self.default_factory()
        return value

    @_recursive_repr('...')
    def __repr__(self):
        f = self.default_factory
        frepr = '...' if id(f) in _repr_running else repr(f)
        return f'{type(self).__name__}({frepr}, {dict.__repr__(self)})'

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


################################################################################
# OrderedDict (dicts are insertion-ordered; this adds order-aware operations)
################################################################################

class OrderedDict(dict):
    def __init__(self, other=(), /, **kwds):
        self.update(other, **kwds)

    def update(self, other=(), /, **kwds):
        if _is_mapping(other):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(self)) if last else next(iter(self))
        return key, dict.pop(self, key)

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)        # raises KeyError(key)
        if last:
            dict.__setitem__(self, key, value)
        else:
            rest = list(dict.items(self))
            dict.clear(self)
            dict.__setitem__(self, key, value)
            for k, v in rest:
                dict.__setitem__(self, k, v)

    def setdefault(self, key, default=None):
        if key in self:
            return self[key]
        self[key] = default
        return default

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    @_recursive_repr('...')
    def __repr__(self):
        if not self:
            return f'{type(self).__name__}()'
        return f'{type(self).__name__}({list(self.items())!r})'

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and all(a is b or a == b for a, b in zip(self, other))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    __hash__ = None

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    @classmethod
    def fromkeys(cls, iterable, value=None):
        self = cls()
        for key in iterable:
            self[key] = value
        return self


################################################################################
# namedtuple -- the class is assembled with type() and closures (no exec)
################################################################################

def _plural(n, word):
    return f'{n} {word}' if n == 1 else f'{n} {word}s'


def _join_names(names):
    names = [repr(n) for n in names]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f'{names[0]} and {names[1]}'
    return ', '.join(names[:-1]) + ', and ' + names[-1]


# Read-only field accessor of namedtuple classes (CPython's _tuplegetter).
class _tuplegetter:

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance[self._index]

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or _iskeyword(name)
                    or name.startswith('_') or name in seen):
                field_names[index] = f'_{index}'
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError(f'Type names and field names must be valid identifiers: {name!r}')
        if _iskeyword(name):
            raise ValueError(f'Type names and field names cannot be a keyword: {name!r}')
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(zip(field_names[len(field_names) - len(defaults):], defaults))

    fields = tuple(field_names)
    num_fields = len(fields)
    arg_list = ', '.join(fields)
    qual_new = f'{typename}.__new__'
    tuple_new = tuple.__new__

    def __new__(_cls, *args, **kwargs):
        # Emulates the argument binding of `def __new__(_cls, f1, f2=d2, ...)`.
        values = list(args[:num_fields])
        for key in kwargs:
            if key not in fields:
                raise TypeError(f"{qual_new}() got an unexpected keyword argument '{key}'")
            if fields.index(key) < len(values):
                raise TypeError(f"{qual_new}() got multiple values for argument '{key}'")
        if len(args) > num_fields:
            lo = num_fields - len(field_defaults) + 1
            hi = num_fields + 1
            given = len(args) + 1
            if lo != hi:
                takes = f'from {lo} to {hi} positional arguments'
            else:
                takes = _plural(hi, 'positional argument')
            was = 'was' if given == 1 else 'were'
            raise TypeError(f'{qual_new}() takes {takes} but {given} {was} given')
        missing = []
        for name in fields[len(values):]:
            if name in kwargs:
                values.append(kwargs[name])
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing.append(name)
                values.append(None)
        if missing:
            raise TypeError(f'{qual_new}() missing {len(missing)} required positional '
                            f"argument{'s' if len(missing) > 1 else ''}: {_join_names(missing)}")
        return tuple_new(_cls, values)

    __new__.__name__ = '__new__'
    __new__.__qualname__ = qual_new
    __new__.__doc__ = f'Create new instance of {typename}({arg_list})'

    def _make(cls, iterable):
        result = tuple_new(cls, iterable)
        if len(result) != num_fields:
            raise TypeError(f'Expected {num_fields} arguments, got {len(result)}')
        return result

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(name) if name in kwds else value
                             for name, value in zip(fields, self)])
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    def __repr__(self):
        return self.__class__.__name__ + '(' + ', '.join(
            f'{name}={value!r}' for name, value in zip(fields, self)) + ')'

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    namespace = {
        '__doc__': f'{typename}({arg_list})',
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__new__': staticmethod(__new__),
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': fields,
        '__module__': module if module is not None else '__main__',
    }
    for index, name in enumerate(fields):
        namespace[name] = _tuplegetter(index, f'Alias for field number {index}')
    return type(typename, (tuple,), namespace)


################################################################################
# Counter
################################################################################

class Counter(dict):
    """Dict subclass for counting hashable items."""

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=_itemgetter(1), reverse=True)
        return items if n is None else items[:max(n, 0)]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if _is_mapping(iterable):
                if self:
                    for elem in iterable.keys():
                        self[elem] = iterable[elem] + self.get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            if _is_mapping(iterable):
                for elem in iterable.keys():
                    self[elem] = self.get(elem, 0) - iterable[elem]
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return f'{self.__class__.__name__}({d!r})'

    # rich comparisons treat missing elements as zero counts
    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    def _binop(self, other, op):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = op(count, other[elem])
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self:
                newcount = op(0, count)
                if newcount > 0:
                    result[elem] = newcount
        return result

    def __add__(self, other):
        return self._binop(other, lambda a, b: a + b)

    def __sub__(self, other):
        return self._binop(other, lambda a, b: a - b)

    def __or__(self, other):
        return self._binop(other, lambda a, b: b if a < b else a)

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [e for e, c in self.items() if not c > 0]:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


################################################################################
# ChainMap, UserDict, UserList, UserString
################################################################################

class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            d.update(dict.fromkeys(mapping))
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    @_recursive_repr('...')
    def __repr__(self):
        return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}') from None

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}') from None

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.') from None

    def clear(self):
        self.maps[0].clear()

    def __eq__(self, other):
        if isinstance(other, ChainMap):
            other = dict(other.items())
        return dict(self.items()) == other

    def __or__(self, other):
        m = self.copy()
        m.maps[0].update(other)
        return m


class UserDict:
    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        if hasattr(self.__class__, '__missing__'):
            return self.__class__.__missing__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return repr(self.data)

    def __eq__(self, other):
        return self.data == (other.data if isinstance(other, UserDict) else other)

    __hash__ = None

    def keys(self):
        return self.data.keys()

    def items(self):
        return self.data.items()

    def values(self):
        return self.data.values()

    def get(self, key, default=None):
        return self[key] if key in self else default

    def pop(self, key, *default):
        return self.data.pop(key, *default)

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, other=(), /, **kwds):
        if _is_mapping(other):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def clear(self):
        self.data.clear()

    def copy(self):
        new = self.__class__()
        new.data = self.data.copy()
        return new


class UserList:
    def __init__(self, initlist=None):
        self.data = []
        if initlist is not None:
            if type(initlist) == type(self.data):
                self.data[:] = initlist
            elif isinstance(initlist, UserList):
                self.data[:] = initlist.data[:]
            else:
                self.data = list(initlist)

    def _unwrap(self, other):
        return other.data if isinstance(other, UserList) else other

    def __repr__(self):
        return repr(self.data)

    def __lt__(self, other):
        return self.data < self._unwrap(other)

    def __le__(self, other):
        return self.data <= self._unwrap(other)

    def __eq__(self, other):
        return self.data == self._unwrap(other)

    def __gt__(self, other):
        return self.data > self._unwrap(other)

    def __ge__(self, other):
        return self.data >= self._unwrap(other)

    __hash__ = None

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __add__(self, other):
        if isinstance(other, UserList):
            return self.__class__(self.data + other.data)
        if isinstance(other, type(self.data)):
            return self.__class__(self.data + other)
        return self.__class__(self.data + list(other))

    def __radd__(self, other):
        if isinstance(other, UserList):
            return self.__class__(other.data + self.data)
        if isinstance(other, type(self.data)):
            return self.__class__(other + self.data)
        return self.__class__(list(other) + self.data)

    def __iadd__(self, other):
        self.data += self._unwrap(other) if isinstance(other, UserList) else list(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        self.data.extend(self._unwrap(other))


class UserString:
    def __init__(self, seq):
        self.data = seq.data[:] if isinstance(seq, UserString) else str(seq)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __len__(self):
        return len(self.data)

    def __eq__(self, other):
        return self.data == (other.data if isinstance(other, UserString) else other)

    def __lt__(self, other):
        return self.data < (other.data if isinstance(other, UserString) else other)

    def __hash__(self):
        return hash(self.data)

    def __getitem__(self, index):
        return self.__class__(self.data[index])

    def __add__(self, other):
        return self.__class__(self.data + str(other))

    def __contains__(self, char):
        return (char.data if isinstance(char, UserString) else char) in self.data

    def __iter__(self):
        return iter(self.data)

    def __getattr__(self, name):
        # delegate str methods, re-wrapping str results
        attr = getattr(self.data, name)
        if not callable(attr):
            return attr

        def method(*args, **kwargs):
            r = attr(*args, **kwargs)
            return self.__class__(r) if isinstance(r, str) else r
        return method
