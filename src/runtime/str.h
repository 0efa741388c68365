// Python str: immutable code-point strings with a cached hash. Strings whose
// code points are all < 256 store one byte per character (kind 1), others
// four (kind 4), as PEP 393 does; `ascii` marks pure-ASCII text.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace kestrel {

struct Str : Object {
  int64_t length;  // in code points
  int64_t hash;    // -1 until computed
  uint8_t kind;    // 1 or 4 bytes per code point
  bool ascii;
  bool interned;
  uint8_t unused[5];
  // followed by length * kind bytes of data, plus a NUL byte for kind 1

  // The character data follows the header. For instances of str subclasses
  // the InstanceAttrs sit there instead and the data follows them: `flags`
  // holds that extra offset in bytes (0 for exact strs).
  const void* raw() const { return reinterpret_cast<const char*>(this + 1) + flags; }
  void* raw() { return reinterpret_cast<char*>(this + 1) + flags; }
  const uint8_t* data1() const { return static_cast<const uint8_t*>(raw()); }
  const uint32_t* data4() const { return static_cast<const uint32_t*>(raw()); }
  uint8_t* mutable_data1() { return static_cast<uint8_t*>(raw()); }
  uint32_t* mutable_data4() { return static_cast<uint32_t*>(raw()); }
  uint32_t at(int64_t i) const { return kind == 1 ? data1()[i] : data4()[i]; }
  // For ascii strings: the characters as a string_view.
  std::string_view ascii_view() const { return {static_cast<const char*>(raw()), size_t(length)}; }
};

Str* str_new(std::string_view utf8);  // decodes UTF-8 (invalid bytes -> U+FFFD)
Str* str_from_codepoints(const uint32_t* cps, int64_t n);
Str* str_from_latin1(const uint8_t* chars, int64_t n);
Str* str_from_ascii(std::string_view ascii);  // precondition: every byte < 0x80
Str* intern(std::string_view utf8);           // the unique Str for this text
Str* intern_str(Str* s);
std::string str_to_utf8(const Str* s);
bool str_equal(const Str* a, const Str* b);
bool str_equal_ascii(const Str* a, std::string_view ascii);
int str_compare(const Str* a, const Str* b);  // -1, 0, 1 by code points
int64_t str_hash(Str* s);
Str* str_concat(const Str* a, const Str* b);
Str* str_substring(const Str* s, int64_t start, int64_t stop);  // clamped, step 1
Str* str_char(uint32_t cp);                                     // cached for cp < 256
Value str_repr(const Str* s);                          // with quotes and escapes, as repr()
Value str_mod(Value fmt, Value args);                  // printf-style `fmt % args`
Value str_format_spec(Str* s, std::string_view spec);  // format(str, spec)
// str.format(*args, **kwargs) on `fmt` (args/kwnames per NativeFn convention).
Value str_format_method(Value* args, size_t nargs, Tuple* kwnames);

// Incremental construction of a str from pieces.
class StrBuilder {
 public:
  void append_utf8(std::string_view s) { buf_.append(s); }
  void append_char(char c) { buf_.push_back(c); }
  void append_codepoint(uint32_t cp);
  void append(const Str* s);
  // Builds the str and frees the buffer: the interpreter's BUILD_STRING
  // leaves its StrBuilder through a computed goto, which runs no destructor.
  Str* build() {
    Str* s = str_new(buf_);
    std::string().swap(buf_);
    return s;
  }
  const std::string& utf8() const { return buf_; }

 private:
  std::string buf_;
};

// --- Building blocks for the str implementation and other runtime code.
// Invariant: kind == 4 only when some code point is >= 256 (so strings with
// equal text have equal kinds), and `ascii` is exact.

// A fresh exact str of `length` code points with zeroed data; the caller fills
// it and sets `ascii` (kind 1) before it escapes.
Str* str_alloc(int64_t length, uint8_t kind);
Str* str_empty();
// An exact-str copy (for str subclass instances), or s itself when exact.
Str* str_exact(Str* s);
// Appends UTF-8 (lone surrogates as 3-byte sequences, as "surrogatepass").
void str_append_utf8(const Str* s, std::string& out);
// Search within s[start:end] (already clamped to [0, length]); -1 when absent.
int64_t str_find(const Str* s, const Str* sub, int64_t start, int64_t end);
int64_t str_rfind(const Str* s, const Str* sub, int64_t start, int64_t end);
int64_t str_count(const Str* s, const Str* sub, int64_t start, int64_t end, int64_t max_count);
Str* str_repeat(const Str* s, int64_t n);
// The str hash of the Latin-1 text `d` (bytes hash with it, so hash(b'a') == hash('a')).
int64_t str_hash_bytes(const uint8_t* d, int64_t n);
// ascii(): repr(s) with every non-ASCII code point escaped.
Value str_ascii_repr(const Str* s);
// ascii(v): repr(v) with non-ASCII code points escaped (\xhh, \uhhhh, \Uhhhhhhhh).
Value str_ascii_of(Value v);
// The text of `v` for messages: str_utf8 of a Str without a Python call.
std::string str_as_utf8(Value v);

// Codecs (utf-8, ascii, latin-1, utf-16, utf-32 and their aliases) with the
// error handlers strict, ignore, replace, backslashreplace (and, for encode,
// xmlcharrefreplace; for decode surrogateescape). `encoding`/`errors` may be
// null for the defaults (utf-8, strict). Raise LookupError,
// UnicodeEncodeError/UnicodeDecodeError as CPython.
Value str_encode(Str* s, const char* encoding, const char* errors);  // -> bytes
Value str_decode(const uint8_t* data, int64_t n, const char* encoding, const char* errors);

// Builds a str code point by code point, one byte per character while all
// are < 256 (no UTF-8 round trip; faster than StrBuilder for str methods).
class StrWriter {
 public:
  void reserve(size_t n) {
    if (wide_)
      wbuf_.reserve(n);
    else
      nbuf_.reserve(n);
  }
  void put(uint32_t cp) {
    if (cp < 256 && !wide_)
      nbuf_.push_back(char(cp));
    else
      put_wide(cp);
  }
  void put_ascii(std::string_view s);
  void put_str(const Str* s) { put_range(s, 0, s->length); }
  void put_range(const Str* s, int64_t start, int64_t stop);
  void put_repeat(uint32_t cp, int64_t n);
  size_t size() const { return wide_ ? wbuf_.size() : nbuf_.size(); }
  Str* finish() const;

 private:
  void put_wide(uint32_t cp);
  void widen();
  std::string nbuf_;  // latin-1 bytes while !wide_
  std::u32string wbuf_;
  bool wide_ = false;
};

// Argument checks for str/bytes methods, with the CPython message style each
// method uses. `n` counts the arguments after self.
void arg_noargs(const char* qualname, size_t n,
                Tuple* kwnames);  // "str.upper() takes no arguments (1 given)"
void arg_onearg(const char* qualname, size_t n,
                Tuple* kwnames);  // "str.join() takes exactly one argument (0 given)"
// Argument Clinic style: "strip expected at most 1 argument, got 2".
void arg_clinic_range(const char* qualname, const char* name, size_t n, Tuple* kwnames, size_t min,
                      size_t max);
// PyArg_ParseTuple style: "find() takes at least 1 argument (0 given)".
void arg_oldstyle_range(const char* name, size_t n, Tuple* kwnames, size_t min, size_t max);
// Keyword-accepting methods (split, encode ...): binds args (after self) and
// keywords to `names`; missing ones are left empty.
void arg_keywords(const char* name, const Value* args, size_t n, Tuple* kwnames,
                  std::initializer_list<const char*> names, Value* out);
// An __index__-able value as int64 ("'str' object cannot be interpreted as an
// integer"; OverflowError "Python int too large to convert to C ssize_t").
int64_t arg_ssize(Value v);
// A slice bound (None/empty -> dflt), clamped to int64 as CPython's
// _PyEval_SliceIndex.
int64_t arg_slice_index(Value v, int64_t dflt);
// CPython's ADJUST_INDICES for find/count/startswith.
inline void adjust_indices(int64_t& start, int64_t& end, int64_t len) {
  if (end > len)
    end = len;
  else if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
}

extern Type* str_iter_type;
void init_str_type();
// Defined in str_methods.cpp / str_format.cpp; called by init_str_type().
void init_str_methods(Type* type);
void init_str_format_methods(Type* type);

}  // namespace kestrel
