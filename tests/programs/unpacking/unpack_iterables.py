# Unpacking from any iterable: generators, dicts, sets of ints, strings, range, zip.
a, b, c = (i * i for i in range(3))
print(a, b, c)
k1, k2 = {"one": 1, "two": 2}
print(k1, k2)
x, y = sorted({5, 3})
print(x, y)
p, q, r = "pqr"
print(p, q, r)
m, n = range(2)
print(m, n)
(u, v), (w, z) = zip("ab", "cd")
print(u, v, w, z)
def three():
    yield 1
    yield 2
    yield 3
try:
    a, b = three()
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c, d = three()
except ValueError as e:
    print("ValueError:", e)
print(*zip(*[(1, "a"), (2, "b"), (3, "c")]))
print(dict(zip(*[["k1", "k2"], [1, 2]])))
