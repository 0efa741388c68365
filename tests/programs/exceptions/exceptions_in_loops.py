# Exceptions raised and caught repeatedly in loops; EAFP parsing; continue after errors.
data = ["1", "2", "x", "4", "", "6.5", "-7", "8"]
total = 0
errors = 0
for s in data:
    try:
        total += int(s)
    except ValueError:
        errors += 1
        continue
    finally:
        pass
print(total, errors)
d = {}
for i in range(1000):
    k = i % 17
    try:
        d[k] += 1
    except KeyError:
        d[k] = 1
print(sorted(d.items())[:5], sum(d.values()))
def risky(i):
    if i % 3 == 0:
        raise ValueError(i)
    if i % 5 == 0:
        raise KeyError(i)
    return i
caught = {"ValueError": 0, "KeyError": 0, "ok": 0}
for i in range(100):
    try:
        risky(i)
        caught["ok"] += 1
    except ValueError:
        caught["ValueError"] += 1
    except KeyError:
        caught["KeyError"] += 1
print(caught)
