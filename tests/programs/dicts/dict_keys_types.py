# Keys of mixed types: equal numbers collide (1, 1.0, True), custom hashable keys.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d2 = {0: "a", False: "b", 0.0: "c", -0.0: "d"}
print(d2)
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return isinstance(o, P) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x},{self.y})"
pts = {P(1, 2): "a", P(3, 4): "b"}
pts[P(1, 2)] = "c"
print(pts, P(3, 4) in pts, pts[P(3, 4)])
frozen = {frozenset([1, 2]): "fs", (1, (2, 3)): "nested"}
print(frozen[frozenset([2, 1])], frozen[(1, (2, 3))])
big = {2 ** 64: 1, -(2 ** 64): 2, 10 ** 30: 3}
print(big, big[2 ** 64])
