# Uncaught UnboundLocalError: local variable read before assignment.
count = 0
def increment():
    count += 1
    return count
print("calling")
increment()
