# Various import forms of standard modules: import x, import x.y, from x import y as z, function-level import.
import os.path
import collections.abc
from collections import namedtuple as nt
import itertools, functools
def local_import():
    import math
    return math.sqrt(49)
print(os.path.join("a", "b", "c.txt"), os.path.splitext("file.tar.gz"), os.path.basename("/x/y/z.py"))
print(isinstance([], collections.abc.Sequence), isinstance({}, collections.abc.Mapping), issubclass(dict, collections.abc.MutableMapping))
print(nt("P", "a b")(1, 2), local_import(), list(itertools.repeat(1, 2)), functools.reduce(int.__add__, [1, 2, 3]))
import sys
print("math" in sys.modules, type(sys.modules).__name__)
