# String case and classification methods.
for s in ["hello World", "ABC def", "straße", "123abc", "  ", "", "Title Case Here", "İx", "ǅemal"]:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
for s in ["abc", "ABC", "Abc", "123", "12.3", "a1", " ", "", "\t\n", "Hello World", "²", "٣"]:
    print(repr(s), s.isalpha(), s.isdigit(), s.isalnum(), s.isupper(), s.islower(),
          s.isspace(), s.istitle(), s.isdecimal(), s.isnumeric(), s.isidentifier(), s.isprintable(), s.isascii())
