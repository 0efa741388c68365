# Variable binding, rebinding, deletion, and multiple assignment targets.
a = b = c = [1]
a.append(2)
print(a, b, c, a is c)
x, y = 1, 2
x, y = y, x
print(x, y)
n = 5
del n
try:
    print(n)
except NameError as e:
    print("NameError:", e)
first, *rest = "hello"
print(first, rest)
i = j = 0
i += 1
print(i, j)
lst = [0, 0, 0]
k = 0
k, lst[k] = 1, 9
print(k, lst)
counter = 0
def bump():
    global counter
    counter += 1
for _ in range(3):
    bump()
print(counter)
