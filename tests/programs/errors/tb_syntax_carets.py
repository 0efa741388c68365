# test: full-stderr
# A SyntaxError whose caret line spans the offending range (end_offset), under the stripped source line.
def greet(name):
    if name = "world":
        return "hello"
