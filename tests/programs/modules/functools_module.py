# functools: reduce, partial, lru_cache (cache_info), wraps, cmp_to_key, cache, total_ordering.
import functools
from functools import reduce, partial
print(reduce(lambda a, b: a * b, range(1, 11)), reduce(lambda a, b: a + b, [], "init"), reduce(max, [3, 9, 2]))
base2 = partial(int, base=2)
print(base2("1011"), base2.func is int, base2.keywords, partial(pow, 2)(10))
def power(b, e, mod=None):
    return pow(b, e, mod)
cube = partial(power, e=3)
print(cube(4), cube(4, mod=10), partial(cube, 5)())
calls = []
@functools.lru_cache(maxsize=3)
def slow(n):
    calls.append(n)
    return n * n
for n in [1, 2, 1, 3, 4, 1, 2]:
    slow(n)
print(calls, slow.cache_info())
slow.cache_clear()
print(slow.cache_info())
def deco(fn):
    @functools.wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner
@deco
def documented(x):
    """Doc here."""
    return x
print(documented.__name__, documented.__doc__, documented(3))
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: cmp(b, a))))
@functools.cache
def tri(n):
    return n if n < 2 else n + tri(n - 1)
print(tri(300))
