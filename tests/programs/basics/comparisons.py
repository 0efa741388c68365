# Comparison operators across ints, floats, strings, lists, tuples and None.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1.0, 1 != 1.0)
print("abc" < "abd", "abc" < "ab", "Z" < "a", "" < "a")
print([1, 2] < [1, 2, 3], [1, 3] > [1, 2, 9], (1, 2) == (1, 2), (1, "a") < (1, "b"))
print(None is None, None == None, None is not None)
print(1 == True, 0 == False, 2 == True)
print(float("nan") == float("nan"), float("inf") > 10**300)
print(10**20 == 1e20, 10**20 < 1e20 + 1, 2**53 + 1 == float(2**53 + 1))
print([] == [], [] is [], () == (), {} == {})
print([1, [2, 3]] == [1, [2, 3]], {1: 2} == {1: 2}, {1: 2} != {1: 3})
print(1 < 2.5 < 3, 3 > 2.5 > 2.5)
for a, b in [(1, 2), (2, 2), (3, 2), (-1, -1.0)]:
    print(a, b, a < b, a <= b, a == b, a != b, a > b, a >= b)
print(max("apple", "banana"), min([3, 1], [2, 9]))
