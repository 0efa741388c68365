# Tuple and list displays of more than 5 items built in hot loops (the trace
# builds a list of 5, appends the rest in runs, and copies it to a tuple).


def displays(n):
    total = 0
    last = None
    for i in range(n):
        t = (i, i + 1, i + 2, i + 3, i + 4, i + 5, i * 0.5)
        l = [i, -i, t, "x", None, i % 3, i % 5, i % 7, i % 11, i % 13, i % 17]
        total += len(t) + len(l) + t[5] + l[9]
        last = (t, l)
    return total, last


def unpacked(n):
    s = 0
    for i in range(n):
        a, b, c, d, e, f = (i, i * 2, i * 3, i * 4, i * 5, i * 6)
        s += a - b + c - d + e - f
    return s


print("displays", displays(3000))
print("unpacked", unpacked(3000))
