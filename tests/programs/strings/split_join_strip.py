# split/rsplit/splitlines/join/strip variants.
print("a,b,,c".split(","), "a b  c\td\n".split(), "  lead trail  ".split(" "))
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 2), "".split(","), "".split())
print("one\ntwo\r\nthree\rfour\n".splitlines(), "x\ny\n".splitlines(True), "".splitlines())
print("-".join(["a", "b", "c"]), "".join(map(str, range(10))), ", ".join([]), "ab".join("xyz"))
print(repr("  hi  ".strip()), repr("  hi  ".lstrip()), repr("  hi  ".rstrip()))
print("xxhixx".strip("x"), "abcHELLOcba".strip("abc"), "www.example.com".lstrip("cmowz."))
print("a b c".split(None, 1), "  a  b  ".rsplit(None, 1), "1<>2<>3".split("<>"))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "x".removeprefix("y"))
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    "-".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
