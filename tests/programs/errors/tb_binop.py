# test: full-stderr
# PEP 657 carets for binary operations: operator marked with ^, operands with ~.
def add_all(a, b, c, d):
    return a + b + c + d


def scale(values, factor):
    total = 0
    for v in values:
        total = total + v * factor
    return (total + 1) // factor - add_all(1, 2, None, 4)


print(scale([1, 2, 3], 2))
