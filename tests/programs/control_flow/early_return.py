# return from inside nested loops and try/finally inside loops.
def search(matrix, target):
    for r, row in enumerate(matrix):
        for c, v in enumerate(row):
            if v == target:
                return r, c
    return None
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(search(m, 5), search(m, 9), search(m, 10))
def with_finally(n):
    log = []
    for i in range(n):
        try:
            if i == 2:
                return log
            log.append(i)
        finally:
            log.append("f%d" % i)
    return log
print(with_finally(5), with_finally(1))
def first_negative(xs):
    for x in xs:
        if x < 0:
            return x
print(first_negative([3, -1, -5]), first_negative([1]))
