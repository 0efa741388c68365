# Sets of tuples for graph traversal (BFS on a grid) with sorted printing.
grid = ["..#.....",
        ".##.###.",
        "......#.",
        "#.##.#..",
        "........"]
start, goal = (0, 0), (4, 7)
seen = {start}
frontier = [start]
dist = {start: 0}
while frontier:
    nxt = []
    for r, c in frontier:
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < len(grid) and 0 <= nc < len(grid[0]) and grid[nr][nc] == "." and (nr, nc) not in seen:
                seen.add((nr, nc))
                dist[(nr, nc)] = dist[(r, c)] + 1
                nxt.append((nr, nc))
    frontier = nxt
print(dist[goal], len(seen))
print(sorted(seen)[:10])
walls = {(r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "#"}
print(sorted(walls), len(walls & seen))
