# AttributeError for a misspelt attribute: CPython 3.11 suggests the closest name from dir(obj).
class Inventory:
    def __init__(self):
        self.item_count = 3

    def restock(self, n):
        self.item_count += n


inv = Inventory()
inv.restock(2)
print(inv.item_count)
inv.restok(1)
