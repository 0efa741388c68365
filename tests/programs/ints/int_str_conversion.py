# Converting ints to strings and back, including format() and very long numbers.
for n in [0, 7, -7, 255, 2 ** 31, 2 ** 63, -(2 ** 63) - 1, 10 ** 40]:
    s = str(n)
    print(s, int(s) == n, len(s), format(n, ","), format(n, "_"), format(n, "x"))
print(format(255, "08b"), format(255, "#x"), format(255, "#o"), format(-255, "#X"))
print(format(42, ">10"), format(42, "<10") + "|", format(42, "^10") + "|", format(42, "+"))
print(format(42, "010d"), format(-42, "010d"), format(1234567, ",d"), format(3, " d"))
big = 7 ** 300
s = str(big)
print(len(s), s[:20], s[-20:])
print(int(s) == big, int(s[::-1]) % 1000)
