# Float series computations: harmonic sums, pi approximations, Newton's method.
h = 0.0
for k in range(1, 1001):
    h += 1.0 / k
print(h)
pi4 = 0.0
sign = 1.0
for k in range(10000):
    pi4 += sign / (2 * k + 1)
    sign = -sign
print(pi4 * 4)
def newton_sqrt(a):
    x = a
    for _ in range(30):
        x = 0.5 * (x + a / x)
    return x
for a in [2.0, 10.0, 1e10, 0.25]:
    print(a, newton_sqrt(a))
e = 0.0
term = 1.0
for n in range(1, 20):
    e += term
    term /= n
print(e)
vals = [i * 0.37 for i in range(20)]
print(sum(vals), max(vals), min(vals), sum(v * v for v in vals) / len(vals))
