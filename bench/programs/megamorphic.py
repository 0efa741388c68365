# Megamorphic call site: one loop calls shape.area() on 10 receiver classes in rotation.
from _bench import run


class Square:
    def __init__(self, k): self.k = k
    def area(self): return self.k * self.k


class Rect:
    def __init__(self, k): self.k = k
    def area(self): return self.k * (self.k + 1)


class Triangle:
    def __init__(self, k): self.k = k
    def area(self): return self.k * self.k // 2


class Circle:
    def __init__(self, k): self.k = k
    def area(self): return 3 * self.k * self.k


class Hexagon:
    def __init__(self, k): self.k = k
    def area(self): return 6 * self.k


class Line:
    def __init__(self, k): self.k = k
    def area(self): return 0


class Dot:
    def __init__(self, k): self.k = k
    def area(self): return 1


class Ring:
    def __init__(self, k): self.k = k
    def area(self): return 3 * (2 * self.k + 1)


class Kite:
    def __init__(self, k): self.k = k
    def area(self): return self.k * (self.k - 1)


class Star(Square):
    def area(self): return Square.area(self) + 5


CLASSES = [Square, Rect, Triangle, Circle, Hexagon, Line, Dot, Ring, Kite, Star]


def workload(n):
    shapes = [CLASSES[i % len(CLASSES)](i % 50) for i in range(1000)]
    total = 0
    for _ in range(n // 1000):
        for s in shapes:
            total += s.area()
    return total


run(workload, 6000000, minimum=1000)
