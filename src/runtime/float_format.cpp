// Float to text: repr (shortest round-trip digits) and the 'e'/'f'/'g'/'%'
// formats, reproducing CPython's PyOS_double_to_string/format_float_short on
// top of correctly rounded digit generators (std::to_chars, glibc printf).
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/number_format.h"
#include "runtime/protocol.h"
#include "runtime/str.h"

namespace kestrel {

namespace {

// Decimal digits of a finite, non-negative double: value = 0.DIGITS * 10**decpt,
// with no trailing zeros (as David Gay's _Py_dg_dtoa returns them). Zero gives
// "0" with decpt 1. mode 0: shortest round-trip; mode 2: `ndigits`
// significant digits; mode 3: `ndigits` digits after the decimal point.
struct Digits {
  std::string digits;
  int decpt = 0;
};

void parse_sci(const char* s, size_t n, Digits* out) {
  // "d.ddddde[+-]XX" or "de[+-]XX"
  out->digits.clear();
  size_t i = 0;
  for (; i < n && s[i] != 'e'; ++i)
    if (s[i] != '.') out->digits.push_back(s[i]);
  int exp = 0;
  if (i < n) std::from_chars(s + i + 1 + (s[i + 1] == '+'), s + n, exp);
  out->decpt = exp + 1;
}

void strip_trailing_zeros(Digits* d) {
  size_t n = d->digits.size();
  while (n > 1 && d->digits[n - 1] == '0') --n;
  d->digits.resize(n);
}

void float_digits(double x, int mode, int ndigits, Digits* out) {
  if (x == 0.0) {
    out->digits = "0";
    out->decpt = 1;
    return;
  }
  if (mode == 0) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
    parse_sci(buf, size_t(r.ptr - buf), out);
    strip_trailing_zeros(out);
    return;
  }
  std::vector<char> buf(size_t(ndigits) + 400);
  if (mode == 2) {
    int n = snprintf(buf.data(), buf.size(), "%.*e", ndigits - 1, x);
    parse_sci(buf.data(), size_t(n), out);
    strip_trailing_zeros(out);
    return;
  }
  // mode 3: fixed point.
  int n = snprintf(buf.data(), buf.size(), "%.*f", ndigits, x);
  std::string& d = out->digits;
  d.clear();
  int intlen = 0;
  bool in_frac = false;
  for (int i = 0; i < n; ++i) {
    char c = buf[size_t(i)];
    if (c == '.') {
      in_frac = true;
      continue;
    }
    d.push_back(c);
    if (!in_frac) ++intlen;
  }
  size_t lead = 0;
  while (lead < d.size() && d[lead] == '0') ++lead;
  if (lead == d.size()) {
    // Rounded to zero: no digits (any decpt <= 0 formats the same).
    d.clear();
    out->decpt = -ndigits;
    return;
  }
  d.erase(0, lead);
  out->decpt = intlen - int(lead);
  size_t m = d.size();
  while (m > 0 && d[m - 1] == '0') --m;
  d.resize(m);
}

}  // namespace

std::string double_to_string(double val, char code, int precision, bool always_sign, bool add_dot_0,
                             bool alt, bool no_neg_0) {
  bool upper = false;
  int mode = 0;
  switch (code) {
    case 'E':
      upper = true;
      code = 'e';
      [[fallthrough]];
    case 'e':
      mode = 2;
      precision++;
      break;
    case 'F':
      upper = true;
      code = 'f';
      [[fallthrough]];
    case 'f':
      mode = 3;
      break;
    case 'G':
      upper = true;
      code = 'g';
      [[fallthrough]];
    case 'g':
      mode = 2;
      if (precision == 0) precision = 1;
      break;
    default:  // 'r'
      code = 'r';
      mode = 0;
      break;
  }
  std::string out;
  bool neg = std::signbit(val);
  if (std::isnan(val)) {
    if (always_sign) out.push_back('+');
    out += upper ? "NAN" : "nan";
    return out;
  }
  if (std::isinf(val)) {
    if (neg) {
      out.push_back('-');
    } else if (always_sign) {
      out.push_back('+');
    }
    out += upper ? "INF" : "inf";
    return out;
  }
  Digits dg;
  float_digits(std::fabs(val), mode, precision, &dg);
  const std::string& digits = dg.digits;
  int64_t decpt = dg.decpt;
  int64_t digits_len = int64_t(digits.size());
  int64_t vdigits_end = digits_len;
  bool use_exp = false;
  switch (code) {
    case 'e':
      use_exp = true;
      vdigits_end = precision;
      break;
    case 'f':
      vdigits_end = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
      if (alt) vdigits_end = precision;
      break;
    default:  // 'r'
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  int64_t exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  int64_t vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0)
    vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
  else
    vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;

  // A value that rounded to zero has no digits; 'z' drops the sign of such.
  bool is_zero = digits_len == 0 || (digits_len == 1 && digits[0] == '0');
  if (neg && !(no_neg_0 && is_zero)) {
    out.push_back('-');
  } else if (always_sign) {
    out.push_back('+');
  }
  if (decpt <= 0) {
    out.append(size_t(decpt - vdigits_start), '0');
    out.push_back('.');
    out.append(size_t(-decpt), '0');
  } else {
    out.append(size_t(-vdigits_start), '0');
  }
  if (0 < decpt && decpt <= digits_len) {
    out.append(digits, 0, size_t(decpt));
    out.push_back('.');
    out.append(digits, size_t(decpt), std::string::npos);
  } else {
    out.append(digits);
  }
  if (digits_len < decpt) {
    out.append(size_t(decpt - digits_len), '0');
    out.push_back('.');
    out.append(size_t(vdigits_end - decpt), '0');
  } else {
    out.append(size_t(vdigits_end - digits_len), '0');
  }
  if (out.back() == '.' && !alt) out.pop_back();
  if (use_exp) {
    char buf[32];
    snprintf(buf, sizeof buf, "%c%+.02d", upper ? 'E' : 'e', int(exp));
    out += buf;
  }
  return out;
}

std::string float_repr(double v) { return double_to_string(v, 'r', 0, false, true, false, false); }

// CPython's format_float_internal with a parsed spec (also used for ints
// formatted with float presentation types).
std::string float_format_parsed(double val, FormatSpec& f) {
  if (f.precision > INT32_MAX) raise_value_error("precision too big");
  int precision = int(f.precision);
  uint32_t type = f.type;
  int default_precision = 6;
  bool add_dot_0 = false;
  bool add_pct = false;
  if (type == 0) {
    add_dot_0 = true;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  if (type == '%') {
    type = 'f';
    val *= 100;
    add_pct = true;
  }
  if (precision < 0)
    precision = default_precision;
  else if (type == 'r')
    type = 'g';
  std::string buf =
      double_to_string(val, char(type), precision, false, add_dot_0, f.alternate, f.no_neg_0);
  if (add_pct) buf.push_back('%');
  if (f.sign != '+' && f.sign != ' ' && f.width == -1 && f.type != 'n' && !f.thousands) return buf;
  std::string_view s = buf;
  char sign_char = 0;
  if (!s.empty() && s[0] == '-') {
    sign_char = '-';
    s.remove_prefix(1);
  }
  size_t ndig = 0;
  while (ndig < s.size() && s[ndig] >= '0' && s[ndig] <= '9') ++ndig;
  bool has_decimal = ndig < s.size() && s[ndig] == '.';
  std::string_view remainder = s.substr(ndig + (has_decimal ? 1 : 0));
  return layout_number(f, sign_char, "", s.substr(0, ndig), has_decimal, remainder, false);
}

Value float_format(double v, std::string_view spec) {
  FormatSpec f;
  parse_format_spec(spec, "float", 0, &f);
  switch (f.type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
      break;
    default:
      raise_unknown_format_code(f.type, "float");
  }
  return Value(str_new(float_format_parsed(v, f)));
}

}  // namespace kestrel
