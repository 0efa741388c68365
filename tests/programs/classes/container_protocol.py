# __getitem__/__setitem__/__delitem__/__len__/__contains__/__bool__ and slicing objects.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, key):
        if isinstance(key, slice):
            return [self[i, 0] for i in range(*key.indices(self.w))]
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"{key} out of range")
        return self.cells.get(key, ".")
    def __setitem__(self, key, v):
        self.cells[key] = v
    def __delitem__(self, key):
        del self.cells[key]
    def __len__(self):
        return len(self.cells)
    def __contains__(self, v):
        return v in self.cells.values()
g = Grid(4, 3)
g[1, 2] = "#"
g[0, 0] = "@"
print(g[1, 2], g[2, 2], len(g), "#" in g, "?" in g, bool(g))
print(g[0:4], g[::2], g[::-1])
del g[1, 2]
print(len(g), "#" in g)
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
class Empty:
    def __len__(self):
        return 0
class Falsy:
    def __bool__(self):
        return False
print(bool(Empty()), bool(Falsy()), "yes" if Empty() else "no", not Falsy())
class S:
    def __getitem__(self, k):
        return k
s = S()
print(s[1], s[1:2], s[::3], s[1, 2:3], s[...])
