# Many insertions and deletions: order preserved, resizing, lookups.
d = {}
for i in range(2000):
    d[i * 7 % 2003] = i
print(len(d), list(d)[:10], d[1400])
for i in range(0, 2003, 2):
    d.pop(i, None)
print(len(d), list(d)[:10])
for i in range(0, 20, 2):
    d[i] = -i
print(list(d.items())[-10:])
s = {str(i): i for i in range(1000)}
print(s["999"], s["500"], sum(s.values()), list(s)[-3:])
