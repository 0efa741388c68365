# test: full-stderr
# PEP 657 carets for an expression spanning several lines (marked to the end of the first line).
def combine(a, b, c):
    return int(a) + int(b) + int(c)


result = combine(
    "1",
    "2",
    "three",
)
