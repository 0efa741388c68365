# Hot function entries get traces of one call (docs/jit.md, "Function
# traces"): recursion, calls from C++ (sorted keys, map), exceptions leaving
# a traced call, the recursion limit, arguments whose types change, and
# calls the trace cannot take (keywords, defaults, closures, generators).
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def leaf(a, b):
    return a * 3 + b


def poly(x):
    return x + x


def checked(i):
    if i % 997 == 996:
        raise KeyError(i)
    return leaf(i, 1)


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


def kw(a, b=10):
    return a - b


def make_adder(k):
    def add(x):
        return x + k
    return add


def gen(n):
    for i in range(n):
        yield leaf(i, i)


print(fib(20))
t = 0
for i in range(3000):
    t += leaf(i, i)
print(t)
print(sum(map(leaf, range(2000), range(2000))))
print(sorted(range(50), key=lambda v: leaf(-v, v))[:5])
vals = [1, 2.5, "ab", 3, [1], 2**70, 4.0, (1, 2)]
out = []
for i in range(4000):
    out.append(poly(vals[i % len(vals)]))
print(out[:8], len(out))
caught = 0
for i in range(5000):
    try:
        checked(i)
    except KeyError as e:
        caught += e.args[0]
print(caught)
print(depth(500))
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    print(depth(400))
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(old)
print(sum(kw(i) + kw(i, b=i) + kw(i, 2) for i in range(3000)))
adder = make_adder(7)
print(sum(adder(i) for i in range(3000)))
print(sum(gen(3000)))
print(fib(22))
