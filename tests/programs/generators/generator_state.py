# Generator frames keep local state across yields; multiple independent instances interleaved.
def counter(start, step):
    n = start
    while True:
        cmd = yield n
        if cmd == "reset":
            n = start
        else:
            n += step
a = counter(0, 1)
b = counter(100, -10)
print(next(a), next(b), next(a), next(b), next(a))
print(a.send("reset"), next(a), b.send(None))
def interleave(*gens):
    gens = list(gens)
    while gens:
        for gg in list(gens):
            try:
                yield next(gg)
            except StopIteration:
                gens.remove(gg)
print(list(interleave(iter("abc"), iter([1, 2]), iter("XYZW"))))
def stateful():
    seen = []
    for i in range(4):
        seen.append(i)
        yield list(seen)
print(list(stateful()))
