# Working with vars()/__dict__, getattr/setattr dynamically and object equality defaults.
class Rec:
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)
    def __repr__(self):
        body = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"Rec({body})"
r = Rec(a=1, b="two", c=[3])
print(r, vars(r))
r.__dict__["d"] = 4.0
print(r.d, sorted(vars(r)))
for name in ["a", "b", "zz"]:
    print(name, getattr(r, name, None))
delattr(r, "a")
print(r)
print(Rec.__name__, Rec.__module__, type(Rec).__name__, type(type).__name__)
