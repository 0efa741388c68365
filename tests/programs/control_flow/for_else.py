# for loops with else, break, continue, over ranges, strings and dicts.
for i in range(3):
    print("i", i)
else:
    print("done range")
for ch in "abcde":
    if ch == "c":
        continue
    if ch == "e":
        break
    print("ch", ch)
else:
    print("not printed")
def find(seq, target):
    for idx, v in enumerate(seq):
        if v == target:
            print("found", target, "at", idx)
            break
    else:
        print(target, "not found")
find([5, 6, 7], 6)
find([5, 6, 7], 9)
find([], 1)
for k, v in {"x": 1, "y": 2}.items():
    print(k, v)
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(0):
    print("never")
else:
    print("empty loop else")
