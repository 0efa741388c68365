# Sets of small non-negative ints: add/remove/discard/pop, membership and printing.
s = {3, 1, 4, 1, 5, 9, 2, 6}
print(s, len(s), 4 in s, 7 in s)
s.add(7)
s.add(3)
s.discard(100)
s.remove(9)
print(s)
print(set(), set([0, 0, 1]), set(range(5)), {x % 4 for x in range(20)})
e = {0, 1, 2}
print(e.pop(), e)
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
c = s.copy()
c.clear()
print(c, s)
words = {"pear", "apple", "fig", "apple"}
print(sorted(words), len(words), "fig" in words)
