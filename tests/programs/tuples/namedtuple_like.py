# Tuples used as records: sorting by fields, unpacking in loops, zip into tuples.
rows = [("apple", 3, 1.5), ("pear", 1, 2.25), ("fig", 7, 0.5), ("kiwi", 3, 0.75)]
for name, qty, price in rows:
    print(f"{name:<6}{qty:>3}{price:>7.2f}{qty * price:>8.2f}")
print(sorted(rows, key=lambda r: (r[1], r[0])))
names, qtys, prices = zip(*rows)
print(names, qtys, prices)
print(sum(q * p for _, q, p in rows))
print(tuple(zip("abc", range(3))), divmod(17, 5), tuple(enumerate("xy")))
