# test: full-stderr
# A deep recursion ending in an error: the repeated frames collapse into "[Previous line repeated N more times]".
def countdown(n):
    if n == 0:
        return 1 / n
    return countdown(n - 1) + 1


countdown(40)
