# assert with and without messages, caught AssertionError contents.
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x
print(check(5))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("bare assert:", repr(e), e.args)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print("non-string message:", e.args[0])
print(__debug__)
