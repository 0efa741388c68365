# Uncaught error from within an except clause that itself fails (TypeError inside handler).
try:
    [].pop()
except IndexError as e:
    print("caught", e)
    print("len is " + len([]))
