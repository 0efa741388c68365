# Binary trees (CLBG): allocate and walk many short-lived trees plus one long-lived tree (allocation/GC).
from _bench import run


class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


def make(depth):
    if depth == 0:
        return Node(None, None)
    return Node(make(depth - 1), make(depth - 1))


def check(node):
    if node.left is None:
        return 1
    return 1 + check(node.left) + check(node.right)


def workload(max_depth):
    min_depth = 4
    max_depth = max(min_depth + 2, max_depth)
    lines = [f"stretch tree of depth {max_depth + 1}\t check: {check(make(max_depth + 1))}"]
    long_lived = make(max_depth)
    for depth in range(min_depth, max_depth + 1, 2):
        iterations = 2 ** (max_depth - depth + min_depth)
        total = 0
        for _ in range(iterations):
            total += check(make(depth))
        lines.append(f"{iterations}\t trees of depth {depth}\t check: {total}")
    lines.append(f"long lived tree of depth {max_depth}\t check: {check(long_lived)}")
    return "\n".join(lines)


run(workload, 14, minimum=10)
