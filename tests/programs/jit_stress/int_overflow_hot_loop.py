# Integer overflow past 2**63 (and 2**64) inside hot loops; negative overflow; mixed big/small.
x = 1
for i in range(200):
    x = x * 3
print(x, x.bit_length())
total = 2 ** 62
for i in range(10000):
    total += 2 ** 50
print(total, total > 2 ** 63, total - 2 ** 62 == 10000 * 2 ** 50)
neg = -(2 ** 62)
for i in range(5):
    neg = neg * 2 - 1
    print(neg)
acc = 0
for i in range(100000):
    acc += i * i * i
print(acc)
h = 0
for i in range(5000):
    h = h * 31 + i
print(h % (2 ** 61 - 1), h.bit_length())
m = 0
for i in range(50000):
    m = (m * 6364136223846793005 + 1442695040888963407) % (2 ** 64)
print(m)
v = 9223372036854775800
for i in range(16):
    v += 1
print(v, v - 2 ** 63, -v - 1)
prod = 1
for i in range(1, 40):
    prod *= i
    if prod > 2 ** 63:
        print("crossed at", i, prod)
        break
s = 2 ** 63 - 10
for i in range(20):
    s = s + 1 if i % 2 == 0 else s - (-1)
print(s, type(s).__name__)
