# Mixed-type numerics: bool/int/float promotion and complex basics.
print(True + 1.5, 3 * True, 2 ** True, True / 2, type(True + True).__name__)
c = complex(1, 2)
print(c, c * c, c + 1, c.real, c.imag, c.conjugate(), abs(complex(3, 4)))
print(1j * 1j, (1 + 2j) / (3 - 4j), complex("1+2j"), -c, repr(0j), 2j ** 2)
print(c == complex(1, 2), 1 + 0j == 1, hash(1 + 0j) == hash(1))
print(divmod(7, 2.0), 7 // 2.0, 2.0 ** 3, 4 ** 0.5, (-8) ** (1 / 3), 8 ** (1 / 3))
print(sum([1, 2.5, True]), sum([1, 2]), sum([0.1] * 3), sum([], 0.0))
print(isinstance(1, float), isinstance(1.0, (int, float)), isinstance(True, int))
