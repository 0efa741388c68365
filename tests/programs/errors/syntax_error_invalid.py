# A program with an invalid statement (SyntaxError): assignment to a literal.
print("never printed")
1 = x
