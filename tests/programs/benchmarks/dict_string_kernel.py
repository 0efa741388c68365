# Small word-frequency and string-building kernel.
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
freq = {}
for i in range(50000):
    w = words[(i * i + 3 * i) % len(words)]
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items()))
parts = []
for i in range(5000):
    parts.append(words[i % 8][: i % 5 + 1])
s = "".join(parts)
print(len(s), s[:60], s.count("a"))
