# Assignment expressions (walrus) in conditions, loops and comprehensions.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long", n)
i = 0
while (v := data[i]) != 9:
    print("v", v)
    i += 1
print("stopped at", i, v)
squares = [y for x in range(6) if (y := x * x) % 2 == 0]
print(squares, y)
total = 0
print([total := total + x for x in range(5)], total)
def f(x):
    return x * 10
results = [(x, r) for x in range(4) if (r := f(x)) > 5]
print(results)
print((z := 7) + z)
