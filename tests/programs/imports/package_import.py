# Importing a package and its submodules: import a.b, from a.b import c, relative imports inside.
import _pkg.core
print(_pkg.core.add(2, 3), _pkg.core.describe(), _pkg.VERSION, _pkg.add(1, 1))
import _pkg.sub.leaf
print(_pkg.sub.leaf.leaf_value())
from _pkg.sub import leaf
from _pkg.core import describe as d
print(leaf is _pkg.sub.leaf, d())
import _pkg as p
print(p is _pkg, p.__name__, p.sub.__name__, hasattr(p, "core"))
