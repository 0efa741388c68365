# Exceptions inside generators: propagation to caller, StopIteration->RuntimeError (PEP 479), try in gen.
def raises_midway():
    yield 1
    raise ValueError("midway")
g = raises_midway()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught", e)
print(next(g, "finished after error"))
def leaks_stop():
    yield 1
    raise StopIteration("oops")
try:
    list(leaks_stop())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError:
            yield float("inf")
print(list(safe_div([(1, 2), (3, 0), (9, 3)])))
def gen_finally():
    try:
        for i in range(3):
            yield i
    finally:
        print("gen finally")
print(list(gen_finally()))
def closer():
    try:
        yield "first"
    finally:
        print("cleanup on close")
c = closer()
next(c)
c.close()
print("end")
