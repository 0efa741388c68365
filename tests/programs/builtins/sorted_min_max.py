# sorted/min/max with key and default, sum with start, and errors for empty inputs.
data = [("a", 3), ("b", 1), ("c", 2), ("d", 3)]
print(sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
print(min(data, key=lambda t: t[1]), max(data, key=lambda t: t[1]), max(3, 1, 2), min("bca"))
print(max([], default="empty"), min([], default=None), max([5], default=0), min(4, 2, key=lambda v: -v))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([[1], [2]], []), sum((0.5, 0.25)), sum(range(1, 101)))
for fn in (min, max):
    try:
        fn([])
    except ValueError as e:
        print("ValueError:", e)
print(max([1, 3, 3, 2], key=lambda v: v), max([(1, "a"), (1, "b")], key=lambda t: t[0]))
print(sorted([3, 1, 2]), sorted("cba"), sorted({3: 0, 1: 0}), sorted([], reverse=True))
