# Kestrel: decimal -- decimal floating point following the General Decimal Arithmetic
# specification, as CPython 3.11's decimal module shows it. A value is (sign, coefficient,
# exponent) with Python ints; every operation is computed exactly and then rounded once to
# the context precision (** follows libmpdec's algorithm, whose results CPython prints).
# Provided: construction from str, int, float (exact), tuples; + - * / // % divmod,
# integral **, sqrt, comparisons (also with int and float), hashing equal to int/float
# hashes, quantize, normalize, round, to_integral_value, as_tuple, format() with f/e/g/%
# types, contexts (prec, rounding, traps for InvalidOperation/DivisionByZero) with
# getcontext/setcontext/localcontext.
# Not provided (NotImplementedError): exp, ln, log10, non-integral powers, the logical and
# fused operations; flags are not recorded and Emin/Emax/clamp are not enforced.

import math as _math
from collections import namedtuple as _namedtuple

__all__ = ['Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext',
           'ExtendedContext', 'DecimalException', 'Clamped', 'InvalidOperation',
           'DivisionByZero', 'Inexact', 'Rounded', 'Subnormal', 'Overflow', 'Underflow',
           'FloatOperation', 'DivisionImpossible', 'DivisionUndefined', 'ConversionSyntax',
           'InvalidContext', 'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_CEILING',
           'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP', 'setcontext',
           'getcontext', 'localcontext', 'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY',
           'HAVE_THREADS', 'HAVE_CONTEXTVAR']

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR,
              ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP)


# ------------------------------------------------------------------ signals

class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


for _cls in (DecimalException, Clamped, InvalidOperation, ConversionSyntax, DivisionByZero,
             DivisionImpossible, DivisionUndefined, Inexact, InvalidContext, Rounded,
             Subnormal, Overflow, Underflow, FloatOperation):
    _cls.__module__ = 'decimal'
del _cls

_SIGNALS = [Clamped, DivisionByZero, Inexact, Overflow, Rounded, Underflow, InvalidOperation,
            Subnormal, FloatOperation]


def _signal(context, condition, signal):
    """Raise `condition` (reported as C decimal does) if `signal` is trapped."""
    if context.traps.get(signal):
        raise signal([condition])


DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')


# ------------------------------------------------------------------ contexts

class Context(object):
    """Precision, rounding and trap settings for arithmetic."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None):
        dc = DefaultContext if '_default_ready' in globals() else None
        self.prec = prec if prec is not None else (dc.prec if dc else 28)
        self.rounding = rounding if rounding is not None else (dc.rounding if dc else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (dc.Emin if dc else -999999)
        self.Emax = Emax if Emax is not None else (dc.Emax if dc else 999999)
        self.capitals = capitals if capitals is not None else 1
        self.clamp = clamp if clamp is not None else 0
        if traps is None:
            traps = dict(dc.traps) if dc else {s: s in (InvalidOperation, DivisionByZero, Overflow)
                                              for s in _SIGNALS}
        elif not isinstance(traps, dict):
            traps = {s: s in traps for s in _SIGNALS}
        self.traps = traps
        if flags is None:
            flags = {s: False for s in _SIGNALS}
        elif not isinstance(flags, dict):
            flags = {s: s in flags for s in _SIGNALS}
        self.flags = flags

    def __setattr__(self, name, value):
        if name == 'prec':
            if not isinstance(value, int):
                raise TypeError("valid values for prec are [1, MAX_PREC]")
            if not 1 <= value <= MAX_PREC:
                raise ValueError("valid range for prec is [1, MAX_PREC]")
        elif name == 'rounding':
            if value not in _ROUNDINGS:
                raise TypeError("valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, "
                                "ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, "
                                "ROUND_HALF_EVEN,\n   ROUND_05UP]")
        object.__setattr__(self, name, value)

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                       self.clamp, dict(self.flags), dict(self.traps))

    __copy__ = copy

    def clear_flags(self):
        for s in self.flags:
            self.flags[s] = False

    def clear_traps(self):
        for s in self.traps:
            self.traps[s] = False

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def create_decimal(self, num='0'):
        return Decimal(num)._fix(self)

    def create_decimal_from_float(self, f):
        return Decimal.from_float(f)._fix(self)

    def __repr__(self):
        flags = ', '.join(s.__name__ for s in _SIGNALS if self.flags.get(s))
        traps = ', '.join(s.__name__ for s in (InvalidOperation, DivisionByZero, Overflow)
                          if self.traps.get(s))
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, '
                'flags=[%s], traps=[%s])' % (self.prec, self.rounding, self.Emin, self.Emax,
                                             self.capitals, self.clamp, flags, traps))

    # Operations as context methods.
    def abs(self, a):
        return _convert(a, True).__abs__(context=self)

    def add(self, a, b):
        return _convert(a, True).__add__(b, context=self)

    def subtract(self, a, b):
        return _convert(a, True).__sub__(b, context=self)

    def multiply(self, a, b):
        return _convert(a, True).__mul__(b, context=self)

    def divide(self, a, b):
        return _convert(a, True).__truediv__(b, context=self)

    def divide_int(self, a, b):
        return _convert(a, True).__floordiv__(b, context=self)

    def remainder(self, a, b):
        return _convert(a, True).__mod__(b, context=self)

    def power(self, a, b, modulo=None):
        return _convert(a, True).__pow__(b, modulo, context=self)

    def sqrt(self, a):
        return _convert(a, True).sqrt(context=self)

    def quantize(self, a, b):
        return _convert(a, True).quantize(b, context=self)

    def normalize(self, a):
        return _convert(a, True).normalize(context=self)

    def plus(self, a):
        return _convert(a, True).__pos__(context=self)

    def minus(self, a):
        return _convert(a, True).__neg__(context=self)

    def compare(self, a, b):
        return _convert(a, True).compare(b, context=self)

    def to_integral_value(self, a):
        return _convert(a, True).to_integral_value(context=self)

    to_integral = to_integral_value


DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         capitals=1, clamp=0)
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[DivisionByZero, Overflow, InvalidOperation, Clamped, Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])
_default_ready = True
_current_context = None


def getcontext():
    """The current (thread's) context, created from DefaultContext on first use."""
    global _current_context
    if _current_context is None:
        _current_context = DefaultContext.copy()
    return _current_context


def setcontext(context):
    global _current_context
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _current_context = context


class _ContextManager(object):
    def __init__(self, new_context):
        self.new_context = new_context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    """A context manager running its block with a copy of ctx (default: the current context)."""
    manager = _ContextManager(ctx if ctx is not None else getcontext())
    for key, value in kwargs.items():
        if not hasattr(manager.new_context, key):
            raise TypeError(f"'{key}' is an invalid keyword argument for this function")
        setattr(manager.new_context, key, value)
    return manager


# ------------------------------------------------------------------ rounding helpers

def _ndigits(n):
    return len(str(n)) if n else 1


def _round_increment(sign, kept, dropped, half, rounding):
    """Whether rounding away `dropped` (0 <= dropped < 2*half) from coefficient `kept`
    increments it."""
    if dropped == 0:
        return False
    if rounding == ROUND_DOWN:
        return False
    if rounding == ROUND_UP:
        return True
    if rounding == ROUND_CEILING:
        return sign == 0
    if rounding == ROUND_FLOOR:
        return sign == 1
    if rounding == ROUND_HALF_UP:
        return dropped >= half
    if rounding == ROUND_HALF_DOWN:
        return dropped > half
    if rounding == ROUND_HALF_EVEN:
        return dropped > half or (dropped == half and kept % 2 == 1)
    # ROUND_05UP: away from zero only if the kept last digit is 0 or 5.
    return kept % 5 == 0


def _shift_round(sign, coef, drop, rounding):
    """coef / 10**drop rounded with `rounding` (drop >= 1)."""
    unit = 10 ** drop
    kept, dropped = divmod(coef, unit)
    if _round_increment(sign, kept, dropped, unit // 2 if drop else 0, rounding):
        kept += 1
    return kept


def _convert(other, raise_error=False):
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if raise_error:
        raise TypeError("conversion from %s to Decimal is not supported" % type(other).__name__)
    return NotImplemented


def _from_rational(sign, num, den, prec, rounding, ideal_exp):
    """The Decimal nearest num/den (num >= 0, den > 0) with at most `prec` digits, using the
    exponent closest to ideal_exp when the quotient is exact."""
    if num == 0:
        return _dec(sign, 0, ideal_exp)
    # Choose exp so that the integer quotient has prec digits (or more), then round.
    exp = _ndigits(num) - _ndigits(den) - prec - 1
    while True:
        if exp >= 0:
            q, r = divmod(num, den * 10 ** exp)
        else:
            q, r = divmod(num * 10 ** -exp, den)
        if _ndigits(q) > prec:
            break
        exp -= 1
    if r == 0:
        # Exact: strip zeros toward the ideal exponent.
        while exp < ideal_exp and q % 10 == 0:
            q //= 10
            exp += 1
        if _ndigits(q) <= prec:
            return _dec(sign, q, exp)
    # Round q (plus a sticky bit for the remainder) to prec digits.
    drop = _ndigits(q) - prec
    q = q * 10 + (1 if r else 0)
    drop += 1
    kept = _shift_round(sign, q, drop, rounding)
    exp += drop - 1
    if _ndigits(kept) > prec:
        kept //= 10
        exp += 1
    return _dec(sign, kept, exp)


def _dec(sign, coef, exp, special=None):
    d = object.__new__(Decimal)
    d._sign = sign
    d._coef = coef
    d._exp = exp
    d._special = special
    return d


def _parse(text):
    # As libmpdec: surrounding whitespace and all underscores are ignored, and any
    # Unicode decimal digit counts as its ASCII digit.
    s = ''.join(str(int(c)) if c.isdecimal() and not c.isascii() else c
                for c in text.strip()).replace('_', '')
    sign = 0
    if s and s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    low = s.lower()
    if low in ('inf', 'infinity'):
        return _dec(sign, 0, 0, 'F')
    for prefix, kind in (('snan', 'N'), ('nan', 'n')):
        if low.startswith(prefix):
            payload = low[len(prefix):]
            if payload and not payload.isdigit():
                return None
            return _dec(sign, int(payload) if payload else 0, 0, kind)
    mantissa, exp = s, 0
    epos = max(s.find('e'), s.find('E'))
    if epos >= 0:
        mantissa, exp_text = s[:epos], s[epos + 1:]
        body = exp_text[1:] if exp_text[:1] in '+-' else exp_text
        if not body.isdigit() or not body.isascii():
            return None
        exp = int(exp_text)
    intpart, dot, frac = mantissa.partition('.')
    digits = intpart + frac
    if not digits or not digits.isdigit() or not digits.isascii() or '.' in frac:
        return None
    return _dec(sign, int(digits), exp - len(frac))


# ------------------------------------------------------------------ Decimal

class Decimal(object):
    """Floating-point decimal number: sign, integer coefficient, exponent."""
    __slots__ = ('_sign', '_coef', '_exp', '_special')

    def __new__(cls, value="0", context=None):
        if isinstance(value, Decimal):
            d = _dec(value._sign, value._coef, value._exp, value._special)
        elif isinstance(value, str):
            d = _parse(value)
            if d is None:
                ctx = context if context is not None else getcontext()
                _signal(ctx, ConversionSyntax, InvalidOperation)
                d = _dec(0, 0, 0, 'n')
        elif isinstance(value, int):
            d = _dec(1 if value < 0 else 0, abs(value), 0)
        elif isinstance(value, float):
            d = Decimal.from_float(value)
        elif isinstance(value, (tuple, list)):
            if len(value) != 3:
                raise ValueError("argument must be a sequence of length 3")
            sign, digits, exp = value
            if sign not in (0, 1):
                raise ValueError("sign must be an integer with the value 0 or 1")
            coef = 0
            for digit in digits:
                if not isinstance(digit, int) or not 0 <= digit <= 9:
                    raise ValueError("coefficient must be a tuple of digits")
                coef = coef * 10 + digit
            if exp in ('F', 'n', 'N'):
                d = _dec(sign, 0 if exp == 'F' else coef, 0, exp)
            elif isinstance(exp, int):
                d = _dec(sign, coef, exp)
            else:
                raise ValueError("exponent must be an integer")
        else:
            raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)
        if cls is not Decimal:
            obj = object.__new__(cls)
            obj._sign, obj._coef, obj._exp, obj._special = d._sign, d._coef, d._exp, d._special
            return obj
        return d

    @classmethod
    def from_float(cls, f):
        """The exact value of a float (or int) as a Decimal."""
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("argument must be int or float")
        if _math.isinf(f):
            d = _dec(1 if f < 0 else 0, 0, 0, 'F')
        elif _math.isnan(f):
            d = _dec(0, 0, 0, 'n')
        else:
            sign = 1 if _math.copysign(1.0, f) < 0 else 0
            n, den = abs(f).as_integer_ratio()
            k = den.bit_length() - 1
            d = _dec(sign, n * 5 ** k, -k)
        return d if cls is Decimal else cls(d)

    # -------------------------------------------------------------- predicates

    def is_nan(self):
        return self._special in ('n', 'N')

    def is_qnan(self):
        return self._special == 'n'

    def is_snan(self):
        return self._special == 'N'

    def is_infinite(self):
        return self._special == 'F'

    def is_finite(self):
        return self._special is None

    def is_zero(self):
        return self._special is None and self._coef == 0

    def is_signed(self):
        return self._sign == 1

    def is_canonical(self):
        return True

    def adjusted(self):
        return self._exp + _ndigits(self._coef) - 1 if self._special is None else 0

    def as_tuple(self):
        digits = tuple(int(c) for c in str(self._coef)) if (self._coef or self._special is None) else ()
        if self._special == 'F':
            digits = (0,)
        exp = self._special if self._special else self._exp
        return DecimalTuple(self._sign, digits, exp)

    def as_integer_ratio(self):
        if self._special == 'F':
            raise OverflowError("cannot convert Infinity to integer ratio")
        if self._special:
            raise ValueError("cannot convert NaN to integer ratio")
        if self._exp >= 0:
            n, d = self._coef * 10 ** self._exp, 1
        else:
            n, d = self._coef, 10 ** -self._exp
            g = _math.gcd(n, d)
            n, d = n // g, d // g
        return (-n if self._sign else n), d

    def canonical(self):
        return self

    # -------------------------------------------------------------- rounding to a context

    def _fix(self, context):
        """Round to the context's precision (no Emin/Emax handling)."""
        if self._special:
            return self
        nd = _ndigits(self._coef)
        if nd <= context.prec:
            return self
        drop = nd - context.prec
        kept = _shift_round(self._sign, self._coef, drop, context.rounding)
        exp = self._exp + drop
        if _ndigits(kept) > context.prec:
            kept //= 10
            exp += 1
        return _dec(self._sign, kept, exp)

    def _nan_result(self, other=None, context=None):
        """The NaN an operation on a NaN operand returns (sNaN signals), or None."""
        for d in (self, other):
            if d is not None and d._special == 'N':
                _signal(context or getcontext(), InvalidOperation, InvalidOperation)
                return _dec(d._sign, d._coef, 0, 'n')
        for d in (self, other):
            if d is not None and d._special == 'n':
                return d
        return None

    def _invalid(self, context):
        _signal(context, InvalidOperation, InvalidOperation)
        return _dec(0, 0, 0, 'n')

    # -------------------------------------------------------------- arithmetic

    def __add__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        nan = self._nan_result(other, ctx)
        if nan is not None:
            return nan
        if self._special == 'F' or other._special == 'F':
            if self._special == 'F' and other._special == 'F' and self._sign != other._sign:
                return self._invalid(ctx)
            return self if self._special == 'F' else other
        exp = min(self._exp, other._exp)
        a = self._coef * 10 ** (self._exp - exp) * (-1 if self._sign else 1)
        b = other._coef * 10 ** (other._exp - exp) * (-1 if other._sign else 1)
        total = a + b
        if total == 0:
            if self._sign == other._sign:
                sign = self._sign
            else:
                sign = 1 if ctx.rounding == ROUND_FLOOR else 0
            return _dec(sign, 0, exp)._fix(ctx)
        return _dec(1 if total < 0 else 0, abs(total), exp)._fix(ctx)

    __radd__ = __add__

    def __sub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        nan = self._nan_result(other, context)
        if nan is not None:
            return nan
        return self.__add__(other.copy_negate(), context=context)

    def __rsub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__sub__(self, context=context)

    def __mul__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        nan = self._nan_result(other, ctx)
        if nan is not None:
            return nan
        sign = self._sign ^ other._sign
        if self._special == 'F' or other._special == 'F':
            if self.is_zero() or other.is_zero():
                return self._invalid(ctx)
            return _dec(sign, 0, 0, 'F')
        return _dec(sign, self._coef * other._coef, self._exp + other._exp)._fix(ctx)

    __rmul__ = __mul__

    def __truediv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        nan = self._nan_result(other, ctx)
        if nan is not None:
            return nan
        sign = self._sign ^ other._sign
        if self._special == 'F':
            if other._special == 'F':
                return self._invalid(ctx)
            return _dec(sign, 0, 0, 'F')
        if other._special == 'F':
            return _dec(sign, 0, ctx.Etiny())
        if other._coef == 0:
            if self._coef == 0:
                _signal(ctx, DivisionUndefined, InvalidOperation)
                return _dec(0, 0, 0, 'n')
            _signal(ctx, DivisionByZero, DivisionByZero)
            return _dec(sign, 0, 0, 'F')
        ideal = self._exp - other._exp
        num, den = self._coef, other._coef
        if ideal >= 0:
            num *= 10 ** ideal
        else:
            den *= 10 ** -ideal
        return _from_rational(sign, num, den, ctx.prec, ctx.rounding, ideal)

    def __rtruediv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__truediv__(self, context=context)

    def _divmod(self, other, ctx):
        """(integer quotient, remainder) with truncation toward zero."""
        sign = self._sign ^ other._sign
        if other._coef == 0:
            if self._coef == 0:
                _signal(ctx, DivisionUndefined, InvalidOperation)
                return _dec(0, 0, 0, 'n'), _dec(0, 0, 0, 'n')
            _signal(ctx, DivisionByZero, DivisionByZero)
            return _dec(sign, 0, 0, 'F'), self._invalid(ctx)
        exp = min(self._exp, other._exp)
        a = self._coef * 10 ** (self._exp - exp)
        b = other._coef * 10 ** (other._exp - exp)
        q, r = divmod(a, b)
        if _ndigits(q) > ctx.prec:
            _signal(ctx, DivisionImpossible, InvalidOperation)
            return _dec(0, 0, 0, 'n'), _dec(0, 0, 0, 'n')
        return _dec(sign, q, 0), _dec(self._sign, r, exp)._fix(ctx)

    def __floordiv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        nan = self._nan_result(other, ctx)
        if nan is not None:
            return nan
        if self._special or other._special:
            raise NotImplementedError("Kestrel decimal: // with infinities")
        return self._divmod(other, ctx)[0]

    def __rfloordiv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__floordiv__(self, context=context)

    def __mod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        nan = self._nan_result(other, ctx)
        if nan is not None:
            return nan
        if self._special or other._special:
            raise NotImplementedError("Kestrel decimal: % with infinities")
        if other._coef == 0:  # x % 0 is invalid (x // 0 divides by zero)
            _signal(ctx, DivisionUndefined if self._coef == 0 else InvalidOperation, InvalidOperation)
            return _dec(0, 0, 0, 'n')
        return self._divmod(other, ctx)[1]

    def __rmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__mod__(self, context=context)

    def __divmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        nan = self._nan_result(other, ctx)
        if nan is not None:
            return nan, nan
        if self._special or other._special:
            raise NotImplementedError("Kestrel decimal: divmod with infinities")
        return self._divmod(other, ctx)

    def __rdivmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__divmod__(self, context=context)

    def __pow__(self, other, modulo=None, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        if modulo is not None:
            raise NotImplementedError("Kestrel decimal: three-argument pow")
        nan = self._nan_result(other, ctx)
        if nan is not None:
            return nan
        if self._special or other._special or not other._is_integral():
            raise NotImplementedError("Kestrel decimal: only finite ** integral powers")
        n = int(other)
        if n == 0:
            if self._coef == 0:
                return self._invalid(ctx)
            return _dec(0, 1, 0)
        sign = self._sign if n % 2 else 0
        if self._coef == 0:  # 0 ** n: zero (exponent 0) or infinity, no signal
            return _dec(sign, 0, 0, 'F' if n < 0 else None)
        # libmpdec's algorithm (its results are what CPython prints): binary
        # exponentiation, every product rounded half-even to prec + digits of the
        # exponent + 2, then one rounding to the context; a negative power first
        # takes 1/x at one more digit.
        work = Context(prec=ctx.prec + _ndigits(other._coef) + other._exp + 2,
                       rounding=ROUND_HALF_EVEN)
        base = _dec(0, self._coef, self._exp)
        m = n
        if n < 0:
            work.prec += 1
            base = _dec(0, 1, 0).__truediv__(base, context=work)
            m = -n
        result = base
        for bit in bin(m)[3:]:
            result = _dec(0, result._coef * result._coef, result._exp * 2)._fix(work)
            if bit == '1':
                result = _dec(0, result._coef * base._coef, result._exp + base._exp)._fix(work)
        return _dec(sign, result._coef, result._exp)._fix(ctx)

    def __rpow__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__pow__(self, context=context)

    def _is_integral(self):
        if self._special:
            return False
        return self._exp >= 0 or self._coef % 10 ** -self._exp == 0

    def __neg__(self, context=None):
        ctx = context if context is not None else getcontext()
        if self._special:
            return self._nan_result(None, ctx) or _dec(1 - self._sign, 0, 0, 'F')
        if self._coef == 0 and ctx.rounding != ROUND_FLOOR:
            return _dec(0, 0, self._exp)
        return _dec(1 - self._sign, self._coef, self._exp)._fix(ctx)

    def __pos__(self, context=None):
        ctx = context if context is not None else getcontext()
        if self._special:
            return self._nan_result(None, ctx) or self
        if self._coef == 0 and ctx.rounding != ROUND_FLOOR:
            return _dec(0, 0, self._exp)
        return self._fix(ctx)

    def __abs__(self, round=True, context=None):
        if self._sign:
            return self.__neg__(context=context)
        return self.__pos__(context=context)

    def copy_abs(self):
        return _dec(0, self._coef, self._exp, self._special)

    def copy_negate(self):
        return _dec(1 - self._sign, self._coef, self._exp, self._special)

    def copy_sign(self, other, context=None):
        other = _convert(other, True)
        return _dec(other._sign, self._coef, self._exp, self._special)

    def sqrt(self, context=None):
        """Square root, correctly rounded (always half-even, as the specification says)."""
        ctx = context if context is not None else getcontext()
        nan = self._nan_result(None, ctx)
        if nan is not None:
            return nan
        if self._coef == 0 and self._special is None:
            return _dec(self._sign, 0, self._exp >> 1)
        if self._sign:
            return self._invalid(ctx)
        if self._special == 'F':
            return self
        prec = ctx.prec
        ideal = self._exp >> 1
        # Scale to an even exponent e with c * 10**e == self, c having >= 2*(prec+1) digits.
        c, e = self._coef, self._exp
        if e % 2:
            c *= 10
            e -= 1
        shift = max(0, prec + 1 - (_ndigits(c) + 1) // 2)
        c *= 100 ** shift
        e -= 2 * shift
        root = _math.isqrt(c)
        exact = root * root == c
        rexp = e // 2
        if exact:
            while rexp < ideal and root % 10 == 0:
                root //= 10
                rexp += 1
            if _ndigits(root) <= prec:
                return _dec(0, root, rexp)
        drop = _ndigits(root) - prec
        # A sticky digit: the true root lies strictly between root and root + 1 unless exact.
        r = root * 10 + (0 if exact else 1)
        kept = _shift_round(0, r, drop + 1, ROUND_HALF_EVEN)
        rexp += drop
        if _ndigits(kept) > prec:
            kept //= 10
            rexp += 1
        return _dec(0, kept, rexp)

    def exp(self, context=None):
        raise NotImplementedError("Kestrel decimal: exp")

    def ln(self, context=None):
        raise NotImplementedError("Kestrel decimal: ln")

    def log10(self, context=None):
        raise NotImplementedError("Kestrel decimal: log10")

    # -------------------------------------------------------------- quantizing and rounding

    def _rescale(self, exp, rounding):
        """Same value (rounded) with exponent `exp`; no precision check."""
        if self._exp >= exp:
            return _dec(self._sign, self._coef * 10 ** (self._exp - exp), exp)
        drop = exp - self._exp
        return _dec(self._sign, _shift_round(self._sign, self._coef, drop, rounding), exp)

    def quantize(self, exp, rounding=None, context=None):
        """Round to the exponent of `exp`."""
        exp = _convert(exp, True)
        ctx = context if context is not None else getcontext()
        rounding = rounding or ctx.rounding
        nan = self._nan_result(exp, ctx)
        if nan is not None:
            return nan
        if self._special or exp._special:
            if self._special == 'F' and exp._special == 'F':
                return self
            return self._invalid(ctx)
        result = self._rescale(exp._exp, rounding)
        if _ndigits(result._coef) > ctx.prec:
            return self._invalid(ctx)
        return result

    def same_quantum(self, other, context=None):
        other = _convert(other, True)
        if self._special or other._special:
            return self._special == other._special or (self.is_nan() and other.is_nan())
        return self._exp == other._exp

    def to_integral_value(self, rounding=None, context=None):
        ctx = context if context is not None else getcontext()
        if self._special:
            return self._nan_result(None, ctx) or self
        if self._exp >= 0:
            return self
        return self._rescale(0, rounding or ctx.rounding)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        return self.to_integral_value(rounding, context)

    def normalize(self, context=None):
        """Round to the context, then drop trailing zeros (zero becomes 0 or -0)."""
        ctx = context if context is not None else getcontext()
        if self._special:
            return self._nan_result(None, ctx) or self
        d = self._fix(ctx)
        if d._coef == 0:
            return _dec(d._sign, 0, 0)
        coef, exp = d._coef, d._exp
        while coef % 10 == 0:
            coef //= 10
            exp += 1
        return _dec(d._sign, coef, exp)

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('Second argument to round should be integral')
            return self.quantize(_dec(0, 1, -n))
        if self._special == 'F':
            raise OverflowError("cannot round an infinity")
        if self._special:
            raise ValueError("cannot round a NaN")
        return int(self._rescale(0, ROUND_HALF_EVEN))

    def __floor__(self):
        if self._special:
            raise (OverflowError("cannot round an infinity") if self._special == 'F'
                   else ValueError("cannot round a NaN"))
        return int(self._rescale(0, ROUND_FLOOR))

    def __ceil__(self):
        if self._special:
            raise (OverflowError("cannot round an infinity") if self._special == 'F'
                   else ValueError("cannot round a NaN"))
        return int(self._rescale(0, ROUND_CEILING))

    def __trunc__(self):
        return int(self)

    # -------------------------------------------------------------- conversions

    def __int__(self):
        if self._special == 'F':
            raise OverflowError("cannot convert Infinity to integer")
        if self._special:
            raise ValueError("cannot convert NaN to integer")
        if self._exp >= 0:
            n = self._coef * 10 ** self._exp
        else:
            n = self._coef // 10 ** -self._exp
        return -n if self._sign else n

    def __float__(self):
        if self._special:
            if self.is_snan():
                raise ValueError("cannot convert signaling NaN to float")
            s = '-nan' if (self._sign and self._special == 'n') else str(self)
            return float(s)
        return float(str(self))

    def __complex__(self):
        return complex(float(self))

    def __bool__(self):
        return self._special is not None or self._coef != 0

    def __str__(self, eng=False, context=None):
        sign = '-' if self._sign else ''
        if self._special == 'F':
            return sign + 'Infinity'
        if self._special:
            kind = 'sNaN' if self._special == 'N' else 'NaN'
            return sign + kind + (str(self._coef) if self._coef else '')
        digits = str(self._coef)
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._coef == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart, fracpart = '0', '.' + '0' * -dotplace + digits
        elif dotplace >= len(digits):
            intpart, fracpart = digits + '0' * (dotplace - len(digits)), ''
        else:
            intpart, fracpart = digits[:dotplace], '.' + digits[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            ctx = context if context is not None else getcontext()
            exp = ['e', 'E'][ctx.capitals] + '%+d' % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        return self.__str__(eng=True, context=context)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    # -------------------------------------------------------------- comparisons and hashing

    def _cmp_key(self, other):
        """-1, 0, 1 comparing finite/infinite values exactly (no NaNs)."""
        a_inf, b_inf = self._special == 'F', other._special == 'F'
        if a_inf or b_inf:
            av = (-1 if self._sign else 1) if a_inf else 0
            bv = (-1 if other._sign else 1) if b_inf else 0
            if a_inf and b_inf:
                return (av > bv) - (av < bv)
            if a_inf:
                return av
            return -bv
        exp = min(self._exp, other._exp)
        a = self._coef * 10 ** (self._exp - exp) * (-1 if self._sign else 1)
        b = other._coef * 10 ** (other._exp - exp) * (-1 if other._sign else 1)
        return (a > b) - (a < b)

    def _comparable(self, other):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        if isinstance(other, float):
            return Decimal.from_float(other)
        try:
            from fractions import Fraction
        except ImportError:
            return NotImplemented
        if isinstance(other, Fraction):
            return other
        return NotImplemented

    def _compare_fraction(self, frac):
        n, d = self.as_integer_ratio()
        lhs, rhs = n * frac.denominator, frac.numerator * d
        return (lhs > rhs) - (lhs < rhs)

    def _order(self, other, op):
        other = self._comparable(other)
        if other is NotImplemented:
            return other
        if not isinstance(other, Decimal):
            if self._special:
                if self.is_nan():
                    _signal(getcontext(), InvalidOperation, InvalidOperation)
                    return False
                return op(-1 if self._sign else 1, 0)
            return op(self._compare_fraction(other), 0)
        if self.is_nan() or other.is_nan():
            _signal(getcontext(), InvalidOperation, InvalidOperation)
            return False
        return op(self._cmp_key(other), 0)

    def __eq__(self, other):
        other = self._comparable(other)
        if other is NotImplemented:
            return other
        if not isinstance(other, Decimal):
            if self._special:
                return False
            return self._compare_fraction(other) == 0
        if self.is_nan() or other.is_nan():
            return False
        return self._cmp_key(other) == 0

    def __lt__(self, other):
        return self._order(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._order(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._order(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._order(other, lambda a, b: a >= b)

    def compare(self, other, context=None):
        other = _convert(other, True)
        nan = self._nan_result(other, context)
        if nan is not None:
            return nan
        return Decimal(self._cmp_key(other))

    def compare_total(self, other, context=None):
        raise NotImplementedError("Kestrel decimal: compare_total")

    def max(self, other, context=None):
        other = _convert(other, True)
        return other if self._cmp_key(other) < 0 else self

    def min(self, other, context=None):
        other = _convert(other, True)
        return other if self._cmp_key(other) > 0 else self

    def __hash__(self):
        if self._special:
            if self._special == 'N':
                raise TypeError('Cannot hash a signaling NaN value.')
            if self._special == 'n':
                return object.__hash__(self)
            return -314159 if self._sign else 314159
        modulus = (1 << 61) - 1
        if self._exp >= 0:
            exp_hash = pow(10, self._exp, modulus)
        else:
            exp_hash = pow(pow(10, modulus - 2, modulus), -self._exp, modulus)
        h = self._coef * exp_hash % modulus
        h = -h if self._sign else h
        return -2 if h == -1 else h

    # -------------------------------------------------------------- formatting

    def __format__(self, spec, _localeconv=None):
        """format(): [[fill]align][sign][z][#][0][width][,|_][.precision][type] with types
        e E f F g G n % and none (CPython's rules, half-even rounding)."""
        fill, align, sign, zero, width, grouping, precision, kind = _parse_spec(spec)
        rounding = getcontext().rounding
        if self._special:
            body = str(self.copy_abs())
            if self._special != 'F':
                body = 'NaN' if self._special == 'n' else 'sNaN'
            else:
                body = 'Infinity'
            if kind == '%':
                body += '%'
        else:
            d = self  # (rounded with its sign, so FLOOR/CEILING work; the body ignores the sign)
            if kind is None and precision is not None:
                kind = 'G' if getcontext().capitals else 'g'
            if kind in ('e', 'E'):
                body = _format_sci(d, precision, kind, rounding)
            elif kind in ('f', 'F', '%'):
                if kind == '%':
                    d = _dec(d._sign, d._coef, d._exp + 2)
                if precision is not None:
                    d = d._rescale(-precision, rounding)
                if d._coef == 0 and d._exp > 0:
                    d = _dec(d._sign, 0, 0)
                body = _format_fixed(d)
                if kind == '%':
                    body += '%'
            elif kind in ('g', 'G', 'n'):
                p = 1 if precision == 0 else precision
                if p is not None and _ndigits(d._coef) > p:
                    nd = _ndigits(d._coef)
                    d = _dec(d._sign, _shift_round(d._sign, d._coef, nd - p, rounding), d._exp + nd - p)
                    if _ndigits(d._coef) > p:
                        d = _dec(d._sign, d._coef // 10, d._exp + 1)
                leftdigits = d._exp + _ndigits(d._coef)
                if d._exp <= 0 and leftdigits > -6:
                    body = _format_fixed(d)
                else:
                    body = _format_sci(d, None, 'E' if kind == 'G' else 'e')
            else:
                body = str(d.copy_abs())
                if getcontext().capitals == 0:
                    body = body.replace('E', 'e')
        negative = self._sign == 1
        if grouping:
            intpart, dot, rest = body.partition('.')
            if intpart.isdigit():
                groups = []
                while len(intpart) > 3:
                    groups.insert(0, intpart[-3:])
                    intpart = intpart[:-3]
                groups.insert(0, intpart)
                body = grouping.join(groups) + dot + rest
        prefix = '-' if negative else ('+' if sign == '+' else (' ' if sign == ' ' else ''))
        if zero and width is not None and align is None:
            fill, align = '0', '='
        if align is None:
            align = '>'
        if width is None or len(prefix) + len(body) >= width:
            return prefix + body
        pad = width - len(prefix) - len(body)
        if align == '<':
            return prefix + body + fill * pad
        if align == '>':
            return fill * pad + prefix + body
        if align == '=':
            return prefix + fill * pad + body
        left = pad // 2
        return fill * left + prefix + body + fill * (pad - left)

    # -------------------------------------------------------------- misc

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def number_class(self, context=None):
        if self._special == 'F':
            return '-Infinity' if self._sign else '+Infinity'
        if self._special:
            return 'NaN' if self._special == 'n' else 'sNaN'
        if self._coef == 0:
            return '-Zero' if self._sign else '+Zero'
        return '-Normal' if self._sign else '+Normal'

    def radix(self):
        return Decimal(10)


def _parse_spec(spec):
    fill, align, sign, zero, width, grouping, precision, kind = ' ', None, '-', False, None, '', None, None
    i = 0
    if len(spec) >= 2 and spec[1] in '<>=^':
        fill, align, i = spec[0], spec[1], 2
    elif spec[:1] in ('<', '>', '=', '^'):
        align, i = spec[0], 1
    if spec[i:i + 1] in ('+', '-', ' ') and spec[i:i + 1]:
        sign = spec[i]
        i += 1
    if spec[i:i + 1] == '0':
        zero = True
        i += 1
    start = i
    while i < len(spec) and spec[i].isdigit():
        i += 1
    if i > start:
        width = int(spec[start:i])
    if spec[i:i + 1] in (',', '_') and spec[i:i + 1]:
        grouping = spec[i]
        i += 1
    if spec[i:i + 1] == '.':
        i += 1
        start = i
        while i < len(spec) and spec[i].isdigit():
            i += 1
        if i == start:
            raise ValueError("Invalid format specifier")
        precision = int(spec[start:i])
    if i < len(spec):
        kind = spec[i]
        i += 1
        if kind not in 'eEfFgGn%':
            raise ValueError("Invalid format specifier")
    if i != len(spec):
        raise ValueError("Invalid format specifier")
    return fill, align, sign, zero, width, grouping, precision, kind


def _format_fixed(d):
    digits = str(d._coef)
    if d._exp >= 0:
        return digits + '0' * d._exp
    frac = -d._exp
    if len(digits) <= frac:
        digits = '0' * (frac - len(digits) + 1) + digits
    return digits[:-frac] + '.' + digits[-frac:]


def _format_sci(d, precision, kind, rounding=ROUND_HALF_EVEN):
    if precision is not None and d._coef == 0:  # zero keeps its exponent: 0.000e+3 for '.3e'
        return '0' + ('.' + '0' * precision if precision else '') + kind + '%+d' % (d._exp + precision)
    if precision is not None:
        nd = _ndigits(d._coef)
        want = precision + 1
        if nd > want:
            coef = _shift_round(d._sign, d._coef, nd - want, rounding)
            exp = d._exp + nd - want
            if _ndigits(coef) > want:
                coef //= 10
                exp += 1
            d = _dec(0, coef, exp)
        elif nd < want:
            d = _dec(0, d._coef * 10 ** (want - nd), d._exp - (want - nd))
    digits = str(d._coef)
    adjusted = d._exp + len(digits) - 1
    body = digits[0] + ('.' + digits[1:] if len(digits) > 1 else '')
    return body + kind + '%+d' % adjusted
