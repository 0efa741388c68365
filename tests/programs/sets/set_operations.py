# Set algebra: union/intersection/difference/symmetric difference, subsets, in-place ops.
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, {10}), a.intersection(b, {5}), a.difference(b, {1}), a.symmetric_difference([5, 8]))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a.issubset(range(10)), a.issuperset([1, 2]))
print(a.isdisjoint(b), a.isdisjoint({8, 9}), {1, 2} == {2, 1}, {1} != {1, 2})
c = set(a)
c |= {8}
print(c)
c &= {1, 2, 8, 9}
print(c)
c -= {2}
print(c)
c ^= {1, 3}
print(c)
c.update([10, 11], {12})
c.intersection_update(range(11))
print(c)
c.difference_update({10})
c.symmetric_difference_update({0, 8})
print(c)
