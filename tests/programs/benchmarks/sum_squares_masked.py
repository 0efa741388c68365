# Benchmark kernel (small size): masked sum `total += (i*i) & 0xffff` over range(10**5).
def masked(n):
    total = 0
    for i in range(n):
        total += (i * i) & 0xffff
    return total
print(masked(10 ** 5))
total = 0
for i in range(10 ** 5):
    total += (i * i) & 0xffff
print(total)
