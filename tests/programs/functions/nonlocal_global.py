# global and nonlocal declarations across nested scopes.
x = "global x"
def read_global():
    return x
def write_global():
    global x
    x = "changed by function"
print(read_global())
write_global()
print(x)
def shadow():
    x = "local"
    return x
print(shadow(), x)
def outer():
    y = 1
    def mid():
        nonlocal y
        y += 10
        def inner():
            nonlocal y
            y *= 2
        inner()
        return y
    r = mid()
    return r, y
print(outer())
def make_global():
    global brand_new
    brand_new = 123
make_global()
print(brand_new)
def unbound():
    try:
        print(z)
    except NameError as e:
        print("NameError:", e)
    z = 1
    return z
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def local_before_assign():
    try:
        v = undefined_name_here
    except NameError as e:
        return str(e)
print(local_before_assign())
