# Identity vs equality in list membership, count and index; custom __eq__ in lists.
class Key:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v
    def __repr__(self):
        return f"Key({self.v})"
ks = [Key(1), Key(2), Key(1)]
print(Key(1) in ks, ks.count(Key(1)), ks.index(Key(2)), Key(3) in ks)
nan = float("nan")
lst = [nan]
print(nan in lst, float("nan") in lst, lst == [nan], lst.count(nan))
print([1, 2.0, True].count(1), [1, 2.0, True].index(2), [[1]].index([1]))
ks.remove(Key(1))
print(ks)
