# A megamorphic call site: one loop calling the same method on 8 different classes.
class A:
    def f(self, x): return x + 1
class B:
    def f(self, x): return x * 2
class C:
    def f(self, x): return x - 3
class D:
    def f(self, x): return x // 2
class E:
    def f(self, x): return -x
class F:
    def f(self, x): return x * x % 1000
class G:
    def f(self, x): return float(x) / 4
class H(A):
    def f(self, x): return super().f(x) * 10
objs = [A(), B(), C(), D(), E(), F(), G(), H()]
total = 0
for i in range(40000):
    total += objs[i % 8].f(i)
print(total)
counts = [0] * 8
for i in range(16000):
    o = objs[(i * 7) % 8]
    counts[(i * 7) % 8] += int(o.f(3))
print(counts)
fns = [len, str, repr, abs, hash, bool, int, float]
res = []
for i in range(8000):
    fn = fns[i % 8]
    arg = "xy" if fn in (len, str, repr) else -i
    r = fn(arg)
    if i < 16:
        res.append(r)
print(res)
attrs = [type("K%d" % i, (), {"v": i}) () for i in range(8)]
s = 0
for i in range(24000):
    s += attrs[i % 8].v
print(s)
