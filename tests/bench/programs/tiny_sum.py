# Tiny harness-test program: a sum of squares, using the real benchmark driver.
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "bench", "programs"))
from _bench import run


def workload(n):
    return sum(i * i for i in range(n))


run(workload, 20000)
