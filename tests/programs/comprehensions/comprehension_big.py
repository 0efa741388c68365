# Comprehensions over larger inputs: counting, histograms and filtering.
data = [(i * 2654435761) % 1000 for i in range(20000)]
hist = {b: 0 for b in range(10)}
for v in data:
    hist[v // 100] += 1
print(hist)
print(len([v for v in data if v % 7 == 0]), sum(v for v in data if v > 900))
print(len({v for v in data}), sorted({v % 13 for v in data}))
pairs = [(a, b) for a in range(60) for b in range(60) if (a * b) % 61 == 1]
print(len(pairs), pairs[:5])
