# Uncaught AssertionError carrying a message.
def check_balance(balance):
    assert balance >= 0, f"balance went negative: {balance}"
    return balance
print(check_balance(10))
print(check_balance(-5))
