# test: full-stderr
# PEP 657 carets for calls and attribute access; a call filling its whole line gets no carets.
class Account:
    def __init__(self, owner):
        self.owner = owner

    def describe(self):
        return self.owner.upper() + " " + self.balance.currency


def report(accounts):
    lines = [a.describe() for a in accounts]
    return lines


accounts = [Account("ann"), Account("bob")]
x = len(accounts) and report(accounts)
