# Exception objects as values: storing, re-raising later, with_traceback, add_note-free attrs.
errors = []
for f in [lambda: 1 / 0, lambda: [][0], lambda: int("q")]:
    try:
        f()
    except Exception as e:
        errors.append(e)
print([type(e).__name__ for e in errors])
for e in errors:
    try:
        raise e
    except Exception as again:
        print("re-raised", type(again).__name__, again is e, again.__traceback__ is not None)
e = ValueError("a", "b")
e.custom = 5
print(e.args, e.custom, str(e), isinstance(e, Exception))
class E(Exception):
    pass
try:
    raise E("x") from ValueError("y")
except E as ex:
    print(type(ex.__cause__).__name__, ex.__cause__)
def thrower():
    raise NotImplementedError("subclass must implement")
try:
    thrower()
except NotImplementedError as ex:
    print(type(ex).__name__, ex)
try:
    raise TypeError
except TypeError as ex:
    print(repr(ex), ex.args)
try:
    raise 5
except TypeError as ex:
    print("TypeError:", ex)
