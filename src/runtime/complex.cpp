// Python complex: the type's slots and methods. Every algorithm (division's
// scaling, pow's small-integer fast path, hashing, string parsing, repr and
// format) is CPython 3.11's complexobject.c / formatter_unicode.c, so that
// results and messages are identical.
#include "runtime/complex.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

Type* complex_type = nullptr;

namespace {

constexpr int kAdd = 0, kMul = 5, kPow = 8, kSub = 10, kTrueDiv = 11;

struct Cx {
  double real, imag;
};

inline Cx cx_of(Value v) { return {v.as<Complex>()->real, v.as<Complex>()->imag}; }

// CPython's TO_COMPLEX: int, float or complex; false means NotImplemented.
bool to_cx(Value v, Cx* out) {
  if (v.is_small()) {
    *out = {double(v.small_value()), 0.0};
    return true;
  }
  Type* t = v.obj()->type;
  if (t == complex_type || is_subtype(t, complex_type)) {
    *out = cx_of(v);
    return true;
  }
  if (t->type_flags & kTypeIntSubclass) {
    *out = {int_to_double(v), 0.0};  // OverflowError for huge ints, as PyLong_AsDouble
    return true;
  }
  if (is_subtype(t, float_type)) {
    *out = {float_value(v), 0.0};
    return true;
  }
  return false;
}

Cx c_sum(Cx a, Cx b) { return {a.real + b.real, a.imag + b.imag}; }
Cx c_diff(Cx a, Cx b) { return {a.real - b.real, a.imag - b.imag}; }
Cx c_prod(Cx a, Cx b) {
  return {a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

// _Py_c_quot: Smith's algorithm (scale by the larger component of b) to
// avoid needless overflow; errno = EDOM on division by zero.
Cx c_quot(Cx a, Cx b) {
  Cx r;
  const double abs_breal = b.real < 0 ? -b.real : b.real;
  const double abs_bimag = b.imag < 0 ? -b.imag : b.imag;
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) {
      errno = EDOM;
      r.real = r.imag = 0.0;
    } else {
      const double ratio = b.imag / b.real;
      const double denom = b.real + b.imag * ratio;
      r.real = (a.real + a.imag * ratio) / denom;
      r.imag = (a.imag - a.real * ratio) / denom;
    }
  } else if (abs_bimag >= abs_breal) {
    const double ratio = b.real / b.imag;
    const double denom = b.real * ratio + b.imag;
    r.real = (a.real * ratio + a.imag) / denom;
    r.imag = (a.imag * ratio - a.real) / denom;
  } else {
    // At least one of b.real or b.imag is a NaN.
    r.real = r.imag = NAN;
  }
  return r;
}

// _Py_c_pow: polar form.
Cx c_pow(Cx a, Cx b) {
  Cx r;
  if (b.real == 0. && b.imag == 0.) {
    r = {1., 0.};
  } else if (a.real == 0. && a.imag == 0.) {
    if (b.imag != 0. || b.real < 0.) errno = EDOM;
    r = {0., 0.};
  } else {
    double vabs = std::hypot(a.real, a.imag);
    double len = std::pow(vabs, b.real);
    double at = std::atan2(a.imag, a.real);
    double phase = at * b.real;
    if (b.imag != 0.0) {
      len /= std::exp(at * b.imag);
      phase += b.imag * std::log(vabs);
    }
    r.real = len * std::cos(phase);
    r.imag = len * std::sin(phase);
  }
  return r;
}

// c_powu / c_powi: binary exponentiation for small integral exponents.
Cx c_powu(Cx x, long n) {
  Cx r = {1., 0.}, p = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = c_prod(r, p);
    mask <<= 1;
    p = c_prod(p, p);
  }
  return r;
}

Cx c_powi(Cx x, long n) {
  if (n > 0) return c_powu(x, n);
  return c_quot({1., 0.}, c_powu(x, -n));
}

// _Py_c_abs: errno = ERANGE on overflow.
double c_abs(Cx z) {
  if (!std::isfinite(z.real) || !std::isfinite(z.imag)) {
    // C99: an infinite part wins even over a NaN.
    errno = 0;
    if (std::isinf(z.real)) return std::fabs(z.real);
    if (std::isinf(z.imag)) return std::fabs(z.imag);
    return NAN;
  }
  double result = std::hypot(z.real, z.imag);
  errno = std::isfinite(result) ? 0 : ERANGE;
  return result;
}

Value new_of_type(Type* type, double real, double imag) {
  if (type == complex_type) return complex_new(real, imag);
  size_t size = type->instance_size > sizeof(Complex) ? type->instance_size : sizeof(Complex);
  Complex* c = static_cast<Complex*>(gc_alloc(size, type));
  c->real = real;
  c->imag = imag;
  if (InstanceAttrs* attrs = attrs_of(c)) attrs->layout = type->root_layout;
  return Value(c);
}

// ---------------------------------------------------------------- slots

Value complex_slot_repr(Value self) {
  Cx c = cx_of(self);
  return Value(str_new(complex_repr(c.real, c.imag)));
}

// _Py_HashDouble, with NaNs hashed by the object's address as CPython 3.10+.
uint64_t hash_part(Value self, double v) {
  if (std::isnan(v)) {
    uint64_t y = uint64_t(uintptr_t(self.obj()));
    return (y >> 4) | (y << 60);
  }
  return uint64_t(float_hash(v));
}

int64_t complex_slot_hash(Value self) {
  Cx c = cx_of(self);
  uint64_t hashreal = hash_part(self, c.real);
  uint64_t hashimag = hash_part(self, c.imag);
  // _PyHASH_IMAG; unsigned arithmetic wraps as CPython's Py_uhash_t.
  uint64_t combined = hashreal + 1000003ULL * hashimag;
  if (combined == uint64_t(-1)) combined = uint64_t(-2);
  return int64_t(combined);
}

Value complex_slot_richcompare(Value a, Value b, int op) {
  if (op != 2 && op != 3) return not_implemented();
  Cx x = cx_of(a);
  bool equal;
  if (is_int(b)) {
    // Compare an int exactly through float's int/float comparison.
    if (x.imag == 0.0) return py_richcompare(float_new(x.real), b, op);
    equal = false;
  } else if (is_float(b)) {
    equal = x.real == float_value(b) && x.imag == 0.0;
  } else if (is_complex(b)) {
    Cx y = cx_of(b);
    equal = x.real == y.real && x.imag == y.imag;
  } else {
    return not_implemented();
  }
  return py_bool(op == 2 ? equal : !equal);
}

Value complex_slot_binary(Value a, Value b, int op) {
  if (op >= 13) op -= 13;
  if (op != kAdd && op != kSub && op != kMul && op != kTrueDiv && op != kPow)
    return not_implemented();
  Cx x, y;
  if (!to_cx(a, &x) || !to_cx(b, &y)) return not_implemented();
  switch (op) {
    case kAdd: {
      Cx r = c_sum(x, y);
      return complex_new(r.real, r.imag);
    }
    case kSub: {
      Cx r = c_diff(x, y);
      return complex_new(r.real, r.imag);
    }
    case kMul: {
      Cx r = c_prod(x, y);
      return complex_new(r.real, r.imag);
    }
    case kTrueDiv: {
      errno = 0;
      Cx r = c_quot(x, y);
      if (errno == EDOM) raise_zero_division("complex division by zero");
      return complex_new(r.real, r.imag);
    }
    default:
      return complex_power(x.real, x.imag, y.real, y.imag);
  }
}

Value complex_slot_negative(Value v) {
  Cx c = cx_of(v);
  return complex_new(-c.real, -c.imag);
}

Value complex_slot_positive(Value v) {
  if (is_exact(v, complex_type)) return v;
  Cx c = cx_of(v);
  return complex_new(c.real, c.imag);
}

Value complex_slot_absolute(Value v) {
  double r = c_abs(cx_of(v));
  if (errno == ERANGE) raise_overflow_error("absolute value too large");
  return float_new(r);
}

int complex_slot_truthy(Value v) {
  Cx c = cx_of(v);
  return c.real != 0.0 || c.imag != 0.0;
}

// ---------------------------------------------------------------- construction

inline bool is_c_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// PyOS_string_to_double(s, &end, NULL) on a NUL-terminated ASCII string:
// the longest float prefix (sign, digits with optional point and exponent,
// or inf/infinity/nan). Returns the number of characters consumed (0: none).
size_t float_prefix(const char* s, double* out) {
  size_t i = 0;
  if (s[i] == '+' || s[i] == '-') ++i;
  auto word = [&](const char* w) { return strncasecmp(s + i, w, strlen(w)) == 0; };
  if (word("infinity") || word("inf") || word("nan")) {
    bool neg = s[0] == '-';
    if (word("nan")) {
      *out = neg ? -NAN : NAN;
      return i + 3;
    }
    *out = neg ? -HUGE_VAL : HUGE_VAL;
    return i + (word("infinity") ? 8 : 3);
  }
  size_t digits = 0;
  while (s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (s[i] == '.') {
    ++i;
    while (s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return 0;
  if (s[i] == 'e' || s[i] == 'E') {
    size_t e = i + 1;
    if (s[e] == '+' || s[e] == '-') ++e;
    if (s[e] >= '0' && s[e] <= '9') {
      while (s[e] >= '0' && s[e] <= '9') ++e;
      i = e;
    }
  }
  std::string text(s, i);
  *out = strtod(text.c_str(), nullptr);  // glibc strtod is correctly rounded
  return i;
}

[[noreturn]] void malformed() { raise_value_error("complex() arg is a malformed string"); }

// complex_from_string_inner, after CPython's underscore and Unicode
// preprocessing.
Cx parse_complex(const std::string& text, Value original) {
  // Underscores are allowed only between digits.
  std::string buf;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_') {
      if (i == 0 || i + 1 == text.size() || !isdigit(uint8_t(text[i - 1])) ||
          !isdigit(uint8_t(text[i + 1])))
        raise_value_error("could not convert string to complex: " + repr_utf8(original));
      continue;
    }
    if (text[i] == '\0') malformed();
    buf += text[i];
  }
  const char* start = buf.c_str();
  const char* s = start;
  double x = 0.0, y = 0.0, z;
  bool got_bracket = false;
  while (is_c_space(*s)) ++s;
  if (*s == '(') {
    got_bracket = true;
    ++s;
    while (is_c_space(*s)) ++s;
  }
  size_t n = float_prefix(s, &z);
  if (n != 0) {
    s += n;
    if (*s == '+' || *s == '-') {
      // <float><signed-float>j | <float><sign>j
      x = z;
      size_t m = float_prefix(s, &y);
      if (m != 0) {
        s += m;
      } else {
        y = *s == '+' ? 1.0 : -1.0;
        ++s;
      }
      if (!(*s == 'j' || *s == 'J')) malformed();
      ++s;
    } else if (*s == 'j' || *s == 'J') {
      ++s;
      y = z;
    } else {
      x = z;
    }
  } else {
    // <sign>j | j
    if (*s == '+' || *s == '-') {
      y = *s == '+' ? 1.0 : -1.0;
      ++s;
    } else {
      y = 1.0;
    }
    if (!(*s == 'j' || *s == 'J')) malformed();
    ++s;
  }
  while (is_c_space(*s)) ++s;
  if (got_bracket) {
    if (*s != ')') malformed();
    ++s;
    while (is_c_space(*s)) ++s;
  }
  if (size_t(s - start) != buf.size()) malformed();
  return {x, y};
}

bool has_float_or_index(Value v) {
  if (is_int(v) || is_float(v) || is_complex(v)) return true;
  static Str* float_name = intern("__float__");
  static Str* index_name = intern("__index__");
  return !lookup_special(v, float_name).empty() || !lookup_special(v, index_name).empty();
}

Value complex_slot_new(Type* type, Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  parse_args("complex", args, nargs, kwnames, {"real", "imag"}, 0, a);
  Value r = a[0], i = a[1];
  if (r.empty()) r = Value::small(0);
  if (is_exact(r, complex_type) && i.empty() && type == complex_type) return r;
  if (is_str(r)) {
    if (!i.empty()) raise_type_error("complex() can't take second arg if first is a string");
    Str* s = r.as<Str>();
    Cx c = parse_complex(
        number_text_to_ascii(s->ascii ? std::string(s->ascii_view()) : str_to_utf8(s)), r);
    return new_of_type(type, c.real, c.imag);
  }
  if (!i.empty() && is_str(i)) raise_type_error("complex() second arg can't be a string");
  static Str* complex_name = intern("__complex__");
  Value m = lookup_special(r, complex_name);
  if (!m.empty()) {
    Value res = py_call0(m);
    if (!is_complex(res))
      raise_type_error("__complex__ returned non-complex (type " + type_name_str(res) + ")");
    r = res;
  }
  if (!has_float_or_index(r))
    raise_type_error("complex() first argument must be a string or a number, not '" +
                     type_name_str(r) + "'");
  if (!i.empty() && !has_float_or_index(i))
    raise_type_error("complex() second argument must be a number, not '" + type_name_str(i) + "'");
  Cx cr, ci = {0.0, 0.0};
  bool cr_is_complex = false, ci_is_complex = false;
  if (is_complex(r)) {
    cr = cx_of(r);
    cr_is_complex = true;
  } else {
    cr = {to_double(r), 0.0};
  }
  if (i.empty()) {
    ci.real = cr.imag;
  } else if (is_complex(i)) {
    ci = cx_of(i);
    ci_is_complex = true;
  } else {
    ci.real = to_double(i);
  }
  // Non-canonical inputs (complex parts) fold their imaginary parts in.
  if (ci_is_complex) cr.real -= ci.imag;
  if (cr_is_complex && !i.empty()) ci.real += cr.imag;
  return new_of_type(type, cr.real, ci.real);
}

// ---------------------------------------------------------------- format

// Inserts thousands separators into the integer digits of a formatted part.
std::string group_digits(const std::string& s, char sep) {
  size_t b = (s[0] == '-' || s[0] == '+' || s[0] == ' ') ? 1 : 0;
  size_t e = b;
  while (e < s.size() && isdigit(uint8_t(s[e]))) ++e;
  std::string digits = s.substr(b, e - b), out;
  for (size_t k = 0; k < digits.size(); ++k) {
    if (k && (digits.size() - k) % 3 == 0) out += sep;
    out += digits[k];
  }
  return s.substr(0, b) + out + s.substr(e);
}

// format_complex_internal.
Value complex_format(Cx c, std::string_view spec) {
  if (spec.empty()) return Value(str_new(complex_repr(c.real, c.imag)));
  // [[fill]align][sign][z][#][0][width][grouping][.precision][type]
  size_t p = 0;
  std::string fill(1, ' ');
  char align = '>';
  auto is_align = [](char ch) { return ch == '<' || ch == '>' || ch == '=' || ch == '^'; };
  // The fill may be any code point: take one UTF-8 sequence.
  size_t first_len = 1;
  if (!spec.empty() && (uint8_t(spec[0]) & 0x80)) {
    while (first_len < spec.size() && (uint8_t(spec[first_len]) & 0xC0) == 0x80) ++first_len;
  }
  bool have_fill = false;
  if (spec.size() > first_len && is_align(spec[first_len])) {
    fill = std::string(spec.substr(0, first_len));
    align = spec[first_len];
    p = first_len + 1;
    have_fill = true;
  } else if (!spec.empty() && is_align(spec[0])) {
    align = spec[0];
    p = 1;
  }
  char sign = '-';
  if (p < spec.size() && (spec[p] == '+' || spec[p] == '-' || spec[p] == ' ')) sign = spec[p++];
  bool no_neg_0 = false;
  if (p < spec.size() && spec[p] == 'z') {
    no_neg_0 = true;
    ++p;
  }
  bool alt = false;
  if (p < spec.size() && spec[p] == '#') {
    alt = true;
    ++p;
  }
  bool zero = false;
  if (p < spec.size() && spec[p] == '0') {
    zero = true;
    ++p;
  }
  int64_t width = -1;
  while (p < spec.size() && isdigit(uint8_t(spec[p]))) {
    width = (width < 0 ? 0 : width) * 10 + (spec[p++] - '0');
    if (width > INT32_MAX) raise_value_error("Too many decimal digits in format string");
  }
  char grouping = 0;
  if (p < spec.size() && (spec[p] == ',' || spec[p] == '_')) grouping = spec[p++];
  int64_t precision = -1;
  if (p < spec.size() && spec[p] == '.') {
    ++p;
    if (p >= spec.size() || !isdigit(uint8_t(spec[p])))
      raise_value_error("Format specifier missing precision");
    precision = 0;
    while (p < spec.size() && isdigit(uint8_t(spec[p]))) {
      precision = precision * 10 + (spec[p++] - '0');
      if (precision > INT32_MAX) raise_value_error("Too many decimal digits in format string");
    }
  }
  char type = 0;
  if (p < spec.size()) type = spec[p++];
  if (p < spec.size()) raise_value_error("Invalid format specifier");
  switch (type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
      break;
    default: {
      std::string code(1, type);
      raise_value_error("Unknown format code '" + code + "' for object of type 'complex'");
    }
  }
  // A '0' flag means '0' fill unless a fill was given; both are refused.
  if (zero && !have_fill) fill.assign(1, '0');
  if (fill == "0") raise_value_error("Zero padding is not allowed in complex format specifier");
  if (align == '=')
    raise_value_error("'=' alignment flag is not allowed in complex format specifier");
  int default_precision = 6;
  bool skip_re = false, add_parens = false;
  if (type == 0) {
    type = 'r';
    default_precision = 0;
    if (c.real == 0.0 && std::copysign(1.0, c.real) == 1.0)
      skip_re = true;
    else
      add_parens = true;
  }
  if (type == 'n') type = 'g';
  if (precision < 0)
    precision = default_precision;
  else if (type == 'r')
    type = 'g';
  std::string re = double_to_string(c.real, type, int(precision), false, false, alt, no_neg_0);
  std::string im = double_to_string(c.imag, type, int(precision), false, false, alt, no_neg_0);
  // Signs: the real part follows the spec; the imaginary part always shows
  // one unless it stands alone.
  auto signed_part = [](const std::string& s, char sgn) {
    if ((!s.empty() && s[0] == '-') || (sgn != '+' && sgn != ' ')) return s;
    std::string out(1, sgn);
    out += s;
    return out;
  };
  re = signed_part(re, sign);
  im = signed_part(im, skip_re ? sign : '+');
  if (grouping) {
    re = group_digits(re, grouping);
    im = group_digits(im, grouping);
  }
  std::string body;
  if (add_parens) body += '(';
  if (!skip_re) body += re;
  body += im;
  body += 'j';
  if (add_parens) body += ')';
  // Pad to the width, counting code points (the body is ASCII).
  int64_t len = int64_t(body.size());
  std::string out;
  if (width > len) {
    int64_t pad = width - len, left = 0;
    if (align == '>')
      left = pad;
    else if (align == '^')
      left = pad / 2;
    for (int64_t k = 0; k < left; ++k) out += fill;
    out += body;
    for (int64_t k = 0; k < pad - left; ++k) out += fill;
  } else {
    out = body;
  }
  return Value(str_new(out));
}

// ---------------------------------------------------------------- methods

Complex* self_complex(Value* args, const char* name) {
  if (!is_complex(args[0]))
    raise_type_error(std::string("descriptor '") + name +
                     "' for 'complex' objects doesn't apply to a '" + type_name_str(args[0]) +
                     "' object");
  return args[0].as<Complex>();
}

Value m_conjugate(Value* args, size_t nargs, Tuple* kwnames) {
  Complex* c = self_complex(args, "conjugate");
  arg_noargs("complex.conjugate", nargs - 1, kwnames);
  return complex_new(c->real, -c->imag);
}

Value m_format(Value* args, size_t nargs, Tuple* kwnames) {
  Complex* c = self_complex(args, "__format__");
  check_no_kwargs("__format__", kwnames);
  if (nargs != 2)
    raise_type_error("__format__() takes exactly one argument (" + std::to_string(nargs - 1) +
                     " given)");
  if (!is_str(args[1]))
    raise_type_error("__format__() argument must be str, not " + type_name_str(args[1]));
  return complex_format({c->real, c->imag}, str_to_utf8(args[1].as<Str>()));
}

Value m_getnewargs(Value* args, size_t nargs, Tuple* kwnames) {
  Complex* c = self_complex(args, "__getnewargs__");
  arg_noargs("complex.__getnewargs__", nargs - 1, kwnames);
  Value re = float_new(c->real);
  Value im = float_new(c->imag);
  return Value(tuple_of({re, im}));
}

Value m_complex(Value* args, size_t nargs, Tuple* kwnames) {
  Complex* c = self_complex(args, "__complex__");
  arg_noargs("complex.__complex__", nargs - 1, kwnames);
  if (c->type == complex_type) return args[0];
  return complex_new(c->real, c->imag);
}

Value get_real(Value self) { return float_new(self.as<Complex>()->real); }
Value get_imag(Value self) { return float_new(self.as<Complex>()->imag); }

}  // namespace

Value complex_new(double real, double imag) {
  Complex* c = gc_new<Complex>(complex_type);
  c->real = real;
  c->imag = imag;
  return Value(c);
}

std::string complex_repr(double real, double imag) {
  if (real == 0. && std::copysign(1.0, real) == 1.0) return double_to_string(imag, 'r', 0) + "j";
  // Built by appending: GCC 12 warns (-Wrestrict, falsely) on "lit" + string&&.
  std::string out(1, '(');
  out += double_to_string(real, 'r', 0);
  out += double_to_string(imag, 'r', 0, true);
  out += "j)";
  return out;
}

Value complex_power(double ar, double ai, double br, double bi) {
  Cx a = {ar, ai}, b = {br, bi}, p;
  errno = 0;
  // A small integral exponent uses repeated multiplication: faster and
  // more accurate (CPython's fast path, bound 100 included).
  if (b.imag == 0.0 && b.real == std::floor(b.real) && std::fabs(b.real) <= 100.0)
    p = c_powi(a, long(b.real));
  else
    p = c_pow(a, b);
  // _Py_ADJUST_ERANGE2
  if (p.real == HUGE_VAL || p.real == -HUGE_VAL || p.imag == HUGE_VAL || p.imag == -HUGE_VAL) {
    if (errno == 0) errno = ERANGE;
  } else if (errno == ERANGE) {
    errno = 0;
  }
  if (errno == EDOM) raise_zero_division("0.0 to a negative or complex power");
  if (errno == ERANGE) raise_overflow_error("complex exponentiation");
  return complex_new(p.real, p.imag);
}

void init_complex_type() {
  complex_type = new_builtin_type("complex", nullptr, sizeof(Complex), kTypeBaseType);
  Type* t = complex_type;
  t->repr = complex_slot_repr;
  t->hash = complex_slot_hash;
  t->richcompare = complex_slot_richcompare;
  t->binary = complex_slot_binary;
  t->negative = complex_slot_negative;
  t->positive = complex_slot_positive;
  t->absolute = complex_slot_absolute;
  t->truthy = complex_slot_truthy;
  t->new_ = complex_slot_new;
  add_method(t, "conjugate", m_conjugate);
  add_method(t, "__format__", m_format);
  add_method(t, "__getnewargs__", m_getnewargs);
  add_method(t, "__complex__", m_complex);
  add_getter(t, "real", get_real);
  add_getter(t, "imag", get_imag);
}

}  // namespace kestrel
