# Float accumulation in a counted loop: x += i * 0.5 (int-to-float mixing, no allocation in a JIT).
from _bench import run


def float_loop(n):
    x = 0.0
    for i in range(n):
        x += i * 0.5
    return x


run(float_loop, 10000000)
