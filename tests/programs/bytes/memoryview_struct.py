# Encoding integers to bytes manually and via int.to_bytes; checksums over bytes.
data = bytes(range(256)) * 4
print(len(data), sum(data), sum(data) % 65536)
crc = 0
for byte in data:
    crc = ((crc << 5) ^ (crc >> 27) ^ byte) & 0xFFFFFFFF
print(crc)
def encode_varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)
def decode_varint(b):
    n = 0
    for i, byte in enumerate(b):
        n |= (byte & 0x7F) << (7 * i)
    return n
for n in [0, 1, 127, 128, 300, 2 ** 32, 2 ** 63 + 5]:
    e = encode_varint(n)
    print(n, e.hex(), decode_varint(e) == n)
print((1234567).to_bytes(4, "big").hex(), (2 ** 64 - 1).to_bytes(8, "little"))
