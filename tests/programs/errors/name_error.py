# Uncaught NameError for an undefined variable.
x = 1
print("x is", x)
print(y)
