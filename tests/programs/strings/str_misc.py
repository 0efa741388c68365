# Misc str operations: multiplication, concatenation, center/ljust/zfill, expandtabs, translate.
print("ab" * 3, 3 * "-", "x" * 0, "x" * -1 == "", "a" + "b" + "c")
print("hi".center(10, "*"), "hi".ljust(6, ".") + "|", "hi".rjust(6) + "|", "42".zfill(6), "-42".zfill(6), "+7".zfill(4))
print("a\tbc\td".expandtabs(), "a\tbc\td".expandtabs(4), repr("x\ty".expandtabs(2)))
table = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(table), "hello".translate({ord("l"): None, ord("h"): "J"}))
print(str.maketrans({"a": "1"}), "%".join("abc"), "a".join([]))
print(len("hello"), sorted("hello"), list("abc"), tuple("ab"), "".join(reversed("abc")))
print(min("hello"), max("hello"), "hello".index("l"), "l" * 2 in "hello")
s = ""
for i in range(5):
    s += str(i)
print(s, s.isdigit(), int(s) + 1)
print("abc" == "abc", "abc" != "abd", "abc" < "abd", "a" * 3 == "aaa")
print(str(123), str(1.5), str([1, "a"]), str(None), str(True), str(b"x"), str((1,)))
