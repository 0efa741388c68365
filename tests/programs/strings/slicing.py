# String indexing and slicing with positive/negative indices and steps.
s = "abcdefghij"
print(s[0], s[-1], s[3], s[-4])
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[5:2], s[100:], s[-100:2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2], s[-1:-5:-1], s[2:8:3])
print(s[::100], s[5:5], s[3:-3], s[-3:3], s[slice(1, 9, 4)])
for i in range(-3, 3):
    print(i, s[i], s[i:], s[:i])
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
