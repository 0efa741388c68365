# test: full-stderr
# A failing decorator is reported at its own line (CPython calls each decorator at its position).
def register(func):
    registry[func.__name__] = func
    return func


def traced(func):
    return func


@traced
@register
def handler():
    return 1
