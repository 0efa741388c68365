# Benchmark kernel (small size): exact sum of squares over range(10**5).
def sum_squares(n):
    total = 0
    for i in range(n):
        total += i * i
    return total
print(sum_squares(10 ** 5))
print(sum_squares(10 ** 5) == (10 ** 5 - 1) * 10 ** 5 * (2 * 10 ** 5 - 1) // 6)
total = 0
for i in range(10 ** 5):
    total += i * i
print(total)
