# Comprehension scoping: class bodies, closures over loop vars, walrus leaking to enclosing scope.
class C:
    base = 10
    vals = [i * 2 for i in range(3)]
    try:
        bad = [base + i for i in range(3)]
    except NameError as e:
        err = str(e)
print(C.vals, C.err)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
def f():
    data = [3, 1, 2]
    big = [(m := v) for v in data if v > 1]
    return big, m
print(f())
total = 0
vals = [total := total + v for v in range(5)]
print(vals, total)
i = 99
print([i for i in range(2)], i)
print(list(map(lambda t: t[0] * t[1], [(i, j) for i in range(2) for j in range(3)])))
