# Support module _pkg.core.
def add(a, b):
    return a + b
def describe():
    return f"core in {__name__}"
