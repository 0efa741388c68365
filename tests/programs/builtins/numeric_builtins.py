# abs, round, divmod, pow, int/float/bool conversions, hex/oct/bin, chr/ord.
print(abs(-5), abs(5.5), abs(-0.0), abs(True), abs(-(2 ** 100)))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), pow(2, 10), pow(2, 10, 1000), pow(2.0, -2))
print(round(3.14159, 2), round(2.5), round(-2.5), round(7, -1))
print(hex(0), hex(4096), oct(64), bin(10), hex(-1), bin(2 ** 65))
print(chr(65), chr(0x263A), ord("A"), ord("\n"), [ord(c) for c in "Az09"])
print(int("7"), float("7"), bool(7), bool(0.0), str(7), int(7.9), int(-7.9))
print(bool(), int(), float(), str(), list(), tuple(), dict())
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
