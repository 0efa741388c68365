# Kestrel: abc -- minimal abstract base classes without metaclasses: ABCMeta is type;
# ABC subclasses with unimplemented @abstractmethods refuse instantiation like CPython.

__all__ = ['ABC', 'ABCMeta', 'abstractmethod', 'abstractclassmethod',
           'abstractstaticmethod', 'abstractproperty', 'get_cache_token']

ABCMeta = type


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


def get_cache_token():
    return 0


_abstract_cache = {}


def _abstract_methods(cls):
    names = _abstract_cache.get(cls)
    if names is None:
        found = set()
        for klass in cls.__mro__:
            for name in klass.__dict__:
                if name in found:
                    continue
                value = getattr(cls, name, None)
                if getattr(value, '__isabstractmethod__', False):
                    found.add(name)
        names = _abstract_cache[cls] = sorted(found)
    return names


def update_abstractmethods(cls):
    _abstract_cache.pop(cls, None)
    return cls


class ABC:
    """Helper base class: subclasses with abstract methods cannot be instantiated."""

    def __new__(cls, *args, **kwargs):
        names = _abstract_methods(cls)
        if names:
            s = 's' if len(names) > 1 else ''
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} "
                            f"with abstract method{s} {', '.join(names)}")
        return super().__new__(cls)

    @classmethod
    def register(cls, subclass):
        return subclass
