# Float formatting with format specs: f, e, g, %, width, precision, signs, grouping.
vals = [0.0, 1.0, -1.5, 3.14159265358979, 1234567.891, 1e-7, 1e16, 2.5, 0.125, 1e300, float("inf"), float("nan")]
for v in vals:
    print(f"{v:f}|{v:.2f}|{v:e}|{v:.3e}|{v:g}|{v:.3g}|{v:10.3f}|{v:<10.1f}|{v:+.1f}")
for v in [0.5, 0.123456, 1.0, 12.3456]:
    print(f"{v:%}|{v:.1%}|{v:,.2f}|{v:08.2f}|{v:^12.4g}|{v: .2f}")
print(f"{1234567.0:,}", f"{1234567.891:_.1f}", f"{-0.0:.1f}", f"{1e16:.0f}")
print(format(2.5, ".0f"), format(3.5, ".0f"), format(0.045, ".2f"), format(1.0, "g"), format(1e-5, "g"))
print(format(123456789.0, "g"), format(1234567.0, ".10g"), format(0.0001, "g"), repr(100.0))
print("%.3f %e %g %10.2f %-8.1f| %+d" % (3.14159, 12345.678, 0.00001, 2.5, 1.25, 5))
print(str(1e16), str(1e15), str(123456789012345.6), float.hex(1.5), float.fromhex("0x1.8p1"))
print((0.1).as_integer_ratio(), (2.5).is_integer(), (2.0).is_integer())
