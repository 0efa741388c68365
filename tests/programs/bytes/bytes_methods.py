# bytes methods: split/join/strip/find/replace/hex/fromhex/upper/startswith/decode.
b = b"  Hello, World  "
print(b.strip(), b.lower(), b.upper(), b.split(b","), b.split(), b.replace(b"l", b"L"))
print(b.find(b"World"), b.count(b"l"), b.startswith(b"  H"), b.endswith(b"  "), b.index(b","))
print(b"-".join([b"a", b"b", b"c"]), b"abc".hex(), b"\x01\xab".hex(":"), bytes.fromhex("de ad be ef"))
print(b"abc".isalpha(), b"123".isdigit(), b"a1".isalnum(), b"  ".isspace(), b"Title".istitle())
print(b"hello".center(11, b"*"), b"7".zfill(3), b"a,b,,c".split(b",", 1), b"x\ny".splitlines())
print(b"hello world".title(), b"hello".capitalize(), b"AbC".swapcase(), b"abc".partition(b"b"))
print(b"caf\xc3\xa9".decode(), b"abc".decode("ascii"), len(b"caf\xc3\xa9".decode()))
print(b"%d-%s-%x" % (5, b"str", 255), b"abc".translate(bytes.maketrans(b"abc", b"xyz")))
print(int.from_bytes(b"\x00\x10", "big"), list(b"\x00\x10"), b"ab".rjust(4, b"."), b"x".ljust(3) + b"|")
