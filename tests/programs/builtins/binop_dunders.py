# Which binary-operator dunders builtin types define (hasattr), as CPython: list has __add__ and __rmul__ but no __sub__ or __radd__.
names = ["__add__", "__and__", "__floordiv__", "__lshift__", "__matmul__", "__mul__", "__mod__", "__or__", "__pow__", "__rshift__", "__sub__", "__truediv__", "__xor__"]
names += ["__r" + n[2:] for n in names]
samples = [1, True, 1.5, 2j, [], (), "", b"", bytearray(), set(), frozenset(), {}, {}.keys(), {}.items(), {}.values(), range(1), int, None, object(), iter([]), memoryview(b"")]
for s in samples:
    print(type(s).__name__, [n for n in names if hasattr(s, n)])
