# Closures and nonlocal cells updated in hot loops; lambdas created per iteration.
def make():
    count = 0
    def inc(k):
        nonlocal count
        count += k
        return count
    return inc
inc = make()
for i in range(50000):
    inc(i % 3)
print(inc(0))
fns = []
for i in range(1000):
    fns.append(lambda x, i=i: x * i)
print(sum(f(2) for f in fns))
def outer(n):
    total = 0
    def add(v):
        nonlocal total
        total += v
    for i in range(n):
        add(i)
        if i == n // 2:
            add = lambda v: None
    return total
print(outer(10000))
adders = [(lambda k: (lambda x: x + k))(k) for k in range(8)]
acc = 0
for i in range(16000):
    acc = adders[i % 8](acc) % 1000003
print(acc)
