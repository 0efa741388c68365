# list.sort and sorted with key/reverse, stability and mixed records.
nums = [5, 2, 9, 1, 5, 6, -3, 0]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
print(sorted(nums, key=abs), sorted(nums, key=lambda x: -x))
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22), ("frank", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
by_name = sorted(people)
print(sorted(by_name, key=lambda p: p[1]))
records = [{"n": i % 3, "i": i} for i in range(9)]
print([r["i"] for r in sorted(records, key=lambda r: r["n"])])
print([r["i"] for r in sorted(records, key=lambda r: r["n"], reverse=True)])
words = "The Quick brown fox Jumps over the Lazy dog".split()
words.sort(key=str.lower)
print(words)
big = [(i * 7919) % 1000 for i in range(300)]
s = sorted(big)
print(s[:10], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
print(sorted([[3, 1], [1, 2], [3, 0], [1]]), sorted("banana"), sorted((3, 1, 2)))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
