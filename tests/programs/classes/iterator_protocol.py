# __iter__/__next__ iterator classes, StopIteration, and iterables consumed by builtins.
class Countdown:
    def __init__(self, start):
        self.cur = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur <= 0:
            raise StopIteration
        self.cur -= 1
        return self.cur + 1
print(list(Countdown(5)), sum(Countdown(4)), max(Countdown(3)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 2
r = Range2(9)
print(list(r), list(r), [x * x for x in r], 4 in r, 5 in r)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), [a for a in Seq()], tuple(iter(Seq())))
a, b, *rest = Countdown(5)
print(a, b, rest)
it = iter([1, 2, 3])
print(iter(it) is it, list(it), list(it))
