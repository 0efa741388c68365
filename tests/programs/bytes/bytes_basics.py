# bytes literals, indexing (ints), slicing, concatenation and repr.
b = b"hello\x00\xff\n"
print(b, len(b), b[0], b[-1], b[1:4], b[::-1], list(b[:3]))
print(b"abc" + b"def", b"ab" * 3, b"a" in b"abc", 98 in b"abc", b"" == bytes())
print(bytes(5), bytes([65, 66, 67]), bytes(range(250, 256)), bytes("é", "utf-8"))
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\t\r\\"), repr(bytes([127, 128])))
print(b"abc" < b"abd", b"abc" == b"abc", b"\x00" < b"\x01", sorted([b"b", b"a", b"ab"]))
print(type(b[0]).__name__, type(b[0:1]).__name__, b"xyz"[1:2] == b"y")
for x in b"AZ":
    print(x, chr(x))
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
