# Uncaught exception raised while handling another (implicit chaining).
try:
    {}["missing"]
except KeyError:
    print("handling KeyError")
    raise RuntimeError("failed while handling")
