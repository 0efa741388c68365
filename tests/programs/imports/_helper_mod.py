# Support module for imports/* tests (not a test itself).
print("_helper_mod executing, __name__ =", __name__)
CONSTANT = 42
counter = 0
def double(x):
    return x * 2
def bump():
    global counter
    counter += 1
    return counter
class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self):
        return f"hello, {self.name}"
_private = "hidden"
if __name__ == "__main__":
    print("this must not run on import")
