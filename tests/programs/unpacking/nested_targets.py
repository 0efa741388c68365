# Nested unpacking targets in assignment, for loops and function results.
(a, b), c = (1, 2), 3
print(a, b, c)
[a, (b, [c, d])] = [1, (2, [3, 4])]
print(a, b, c, d)
for i, (name, (x, y)) in enumerate([("p", (1, 2)), ("q", (3, 4))]):
    print(i, name, x, y)
def minmax(xs):
    return min(xs), max(xs)
(lo, hi), n = minmax([5, 3, 9]), 3
print(lo, hi, n)
pts = {"a": (1, 2), "b": (3, 4)}
for k, (x, y) in pts.items():
    print(k, x + y)
(a, *rest), (b, *more) = "abc", [1, 2, 3]
print(a, rest, b, more)
try:
    (a, b), c = (1, 2, 3), 4
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 1
except TypeError as e:
    print("TypeError:", e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
