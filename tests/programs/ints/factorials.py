# Huge factorials and digit sums computed with plain int arithmetic.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
for n in [0, 1, 5, 20, 21, 25, 50]:
    print(n, fact(n))
f100 = fact(100)
print(f100)
print(len(str(f100)), sum(int(c) for c in str(f100)))
f500 = fact(500)
print(len(str(f500)), str(f500)[:30], str(f500)[-130:].count("0"))
print(f500 % (10 ** 9 + 7), f500 // fact(498) == 500 * 499)
zeros = 0
t = f500
while t % 10 == 0:
    t //= 10
    zeros += 1
print("trailing zeros", zeros)
