# NameError.name, and the messages of bad * / ** arguments in calls.
def f(*args, **kwargs):
    return args, kwargs


try:
    undefined_thing
except NameError as e:
    print(type(e).__name__, e.name, e)
print(NameError("custom").name)
for bad in (None, 5, 2.5):
    try:
        f(*bad)
    except TypeError as e:
        print(e)
    try:
        print(*bad)
    except TypeError as e:
        print(e)
for bad in (None, [1, 2], 3):
    try:
        f(**bad)
    except TypeError as e:
        print(e)
print(f(*"ab", **{"k": 1}))
print(f(*range(3)))
