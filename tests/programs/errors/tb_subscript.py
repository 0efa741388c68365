# test: full-stderr
# PEP 657 carets for subscripts (brackets and index marked with ^) through nested calls.
table = {"a": [1, 2, 3], "b": [4, 5]}


def lookup(key, index):
    row = table[key]
    return row[index] * 2


def main():
    print(lookup("a", 1))
    print(lookup("b", 0) + lookup( "b" , 7 ))


main()
