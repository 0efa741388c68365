# Doubly recursive fib(30), computed a few times: call/return overhead and small-int arithmetic.
from _bench import run


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def workload(repeat):
    return [fib(30) for _ in range(repeat)]


run(workload, 4)
