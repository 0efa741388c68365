# Swapping, rotation via tuple assignment, evaluation order of assignment targets.
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
lst = [10, 20, 30]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
i = 0
i, lst[i] = 2, 99
print(i, lst)
x = [0, 1, 2, 3, 4, 5]
x[0], x[x[0]] = 3, 7
print(x)
fib = [0, 1]
p, q = 0, 1
for _ in range(10):
    p, q = q, p + q
    fib.append(q)
print(fib)
class O:
    pass
o = O()
o.a, o.b = "A", "B"
o.a, o.b = o.b, o.a
print(o.a, o.b)
d = {}
d["x"], d["y"] = d["y"], d["x"] = 1, 2
print(d)
