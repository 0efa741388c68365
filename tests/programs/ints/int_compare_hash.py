# Int equality/ordering across big and small values, hashes of ints, and sorting.
vals = [2 ** 64, -(2 ** 64), 0, 2 ** 63 - 1, -(2 ** 63), 1, -1, 10 ** 20, 3]
print(sorted(vals))
print(sorted(vals, reverse=True))
print(max(vals), min(vals))
print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(10 ** 20))
print(hash(1) == hash(1.0), hash(2 ** 70) == hash(float(2 ** 70)))
d = {2 ** 64: "big", 1: "one", 1.0: "float-one"}
print(d)
print(2 ** 64 in d, 18446744073709551616 in d)
print(2 ** 63 > 2 ** 63 - 1, -(2 ** 63) < -(2 ** 63) + 1, 2 ** 100 == 2 ** 100)
