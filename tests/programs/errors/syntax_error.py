# A program that is not valid Python: unclosed parenthesis (SyntaxError before anything runs).
print("this line never runs")
x = (1 +
