# Generator send(), throw() and close(), GeneratorExit handling and return after close.
def averager():
    total = count = 0
    avg = None
    while True:
        try:
            v = yield avg
        except ValueError as e:
            print("generator caught", e)
            continue
        total += v
        count += 1
        avg = total / count
a = averager()
print(next(a), a.send(10), a.send(20), a.send(60))
print(a.throw(ValueError("bad value")))
print(a.send(10))
a.close()
try:
    a.send(1)
except StopIteration:
    print("closed generator raises StopIteration")
def cleanup():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
    finally:
        print("finally in generator")
c = cleanup()
print(next(c))
c.close()
c.close()
print("closed twice ok")
def unhandled():
    yield 1
u = unhandled()
next(u)
try:
    u.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
try:
    averager().send(5)
except TypeError as e:
    print("TypeError:", e)
def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad_close()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)
