# Argument binding edge cases: duplicates, unknown kwargs, missing args, defaults mixing.
def f(a, b=2, c=3):
    return (a, b, c)
print(f(1), f(1, c=9), f(c=7, a=0), f(*[1], **{"c": 5}))
errs = [
    lambda: f(),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, a=1),
    lambda: f(1, d=4),
    lambda: f(**{"a": 1, "zz": 2}),
]
for e in errs:
    try:
        e()
    except TypeError as ex:
        print("TypeError:", ex)
def g(*, x):
    return x
try:
    g(1)
except TypeError as ex:
    print("TypeError:", ex)
def h(**kw):
    return sorted(kw.items())
print(h(b=1, a=2), h(**{"if": 1, "class": 2}))
