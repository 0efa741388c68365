# Generator functions: lazy execution order, StopIteration, return values, reuse.
def gen():
    print("start")
    yield 1
    print("after 1")
    yield 2
    print("after 2")
    return "result"
g = gen()
print("created")
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
print(next(g, "exhausted"))
def squares(n):
    for i in range(n):
        yield i * i
print(list(squares(6)), sum(squares(100)), max(squares(5)))
s = squares(3)
print(list(s), list(s))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
print(type(g).__name__, hasattr(g, "__next__"), iter(g) is g)
