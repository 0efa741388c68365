# __enter__/__exit__: suppression, exception info, nesting order, contextlib.contextmanager.
import contextlib
class Tag:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with Tag("a") as v:
    print("body", v)
with Tag("outer"), Tag("inner") as w:
    print("nested body", w)
with Tag("s", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with Tag("n"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
@contextlib.contextmanager
def managed(label):
    print("setup", label)
    try:
        yield label * 2
    except ZeroDivisionError:
        print("handled in cm")
    finally:
        print("teardown", label)
with managed("x") as m:
    print("using", m)
with managed("y"):
    1 / 0
print("done")
with contextlib.suppress(IndexError):
    [][0]
print("suppressed index error")
def early():
    with Tag("ret"):
        return "returned"
print(early())
