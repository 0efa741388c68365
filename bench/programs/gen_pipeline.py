# Generator pipeline: chained generators and generator expressions (filter, map, window, batch) feeding a reducer.
from _bench import run


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(src):
    for x in src:
        yield x * x


def only(pred, src):
    for x in src:
        if pred(x):
            yield x


def pairwise_diff(src):
    prev = None
    for x in src:
        if prev is not None:
            yield x - prev
        prev = x


def batches(src, size):
    batch = []
    for x in src:
        batch.append(x)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def workload(n):
    stage = only(lambda v: v % 3 != 0, squares(numbers(n)))
    stage = (d % 1000 for d in pairwise_diff(stage))
    total = 0
    count = 0
    for batch in batches(stage, 16):
        total += max(batch) - min(batch) + sum(batch)
        count += 1
    evens = sum(1 for x in numbers(n) if x % 2 == 0)
    return f"batches={count} total={total} evens={evens}"


run(workload, 1500000, minimum=100)
