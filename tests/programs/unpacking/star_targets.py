# Star targets in assignment and for loops, with various lengths.
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = range(5)
print(a, b)
a, *b, c = "hello"
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
first, *_, last = (10, 20, 30, 40, 50)
print(first, last, _)
for head, *tail in [(1, 2, 3), (4,), "xyz"]:
    print(head, tail)
[x, *y] = {7: 0, 8: 1}
print(x, y)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
print([*range(3), *"ab", *(9,)], (*[1, 2],), {**{"a": 1}, "b": 2, **{"a": 3}}, {*[1, 2], *[2, 3]})
