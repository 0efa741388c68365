# Hot loops over iterators the trace drives through `next` (generators, zip,
# enumerate, dict views, map, custom iterators), and list comprehensions
# (LIST_APPEND). The trace must never call `next` twice for one FOR_ITER:
# an exit after an unexpected end (or an unexpected item) resumes after it.


def gen(n):
    for i in range(n):
        yield i * 2


def squares(n):
    total = 0
    for v in gen(n):
        total += v * v
    return total


def zipped(a, b):
    s = 0
    for x, y in zip(a, b):
        s += x * y
    return s


def enumerated(items):
    s = 0
    for i, v in enumerate(items):
        s += i * v
    return s


def dict_loops(d):
    s = 0
    for k, v in d.items():
        s += k * v
    for k in d:
        s -= k
    for v in d.values():
        s += v
    return s


def mapped(n):
    return sum(x for x in map(lambda v: v + 1, range(n)))


class Flaky:
    """Ends (StopIteration) every `period` items, then goes on: the loop over
    it stops at each end, and the next loop picks up where it left off."""

    def __init__(self, n, period):
        self.i, self.n, self.period, self.paused = 0, n, period, False

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        if self.i % self.period == 0 and not self.paused:
            self.paused = True
            raise StopIteration
        self.paused = False
        self.i += 1
        return self.i


def flaky(n, period):
    it = Flaky(n, period)
    rounds = total = 0
    while it.i < it.n:
        rounds += 1
        for v in it:
            total += v
    return rounds, total


def raising_gen(n):
    for i in range(n):
        if i == n - 3:
            raise ValueError("generator failed at %d" % i)
        yield i


def catch_from_gen(n):
    got = 0
    try:
        for v in raising_gen(n):
            got += v
    except ValueError as e:
        return got, str(e)
    return got, None


def comprehensions(n):
    a = [i * 3 for i in range(n)]
    b = [x for x in a if x % 2]
    c = [[j for j in range(i % 4)] for i in range(n // 10)]
    return len(a), sum(b), sum(len(x) for x in c)


def nested_gens(n):
    def inner(k):
        for j in range(k):
            yield j

    def outer(m):
        for i in range(m):
            yield from inner(i % 5)

    return sum(outer(n))


print("squares", squares(3000))
print("zipped", zipped(list(range(3000)), range(5, 3005)))
print("enumerated", enumerated(list(range(2000, 5000))))
print("dicts", dict_loops({i: i * i for i in range(2000)}))
print("mapped", mapped(3000))
print("flaky", flaky(3000, 7), flaky(500, 2))
print("gen raise", catch_from_gen(3000))
print("comprehensions", comprehensions(3000))
print("nested gens", nested_gens(2000))
