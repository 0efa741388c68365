# if/elif/else chains and nested conditionals.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        if n > 100:
            return "big even"
        return "even"
    else:
        return "odd"
for n in [-5, 0, 4, 7, 200, 201]:
    print(n, classify(n))
for i in range(1, 16):
    if i % 15 == 0:
        print("FizzBuzz")
    elif i % 3 == 0:
        print("Fizz")
    elif i % 5 == 0:
        print("Buzz")
    else:
        print(i)
x = []
if x:
    print("non-empty")
else:
    print("empty")
