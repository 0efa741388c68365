# List comprehensions with conditions, nested loops, nested comprehensions and scoping.
print([x * 2 for x in range(10)])
print([x for x in range(30) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x, 3)])
print([[r * c for c in range(4)] for r in range(4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row])
print([x if x % 2 else -x for x in range(8)])
print([c.upper() for c in "hello" if c not in "l"])
x = "outer"
print([x for x in "ab"], x)
print([y for y in []], [i for i in range(3) for _ in range(2)])
print([len(w) for w in "the quick brown fox".split() if len(w) > 3])
print([(lambda v: v + 1)(i) for i in range(3)], [f(2) for f in [abs, str, float]])
