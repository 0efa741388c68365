# Closures capturing variables, counters with nonlocal, and cells shared between closures.
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter(5)
print(inc(), inc(), inc(10), get())
inc2, get2 = make_counter()
print(inc2(), get(), get2())
def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([f(100) for f in make_adders()])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "rebound"
    return middle()()
print(outer())
def accumulator():
    items = []
    def add(v):
        items.append(v)
        return list(items)
    return add
acc = accumulator()
acc(1)
acc(2)
print(acc(3))
def make_pair():
    shared = []
    return shared.append, lambda: len(shared)
push, size = make_pair()
push(1)
push(2)
print(size())
