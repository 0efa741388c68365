# Division/modulo with operands whose signs and types vary within one hot loop.
s_int = 0
s_float = 0.0
for i in range(-5000, 5000):
    d = (i % 7) - 3 or 1
    s_int += i // d + i % d
    s_float += i / d
print(s_int, s_float)
vals = []
for i in range(1, 2000):
    a = i if i % 2 else -i
    b = 3 if i % 3 else -2.5
    vals.append(divmod(a, b))
print(vals[:6], sum(q for q, r in vals), sum(r for q, r in vals))
acc = 0
for i in range(1, 10000):
    acc += (2 ** 70 + i) // i - (-(2 ** 70) - i) % i
print(acc)
