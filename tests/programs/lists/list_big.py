# Larger lists: growth, sum, prefix sums, filtering and chunking.
data = [(i * 37 + 11) % 101 for i in range(5000)]
print(len(data), sum(data), max(data), min(data), data[:10])
prefix = [0]
for x in data:
    prefix.append(prefix[-1] + x)
print(prefix[-1], prefix[2500] - prefix[1000])
chunks = [data[i:i + 1000] for i in range(0, len(data), 1000)]
print([sum(c) for c in chunks])
print(sorted(data)[2500], data.count(0), data.index(100))
evens = [x for x in data if x % 2 == 0]
print(len(evens), sum(evens))
