# Dict creation, insertion order, update, deletion and re-insertion order.
d = {"one": 1, "two": 2}
d["three"] = 3
d["one"] = 100
print(d, len(d), d["two"], "two" in d, "four" not in d)
del d["two"]
d["two"] = 22
print(d)
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(zip("abc", range(3))), dict({"k": 1}, z=0))
print({}, dict(), {1: "int", 1.5: "float", (1, 2): "tuple", None: "none", True: "bool?"})
d2 = {}
for word in "b a c b a d b".split():
    d2[word] = d2.get(word, 0) + 1
print(d2)
print(list(d2), list(d2.keys()), list(d2.values()), list(d2.items()))
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
