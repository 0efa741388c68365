# any/all short-circuiting, len of containers and objects.
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any("a"), all(""))
consumed = []
def gen():
    for v in [0, 0, 5, 0, 7]:
        consumed.append(v)
        yield v
print(any(gen()), consumed)
consumed.clear()
print(all(gen()), consumed)
print(len("abc"), len([1, 2]), len({}), len(range(0, 100, 7)), len(b"\x00\x01"), len({1, 2, 2}))
class Sized:
    def __len__(self):
        return 42
print(len(Sized()))
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
