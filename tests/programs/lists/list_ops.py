# List construction, concatenation, repetition, membership, equality and nesting/aliasing.
a = [1, 2, 3]
b = a + [4]
print(b, a * 2, [0] * 5, [[]] * 3, 2 in a, 5 not in a, len([]))
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
alias = [[0] * 3] * 3
alias[0][0] = 1
print(alias)
print(list(range(5)), list("abc"), list((1, 2)), list({3: 0, 1: 0}), list(map(str, [1, 2])))
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, [2]] < [1, [3]], [] < [0])
nested = [1, [2, [3, [4, [5]]]]]
print(nested, nested[1][1][1][1][0])
def flatten(x):
    out = []
    for item in x:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out
print(flatten(nested))
lst = [1, 2]
lst.append(lst)
print(lst, lst[2][2][0])
print(min([4, 2, 8]), max([4, 2, 8]), sum([4, 2, 8]), sorted([4, 2, 8]), list(reversed([4, 2, 8])))
