# from-imports: names, aliases, star imports honouring __all__, and ImportError for missing names.
from _helper_mod import double, CONSTANT as C, Greeter
from _star_mod import *
print(double(5), C, Greeter("x").greet())
print(public_a, public_b)
try:
    not_listed
except NameError as e:
    print("NameError:", e)
try:
    public_fn
except NameError as e:
    print("NameError:", e)
try:
    from _helper_mod import does_not_exist
except ImportError as e:
    print("ImportError:", type(e).__name__, e.name)
try:
    import _no_such_module_here
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
from math import gcd, inf as INF
print(gcd(12, 8), INF)
