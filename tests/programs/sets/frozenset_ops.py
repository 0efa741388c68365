# frozenset: hashing, as dict keys / set elements, mixing with set.
f = frozenset([3, 1, 2])
print(f, len(f), 2 in f, f | {9}, f & {1, 9}, type(f | {9}).__name__, type({9} | f).__name__)
sets = {frozenset([1, 2]), frozenset([2, 1]), frozenset([3])}
print(len(sets), sorted(sorted(x) for x in sets))
print(frozenset() == set(), frozenset([1]) == {1}, hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
power = [frozenset(i for i in range(3) if mask >> i & 1) for mask in range(8)]
print([sorted(p) for p in power])
