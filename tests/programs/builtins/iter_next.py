# iter/next with defaults, iter(callable, sentinel), and exhausting iterators.
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
d = iter({"a": 1, "b": 2})
print(next(d), next(d))
s = iter("xy")
print(list(s), list(s))
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
