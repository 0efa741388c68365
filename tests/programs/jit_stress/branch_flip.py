# Branches whose direction flips every N iterations, defeating branch-profile speculation.
def run(n, period):
    a = b = 0
    for i in range(n):
        if (i // period) % 2 == 0:
            a += i
        else:
            b -= i
    return a, b
for period in [1, 2, 7, 100, 1000, 4999]:
    print(period, run(10000, period))
flag = True
count_t = count_f = 0
for i in range(30000):
    if i % 97 == 0:
        flag = not flag
    if flag:
        count_t += 1
    else:
        count_f += 1
print(count_t, count_f)
def classify(x):
    if x & 1:
        return "odd"
    if x & 2:
        return "two"
    return "four"
counts = {}
for i in range(12000):
    k = classify(i if i < 6000 else i * 4)
    counts[k] = counts.get(k, 0) + 1
print(counts)
