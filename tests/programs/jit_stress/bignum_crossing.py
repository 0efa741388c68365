# The seed's loop in a function: total passes 2**63 mid-loop (the int64 trace
# exits and a bignum variant takes over), then loops that start on bignums,
# mix bignums with small ints, and go back below 2**62.
def sum_to_n(n, start=0):
    total = start
    for i in range(n):
        total += i * i
    return total


def countdown(x, step, n):
    out = []
    for _ in range(n):
        x -= step
        out.append(x)
    return out


print(sum_to_n(3000000))
print(sum_to_n(2000, 2 ** 63 - 10 ** 9))
print(sum_to_n(2000, -(2 ** 63)))
print(countdown(2 ** 62 + 5, 2, 8))
print(countdown(2 ** 64, 2 ** 62, 6))
m = 2 ** 62 - 3
for k in range(10):
    m = m * 1 + 1
print(m, type(m))


def mul_chain(n):
    v = 1
    for i in range(1, n):
        v = v * 3 + i
    return v


print(mul_chain(60))
print(mul_chain(100) % 1000000007)
