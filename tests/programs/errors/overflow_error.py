# Uncaught OverflowError from float exponentiation.
print(2.0 ** 100)
print(10.0 ** 400)
