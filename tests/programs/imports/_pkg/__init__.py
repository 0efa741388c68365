# Support package for imports/* tests.
print("_pkg/__init__ executing, __name__ =", __name__)
from .core import add
from . import sub
VERSION = (1, 0)
