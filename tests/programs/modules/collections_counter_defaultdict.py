# collections.Counter and defaultdict: counting, most_common, arithmetic, default factories.
from collections import Counter, defaultdict
c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2), sorted(c.elements()))
c.update("aaz")
print(c.most_common(3), c.total())
c2 = Counter(a=1, b=5)
print(c + c2, c - c2, c & c2, c | c2)
print(Counter([1, 1, 2, 3, 3, 3]).most_common(), Counter({"x": 2}) == Counter(x=2))
words = "the cat the dog the end a cat".split()
print(Counter(words).most_common(2), sorted(Counter(words).items()))
dd = defaultdict(list)
for w in words:
    dd[len(w)].append(w)
print(dd, dict(dd), dd[99], len(dd))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(dict(counts))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
nested["a"]["y"] += 2
nested["b"]["x"] += 3
print({k: dict(v) for k, v in nested.items()})
print(defaultdict(int, {"k": 1}), defaultdict(None).default_factory)
