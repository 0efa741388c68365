# Dict and set comprehensions incl. nested and conditional forms (sets printed sorted or as ints).
print({x: x ** 3 for x in range(6)})
print({k: v for k, v in zip("abcde", range(5)) if v % 2 == 0})
print({x % 5 for x in range(100)})
print(sorted({w.lower() for w in "A a B b C".split()}))
print({i: {j: i * j for j in range(3)} for i in range(3)})
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
print({w[0]: [x for x in words if x[0] == w[0]] for w in words})
print({len(w): w for w in words})
print(sorted({(a, b) for a in range(3) for b in range(3) if a != b}))
