# Keyword-only and positional-only parameters, and the errors when misused.
def kw(a, *, b, c=3):
    return a + b + c
print(kw(1, b=2), kw(1, c=10, b=2))
def pos(a, b, /, c, *, d):
    return (a, b, c, d)
print(pos(1, 2, 3, d=4), pos(1, 2, c=3, d=4))
try:
    kw(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    kw(1)
except TypeError as e:
    print("TypeError:", e)
try:
    pos(a=1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError:", e)
def only_pos(x, /, **kw):
    return x, kw
print(only_pos(1, x=2))
try:
    kw(1, b=2, e=5)
except TypeError as e:
    print("TypeError:", e)
try:
    kw(a=1, a2=2, b=1)
except TypeError as e:
    print("TypeError:", e)
