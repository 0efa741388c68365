# Nested try blocks, exceptions inside except/finally clauses, and handler stack unwinding.
def level3():
    raise ValueError("deep")
def level2():
    try:
        level3()
    finally:
        print("level2 finally")
def level1():
    try:
        level2()
    except KeyError:
        print("never")
    return "unreached"
try:
    level1()
except ValueError as e:
    print("top caught", e)
try:
    try:
        raise KeyError("first")
    except KeyError:
        raise IndexError("second")
except IndexError as e:
    print("second replaces first:", repr(e), repr(e.__context__))
try:
    try:
        raise KeyError("a")
    finally:
        print("finally while propagating")
except KeyError as e:
    print("got", e)
def gen_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleanup")
g = gen_cleanup()
print("got", next(g))
g.close()
print("after close")
import sys
try:
    raise RuntimeError("info")
except RuntimeError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)
print(sys.exc_info())
