# Benchmark kernel (small size): naive recursive fib(20), plus call counting.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(20))
calls = 0
def fib_counted(n):
    global calls
    calls += 1
    return n if n < 2 else fib_counted(n - 1) + fib_counted(n - 2)
print(fib_counted(20), calls)
print([fib(i) for i in range(21)])
