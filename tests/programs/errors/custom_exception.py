# Uncaught user-defined exception with a custom __str__.
class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(needed)
        self.needed = needed
    def __str__(self):
        return f"need {self.needed} more"
def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(amount - balance)
    return balance - amount
print(withdraw(100, 30))
print(withdraw(100, 130))
