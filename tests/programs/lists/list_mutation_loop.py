# Mutating lists while building them; in-place algorithms (sieve, bubble sort, rotate).
n = 100
sieve = [True] * (n + 1)
sieve[0] = sieve[1] = False
for i in range(2, int(n ** 0.5) + 1):
    if sieve[i]:
        sieve[i * i::i] = [False] * len(sieve[i * i::i])
print([i for i, p in enumerate(sieve) if p])
arr = [64, 34, 25, 12, 22, 11, 90, 5]
for i in range(len(arr)):
    for j in range(len(arr) - 1 - i):
        if arr[j] > arr[j + 1]:
            arr[j], arr[j + 1] = arr[j + 1], arr[j]
print(arr)
def rotate(a, k):
    k %= len(a)
    a[:] = a[-k:] + a[:-k]
r = list(range(7))
rotate(r, 3)
print(r)
rotate(r, -3)
print(r)
evens = [x for x in range(20)]
i = 0
while i < len(evens):
    if evens[i] % 2:
        del evens[i]
    else:
        i += 1
print(evens)
