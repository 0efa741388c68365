// String formatting: format(str, spec) (the format mini-language for str),
// str.format / str.format_map (PEP 3101 field parsing), and printf-style
// `str % args`, following CPython 3.11's unicode_format.h / unicodeobject.c.
#include <cstring>
#include <string>

#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/unicode_db.h"

namespace kestrel {

// ---------------------------------------------------------------- ascii()

Value str_ascii_of(Value v) {
  Value r = py_repr(v);
  Str* s = r.as<Str>();
  if (s->ascii) return r;
  static const char hex[] = "0123456789abcdef";
  StrWriter w;
  for (int64_t i = 0; i < s->length; ++i) {
    uint32_t c = s->at(i);
    if (c < 128) {
      w.put(c);
      continue;
    }
    w.put('\\');
    int digits = c <= 0xff ? 2 : c <= 0xffff ? 4 : 8;
    w.put(digits == 2 ? 'x' : digits == 4 ? 'u' : 'U');
    for (int sh = (digits - 1) * 4; sh >= 0; sh -= 4) w.put(hex[(c >> sh) & 15]);
  }
  return w.finish();
}

// ---------------------------------------------------------------- format spec

namespace {

struct Spec {
  uint32_t fill = ' ';
  uint32_t align = 0;  // 0 = default
  uint32_t sign = 0;
  bool no_neg_zero = false;
  bool alternate = false;
  int64_t width = -1;
  uint32_t grouping = 0;  // ',' or '_'
  int64_t precision = -1;
  uint32_t type = 0;  // 0 = none
};

// Reads decimal digits (Unicode decimals, as CPython) at `pos`; returns the
// number of digits consumed.
int64_t read_int(const Str* s, int64_t& pos, int64_t end, int64_t* out) {
  int64_t acc = 0, n = 0;
  for (; pos < end; ++pos, ++n) {
    int d = unicode::decimal_value(s->at(pos));
    if (d < 0) break;
    if (acc > (INT64_MAX - d) / 10) raise_value_error("Too many decimal digits in format string");
    acc = acc * 10 + d;
  }
  *out = acc;
  return n;
}

bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// CPython's parse_internal_render_format_spec, for a str (default align '<').
Spec parse_spec(const Str* s, const char* type_name) {
  Spec sp;
  int64_t pos = 0, end = s->length;
  bool fill_given = false, align_given = false;
  if (end - pos >= 2 && is_align(s->at(pos + 1))) {
    sp.fill = s->at(pos);
    sp.align = s->at(pos + 1);
    fill_given = align_given = true;
    pos += 2;
  } else if (end - pos >= 1 && is_align(s->at(pos))) {
    sp.align = s->at(pos);
    align_given = true;
    ++pos;
  }
  if (pos < end && (s->at(pos) == '+' || s->at(pos) == '-' || s->at(pos) == ' '))
    sp.sign = s->at(pos++);
  if (pos < end && s->at(pos) == 'z') {
    sp.no_neg_zero = true;
    ++pos;
  }
  if (pos < end && s->at(pos) == '#') {
    sp.alternate = true;
    ++pos;
  }
  if (!fill_given && pos < end && s->at(pos) == '0') {
    sp.fill = '0';
    (void)align_given;  // for str the default alignment ('<') is kept
    ++pos;
  }
  int64_t v;
  if (read_int(s, pos, end, &v)) sp.width = v;
  if (pos < end && s->at(pos) == ',') {
    sp.grouping = ',';
    ++pos;
  }
  if (pos < end && s->at(pos) == '_') {
    if (sp.grouping) raise_value_error("Cannot specify both ',' and '_'.");
    sp.grouping = '_';
    ++pos;
  }
  if (pos < end && s->at(pos) == ',') {
    if (sp.grouping == '_') raise_value_error("Cannot specify both ',' and '_'.");
  }
  if (pos < end && s->at(pos) == '.') {
    ++pos;
    if (!read_int(s, pos, end, &v)) raise_value_error("Format specifier missing precision");
    sp.precision = v;
  }
  if (end - pos > 1) {
    raise_value_error("Invalid format specifier '" + str_to_utf8(s) + "' for object of type '" +
                      type_name + "'");
  }
  if (end - pos == 1) sp.type = s->at(pos);
  if (sp.grouping) {
    uint32_t t = sp.type;
    bool ok = t == 0 || t == 'd' || t == 'e' || t == 'f' || t == 'g' || t == 'E' || t == 'G' ||
              t == '%' || t == 'F' || t == 's' ||  // 's': str reports it after the type check
              (sp.grouping == '_' && (t == 'b' || t == 'o' || t == 'x' || t == 'X'));
    if (!ok) {
      StrBuilder b;
      b.append_codepoint(t);
      raise_value_error(std::string("Cannot specify '") + char(sp.grouping) + "' with '" +
                        b.utf8() + "'.");
    }
  }
  return sp;
}

}  // namespace

Value str_format_spec(Str* s, std::string_view spec_utf8) {
  if (spec_utf8.empty()) return str_exact(s);
  Str* spec = str_new(spec_utf8);
  Spec sp = parse_spec(spec, "str");
  if (sp.type != 0 && sp.type != 's') {
    char code[16];
    if (sp.type > 32 && sp.type < 128)
      snprintf(code, sizeof code, "'%c'", char(sp.type));
    else
      snprintf(code, sizeof code, "'\\x%x'", sp.type);
    raise_value_error(std::string("Unknown format code ") + code + " for object of type 'str'");
  }
  if (sp.grouping) {
    raise_value_error(std::string("Cannot specify '") + char(sp.grouping) + "' with 's'.");
  }
  if (sp.sign) raise_value_error("Sign not allowed in string format specifier");
  if (sp.no_neg_zero)
    raise_value_error("Negative zero coercion (z) not allowed in string format specifier");
  if (sp.alternate) raise_value_error("Alternate form (#) not allowed in string format specifier");
  if (sp.align == '=') raise_value_error("'=' alignment not allowed in string format specifier");
  int64_t len = s->length;
  if (sp.precision >= 0 && len > sp.precision) len = sp.precision;
  int64_t total = sp.width > len ? sp.width : len;
  if (total == s->length && len == s->length) return str_exact(s);
  int64_t pad = total - len, left = 0;
  if (sp.align == '>')
    left = pad;
  else if (sp.align == '^')
    left = pad / 2;
  StrWriter w;
  w.reserve(size_t(total));
  w.put_repeat(sp.fill, left);
  w.put_range(s, 0, len);
  w.put_repeat(sp.fill, pad - left);
  return w.finish();
}

// ---------------------------------------------------------------- str.format

namespace {

struct FormatArgs {
  const Value* args = nullptr;  // positional (null for format_map)
  int64_t nargs = 0;
  const Value* kwvalues = nullptr;
  Tuple* kwnames = nullptr;
  Value mapping;  // format_map's mapping (empty otherwise)
  bool positional_allowed = true;
};

enum class AutoState { kInit, kAuto, kManual };

struct Formatter {
  const FormatArgs& fa;
  AutoState state = AutoState::kInit;
  int64_t next_auto = 0;

  // Decimal index of s[start:end], -1 when not an integer (or empty).
  static int64_t get_integer(const Str* s, int64_t start, int64_t end) {
    if (start >= end) return -1;
    int64_t acc = 0;
    for (int64_t i = start; i < end; ++i) {
      int d = unicode::decimal_value(s->at(i));
      if (d < 0) return -1;
      if (acc > (INT64_MAX - d) / 10) raise_value_error("Too many decimal digits in format string");
      acc = acc * 10 + d;
    }
    return acc;
  }

  Value lookup_keyword(Str* key) {
    if (!fa.mapping.empty()) return py_getitem(fa.mapping, key);
    if (fa.kwnames) {
      for (int64_t i = 0; i < fa.kwnames->size; ++i)
        if (str_equal(fa.kwnames->items[i].as<Str>(), key)) return fa.kwvalues[i];
    }
    raise_key_error(key);
  }

  Value get_field(const Str* s, int64_t start, int64_t end) {
    int64_t i = start;
    while (i < end && s->at(i) != '.' && s->at(i) != '[') ++i;
    int64_t index = get_integer(s, start, i);
    bool empty = i == start;
    bool numeric = empty || index != -1;
    if (numeric) {
      if (state == AutoState::kInit) state = empty ? AutoState::kAuto : AutoState::kManual;
      if (state == AutoState::kManual && empty)
        raise_value_error(
            "cannot switch from manual field specification to automatic field numbering");
      if (state == AutoState::kAuto && !empty)
        raise_value_error(
            "cannot switch from automatic field numbering to manual field specification");
      if (empty) index = next_auto++;
    }
    Value obj;
    if (index == -1) {
      obj = lookup_keyword(str_substring(s, start, i));
    } else {
      if (!fa.positional_allowed) raise_value_error("Format string contains positional fields");
      if (index >= fa.nargs)
        raise_index_error("Replacement index " + std::to_string(index) +
                          " out of range for positional args tuple");
      obj = fa.args[index];
    }
    // The rest: .name and [key] accessors.
    while (i < end) {
      uint32_t c = s->at(i++);
      int64_t nstart = i;
      if (c == '.') {
        while (i < end && s->at(i) != '.' && s->at(i) != '[') ++i;
        if (i == nstart) raise_value_error("Empty attribute in format string");
        obj = py_getattr(obj, intern_str(str_substring(s, nstart, i)));
      } else if (c == '[') {
        while (i < end && s->at(i) != ']') ++i;
        if (i == end) raise_value_error("Missing ']' in format string");
        int64_t nend = i++;
        if (nend == nstart) raise_value_error("Empty attribute in format string");
        int64_t idx = get_integer(s, nstart, nend);
        if (idx != -1)
          obj = py_getitem(obj, int_from_i64(idx));
        else
          obj = py_getitem(obj, str_substring(s, nstart, nend));
      } else {
        raise_value_error("Only '.' or '[' may follow ']' in format field specifier");
      }
    }
    return obj;
  }

  void render(StrWriter& w, Value obj, Value spec) {
    Value r;
    if (is_exact(obj, str_type)) {
      Str* sp = spec.as<Str>();
      if (sp->length == 0) {
        w.put_str(obj.as<Str>());
        return;
      }
      r = str_format_spec(obj.as<Str>(), str_to_utf8(sp));
    } else {
      r = py_format(obj, spec);
    }
    w.put_str(r.as<Str>());
  }

  void build(StrWriter& w, const Str* s, int64_t start, int64_t end, int depth) {
    if (depth <= 0) raise_value_error("Max string recursion exceeded");
    int64_t pos = start;
    while (pos < end) {
      // Literal text up to a brace.
      int64_t lit = pos;
      uint32_t c = 0;
      bool markup = false;
      while (pos < end) {
        c = s->at(pos++);
        if (c == '{' || c == '}') {
          markup = true;
          break;
        }
      }
      bool at_end = pos >= end;
      int64_t len = pos - lit;
      if (markup && c == '}' && (at_end || s->at(pos) != '}'))
        raise_value_error("Single '}' encountered in format string");
      if (markup && at_end && c == '{')
        raise_value_error("Single '{' encountered in format string");
      if (markup) {
        if (s->at(pos) == c) {  // doubled brace: literal
          ++pos;
          markup = false;
        } else {
          --len;
        }
      }
      w.put_range(s, lit, lit + len);
      if (!markup) continue;
      field(w, s, pos, end, depth);
    }
  }

  // Parses one replacement field starting after '{' and renders it.
  void field(StrWriter& w, const Str* s, int64_t& pos, int64_t end, int depth) {
    int64_t name_start = pos;
    uint32_t c = 0;
    bool terminated = false;
    while (pos < end) {
      c = s->at(pos++);
      if (c == '{') raise_value_error("unexpected '{' in field name");
      if (c == '[') {
        while (pos < end && s->at(pos) != ']') ++pos;
        continue;
      }
      if (c == '}' || c == ':' || c == '!') {
        terminated = true;
        break;
      }
    }
    int64_t name_end = terminated ? pos - 1 : pos;
    uint32_t conversion = 0;
    int64_t spec_start = 0, spec_end = 0;
    bool spec_expand = false;
    if (terminated && (c == '!' || c == ':')) {
      bool have_spec = true;
      if (c == '!') {
        if (pos >= end) raise_value_error("end of string while looking for conversion specifier");
        conversion = s->at(pos++);
        if (pos < end) {
          uint32_t d = s->at(pos++);
          if (d == '}')
            have_spec = false;
          else if (d != ':')
            raise_value_error("expected ':' after conversion specifier");
        }
      }
      if (have_spec) {
        spec_start = pos;
        int count = 1;
        bool closed = false;
        while (pos < end) {
          uint32_t d = s->at(pos++);
          if (d == '{') {
            spec_expand = true;
            ++count;
          } else if (d == '}') {
            if (--count == 0) {
              closed = true;
              break;
            }
          }
        }
        if (!closed) raise_value_error("unmatched '{' in format spec");
        spec_end = pos - 1;
      }
    } else if (!terminated || c != '}') {
      raise_value_error("expected '}' before end of string");
    }

    Value obj = get_field(s, name_start, name_end);
    if (conversion) {
      if (conversion == 'r')
        obj = py_repr(obj);
      else if (conversion == 's')
        obj = py_str(obj);
      else if (conversion == 'a')
        obj = str_ascii_of(obj);
      else if (conversion > 32 && conversion < 127)
        raise_value_error(std::string("Unknown conversion specifier ") + char(conversion));
      else {
        char buf[32];
        snprintf(buf, sizeof buf, "%x", conversion);
        raise_value_error(std::string("Unknown conversion specifier \\x") + buf);
      }
    }
    Value spec;
    if (spec_expand) {
      StrWriter sw;
      build(sw, s, spec_start, spec_end, depth - 1);
      spec = sw.finish();
    } else {
      spec = str_substring(s, spec_start, spec_end);
    }
    render(w, obj, spec);
  }
};

Value do_format(const Str* fmt, const FormatArgs& fa) {
  Formatter f{fa};
  StrWriter w;
  w.reserve(size_t(fmt->length) + 16);
  f.build(w, fmt, 0, fmt->length, 2);
  return w.finish();
}

Value m_format_map(Value* args, size_t nargs, Tuple* kwnames) {
  if (!is_str(args[0]))
    raise_type_error("descriptor 'format_map' for 'str' objects doesn't apply to a '" +
                     type_name_str(args[0]) + "' object");
  arg_onearg("str.format_map", nargs - 1, kwnames);
  FormatArgs fa;
  fa.mapping = args[1];
  fa.positional_allowed = false;
  return do_format(args[0].as<Str>(), fa);
}

Value m_dunder_format(Value* args, size_t nargs, Tuple* kwnames) {
  if (!is_str(args[0]))
    raise_type_error("descriptor '__format__' for 'str' objects doesn't apply to a '" +
                     type_name_str(args[0]) + "' object");
  arg_onearg("str.__format__", nargs - 1, kwnames);
  if (!is_str(args[1]))
    raise_type_error("__format__() argument must be str, not " + type_name_str(args[1]));
  return str_format_spec(args[0].as<Str>(), str_to_utf8(args[1].as<Str>()));
}

Value m_mod(Value* args, size_t nargs, Tuple* kwnames) {
  arg_onearg("str.__mod__", nargs - 1, kwnames);
  if (!is_str(args[0])) return not_implemented();
  return str_mod(args[0], args[1]);
}

}  // namespace

Value str_format_method(Value* args, size_t nargs, Tuple* kwnames) {
  if (!is_str(args[0]))
    raise_type_error("descriptor 'format' for 'str' objects doesn't apply to a '" +
                     type_name_str(args[0]) + "' object");
  FormatArgs fa;
  fa.args = args + 1;
  fa.nargs = int64_t(nargs) - 1;
  fa.kwnames = kwnames && kwnames->size ? kwnames : nullptr;
  fa.kwvalues = args + nargs;
  return do_format(args[0].as<Str>(), fa);
}

// ---------------------------------------------------------------- printf-style

namespace {

enum PctFlags { kLeft = 1, kSign = 2, kBlank = 4, kAlt = 8, kZero = 16 };

// Appends `body` (with `sign` text in front) padded to `width` as % does.
void pct_pad(StrWriter& w, std::string_view sign, const Str* body, int64_t body_len,
             std::string_view body_ascii, int flags, int64_t width, bool zero_ok) {
  int64_t len = int64_t(sign.size()) + (body ? body_len : int64_t(body_ascii.size()));
  int64_t pad = width > len ? width - len : 0;
  if (!(flags & kLeft) && !(zero_ok && (flags & kZero))) w.put_repeat(' ', pad);
  w.put_ascii(sign);
  if (!(flags & kLeft) && zero_ok && (flags & kZero)) w.put_repeat('0', pad);
  if (body)
    w.put_range(body, 0, body_len);
  else
    w.put_ascii(body_ascii);
  if (flags & kLeft) w.put_repeat(' ', pad);
}

std::string char_desc(uint32_t c) {
  StrBuilder b;
  b.append_codepoint(c);
  char hex[16];
  snprintf(hex, sizeof hex, "%x", c);
  return "'" + b.utf8() + "' (0x" + hex + ")";
}

bool is_mapping_arg(Value v) {
  if (is_tuple(v) || is_str(v)) return false;
  static Str* getitem = intern("__getitem__");
  return type_of(v)->getitem != nullptr || !lookup_special(v, getitem).empty();
}

void format_int(StrWriter& w, Value v, uint32_t conv, int flags, int64_t width, int64_t prec) {
  static Str* int_name = intern("__int__");
  if (!is_int(v)) {
    if (conv == 'x' || conv == 'X' || conv == 'o') {
      static Str* index_name = intern("__index__");
      if (lookup_special(v, index_name).empty()) {
        raise_type_error(std::string("%") + char(conv) + " format: an integer is required, not " +
                         type_name_str(v));
      }
      v = py_index(v);
    } else {
      if (is_float(v)) {
        v = int_from_double(float_value(v));
      } else {
        Value m = lookup_special(v, int_name);
        if (m.empty())
          raise_type_error(std::string("%") + char(conv) +
                           " format: a real number is required, not " + type_name_str(v));
        v = py_call1(m, v);
      }
    }
  }
  bool neg = int_sign(v) < 0;
  Value mag = neg ? int_negative(v) : v;
  std::string digits;
  if (conv == 'x' || conv == 'X')
    digits = int_to_base(mag, 16, false);
  else if (conv == 'o')
    digits = int_to_base(mag, 8, false);
  else
    digits = int_to_decimal(mag);
  // Tolerate a prefix or sign from the helpers.
  if (!digits.empty() && digits[0] == '-') digits.erase(0, 1);
  if (digits.size() > 2 && digits[0] == '0' &&
      (digits[1] == 'x' || digits[1] == 'o' || digits[1] == 'X'))
    digits.erase(0, 2);
  if (conv == 'X')
    for (char& c : digits) c = char(toupper(uint8_t(c)));
  if (prec > int64_t(digits.size())) digits.insert(0, size_t(prec) - digits.size(), '0');
  std::string sign = neg ? "-" : (flags & kSign) ? "+" : (flags & kBlank) ? " " : "";
  if (flags & kAlt) {
    if (conv == 'x')
      sign += "0x";
    else if (conv == 'X')
      sign += "0X";
    else if (conv == 'o')
      sign += "0o";
  }
  pct_pad(w, sign, nullptr, 0, digits, flags, width, true);
}

void format_float(StrWriter& w, Value v, uint32_t conv, int flags, int64_t width, int64_t prec) {
  double d;
  if (is_float(v)) {
    d = float_value(v);
  } else if (is_int(v)) {
    d = int_to_double(v);
  } else {
    static Str* float_name = intern("__float__");
    static Str* index_name = intern("__index__");
    if (lookup_special(v, float_name).empty() && lookup_special(v, index_name).empty())
      raise_type_error("must be real number, not " + type_name_str(v));
    d = to_double(v);
  }
  if (prec < 0) prec = 6;
  std::string spec;
  if (flags & kAlt) spec += '#';
  spec += '.';
  spec += std::to_string(prec);
  spec += char(conv);
  Value r = float_format(d, spec);
  std::string body = str_to_utf8(r.as<Str>());
  std::string sign;
  if (!body.empty() && body[0] == '-') {
    sign = "-";
    body.erase(0, 1);
  } else if (flags & kSign) {
    sign = "+";
  } else if (flags & kBlank) {
    sign = " ";
  }
  pct_pad(w, sign, nullptr, 0, body, flags, width, true);
}

}  // namespace

Value str_mod(Value fmt_value, Value args) {
  const Str* fmt = fmt_value.as<Str>();
  const Value* arglist;
  int64_t arglen, argidx = 0;
  Value single = args;
  if (is_tuple(args)) {
    arglist = args.as<Tuple>()->items;
    arglen = args.as<Tuple>()->size;
  } else {
    arglist = &single;
    arglen = 1;
  }
  Value dict = is_mapping_arg(args) ? args : Value();
  bool used_dict = false;
  auto next_arg = [&]() -> Value {
    if (argidx >= arglen) raise_type_error("not enough arguments for format string");
    // Re-read through the tuple each time (arglist points into a live tuple).
    return is_tuple(args) ? args.as<Tuple>()->items[argidx++] : (argidx++, args);
  };
  (void)arglist;

  StrWriter w;
  w.reserve(size_t(fmt->length) + 16);
  int64_t n = fmt->length, pos = 0;
  while (pos < n) {
    // Copy literal text up to the next '%'.
    int64_t lit = pos;
    while (pos < n && fmt->at(pos) != '%') ++pos;
    w.put_range(fmt, lit, pos);
    if (pos >= n) break;
    ++pos;  // the '%'
    if (pos >= n) raise_value_error("incomplete format");
    uint32_t c = fmt->at(pos);
    if (c == '%') {
      w.put('%');
      ++pos;
      continue;
    }
    Value arg;
    bool have_arg = false;
    if (c == '(') {
      if (dict.empty()) raise_type_error("format requires a mapping");
      int64_t depth = 1, kstart = ++pos;
      while (pos < n && depth > 0) {
        uint32_t k = fmt->at(pos);
        if (k == ')')
          --depth;
        else if (k == '(')
          ++depth;
        ++pos;
      }
      if (depth > 0) raise_value_error("incomplete format key");
      Value key = str_substring(fmt, kstart, pos - 1);
      arg = py_getitem(dict, key);
      have_arg = true;
      used_dict = true;
      arglen = -1;
      argidx = -2;
    }
    int flags = 0;
    for (; pos < n; ++pos) {
      uint32_t f = fmt->at(pos);
      if (f == '-')
        flags |= kLeft;
      else if (f == '+')
        flags |= kSign;
      else if (f == ' ')
        flags |= kBlank;
      else if (f == '#')
        flags |= kAlt;
      else if (f == '0')
        flags |= kZero;
      else
        break;
    }
    int64_t width = -1, prec = -1;
    if (pos < n && fmt->at(pos) == '*') {
      ++pos;
      Value wv = next_arg();
      if (!is_int(wv)) raise_type_error("* wants int");
      width = arg_ssize(wv);
      if (width < 0) {
        flags |= kLeft;
        width = -width;
      }
    } else {
      while (pos < n && fmt->at(pos) >= '0' && fmt->at(pos) <= '9') {
        if (width < 0) width = 0;
        if (width > (INT64_MAX - 9) / 10) raise_value_error("width too big");
        width = width * 10 + (fmt->at(pos++) - '0');
      }
    }
    if (pos < n && fmt->at(pos) == '.') {
      ++pos;
      prec = 0;
      if (pos < n && fmt->at(pos) == '*') {
        ++pos;
        Value pv = next_arg();
        if (!is_int(pv)) raise_type_error("* wants int");
        prec = arg_ssize(pv);
        if (prec < 0) prec = 0;
      } else {
        while (pos < n && fmt->at(pos) >= '0' && fmt->at(pos) <= '9') {
          if (prec > (INT64_MAX - 9) / 10) raise_value_error("precision too big");
          prec = prec * 10 + (fmt->at(pos++) - '0');
        }
      }
    }
    // Length modifiers are accepted and ignored.
    while (pos < n && (fmt->at(pos) == 'h' || fmt->at(pos) == 'l' || fmt->at(pos) == 'L')) ++pos;
    if (pos >= n) raise_value_error("incomplete format");
    uint32_t conv = fmt->at(pos++);
    if (!have_arg) arg = next_arg();
    switch (conv) {
      case 's':
      case 'r':
      case 'a': {
        Value sv = conv == 's' ? py_str(arg) : conv == 'r' ? py_repr(arg) : str_ascii_of(arg);
        const Str* s = sv.as<Str>();
        int64_t len = prec >= 0 && prec < s->length ? prec : s->length;
        pct_pad(w, "", s, len, {}, flags, width, false);
        break;
      }
      case 'd':
      case 'i':
      case 'u':
      case 'x':
      case 'X':
      case 'o':
        format_int(w, arg, conv == 'i' || conv == 'u' ? 'd' : conv, flags, width, prec);
        break;
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
        format_float(w, arg, conv, flags, width, prec);
        break;
      case 'c': {
        uint32_t ch;
        if (is_str(arg)) {
          if (arg.as<Str>()->length != 1) raise_type_error("%c requires int or char");
          ch = arg.as<Str>()->at(0);
        } else if (is_int(arg)) {
          int64_t v;
          if (!int_to_i64(arg, &v) || v < 0 || v > 0x10FFFF)
            raise_overflow_error("%c arg not in range(0x110000)");
          ch = uint32_t(v);
        } else {
          raise_type_error("%c requires int or char");
        }
        Str* s = str_char(ch);
        pct_pad(w, "", s, 1, {}, flags, width, false);
        break;
      }
      default:
        raise_value_error("unsupported format character " + char_desc(conv) + " at index " +
                          std::to_string(pos - 1));
    }
  }
  if (!used_dict && argidx < arglen && dict.empty())
    raise_type_error("not all arguments converted during string formatting");
  return w.finish();
}

void init_str_format_methods(Type* t) {
  add_method(t, "format", str_format_method);
  add_method(t, "format_map", m_format_map);
  add_method(t, "__format__", m_dunder_format);
  add_method(t, "__mod__", m_mod);
}

}  // namespace kestrel
