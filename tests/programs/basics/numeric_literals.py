# Numeric literal forms: hex/oct/bin, underscores, floats, exponents, complex-free.
print(0x1F, 0o17, 0b1011, 0XFF, 0O7, 0B1)
print(1_000_000, 0x_ff_ff, 0b_1010_1010, 1_0.5)
print(1e3, 1E-3, 2.5e10, .5, 5., 0.0)
print(123456789012345678901234567890)
print(0xDEADBEEFCAFEBABE, 0o777777777777777777777777)
print(type(1), type(1.0), type(True), type(None).__name__)
print(1_2_3 + 4_5_6)
