# Dict comprehensions: filtering, inversion, nested and from zipped sequences.
squares = {x: x * x for x in range(8)}
print(squares)
print({k: v for k, v in squares.items() if v % 2})
inv = {v: k for k, v in squares.items()}
print(inv)
names = ["ann", "bob", "cy"]
print({n: len(n) for n in names}, {n[0]: n for n in names})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
print({k: [c for c in k] for k in ["ab", "c"]})
print({x % 3: x for x in range(10)})
