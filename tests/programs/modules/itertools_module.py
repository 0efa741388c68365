# itertools: product, permutations, combinations, accumulate, groupby, chain, zip_longest, etc.
import itertools as it
import operator
print(list(it.product("ab", [1, 2])), len(list(it.product(range(3), repeat=3))))
print(list(it.permutations("abc", 2)), len(list(it.permutations(range(5)))))
print(list(it.combinations(range(5), 3)), list(it.combinations_with_replacement("ab", 2)))
print(list(it.accumulate([1, 2, 3, 4, 5])), list(it.accumulate([1, 2, 3, 4], operator.mul)), list(it.accumulate([3, 1, 4], max, initial=2)))
data = "aaabccddddae"
print([(k, len(list(g))) for k, g in it.groupby(data)])
print([(k, list(g)) for k, g in it.groupby(sorted([1, 12, 3, 14, 25, 5]), key=lambda x: x // 10)])
print(list(it.chain([1, 2], "ab", range(2))), list(it.chain.from_iterable([[1], [2, 3], []])))
print(list(it.zip_longest("abc", [1], fillvalue="-")), list(it.starmap(pow, [(2, 3), (3, 2)])))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(10))), list(it.islice(it.count(10, 5), 4)))
a, b = it.tee([1, 2, 3])
print(list(a), list(b), list(it.pairwise("abcd")), list(it.repeat("x", 3)))
print(list(it.takewhile(lambda x: x * x < 30, it.count())), list(it.islice(it.cycle([1, 2]), 5)))
