# A single long-running loop at module level and in a function (on-stack replacement candidates).
total = 0
i = 0
while i < 300000:
    total += i & 255
    i += 1
print(total)
def long_loop(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, (a + b) % 1000000007
    return a
print(long_loop(200000))
def nested(n):
    acc = 0
    for i in range(n):
        for j in range(i % 50):
            acc ^= i * j
    return acc
print(nested(6000))
