# Uncaught TypeError from adding int and str.
print("start")
total = 1 + "a"
print("unreachable", total)
