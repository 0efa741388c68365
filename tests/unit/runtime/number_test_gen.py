#!/usr/bin/python3
# Generates int_test_cases.inc and float_test_cases.inc: expected values for
# tests/unit/runtime/{int,float}_test.cpp, computed by CPython 3.11.
# Usage: /usr/bin/python3 tests/unit/runtime/number_test_gen.py
import math
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def c(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n').replace('\t', '\\t') + '"'


def outcome(f):
    try:
        r = f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    return repr(r)


seed = 2024


def rnd(bits):
    global seed
    r = 0
    for _ in range(0, bits, 60):
        seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        r = (r << 60) | (seed >> 4)
    return r % (1 << bits)


def gen_int():
    lines = []
    vals = [0, 1, -1, 7, -7, 2**31, 2**53 + 1, 2**61 - 1, 2**62 - 1, 2**62, -2**62, -2**62 - 1,
            2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64, 3**50, -(5**40), 10**30 + 17]
    ops = {0: lambda a, b: a + b, 1: lambda a, b: a & b, 2: lambda a, b: a // b,
           5: lambda a, b: a * b, 6: lambda a, b: a % b, 7: lambda a, b: a | b,
           10: lambda a, b: a - b, 11: lambda a, b: a / b, 12: lambda a, b: a ^ b}
    lines.append("struct IntBinCase { const char* a; int op; const char* b; const char* expected; };")
    lines.append("const IntBinCase kIntBinCases[] = {")
    for a in vals:
        for b in vals:
            for op, f in ops.items():
                lines.append(f"  {{{c(str(a))}, {op}, {c(str(b))}, {c(outcome(lambda: f(a, b)))}}},")
    for a in [3, -3, 2**62 - 1, -2**62, 2**100]:
        for s in [0, 1, 2, 61, 62, 63, 64, 130]:
            lines.append(f"  {{{c(str(a))}, 3, {c(str(s))}, {c(outcome(lambda: a << s))}}},")
            lines.append(f"  {{{c(str(a))}, 9, {c(str(s))}, {c(outcome(lambda: a >> s))}}},")
        lines.append(f"  {{{c(str(a))}, 3, \"-1\", {c(outcome(lambda: a << -1))}}},")
        for e in [0, 1, 2, 3, 40, 63, 64, -1, -2]:
            lines.append(f"  {{{c(str(a))}, 8, {c(str(e))}, {c(outcome(lambda: a ** e))}}},")
    for i in range(300):
        a = rnd(rnd(8) % 300 + 1) * (1 if rnd(1) else -1)
        b = (rnd(rnd(8) % 300 + 1) or 3) * (1 if rnd(1) else -1)
        lines.append(f"  {{{c(str(a))}, 11, {c(str(b))}, {c(outcome(lambda: a / b))}}},")
        lines.append(f"  {{{c(str(a))}, 2, {c(str(b))}, {c(outcome(lambda: a // b))}}},")
        lines.append(f"  {{{c(str(a))}, 6, {c(str(b))}, {c(outcome(lambda: a % b))}}},")
    lines.append("};")

    lines.append("struct IntPowModCase { const char* a; const char* e; const char* m; const char* expected; };")
    lines.append("const IntPowModCase kIntPowModCases[] = {")
    for a in [0, 2, -3, 38, 2**70 + 1]:
        for e in [0, 5, -1, 2**65]:
            for m in [1, 7, -7, 97, 2**64 + 13, 0]:
                lines.append(f"  {{{c(str(a))}, {c(str(e))}, {c(str(m))}, {c(outcome(lambda: pow(a, e, m)))}}},")
    lines.append("};")

    lines.append("struct IntHashCase { const char* v; int64_t hash; };")
    lines.append("const IntHashCase kIntHashCases[] = {")
    for v in vals + [2**61, -(2**61), 2**122 + 5, -(10**50)]:
        lines.append(f"  {{{c(str(v))}, {hash(v)}LL}},")
    lines.append("};")

    lines.append("struct IntParseCase { const char* text; int base; const char* expected; };")
    lines.append("const IntParseCase kIntParseCases[] = {")
    texts = ['0', '00', '-0', '+5', ' 12 ', '1_000', '1__0', '_1', '1_', '0x10', '0o17', '0b101', '010',
             '0_0', '12a', '', '-', '99999999999999999999999', '\t42\n', '0x_1f', '1.5', 'zz',
             '-4611686018427387905', '4611686018427387904', '\u0663\u0664', '\uff11\uff12', '7\u00a0']
    for s in texts:
        for base in [0, 2, 8, 10, 16, 36]:
            lines.append(f"  {{{c(s)}, {base}, {c(outcome(lambda: int(s, base)))}}},")
    lines.append("};")

    lines.append("struct IntFormatCase { const char* v; const char* spec; const char* expected; };")
    lines.append("const IntFormatCase kIntFormatCases[] = {")
    specs = ['', 'd', 'b', 'o', 'x', 'X', 'c', 'n', '#b', '#o', '#X', ',', '_', '_b', '#_x', '010,', '+',
             ' ', '=+10', '<8', '^9', '*^9', '#010x', 'e', 'f', 'g', '%', '.2f', ',.2f', '.2', ',b',
             'z', '#c', 'q', '012_b', '015_', '0=8', 'ab']
    for v in [0, 5, -42, 1234567, -2**62 - 1, 10**25, 0x263a]:
        for s in specs:
            lines.append(f"  {{{c(str(v))}, {c(s)}, {c(outcome(lambda: format(v, s)))}}},")
    lines.append("};")

    lines.append("struct IntMethodCase { const char* v; int64_t bit_length; int64_t bit_count; };")
    lines.append("const IntMethodCase kIntMethodCases[] = {")
    for v in [0, 1, -1, 255, -256, 2**62, -2**62 - 1, 2**100 - 1]:
        lines.append(f"  {{{c(str(v))}, {v.bit_length()}, {v.bit_count()}}},")
    lines.append("};")
    return "\n".join(lines) + "\n"


def bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]


def gen_float():
    lines = []
    xs = [0.0, -0.0, 1.0, 0.1, 1e16, 1e-5, 1.5e-7, 123456789012345.0, 1234567890123456.0, 1e22, 5e-324,
          1.7976931348623157e308, math.inf, -math.inf, math.nan, 2 / 3, 0.5, 2.5, 1.005, 2.675, 1e-320, 100.0]
    for i in range(400):
        m = rnd(53) / (1 << 53) + 0.5
        x = m * 10.0 ** (rnd(9) % 120 - 60)
        xs.append(-x if rnd(1) else x)
    for i in range(100):
        xs.append(struct.unpack('<d', struct.pack('<Q', rnd(64)))[0])
    lines.append("struct FloatReprCase { uint64_t bits; const char* repr; int64_t hash; };")
    lines.append("const FloatReprCase kFloatReprCases[] = {")
    for x in xs:
        h = hash(x) if not math.isnan(x) else 0
        lines.append(f"  {{0x{bits(x):016x}ULL, {c(repr(x))}, {h}LL}},")
    lines.append("};")

    lines.append("struct FloatFormatCase { uint64_t bits; const char* spec; const char* expected; };")
    lines.append("const FloatFormatCase kFloatFormatCases[] = {")
    specs = ['', 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n', '.0e', '.0f', '.0g', '.3', '.3e', '.3f', '.3g',
             '.17g', '.20f', '#g', '#.0f', '#', '<10', '^12', '=12', '*^15.3f', '+', ' .2e', '010.2f',
             ',', ',.2f', '_.3f', '015,.2f', 'z.1f', '.2', ',e', '0=12', 'x^+#012,.3f', '.30e', 'd', ',_']
    for x in [0.0, -0.0, 1.5, -1234.5678, 1e16, 1.5e-7, 1e300, 5e-324, math.inf, math.nan, 0.125, 99.995, 2.5]:
        for s in specs:
            lines.append(f"  {{0x{bits(x):016x}ULL, {c(s)}, {c(outcome(lambda: format(x, s)))}}},")
    lines.append("};")

    lines.append("struct FloatParseCase { const char* text; const char* expected; };")
    lines.append("const FloatParseCase kFloatParseCases[] = {")
    for s in ['1.5', ' -2.5e3 ', '1_0.5', '1__0', 'inf', '-Infinity', 'nAn', '1e500', '-1e-500', '.5', '5.',
              '.', 'e5', '1e', '0x1p3', '1_e5', ' 3 ', '', 'infinit', '0.1e+02', '\u0661.\u0665', '\t7\n',
              '2.2250738585072011e-308', '9007199254740993', '0.30000000000000004']:
        lines.append(f"  {{{c(s)}, {c(outcome(lambda: float(s)))}}},")
    lines.append("};")

    lines.append("struct FloatBinCase { uint64_t a; int op; uint64_t b; const char* expected; };")
    lines.append("const FloatBinCase kFloatBinCases[] = {")
    ops = {0: lambda a, b: a + b, 2: lambda a, b: a // b, 5: lambda a, b: a * b, 6: lambda a, b: a % b,
           8: lambda a, b: a ** b, 10: lambda a, b: a - b, 11: lambda a, b: a / b}
    fv = [0.0, -0.0, 1.0, -1.5, 0.3, 7.25, -7.25, 1e300, math.inf, -math.inf, math.nan, 2.0, -3.0]
    for a in fv:
        for b in fv:
            for op, f in ops.items():
                r = outcome(lambda: f(a, b))  # negative ** fractional is complex
                lines.append(f"  {{0x{bits(a):016x}ULL, {op}, 0x{bits(b):016x}ULL, {c(r)}}},")
    lines.append("};")

    lines.append("struct FloatRoundCase { uint64_t bits; int ndigits; const char* expected; };")
    lines.append("const FloatRoundCase kFloatRoundCases[] = {")
    for x in [0.5, 1.5, 2.5, -0.5, 2.675, 1.005, 0.125, 1e300, 123.456, -123.456, 5e-324, 1234.5678, -0.0,
              1.7e308, 15.0, 25.0, 35.0, 0.285, 1e22]:
        for nd in [0, 1, 2, 3, -1, -2, -3, 400, -400, -308]:
            lines.append(f"  {{0x{bits(x):016x}ULL, {nd}, {c(outcome(lambda: round(x, nd)))}}},")
    lines.append("};")

    lines.append("struct IntFloatCompareCase { const char* i; uint64_t d; int expected; };")
    lines.append("const IntFloatCompareCase kIntFloatCompareCases[] = {")
    for i in [0, 1, -1, 2**53, 2**53 + 1, -(2**53) - 1, 2**63, 2**64 + 1, 10**30, -(10**400)]:
        for d in [0.0, -0.0, 1.0, 2.0**53, 2.0**53 + 2, -(2.0**53), 2.0**63, 2.0**64, 1e30, -1e300, math.inf, -math.inf, 0.5, 9007199254740993.0]:
            exp = (i > d) - (i < d)
            lines.append(f"  {{{c(str(i))}, 0x{bits(d):016x}ULL, {exp}}},")
    lines.append("};")
    return "\n".join(lines) + "\n"


HEADER = "// Generated by number_test_gen.py from CPython 3.11; do not edit.\n"
with open(os.path.join(HERE, "int_test_cases.inc"), "w") as f:
    f.write(HEADER + gen_int())
with open(os.path.join(HERE, "float_test_cases.inc"), "w") as f:
    f.write(HEADER + gen_float())
