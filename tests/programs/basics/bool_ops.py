# Short-circuit and/or/not and truthiness of built-in values.
values = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {0: 0}, None, True, False]
for v in values:
    print(repr(v), bool(v), not v)
print(0 or 5, 3 or 5, 0 and 5, 3 and 5)
print("" or "default", "x" or "default", None or 0 or [] or "last")
print(1 and 2 and 3, 1 and 0 and 3)
calls = []
def f(name, result):
    calls.append(name)
    return result
r = f("a", False) and f("b", True)
print(r, calls)
calls.clear()
r = f("a", True) or f("b", True)
print(r, calls)
calls.clear()
r = f("a", 0) or f("b", "") or f("c", "yes")
print(r, calls)
print(not not 5, not 0 == 1, (not 0) == 1)
