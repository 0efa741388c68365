# Nested loops: an inner loop's trace is entered from the outer loop's trace
# (LINK across trees), the inner loop's exit gets a bridge that runs on to
# the outer loop's header, short inner loops, unpacking, slices and dict
# subscripts in hot loops, and globals rebound while traces depend on others.


def grid(w, h):
    total = 0
    for y in range(h):
        row = 0
        for x in range(w):
            row += x * y
        total += row % 1000
    return total


def triangle(n):
    # The inner loop's trip count changes with the outer variable (0 at first).
    acc = 0
    for i in range(n):
        for j in range(i % 7):
            acc += i - j
    return acc


def while_nest(n):
    i = 0
    out = 0
    while i < n:
        j = i % 5
        while j > 0:
            out += j
            j -= 1
        i += 1
    return out


def pairs_sum(pairs):
    s = 0
    for a, b in pairs:
        s += a * b
    for (a, b), c in zip(pairs, range(len(pairs))):
        s -= c
    return s


def reversals(n):
    # fannkuch's prefix reversal: slices read and assigned in a hot loop.
    perm = list(range(9))
    flips = 0
    for i in range(n):
        k = perm[0]
        if k:
            perm[: k + 1] = perm[k::-1]
            flips += 1
        else:
            perm = perm[1:] + perm[:1]
    return flips, perm


def counts(words):
    d = {}
    for w in words:
        if w in d:
            d[w] += 1
        else:
            d[w] = 1
    return sorted(d.items())


def strings(n):
    s = "abcdefghij"
    t = 0
    for i in range(n):
        t += ord(s[i % 10]) + len(s[i % 3 : i % 7])
    return t


class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]


def user_getitem(m, n):
    t = 0
    for i in range(n):
        t += m[i % 2, i % 3]
    return t


def bad_unpack(items):
    got = 0
    for item in items:
        try:
            a, b = item
            got += a + b
        except ValueError as e:
            got -= 1
            last = str(e)
        except TypeError as e:
            got -= 2
            last = str(e)
    return got, last


def missing_keys(n):
    d = {i: i * i for i in range(0, n, 3)}
    hits = misses = 0
    for i in range(n):
        try:
            hits += d[i]
        except KeyError:
            misses += 1
    return hits, misses


SCALE = 3


def scaled(n):
    # A global the trace reads, while another global is rebound in the loop.
    global OTHER
    t = 0
    for i in range(n):
        OTHER = i
        t += i * SCALE
    return t


print("grid", grid(40, 50))
print("triangle", triangle(3000))
print("while_nest", while_nest(3000))
print("pairs", pairs_sum([(i, i + 1) for i in range(500)]))
print("reversals", reversals(3000))
print("counts", counts(["a", "b", "c", "a", "b", "a"] * 200 + ["z"]))
print("strings", strings(3000))
print("user_getitem", user_getitem(Matrix([[1, 2, 3], [4, 5, 6]]), 3000))
print("bad_unpack", bad_unpack([(1, 2)] * 300 + [(1, 2, 3)] + [(3, 4)] * 100 + [(5,)] + [7]))
print("missing", missing_keys(3000))
print("scaled", scaled(3000), OTHER)
SCALE = 5
print("scaled again", scaled(3000))
