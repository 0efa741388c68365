# Generators driven by hot loops: many resumptions, nested generators and generator expressions.
def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1
total = 0
for v in counter(100000):
    total += v
print(total)
def pairs(n):
    for i in range(n):
        yield i, i * i
s = 0
for a, b in pairs(30000):
    s += b - a
print(s)
def chained(n):
    yield from counter(n)
    yield from (x * 2 for x in counter(n))
print(sum(chained(20000)))
gens = [counter(1000) for _ in range(50)]
acc = 0
for _ in range(1000):
    for g in gens:
        acc += next(g)
print(acc)
def acc_gen():
    total = 0
    while True:
        x = yield total
        total += x
g = acc_gen()
next(g)
for i in range(50000):
    last = g.send(i)
print(last)
print(sum(x * x for x in range(50000) if x % 3))
