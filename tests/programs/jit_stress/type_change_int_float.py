# A hot loop whose accumulator changes type from int to float (and back) mid-loop.
total = 0
for i in range(20000):
    if i == 10000:
        total = total + 0.5
    total += i
print(total, type(total).__name__)
acc = 0
for i in range(10000):
    if i < 5000:
        acc += 3
    elif i < 7500:
        acc += 1.25
    else:
        acc = int(acc) + 2
print(acc, type(acc).__name__)
def add(a, b):
    return a + b
vals = []
for i in range(3000):
    x = i if i % 1000 < 500 else i / 4
    vals.append(add(x, x))
print(sum(vals), vals[499], vals[500], vals[1499], vals[-1])
def poly(x):
    return x * x + 3 * x + 1
res = 0
for i in range(5000):
    arg = i if i < 4000 else (i + 0.25 if i < 4500 else str(i))
    if isinstance(arg, str):
        res += len(arg)
    else:
        res += poly(arg)
print(res)
