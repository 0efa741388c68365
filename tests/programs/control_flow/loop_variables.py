# Loop variable after loop, range objects, modifying loop targets, iterating copies.
for i in range(5):
    pass
print(i)
r = range(2, 20, 3)
print(r, len(r), r[2], r[-1], list(r), 11 in r, 12 in r, r.index(8), range(5)[1:3])
print(list(range(10, 0, -2)), list(range(0)), list(range(-5, -1)), range(0, 10**20, 3)[10**18])
for i in range(3):
    i = i * 10
    print(i)
items = [1, 2, 3, 4]
for x in items[:]:
    if x % 2 == 0:
        items.remove(x)
print(items)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a, b, c)
total = 0
for ch in "12345":
    total += int(ch)
print(total)
