# Kestrel GC crash reproducer (not a test): `build/kestrel tests/lib/repro/gc_crash_main.py`
# segfaults in Heap::collect -> heap_trace -> trace_instance_attrs -> Tracer::mark at the first
# collection inside run(); CPython prints "[]" and then a NameError for 'rs' (the body after the
# first out() never runs: only its compiled presence matters). Pasting gc_crash_mod.py into this
# file instead of importing it does not crash; nor does passing another module than contextlib.
import sys
sys.path.insert(0, __file__.rpartition('/')[0] or '.')
import contextlib
import gc_crash_mod


def out(s):
    print(s, flush=True)
    x = [str(i) for i in range(100000)]


gc_crash_mod.run(contextlib, out)
