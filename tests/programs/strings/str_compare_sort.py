# Sorting strings: default ordering, key=str.lower, by length, stability, and comparisons.
words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "Fig", "elderberry", "fig"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=str.lower, reverse=True))
print(max(words), min(words), max(words, key=len), min(words, key=len))
print("a" < "b" < "c", "abc" < "abcd", "B" < "a", "10" < "9", "é" > "z")
