# Class attributes vs instance attributes, mutation through the class, shared mutable state.
class Counter:
    instances = 0
    shared = []
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
        self.shared.append(self.id)
a, b, c = Counter(), Counter(), Counter()
print(Counter.instances, a.id, c.id, a.shared, a.shared is Counter.shared)
a.instances = 99
print(a.instances, b.instances, Counter.instances)
del a.instances
print(a.instances)
class Config:
    debug = False
    level = 1
class Sub(Config):
    level = 2
s = Sub()
print(s.debug, s.level, Config.level)
Config.debug = True
print(s.debug, Sub.debug)
print("level" in Sub.__dict__, "debug" in Sub.__dict__, getattr(Sub, "debug"))
setattr(Sub, "new_attr", "dynamic")
print(s.new_attr, Sub.new_attr)
