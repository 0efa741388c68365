# Calls from traced loops: builtins, methods of builtin types, Python
# functions (called, not inlined), exceptions raised by a call inside a trace
# and caught in the same frame, in the caller, or not at all.
def builtins_loop(xs):
    out = []
    total = 0
    for x in xs:
        out.append(x * 2)
        total += len(out) + abs(x - 50) + max(x, 7) - min(x, 3)
    return total, len(out), out[:3], out[-1]


def methods_loop(words):
    parts = []
    n = 0
    for w in words:
        parts.append(w.upper())
        n += w.count("a") + len(w.strip())
    return n, "-".join(parts[:5])


def helper(a, b):
    return a * b + 1


def py_calls(n):
    s = 0
    for i in range(n):
        s += helper(i, 3) - helper(1, i)
    return s


def parse_all(items):
    r = []
    for x in items:
        try:
            r.append(int(x))
        except ValueError:
            r.append(-1)
    return r


def fails_at(n, bad):
    acc = 0
    for i in range(n):
        if i == bad:
            int("not a number")
        acc += abs(-i)
    return acc


def side_effects(n):
    log = []
    for i in range(n):
        log.append(i)
        if i % 7 == 6:
            log.pop()
    return len(log), sum(log)


print(builtins_loop(list(range(100))))
print(methods_loop(["banana", " apple ", "cherry", "avocado"] * 25))
print(py_calls(500))
print(parse_all(["1", "22", "x", "4", "", "-5"] * 20))
print(side_effects(1000))
for bad in (5, 50, 500, 5000):
    try:
        print(fails_at(1000, bad))
    except ValueError as e:
        print("caught at", bad, e)
print(fails_at(3000, 2999))
