# Uncaught AssertionError without a message.
print("before")
assert 1 + 1 == 3
