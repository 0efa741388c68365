# N-queens solved with recursive generators (yield from): counts solutions for boards up to size n.
from _bench import run


def solve(n, row, cols, diag1, diag2):
    if row == n:
        yield ()
        return
    for c in range(n):
        if c in cols or (row - c) in diag1 or (row + c) in diag2:
            continue
        cols.add(c)
        diag1.add(row - c)
        diag2.add(row + c)
        for rest in solve(n, row + 1, cols, diag1, diag2):
            yield (c,) + rest
        cols.discard(c)
        diag1.discard(row - c)
        diag2.discard(row + c)


def workload(n):
    lines = []
    for size in range(4, n + 1):
        solutions = list(solve(size, 0, set(), set(), set()))
        lines.append(f"{size}: {len(solutions)} first={solutions[0]}")
    return "\n".join(lines)


run(workload, 12, minimum=9)
