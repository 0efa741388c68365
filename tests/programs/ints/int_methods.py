# int methods and conversions: to_bytes/from_bytes, bit_count-free ops, str/hex/oct/bin.
n = 1000
print(n.to_bytes(2, "big"), n.to_bytes(4, "little"), int.from_bytes(b"\x03\xe8", "big"))
print((-1).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff\xff", "big", signed=True))
print((2 ** 64 + 1).to_bytes(9, "big"), int.from_bytes(bytes(range(1, 10)), "little"))
print(hex(255), hex(-255), oct(8), oct(-8), bin(5), bin(-5), bin(0))
print(str(-12345), repr(10 ** 25), (17).real, (17).imag, (17).numerator, (17).denominator)
print((255).bit_length(), (-255).bit_length(), abs(-7), (7).conjugate())
print(int.__name__, isinstance(True, int), issubclass(bool, int))
print((12).__add__(3), (12).__sub__(3), (12).__mul__(3), (12).__floordiv__(5))
print(divmod(100, 7), round(1234567, -3), round(1250, -2), round(1350, -2))
print(str(2 ** 100)[::-1])
