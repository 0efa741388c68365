# getattr/setattr/hasattr/delattr/vars/dir on user objects.
class Obj:
    cls_attr = "C"
    def __init__(self):
        self.a = 1
o = Obj()
setattr(o, "b", 2)
print(getattr(o, "a"), getattr(o, "b"), getattr(o, "cls_attr"), getattr(o, "zz", "default"))
print(hasattr(o, "a"), hasattr(o, "zz"), hasattr(Obj, "cls_attr"), hasattr(Obj, "a"))
delattr(o, "a")
print(hasattr(o, "a"), vars(o))
try:
    getattr(o, "a")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(o, "nope")
except AttributeError as e:
    print("AttributeError:", e)
print([n for n in dir(o) if not n.startswith("__")])
setattr(Obj, "added", lambda self: "method added")
print(o.added())
name = "dyn"
setattr(o, name + "_1", 11)
print(getattr(o, "dyn_1"), sorted(vars(o)))
