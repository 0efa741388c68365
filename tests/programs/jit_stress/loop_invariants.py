# Code that looks loop-invariant but is not: aliased lists, attribute writes through other names.
data = [1, 2, 3, 4]
alias = data
total = 0
for i in range(4000):
    total += data[0]
    if i == 1000:
        alias[0] = 10
    if i == 3000:
        data = [100]
print(total, alias[0])
class Box:
    pass
b = Box()
b.v = 1
other = b
s = 0
for i in range(3000):
    s += b.v
    if i % 1000 == 999:
        other.v += 1
print(s)
lst = list(range(10))
n = 0
i = 0
while i < len(lst):
    n += lst[i]
    if i == 5 and len(lst) < 20:
        lst.extend(range(10, 15))
    i += 1
print(n, len(lst))
d = {"k": 1}
acc = 0
for i in range(2000):
    acc += d["k"]
    if i == 999:
        d.clear()
        d["k"] = -1
print(acc)
