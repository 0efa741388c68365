# repr() quoting and escaping rules for strings.
tests = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "cr\r",
         "back\\slash", "\x00\x01\x1f", "\x7f", "\x80\xff", "é", "\u2028", "😀", "ok",
         "", "'", '"', "\a\b\f\v"]
for t in tests:
    print(repr(t), len(repr(t)))
print(repr(["a'b", 'c"d']), repr(("x",)), repr({"k": "v\n"}))
print(str("x\ty"), ascii("naïve ☃"), ascii("\x00"))
