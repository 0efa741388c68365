# Conditional (ternary) expressions, including nesting and laziness.
for x in [-3, 0, 4, 11]:
    kind = "neg" if x < 0 else "zero" if x == 0 else "small" if x < 10 else "big"
    print(x, kind)
def boom():
    raise RuntimeError("should not be evaluated")
print(1 if True else boom())
print(boom() if False else 2)
print([("even" if i % 2 == 0 else "odd") for i in range(5)])
f = (lambda a: a * 2) if len("ab") == 2 else (lambda a: a)
print(f(21))
print((1, 2) if [] else (3, 4))
