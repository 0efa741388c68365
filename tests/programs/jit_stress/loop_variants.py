# One loop fed different types on different calls: each call may find a
# trace recorded for other types (entry guards fail, another variant runs or
# is recorded), and float/int/bool mixes must give CPython's exact results.
def accumulate(xs, start):
    acc = start
    for x in xs:
        acc = acc + x * 2
    return acc


ints = list(range(50))
floats = [i * 0.25 for i in range(50)]
bools = [i % 3 == 0 for i in range(50)]
big = [2 ** 70 + i for i in range(50)]
for data, start in [(ints, 0), (floats, 0.0), (ints, 0.5), (bools, 0), (big, 0), (floats, 1), (ints, 0), (big, 2 ** 65)]:
    print(accumulate(data, start))


def scale(n, factor):
    x = 1
    for i in range(n):
        x = x * factor
        if x > 1e6:
            x = x / 1000
    return x


for f in (2, 3, 1.5, 2, 0.5, 7):
    print(scale(200, f))


def index_sum(seq, n):
    s = 0
    for i in range(n):
        s += seq[i % len(seq)] if i % 5 else seq[-1]
    return s


print(index_sum([1, 2, 3, 4], 100), index_sum((5, 6, 7), 100), index_sum([1.5, 2.5], 100))
