# Uncaught AttributeError on a user-defined class instance.
class Thing:
    def __init__(self):
        self.present = True
t = Thing()
print(t.present)
print(t.absent)
