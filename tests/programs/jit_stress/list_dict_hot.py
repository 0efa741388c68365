# Hot loops mutating lists and dicts whose element types change (ints -> floats -> strs -> None).
lst = [0] * 100
for i in range(20000):
    j = i % 100
    if i < 5000:
        lst[j] += 1
    elif i < 10000:
        lst[j] = lst[j] + 0.5
    elif i < 15000:
        lst[j] = str(lst[j])[:6]
    else:
        lst[j] = None if j % 2 else lst[j]
print(lst[:6], lst.count(None))
d = {}
for i in range(30000):
    k = i % 256
    v = d.get(k, 0)
    d[k] = v + (1 if i % 2 else 2 ** 64)
print(d[0], d[1], sum(d.values()) % 1000000007, len(d))
keys = [1, "1", 1.5, (1,), None, True, 2 ** 70, b"1"]
hits = {}
for i in range(8000):
    key = keys[i % 8]
    hits[key] = hits.get(key, 0) + 1
print(sorted((repr(k), v) for k, v in hits.items()))
