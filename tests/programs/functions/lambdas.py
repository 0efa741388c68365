# Lambda expressions: as keys, in data structures, with defaults and closures.
sq = lambda x: x * x
print(sq(7), (lambda: 42)(), (lambda a, b=10: a + b)(5), (lambda *a, **k: (a, k))(1, z=2))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b, "pow": lambda a, b: a ** b}
for name in ops:
    print(name, ops[name](3, 4))
fns = [lambda x, i=i: x + i for i in range(4)]
print([f(10) for f in fns])
late = [lambda x: x + i for i in range(4)]
print([f(10) for f in late])
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(4), sq.__name__, (lambda: 0).__name__)
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
