# list methods: append/extend/insert/pop/remove/index/count/reverse/copy/clear.
a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.insert(0, 2)
a.insert(100, 6)
a.insert(-1, 7)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(2), a)
a.remove(1)
print(a, a.index(5), a.count(1), a.count(42), a.index(9, 1, 5))
a.reverse()
print(a)
b = a.copy()
b.append(0)
print(a, b, a is b)
b.clear()
print(b, a)
a += [8, 8]
a *= 2
print(a)
try:
    a.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    a.index(42)
except ValueError as e:
    print("ValueError:", e)
