# Deep-ish recursion: fib(20), mutual recursion, recursion with big accumulators.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(20))
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
print(ack(2, 200), ack(3, 4))
def sum_to(n):
    return 0 if n == 0 else n + sum_to(n - 1)
print(sum_to(800))
def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z
print(tak(18, 12, 6))
def count_nodes(depth):
    if depth == 0:
        return 1
    return 1 + count_nodes(depth - 1) + count_nodes(depth - 1)
print(count_nodes(14))
def power_big(b, e):
    if e == 0:
        return 1
    half = power_big(b, e // 2)
    return half * half * (b if e % 2 else 1)
print(power_big(3, 500) == 3 ** 500, power_big(7, 77))
