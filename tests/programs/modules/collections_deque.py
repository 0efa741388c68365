# collections.deque: appends/pops on both ends, rotate, maxlen, indexing.
from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
ring = deque(maxlen=3)
for i in range(6):
    ring.append(i)
    print(list(ring))
print(ring, ring.maxlen)
print(deque("abc").count("a"), list(reversed(deque([1, 2, 3]))), deque([1, 2]) == deque([1, 2]))
d2 = deque(range(5))
d2.remove(2)
d2.insert(1, 99)
print(d2, d2.index(99), 3 in d2)
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)
