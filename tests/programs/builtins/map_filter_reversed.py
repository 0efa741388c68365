# map with multiple iterables, filter with None, reversed on sequences and ranges.
print(list(map(str.upper, ["a", "b"])), list(map(pow, [2, 3, 4], [5, 2])), list(map(lambda x: x * 2, range(4))))
print(list(filter(None, [0, 1, "", "a", None, [], [0], False, True])), list(filter(lambda x: x % 3 == 0, range(20))))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(1, 10, 3))), list(reversed((1, 2))))
m = map(int, "123")
print(next(m), list(m), list(m))
print(sum(map(len, ["ab", "cde", ""])), "".join(map(chr, range(65, 70))))
r = reversed([1, 2, 3])
print(type(r).__name__, next(r), list(r))
try:
    reversed(5)
except TypeError as e:
    print("TypeError:", e)
