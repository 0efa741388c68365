# The same arithmetic site seeing ints, floats, big ints, strings, lists and user objects.
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))
    def __radd__(self, o):
        return Num(o + self.v)
    def __repr__(self):
        return f"Num({self.v})"
def add(a, b):
    return a + b
cases = [(1, 2), (1.5, 2), (2 ** 64, 1), ("a", "b"), ([1], [2]), ((1,), (2,)), (Num(1), 2), (3, Num(4)), (True, True), (-(2 ** 63), -1)]
results = []
for rep in range(500):
    for a, b in cases:
        r = add(a, b)
        if rep == 499:
            results.append(r)
print(results)
def mul(a, b):
    return a * b
acc = []
for i in range(3000):
    k = i % 5
    if k == 0:
        acc.append(mul(i, i))
    elif k == 1:
        acc.append(mul(i, 0.5))
    elif k == 2:
        acc.append(len(mul("ab", i % 7)))
    elif k == 3:
        acc.append(len(mul([0], i % 3)))
    else:
        acc.append(mul(2 ** 40, i))
print(sum(acc), acc[:10])
def cmp(a, b):
    return a < b
print([cmp(a, b) for a, b in [(1, 2), (2.5, 1), ("a", "b"), ((1, 2), (1, 3)), ([2], [1]), (2 ** 70, 2 ** 69)]] * 1)
