# while loops with else, break and continue.
n = 0
while n < 5:
    n += 1
    if n == 3:
        continue
    print("n", n)
else:
    print("while finished normally")
m = 0
while True:
    m += 1
    if m > 4:
        break
print("m", m)
k = 10
while k > 0:
    if k == 7:
        print("breaking at", k)
        break
    k -= 1
else:
    print("not printed")
def is_prime(p):
    d = 2
    while d * d <= p:
        if p % d == 0:
            break
        d += 1
    else:
        return p > 1
    return False
print([p for p in range(40) if is_prime(p)])
