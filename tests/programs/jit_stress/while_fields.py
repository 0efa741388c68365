# while loops, nested loops (the inner loop is traced on its own), early
# exits through break and return, and list iteration whose list changes
# while the loop runs.
def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


print([collatz_steps(k) for k in range(1, 40)])


def matrix_sum(rows, cols):
    total = 0
    for r in range(rows):
        for c in range(cols):
            total += r * c - c
    return total


print(matrix_sum(30, 40), matrix_sum(3, 1000), matrix_sum(1000, 2))


def first_over(xs, limit):
    for i in range(len(xs)):
        if xs[i] > limit:
            return i
    return -1


data = [i * 7 % 101 for i in range(300)]
print(first_over(data, 99), first_over(data, 100), first_over(data, 50))


def grow(xs):
    seen = 0
    for x in xs:
        seen += x
        if len(xs) < 40:
            xs.append(x + 1)
    return seen, len(xs)


print(grow([1, 2, 3]))


def find_pair(limit):
    i = 0
    while True:
        i += 1
        j = i * i
        if j % 97 == 1 and i > limit:
            break
    return i, j


print(find_pair(10), find_pair(500))
x = 0.0
k = 0
while k < 3000:
    x = x * 0.5 + k
    k += 1
print(x, k)
