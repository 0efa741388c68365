# Regression: an exception raised inside a callee must be caught by the
# caller's handler when the call is the last thing in the try body.
def fail(kind):
    raise kind("boom")

def guarded(kind):
    try:
        return fail(kind)
    except ValueError:
        return "caught ValueError"
    except KeyError as e:
        return "caught KeyError " + repr(e)
    finally:
        print("finally for", kind.__name__)

print(guarded(ValueError))
print(guarded(KeyError))
try:
    guarded(TypeError)
except TypeError as e:
    print("outer got", e)

def deep(n):
    if n == 0:
        raise IndexError("bottom")
    try:
        return deep(n - 1)
    except KeyError:
        return "wrong"

for n in range(4):
    try:
        deep(n)
    except IndexError as e:
        print("depth", n, e)
