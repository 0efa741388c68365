# Methods and attributes changed on a class (and instances) while a hot loop is using them.
class Shape:
    scale = 1
    def area(self):
        return 10 * self.scale
s = Shape()
total = 0
for i in range(10000):
    if i == 3000:
        Shape.area = lambda self: 20 * self.scale
    if i == 6000:
        Shape.scale = 3
    if i == 8000:
        s.area = lambda: 1
    total += s.area()
print(total)
class Counter:
    def step(self):
        return 1
c = Counter()
acc = 0
for i in range(9000):
    if i % 3000 == 0 and i:
        def step(self, k=i):
            return k
        Counter.step = step
    acc += c.step()
print(acc)
class Base:
    def val(self):
        return 1
class Derived(Base):
    pass
d = Derived()
acc = 0
for i in range(6000):
    if i == 2000:
        Base.val = lambda self: 2
    if i == 4000:
        Derived.val = lambda self: 100
    acc += d.val()
print(acc)
del Derived.val
print(d.val())
class Slot:
    x = 5
objs = [Slot() for _ in range(10)]
acc = 0
for i in range(5000):
    o = objs[i % 10]
    if i == 2500:
        objs[3].x = -1000
    acc += o.x
print(acc)
