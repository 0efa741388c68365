# Globals (values and functions) rebound mid-loop, including builtins shadowed by globals.
FACTOR = 2
def scaled(x):
    return x * FACTOR
total = 0
for i in range(10000):
    if i == 5000:
        FACTOR = 3
    total += scaled(i)
print(total)
def helper(x):
    return x + 1
acc = 0
for i in range(6000):
    if i == 2000:
        def helper(x):
            return x - 1
    if i == 4000:
        helper = abs
    acc += helper(i - 3000)
print(acc)
count = 0
for i in range(3000):
    if i == 1000:
        len = lambda x: 100
    if i == 2000:
        del len
    count += len("ab")
print(count)
def use_global():
    return G
G = "first"
out = []
for i in range(10):
    if i == 5:
        globals()["G"] = "second"
    out.append(use_global())
print(out)
