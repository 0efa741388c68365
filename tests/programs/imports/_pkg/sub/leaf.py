# Support module _pkg.sub.leaf using a relative import from the parent package.
from ..core import add
from .. import VERSION
def leaf_value():
    return add(40, 2), VERSION, __name__
