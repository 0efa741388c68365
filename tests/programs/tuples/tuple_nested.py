# Nested tuples, tuple repr of singletons, tuple() from iterators and comparison of nested.
t = ((1, 2), (3, (4, 5)), ())
print(t, t[1][1][0], len(t[2]), ((),), (((1,),),))
print(sorted([(2, (1, "b")), (1, (2, "a")), (2, (0, "c"))]))
print(tuple(x for x in t if x), tuple(map(len, t)))
print((1, 2) + (), () + (), (1,) * 0, ("a",) * 2)
print(repr((1,)), repr(("s",)), str(((),)), repr((None, True)))
