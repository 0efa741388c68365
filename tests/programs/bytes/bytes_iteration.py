# Iterating and comprehending over bytes; bytes from generators; base conversions by hand.
b = b"Python"
print([c for c in b], [chr(c) for c in b], bytes(c + 1 for c in b))
print(bytes(c ^ 0x20 for c in b), b.hex(), bytes(reversed(b)))
def to_base64ish(data):
    alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    out = bytearray()
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = int.from_bytes(chunk.ljust(3, b"\0"), "big")
        for j in range(4):
            if j <= len(chunk):
                out.append(alphabet[(n >> (18 - 6 * j)) & 63])
            else:
                out.append(ord("="))
    return bytes(out)
for s in [b"", b"f", b"fo", b"foo", b"foobar", b"hello world"]:
    print(s, to_base64ish(s))
