# Kestrel: dataclasses -- CPython 3.11's @dataclass with the generated methods built from
# closures instead of exec(): __init__ binds its arguments by hand with CPython's TypeError
# messages; __repr__, __eq__, order methods, __hash__, frozen __setattr__/__delattr__,
# __match_args__, slots=True, field(), fields(), asdict(), astuple(), replace(),
# make_dataclass(), InitVar, KW_ONLY, ClassVar (when the typing module is loaded).
# The generated __init__ takes (self, *args, **kwargs), so inspect-style introspection of its
# signature differs; the class __doc__ is built like CPython's inspect.signature() text.

import sys
import copy
import keyword
import types
import itertools
import abc

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY', 'MISSING',
           'fields', 'asdict', 'astuple', 'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()

_EMPTY_METADATA = {}


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


def _recursive_repr(user_function):
    repr_running = set()

    def wrapper(self):
        key = id(self)
        if key in repr_running:
            return '...'
        repr_running.add(key)
        try:
            result = user_function(self)
        finally:
            repr_running.discard(key)
        return result
    wrapper.__name__ = user_function.__name__
    wrapper.__qualname__ = getattr(user_function, '__qualname__', user_function.__name__)
    wrapper.__doc__ = user_function.__doc__
    wrapper.__wrapped__ = user_function
    return wrapper


class InitVar:
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f'dataclasses.InitVar[{type_name}]'

    @classmethod  # implicit in CPython; explicit for Kestrel
    def __class_getitem__(cls, type):
        return InitVar(type)


class _MappingProxy:
    """Read-only view of a dict (types.MappingProxyType is not available)."""
    __slots__ = ('_m',)

    def __init__(self, m):
        self._m = m

    def __getitem__(self, k):
        return self._m[k]

    def __iter__(self):
        return iter(self._m)

    def __len__(self):
        return len(self._m)

    def __contains__(self, k):
        return k in self._m

    def get(self, k, default=None):
        return self._m.get(k, default)

    def keys(self):
        return self._m.keys()

    def values(self):
        return self._m.values()

    def items(self):
        return self._m.items()

    def copy(self):
        return dict(self._m)

    def __eq__(self, other):
        if isinstance(other, _MappingProxy):
            other = other._m
        return self._m == other

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._m,)


_EMPTY_METADATA = _MappingProxy({})


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init', 'compare',
                 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = (_EMPTY_METADATA if metadata is None else _MappingProxy(metadata))
        self.kw_only = kw_only
        self._field_type = None

    @_recursive_repr
    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r}'
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    """Return an object to identify dataclass fields."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _fields_in_init_order(fields):
    return (tuple(f for f in fields if f.init and not f.kw_only),
            tuple(f for f in fields if f.init and f.kw_only))


# ---- generated methods (closures) --------------------------------------------------------

def _name_list(names):
    names = ["'%s'" % n for n in names]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return '%s and %s' % (names[0], names[1])
    return ', '.join(names[:-1]) + ', and ' + names[-1]


def _init_fn(cls, fields, std_fields, kw_only_fields, frozen, has_post_init, slots):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')

    pos_names = tuple(f.name for f in std_fields)
    kw_names = tuple(f.name for f in kw_only_fields)
    all_names = frozenset(pos_names + kw_names)
    defaults = {}
    for f in std_fields + kw_only_fields:
        if f.default is not MISSING:
            defaults[f.name] = f.default
        elif f.default_factory is not MISSING:
            defaults[f.name] = _HAS_DEFAULT_FACTORY
    n_pos_defaults = sum(1 for n in pos_names if n in defaults)
    # The body: (name, kind, payload) per assignment, in field order.
    steps = []
    for f in fields:
        if f._field_type is _FIELD_INITVAR:
            continue
        if f.default_factory is not MISSING:
            steps.append((f.name, 1 if f.init else 2, f.default_factory))
        elif f.init:
            steps.append((f.name, 0, None))
        elif slots and f.default is not MISSING:
            steps.append((f.name, 3, f.default))
    initvar_names = tuple(f.name for f in fields if f._field_type is _FIELD_INITVAR)
    setter = object.__setattr__ if frozen else setattr
    qual = [cls.__qualname__ + '.__init__']

    def __init__(self, *args, **kwargs):
        nargs = len(args)
        values = {}
        for i in range(min(nargs, len(pos_names))):
            values[pos_names[i]] = args[i]
        for k in kwargs:
            if k not in all_names:
                raise TypeError(f"{qual[0]}() got an unexpected keyword argument '{k}'")
            if k in values:
                raise TypeError(f"{qual[0]}() got multiple values for argument '{k}'")
            values[k] = kwargs[k]
        if nargs > len(pos_names):
            co_argcount = len(pos_names) + 1
            if n_pos_defaults:
                sig = 'from %d to %d' % (co_argcount - n_pos_defaults, co_argcount)
                plural = True
            else:
                sig = '%d' % co_argcount
                plural = co_argcount != 1
            kwonly_given = sum(1 for k in kwargs if k in kw_names)
            given = nargs + 1
            if kwonly_given:
                kwonly_sig = ' positional argument%s (and %d keyword-only argument%s)' % (
                    's' if given != 1 else '', kwonly_given, 's' if kwonly_given != 1 else '')
            else:
                kwonly_sig = ''
            raise TypeError('%s() takes %s positional argument%s but %d%s %s given' % (
                qual[0], sig, 's' if plural else '', given, kwonly_sig,
                'was' if given == 1 and not kwonly_given else 'were'))
        missing = [n for n in pos_names if n not in values and n not in defaults]
        if missing:
            raise TypeError('%s() missing %d required positional argument%s: %s' % (
                qual[0], len(missing), 's' if len(missing) != 1 else '', _name_list(missing)))
        missing = [n for n in kw_names if n not in values and n not in defaults]
        if missing:
            raise TypeError('%s() missing %d required keyword-only argument%s: %s' % (
                qual[0], len(missing), 's' if len(missing) != 1 else '', _name_list(missing)))
        for name, kind, payload in steps:
            if kind == 0:
                value = values[name] if name in values else defaults[name]
            elif kind == 1:
                value = values.get(name, _HAS_DEFAULT_FACTORY)
                if value is _HAS_DEFAULT_FACTORY:
                    value = payload()
            elif kind == 2:
                value = payload()
            else:
                value = payload
            setter(self, name, value)
        if has_post_init:
            self.__post_init__(*[values[n] if n in values else defaults[n] for n in initvar_names])
    __init__._dataclass_qual = qual
    return __init__


def _repr_fn(fields):
    names = tuple(f.name for f in fields)

    def __repr__(self):
        return (self.__class__.__qualname__ + '(' +
                ', '.join(['%s=%r' % (n, getattr(self, n)) for n in names]) + ')')
    return _recursive_repr(__repr__)


def _tuple_of(names):
    def get(obj):
        return tuple([getattr(obj, n) for n in names])
    return get


def _cmp_fn(name, op, names):
    get = _tuple_of(names)
    if op == '==':
        def f(self, other):
            if other.__class__ is self.__class__:
                return get(self) == get(other)
            return NotImplemented
    elif op == '<':
        def f(self, other):
            if other.__class__ is self.__class__:
                return get(self) < get(other)
            return NotImplemented
    elif op == '<=':
        def f(self, other):
            if other.__class__ is self.__class__:
                return get(self) <= get(other)
            return NotImplemented
    elif op == '>':
        def f(self, other):
            if other.__class__ is self.__class__:
                return get(self) > get(other)
            return NotImplemented
    else:
        def f(self, other):
            if other.__class__ is self.__class__:
                return get(self) >= get(other)
            return NotImplemented
    f.__name__ = name
    return f


def _hash_fn(fields):
    get = _tuple_of(tuple(f.name for f in fields))

    def __hash__(self):
        return hash(get(self))
    return __hash__


def _frozen_get_del_attr(cls, fields):
    names = tuple(f.name for f in fields)

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        super(cls, self).__delattr__(name)
    return __setattr__, __delattr__


# ---- field discovery ---------------------------------------------------------------------

def _is_classvar(a_type, typing):
    return (a_type is typing.ClassVar
            or (type(a_type) is getattr(typing, '_GenericAlias', None)
                and a_type.__origin__ is typing.ClassVar))


def _is_initvar(a_type, dataclasses):
    return a_type is dataclasses.InitVar or type(a_type) is dataclasses.InitVar


def _is_kw_only(a_type, dataclasses):
    return a_type is dataclasses.KW_ONLY


def _match_module_identifier(s):
    """CPython's _MODULE_IDENTIFIER_RE = r'^(?:\\s*(\\w+)\\s*\\.)?\\s*(\\w+)': (module, name)."""
    def word(i):
        j = i
        while j < len(s) and (s[j].isalnum() or s[j] == '_'):
            j += 1
        return j

    def spaces(i):
        while i < len(s) and s[i].isspace():
            i += 1
        return i
    i = spaces(0)
    j = word(i)
    if j > i:
        k = spaces(j)
        if k < len(s) and s[k] == '.':
            m = spaces(k + 1)
            e = word(m)
            if e > m:
                return s[i:j], s[m:e]
        return None, s[i:j]
    return None


def _is_type(annotation, cls, a_module, a_type, is_type_predicate):
    match = _match_module_identifier(annotation)
    if match:
        ns = None
        module_name = match[0]
        mod = sys.modules.get(cls.__module__)
        if not module_name:
            ns = mod.__dict__ if mod is not None else None
        else:
            if mod and mod.__dict__.get(module_name) is a_module:
                ns = mod.__dict__
        if ns and is_type_predicate(ns.get(match[1]), a_module):
            return True
    return False


def _is_unhashable_type(t):
    # CPython: t.__hash__ is None (Kestrel's list/dict/set do not report __hash__ = None yet).
    if t.__hash__ is None:
        return True
    for k in t.__mro__:
        if '__hash__' in k.__dict__:
            return k.__dict__['__hash__'] is None
        if k is list or k is dict or k is set or k is bytearray:
            return True
    return False


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if type(default).__name__ == 'member_descriptor':
            default = MISSING
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    typing = sys.modules.get('typing')
    if typing:
        if (_is_classvar(a_type, typing)
                or (isinstance(f.type, str)
                    and _is_type(f.type, cls, typing, typing.ClassVar, _is_classvar))):
            f._field_type = _FIELD_CLASSVAR
    if f._field_type is _FIELD:
        dataclasses = _THIS_MODULE
        if (_is_initvar(a_type, dataclasses)
                or (isinstance(f.type, str)
                    and _is_type(f.type, cls, dataclasses, dataclasses.InitVar, _is_initvar))):
            f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError(f'field {f.name} is a ClassVar but specifies kw_only')
    if f._field_type is _FIELD and _is_unhashable_type(f.default.__class__):
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f


def _set_qualname(cls, value):
    if isinstance(value, types.FunctionType):
        value.__qualname__ = f'{cls.__qualname__}.{value.__name__}'
    return value


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    _set_qualname(cls, value)
    setattr(cls, name, value)
    return False


def _hash_set_none(cls, fields):
    return None


def _hash_add(cls, fields):
    flds = [f for f in fields if (f.compare if f.hash is None else f.hash)]
    return _set_qualname(cls, _hash_fn(flds))


def _hash_exception(cls, fields):
    raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')


_hash_action = {(False, False, False, False): None,
                (False, False, False, True): None,
                (False, False, True, False): None,
                (False, False, True, True): None,
                (False, True, False, False): _hash_set_none,
                (False, True, False, True): None,
                (False, True, True, False): _hash_add,
                (False, True, True, True): None,
                (True, False, False, False): _hash_add,
                (True, False, False, True): _hash_exception,
                (True, False, True, False): _hash_add,
                (True, False, True, True): _hash_exception,
                (True, True, False, False): _hash_add,
                (True, True, False, True): _hash_exception,
                (True, True, True, False): _hash_add,
                (True, True, True, True): _hash_exception}


def _format_annotation(annotation):
    # inspect.formatannotation
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, type):
        if annotation.__module__ == 'builtins':
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


def _signature_text(std_fields, kw_only_fields):
    parts = []
    for f in std_fields:
        parts.append(_param_text(f))
    if kw_only_fields:
        parts.append('*')
        for f in kw_only_fields:
            parts.append(_param_text(f))
    return '(' + ', '.join(parts) + ')'


def _param_text(f):
    text = f.name + ': ' + _format_annotation(f.type)
    if f.default is not MISSING:
        text += ' = ' + repr(f.default)
    elif f.default_factory is not MISSING:
        text += ' = <factory>'
    return text


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots,
                   weakref_slot):
    fields = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True

    cls_annotations = cls.__dict__.get('__annotations__', {})

    cls_fields = []
    KW_ONLY_seen = False
    dataclasses = _THIS_MODULE
    for name, type_ in cls_annotations.items():
        if (_is_kw_only(type_, dataclasses)
                or (isinstance(type_, str)
                    and _is_type(type_, cls, dataclasses, dataclasses.KW_ONLY, _is_kw_only))):
            if KW_ONLY_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has already been specified')
            KW_ONLY_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, type_, kw_only))

    for f in cls_fields:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    setattr(cls, _FIELDS, fields)

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields, kw_only_init_fields = _fields_in_init_order(all_init_fields)

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        _set_new_attribute(cls, '__init__',
                           _init_fn(cls, all_init_fields, std_init_fields, kw_only_init_fields,
                                    frozen, has_post_init, slots))

    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if repr:
        flds = [f for f in field_list if f.repr]
        _set_new_attribute(cls, '__repr__', _repr_fn(flds))

    if eq:
        names = tuple(f.name for f in field_list if f.compare)
        _set_new_attribute(cls, '__eq__', _cmp_fn('__eq__', '==', names))

    if order:
        names = tuple(f.name for f in field_list if f.compare)
        for name, op in [('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')]:
            if _set_new_attribute(cls, name, _cmp_fn(name, op, names)):
                raise TypeError(f'Cannot overwrite attribute {name} '
                                f'in class {cls.__name__}. Consider using '
                                'functools.total_ordering')

    if frozen:
        for fn in _frozen_get_del_attr(cls, field_list):
            if _set_new_attribute(cls, fn.__name__, fn):
                raise TypeError(f'Cannot overwrite attribute {fn.__name__} '
                                f'in class {cls.__name__}')

    hash_action = _hash_action[bool(unsafe_hash), bool(eq), bool(frozen), has_explicit_hash]
    if hash_action:
        cls.__hash__ = hash_action(cls, field_list)

    if not getattr(cls, '__doc__'):
        try:
            cls.__doc__ = cls.__name__ + _signature_text(std_init_fields, kw_only_init_fields)
        except AttributeError:
            pass  # Kestrel: class __doc__ is not writable yet

    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in std_init_fields))

    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)

    abc.update_abstractmethods(cls)
    return cls


def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _dataclass_setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def _get_slots(cls):
    slots = cls.__dict__.get('__slots__')
    if slots is None:
        return ()
    if isinstance(slots, str):
        return (slots,)
    if not hasattr(slots, '__next__'):
        return tuple(slots)
    raise TypeError(f"Slots of '{cls.__name__}' cannot be determined")


def _add_slots(cls, is_frozen, weakref_slot):
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited_slots = set()
    for b in cls.__mro__[1:-1]:
        inherited_slots.update(_get_slots(b))
    cls_dict['__slots__'] = tuple(
        n for n in field_names + (('__weakref__',) if weakref_slot else ())
        if n not in inherited_slots)
    for field_name in field_names:
        cls_dict.pop(field_name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    if qualname is not None:
        cls_dict['__qualname__'] = qualname  # (Kestrel: a class's __qualname__ is read-only)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    init = cls.__dict__.get('__init__')
    qual = getattr(init, '_dataclass_qual', None)
    if qual is not None:
        qual[0] = cls.__qualname__ + '.__init__'
    if is_frozen:
        cls.__getstate__ = _dataclass_getstate
        cls.__setstate__ = _dataclass_setstate
    return cls


_THIS_MODULE = sys.modules[__name__]


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Add dunder methods based on the fields defined in the class."""
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only, slots, weakref_slot)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """Return a tuple describing the fields of this dataclass."""
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Returns True if obj is a dataclass or an instance of a dataclass."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """Return the fields of a dataclass instance as a new dictionary."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            value = _asdict_inner(getattr(obj, f.name), dict_factory)
            result.append((f.name, value))
        return dict_factory(result)
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    else:
        return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """Return the fields of a dataclass instance as a new tuple of field values."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            value = _astuple_inner(getattr(obj, f.name), tuple_factory)
            result.append(value)
        return tuple_factory(result)
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    else:
        return copy.deepcopy(obj)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True, eq=True,
                   order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
                   slots=False, weakref_slot=False):
    """Return a new dynamically created dataclass."""
    if namespace is None:
        namespace = {}
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = 'typing.Any'
        elif len(item) == 2:
            name, tp, = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f'Invalid field: {item!r}')
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        if keyword.iskeyword(name):
            raise TypeError(f'Field names must not be keywords: {name!r}')
        if name in seen:
            raise TypeError(f'Field name duplicated: {name!r}')
        seen.add(name)
        annotations[name] = tp
    ns = {}
    ns.update(namespace)
    ns.update(defaults)
    ns['__annotations__'] = annotations
    ns.setdefault('__qualname__', cls_name)
    cls = type(cls_name, tuple(bases), ns)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """Return a new object replacing specified fields with new values."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with '
                                 'init=False, it cannot be specified with '
                                 'replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
