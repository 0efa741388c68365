# Set comprehensions and dedupe idioms with sorted output for strings.
words = "the cat and the hat and the bat sat".split()
print(sorted(set(words)), len(set(words)))
print(sorted({w[0] for w in words}), {len(w) for w in words})
seen = set()
ordered = []
for w in words:
    if w not in seen:
        seen.add(w)
        ordered.append(w)
print(ordered)
print(list(dict.fromkeys(words)))
nums = [n * n % 17 for n in range(40)]
print(sorted(set(nums)), set(nums) == {n * n % 17 for n in range(17)})
