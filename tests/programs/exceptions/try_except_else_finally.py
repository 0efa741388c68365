# try/except/else/finally ordering in all combinations.
def run(action):
    log = []
    try:
        log.append("try")
        if action == "raise":
            raise ValueError("bad")
        if action == "other":
            raise KeyError("k")
    except ValueError as e:
        log.append(f"except {e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(run("ok"))
print(run("raise"))
try:
    run("other")
except KeyError as e:
    print("outer caught", repr(e))
def multi(x):
    try:
        return 10 / x
    except (ZeroDivisionError, TypeError) as e:
        return type(e).__name__
print(multi(2), multi(0), multi("s"))
try:
    try:
        raise IndexError("inner")
    finally:
        print("inner finally")
except IndexError as e:
    print("caught", e)
try:
    [][1]
except LookupError as e:
    print("LookupError base caught", type(e).__name__)
try:
    {}["x"]
except Exception as e:
    print("Exception caught", type(e).__name__, e)
e_outside = None
try:
    1 / 0
except ZeroDivisionError as e:
    e_outside = e
print(repr(e_outside))
try:
    e
except NameError:
    print("e is deleted after except block")
