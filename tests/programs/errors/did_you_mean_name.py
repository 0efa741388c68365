# NameError for a misspelt name: CPython 3.11 appends ". Did you mean: 'x'?" (locals, then globals, then builtins).
total_count = 0


def tally(values):
    running_total = 0
    for v in values:
        running_total += v
    return runing_total + total_count


print(tally([1, 2]))
