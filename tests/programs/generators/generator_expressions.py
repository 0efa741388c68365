# Generator expressions: laziness, consumption by builtins, scoping of the first iterable.
gen = (x * x for x in range(5))
print(type(gen).__name__, next(gen), list(gen), list(gen))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "bbb", "cc"]), any(x > 3 for x in [1, 5]))
print(sorted((c for c in "hello"), reverse=True), tuple(i for i in range(3)), "".join(c.upper() for c in "abc"))
pairs = ((i, j) for i in range(3) for j in range(i))
print(list(pairs))
log = []
def src():
    for i in range(3):
        log.append(f"produce {i}")
        yield i
g = (v * 10 for v in src())
log.append("created")
for v in g:
    log.append(f"consume {v}")
print(log)
n = 3
g2 = (n * k for k in range(3))
n = 100
print(list(g2))
it = iter(range(3))
g3 = (x for x in it)
print(list(it), list(g3))
