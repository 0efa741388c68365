# Kestrel: itertools as small iterator classes (eager argument checking like CPython,
# lazy iteration). Most classes wrap an internal generator in self._g.


class _Iter:
    def __iter__(self):
        return self

    def __next__(self):
        return next(self._g)


def _index(x, msg):
    if isinstance(x, int):
        return x
    f = getattr(type(x), '__index__', None)
    if f is None:
        raise TypeError(msg)
    return f(x)


def _is_number(x):
    return isinstance(x, (int, float, complex)) or hasattr(type(x), '__add__') and \
        not isinstance(x, (str, bytes, bytearray, list, tuple))


class count(_Iter):
    def __init__(self, start=0, step=1):
        if not _is_number(start) or not _is_number(step):
            raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return f'count({self._n!r})'
        return f'count({self._n!r}, {self._step!r})'


class cycle(_Iter):
    def __init__(self, iterable):
        self._g = self._gen(iter(iterable))

    @staticmethod
    def _gen(it):
        saved = []
        for x in it:
            yield x
            saved.append(x)
        while saved:
            for x in saved:
                yield x


class repeat(_Iter):
    def __init__(self, object, times=None):
        self._obj = object
        if times is not None:
            times = _index(times, f"'{type(times).__name__}' object cannot be interpreted as an integer")
            times = max(times, 0)
        self._times = times

    def __next__(self):
        if self._times is None:
            return self._obj
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return f'repeat({self._obj!r})'
        return f'repeat({self._obj!r}, {self._times})'


class accumulate(_Iter):
    def __init__(self, iterable, func=None, *, initial=None):
        self._g = self._gen(iter(iterable), func, initial)

    @staticmethod
    def _gen(it, func, total):
        if total is not None:
            yield total
        else:
            for total in it:
                yield total
                break
            else:
                return
        for x in it:
            total = total + x if func is None else func(total, x)
            yield total


class chain(_Iter):
    def __init__(self, *iterables):
        self._g = self._gen(iter(iterables))

    @staticmethod
    def _gen(iterables):
        for it in iterables:
            yield from iter(it)

    @classmethod
    def from_iterable(cls, iterables):
        self = cls()
        self._g = cls._gen(iter(iterables))
        return self


class compress(_Iter):
    def __init__(self, data, selectors):
        self._g = (d for d, s in zip(iter(data), iter(selectors)) if s)


class dropwhile(_Iter):
    def __init__(self, predicate, iterable):
        self._g = self._gen(predicate, iter(iterable))

    @staticmethod
    def _gen(pred, it):
        for x in it:
            if not pred(x):
                yield x
                break
        yield from it


class takewhile(_Iter):
    def __init__(self, predicate, iterable):
        self._g = self._gen(predicate, iter(iterable))

    @staticmethod
    def _gen(pred, it):
        for x in it:
            if not pred(x):
                return
            yield x


class filterfalse(_Iter):
    def __init__(self, function, iterable):
        it = iter(iterable)
        if function is None:
            self._g = (x for x in it if not x)
        else:
            self._g = (x for x in it if not function(x))


class starmap(_Iter):
    def __init__(self, function, iterable):
        self._g = (function(*args) for args in iter(iterable))


class pairwise(_Iter):
    def __init__(self, iterable):
        self._g = self._gen(iter(iterable))

    @staticmethod
    def _gen(it):
        for a in it:
            for b in it:
                yield a, b
                a = b
            return


class zip_longest(_Iter):
    def __init__(self, *iterables, fillvalue=None):
        self._g = self._gen([iter(it) for it in iterables], fillvalue)

    @staticmethod
    def _gen(its, fill):
        if not its:
            return
        active = len(its)
        while True:
            row = []
            for i, it in enumerate(its):
                if it is None:
                    row.append(fill)
                    continue
                try:
                    row.append(next(it))
                except StopIteration:
                    active -= 1
                    if not active:
                        return
                    its[i] = None
                    row.append(fill)
            yield tuple(row)


_STOP_MSG = 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.'
_IDX_MSG = 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.'
_STEP_MSG = 'Step for islice() must be a positive integer or None.'


def _islice_arg(x, msg, default):
    if x is None:
        return default
    try:
        v = _index(x, msg)
    except TypeError:
        raise ValueError(msg) from None
    if v < 0:
        raise ValueError(msg)
    return v


class islice(_Iter):
    def __init__(self, iterable, *args):
        if not 1 <= len(args) <= 3:
            n = len(args) + 1
            if n < 2:
                raise TypeError(f'islice expected at least 2 arguments, got {n}')
            raise TypeError(f'islice expected at most 4 arguments, got {n}')
        if len(args) == 1:
            start, stop, step = 0, _islice_arg(args[0], _STOP_MSG, -1), 1
        else:
            start = _islice_arg(args[0], _IDX_MSG, 0)
            stop = _islice_arg(args[1], _STOP_MSG, -1)
            step = _islice_arg(args[2] if len(args) == 3 else None, _STEP_MSG, 1)
            if step == 0:
                raise ValueError(_STEP_MSG)
        self._it = iter(iterable)
        self._next = start     # index of the next item to return
        self._stop = stop      # -1: no stop
        self._step = step
        self._cnt = 0          # items consumed so far

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        try:
            while self._cnt < self._next:
                next(it)
                self._cnt += 1
            if stop != -1 and self._cnt >= stop:
                raise StopIteration
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._cnt += 1
        self._next += self._step
        if stop != -1 and self._next > stop:
            self._next = stop
        return item


class _TeeLink:
    def __init__(self):
        self.value = None
        self.next = None


class _tee(_Iter):
    def __init__(self, it, link):
        self._it = it
        self._link = link

    def __next__(self):
        link = self._link
        if link.next is None:
            link.value = next(self._it)
            link.next = _TeeLink()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _tee(self._it, self._link)


def tee(iterable, n=2):
    n = _index(n, f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        first = it.__copy__()
    else:
        first = _tee(it, _TeeLink())
    return (first,) + tuple(first.__copy__() for _ in range(n - 1))


_MISSING = object()


def _eq(a, b):
    return a is b or a == b


class groupby(_Iter):
    """Follows CPython's C implementation: a group is invalidated when groupby advances."""

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = self._currkey = self._currvalue = _MISSING
        self._currgrouper = None

    def _step(self):
        value = next(self._it)
        self._currkey = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value

    def __next__(self):
        self._currgrouper = None
        while True:
            if self._currkey is _MISSING:
                pass
            elif self._tgtkey is _MISSING or not _eq(self._tgtkey, self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._currgrouper = grouper
        return self._currkey, grouper


class _grouper(_Iter):
    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __next__(self):
        gb = self._parent
        if gb._currgrouper is not self:
            raise StopIteration
        if gb._currvalue is _MISSING:
            gb._step()
        if not _eq(self._tgtkey, gb._currkey):
            raise StopIteration
        r = gb._currvalue
        gb._currvalue = gb._currkey = _MISSING
        return r


def _check_r(r):
    if not isinstance(r, int):
        raise TypeError('Expected int as r')
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


class product(_Iter):
    def __init__(self, *iterables, repeat=1):
        repeat = _index(repeat, f"'{type(repeat).__name__}' object cannot be interpreted as an integer")
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(p) for p in iterables] * repeat
        self._g = self._gen(pools)

    @staticmethod
    def _gen(pools):
        if any(not p for p in pools):
            return
        n = len(pools)
        idx = [0] * n
        while True:
            yield tuple(pools[i][idx[i]] for i in range(n))
            i = n - 1
            while i >= 0:
                idx[i] += 1
                if idx[i] < len(pools[i]):
                    break
                idx[i] = 0
                i -= 1
            if i < 0:
                return


class permutations(_Iter):
    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        r = len(pool) if r is None else _check_r(r)
        self._g = self._gen(pool, r)

    @staticmethod
    def _gen(pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(n))
        cycles = list(range(n, n - r, -1))
        yield tuple(pool[i] for i in indices[:r])
        while n:
            for i in range(r - 1, -1, -1):
                cycles[i] -= 1
                if cycles[i] == 0:
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    yield tuple(pool[i] for i in indices[:r])
                    break
            else:
                return


class combinations(_Iter):
    def __init__(self, iterable, r):
        pool = tuple(iterable)
        self._g = self._gen(pool, _check_r(r))

    @staticmethod
    def _gen(pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(r))
        yield tuple(pool[i] for i in indices)
        while True:
            for i in range(r - 1, -1, -1):
                if indices[i] != i + n - r:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple(pool[i] for i in indices)


class combinations_with_replacement(_Iter):
    def __init__(self, iterable, r):
        pool = tuple(iterable)
        self._g = self._gen(pool, _check_r(r))

    @staticmethod
    def _gen(pool, r):
        n = len(pool)
        if not n and r:
            return
        indices = [0] * r
        yield tuple(pool[i] for i in indices)
        while True:
            for i in range(r - 1, -1, -1):
                if indices[i] != n - 1:
                    break
            else:
                return
            indices[i:] = [indices[i] + 1] * (r - i)
            yield tuple(pool[i] for i in indices)
