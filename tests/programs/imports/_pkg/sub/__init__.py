# Support subpackage _pkg.sub.
print("_pkg.sub executing")
