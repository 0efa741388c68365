# Kestrel: copy -- shallow and deep copies of builtin containers and class instances,
# honouring __copy__/__deepcopy__, __getnewargs__, __getstate__/__setstate__.

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

_atomic = {type(None), type(Ellipsis), type(NotImplemented), int, float, bool, complex,
           str, bytes, type, range, type(len), property, type(lambda: None)}


def _is_atomic(cls):
    return cls in _atomic or issubclass(cls, type)


def _has_own_getstate(cls):
    for klass in cls.__mro__:
        if klass is object:
            return False
        if '__getstate__' in klass.__dict__:
            return True
    return False


def _new_instance(x, cls, deep, memo):
    getnewargs = getattr(cls, '__getnewargs__', None)
    if getnewargs is not None:
        args = getnewargs(x)
        if deep:
            args = deepcopy(args, memo)
        return cls.__new__(cls, *args)
    return cls.__new__(cls)


def _get_state(x, cls):
    if _has_own_getstate(cls):
        return x.__getstate__()
    return getattr(x, '__dict__', None) or None


def _set_state(y, state):
    if state is None:
        return
    setstate = getattr(y, '__setstate__', None)
    if setstate is not None:
        setstate(state)
    else:
        y.__dict__.update(state)


def _reconstruct(x, cls, deep, memo, what):
    if not hasattr(x, '__dict__') and not isinstance(x, (list, dict, set, tuple)) \
            and not _has_own_getstate(cls):
        if cls.__module__ == 'builtins':
            raise TypeError(f"cannot pickle '{cls.__name__}' object")
        raise Error(f'un({what})copyable object of type {cls}')
    y = _new_instance(x, cls, deep, memo)
    if deep:
        memo[id(x)] = y
    state = _get_state(x, cls)
    if deep and state is not None:
        state = deepcopy(state, memo)
    _set_state(y, state)
    if isinstance(x, list):
        for item in x:
            y.append(deepcopy(item, memo) if deep else item)
    elif isinstance(x, dict):
        for key, value in x.items():
            if deep:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
            else:
                y[key] = value
    elif isinstance(x, set):
        for item in x:
            y.add(deepcopy(item, memo) if deep else item)
    return y


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if _is_atomic(cls) or cls in (tuple, frozenset):
        return x
    if cls in (list, dict, set, bytearray):
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if cls in (slice,):
        return x
    return _reconstruct(x, cls, False, None, 'shallow')


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(cls):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        if d in memo:                   # x was reached recursively via its own items
            return memo[d]
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls in (set, frozenset):
        y = cls(deepcopy(list(x), memo))
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, cls, True, memo, 'deep')
    if y is not x:
        memo[d] = y
        memo.setdefault(id(memo), []).append(x)   # keep x alive, as CPython does
    return y
