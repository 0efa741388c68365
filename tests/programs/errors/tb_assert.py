# test: full-stderr
# An assert with a comparison marks the test; augmented assignment on a subscript and a unary op in the chain.
def check(values):
    total = 0
    for v in values:
        total += v
    assert total == 10, f"total was {total}"
    return total


def run(data):
    try:
        counts = {"a": 1}
        counts["b"] += 1
    except KeyError:
        try:
            return -data
        except TypeError:
            return check(data)


run([1, 2, 3])
