# Uncaught exception propagating out of a generator into a for loop.
def numbers():
    yield 1
    yield 2
    raise ValueError("generator failed")
for n in numbers():
    print(n)
