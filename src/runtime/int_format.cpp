// format(int, spec) and the format-spec mini-language shared with floats:
// spec parsing, digit grouping and padding, following CPython's
// Python/formatter_unicode.c rule for rule so that output is identical.
#include <cstring>
#include <string>

#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/number_format.h"
#include "runtime/protocol.h"
#include "runtime/str.h"

namespace kestrel {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xC0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xE0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  }
}

// Decodes UTF-8 leniently (the spec came from a valid Str).
static std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    uint32_t cp;
    int n;
    if (c < 0x80) {
      cp = c, n = 1;
    } else if ((c >> 5) == 6) {
      cp = c & 0x1F, n = 2;
    } else if ((c >> 4) == 14) {
      cp = c & 0x0F, n = 3;
    } else {
      cp = c & 0x07, n = 4;
    }
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

static int64_t cp_len(std::string_view s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

static bool is_alignment_token(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
static bool is_sign_element(uint32_t c) { return c == ' ' || c == '+' || c == '-'; }

// Reads a decimal integer; returns the number of digits consumed.
static int64_t get_integer(const std::u32string& s, size_t* pos, int64_t* result) {
  int64_t acc = 0, n = 0;
  while (*pos < s.size() && s[*pos] >= '0' && s[*pos] <= '9') {
    int64_t d = s[*pos] - '0';
    if (acc > (INT64_MAX - d) / 10) raise_value_error("Too many decimal digits in format string");
    acc = acc * 10 + d;
    ++*pos;
    ++n;
  }
  *result = acc;
  return n;
}

static std::string char_for_message(uint32_t c) {
  if (c > 32 && c < 128) return std::string(1, char(c));
  char buf[16];
  snprintf(buf, sizeof buf, "\\x%x", unsigned(c));
  return buf;
}

[[noreturn]] void raise_unknown_format_code(uint32_t type, const char* type_name) {
  raise_value_error("Unknown format code '" + char_for_message(type) + "' for object of type '" +
                    type_name + "'");
}

void parse_format_spec(std::string_view spec_utf8, const char* type_name, char default_type,
                       FormatSpec* f) {
  std::u32string s = decode_utf8(spec_utf8);
  size_t pos = 0, end = s.size();
  bool align_specified = false, fill_specified = false;
  *f = FormatSpec();
  f->type = uint32_t(default_type);
  if (end - pos >= 2 && is_alignment_token(s[pos + 1])) {
    f->align = s[pos + 1];
    f->fill = s[pos];
    fill_specified = align_specified = true;
    pos += 2;
  } else if (end - pos >= 1 && is_alignment_token(s[pos])) {
    f->align = s[pos];
    align_specified = true;
    ++pos;
  }
  if (end - pos >= 1 && is_sign_element(s[pos])) f->sign = char(s[pos++]);
  if (end - pos >= 1 && s[pos] == 'z') {
    f->no_neg_0 = true;
    ++pos;
  }
  if (end - pos >= 1 && s[pos] == '#') {
    f->alternate = true;
    ++pos;
  }
  // '0' before the width means zero padding after the sign (backwards compatibility).
  if (!fill_specified && end - pos >= 1 && s[pos] == '0') {
    f->fill = '0';
    if (!align_specified) f->align = '=';
    ++pos;
  }
  if (get_integer(s, &pos, &f->width) == 0) f->width = -1;
  if (end - pos && s[pos] == ',') {
    f->thousands = ',';
    ++pos;
  }
  if (end - pos && s[pos] == '_') {
    if (f->thousands) raise_value_error("Cannot specify both ',' and '_'.");
    f->thousands = '_';
    ++pos;
  }
  if (end - pos && s[pos] == ',' && f->thousands == '_')
    raise_value_error("Cannot specify both ',' and '_'.");
  if (end - pos && s[pos] == '.') {
    ++pos;
    if (get_integer(s, &pos, &f->precision) == 0)
      raise_value_error("Format specifier missing precision");
  }
  if (end - pos > 1) {
    raise_value_error("Invalid format specifier '" + std::string(spec_utf8) +
                      "' for object of type '" + type_name + "'");
  }
  if (end - pos == 1) f->type = s[pos++];
  if (f->thousands) {
    switch (f->type) {
      case 'd':
      case 'e':
      case 'f':
      case 'g':
      case 'E':
      case 'G':
      case '%':
      case 'F':
      case 0:
        break;
      case 'b':
      case 'o':
      case 'x':
      case 'X':
        if (f->thousands == '_') {
          f->group_four = true;
          break;
        }
        [[fallthrough]];
      default:
        raise_value_error(std::string("Cannot specify '") + f->thousands + "' with '" +
                          char_for_message(f->type) + "'.");
    }
  }
}

// CPython's _PyUnicode_InsertThousandsGrouping: groups `digits` from the
// right, padding with zeros (and separators) up to min_width characters.
static std::string group_digits(std::string_view digits, int64_t min_width, int group, char sep) {
  if (min_width < 0) min_width = 0;
  std::string rev;  // built right to left
  int64_t remaining = int64_t(digits.size());
  int64_t dpos = remaining;
  bool use_sep = false, broken = false;
  auto emit = [&](int64_t len) {
    int64_t n_zeros = std::max<int64_t>(0, len - remaining);
    int64_t n_chars = std::max<int64_t>(0, std::min(remaining, len));
    if (use_sep) rev.push_back(sep);
    for (int64_t i = 0; i < n_chars; ++i) rev.push_back(digits[size_t(--dpos)]);
    rev.append(size_t(n_zeros), '0');
    return n_chars;
  };
  if (group > 0) {
    for (;;) {
      int64_t len = std::min<int64_t>(group, std::max(std::max(remaining, min_width), int64_t(1)));
      int64_t n_chars = emit(len);
      use_sep = true;
      remaining -= n_chars;
      min_width -= len;
      if (remaining <= 0 && min_width <= 0) {
        broken = true;
        break;
      }
      min_width -= 1;  // the separator
    }
  }
  if (!broken) emit(std::max(std::max(remaining, min_width), int64_t(1)));
  return std::string(rev.rbegin(), rev.rend());
}

std::string layout_number(const FormatSpec& f, char sign_char, std::string_view prefix,
                          std::string_view digits, bool has_decimal, std::string_view remainder,
                          bool upper) {
  char sign = 0;
  if (f.sign == '+') {
    sign = sign_char == '-' ? '-' : '+';
  } else if (f.sign == ' ') {
    sign = sign_char == '-' ? '-' : ' ';
  } else if (sign_char == '-') {
    sign = '-';
  }
  int64_t n_sign = sign ? 1 : 0;
  int64_t n_prefix = int64_t(prefix.size());
  int64_t n_remainder = cp_len(remainder);
  int64_t n_non_digit = n_sign + n_prefix + (has_decimal ? 1 : 0) + n_remainder;
  int64_t min_width = (f.fill == '0' && f.align == '=') ? f.width - n_non_digit : 0;
  std::string grouped;
  if (!digits.empty()) {
    int group = f.thousands ? (f.group_four ? 4 : 3) : 0;
    grouped = group_digits(digits, min_width, group, f.thousands);
  }
  int64_t n_padding = f.width - (n_non_digit + int64_t(grouped.size()));
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (n_padding > 0) {
    switch (f.align) {
      case '<':
        rpad = n_padding;
        break;
      case '^':
        lpad = n_padding / 2;
        rpad = n_padding - lpad;
        break;
      case '=':
        spad = n_padding;
        break;
      default:
        lpad = n_padding;
        break;
    }
  }
  std::string fill;
  append_utf8(fill, f.fill);
  std::string out;
  out.reserve(size_t(n_non_digit) + grouped.size() +
              size_t(std::max<int64_t>(n_padding, 0)) * fill.size());
  for (int64_t i = 0; i < lpad; ++i) out += fill;
  if (sign) out.push_back(sign);
  size_t start_upper = out.size();
  out.append(prefix);
  for (int64_t i = 0; i < spad; ++i) out += fill;
  size_t digits_at = out.size();
  out.append(grouped);
  if (upper) {
    for (size_t i = start_upper; i < start_upper + prefix.size(); ++i)
      out[i] = char(toupper(out[i]));
    for (size_t i = digits_at; i < out.size(); ++i) out[i] = char(toupper(out[i]));
  }
  if (has_decimal) out.push_back('.');
  out.append(remainder);
  for (int64_t i = 0; i < rpad; ++i) out += fill;
  return out;
}

// Defined in float_format.cpp: formats a double with an already-parsed spec.
std::string float_format_parsed(double v, FormatSpec& f);

Value int_format(Value v, std::string_view spec) {
  if (spec.empty()) {
    if (v.is_small() || type_of(v) == int_type) return Value(int_to_decimal_str(v));
    return py_str(v);
  }
  const char* tname = type_name(v);
  FormatSpec f;
  parse_format_spec(spec, tname, 'd', &f);
  switch (f.type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
      break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%':
      return Value(str_new(float_format_parsed(int_to_double(v), f)));
    default:
      raise_unknown_format_code(f.type, tname);
  }
  if (f.precision != -1) raise_value_error("Precision not allowed in integer format specifier");
  if (f.no_neg_0)
    raise_value_error("Negative zero coercion (z) not allowed in integer format specifier");
  if (f.type == 'c') {
    if (f.sign) raise_value_error("Sign not allowed with integer format specifier 'c'");
    if (f.alternate)
      raise_value_error("Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t x;
    if (!int_to_i64(v, &x)) raise_overflow_error("Python int too large to convert to C long");
    if (x < 0 || x > 0x10ffff) raise_overflow_error("%c arg not in range(0x110000)");
    std::string ch;
    append_utf8(ch, uint32_t(x));
    return Value(str_new(layout_number(f, 0, "", "", false, ch, false)));
  }
  int base = 10;
  const char* prefix = "";
  switch (f.type) {
    case 'b':
      base = 2, prefix = "0b";
      break;
    case 'o':
      base = 8, prefix = "0o";
      break;
    case 'x':
    case 'X':
      base = 16, prefix = "0x";
      break;
    default:
      break;
  }
  std::string digits = base == 10 ? int_to_decimal(v) : int_to_base(v, base, false);
  char sign_char = 0;
  std::string_view dv = digits;
  if (!dv.empty() && dv[0] == '-') {
    sign_char = '-';
    dv.remove_prefix(1);
  }
  return Value(str_new(
      layout_number(f, sign_char, f.alternate ? prefix : "", dv, false, "", f.type == 'X')));
}

}  // namespace kestrel
