# Misc dunders: __bool__, __len__, __index__, __int__/__float__, __hash__, __contains__, __reversed__.
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
    def __round__(self, n=None):
        return "rounded"
    def __abs__(self):
        return "abs"
lst = list(range(10))
print(lst[Idx(3)], lst[Idx(1):Idx(4)], hex(Idx(255)), bin(Idx(5)), "ab" * Idx(2), range(Idx(3)))
print(int(Num()), float(Num()), round(Num()), abs(Num()))
class Rev:
    def __init__(self, d):
        self.d = d
    def __len__(self):
        return len(self.d)
    def __getitem__(self, i):
        return self.d[i]
    def __reversed__(self):
        return iter(["custom", "reversed"])
print(list(reversed(Rev([1, 2]))), len(Rev("abc")))
class Cont:
    def __contains__(self, x):
        return x % 2 == 0
print(4 in Cont(), 5 in Cont(), 5 not in Cont())
