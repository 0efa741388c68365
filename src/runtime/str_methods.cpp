// The methods of Python str (split, strip, find, case mapping, predicates,
// padding, translate ...) with CPython 3.11's semantics and messages, plus the
// argument-checking helpers shared with bytes.
#include <cstring>
#include <string>

#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/unicode_db.h"

namespace kestrel {

// ---------------------------------------------------------------- arguments

namespace {

std::string plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

Str* kwname(Tuple* kwnames, size_t i) { return kwnames->items[i].as<Str>(); }

}  // namespace

void arg_noargs(const char* qualname, size_t n, Tuple* kwnames) {
  if (kwnames && kwnames->size)
    raise_type_error(std::string(qualname) + "() takes no keyword arguments");
  if (n)
    raise_type_error(std::string(qualname) + "() takes no arguments (" + std::to_string(n) +
                     " given)");
}

void arg_onearg(const char* qualname, size_t n, Tuple* kwnames) {
  if (kwnames && kwnames->size)
    raise_type_error(std::string(qualname) + "() takes no keyword arguments");
  if (n != 1)
    raise_type_error(std::string(qualname) + "() takes exactly one argument (" + std::to_string(n) +
                     " given)");
}

void arg_clinic_range(const char* qualname, const char* name, size_t n, Tuple* kwnames, size_t min,
                      size_t max) {
  if (kwnames && kwnames->size)
    raise_type_error(std::string(qualname) + "() takes no keyword arguments");
  if (n < min)
    raise_type_error(std::string(name) + " expected at least " + plural(min, "argument") +
                     ", got " + std::to_string(n));
  if (n > max)
    raise_type_error(std::string(name) + " expected at most " + plural(max, "argument") + ", got " +
                     std::to_string(n));
}

void arg_oldstyle_range(const char* name, size_t n, Tuple* kwnames, size_t min, size_t max) {
  if (kwnames && kwnames->size)
    raise_type_error(std::string(name) + "() takes no keyword arguments");
  if (n < min)
    raise_type_error(std::string(name) + "() takes at least " + plural(min, "argument") + " (" +
                     std::to_string(n) + " given)");
  if (n > max)
    raise_type_error(std::string(name) + "() takes at most " + plural(max, "argument") + " (" +
                     std::to_string(n) + " given)");
}

void arg_keywords(const char* name, const Value* args, size_t n, Tuple* kwnames,
                  std::initializer_list<const char*> names, Value* out) {
  size_t max = names.size();
  size_t nkw = kwnames ? size_t(kwnames->size) : 0;
  if (n + nkw > max) {
    if (nkw == 0)
      raise_type_error(std::string(name) + "() takes at most " + plural(max, "argument") + " (" +
                       std::to_string(n) + " given)");
    if (n == 0)
      raise_type_error(std::string(name) + "() takes at most " + plural(max, "keyword argument") +
                       " (" + std::to_string(nkw) + " given)");
    raise_type_error(std::string(name) + "() takes at most " + plural(max, "argument") + " (" +
                     std::to_string(n + nkw) + " given)");
  }
  for (size_t i = 0; i < max; ++i) out[i] = i < n ? args[i] : Value();
  for (size_t k = 0; k < nkw; ++k) {
    Str* kw = kwname(kwnames, k);
    size_t i = 0;
    for (const char* nm : names) {
      if (str_equal_ascii(kw, nm)) break;
      ++i;
    }
    if (i == max)
      raise_type_error("'" + str_to_utf8(kw) + "' is an invalid keyword argument for " + name +
                       "()");
    if (i < n)
      raise_type_error("argument for " + std::string(name) + "() given by name ('" +
                       str_to_utf8(kw) + "') and position (" + std::to_string(i + 1) + ")");
    out[i] = args[n + k];
  }
}

namespace {

Value to_index_or_raise(Value v, const char* msg_suffix) {
  if (is_int(v)) return v;
  static Str* index_name = intern("__index__");
  if (lookup_special(v, index_name).empty())
    raise_type_error("'" + type_name_str(v) + "'" + msg_suffix);
  return py_index(v);
}

}  // namespace

int64_t arg_ssize(Value v) {
  if (v.is_small()) return v.small_value();
  Value i = to_index_or_raise(v, " object cannot be interpreted as an integer");
  int64_t r;
  if (!int_to_i64(i, &r)) raise_overflow_error("Python int too large to convert to C ssize_t");
  return r;
}

int64_t arg_slice_index(Value v, int64_t dflt) {
  if (v.empty() || is_none(v)) return dflt;
  if (v.is_small()) return v.small_value();
  static Str* index_name = intern("__index__");
  if (!is_int(v) && lookup_special(v, index_name).empty())
    raise_type_error("slice indices must be integers or None or have an __index__ method");
  Value i = is_int(v) ? v : py_index(v);
  int64_t r;
  if (!int_to_i64(i, &r)) r = int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
  return r;
}

// ---------------------------------------------------------------- helpers

namespace {

inline Str* self_of(Value* args, const char* name) {
  if (!is_str(args[0]))
    raise_type_error(std::string("descriptor '") + name +
                     "' for 'str' objects doesn't apply to a '" + type_name_str(args[0]) +
                     "' object");
  return args[0].as<Str>();
}

inline Str* need_str(Value v) {
  if (!is_str(v)) raise_type_error("must be str, not " + type_name_str(v));
  return v.as<Str>();
}

// `self` unchanged: the same object for an exact str (as CPython returns).
inline Value unchanged(Str* s) { return str_exact(s); }

inline bool is_ws(uint32_t cp) { return unicode::is_space(cp); }

// ---------------------------------------------------------------- split

Value split_whitespace(Str* s, int64_t maxsplit) {
  List* out = list_new(0);
  int64_t n = s->length, i = 0;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  while (maxsplit-- > 0) {
    while (i < n && is_ws(s->at(i))) ++i;
    if (i == n) break;
    int64_t j = i;
    while (j < n && !is_ws(s->at(j))) ++j;
    if (i == 0 && j == n && s->type == str_type) {
      list_append(out, s);
      return out;
    }
    list_append(out, str_substring(s, i, j));
    i = j;
  }
  if (i < n) {
    while (i < n && is_ws(s->at(i))) ++i;
    if (i < n) list_append(out, str_substring(s, i, n));
  }
  return out;
}

Value rsplit_whitespace(Str* s, int64_t maxsplit) {
  List* out = list_new(0);
  int64_t i = s->length;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  while (maxsplit-- > 0) {
    while (i > 0 && is_ws(s->at(i - 1))) --i;
    if (i == 0) break;
    int64_t j = i;
    while (j > 0 && !is_ws(s->at(j - 1))) --j;
    list_append(out, str_substring(s, j, i));
    i = j;
  }
  if (i > 0) {
    while (i > 0 && is_ws(s->at(i - 1))) --i;
    if (i > 0) list_append(out, str_substring(s, 0, i));
  }
  // Collected right to left.
  for (int64_t a = 0, b = out->size - 1; a < b; ++a, --b) {
    Value t = out->items[a];
    out->items[a] = out->items[b];
    out->items[b] = t;
  }
  return out;
}

void split_args(const char* name, Value* args, size_t nargs, Tuple* kwnames, Str*& sep,
                int64_t& maxsplit) {
  Value a[2];
  arg_keywords(name, args + 1, nargs - 1, kwnames, {"sep", "maxsplit"}, a);
  sep = nullptr;
  if (!a[0].empty() && !is_none(a[0])) {
    if (!is_str(a[0])) raise_type_error("must be str or None, not " + type_name_str(a[0]));
    sep = a[0].as<Str>();
    if (sep->length == 0) raise_value_error("empty separator");
  }
  maxsplit = a[1].empty() ? -1 : arg_ssize(a[1]);
}

Value m_split(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "split");
  Str* sep;
  int64_t maxsplit;
  split_args("split", args, nargs, kwnames, sep, maxsplit);
  if (!sep) return split_whitespace(s, maxsplit);
  List* out = list_new(0);
  if (maxsplit < 0) maxsplit = INT64_MAX;
  int64_t i = 0, n = s->length;
  while (maxsplit-- > 0) {
    int64_t j = str_find(s, sep, i, n);
    if (j < 0) break;
    list_append(out, str_substring(s, i, j));
    i = j + sep->length;
  }
  list_append(out, i == 0 ? unchanged(s) : str_substring(s, i, n));
  return out;
}

Value m_rsplit(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "rsplit");
  Str* sep;
  int64_t maxsplit;
  split_args("rsplit", args, nargs, kwnames, sep, maxsplit);
  if (!sep) return rsplit_whitespace(s, maxsplit);
  List* out = list_new(0);
  if (maxsplit < 0) maxsplit = INT64_MAX;
  int64_t end = s->length;
  while (maxsplit-- > 0) {
    int64_t j = str_rfind(s, sep, 0, end);
    if (j < 0) break;
    list_append(out, str_substring(s, j + sep->length, end));
    end = j;
  }
  list_append(out, end == s->length ? unchanged(s) : str_substring(s, 0, end));
  for (int64_t a = 0, b = out->size - 1; a < b; ++a, --b) {
    Value t = out->items[a];
    out->items[a] = out->items[b];
    out->items[b] = t;
  }
  return out;
}

Value m_splitlines(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "splitlines");
  Value a[1];
  arg_keywords("splitlines", args + 1, nargs - 1, kwnames, {"keepends"}, a);
  bool keepends = false;
  if (!a[0].empty()) {
    if (is_int(a[0]))
      keepends = int_sign(a[0]) != 0;
    else
      keepends = arg_ssize(a[0]) != 0;  // raises for non-integers, as CPython
  }
  List* out = list_new(0);
  int64_t n = s->length, i = 0;
  while (i < n) {
    int64_t j = i;
    while (j < n && !(unicode::flags(s->at(j)) & unicode::kLinebreak)) ++j;
    int64_t eol = j;
    if (j < n) {
      if (s->at(j) == '\r' && j + 1 < n && s->at(j + 1) == '\n')
        j += 2;
      else
        ++j;
      if (keepends) eol = j;
    }
    if (i == 0 && j == n && eol == n && s->type == str_type) {
      list_append(out, s);
      break;
    }
    list_append(out, str_substring(s, i, eol));
    i = j;
  }
  return out;
}

Value m_join(Value* args, size_t nargs, Tuple* kwnames) {
  Str* sep = self_of(args, "join");
  arg_onearg("str.join", nargs - 1, kwnames);
  Value it = args[1];
  Value seq;
  if (is_exact(it, list_type) || is_exact(it, tuple_type)) {
    seq = it;
  } else {
    static Str* iter_name = intern("__iter__");
    static Str* getitem_name = intern("__getitem__");
    if (!type_of(it)->iter && lookup_special(it, iter_name).empty() &&
        lookup_special(it, getitem_name).empty())
      raise_type_error("can only join an iterable");
    seq = py_list_of(it);
  }
  // Re-read items/size every step: nothing below runs Python code, but keep
  // to the rule anyway (list storage may move).
  auto size = [&]() -> int64_t {
    return is_exact(seq, tuple_type) ? seq.as<Tuple>()->size : seq.as<List>()->size;
  };
  auto item = [&](int64_t i) -> Value {
    return is_exact(seq, tuple_type) ? seq.as<Tuple>()->items[i] : seq.as<List>()->items[i];
  };
  int64_t n = size();
  if (n == 0) return str_empty();
  if (n == 1 && is_exact(item(0), str_type)) return item(0);
  int64_t total = 0;
  bool wide = sep->kind == 4;
  for (int64_t i = 0; i < n; ++i) {
    Value v = item(i);
    if (!is_str(v))
      raise_type_error("sequence item " + std::to_string(i) + ": expected str instance, " +
                       type_name_str(v) + " found");
    total += v.as<Str>()->length;
    wide |= v.as<Str>()->kind == 4;
  }
  total += sep->length * (n - 1);
  if (!wide) {
    Str* r = str_alloc(total, 1);
    uint8_t* d = r->mutable_data1();
    bool ascii = sep->ascii || n == 1;
    for (int64_t i = 0; i < n; ++i) {
      if (i) {
        std::memcpy(d, sep->data1(), size_t(sep->length));
        d += sep->length;
      }
      const Str* p = item(i).as<Str>();
      std::memcpy(d, p->data1(), size_t(p->length));
      d += p->length;
      ascii &= p->ascii;
    }
    r->ascii = ascii;
    return r;
  }
  Str* r = str_alloc(total, 4);
  uint32_t* d = r->mutable_data4();
  for (int64_t i = 0; i < n; ++i) {
    if (i)
      for (int64_t k = 0; k < sep->length; ++k) *d++ = sep->at(k);
    const Str* p = item(i).as<Str>();
    for (int64_t k = 0; k < p->length; ++k) *d++ = p->at(k);
  }
  return r;
}

// ---------------------------------------------------------------- strip

enum StripWhere { kLeft = 1, kRight = 2, kBoth = 3 };

Value do_strip(Value* args, size_t nargs, Tuple* kwnames, const char* name, const char* qualname,
               int where) {
  Str* s = self_of(args, name);
  arg_clinic_range(qualname, name, nargs - 1, kwnames, 0, 1);
  int64_t i = 0, j = s->length;
  if (nargs < 2 || is_none(args[1])) {
    if (where & kLeft)
      while (i < j && is_ws(s->at(i))) ++i;
    if (where & kRight)
      while (j > i && is_ws(s->at(j - 1))) --j;
  } else {
    if (!is_str(args[1])) raise_type_error(std::string(name) + " arg must be None or str");
    const Str* chars = args[1].as<Str>();
    auto in = [&](uint32_t c) {
      for (int64_t k = 0; k < chars->length; ++k)
        if (chars->at(k) == c) return true;
      return false;
    };
    if (where & kLeft)
      while (i < j && in(s->at(i))) ++i;
    if (where & kRight)
      while (j > i && in(s->at(j - 1))) --j;
  }
  if (i == 0 && j == s->length) return unchanged(s);
  return str_substring(s, i, j);
}

Value m_strip(Value* a, size_t n, Tuple* k) {
  return do_strip(a, n, k, "strip", "str.strip", kBoth);
}
Value m_lstrip(Value* a, size_t n, Tuple* k) {
  return do_strip(a, n, k, "lstrip", "str.lstrip", kLeft);
}
Value m_rstrip(Value* a, size_t n, Tuple* k) {
  return do_strip(a, n, k, "rstrip", "str.rstrip", kRight);
}

// ---------------------------------------------------------------- replace

Value m_replace(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "replace");
  arg_clinic_range("str.replace", "replace", nargs - 1, kwnames, 2, 3);
  for (int k = 1; k <= 2; ++k)
    if (!is_str(args[k]))
      raise_type_error("replace() argument " + std::to_string(k) + " must be str, not " +
                       type_name_str(args[k]));
  Str* old = args[1].as<Str>();
  Str* rep = args[2].as<Str>();
  int64_t count = nargs > 3 ? arg_ssize(args[3]) : -1;
  if (count < 0) count = INT64_MAX;
  if (count == 0) return unchanged(s);
  StrWriter w;
  int64_t n = s->length;
  if (old->length == 0) {
    // Insert `rep` before every character and at the end, up to count times.
    int64_t done = 0;
    for (int64_t i = 0; i <= n; ++i) {
      if (done < count) {
        w.put_str(rep);
        ++done;
      } else {
        w.put_range(s, i, n);
        break;
      }
      if (i < n) w.put(s->at(i));
    }
    return w.finish();
  }
  int64_t i = 0, done = 0;
  while (done < count) {
    int64_t j = str_find(s, old, i, n);
    if (j < 0) break;
    if (done == 0) w.reserve(size_t(n));
    w.put_range(s, i, j);
    w.put_str(rep);
    i = j + old->length;
    ++done;
  }
  if (done == 0) return unchanged(s);
  w.put_range(s, i, n);
  return w.finish();
}

// ---------------------------------------------------------------- find family

void find_args(const char* name, Value* args, size_t nargs, Tuple* kwnames, Str*& sub,
               int64_t& start, int64_t& end) {
  arg_oldstyle_range(name, nargs - 1, kwnames, 1, 3);
  sub = need_str(args[1]);
  Str* s = args[0].as<Str>();
  start = nargs > 2 ? arg_slice_index(args[2], 0) : 0;
  end = nargs > 3 ? arg_slice_index(args[3], INT64_MAX) : INT64_MAX;
  adjust_indices(start, end, s->length);
}

int64_t find_common(Value* args, size_t nargs, Tuple* kwnames, const char* name, bool reverse) {
  Str* s = self_of(args, name);
  Str* sub;
  int64_t start, end;
  find_args(name, args, nargs, kwnames, sub, start, end);
  if (start > s->length) return -1;
  return reverse ? str_rfind(s, sub, start, end) : str_find(s, sub, start, end);
}

Value m_find(Value* a, size_t n, Tuple* k) {
  return Value::small(find_common(a, n, k, "find", false));
}
Value m_rfind(Value* a, size_t n, Tuple* k) {
  return Value::small(find_common(a, n, k, "rfind", true));
}
Value m_index(Value* a, size_t n, Tuple* k) {
  int64_t r = find_common(a, n, k, "index", false);
  if (r < 0) raise_value_error("substring not found");
  return Value::small(r);
}
Value m_rindex(Value* a, size_t n, Tuple* k) {
  int64_t r = find_common(a, n, k, "rindex", true);
  if (r < 0) raise_value_error("substring not found");
  return Value::small(r);
}

Value m_count(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "count");
  Str* sub;
  int64_t start, end;
  find_args("count", args, nargs, kwnames, sub, start, end);
  if (start > s->length) return Value::small(0);
  return Value::small(str_count(s, sub, start, end, -1));
}

bool tailmatch(const Str* s, const Str* sub, int64_t start, int64_t end, bool suffix) {
  adjust_indices(start, end, s->length);
  end -= sub->length;
  if (end < start) return false;
  if (sub->length == 0) return true;
  int64_t at = suffix ? end : start;
  if (s->kind == 1 && sub->kind == 1)
    return std::memcmp(s->data1() + at, sub->data1(), size_t(sub->length)) == 0;
  for (int64_t i = 0; i < sub->length; ++i)
    if (s->at(at + i) != sub->at(i)) return false;
  return true;
}

Value startend(Value* args, size_t nargs, Tuple* kwnames, const char* name, bool suffix) {
  Str* s = self_of(args, name);
  arg_oldstyle_range(name, nargs - 1, kwnames, 1, 3);
  int64_t start = nargs > 2 ? arg_slice_index(args[2], 0) : 0;
  int64_t end = nargs > 3 ? arg_slice_index(args[3], INT64_MAX) : INT64_MAX;
  Value x = args[1];
  if (is_tuple(x)) {
    Tuple* t = x.as<Tuple>();
    for (int64_t i = 0; i < t->size; ++i) {
      Value p = t->items[i];
      if (!is_str(p))
        raise_type_error(std::string("tuple for ") + name + " must only contain str, not " +
                         type_name_str(p));
      if (tailmatch(s, p.as<Str>(), start, end, suffix)) return py_bool(true);
    }
    return py_bool(false);
  }
  if (!is_str(x))
    raise_type_error(std::string(name) + " first arg must be str or a tuple of str, not " +
                     type_name_str(x));
  return py_bool(tailmatch(s, x.as<Str>(), start, end, suffix));
}

Value m_startswith(Value* a, size_t n, Tuple* k) { return startend(a, n, k, "startswith", false); }
Value m_endswith(Value* a, size_t n, Tuple* k) { return startend(a, n, k, "endswith", true); }

// ---------------------------------------------------------------- case mapping

using unicode::CaseMap;

inline bool is_cased(uint32_t c) { return unicode::has(c, unicode::kCased); }
inline bool is_case_ignorable(uint32_t c) { return unicode::has(c, unicode::kCaseIgnorable); }

// Lower-casing of U+03A3 depends on context (Unicode's Final_Sigma rule), as
// in CPython's handle_capital_sigma.
uint32_t capital_sigma(const Str* s, int64_t i) {
  int64_t j = i - 1;
  while (j >= 0 && is_case_ignorable(s->at(j))) --j;
  bool final_sigma = j >= 0 && is_cased(s->at(j));
  if (final_sigma) {
    j = i + 1;
    while (j < s->length && is_case_ignorable(s->at(j))) ++j;
    final_sigma = j == s->length || !is_cased(s->at(j));
  }
  return final_sigma ? 0x3C2 : 0x3C3;
}

void put_mapped(StrWriter& w, const Str* s, int64_t i, CaseMap which) {
  uint32_t c = s->at(i);
  if (c == 0x3A3 && which == CaseMap::kLower) {
    w.put(capital_sigma(s, i));
    return;
  }
  uint32_t out[3];
  int n = unicode::case_map(c, which, out);
  for (int k = 0; k < n; ++k) w.put(out[k]);
}

Value ascii_case(Str* s, int mode) {  // 0 upper, 1 lower, 2 swapcase
  Str* r = str_alloc(s->length, 1);
  r->ascii = true;
  const uint8_t* d = s->data1();
  uint8_t* o = r->mutable_data1();
  for (int64_t i = 0; i < s->length; ++i) {
    uint8_t c = d[i];
    bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
    if ((mode == 0 || mode == 2) && lo)
      c ^= 0x20;
    else if ((mode == 1 || mode == 2) && up)
      c ^= 0x20;
    o[i] = c;
  }
  return r;
}

Value m_upper(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "upper");
  arg_noargs("str.upper", nargs - 1, kwnames);
  if (s->ascii) return ascii_case(s, 0);
  StrWriter w;
  for (int64_t i = 0; i < s->length; ++i) put_mapped(w, s, i, CaseMap::kUpper);
  return w.finish();
}

Value m_lower(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "lower");
  arg_noargs("str.lower", nargs - 1, kwnames);
  if (s->ascii) return ascii_case(s, 1);
  StrWriter w;
  for (int64_t i = 0; i < s->length; ++i) put_mapped(w, s, i, CaseMap::kLower);
  return w.finish();
}

Value m_casefold(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "casefold");
  arg_noargs("str.casefold", nargs - 1, kwnames);
  if (s->ascii) return ascii_case(s, 1);
  StrWriter w;
  for (int64_t i = 0; i < s->length; ++i) put_mapped(w, s, i, CaseMap::kFold);
  return w.finish();
}

Value m_swapcase(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "swapcase");
  arg_noargs("str.swapcase", nargs - 1, kwnames);
  if (s->ascii) return ascii_case(s, 2);
  StrWriter w;
  for (int64_t i = 0; i < s->length; ++i) {
    uint32_t c = s->at(i);
    if (unicode::has(c, unicode::kUpper))
      put_mapped(w, s, i, CaseMap::kLower);
    else if (unicode::has(c, unicode::kLower))
      put_mapped(w, s, i, CaseMap::kUpper);
    else
      w.put(c);
  }
  return w.finish();
}

Value m_capitalize(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "capitalize");
  arg_noargs("str.capitalize", nargs - 1, kwnames);
  if (s->length == 0) return unchanged(s);
  StrWriter w;
  put_mapped(w, s, 0, CaseMap::kTitle);
  for (int64_t i = 1; i < s->length; ++i) put_mapped(w, s, i, CaseMap::kLower);
  return w.finish();
}

Value m_title(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "title");
  arg_noargs("str.title", nargs - 1, kwnames);
  StrWriter w;
  bool prev_cased = false;
  for (int64_t i = 0; i < s->length; ++i) {
    uint32_t c = s->at(i);
    put_mapped(w, s, i, prev_cased ? CaseMap::kLower : CaseMap::kTitle);
    prev_cased = is_cased(c);
  }
  return w.finish();
}

// ---------------------------------------------------------------- predicates

template <class Pred>
Value predicate(Value* args, size_t nargs, Tuple* kwnames, const char* name, const char* qualname,
                bool empty_result, Pred pred) {
  Str* s = self_of(args, name);
  arg_noargs(qualname, nargs - 1, kwnames);
  if (s->length == 0) return py_bool(empty_result);
  for (int64_t i = 0; i < s->length; ++i)
    if (!pred(s->at(i))) return py_bool(false);
  return py_bool(true);
}

#define KESTREL_FLAG_PREDICATE(fn, name, mask)                                      \
  Value fn(Value* a, size_t n, Tuple* k) {                                          \
    return predicate(a, n, k, name, "str." name, false,                             \
                     [](uint32_t c) { return (unicode::flags(c) & (mask)) != 0; }); \
  }
KESTREL_FLAG_PREDICATE(m_isalpha, "isalpha", unicode::kAlpha)
KESTREL_FLAG_PREDICATE(m_isdecimal, "isdecimal", unicode::kDecimal)
KESTREL_FLAG_PREDICATE(m_isdigit, "isdigit", unicode::kDigit)
KESTREL_FLAG_PREDICATE(m_isnumeric, "isnumeric", unicode::kNumeric)
KESTREL_FLAG_PREDICATE(m_isalnum, "isalnum",
                       unicode::kAlpha | unicode::kDecimal | unicode::kDigit | unicode::kNumeric)
#undef KESTREL_FLAG_PREDICATE

Value m_isspace(Value* a, size_t n, Tuple* k) {
  return predicate(a, n, k, "isspace", "str.isspace", false, unicode::is_space);
}
Value m_isprintable(Value* a, size_t n, Tuple* k) {
  return predicate(a, n, k, "isprintable", "str.isprintable", true, unicode::is_printable);
}
Value m_isascii(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "isascii");
  arg_noargs("str.isascii", nargs - 1, kwnames);
  return py_bool(s->ascii);
}

Value m_isupper(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "isupper");
  arg_noargs("str.isupper", nargs - 1, kwnames);
  bool cased = false;
  for (int64_t i = 0; i < s->length; ++i) {
    uint16_t f = unicode::flags(s->at(i));
    if (f & (unicode::kLower | unicode::kTitle)) return py_bool(false);
    if (f & unicode::kUpper) cased = true;
  }
  return py_bool(cased);
}

Value m_islower(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "islower");
  arg_noargs("str.islower", nargs - 1, kwnames);
  bool cased = false;
  for (int64_t i = 0; i < s->length; ++i) {
    uint16_t f = unicode::flags(s->at(i));
    if (f & (unicode::kUpper | unicode::kTitle)) return py_bool(false);
    if (f & unicode::kLower) cased = true;
  }
  return py_bool(cased);
}

Value m_istitle(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "istitle");
  arg_noargs("str.istitle", nargs - 1, kwnames);
  bool cased = false, prev_cased = false;
  for (int64_t i = 0; i < s->length; ++i) {
    uint16_t f = unicode::flags(s->at(i));
    if (f & (unicode::kUpper | unicode::kTitle)) {
      if (prev_cased) return py_bool(false);
      prev_cased = cased = true;
    } else if (f & unicode::kLower) {
      if (!prev_cased) return py_bool(false);
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return py_bool(cased);
}

Value m_isidentifier(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "isidentifier");
  arg_noargs("str.isidentifier", nargs - 1, kwnames);
  if (s->length == 0 || !unicode::has(s->at(0), unicode::kXidStart)) return py_bool(false);
  for (int64_t i = 1; i < s->length; ++i)
    if (!unicode::has(s->at(i), unicode::kXidContinue)) return py_bool(false);
  return py_bool(true);
}

// ---------------------------------------------------------------- padding

uint32_t fill_char(Value v) {
  if (!is_str(v))
    raise_type_error("The fill character must be a unicode character, not " + type_name_str(v));
  if (v.as<Str>()->length != 1)
    raise_type_error("The fill character must be exactly one character long");
  return v.as<Str>()->at(0);
}

Value pad(Str* s, int64_t left, int64_t right, uint32_t fill) {
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0) return unchanged(s);
  StrWriter w;
  w.reserve(size_t(s->length + left + right));
  w.put_repeat(fill, left);
  w.put_str(s);
  w.put_repeat(fill, right);
  return w.finish();
}

Value justify(Value* args, size_t nargs, Tuple* kwnames, const char* name, const char* qualname,
              int mode) {
  Str* s = self_of(args, name);
  arg_clinic_range(qualname, name, nargs - 1, kwnames, 1, 2);
  int64_t width = arg_ssize(args[1]);
  uint32_t fill = nargs > 2 ? fill_char(args[2]) : ' ';
  if (width <= s->length) return unchanged(s);
  int64_t marg = width - s->length;
  if (mode == 0) return pad(s, 0, marg, fill);   // ljust
  if (mode == 1) return pad(s, marg, 0, fill);   // rjust
  int64_t left = marg / 2 + (marg & width & 1);  // CPython's centering rule
  return pad(s, left, marg - left, fill);
}

Value m_ljust(Value* a, size_t n, Tuple* k) { return justify(a, n, k, "ljust", "str.ljust", 0); }
Value m_rjust(Value* a, size_t n, Tuple* k) { return justify(a, n, k, "rjust", "str.rjust", 1); }
Value m_center(Value* a, size_t n, Tuple* k) { return justify(a, n, k, "center", "str.center", 2); }

Value m_zfill(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "zfill");
  arg_onearg("str.zfill", nargs - 1, kwnames);
  int64_t width = arg_ssize(args[1]);
  if (width <= s->length) return unchanged(s);
  int64_t fill = width - s->length;
  StrWriter w;
  int64_t start = 0;
  if (s->length > 0 && (s->at(0) == '+' || s->at(0) == '-')) {
    w.put(s->at(0));
    start = 1;
  }
  w.put_repeat('0', fill);
  w.put_range(s, start, s->length);
  return w.finish();
}

Value m_expandtabs(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "expandtabs");
  Value a[1];
  arg_keywords("expandtabs", args + 1, nargs - 1, kwnames, {"tabsize"}, a);
  int64_t tabsize = 8;
  if (!a[0].empty()) {
    tabsize = arg_ssize(a[0]);
    if (tabsize > INT32_MAX || tabsize < INT32_MIN)
      raise_overflow_error("Python int too large to convert to C int");
  }
  StrWriter w;
  int64_t col = 0;
  for (int64_t i = 0; i < s->length; ++i) {
    uint32_t c = s->at(i);
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t inc = tabsize - col % tabsize;
        w.put_repeat(' ', inc);
        col += inc;
      }
    } else {
      w.put(c);
      ++col;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  return w.finish();
}

// ---------------------------------------------------------------- partition

Value do_partition(Value* args, size_t nargs, Tuple* kwnames, const char* name,
                   const char* qualname, bool reverse) {
  Str* s = self_of(args, name);
  arg_onearg(qualname, nargs - 1, kwnames);
  Str* sep = need_str(args[1]);
  if (sep->length == 0) raise_value_error("empty separator");
  int64_t i = reverse ? str_rfind(s, sep, 0, s->length) : str_find(s, sep, 0, s->length);
  if (i < 0) {
    if (reverse) return tuple_of({str_empty(), str_empty(), unchanged(s)});
    return tuple_of({unchanged(s), str_empty(), str_empty()});
  }
  Value head = str_substring(s, 0, i);
  Value tail = str_substring(s, i + sep->length, s->length);
  return tuple_of({head, str_exact(sep), tail});
}

Value m_partition(Value* a, size_t n, Tuple* k) {
  return do_partition(a, n, k, "partition", "str.partition", false);
}
Value m_rpartition(Value* a, size_t n, Tuple* k) {
  return do_partition(a, n, k, "rpartition", "str.rpartition", true);
}

Value m_removeprefix(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "removeprefix");
  arg_onearg("str.removeprefix", nargs - 1, kwnames);
  if (!is_str(args[1]))
    raise_type_error("removeprefix() argument must be str, not " + type_name_str(args[1]));
  Str* p = args[1].as<Str>();
  if (p->length > 0 && tailmatch(s, p, 0, INT64_MAX, false))
    return str_substring(s, p->length, s->length);
  return unchanged(s);
}

Value m_removesuffix(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "removesuffix");
  arg_onearg("str.removesuffix", nargs - 1, kwnames);
  if (!is_str(args[1]))
    raise_type_error("removesuffix() argument must be str, not " + type_name_str(args[1]));
  Str* p = args[1].as<Str>();
  if (p->length > 0 && tailmatch(s, p, 0, INT64_MAX, true))
    return str_substring(s, 0, s->length - p->length);
  return unchanged(s);
}

// ---------------------------------------------------------------- encode

Value m_encode(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "encode");
  Value a[2];
  arg_keywords("encode", args + 1, nargs - 1, kwnames, {"encoding", "errors"}, a);
  std::string enc, err;
  if (!a[0].empty()) {
    if (!is_str(a[0]))
      raise_type_error("encode() argument 'encoding' must be str, not " + type_name_str(a[0]));
    enc = str_to_utf8(a[0].as<Str>());
  }
  if (!a[1].empty()) {
    if (!is_str(a[1]))
      raise_type_error("encode() argument 'errors' must be str, not " + type_name_str(a[1]));
    err = str_to_utf8(a[1].as<Str>());
  }
  return str_encode(s, a[0].empty() ? nullptr : enc.c_str(), a[1].empty() ? nullptr : err.c_str());
}

// ---------------------------------------------------------------- translate

Value m_maketrans(Value* args, size_t nargs, Tuple* kwnames) {
  // A static method: no self.
  arg_clinic_range("str.maketrans", "maketrans", nargs, kwnames, 1, 3);
  Dict* d = dict_new();
  if (nargs == 1) {
    if (!is_dict(args[0]))
      raise_type_error("if you give only one argument to maketrans it must be a dict");
    Dict* src = args[0].as<Dict>();
    int64_t pos = 0;
    Value k, v;
    while (dict_next(src, &pos, &k, &v)) {
      if (is_str(k)) {
        if (k.as<Str>()->length != 1)
          raise_value_error("string keys in translate table must be of length 1");
        dict_set(d, Value::small(k.as<Str>()->at(0)), v);
      } else if (is_int(k)) {
        dict_set(d, k, v);
      } else {
        raise_type_error("keys in translate table must be strings or integers");
      }
    }
    return d;
  }
  // Argument Clinic checks y and z first; x is only checked afterwards.
  for (size_t i = 1; i < nargs; ++i)
    if (!is_str(args[i]))
      raise_type_error("maketrans() argument " + std::to_string(i + 1) + " must be str, not " +
                       type_name_str(args[i]));
  if (!is_str(args[0]))
    raise_type_error("first maketrans argument must be a string if there is a second argument");
  Str* x = args[0].as<Str>();
  Str* y = args[1].as<Str>();
  if (x->length != y->length)
    raise_value_error("the first two maketrans arguments must have equal length");
  for (int64_t i = 0; i < x->length; ++i)
    dict_set(d, Value::small(x->at(i)), Value::small(y->at(i)));
  if (nargs == 3) {
    Str* z = args[2].as<Str>();
    for (int64_t i = 0; i < z->length; ++i) dict_set(d, Value::small(z->at(i)), none());
  }
  return d;
}

Value m_translate(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "translate");
  arg_onearg("str.translate", nargs - 1, kwnames);
  Value table = args[1];
  StrWriter w;
  for (int64_t i = 0; i < s->length; ++i) {
    uint32_t c = s->at(i);
    Value r;
    try {
      if (is_exact(table, dict_type)) {
        r = dict_get(table.as<Dict>(), Value::small(c));
        if (r.empty()) {
          w.put(c);
          continue;
        }
      } else {
        r = py_getitem(table, Value::small(c));
      }
    } catch (PyException& e) {
      if (!is_instance(e.exc, lookup_error_type)) throw;
      w.put(c);
      continue;
    }
    if (is_none(r)) continue;
    if (is_int(r)) {
      int64_t v;
      if (!int_to_i64(r, &v) || v < 0 || v > 0x10FFFF)
        raise_value_error("character mapping must be in range(0x110000)");
      w.put(uint32_t(v));
    } else if (is_str(r)) {
      w.put_str(r.as<Str>());
    } else {
      raise_type_error("character mapping must return integer, None or str");
    }
  }
  return w.finish();
}

// ---------------------------------------------------------------- misc

Value m_getnewargs(Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_of(args, "__getnewargs__");
  arg_noargs("str.__getnewargs__", nargs - 1, kwnames);
  return tuple_of({str_exact(s)});
}

}  // namespace

void init_str_methods(Type* t) {
  add_method(t, "join", m_join);
  add_method(t, "split", m_split);
  add_method(t, "rsplit", m_rsplit);
  add_method(t, "splitlines", m_splitlines);
  add_method(t, "strip", m_strip);
  add_method(t, "lstrip", m_lstrip);
  add_method(t, "rstrip", m_rstrip);
  add_method(t, "replace", m_replace);
  add_method(t, "find", m_find);
  add_method(t, "rfind", m_rfind);
  add_method(t, "index", m_index);
  add_method(t, "rindex", m_rindex);
  add_method(t, "count", m_count);
  add_method(t, "startswith", m_startswith);
  add_method(t, "endswith", m_endswith);
  add_method(t, "upper", m_upper);
  add_method(t, "lower", m_lower);
  add_method(t, "casefold", m_casefold);
  add_method(t, "swapcase", m_swapcase);
  add_method(t, "capitalize", m_capitalize);
  add_method(t, "title", m_title);
  add_method(t, "isalpha", m_isalpha);
  add_method(t, "isdecimal", m_isdecimal);
  add_method(t, "isdigit", m_isdigit);
  add_method(t, "isnumeric", m_isnumeric);
  add_method(t, "isalnum", m_isalnum);
  add_method(t, "isspace", m_isspace);
  add_method(t, "isprintable", m_isprintable);
  add_method(t, "isascii", m_isascii);
  add_method(t, "isupper", m_isupper);
  add_method(t, "islower", m_islower);
  add_method(t, "istitle", m_istitle);
  add_method(t, "isidentifier", m_isidentifier);
  add_method(t, "ljust", m_ljust);
  add_method(t, "rjust", m_rjust);
  add_method(t, "center", m_center);
  add_method(t, "zfill", m_zfill);
  add_method(t, "expandtabs", m_expandtabs);
  add_method(t, "partition", m_partition);
  add_method(t, "rpartition", m_rpartition);
  add_method(t, "removeprefix", m_removeprefix);
  add_method(t, "removesuffix", m_removesuffix);
  add_method(t, "encode", m_encode);
  add_method(t, "maketrans", m_maketrans, kBuiltinStaticMethod);
  add_method(t, "translate", m_translate);
  add_method(t, "__getnewargs__", m_getnewargs);
}

}  // namespace kestrel
