# Pi digits by Gibbons' unbounded spigot with plain Python ints (bignum multiply/divide heavy).
from _bench import run


def pidigits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    text = "".join(str(d) for d in digits)
    return "\n".join(f"{text[i:i + 50]}\t:{min(i + 50, n)}" for i in range(0, n, 50))


run(pidigits, 4000, minimum=50)
