# dict methods: get/setdefault/pop/popitem/update/copy/clear/fromkeys and | merging.
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 9), d.setdefault("d", 4), d)
print(d.pop("b"), d.pop("zz", "default"), d)
print(d.popitem(), d)
d.update({"x": 10, "a": -1})
d.update(y=20)
d.update([("z", 30)])
print(d)
c = d.copy()
c["new"] = 1
print(len(d), len(c))
c.clear()
print(c)
print(dict.fromkeys("abc"), dict.fromkeys(range(3), 0))
m1 = {"a": 1, "b": 2}
m2 = {"b": 20, "c": 30}
print(m1 | m2, m2 | m1)
m1 |= m2
print(m1)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError:", e)
print(sorted(d.items(), key=lambda kv: kv[1]), max(d, key=d.get))
