# Iterating over strings, building strings, counting characters.
text = "the rain in spain stays mainly in the plain"
counts = {}
for ch in text:
    if ch != " ":
        counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))
print(max(counts, key=lambda k: (counts[k], k)))
words = text.split()
print(len(words), sorted(set(words)), [w for w in words if "ain" in w])
print(" ".join(w[::-1] for w in words))
print(" ".join(w.capitalize() for w in words))
acr = "".join(w[0].upper() for w in words)
print(acr)
for i, ch in enumerate("abc"):
    print(i, ch, ord(ch) - ord("a"))
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in text)
print(caesar)
