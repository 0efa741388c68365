# find/rfind/index/rindex/count/startswith/endswith/in.
s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.find(""), s.rfind(""))
print(s.index("fox"), s.rindex("o"), s.count("o"), s.count("the"), s.count(""), s.count("o", 20, 30))
print(s.startswith("the"), s.startswith("quick", 4), s.endswith("dog"), s.endswith(("cat", "dog")))
print(s.startswith(("a", "t")), "fox" in s, "cat" not in s, "" in s)
print(s.find("o", -10), s.find("o", 5, 10), s.find("q", 4, 5), s.rfind("o", 0, 20))
try:
    s.index("cat")
except ValueError as e:
    print("ValueError:", e)
print("aaaa".count("aa"), "abababa".find("aba", 1), "abababa".rfind("aba"))
print("hello".partition("l"), "hello".rpartition("l"), "hello".partition("z"), "hello".rpartition("z"))
print("Mississippi".replace("ss", "SS"), "Mississippi".replace("s", "", 2), "abc".replace("", "-"))
