# operator module: arithmetic functions, itemgetter, attrgetter, methodcaller.
import operator as op
print(op.add(2, 3), op.mul(4, 5), op.sub(9, 4), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 8))
print(op.neg(5), op.not_(0), op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.lshift(1, 4), op.invert(0))
print(op.eq(1, 1), op.lt(1, 2), op.ge(1, 2), op.contains([1, 2], 2), op.getitem("abc", 1), op.is_(None, None))
rows = [("b", 2, 9.5), ("a", 3, 1.5), ("c", 1, 5.0)]
print(sorted(rows, key=op.itemgetter(1)), sorted(rows, key=op.itemgetter(2, 0)), op.itemgetter(0, 2)(rows[0]))
class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
    def greet(self, greeting):
        return f"{greeting} {self.name}"
ps = [P("x", 3), P("y", 1)]
print([p.name for p in sorted(ps, key=op.attrgetter("age"))], op.methodcaller("greet", "hi")(ps[0]))
print(list(map(op.mul, [1, 2, 3], [4, 5, 6])), op.index(7), op.concat([1], [2]))
lst = [1, 2, 3]
op.setitem(lst, 0, 9)
op.delitem(lst, 1)
print(lst, op.iadd([1], [2]), op.truth([]))
