# Bignum addition and subtraction: signs, carries across limbs, borrows,
# results that shrink back to small ints, the 2**62 small-int boundary,
# int subclasses and bools as operands, and running sums past 2**63.


def lcg(seed):
    while True:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
        yield seed


gen = lcg(12345)


def rnd(bits):
    v = 0
    for _ in range((bits + 63) // 64):
        v = (v << 64) | next(gen)
    return v >> ((64 - bits % 64) % 64)


edges = [0, 1, -1, 2**62 - 1, 2**62, -2**62, -2**62 - 1, 2**63 - 1, 2**63, -2**63,
         2**64 - 1, 2**64, -2**64, 2**64 + 1, 2**128 - 1, 2**128, -(2**128 - 1),
         2**192 - 2**64, 2**2048 - 1, 2**2100, -2**2100 + 1]
acc = 0
for a in edges:
    for b in edges:
        s, d = a + b, a - b
        acc = (acc * 31 + s * 7 + d) % (2**89 - 1)
        if s - b != a or d + b != a:
            print("mismatch", a, b)
print("edges", acc)

for bits in (1, 62, 63, 64, 65, 127, 128, 129, 500, 2047, 2048, 2049, 2200, 5000):
    acc = 0
    for k in range(60):
        a = rnd(bits) * (-1) ** k
        b = rnd(bits - k % 3 if bits > 3 else bits) * (-1) ** (k // 2)
        acc ^= (a + b) ^ ((a - b) << 1) ^ (b - a) ^ (-a + b)
        y = rnd(62) * (-1) ** (k // 3)
        acc ^= (a + y) ^ (a - y) ^ (y + a) ^ (y - a)
    print(bits, acc % (2**61 - 1), acc.bit_length())

total = 0
for i in range(3000000, 3000400):
    total += i * i * i
    total -= i
print(total, hex(total))
x = 2**64
x -= 1
x -= 2**63
x -= 2**62
print(x, type(x).__name__)
print(2**64 - 2**64, -(2**70) + 2**70, 2**70 - 2**70 + 2**62, -2**63 + 2**62)


class MyInt(int):
    pass


m = MyInt(2**70)
print(m + 1, m - 2**70, 1 + m, type(m + 1).__name__, MyInt(3) + 2**64, 2**64 - MyInt(2**64))
print(True + 2**64, 2**64 - True, False - 2**64)
try:
    print(2**64 @ 3)
except TypeError as e:
    print(e)
