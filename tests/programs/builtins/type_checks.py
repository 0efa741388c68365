# isinstance/issubclass with tuples and inheritance, type(), callable.
class A: pass
class B(A): pass
vals = [1, 1.0, "s", b"b", [1], (1,), {1: 1}, {1}, None, True, A(), B(), len, A]
for v in vals:
    print(type(v).__name__, isinstance(v, (int, str)), isinstance(v, A), callable(v))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (int, A)), issubclass(int, object), issubclass(type, object))
print(type(1) is int, type(True) is int, type(True) is bool, type(A) is type, type(type) is type)
print(isinstance(A, type), isinstance(int, type), isinstance(type, type), isinstance(object, object))
print(type("x") == str, type(None).__name__, type(len).__name__, type(lambda: 0).__name__)
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
