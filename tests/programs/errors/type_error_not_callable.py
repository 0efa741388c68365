# Uncaught TypeError from calling a non-callable object.
values = [1, 2, 3]
print(len(values))
values(0)
