# Uncaught IndexError from indexing past the end of a list.
items = [10, 20, 30]
for i in range(4):
    print(items[i])
