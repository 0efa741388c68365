# test: full-stderr
# Carets in every traceback of an implicit and an explicit exception chain.
def parse(text):
    try:
        return int(text) * 2
    except ValueError as e:
        raise KeyError(text) from e


def handle(items):
    try:
        return [parse(t) for t in items]
    except KeyError:
        return {}["missing"]


print(handle(["1", "2"]))
handle(["3", "x"])
