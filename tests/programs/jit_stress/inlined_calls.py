# test: full-stderr
# Python functions and methods inlined into hot loops: attributes read and
# written, new attributes, methods and class attributes replaced while a
# trace depends on them, instance attributes shadowing methods, exceptions
# and recursion limits inside inlined calls, and an uncaught error deep in
# inlined frames (its whole traceback is compared).
import sys


def sq(x):
    return x * x


def add_sq(a, b):
    y = sq(a)
    return y + b


class Point:
    scale = 3

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def move(self, d):
        self.x = self.x + d
        self.y -= d

    def scaled(self):
        return self.x * Point.scale + self.scale


def nested_calls(n):
    t = 0
    for i in range(n):
        t = add_sq(i, t) & 0xFFFFFF
    return t


def methods(n):
    p = Point(1, 2)
    t = 0
    for i in range(n):
        p.move(1)
        t += p.norm2() & 0xFF
        t += p.scaled()
        if i == n // 2:
            Point.scale = 5  # a class attribute changes: the class version guard fails
    return t, p.x, p.y


def new_attributes(n):
    out = []
    for i in range(n):
        p = Point(i, -i)
        if i % 3 == 0:
            p.z = i * 2  # a layout transition in some iterations only
        p.label = "p%d" % (i % 7)
        out.append(p.x + p.y + getattr(p, "z", 0))
    return sum(out), len(out)


def replaced_method(n):
    p = Point(2, 3)
    t = 0
    for i in range(n):
        t += p.norm2()
        if i == 300:
            Point.norm2 = lambda self: -1  # the method itself is replaced
        if i == 600:
            p.norm2 = lambda: 1000  # an instance attribute shadows the method
    return t


class Shape:
    def area(self):
        return 0


class Sq(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Rect(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


def polymorphic(n):
    shapes = [Sq(2), Rect(2, 3), Shape(), Sq(5)]
    t = 0
    for i in range(n):
        t += shapes[i % 4].area()
        if i == n - 100:
            shapes[2] = Rect(7, 7)
    return t


def fails(i, bad):
    if i == bad:
        raise ValueError("bad value %d" % i)
    return i


def middle(i, bad):
    return fails(i, bad) * 2


def caught(n, bad):
    s = 0
    try:
        for i in range(n):
            s += middle(i, bad)
    except ValueError as e:
        return "caught", str(e), s
    return "done", s


def down(n):
    if n == 0:
        return 0
    return step(n)


def step(n):
    return down(n - 1) + 1


def recursion(n, depth):
    t = 0
    try:
        for i in range(n):
            t += step(depth)
            if i == n // 2:
                sys.setrecursionlimit(40)
    except RecursionError as e:
        sys.setrecursionlimit(1000)
        return "recursion", str(e), t
    sys.setrecursionlimit(1000)
    return t


def rebinding(n):
    global sq
    t = 0
    old = sq
    for i in range(n):
        t += add_sq(i % 10, 0)
        if i == n // 2:
            sq = lambda x: -x  # the global the inlined callee loads is rebound
    sq = old
    return t


def inner_error(i):
    return 10 // (i - 1500)


def outer(i):
    return inner_error(i) + 1


print(nested_calls(5000))
print(methods(3000))
print(new_attributes(2000))
print(replaced_method(1000))
print(polymorphic(2000))
for bad in (3, 700, 2999, 10**6):
    print(caught(3000, bad))
print(recursion(200, 10))
print(recursion(400, 25))
print(rebinding(2000))
total = 0
for i in range(3000):
    total += outer(i)
print(total)
