# Support module exercising __all__ for star imports.
__all__ = ["public_a", "public_b"]
public_a = "A"
public_b = "B"
not_listed = "C"
def public_fn():
    return "fn"
