# str.encode / bytes.decode with errors handlers.
s = "Grüße, 世界!"
for enc in ["utf-8", "utf-16-be", "utf-32-le"]:
    b = s.encode(enc)
    print(enc, len(b), b[:12], b.decode(enc) == s)
print(s.encode("ascii", "ignore"), s.encode("ascii", "replace"), s.encode("ascii", "backslashreplace"))
print(s.encode("ascii", "xmlcharrefreplace"))
print(b"caf\xe9".decode("latin-1"), b"caf\xe9".decode("utf-8", "replace"), b"caf\xe9".decode("utf-8", "ignore"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff\xfe\xfa".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
