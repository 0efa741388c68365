# string module constants and Template, textwrap basics.
import string
import textwrap
print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation)
t = string.Template("$who likes ${what}s; $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
print(string.capwords("hello   wide world"))
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(text, 30))
print(textwrap.fill("a b c d e f g h", 5))
print(textwrap.dedent("    x\n      y\n    z"), textwrap.indent("a\nb", "> "), textwrap.shorten("Hello  world, this is long", 15))
