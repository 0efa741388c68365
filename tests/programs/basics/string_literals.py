# String literal forms: quotes, escapes, raw, triple-quoted, implicit concatenation.
print('single', "double", '''triple single''', """triple double""")
print("tab\tsep", "new\\nline", 'quote\'s', "dq\"s")
print("\x41\x42\u00e9\u4e2d\N{GREEK SMALL LETTER ALPHA}\U0001F600")
print(r"raw\n\t", R"raw2\\")
print("implicit " "concat" ' works')
s = """line1
line2
  line3"""
print(s)
print(len("\n"), len(r"\n"), len("\u00e9"), len("\U0001F600"))
print("a\
b")
print("\101\060")
