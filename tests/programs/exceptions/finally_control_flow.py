# finally interacting with return, break and continue; finally overriding return values.
def ret_in_finally():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(ret_in_finally())
def override():
    try:
        return "try"
    finally:
        return "finally wins"
print(override())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "exception swallowed"
print(swallow())
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
def counter():
    n = 0
    try:
        n += 1
        return n
    finally:
        n += 100
        print("n in finally", n)
print(counter())
def nested():
    out = []
    try:
        try:
            out.append(1)
            raise KeyError
        finally:
            out.append(2)
    except KeyError:
        out.append(3)
    finally:
        out.append(4)
    return out
print(nested())
while True:
    try:
        break
    finally:
        print("finally on break from while True")
