# Kestrel: functools -- reduce, partial, lru_cache/cache, wraps/update_wrapper,
# total_ordering, cmp_to_key, cached_property, singledispatch (CPython 3.11 semantics).

from collections import namedtuple

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__', '__annotations__')
WRAPPER_UPDATES = ('__dict__',)

_initial_missing = object()


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


def reduce(function, sequence, initial=_initial_missing):
    try:
        it = iter(sequence)
    except TypeError:
        raise TypeError('reduce() arg 2 must support iteration') from None
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value') from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    """New function with partial application of the given arguments and keywords."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if type(func) is partial:      # flatten nested partials like CPython
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)] + [repr(x) for x in self.args]
        parts += [f'{k}={v!r}' for k, v in self.keywords.items()]
        name = type(self).__qualname__
        if type(self).__module__ == 'functools':
            name = 'functools.' + name
        return f"{name}({', '.join(parts)})"

    def __get__(self, obj, objtype=None):
        return self       # partial objects are not descriptors


# ---- total_ordering ----

def _gt_from_lt(self, other):
    r = type(self).__lt__(self, other)
    return r if r is NotImplemented else not r and self != other


def _le_from_lt(self, other):
    r = type(self).__lt__(self, other)
    return r if r is NotImplemented else r or self == other


def _ge_from_lt(self, other):
    r = type(self).__lt__(self, other)
    return r if r is NotImplemented else not r


def _ge_from_le(self, other):
    r = type(self).__le__(self, other)
    return r if r is NotImplemented else not r or self == other


def _lt_from_le(self, other):
    r = type(self).__le__(self, other)
    return r if r is NotImplemented else r and self != other


def _gt_from_le(self, other):
    r = type(self).__le__(self, other)
    return r if r is NotImplemented else not r


def _lt_from_gt(self, other):
    r = type(self).__gt__(self, other)
    return r if r is NotImplemented else not r and self != other


def _ge_from_gt(self, other):
    r = type(self).__gt__(self, other)
    return r if r is NotImplemented else r or self == other


def _le_from_gt(self, other):
    r = type(self).__gt__(self, other)
    return r if r is NotImplemented else not r


def _le_from_ge(self, other):
    r = type(self).__ge__(self, other)
    return r if r is NotImplemented else not r or self == other


def _gt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    return r if r is NotImplemented else r and self != other


def _lt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    return r if r is NotImplemented else not r


_convert = {
    '__lt__': [('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)],
}


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods."""
    roots = {op for op in _convert
             if any(op in c.__dict__ for c in cls.__mro__ if c is not object)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            setattr(cls, opname, _renamed(opfunc, opname, cls))
    return cls


def _renamed(f, name, cls):
    def method(self, other):
        return f(self, other)
    method.__name__ = name
    method.__qualname__ = f'{cls.__qualname__}.{name}'
    return method


# ---- cmp_to_key ----

def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function."""
    class K:
        def __init__(self, obj):
            self.obj = obj

        def _other(self, other):
            if not isinstance(other, K):
                raise TypeError('other argument must be K instance')
            return other.obj

        def __lt__(self, other):
            return mycmp(self.obj, self._other(other)) < 0

        def __gt__(self, other):
            return mycmp(self.obj, self._other(other)) > 0

        def __eq__(self, other):
            return mycmp(self.obj, self._other(other)) == 0

        def __le__(self, other):
            return mycmp(self.obj, self._other(other)) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, self._other(other)) >= 0

        __hash__ = None
    return K


# ---- lru_cache ----

_CacheInfo = namedtuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'], module='functools')
_kwd_mark = object()


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += (_kwd_mark,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator; usable as @lru_cache or @lru_cache(maxsize)."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        return _lru_cache_wrapper(user_function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _lru_cache_wrapper(user_function, maxsize, typed)
    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    cache = {}              # insertion order of the dict is the recency order
    stats = [0, 0]          # hits, misses
    sentinel = object()

    if maxsize == 0:
        def wrapper(*args, **kwds):
            stats[1] += 1
            return user_function(*args, **kwds)
    elif maxsize is None:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.get(key, sentinel)
            if result is not sentinel:
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result
    else:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.pop(key, sentinel)
            if result is not sentinel:
                cache[key] = result           # move to most-recent position
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            if key in cache:                  # recursive call already cached it
                return result
            if len(cache) >= maxsize:
                del cache[next(iter(cache))]  # evict least recently used
            cache[key] = result
            return result

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = stats[1] = 0

    def cache_parameters():
        return {'maxsize': maxsize, 'typed': typed}

    update_wrapper(wrapper, user_function)
    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = cache_parameters
    return wrapper


def cache(user_function, /):
    """Simple unbounded cache (lru_cache(maxsize=None))."""
    return lru_cache(maxsize=None)(user_function)


# ---- cached_property ----

_NOT_FOUND = object()


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError('Cannot assign the same cached_property to two different names '
                            f'({self.attrname!r} and {name!r}).')

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError('Cannot use cached_property instance without calling __set_name__ on it.')
        try:
            d = instance.__dict__
        except AttributeError:
            raise TypeError(f"No '__dict__' attribute on {type(instance).__name__!r} "
                            f'instance to cache {self.attrname!r} property.') from None
        val = d.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            d[self.attrname] = val
        return val


# ---- singledispatch ----

def singledispatch(func):
    """Single-dispatch generic function decorator (dispatch on the first argument's class)."""
    registry = {object: func}
    dispatch_cache = {}

    def dispatch(cls):
        impl = dispatch_cache.get(cls)
        if impl is None:
            for c in cls.__mro__:
                if c in registry:
                    impl = registry[c]
                    break
            else:
                impl = func
            dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        if func is None:
            if isinstance(cls, type):
                return lambda f: register(cls, f)
            func = cls
            ann = getattr(func, '__annotations__', {})
            if not ann:
                raise TypeError(f'Invalid first argument to `register()`: {cls!r}. '
                                'Use either `@register(some_class)` or plain `@register` '
                                'on an annotated function.')
            cls = next(iter(ann.values()))
            if not isinstance(cls, type):
                raise TypeError(f'Invalid annotation for {next(iter(ann))!r}. '
                                f'{cls!r} is not a class.')
        registry[cls] = func
        dispatch_cache.clear()
        return func

    funcname = getattr(func, '__name__', 'singledispatch function')

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least 1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper
