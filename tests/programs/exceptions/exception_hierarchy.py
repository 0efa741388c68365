# Built-in exception hierarchy: catching via base classes, order of except clauses.
checks = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (KeyError, LookupError), (IndexError, LookupError), (UnboundLocalError, NameError),
    (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
    (FileNotFoundError, OSError), (StopIteration, Exception), (KeyboardInterrupt, Exception),
    (SystemExit, BaseException), (GeneratorExit, Exception), (UnicodeDecodeError, ValueError),
    (ModuleNotFoundError, ImportError), (IndentationError, SyntaxError), (TabError, IndentationError),
    (bool, int), (AssertionError, Exception),
]
for sub, base in checks:
    print(sub.__name__, base.__name__, issubclass(sub, base))
def which(exc):
    try:
        raise exc
    except KeyError:
        return "KeyError clause"
    except LookupError:
        return "LookupError clause"
    except ArithmeticError:
        return "ArithmeticError clause"
    except Exception:
        return "Exception clause"
for exc in [KeyError("a"), IndexError(), ZeroDivisionError(), ValueError(), OverflowError()]:
    print(type(exc).__name__, "->", which(exc))
try:
    raise ZeroDivisionError
except (ValueError, ArithmeticError) as e:
    print("tuple clause", type(e).__name__)
