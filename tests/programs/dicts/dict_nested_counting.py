# Nested dicts used for grouping, counting and tree structures.
text = "one two three four five six seven eight nine ten eleven twelve"
by_len = {}
for w in text.split():
    by_len.setdefault(len(w), []).append(w)
print(by_len)
print(sorted(by_len.items()))
tree = {}
for path in ["a/b/c", "a/b/d", "a/e", "f"]:
    node = tree
    for part in path.split("/"):
        node = node.setdefault(part, {})
print(tree)
def depth(t):
    return 1 + max((depth(v) for v in t.values()), default=0)
print(depth(tree))
inventory = {"apples": {"red": 3, "green": 5}, "pears": {"green": 2}}
inventory["apples"]["red"] += 10
inventory.setdefault("plums", {})["purple"] = 7
print(inventory, sum(sum(v.values()) for v in inventory.values()))
