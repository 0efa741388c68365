# The seed's loop, in its exact form: total passes 2**63 after ~3 million
# iterations, so it exercises the bignum path too.
from _bench import run


def sum_to_n(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


run(sum_to_n, 10000000, minimum=4000000)  # never below 4e6: the total must pass 2**63
