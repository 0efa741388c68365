#!/usr/bin/env python3
"""Generates str_test_cases.inc for str_test.cpp: each case is a receiver,
a method (or an operation) and arguments, with the expected repr() of the
result (or "ExcType: message") computed by this CPython (the oracle).

Usage: /usr/bin/python3 tests/unit/runtime/str_test_gen.py > tests/unit/runtime/str_test_cases.inc
"""

CASES = [
    # (receiver, method, args, kwargs)
    # repr
    ("a'b", "__repr__", (), {}),
    ('a"b', "__repr__", (), {}),
    ("a'\"b", "__repr__", (), {}),
    ("\t\n\r\\\x00\x1f\x7f", "__repr__", (), {}),
    ("\x80\x9f\xa0\xa1\xad\xff", "__repr__", (), {}),
    ("\u200b\u2028\ud800\ue000\uffff\U0001f600\U000e0001\u0378", "__repr__", (), {}),
    ("h\xe9llo w\xf6rld \u4e2d\u6587 \u03b1\u03b2", "__repr__", (), {}),
    # split / rsplit / splitlines
    ("a,b,,c", "split", (",",), {}),
    ("  a  b  ", "split", (), {}),
    ("  a  b  ", "split", (None, 1), {}),
    ("  a  b  ", "rsplit", (None, 1), {}),
    ("a b c", "rsplit", (" ", 1), {}),
    ("a b c", "split", (), {"maxsplit": 1}),
    ("a\u3000b\x85c\x1fd\xa0e", "split", (), {}),
    ("", "split", (), {}),
    ("", "split", (",",), {}),
    ("abc", "split", ("",), {}),
    ("abc", "split", (1,), {}),
    ("a--b--c", "split", ("--", 5), {}),
    ("a\nb\r\nc\rd\x0be\x1cf\u2028g", "splitlines", (), {}),
    ("a\nb\r\n", "splitlines", (True,), {}),
    ("a\n\nb", "splitlines", (), {"keepends": True}),
    ("a", "split", (), {"x": 1}),
    # strip
    ("xxaxx", "strip", ("x",), {}),
    ("  \t a \n", "strip", (), {}),
    ("\xa0a\u2000", "strip", (), {}),
    ("abc", "lstrip", ("ba",), {}),
    ("abc", "rstrip", ("",), {}),
    ("abc", "strip", (1,), {}),
    ("abc", "strip", ("a", "b"), {}),
    # replace
    ("aaa", "replace", ("a", "bb", 2), {}),
    ("abc", "replace", ("", "-"), {}),
    ("abc", "replace", ("", "-", 2), {}),
    ("", "replace", ("", "x"), {}),
    ("aaaa", "replace", ("aa", "b"), {}),
    ("a\u20aca", "replace", ("\u20ac", "e"), {}),
    ("abc", "replace", (1, "b"), {}),
    ("abc", "replace", ("a",), {}),
    # find family
    ("abcabc", "find", ("c", 3), {}),
    ("abcabc", "rfind", ("b", 0, 4), {}),
    ("abcabc", "find", ("c", -2), {}),
    ("abc", "find", ("", 3), {}),
    ("abc", "find", ("", 4), {}),
    ("abc", "count", ("", 4), {}),
    ("abc", "count", ("", -10, 10), {}),
    ("aaaa", "count", ("aa",), {}),
    ("a\u20acb", "find", ("b",), {}),
    ("abc", "find", ("\u20ac",), {}),
    ("abc", "index", ("d",), {}),
    ("abc", "find", (), {}),
    ("abc", "find", (1,), {}),
    ("abc", "find", ("a", "x"), {}),
    ("abc", "startswith", (("x", "a"),), {}),
    ("abc", "endswith", ("bc", 0, 2), {}),
    ("abc", "startswith", ("", 4), {}),
    ("abc", "startswith", (1,), {}),
    # case
    ("\xdf", "upper", (), {}),
    ("\ufb01", "upper", (), {}),
    ("\u0130", "lower", (), {}),
    ("\u03a3\u0391\u03a3", "lower", (), {}),
    ("a\u03a3 b", "lower", (), {}),
    ("\u01c6abc", "capitalize", (), {}),
    ("they're bill's friends", "title", (), {}),
    ("\xdfa", "casefold", (), {}),
    ("Ab\u20ac", "swapcase", (), {}),
    ("\xff\xb5", "upper", (), {}),
    # predicates
    ("\xbd", "isnumeric", (), {}),
    ("\xb2", "isdigit", (), {}),
    ("\xb2", "isdecimal", (), {}),
    ("\u0663", "isdecimal", (), {}),
    ("Hello World", "istitle", (), {}),
    ("AbC", "isupper", (), {}),
    ("_a1", "isidentifier", (), {}),
    ("1a", "isidentifier", (), {}),
    ("\xad", "isprintable", (), {}),
    ("", "isspace", (), {}),
    # padding / partition / misc
    ("abc", "center", (6, "*"), {}),
    ("ab", "center", (5, "*"), {}),
    ("abc", "center", (3, "ab"), {}),
    ("abc", "ljust", ("x",), {}),
    ("-42", "zfill", (6,), {}),
    ("a\tbb\n\tc", "expandtabs", (4,), {}),
    ("a-b-c", "rpartition", ("-",), {}),
    ("abc", "partition", ("",), {}),
    ("prefix_x", "removeprefix", ("prefix_",), {}),
    ("abc", "translate", ({97: "A", 98: None},), {}),
    ("abc", "translate", ({97: -1},), {}),
    ("-", "join", (["a", "b", "c"],), {}),
    ("-", "join", (["a", 1],), {}),
    ("\u20ac", "join", ("abc",), {}),
    ("abc", "encode", ("ascii",), {}),
    ("\xe9\xe8", "encode", ("ascii",), {}),
    ("\xe9\u20ac", "encode", ("latin-1",), {}),
    ("a\u20ac", "encode", ("ascii", "backslashreplace"), {}),
    ("\ud800", "encode", (), {}),
    ("\u20ac", "encode", ("utf-16-le",), {}),
    ("x", "encode", ("foo",), {}),
    # format
    ("{0}{1}{0}", "format", ("a", "b"), {}),
    ("{x}-{y}", "format", (), {"x": 1, "y": "z"}),
    ("{0[1]}", "format", ([5, 6],), {}),
    ("{a[k]}", "format", (), {"a": {"k": 7}}),
    ("{:{w}.{p}}", "format", ("abcdef",), {"w": 8, "p": 3}),
    ("{!r:^9}", "format", ("hi",), {}),
    ("{!a}", "format", ("\xe9",), {}),
    ("{{}}{{", "format", (), {}),
    ("{:*<6}|{:>3}", "format", ("ab", "c"), {}),
    ("{0:{1:{2}}}", "format", ("abc", "s", ""), {}),
    ("{}{0}", "format", (1,), {}),
    ("{0}{}", "format", (1,), {}),
    ("{", "format", (), {}),
    ("}", "format", (), {}),
    ("{1}", "format", (1,), {}),
    ("{a}", "format", (), {}),
    ("{:=5}", "format", ("a",), {}),
    ("{!x}", "format", (1,), {}),
    ("{0[}", "format", (1,), {}),
    ("{0.}", "format", (1,), {}),
    ("{:05}", "format", ("a",), {}),
    ("{:.2}", "format", ("abc",), {}),
    ("{:,}", "format", ("a",), {}),
    ("{:+}", "format", ("a",), {}),
    ("{:d}", "format", ("a",), {}),
    ("{:xx}", "format", ("a",), {}),
    # printf-style (method "%": receiver % args)
    ("%s|%5s|%-5s|%.2s", "%", (("ab", "cd", "ef", "ghi"),), {}),
    ("%r %a", "%", (("\xe9", "\xe9"),), {}),
    ("%(a)s %(b)r", "%", ({"a": 1, "b": "x"},), {}),
    ("%s", "%", ([1, 2],), {}),
    ("abc", "%", ([1],), {}),
    ("%s %s", "%", ((1,),), {}),
    ("%s", "%", ((1, 2),), {}),
    ("%d", "%", ("x",), {}),
    ("%(a)s", "%", (1,), {}),
    ("%z", "%", (1,), {}),
    ("%", "%", (1,), {}),
    ("%c%c", "%", ((97, "b"),), {}),
    ("%c", "%", ("ab",), {}),
    ("%05d|%+d|% d|%-5d|%.3d", "%", ((-42, 7, 7, 7, 7),), {}),
    ("%x %X %#x %#o %o", "%", ((255, 255, -255, 8, -8),), {}),
    ("%*d|%-*d|%.*s", "%", ((5, 42, 4, 1, 2, "abc"),), {}),
    ("%d %i", "%", ((3.7, True),), {}),
    ("%x", "%", (3.0,), {}),
    ("%%|%5.1f", "%", (2.25,), {}),
    ("%e|%E|%g|%G|%.0f|%#.0f", "%", ((12345.678, 1.5, 1e-05, 1e20, 2.5, 2.0),), {}),
    ("%05f|%010.3f|%+f", "%", ((float("inf"), -3.14159, float("nan")),), {}),
    # bytes
    (b"'\"\x00\x7f\x80\xff\t\n\r\\", "__repr__", (), {}),
    (b"  Hello, World  ", "split", (), {}),
    (b"a,b,,c", "split", (b",", 1), {}),
    (b"a b c", "rsplit", (None, 1), {}),
    (b"xxhixx", "strip", (b"x",), {}),
    (b"hello", "replace", (b"l", b"L"), {}),
    (b"hello", "find", (108,), {}),
    (b"hello", "count", (300,), {}),
    (b"hello", "find", ("l",), {}),
    (b"hello", "startswith", ("h",), {}),
    (b"-", "join", ([b"a", b"b"],), {}),
    (b"-", "join", ([b"a", "b"],), {}),
    (b"\x01\xab\xcd", "hex", (":",), {}),
    (b"abcdef", "hex", (":", 2), {}),
    (b"caf\xc3\xa9", "decode", (), {}),
    (b"\xe2\x82\x28", "decode", (), {}),
    (b"\xe2\x28\xa1", "decode", (), {}),
    (b"a\xffb", "decode", ("utf-8", "replace"), {}),
    (b"a\xffb", "decode", ("utf-8", "backslashreplace"), {}),
    (b"\x80", "decode", ("ascii",), {}),
    (b"\xff", "decode", ("utf-8", "nope"), {}),
    (b"\xff\xfea\x00", "decode", ("utf-16",), {}),
    (b"hello world", "title", (), {}),
    (b"hello", "center", (11, b"*"), {}),
    (b"x", "center", (3, "*"), {}),
    (b"%d-%s-%x|%5.1f|%c", "%", ((5, b"str", 255, 2.25, 65),), {}),
    (b"%s", "%", ("x",), {}),
    (b"abc", "partition", (b"b",), {}),
]


def cxx_str(s):
    out = []
    for b in s.encode("utf-8", "surrogatepass"):
        if 32 <= b < 127 and chr(b) not in '"\\?':
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def cxx_bytes(b):
    return '"' + "".join(chr(c) if 32 <= c < 127 and chr(c) not in '"\\?' else "\\%03o" % c
                         for c in b) + '"'


def cxx_value(v):
    if v is None:
        return "none()"
    if v is True or v is False:
        return "py_bool(%s)" % ("true" if v else "false")
    if isinstance(v, int):
        return "I(%d)" % v
    if isinstance(v, float):
        if v != v:
            return "float_new(NAN)"
        if v in (float("inf"), float("-inf")):
            return "float_new(%sINFINITY)" % ("-" if v < 0 else "")
        return "float_new(%r)" % v
    if isinstance(v, bytes):
        return "B(%s, %d)" % (cxx_bytes(v), len(v))
    if isinstance(v, str):
        return "S(%s, %d)" % (cxx_str(v), len(v.encode("utf-8", "surrogatepass")))
    if isinstance(v, tuple):
        return "T({%s})" % ", ".join(cxx_value(x) for x in v)
    if isinstance(v, list):
        return "L({%s})" % ", ".join(cxx_value(x) for x in v)
    if isinstance(v, dict):
        return "D({%s})" % ", ".join("{%s, %s}" % (cxx_value(k), cxx_value(x)) for k, x in v.items())
    raise TypeError(v)


def expected(recv, method, args, kwargs):
    try:
        if method == "__repr__":
            r = repr(recv)
        elif method == "%":
            r = recv % args[0]
        else:
            r = getattr(recv, method)(*args, **kwargs)
        return repr(r)
    except Exception as e:  # noqa: BLE001 - the oracle's exception is the expectation
        return "%s: %s" % (type(e).__name__, e)


def main():
    print("// GENERATED by str_test_gen.py from CPython; do not edit.")
    print("// Included inside a braced initializer of std::vector<StrCase>.")
    print("// clang-format off")
    for recv, method, args, kwargs in CASES:
        exp = expected(recv, method, args, kwargs)
        kw_names = ", ".join(cxx_str(k) for k in kwargs)
        kw_vals = ", ".join(cxx_value(v) for v in kwargs.values())
        print("{%s, %s, {%s}, {%s}, {%s}, %s, %d}," % (
            cxx_value(recv), cxx_str(method), ", ".join(cxx_value(a) for a in args),
            kw_names, kw_vals, cxx_str(exp), len(exp.encode("utf-8", "surrogatepass"))))


main()
