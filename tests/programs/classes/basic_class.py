# Class definition, __init__, instance and class attributes, methods, __repr__.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(3, 4)
q = p.moved(1, -1)
print(p, q, p.norm2(), q.norm2(), Point.dims, p.dims)
p.dims = 3
print(p.dims, Point.dims, q.dims)
Point.dims = 5
print(p.dims, q.dims)
print(type(p).__name__, type(p) is Point, isinstance(p, Point), Point.__name__, Point.__qualname__)
print(sorted(vars(p).items()), p.__dict__ == {"x": 3, "y": 4, "dims": 3})
m = p.norm2
print(m(), Point.norm2(q))
class Empty:
    pass
e = Empty()
e.anything = 1
print(e.anything, Empty.__name__, hasattr(e, "nothing"))
