# f-strings in hot loops: FORMAT_VALUE (conversions, format specs, __format__
# and __str__ written in Python, one that raises) and BUILD_STRING.


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "boom":
            raise ValueError("bad spec")
        return f"${self.cents // 100}.{self.cents % 100:02d}"

    def __str__(self):
        return f"Money({self.cents})"


def lines(n):
    out = []
    for i in range(n):
        out.append(f"{i:>5}|{i * 0.5:.2f}|{i!r}|{str(i)[::-1]}")
    return len(out), out[-1], sum(len(s) for s in out)


def objects(n):
    total = 0
    last = ""
    for i in range(n):
        m = Money(i * 7)
        last = f"{m} costs {m:}" if i % 2 else f"{m!s}/{m!a}"
        total += len(last)
    return total, last


def raising(n):
    bad = 0
    for i in range(n):
        spec = "boom" if i % 50 == 49 else ""
        try:
            s = f"{Money(i):{spec}}"
        except ValueError:
            bad += 1
    return bad, s


def long_fstrings(n):
    # More than 5 parts: joined in runs of 5 by the trace.
    total = 0
    for i in range(n):
        s = f"a{i}b{i + 1}c{i + 2}d{i + 3}e{i + 4}f{i % 7}g"
        t = f"{i}{i}{i}{i}{i}{i}{i}{i}{i}{i}{i}"
        total += len(s) + len(t)
    return total, s, t


print("lines", lines(3000))
print("long", long_fstrings(3000))
print("objects", objects(3000))
print("raising", raising(3000))
