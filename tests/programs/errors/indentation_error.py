# A program with an IndentationError (unexpected indent).
def f():
    return 1
print(f())
        print("over-indented")
