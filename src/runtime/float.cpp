// Python float: boxed doubles with CPython's arithmetic (float_divmod,
// float_pow special cases), exact int/float comparison, numeric hashing,
// parsing, rounding, and the float type with its methods.
#include "runtime/float.h"

#include <algorithm>
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/number_methods.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

namespace {

constexpr int kAdd = 0, kFloorDiv = 2, kMul = 5, kMod = 6, kPow = 8, kSub = 10, kTrueDiv = 11;
constexpr uint64_t kHashModulus = (uint64_t(1) << 61) - 1;
constexpr int kHashBits = 61;

// Converts an int or float operand; false when the operand is neither.
inline bool as_double(Value v, double* out) {
  if (v.is_small()) {
    *out = double(v.small_value());
    return true;
  }
  Type* t = v.obj()->type;
  if (t == float_type) {
    *out = v.as<Float>()->value;
    return true;
  }
  if (t->type_flags & kTypeIntSubclass) {
    *out = int_to_double(v);
    return true;
  }
  if (is_subtype(t, float_type)) {
    *out = v.as<Float>()->value;
    return true;
  }
  return false;
}

// CPython's _float_div_mod: floor quotient and modulo with Python's sign rules.
void float_div_mod(double vx, double wx, double* floordiv, double* mod) {
  *mod = std::fmod(vx, wx);
  double div = (vx - *mod) / wx;
  if (*mod) {
    if ((wx < 0) != (*mod < 0)) {
      *mod += wx;
      div -= 1.0;
    }
  } else {
    *mod = std::copysign(0.0, wx);
  }
  if (div) {
    *floordiv = std::floor(div);
    if (div - *floordiv > 0.5) *floordiv += 1.0;
  } else {
    *floordiv = std::copysign(0.0, vx / wx);
  }
}

inline bool is_odd_integer(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

// CPython's float_pow. A negative base with a fractional exponent sets
// *to_complex (the caller computes the complex power, as CPython does).
double float_pow(double iv, double iw, bool* to_complex) {
  if (iw == 0) return 1.0;
  if (std::isnan(iv)) return iv;
  if (std::isnan(iw)) return iv == 1.0 ? 1.0 : iw;
  if (std::isinf(iw)) {
    iv = std::fabs(iv);
    if (iv == 1.0) return 1.0;
    if ((iw > 0.0) == (iv > 1.0)) return std::fabs(iw);
    return 0.0;
  }
  if (std::isinf(iv)) {
    bool odd = is_odd_integer(iw);
    if (iw > 0.0) return odd ? iv : std::fabs(iv);
    return odd ? std::copysign(0.0, iv) : 0.0;
  }
  if (iv == 0.0) {
    bool odd = is_odd_integer(iw);
    if (iw < 0.0) raise_zero_division("0.0 cannot be raised to a negative power");
    return odd ? iv : 0.0;
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw)) {
      *to_complex = true;
      return 0.0;
    }
    iv = -iv;
    negate = is_odd_integer(iw);
  }
  if (iv == 1.0) return negate ? -1.0 : 1.0;
  errno = 0;
  double ix = std::pow(iv, iw);
  // _Py_ADJUST_ERANGE1: overflow to inf is an error, underflow to 0 is not.
  if (errno == 0) {
    if (ix == HUGE_VAL || ix == -HUGE_VAL) errno = ERANGE;
  } else if (errno == ERANGE && ix == 0.0) {
    errno = 0;
  }
  if (negate) ix = -ix;
  if (errno != 0) {
    Value args[2] = {Value::small(errno), Value(str_new(strerror(errno)))};
    raise_with_args(errno == ERANGE ? overflow_error_type : value_error_type, args, 2);
  }
  return ix;
}

Value float_repr_slot(Value self) { return Value(str_new(float_repr(float_value(self)))); }

int64_t float_hash_slot(Value self) {
  double v = float_value(self);
  if (std::isnan(v)) {
    // CPython 3.10+: NaNs hash by identity (_Py_HashPointer).
    uint64_t y = uint64_t(uintptr_t(self.obj()));
    y = (y >> 4) | (y << 60);
    int64_t h = int64_t(y);
    return h == -1 ? -2 : h;
  }
  return float_hash(v);
}

Value float_richcompare(Value a, Value b, int op) {
  double x, y;
  int c;
  if (is_float(a) && is_float(b)) {
    x = float_value(a);
    y = float_value(b);
    switch (op) {
      case 0:
        return py_bool(x < y);
      case 1:
        return py_bool(x <= y);
      case 2:
        return py_bool(x == y);
      case 3:
        return py_bool(x != y);
      case 4:
        return py_bool(x > y);
      default:
        return py_bool(x >= y);
    }
  }
  if (is_float(a) && is_int(b)) {
    c = compare_int_double(b, float_value(a));
    if (c == 2) return py_bool(op == 3);
    c = -c;
  } else if (is_int(a) && is_float(b)) {
    c = compare_int_double(a, float_value(b));
    if (c == 2) return py_bool(op == 3);
  } else {
    return not_implemented();
  }
  switch (op) {
    case 0:
      return py_bool(c < 0);
    case 1:
      return py_bool(c <= 0);
    case 2:
      return py_bool(c == 0);
    case 3:
      return py_bool(c != 0);
    case 4:
      return py_bool(c > 0);
    default:
      return py_bool(c >= 0);
  }
}

Value float_negative(Value v) { return float_new(-float_value(v)); }
Value float_positive(Value v) { return is_exact(v, float_type) ? v : float_new(float_value(v)); }
Value float_absolute(Value v) { return float_new(std::fabs(float_value(v))); }
int float_truthy(Value v) { return float_value(v) != 0.0; }

bool is_bytes_like(Value v) { return v.is_object() && is_subtype(v.obj()->type, bytes_type); }

// Validates a decimal float literal (after whitespace stripping and
// underscore checks), the grammar of CPython's _PyOS_ascii_strtod.
bool valid_float_text(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::string rest;
  for (size_t k = i; k < s.size(); ++k) rest.push_back(char(tolower(s[k])));
  if (rest == "inf" || rest == "infinity" || rest == "nan") return true;
  size_t ndig = 0;
  while (i < s.size() && isdigit(static_cast<unsigned char>(s[i]))) ++i, ++ndig;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && isdigit(static_cast<unsigned char>(s[i]))) ++i, ++ndig;
  }
  if (ndig == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t nexp = 0;
    while (i < s.size() && isdigit(static_cast<unsigned char>(s[i]))) ++i, ++nexp;
    if (nexp == 0) return false;
  }
  return i == s.size();
}

// Parses float text; false on a syntax error.
bool parse_float_ascii(std::string_view text, double* out) {
  size_t b = 0, e = text.size();
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (b < e && space(text[b])) ++b;  // non-ASCII whitespace was mapped to ' '
  while (e > b && space(text[e - 1])) --e;
  std::string_view s = text.substr(b, e - b);
  std::string clean;
  clean.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_') {
      // Underscores only between digits.
      if (i == 0 || i + 1 == s.size() || !isdigit(static_cast<unsigned char>(s[i - 1])) ||
          !isdigit(static_cast<unsigned char>(s[i + 1])))
        return false;
      continue;
    }
    clean.push_back(s[i]);
  }
  if (!valid_float_text(clean)) return false;
  size_t i = (clean[0] == '+' || clean[0] == '-') ? 1 : 0;
  if (tolower(clean[i]) == 'n') {
    *out = clean[0] == '-' ? -NAN : NAN;
    return true;
  }
  *out = strtod(clean.c_str(), nullptr);  // glibc strtod is correctly rounded
  return true;
}

[[noreturn]] void raise_float_literal(Value original) {
  raise_value_error("could not convert string to float: " + repr_utf8(original));
}

double parse_float_value(Value text) {
  std::string ascii;
  if (is_str(text)) {
    Str* s = text.as<Str>();
    ascii = number_text_to_ascii(s->ascii ? std::string(s->ascii_view()) : str_to_utf8(s));
  } else {
    ascii = std::string(text.as<Bytes>()->view());
  }
  double d;
  if (!parse_float_ascii(ascii, &d)) raise_float_literal(text);
  return d;
}

Value float_new_slot(Type* type, Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("float", kwnames);
  check_nargs("float", nargs, 0, 1);
  if (nargs == 0) return float_new_of_type(type, 0.0);
  if (type == float_type) return float_from_number(args[0]);
  return float_new_of_type(type, float_value(float_from_number(args[0])));
}

// Correctly rounded round(x, ndigits) (CPython's double_round).
double double_round(double x, int64_t ndigits) {
  std::string text;
  if (ndigits >= 0) {
    text = double_to_string(x, 'f', int(ndigits));
  } else {
    // Round |x| to a multiple of 10**-ndigits, ties to even, exactly.
    mpz_t m, p, q, r, twice;
    mpz_inits(m, p, q, r, twice, nullptr);
    mpz_set_d(m, std::fabs(x));  // |x| >= 1 matters only; fractional part < half a unit
    double frac = std::fabs(x) - std::floor(std::fabs(x));
    mpz_ui_pow_ui(p, 10, (unsigned long)(-ndigits));
    mpz_fdiv_qr(q, r, m, p);
    mpz_mul_2exp(twice, r, 1);
    int c = mpz_cmp(twice, p);
    // A nonzero fraction breaks an exact tie upwards.
    if (c > 0 || (c == 0 && (frac > 0 || mpz_odd_p(q)))) mpz_add_ui(q, q, 1);
    char* digits = mpz_get_str(nullptr, 10, q);
    text = std::string(std::signbit(x) ? "-" : "") + digits + "e" + std::to_string(-ndigits);
    void (*freefunc)(void*, size_t);
    mp_get_memory_functions(nullptr, nullptr, &freefunc);
    freefunc(digits, strlen(digits) + 1);
    mpz_clears(m, p, q, r, twice, nullptr);
  }
  errno = 0;
  double rounded = strtod(text.c_str(), nullptr);
  if (errno == ERANGE && std::fabs(rounded) >= 1.0)
    raise_overflow_error("rounded value too large to represent");
  return rounded;
}

// ---------------------------------------------------------------- methods

template <int op>
Value float_dunder(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs(kBinopDunder[op], kwnames);
  check_method_args(kBinopDunder[op], nargs, 2);
  return float_binary(args[0], args[1], op);
}
template <int op>
Value float_rdunder(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs(kBinopRDunder[op], kwnames);
  check_method_args(kBinopRDunder[op], nargs, 2);
  return float_binary(args[1], args[0], op);
}
template <int op>
Value float_cmp_dunder(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs(kCmpDunder[op], kwnames);
  check_method_args(kCmpDunder[op], nargs, 2);
  return float_richcompare(args[0], args[1], op);
}

Value float_pow_method(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__pow__", kwnames);
  check_nargs("__pow__", nargs, 2, 3);
  if (nargs > 2 && !is_none(args[2]))
    raise_type_error("pow() 3rd argument not allowed unless all arguments are integers");
  return float_binary(args[0], args[1], kPow);
}
Value float_rpow_method(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__rpow__", kwnames);
  check_nargs("__rpow__", nargs, 2, 3);
  if (nargs > 2 && !is_none(args[2]))
    raise_type_error("pow() 3rd argument not allowed unless all arguments are integers");
  return float_binary(args[1], args[0], kPow);
}
Value float_divmod_method(Value* args, size_t nargs, Tuple*) {
  check_method_args("__divmod__", nargs, 2);
  return float_divmod(args[0], args[1]);
}
Value float_rdivmod_method(Value* args, size_t nargs, Tuple*) {
  check_method_args("__rdivmod__", nargs, 2);
  return float_divmod(args[1], args[0]);
}

#define UNARY_METHOD(fname, pyname, expr)                  \
  Value fname(Value* args, size_t nargs, Tuple* kwnames) { \
    check_no_kwargs(pyname, kwnames);                      \
    check_nargs(pyname, nargs - 1, 0, 0);                  \
    double x = float_value(args[0]);                       \
    (void)x;                                               \
    Value self = args[0];                                  \
    (void)self;                                            \
    return expr;                                           \
  }

Value float_as_integer_ratio_impl(double x) {
  if (std::isinf(x)) raise_overflow_error("cannot convert Infinity to integer ratio");
  if (std::isnan(x)) raise_value_error("cannot convert NaN to integer ratio");
  int e;
  double m = std::frexp(x, &e);
  for (int i = 0; i < 300 && m != std::floor(m); ++i) {
    m *= 2.0;
    e--;
  }
  mpz_t num, den;
  mpz_init_set_d(num, m);
  mpz_init_set_ui(den, 1);
  if (e > 0) {
    mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
  } else {
    mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
  }
  Value n = int_from_mpz(num);
  Value d = int_from_mpz(den);
  mpz_clears(num, den, nullptr);
  return Value(tuple_of({n, d}));
}

std::string float_hex_impl(double x) {
  if (std::isnan(x) || std::isinf(x)) return float_repr(x);
  if (x == 0.0) return std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0";
  int e;
  double m = std::frexp(std::fabs(x), &e);
  int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  static const char kHex[] = "0123456789abcdef";
  std::string s;
  s.push_back(kHex[int(m)]);
  m -= int(m);
  s.push_back('.');
  for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; ++i) {
    m *= 16.0;
    s.push_back(kHex[int(m)]);
    m -= int(m);
  }
  char esign = '+';
  if (e < 0) {
    esign = '-';
    e = -e;
  }
  return std::string(x < 0 ? "-0x" : "0x") + s + "p" + esign + std::to_string(e);
}

UNARY_METHOD(float_neg_method, "__neg__", float_new(-x))
UNARY_METHOD(float_pos_method, "__pos__", float_positive(self))
UNARY_METHOD(float_abs_method, "__abs__", float_new(std::fabs(x)))
UNARY_METHOD(float_bool_method, "__bool__", py_bool(x != 0.0))
UNARY_METHOD(float_int_method, "__int__", int_from_double(x))
UNARY_METHOD(float_trunc_method, "__trunc__", int_from_double(x))
UNARY_METHOD(float_floor_method, "__floor__", int_from_double(std::floor(x)))
UNARY_METHOD(float_ceil_method, "__ceil__", int_from_double(std::ceil(x)))
UNARY_METHOD(float_float_method, "__float__", float_positive(self))
UNARY_METHOD(float_repr_method, "__repr__", float_repr_slot(self))
UNARY_METHOD(float_hash_method, "__hash__", int_from_i64(float_hash_slot(self)))
UNARY_METHOD(float_conjugate, "conjugate", float_positive(self))
UNARY_METHOD(float_is_integer, "is_integer", py_bool(std::isfinite(x) && x == std::floor(x)))
UNARY_METHOD(float_as_integer_ratio, "as_integer_ratio", float_as_integer_ratio_impl(x))
UNARY_METHOD(float_hex, "hex", Value(str_new(float_hex_impl(x))))
UNARY_METHOD(float_getnewargs, "__getnewargs__", Value(tuple_of({float_new(x)})))

Value float_round_method(Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  parse_args("__round__", args, nargs, kwnames, {"self", "ndigits"}, 1, a, 2);
  double x = float_value(a[0]);
  if (a[1].empty() || is_none(a[1])) {
    double rounded = std::round(x);
    if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
    return int_from_double(rounded);
  }
  Value nd = py_index(a[1]);
  int64_t ndigits;
  if (!int_to_i64(nd, &ndigits)) ndigits = int_sign(nd) < 0 ? INT64_MIN : INT64_MAX;
  if (!std::isfinite(x)) return float_new(x);
  constexpr int64_t kMax = int64_t((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
  constexpr int64_t kMin = -int64_t((DBL_MAX_EXP + 1) * 0.30103);
  if (ndigits > kMax) return float_new(x);
  if (ndigits < kMin) return float_new(0.0 * x);
  return float_new(double_round(x, ndigits));
}

Value float_format_method(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__format__", kwnames);
  check_method_args("__format__", nargs, 2);
  if (!is_str(args[1]))
    raise_type_error("__format__() argument must be str, not " + type_name_str(args[1]));
  Str* spec = args[1].as<Str>();
  if (spec->length == 0) return py_str(args[0]);
  if (spec->ascii) return float_format(float_value(args[0]), spec->ascii_view());
  return float_format(float_value(args[0]), str_to_utf8(spec));
}

Value float_fromhex(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("fromhex", kwnames);
  check_method_args("fromhex", nargs, 2);
  if (!is_str(args[1]))
    raise_type_error("fromhex() argument must be str, not " + type_name_str(args[1]));
  std::string s = str_to_utf8(args[1].as<Str>());
  size_t b = 0, e = s.size();
  while (b < e && isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  std::string t = s.substr(b, e - b);
  auto invalid = [] { raise_value_error("invalid hexadecimal floating-point string"); };
  size_t i = 0;
  std::string sign;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) sign = t[i++];
  std::string rest;
  for (size_t k = i; k < t.size(); ++k) rest.push_back(char(tolower(t[k])));
  double result;
  if (rest == "inf" || rest == "infinity") {
    result = HUGE_VAL;
  } else if (rest == "nan") {
    result = NAN;
  } else {
    size_t k = 0;
    if (rest.compare(0, 2, "0x") == 0) k = 2;
    size_t ndig = 0;
    std::string body;
    while (k < rest.size() && isxdigit(static_cast<unsigned char>(rest[k])))
      body.push_back(rest[k++]), ++ndig;
    if (k < rest.size() && rest[k] == '.') {
      body.push_back(rest[k++]);
      while (k < rest.size() && isxdigit(static_cast<unsigned char>(rest[k])))
        body.push_back(rest[k++]), ++ndig;
    }
    if (ndig == 0) invalid();
    std::string exp = "p0";
    if (k < rest.size() && rest[k] == 'p') {
      exp = "p";
      ++k;
      if (k < rest.size() && (rest[k] == '+' || rest[k] == '-')) exp.push_back(rest[k++]);
      size_t nexp = 0;
      while (k < rest.size() && isdigit(static_cast<unsigned char>(rest[k])))
        exp.push_back(rest[k++]), ++nexp;
      if (nexp == 0) invalid();
    }
    if (k != rest.size()) invalid();
    std::string text = "0x" + body + exp;
    result = strtod(text.c_str(), nullptr);
    if (std::isinf(result))
      raise_overflow_error("hexadecimal value too large to represent as a float");
  }
  if (sign == "-") result = -result;
  Value cls = args[0];
  if (cls.obj() == float_type) return float_new(result);
  return py_call1(cls, float_new(result));
}

Value float_get_real(Value self) { return float_positive(self); }
Value float_get_imag(Value) { return float_new(0.0); }

}  // namespace

// ---------------------------------------------------------------- public API

Value float_new_of_type(Type* type, double v) {
  if (type == float_type) return float_new(v);
  auto* f = static_cast<Float*>(gc_alloc(type->instance_size, type));
  f->value = v;
  if (InstanceAttrs* attrs = attrs_of(f)) attrs->layout = type->root_layout;
  return Value(f);
}

int64_t float_hash(double v) {
  if (!std::isfinite(v)) {
    if (std::isinf(v)) return v > 0 ? 314159 : -314159;
    return 0;
  }
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
    m *= 268435456.0;  // 2**28
    e -= 28;
    uint64_t y = uint64_t(m);
    m -= double(y);
    x += y;
    if (x >= kHashModulus) x -= kHashModulus;
  }
  e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
  x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
  x = x * uint64_t(int64_t(sign));
  if (x == uint64_t(-1)) x = uint64_t(-2);
  return int64_t(x);
}

double to_double(Value v) {
  double d;
  if (as_double(v, &d)) return d;
  Value f = lookup_special(v, names::dunder_float);
  if (!f.empty()) {
    Value r = py_call0(f);
    if (!is_float(r))
      raise_type_error(type_name_str(v) + ".__float__ returned non-float (type " +
                       type_name_str(r) + ")");
    return float_value(r);
  }
  f = lookup_special(v, names::dunder_index);
  if (!f.empty()) return int_to_double(py_index(v));
  raise_type_error("must be real number, not " + type_name_str(v));
}

Value float_from_number(Value v) {
  if (is_exact(v, float_type)) return v;
  if (is_str(v) || is_bytes_like(v)) return float_new(parse_float_value(v));
  if (v.is_small()) return float_new(double(v.small_value()));
  Value f = lookup_special(v, names::dunder_float);
  if (!f.empty()) {
    Value r = py_call0(f);
    if (!is_float(r))
      raise_type_error(type_name_str(v) + ".__float__ returned non-float (type " +
                       type_name_str(r) + ")");
    return is_exact(r, float_type) ? r : float_new(float_value(r));
  }
  f = lookup_special(v, names::dunder_index);
  if (!f.empty()) return float_new(int_to_double(py_index(v)));
  if (is_float(v)) return float_new(float_value(v));
  raise_type_error("float() argument must be a string or a real number, not '" + type_name_str(v) +
                   "'");
}

Value float_from_string(std::string_view text) {
  double d;
  if (!parse_float_ascii(number_text_to_ascii(text), &d)) raise_float_literal(Value(str_new(text)));
  return float_new(d);
}

Value float_binary(Value a, Value b, int op) {
  if (op >= 13) op -= 13;
  double x, y;
  if (!as_double(a, &x) || !as_double(b, &y)) return not_implemented();
  switch (op) {
    case kAdd:
      return float_new(x + y);
    case kSub:
      return float_new(x - y);
    case kMul:
      return float_new(x * y);
    case kTrueDiv:
      if (y == 0.0) raise_zero_division("float division by zero");
      return float_new(x / y);
    case kFloorDiv: {
      if (y == 0.0) raise_zero_division("float floor division by zero");
      double q, m;
      float_div_mod(x, y, &q, &m);
      return float_new(q);
    }
    case kMod: {
      if (y == 0.0) raise_zero_division("float modulo");
      double m = std::fmod(x, y);
      if (m) {
        if ((y < 0) != (m < 0)) m += y;
      } else {
        m = std::copysign(0.0, y);
      }
      return float_new(m);
    }
    case kPow: {
      bool to_complex = false;
      double r = float_pow(x, y, &to_complex);
      if (to_complex) return complex_power(x, 0.0, y, 0.0);
      return float_new(r);
    }
    default:
      return not_implemented();
  }
}

Value float_divmod(Value a, Value b) {
  double x, y;
  if (!as_double(a, &x) || !as_double(b, &y)) return not_implemented();
  if (y == 0.0) raise_zero_division("float divmod()");
  double q, m;
  float_div_mod(x, y, &q, &m);
  Value qv = float_new(q);
  Value mv = float_new(m);
  return Value(tuple_of({qv, mv}));
}

int compare_int_double(Value i, double d) {
  if (std::isnan(d)) return 2;
  int64_t x;
  if (int_to_i64(i, &x) && x >= -(int64_t(1) << 53) && x <= (int64_t(1) << 53)) {
    double xd = double(x);
    return (xd > d) - (xd < d);
  }
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  mpz_t z;
  mpz_init(z);
  int_to_mpz(i, z);
  int c = mpz_cmp_d(z, d);
  mpz_clear(z);
  return (c > 0) - (c < 0);
}

void init_float_type() {
  Type* t = float_type;
  t->repr = float_repr_slot;
  t->hash = float_hash_slot;
  t->richcompare = float_richcompare;
  t->binary = float_binary;
  t->negative = float_negative;
  t->positive = float_positive;
  t->absolute = float_absolute;
  t->truthy = float_truthy;
  t->new_ = float_new_slot;

  add_method(t, kBinopDunder[0], float_dunder<0>);
  add_method(t, kBinopDunder[2], float_dunder<2>);
  add_method(t, kBinopDunder[5], float_dunder<5>);
  add_method(t, kBinopDunder[6], float_dunder<6>);
  add_method(t, kBinopDunder[10], float_dunder<10>);
  add_method(t, kBinopDunder[11], float_dunder<11>);
  add_method(t, kBinopRDunder[0], float_rdunder<0>);
  add_method(t, kBinopRDunder[2], float_rdunder<2>);
  add_method(t, kBinopRDunder[5], float_rdunder<5>);
  add_method(t, kBinopRDunder[6], float_rdunder<6>);
  add_method(t, kBinopRDunder[10], float_rdunder<10>);
  add_method(t, kBinopRDunder[11], float_rdunder<11>);
  add_method(t, "__pow__", float_pow_method);
  add_method(t, "__rpow__", float_rpow_method);
  add_method(t, "__divmod__", float_divmod_method);
  add_method(t, "__rdivmod__", float_rdivmod_method);
  add_method(t, kCmpDunder[0], float_cmp_dunder<0>);
  add_method(t, kCmpDunder[1], float_cmp_dunder<1>);
  add_method(t, kCmpDunder[2], float_cmp_dunder<2>);
  add_method(t, kCmpDunder[3], float_cmp_dunder<3>);
  add_method(t, kCmpDunder[4], float_cmp_dunder<4>);
  add_method(t, kCmpDunder[5], float_cmp_dunder<5>);
  add_method(t, "__neg__", float_neg_method);
  add_method(t, "__pos__", float_pos_method);
  add_method(t, "__abs__", float_abs_method);
  add_method(t, "__bool__", float_bool_method);
  add_method(t, "__int__", float_int_method);
  add_method(t, "__float__", float_float_method);
  add_method(t, "__trunc__", float_trunc_method);
  add_method(t, "__floor__", float_floor_method);
  add_method(t, "__ceil__", float_ceil_method);
  add_method(t, "__round__", float_round_method);
  add_method(t, "__repr__", float_repr_method);
  add_method(t, "__hash__", float_hash_method);
  add_method(t, "__format__", float_format_method);
  add_method(t, "__getnewargs__", float_getnewargs);
  add_method(t, "conjugate", float_conjugate);
  add_method(t, "is_integer", float_is_integer);
  add_method(t, "as_integer_ratio", float_as_integer_ratio);
  add_method(t, "hex", float_hex);
  add_method(t, "fromhex", float_fromhex, kBuiltinClassMethod);
  add_getter(t, "real", float_get_real);
  add_getter(t, "imag", float_get_imag);
}

}  // namespace kestrel
