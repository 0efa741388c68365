# Uncaught AttributeError on None (a common bug pattern: using a function result that is None).
def find(items, target):
    for item in items:
        if item == target:
            return item
result = find(["a", "b"], "z")
print("result:", result)
print(result.upper())
