# Constructors of built-in containers from various iterables, and their copy behaviour.
print(list("abc"), tuple([1, 2]), set([1, 1, 2]), frozenset((3, 3)), dict([(1, 2)]), dict(a=1))
print(list(range(3)), list({1: "a"}.items()), list(x for x in "hi"), list(b"AB"), list(bytearray(b"C")))
src = [1, [2]]
cp = list(src)
cp[1].append(3)
cp.append(4)
print(src, cp)
print(str(list()), repr(tuple()), sorted(set("aabbc")), dict.fromkeys([1, 2], "v"))
print(bytes([1, 2]), bytearray("hi", "ascii"), list(map(list, ["ab", "c"])))
print(tuple(reversed(range(3))), list(enumerate(set([5]))), dict(zip(range(3), "abc")))
