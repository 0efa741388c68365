# yield from: delegation, return values of subgenerators, flattening recursive structures.
def inner():
    yield "a"
    yield "b"
    return "inner-done"
def outer():
    r = yield from inner()
    yield "got " + r
    yield from range(3)
    yield from "xy"
print(list(outer()))
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]], 8])))
def tree(depth, prefix="r"):
    yield prefix
    if depth:
        yield from tree(depth - 1, prefix + "L")
        yield from tree(depth - 1, prefix + "R")
print(list(tree(2)))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), {4: 0}, "56")))
def counter():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
def delegator():
    result = yield from counter()
    print("delegated result", result)
    yield result
d = delegator()
print(next(d), d.send(5), d.send(10), d.send(None))
