# The seed's loop with the square masked to 16 bits: the total stays a small int (no bignum path).
from _bench import run


def sum_masked(n):
    total = 0
    for i in range(n):
        total += (i * i) & 0xffff
    return total


run(sum_masked, 10000000)
