# enumerate (with start) and zip (uneven lengths, strict, unzip).
for i, c in enumerate("abc"):
    print(i, c)
print(list(enumerate(["x", "y"], start=10)), list(enumerate([], 5)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip(range(3))), list(zip("ab", "cd", "ef")))
pairs = [(1, "one"), (2, "two"), (3, "three")]
nums, names = zip(*pairs)
print(nums, names)
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
e = enumerate("hi")
print(next(e), next(e), next(e, None))
print(dict(enumerate("abc")), {v: k for k, v in enumerate("abc")})
