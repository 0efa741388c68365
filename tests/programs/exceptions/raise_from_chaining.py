# raise ... from ..., implicit chaining (__context__), __cause__ and __suppress_context__.
class AppError(Exception):
    pass
def load():
    try:
        int("xyz")
    except ValueError as e:
        raise AppError("could not load") from e
try:
    load()
except AppError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, type(e.__context__).__name__)
def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during handling")
try:
    implicit()
except KeyError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
def suppressed():
    try:
        [][0]
    except IndexError:
        raise RuntimeError("clean") from None
try:
    suppressed()
except RuntimeError as e:
    print(repr(e), e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
def reraise():
    try:
        raise ValueError("orig")
    except ValueError:
        print("logging and re-raising")
        raise
try:
    reraise()
except ValueError as e:
    print("re-raised", e)
try:
    try:
        raise TypeError("a")
    except TypeError as inner:
        raise ValueError("b") from inner
except ValueError as outer:
    chain = []
    cur = outer
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__cause__ or cur.__context__
    print(chain)
