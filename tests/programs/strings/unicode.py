# Unicode code points: ord/chr, len, slicing and case of non-ASCII text.
s = "héllo wörld ñ 中文 😀 αβγ"
print(s, len(s))
print([ord(c) for c in s])
print(s[1], s[-1], s[14:16], s[::-1])
print(s.upper(), s.title())
print(chr(233), chr(0x4e2d), chr(0x1F600), chr(955), ord("€"), ord("\U0010FFFF"))
print("€".encode("utf-8"), "😀".encode("utf-8"), "é".encode("latin-1"), "中".encode("utf-16-le"))
print(b"\xe2\x82\xac".decode("utf-8"), bytes([0xc3, 0xa9]).decode(), len("😀".encode()))
print("ß".upper(), "ﬁ".upper(), "Σ".lower(), "ΌΣΟΣ".lower())
print(sorted("zäaöb"), "a" < "ä", "Z" < "a", max("αβγ"))
print(ascii(s), repr("\u200b"), str("tab\t"), repr("\x7f\x80\xa0"))
