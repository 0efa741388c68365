# Tiny harness-test program: multi-line output (word lengths), using the real benchmark driver.
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "bench", "programs"))
from _bench import run


def workload(n):
    words = [f"w{i % 17}" for i in range(n)]
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return "\n".join(f"{k} {v}" for k, v in sorted(counts.items())[:4])


run(workload, 5000)
