# Functions as values: attributes, passing, returning, storing in containers, higher-order.
def apply(f, *args):
    return f(*args)
def square(x):
    return x * x
print(apply(square, 5), apply(max, 3, 9, 2), apply(len, "abc"))
pipeline = [str.strip, str.lower, lambda s: s.replace(" ", "_")]
s = "  Hello World  "
for fn in pipeline:
    s = fn(s)
print(s)
def make_multiplier(n):
    def mul(x):
        return x * n
    mul.__name__ = f"times{n}"
    return mul
t3 = make_multiplier(3)
print(t3(7), t3.__name__, square.__name__, square.__qualname__, make_multiplier(2).__qualname__)
square.tag = "sq"
print(square.tag, callable(square), callable(5))
print(list(map(make_multiplier(10), [1, 2, 3])))
def doc():
    "a docstring"
print(doc.__doc__, square.__doc__, square.__module__)
