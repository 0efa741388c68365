# Custom exception hierarchies with extra attributes, __str__ overrides and args.
class ValidationError(Exception):
    def __init__(self, field, msg):
        super().__init__(field, msg)
        self.field = field
        self.msg = msg
    def __str__(self):
        return f"{self.field}: {self.msg}"
class RangeError(ValidationError):
    pass
def validate(age):
    if not isinstance(age, int):
        raise ValidationError("age", "must be int")
    if not 0 <= age <= 150:
        raise RangeError("age", f"{age} out of range")
    return age
for v in [30, "x", 200]:
    try:
        print("valid", validate(v))
    except RangeError as e:
        print("RangeError", e, e.args, e.field)
    except ValidationError as e:
        print("ValidationError", e, repr(e))
class Simple(Exception):
    pass
print(repr(Simple()), repr(Simple("a")), repr(Simple("a", 2)), str(Simple()), str(Simple("a")), str(Simple("a", 2)))
print(issubclass(RangeError, Exception), issubclass(RangeError, BaseException), RangeError.__mro__[2].__name__)
class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
try:
    raise WithDefault
except WithDefault as e:
    print("caught", e)
