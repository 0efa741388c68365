# Operators on Python objects in hot loops: the trace calls the protocol
# (dunder methods, reflected operands, NotImplemented), exceptions raised by
# a dunder, a dunder replaced mid-loop, in-place list += and % formatting.


class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y

    def __lt__(self, o):
        return self * self < o * o

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)


class Meters:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        if not isinstance(o, Meters):
            return NotImplemented
        return Meters(self.v + o.v)

    def __radd__(self, o):
        return Meters(self.v + o)


def vectors(n):
    acc = Vec(0, 0)
    for i in range(n):
        v = Vec(i, -i)
        acc = acc + v * 2 - Vec(1, 1)
        if i % 3 == 0:
            acc = 3 * acc - acc * 2
    return acc


def compares(n):
    a, b = Vec(1, 2), Vec(2, 1)
    eq = lt = 0
    for i in range(n):
        c = Vec(i % 3, 2 - i % 3)
        if c == a:
            eq += 1
        if c < b:
            lt += 1
        if c != b:
            lt += 2
    return eq, lt


def reflected(n):
    total = Meters(0)
    for i in range(n):
        total = total + Meters(i) if i % 2 else i + total
    return total.v


class Boom:
    def __init__(self, n):
        self.n = n

    def __add__(self, o):
        if self.n % 97 == 96:
            raise ArithmeticError("boom at %d" % self.n)
        return self.n + o


def raising(n):
    total = caught = 0
    for i in range(n):
        try:
            total += Boom(i) + 1
        except ArithmeticError:
            caught += 1
    return total, caught


def patched(n):
    class P:
        def __init__(self, v):
            self.v = v

        def __mul__(self, k):
            return self.v * k

    out = 0
    for i in range(n):
        if i == n // 2:
            P.__mul__ = lambda self, k: -self.v * k
        out += P(i) * 2
    return out


def list_and_format(n):
    items = []
    for i in range(n):
        items += [i]
        if i % 500 == 0:
            items = items + ["%d:%s" % (i, "x" * (i % 4))]
    return len(items), items[-1], items[:3]


print("vectors", vectors(3000))
print("compares", compares(3000))
print("reflected", reflected(3000))
print("raising", raising(3000))
print("patched", patched(3000))
print("list_and_format", list_and_format(3000))
