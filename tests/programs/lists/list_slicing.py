# List slicing with steps, slice assignment (incl. extended) and slice deletion.
a = list(range(10))
print(a[2:7], a[::3], a[::-1], a[-3:], a[7:2:-2], a[100:], a[:-100])
b = a[:]
b[2:5] = ["x", "y"]
print(b)
b[1:1] = [100, 200, 300]
print(b)
b[:] = b[::-1]
print(b)
c = list(range(10))
c[::2] = ["e"] * 5
print(c)
c[1::3] = "ABC"
print(c)
del c[::4]
print(c)
del c[2:4]
print(c)
d = list(range(6))
d[4:1:-1] = [40, 30, 20]
print(d)
d[len(d):] = [6, 7]
print(d)
try:
    d[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
e = [1, 2, 3]
e[5:10] = [9]
print(e)
