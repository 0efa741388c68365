# Exceptions raised out of and caught inside hot loops, including from called functions.
def check(i):
    if i % 100 == 99:
        raise ValueError(i)
    return i
good = bad = 0
for i in range(20000):
    try:
        good += check(i)
    except ValueError as e:
        bad += e.args[0]
print(good, bad)
def deep(n):
    if n == 0:
        raise KeyError("bottom")
    return deep(n - 1)
caught = 0
for i in range(2000):
    try:
        deep(i % 20)
    except KeyError:
        caught += 1
print(caught)
total = 0
i = 0
try:
    while True:
        total += [1, 2, 3][i % 4]
        i += 1
except IndexError:
    print("escaped loop at", i, total)
def div_all(xs):
    out = 0.0
    for x in xs:
        try:
            out += 1 / x
        except ZeroDivisionError:
            out -= 1
        finally:
            out += 0
    return out
print(div_all([i % 10 for i in range(10000)]))
d = {}
for i in range(10000):
    try:
        d[i % 50] += 1
    except KeyError:
        d[i % 50] = 1
print(len(d), d[0], d[49])
