# Huge allocation: [0] * (2**62) cannot be satisfied.
print("allocating")
big = [0] * (2 ** 62)
print(len(big))
