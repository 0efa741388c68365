# Dict views are live: keys/values/items reflect mutation; set ops on keys views.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["d"] = 4
del d["a"]
print(list(k), list(v), list(it), len(k))
print("b" in k, 2 in v, ("c", 3) in it, ("c", 4) in it)
print(sorted(k & {"b", "z"}), sorted(k | {"z"}), sorted(k - {"b"}), sorted(k ^ {"b", "q"}))
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
try:
    for key in d:
        d[key + key] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(d.keys() == {"b", "c", "d", "bb"}, d == dict(d.items()))
