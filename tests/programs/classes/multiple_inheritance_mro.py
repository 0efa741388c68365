# Multiple inheritance, C3 linearisation (MRO) and cooperative super() chains.
class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print([k.__name__ for k in D.__mro__])
print(D().who())
class O: pass
class F(O): pass
class E(O): pass
class K1(F, E): pass
class K2(E, O): pass
class Z(K1, K2): pass
print([k.__name__ for k in Z.__mro__])
print([k.__name__ for k in Z.mro()])
class Base:
    def __init__(self, **kw):
        self.log = ["Base"]
class Left(Base):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append("Left")
class Right(Base):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append("Right")
class Bottom(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Bottom")
print(Bottom().log, [k.__name__ for k in Bottom.__mro__])
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
class X: val = "X"
class Y: val = "Y"
class XY(X, Y): pass
class YX(Y, X): pass
print(XY.val, YX.val)
