# Function returning different types, implicit None return, and multiple return values.
def nothing():
    pass
def maybe(x):
    if x > 0:
        return x
def multi():
    return 1, "two", [3]
print(nothing(), maybe(5), maybe(-5))
a, b, c = multi()
print(a, b, c, multi())
def kinds(x):
    if isinstance(x, int):
        return "int"
    if isinstance(x, str):
        return "str"
    return type(x).__name__
print([kinds(v) for v in [1, "s", 2.0, [], None, True]])
