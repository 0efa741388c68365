# Tuple creation, indexing, slicing, concatenation, comparison and immutability.
t = (1, "two", 3.0, [4])
print(t, len(t), t[1], t[-1], t[1:3], t[::-1], (), (5,), tuple("ab"), tuple([1, 2]))
print(t + (5,), (0,) * 3, 3.0 in t, t.index("two"), (1, 1, 2).count(1))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), (1, 2) == (1, 2))
t[3].append(5)
print(t)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
x = 1, 2, 3
print(x, type(x).__name__)
a, b, c = x
print(a, b, c)
print(tuple(range(5)), tuple(i * i for i in range(4)), max((3, 1, 2)))
