# Importing a helper module from the test's own directory: attributes, module caching, state.
import sys
import _helper_mod
print(_helper_mod.CONSTANT, _helper_mod.double(21), _helper_mod.Greeter("kestrel").greet())
print(_helper_mod.bump(), _helper_mod.bump())
import _helper_mod as again
print(again is _helper_mod, again.counter, "_helper_mod" in sys.modules)
print(_helper_mod.__name__, type(_helper_mod).__name__, _helper_mod._private)
print(__name__)
