# Benchmark kernel (small size): float accumulation `x += i*0.5`.
def float_loop(n):
    x = 0.0
    for i in range(n):
        x += i * 0.5
    return x
print(float_loop(10 ** 5))
print(float_loop(10 ** 5 + 1))
x = 0.0
for i in range(10 ** 5):
    x += i * 0.5
print(x, repr(x))
y = 0.0
for i in range(1, 10 ** 5):
    y += 1.0 / i * 0.5
print(y)
