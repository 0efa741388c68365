# Infinite generators combined with itertools.islice, takewhile and count.
import itertools
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def primes():
    found = []
    for n in itertools.count(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
print(list(itertools.islice(naturals(), 10)))
print(list(itertools.islice(naturals(), 5, 20, 3)))
print(list(itertools.islice(primes(), 25)))
print(list(itertools.takewhile(lambda p: p < 60, primes())))
def collatz(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1
print(list(collatz(27))[:20], len(list(collatz(27))))
evens = (n for n in naturals() if n % 2 == 0)
print([next(evens) for _ in range(5)])
print(list(itertools.islice(itertools.cycle("abc"), 8)), list(itertools.islice(itertools.repeat(7), 3)))
