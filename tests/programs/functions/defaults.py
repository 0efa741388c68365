# Default argument values, evaluated once (mutable default pitfall), and None sentinel.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("A"), greet("B", "Hi"), greet("C", punct="?"), greet(greeting="Yo", name="D"))
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def safe_append(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(safe_append(1), safe_append(2))
counter = 10
def snapshot(v=counter):
    return v
counter = 20
print(snapshot(), greet.__defaults__, snapshot.__defaults__)
def f(a, b=2, *args, c=3, d, **kw):
    return a, b, args, c, d, kw
print(f(1, d=4), f(1, 5, 6, 7, d=8, c=9, z=10))
