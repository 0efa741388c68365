# Hot exits get bridges: side traces that start from the exit's state (its
# registers, inlined frames and all) and run on to the loop's back edge or
# the function's return. Each case makes some exit hot, and most make the
# bridge itself fail or lead somewhere the root trace did not expect.


def flips(n, period):
    # A branch that goes the other way every `period` iterations.
    total = 0
    for i in range(n):
        if i % period == 0:
            total += i * 3
        else:
            total -= 1
    return total


def nested(n):
    # A bridge whose own exit gets hot: a bridge of a bridge.
    a = b = c = 0
    for i in range(n):
        if i % 2:
            if i % 3 == 1:
                a += 1
            else:
                b += i
        else:
            c -= 1
    return a, b, c


class Shape:
    def __init__(self, k):
        self.k = k

    def area(self, i):
        # The exit is inside this inlined method: the bridge starts with
        # two frames, and returns to the loop's frame.
        if i % 4 == 0:
            return self.k * i
        return self.k + i


def methods(n):
    s = Shape(3)
    total = 0
    for i in range(n):
        total += s.area(i)
    return total


def type_flip(n):
    # The bridge's path makes `x` a float: the root trace, specialised to an
    # int, no longer fits when the bridge jumps back to it.
    x = 0
    for i in range(n):
        if i == n // 2:
            x = float(x)
        x += 1
    return x


def floats(n):
    x = 0.0
    y = 1.0
    for i in range(n):
        if i & 1:
            x += i * 0.25
        elif i % 5 == 0:
            y = y * 1.0001
        else:
            x -= y
    return x, y


def overflow(n):
    # The bridge's path overflows 64 bits.
    t = 1
    for i in range(n):
        if i % 3 == 0:
            t = t * 7
        else:
            t = t + 1
    return t % 1000003, t.bit_length()


def raising(n):
    # An exception from the bridge's path, caught in the loop and outside.
    caught = 0
    for i in range(n):
        try:
            if i % 5 == 4:
                raise ValueError(i)
            caught += 1
        except ValueError as e:
            caught += e.args[0] % 3
    return caught


def leaves(n):
    # The bridge's path breaks out of the loop.
    total = 0
    for i in range(n):
        if i > n - 3:
            break
        total += i if i % 2 else -i
    return total


def many_values(n):
    # More live values than registers across the bridge's start.
    a = b = c = d = e = f = g = h = j = k = m = p = q = r = s = 0
    for i in range(n):
        if i % 3:
            a += 1; b += 2; c += 3; d += 4; e += 5; f += 6; g += 7; h += 8
        else:
            j += a; k += b; m += c; p += d; q += e; r += f; s += g + h
    return a, b, c, d, e, f, g, h, j, k, m, p, q, r, s


def compare_values(n):
    # Truth values live on the stack at the exit (a bool snapshot entry).
    hits = 0
    for i in range(n):
        ok = i % 3 == 0 or i % 7 == 0
        if ok and i > 10:
            hits += 1
    return hits


def fib(n):
    # A function trace with two paths: the other one becomes its bridge.
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ack_like(n, depth):
    if depth == 0:
        return n + 1
    if n % 2:
        return ack_like(n // 2, depth - 1) + 1
    return ack_like(n + 1, depth - 1) * 2 % 1000


def guarded(n):
    # A function bridge that raises.
    if n % 11 == 10:
        raise KeyError(n)
    if n % 2:
        return n * 2
    return n - 1


def use_guarded(n):
    total = errors = 0
    for i in range(n):
        try:
            total += guarded(i)
        except KeyError:
            errors += 1
    return total, errors


for period in (2, 3, 7, 64):
    print("flips", period, flips(3000, period))
print("nested", nested(5000))
print("methods", methods(5000))
print("type_flip", type_flip(4000))
print("floats", floats(5000))
print("overflow", overflow(300))
print("raising", raising(3000))
print("leaves", leaves(3000))
print("many", many_values(3000))
print("compare", compare_values(3000))
print("fib", fib(18))
print("ack", [ack_like(i, 12) for i in range(200)][-5:])
print("guarded", use_guarded(3000))
