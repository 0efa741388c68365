# Arithmetic dunder operators with reflected (__radd__ ...) and in-place forms.
class V:
    def __init__(self, *c):
        self.c = list(c)
    def __repr__(self):
        return f"V{tuple(self.c)}"
    def __add__(self, o):
        if isinstance(o, V):
            return V(*[a + b for a, b in zip(self.c, o.c)])
        if isinstance(o, (int, float)):
            return V(*[a + o for a in self.c])
        return NotImplemented
    def __radd__(self, o):
        print("radd", o)
        return self + o
    def __sub__(self, o):
        return V(*[a - b for a, b in zip(self.c, o.c)])
    def __mul__(self, k):
        return V(*[a * k for a in self.c])
    __rmul__ = __mul__
    def __truediv__(self, k):
        return V(*[a / k for a in self.c])
    def __floordiv__(self, k):
        return V(*[a // k for a in self.c])
    def __mod__(self, k):
        return V(*[a % k for a in self.c])
    def __pow__(self, k):
        return V(*[a ** k for a in self.c])
    def __neg__(self):
        return V(*[-a for a in self.c])
    def __pos__(self):
        return self
    def __abs__(self):
        return sum(a * a for a in self.c) ** 0.5
    def __iadd__(self, o):
        print("iadd")
        self.c = [a + b for a, b in zip(self.c, o.c)]
        return self
    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.c, o.c))
a, b = V(1, 2), V(3, 4)
print(a + b, a - b, a * 3, 3 * a, a / 2, b // 2, b % 3, a ** 2, -a, +a, abs(b), a @ b)
print(a + 10, 10 + a, sum([a, b], V(0, 0)))
alias = a
a += b
print(a, alias, a is alias)
a -= b
print(a, alias, a is alias)
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" - a
except TypeError as e:
    print("TypeError:", e)
