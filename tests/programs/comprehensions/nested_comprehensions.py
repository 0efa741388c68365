# Deeply nested comprehensions: matrix ops, cartesian products, primes, and flattening.
def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
A = [[1, 2], [3, 4], [5, 6]]
B = [[7, 8, 9], [10, 11, 12]]
print(matmul(A, B))
print([[A[i][j] for i in range(len(A))] for j in range(len(A[0]))])
primes = [n for n in range(2, 60) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
triples = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(triples)
nested = [[[i, j, k] for k in range(2)] for j in range(2) for i in range(2)]
print(nested)
print([x for sub in [[1, 2], [], [3], [4, 5, 6]] for x in sub])
print(sum(sum(row) for row in [[i * j for j in range(10)] for i in range(10)]))
