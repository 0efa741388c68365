# Chained comparisons evaluate the middle operand once and short-circuit.
count = 0
def mid():
    global count
    count += 1
    return 5
print(1 < mid() < 10, count)
print(1 < mid() > 10, count)
print(10 < mid() < 20, count)
x = 3
print(1 < x < 5, 1 < x > 2, 1 == 1 < 2 <= 2 != 3)
print(0 < x < 3, 0 <= x <= 3, x == 3 == 3.0)
a = [1, 2]
b = a
print(a is b is not None, 1 in a in [a], 3 not in a in [a])
def noisy(v):
    print("eval", v)
    return v
print(noisy(1) < noisy(0) < noisy(2))
print(noisy(1) < noisy(3) < noisy(2))
for i in range(6):
    print(i, 1 <= i < 4, i != 2 != 3)
