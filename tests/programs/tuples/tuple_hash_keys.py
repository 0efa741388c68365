# Tuples as dict keys and in sets; hash equality of equal tuples.
grid = {}
for x in range(3):
    for y in range(3):
        grid[(x, y)] = x * 3 + y
print(grid[(1, 2)], grid[2, 0], (1, 1) in grid, (5, 5) in grid)
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((1.0, 2.0)), hash(()) == hash(()))
print(sorted({(1, 2), (0, 5), (1, 2), (0, 1)}))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
memo = {}
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    if (r, c) not in memo:
        memo[(r, c)] = paths(r - 1, c) + paths(r, c - 1)
    return memo[(r, c)]
print(paths(10, 10), paths(16, 16), len(memo))
