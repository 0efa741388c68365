# Building larger strings in loops and checking their contents.
parts = []
for i in range(200):
    parts.append(str(i * i))
s = ",".join(parts)
print(len(s), s[:40], s[-40:])
acc = ""
for i in range(300):
    acc += chr(ord("a") + i % 26)
print(len(acc), acc[:52], acc.count("z"))
lines = "\n".join(f"{i:3d}: {'#' * (i % 7)}" for i in range(12))
print(lines)
print(s.split(",")[150], len(s.split(",")), sum(int(p) for p in s.split(",")))
