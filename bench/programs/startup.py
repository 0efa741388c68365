# Startup-dominated script: a little work (one small dict, one f-string) so process start-up is the cost.
from _bench import run


def workload(n):
    table = {i: i * i for i in range(n)}
    return f"sum={sum(table.values())} n={len(table)}"


run(workload, 100)
