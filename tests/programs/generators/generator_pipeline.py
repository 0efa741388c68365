# Pipelines of generators: map/filter stages, windowing, and running sums.
def numbers(n):
    for i in range(1, n + 1):
        yield i
def only_odd(it):
    for x in it:
        if x % 2:
            yield x
def squared(it):
    for x in it:
        yield x * x
def running_sum(it):
    total = 0
    for x in it:
        total += x
        yield total
print(list(running_sum(squared(only_odd(numbers(20))))))
def window(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(window(range(7), 3)))
def chunks(it, n):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
print(list(chunks("abcdefgh", 3)))
def dedupe(it):
    last = object()
    for x in it:
        if x != last:
            yield x
            last = x
print(list(dedupe([1, 1, 2, 2, 2, 3, 1, 1])))
