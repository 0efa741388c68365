# *args and **kwargs collection, and star-unpacking in calls.
def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"
print(show())
print(show(1, 2, x=3))
nums = [1, 2, 3]
opts = {"sep": "-", "end": "!\n"}
print(*nums)
print(*nums, **opts)
print(show(*nums, *"ab", 0, **{"k": 1}, z=2, **{"y": 3}))
def add(a, b, c):
    return a + b + c
print(add(*[1, 2, 3]), add(1, *(2, 3)), add(**{"a": 1, "b": 2, "c": 3}), add(1, **{"c": 3, "b": 2}))
def total(*xs):
    s = 0
    for x in xs:
        s += x
    return s
print(total(), total(5), total(*range(101)))
try:
    add(1, 2, **{"b": 3})
except TypeError as e:
    print("TypeError:", e)
try:
    add(*[1, 2])
except TypeError as e:
    print("TypeError:", e)
def wrapper(*args, **kwargs):
    return add(*args, **kwargs)
print(wrapper(1, 2, c=3))
