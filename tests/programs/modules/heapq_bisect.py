# heapq (push/pop/heapify/nlargest/nsmallest/merge) and bisect (left/right/insort).
import heapq
import bisect
h = []
for v in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, v)
print(h[0], [heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 2, 6]
heapq.heapify(data)
print(data[0], heapq.nsmallest(3, data), heapq.nlargest(3, data), heapq.nlargest(2, ["bb", "a", "ccc"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])), heapq.heappushpop([3, 5], 1), heapq.heapreplace([3, 5], 10))
tasks = []
for prio, name in [(3, "low"), (1, "urgent"), (2, "mid"), (1, "also urgent")]:
    heapq.heappush(tasks, (prio, name))
while tasks:
    print(heapq.heappop(tasks))
a = [1, 3, 3, 3, 5, 8]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 4), bisect.bisect_left(a, 0), bisect.bisect(a, 99))
bisect.insort(a, 4)
bisect.insort_left(a, 3)
print(a)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
print(bisect.bisect_left([(1, "a"), (3, "c")], (2, "")), bisect.bisect([10, 20, 30], 25, key=None))
