# SystemExit raised from nested calls and passing through finally blocks.
import sys
def inner():
    try:
        sys.exit(7)
    finally:
        print("inner finally")
def outer():
    try:
        inner()
    finally:
        print("outer finally")
outer()
