// Python str core: allocation, UTF-8 conversion, interning, hashing,
// comparison, repr, StrBuilder/StrWriter, and the str type's slots and
// iterator. Methods live in str_methods.cpp, formatting in str_format.cpp.
#include "runtime/str.h"

#include <cstring>
#include <new>
#include <vector>

#include "runtime/bytearray.h"
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/range.h"
#include "runtime/unicode_db.h"

namespace kestrel {

Type* str_iter_type = nullptr;

namespace {

// ---------------------------------------------------------------- roots

Str* g_empty = nullptr;
Str* g_chars[256];  // the one-character strings for code points < 256

// The intern table: open addressing (linear probing) keyed by str_hash.
// Interned strings are immortal; the root scanner below marks them all.
std::vector<Str*> g_intern_slots;
size_t g_intern_used = 0;
bool g_roots_registered = false;

void scan_str_roots(Tracer& tracer) {
  if (g_empty) tracer.mark(g_empty);
  for (Str* c : g_chars)
    if (c) tracer.mark(c);
  for (Str* s : g_intern_slots)
    if (s) tracer.mark(s);
}

void ensure_roots() {
  if (!g_roots_registered) {
    g_roots_registered = true;
    gc_add_root_scanner(scan_str_roots);
  }
}

// ---------------------------------------------------------------- hashing

inline uint64_t fmix64(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

// FNV-1a over code points (not bytes), so the value is independent of kind,
// finished with a murmur mix so the low bits (dict/set index) are good.
template <class T>
int64_t hash_codepoints(const T* d, int64_t n) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (int64_t i = 0; i < n; ++i) h = (h ^ uint64_t(d[i])) * 0x100000001b3ULL;
  int64_t r = int64_t(fmix64(h ^ uint64_t(n)));
  return r == -1 ? -2 : r;
}

// ---------------------------------------------------------------- UTF-8

// Lenient decoder for str_new: invalid bytes become U+FFFD (one per byte of a
// bad sequence); encoded surrogates are accepted so that StrBuilder, which
// writes them that way, round-trips every str.
inline uint32_t decode_lenient(const uint8_t* p, size_t n, size_t& i) {
  uint8_t c = p[i];
  if (c < 0x80) {
    ++i;
    return c;
  }
  auto cont = [&](size_t k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF && cont(1)) {
    uint32_t cp = (uint32_t(c & 0x1F) << 6) | (p[i + 1] & 0x3F);
    i += 2;
    return cp;
  }
  if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
    uint32_t cp = (uint32_t(c & 0x0F) << 12) | (uint32_t(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
    if (cp >= 0x800) {
      i += 3;
      return cp;
    }
  } else if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    uint32_t cp = (uint32_t(c & 0x07) << 18) | (uint32_t(p[i + 1] & 0x3F) << 12) |
                  (uint32_t(p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
    if (cp >= 0x10000 && cp <= 0x10FFFF) {
      i += 4;
      return cp;
    }
  }
  ++i;
  return 0xFFFD;
}

inline void encode_utf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    char b[2] = {char(0xC0 | (cp >> 6)), char(0x80 | (cp & 0x3F))};
    out.append(b, 2);
  } else if (cp < 0x10000) {
    char b[3] = {char(0xE0 | (cp >> 12)), char(0x80 | ((cp >> 6) & 0x3F)),
                 char(0x80 | (cp & 0x3F))};
    out.append(b, 3);
  } else {
    char b[4] = {char(0xF0 | (cp >> 18)), char(0x80 | ((cp >> 12) & 0x3F)),
                 char(0x80 | ((cp >> 6) & 0x3F)), char(0x80 | (cp & 0x3F))};
    out.append(b, 4);
  }
}

bool all_ascii(const uint8_t* p, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ULL) return false;
  }
  for (; i < n; ++i)
    if (p[i] & 0x80) return false;
  return true;
}

}  // namespace

// ---------------------------------------------------------------- allocation

Str* str_alloc(int64_t length, uint8_t kind) {
  if (length < 0 || length > (int64_t(1) << 58)) raise_memory_error();
  size_t bytes = kind == 1 ? size_t(length) + 1 : size_t(length) * 4;
  Str* s = gc_new<Str>(str_type, bytes);
  s->length = length;
  s->hash = -1;
  s->kind = kind;
  return s;
}

Str* str_empty() {
  if (!g_empty) {
    ensure_roots();
    Str* s = str_alloc(0, 1);
    s->ascii = true;
    g_empty = s;
  }
  return g_empty;
}

Str* str_char(uint32_t cp) {
  if (cp < 256) {
    Str* c = g_chars[cp];
    if (!c) {
      ensure_roots();
      c = str_alloc(1, 1);
      c->mutable_data1()[0] = uint8_t(cp);
      c->ascii = cp < 128;
      g_chars[cp] = c;
    }
    return c;
  }
  Str* s = str_alloc(1, 4);
  s->mutable_data4()[0] = cp;
  return s;
}

Str* str_from_latin1(const uint8_t* chars, int64_t n) {
  if (n == 0) return str_empty();
  if (n == 1) return str_char(chars[0]);
  Str* s = str_alloc(n, 1);
  std::memcpy(s->mutable_data1(), chars, size_t(n));
  s->ascii = all_ascii(chars, size_t(n));
  return s;
}

Str* str_from_ascii(std::string_view ascii) {
  int64_t n = int64_t(ascii.size());
  if (n == 0) return str_empty();
  if (n == 1) return str_char(uint8_t(ascii[0]));
  Str* s = str_alloc(n, 1);
  std::memcpy(s->mutable_data1(), ascii.data(), size_t(n));
  s->ascii = true;
  return s;
}

Str* str_from_codepoints(const uint32_t* cps, int64_t n) {
  uint32_t max = 0;
  for (int64_t i = 0; i < n; ++i) max |= cps[i];  // an upper bound is enough for kind
  if (max < 256) {
    if (n == 0) return str_empty();
    if (n == 1) return str_char(cps[0]);
    Str* s = str_alloc(n, 1);
    uint8_t* d = s->mutable_data1();
    for (int64_t i = 0; i < n; ++i) d[i] = uint8_t(cps[i]);
    s->ascii = max < 128;
    return s;
  }
  uint32_t real_max = 0;
  for (int64_t i = 0; i < n; ++i) real_max = cps[i] > real_max ? cps[i] : real_max;
  if (real_max < 256) {
    Str* s = str_alloc(n, 1);
    uint8_t* d = s->mutable_data1();
    for (int64_t i = 0; i < n; ++i) d[i] = uint8_t(cps[i]);
    s->ascii = real_max < 128;
    return s;
  }
  if (n == 1) return str_char(cps[0]);
  Str* s = str_alloc(n, 4);
  std::memcpy(s->mutable_data4(), cps, size_t(n) * 4);
  return s;
}

Str* str_new(std::string_view utf8) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(utf8.data());
  size_t n = utf8.size();
  if (n == 0) return str_empty();
  if (all_ascii(p, n)) {
    if (n == 1) return str_char(p[0]);
    Str* s = str_alloc(int64_t(n), 1);
    std::memcpy(s->mutable_data1(), p, n);
    s->ascii = true;
    return s;
  }
  // Two passes: count code points and find the kind, then fill.
  int64_t count = 0;
  uint32_t max = 0;
  for (size_t i = 0; i < n;) {
    uint32_t cp = decode_lenient(p, n, i);
    max = cp > max ? cp : max;
    ++count;
  }
  if (count == 1) {
    size_t i = 0;
    return str_char(decode_lenient(p, n, i));
  }
  Str* s = str_alloc(count, max < 256 ? 1 : 4);
  int64_t k = 0;
  if (max < 256) {
    uint8_t* d = s->mutable_data1();
    for (size_t i = 0; i < n;) d[k++] = uint8_t(decode_lenient(p, n, i));
  } else {
    uint32_t* d = s->mutable_data4();
    for (size_t i = 0; i < n;) d[k++] = decode_lenient(p, n, i);
  }
  return s;
}

Str* str_exact(Str* s) {
  if (s->type == str_type) return s;
  if (s->kind == 1) return str_from_latin1(s->data1(), s->length);
  return str_from_codepoints(s->data4(), s->length);
}

// ---------------------------------------------------------------- UTF-8 out

void str_append_utf8(const Str* s, std::string& out) {
  if (s->ascii) {
    out.append(s->ascii_view());
    return;
  }
  if (s->kind == 1) {
    const uint8_t* d = s->data1();
    for (int64_t i = 0; i < s->length; ++i) encode_utf8(d[i], out);
  } else {
    const uint32_t* d = s->data4();
    for (int64_t i = 0; i < s->length; ++i) encode_utf8(d[i], out);
  }
}

std::string str_to_utf8(const Str* s) {
  if (s->ascii) return std::string(s->ascii_view());
  std::string out;
  out.reserve(size_t(s->length) * 2);
  str_append_utf8(s, out);
  return out;
}

std::string str_as_utf8(Value v) {
  if (is_str(v)) return str_to_utf8(v.as<Str>());
  return str_utf8(v);
}

void StrBuilder::append_codepoint(uint32_t cp) { encode_utf8(cp, buf_); }
void StrBuilder::append(const Str* s) { str_append_utf8(s, buf_); }

// ---------------------------------------------------------------- StrWriter

void StrWriter::widen() {
  wbuf_.reserve(nbuf_.size() + 16);
  for (char c : nbuf_) wbuf_.push_back(char32_t(uint8_t(c)));
  nbuf_.clear();
  nbuf_.shrink_to_fit();
  wide_ = true;
}

void StrWriter::put_wide(uint32_t cp) {
  if (!wide_) widen();
  wbuf_.push_back(char32_t(cp));
}

void StrWriter::put_ascii(std::string_view s) {
  if (!wide_) {
    nbuf_.append(s);
  } else {
    for (char c : s) wbuf_.push_back(char32_t(uint8_t(c)));
  }
}

void StrWriter::put_range(const Str* s, int64_t start, int64_t stop) {
  if (start >= stop) return;
  if (s->kind == 1) {
    const char* d = reinterpret_cast<const char*>(s->data1());
    if (!wide_) {
      nbuf_.append(d + start, size_t(stop - start));
    } else {
      for (int64_t i = start; i < stop; ++i) wbuf_.push_back(char32_t(uint8_t(d[i])));
    }
  } else {
    if (!wide_) widen();
    const uint32_t* d = s->data4();
    wbuf_.append(reinterpret_cast<const char32_t*>(d + start), size_t(stop - start));
  }
}

void StrWriter::put_repeat(uint32_t cp, int64_t n) {
  if (n <= 0) return;
  if (cp < 256 && !wide_) {
    nbuf_.append(size_t(n), char(cp));
  } else {
    if (!wide_) widen();
    wbuf_.append(size_t(n), char32_t(cp));
  }
}

Str* StrWriter::finish() const {
  if (!wide_)
    return str_from_latin1(reinterpret_cast<const uint8_t*>(nbuf_.data()), int64_t(nbuf_.size()));
  return str_from_codepoints(reinterpret_cast<const uint32_t*>(wbuf_.data()),
                             int64_t(wbuf_.size()));
}

// ---------------------------------------------------------------- hash, eq

int64_t str_hash(Str* s) {
  if (s->hash != -1) return s->hash;
  int64_t h = s->kind == 1 ? hash_codepoints(s->data1(), s->length)
                           : hash_codepoints(s->data4(), s->length);
  s->hash = h;
  return h;
}

int64_t str_hash_bytes(const uint8_t* d, int64_t n) { return hash_codepoints(d, n); }

bool str_equal(const Str* a, const Str* b) {
  if (a == b) return true;
  if (a->length != b->length || a->kind != b->kind) return false;
  if (a->interned && b->interned) return false;
  if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
  return std::memcmp(a->raw(), b->raw(), size_t(a->length) * a->kind) == 0;
}

bool str_equal_ascii(const Str* a, std::string_view ascii) {
  return a->kind == 1 && a->length == int64_t(ascii.size()) &&
         std::memcmp(a->data1(), ascii.data(), ascii.size()) == 0;
}

int str_compare(const Str* a, const Str* b) {
  if (a == b) return 0;
  int64_t n = a->length < b->length ? a->length : b->length;
  if (a->kind == 1 && b->kind == 1) {
    int c = std::memcmp(a->data1(), b->data1(), size_t(n));
    if (c != 0) return c < 0 ? -1 : 1;
  } else {
    for (int64_t i = 0; i < n; ++i) {
      uint32_t x = a->at(i), y = b->at(i);
      if (x != y) return x < y ? -1 : 1;
    }
  }
  return a->length < b->length ? -1 : (a->length > b->length ? 1 : 0);
}

// ---------------------------------------------------------------- interning

namespace {

template <class Eq>
Str** intern_probe(int64_t hash, Eq eq) {
  size_t mask = g_intern_slots.size() - 1;
  for (size_t i = size_t(hash) & mask;; i = (i + 1) & mask) {
    Str*& slot = g_intern_slots[i];
    if (!slot || eq(slot)) return &slot;
  }
}

void intern_insert(Str* s) {
  if ((g_intern_used + 1) * 3 >= g_intern_slots.size() * 2) {
    std::vector<Str*> old;
    old.swap(g_intern_slots);
    g_intern_slots.assign(old.empty() ? 1024 : old.size() * 2, nullptr);
    for (Str* o : old)
      if (o) *intern_probe(o->hash, [](Str*) { return false; }) = o;
  }
  *intern_probe(s->hash, [](Str*) { return false; }) = s;
  ++g_intern_used;
  s->interned = true;
}

}  // namespace

Str* intern_str(Str* s) {
  if (s->interned) return s;
  ensure_roots();
  s = str_exact(s);
  int64_t h = str_hash(s);
  if (!g_intern_slots.empty()) {
    Str** slot = intern_probe(h, [&](Str* o) { return o->hash == h && str_equal(o, s); });
    if (*slot) return *slot;
  }
  intern_insert(s);
  return s;
}

Str* intern(std::string_view utf8) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(utf8.data());
  if (!all_ascii(p, utf8.size())) return intern_str(str_new(utf8));
  // ASCII: look up without allocating.
  int64_t h = hash_codepoints(p, int64_t(utf8.size()));
  if (!g_intern_slots.empty()) {
    Str** slot = intern_probe(h, [&](Str* o) { return o->hash == h && str_equal_ascii(o, utf8); });
    if (*slot) return *slot;
  }
  Str* s = str_new(utf8);
  if (s->interned) return s;  // a cached one-character string interned earlier under... itself
  s->hash = h;
  ensure_roots();
  intern_insert(s);
  return s;
}

// ---------------------------------------------------------------- basics

Str* str_concat(const Str* a, const Str* b) {
  if (a->length == 0 && b->type == str_type) return const_cast<Str*>(b);
  if (b->length == 0 && a->type == str_type) return const_cast<Str*>(a);
  int64_t n = a->length + b->length;
  if (a->kind == 1 && b->kind == 1) {
    Str* s = str_alloc(n, 1);
    std::memcpy(s->mutable_data1(), a->data1(), size_t(a->length));
    std::memcpy(s->mutable_data1() + a->length, b->data1(), size_t(b->length));
    s->ascii = a->ascii && b->ascii;
    return s;
  }
  Str* s = str_alloc(n, 4);
  uint32_t* d = s->mutable_data4();
  for (int64_t i = 0; i < a->length; ++i) d[i] = a->at(i);
  for (int64_t i = 0; i < b->length; ++i) d[a->length + i] = b->at(i);
  return s;
}

Str* str_substring(const Str* s, int64_t start, int64_t stop) {
  if (start < 0) start = 0;
  if (stop > s->length) stop = s->length;
  if (start >= stop) return str_empty();
  if (start == 0 && stop == s->length && s->type == str_type) return const_cast<Str*>(s);
  if (stop - start == 1) return str_char(s->at(start));
  if (s->kind == 1) {
    int64_t n = stop - start;
    Str* r = str_alloc(n, 1);
    std::memcpy(r->mutable_data1(), s->data1() + start, size_t(n));
    r->ascii = s->ascii || all_ascii(r->data1(), size_t(n));
    return r;
  }
  return str_from_codepoints(s->data4() + start, stop - start);
}

Str* str_repeat(const Str* s, int64_t n) {
  if (n <= 0 || s->length == 0) return str_empty();
  if (n == 1 && s->type == str_type) return const_cast<Str*>(s);
  if (s->length > INT64_MAX / n) raise_memory_error();
  int64_t total = s->length * n;
  Str* r = str_alloc(total, s->kind);
  r->ascii = s->ascii;
  size_t unit = size_t(s->length) * s->kind;
  uint8_t* d = static_cast<uint8_t*>(r->raw());
  if (unit == 1) {
    std::memset(d, s->data1()[0], size_t(total));
  } else {
    // Doubling copies: O(log n) memcpy calls.
    std::memcpy(d, s->raw(), unit);
    size_t done = unit, all = unit * size_t(n);
    while (done < all) {
      size_t c = done < all - done ? done : all - done;
      std::memcpy(d + done, d, c);
      done += c;
    }
  }
  return r;
}

// ---------------------------------------------------------------- searching

namespace {

template <class H, class N>
int64_t find_generic(const H* h, int64_t start, int64_t end, const N* nd, int64_t m) {
  if (m == 0) return start;
  N first = nd[0];
  for (int64_t i = start; i + m <= end; ++i) {
    if (uint32_t(h[i]) != uint32_t(first)) continue;
    int64_t j = 1;
    while (j < m && uint32_t(h[i + j]) == uint32_t(nd[j])) ++j;
    if (j == m) return i;
  }
  return -1;
}

template <class H, class N>
int64_t rfind_generic(const H* h, int64_t start, int64_t end, const N* nd, int64_t m) {
  if (m == 0) return end;
  for (int64_t i = end - m; i >= start; --i) {
    int64_t j = 0;
    while (j < m && uint32_t(h[i + j]) == uint32_t(nd[j])) ++j;
    if (j == m) return i;
  }
  return -1;
}

}  // namespace

int64_t str_find(const Str* s, const Str* sub, int64_t start, int64_t end) {
  int64_t m = sub->length;
  if (end - start < m) return -1;
  if (sub->kind == 4 && s->kind == 1) return -1;  // a wide needle cannot occur in a narrow text
  if (s->kind == 1) {
    if (m == 0) return start;
    if (m == 1) {
      const void* p = std::memchr(s->data1() + start, sub->data1()[0], size_t(end - start));
      return p ? static_cast<const uint8_t*>(p) - s->data1() : -1;
    }
    const void* p = memmem(s->data1() + start, size_t(end - start), sub->data1(), size_t(m));
    return p ? static_cast<const uint8_t*>(p) - s->data1() : -1;
  }
  if (sub->kind == 1) return find_generic(s->data4(), start, end, sub->data1(), m);
  return find_generic(s->data4(), start, end, sub->data4(), m);
}

int64_t str_rfind(const Str* s, const Str* sub, int64_t start, int64_t end) {
  int64_t m = sub->length;
  if (end - start < m) return -1;
  if (sub->kind == 4 && s->kind == 1) return -1;
  if (s->kind == 1) {
    if (m == 1) {
      const void* p = memrchr(s->data1() + start, sub->data1()[0], size_t(end - start));
      return p ? static_cast<const uint8_t*>(p) - s->data1() : -1;
    }
    return rfind_generic(s->data1(), start, end, sub->data1(), m);
  }
  if (sub->kind == 1) return rfind_generic(s->data4(), start, end, sub->data1(), m);
  return rfind_generic(s->data4(), start, end, sub->data4(), m);
}

int64_t str_count(const Str* s, const Str* sub, int64_t start, int64_t end, int64_t max_count) {
  if (end - start < sub->length) return 0;
  if (sub->length == 0) {
    int64_t n = end - start + 1;
    return max_count >= 0 && n > max_count ? max_count : n;
  }
  int64_t count = 0;
  while (max_count < 0 || count < max_count) {
    int64_t i = str_find(s, sub, start, end);
    if (i < 0) break;
    ++count;
    start = i + sub->length;
  }
  return count;
}

// ---------------------------------------------------------------- repr

namespace {

const char kHex[] = "0123456789abcdef";

void put_escape(StrWriter& w, uint32_t ch) {
  if (ch <= 0xff) {
    w.put('\\');
    w.put('x');
    w.put(kHex[(ch >> 4) & 15]);
    w.put(kHex[ch & 15]);
  } else if (ch <= 0xffff) {
    w.put('\\');
    w.put('u');
    for (int sh = 12; sh >= 0; sh -= 4) w.put(kHex[(ch >> sh) & 15]);
  } else {
    w.put('\\');
    w.put('U');
    for (int sh = 28; sh >= 0; sh -= 4) w.put(kHex[(ch >> sh) & 15]);
  }
}

Str* repr_impl(const Str* s, bool ascii_only) {
  // CPython's quote choice: single quotes unless the text has ' and no ".
  bool has_sq = false, has_dq = false;
  for (int64_t i = 0; i < s->length; ++i) {
    uint32_t c = s->at(i);
    has_sq |= c == '\'';
    has_dq |= c == '"';
  }
  uint32_t quote = has_sq && !has_dq ? '"' : '\'';
  StrWriter w;
  w.reserve(size_t(s->length) + 2);
  w.put(quote);
  for (int64_t i = 0; i < s->length; ++i) {
    uint32_t ch = s->at(i);
    if (ch == quote || ch == '\\') {
      w.put('\\');
      w.put(ch);
    } else if (ch == '\t') {
      w.put_ascii("\\t");
    } else if (ch == '\n') {
      w.put_ascii("\\n");
    } else if (ch == '\r') {
      w.put_ascii("\\r");
    } else if (ch < ' ' || ch == 0x7f) {
      put_escape(w, ch);
    } else if (ch < 0x7f) {
      w.put(ch);
    } else if (!ascii_only && unicode::is_printable(ch)) {
      w.put(ch);
    } else {
      put_escape(w, ch);
    }
  }
  w.put(quote);
  return w.finish();
}

}  // namespace

Value str_repr(const Str* s) { return repr_impl(s, false); }
Value str_ascii_repr(const Str* s) { return repr_impl(s, true); }

// ---------------------------------------------------------------- slots

namespace {

Value str_slot_repr(Value self) { return str_repr(self.as<Str>()); }
Value str_slot_str(Value self) { return str_exact(self.as<Str>()); }
int64_t str_slot_hash(Value self) { return str_hash(self.as<Str>()); }
int64_t str_slot_length(Value self) { return self.as<Str>()->length; }

Value str_slot_richcompare(Value a, Value b, int op) {
  if (!is_str(a) || !is_str(b)) return not_implemented();
  const Str* x = a.as<Str>();
  const Str* y = b.as<Str>();
  if (op == 2) return py_bool(str_equal(x, y));
  if (op == 3) return py_bool(!str_equal(x, y));
  int c = str_compare(x, y);
  switch (op) {
    case 0:
      return py_bool(c < 0);
    case 1:
      return py_bool(c <= 0);
    case 4:
      return py_bool(c > 0);
    default:
      return py_bool(c >= 0);
  }
}

// The repeat count of `s * n`; OverflowError as CPython for huge ints.
int64_t repeat_count(Value n) {
  if (n.is_small()) return n.small_value();
  Value idx = is_int(n) ? n : py_index(n);
  int64_t c;
  if (!int_to_i64(idx, &c)) {
    if (int_sign(idx) < 0) return 0;
    raise_overflow_error("cannot fit 'int' into an index-sized integer");
  }
  return c;
}

bool has_index(Value v) {
  static Str* name = intern("__index__");
  return is_int(v) || !lookup_special(v, name).empty();
}

[[noreturn]] void raise_non_int_multiply(Value other) {
  raise_type_error("can't multiply sequence by non-int of type '" + type_name_str(other) + "'");
}

Value str_slot_binary(Value a, Value b, int op) {
  if (op >= 13) op -= 13;
  switch (op) {
    case 0:  // +
      if (is_str(a)) {
        if (is_str(b)) return str_concat(a.as<Str>(), b.as<Str>());
        static Str* radd = intern("__radd__");
        if ((type_of(b)->type_flags & kTypeHeap) && !lookup_special(b, radd).empty())
          return not_implemented();
        raise_type_error("can only concatenate str (not \"" + type_name_str(b) + "\") to str");
      }
      return not_implemented();
    case 5:  // *
      if (is_str(a)) {
        if (has_index(b)) return str_repeat(a.as<Str>(), repeat_count(b));
        static Str* rmul = intern("__rmul__");
        if ((type_of(b)->type_flags & kTypeHeap) && !lookup_special(b, rmul).empty())
          return not_implemented();
        raise_non_int_multiply(b);
      }
      if (is_str(b)) {
        if (has_index(a)) return str_repeat(b.as<Str>(), repeat_count(a));
        if (!(type_of(a)->type_flags & kTypeHeap)) raise_non_int_multiply(a);
      }
      return not_implemented();
    case 6:  // %
      if (is_str(a)) return str_mod(a, b);
      return not_implemented();
    default:
      return not_implemented();
  }
}

Value str_slot_getitem(Value self, Value key) {
  const Str* s = self.as<Str>();
  int64_t i;
  if (key.is_small()) {
    i = key.small_value();
  } else if (key.is_object() && key.obj()->type == slice_type) {
    int64_t start, stop, step;
    int64_t n = slice_indices(key.as<Slice>(), s->length, &start, &stop, &step);
    if (step == 1) return str_substring(s, start, start + n);
    if (n <= 0) return str_empty();
    if (s->kind == 1) {
      std::string buf(size_t(n), '\0');
      for (int64_t k = 0; k < n; ++k) buf[size_t(k)] = char(s->data1()[start + k * step]);
      return str_from_latin1(reinterpret_cast<const uint8_t*>(buf.data()), n);
    }
    std::u32string buf(size_t(n), U'\0');
    for (int64_t k = 0; k < n; ++k) buf[size_t(k)] = s->data4()[start + k * step];
    return str_from_codepoints(reinterpret_cast<const uint32_t*>(buf.data()), n);
  } else if (has_index(key)) {
    i = index_value(key);
  } else {
    raise_type_error("string indices must be integers, not '" + type_name_str(key) + "'");
  }
  if (i < 0) i += s->length;
  if (i < 0 || i >= s->length) raise_index_error("string index out of range");
  return str_char(s->at(i));
}

int str_slot_contains(Value self, Value item) {
  if (!is_str(item))
    raise_type_error("'in <string>' requires string as left operand, not " + type_name_str(item));
  const Str* s = self.as<Str>();
  return str_find(s, item.as<Str>(), 0, s->length) >= 0;
}

// ---- iterator

struct StrIter : Object {
  Str* str;  // null once exhausted
  int64_t index;
};

void str_iter_trace(Object* obj, Tracer& tracer) {
  StrIter* it = static_cast<StrIter*>(obj);
  if (it->str) tracer.mark(it->str);
}

Value str_iter_next(Value self) {
  StrIter* it = self.as<StrIter>();
  Str* s = it->str;
  if (!s) return Value();
  if (it->index < s->length) return str_char(s->at(it->index++));
  it->str = nullptr;
  return Value();
}

Value str_iter_self(Value self) { return self; }

Value str_iter_length_hint(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__length_hint__", kwnames);
  check_nargs("__length_hint__", nargs, 1, 1);
  StrIter* it = args[0].as<StrIter>();
  return Value::small(it->str ? it->str->length - it->index : 0);
}

Value str_slot_iter(Value self) {
  StrIter* it = gc_new<StrIter>(str_iter_type);
  it->str = self.as<Str>();
  it->index = 0;
  return it;
}

// ---- str(object='', encoding='utf-8', errors='strict')

Value str_slot_new(Type* type, Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  if (nargs > 3) {
    raise_type_error("str() takes at most 3 arguments (" + std::to_string(nargs) + " given)");
  }
  parse_args("str", args, nargs, kwnames, {"object", "encoding", "errors"}, 0, a);
  Str* result;
  if (a[1].empty() && a[2].empty()) {
    if (a[0].empty()) {
      result = str_empty();
    } else if (is_exact(a[0], str_type) && type == str_type) {
      return a[0];
    } else {
      Value r = py_str(a[0]);
      result = r.as<Str>();
    }
  } else {
    std::string enc, err;
    if (!a[1].empty()) {
      if (!is_str(a[1]))
        raise_type_error("str() argument 'encoding' must be str, not " + type_name_str(a[1]));
      enc = str_to_utf8(a[1].as<Str>());
    }
    if (!a[2].empty()) {
      if (!is_str(a[2]))
        raise_type_error("str() argument 'errors' must be str, not " + type_name_str(a[2]));
      err = str_to_utf8(a[2].as<Str>());
    }
    Value obj = a[0].empty() ? Value(str_empty()) : a[0];
    if (is_str(obj)) raise_type_error("decoding str is not supported");
    std::string_view data;  // bytes, bytearray or memoryview
    if (!bytes_like_view(obj, &data))
      raise_type_error("decoding to str: need a bytes-like object, " + type_name_str(obj) +
                       " found");
    Value r =
        str_decode(reinterpret_cast<const uint8_t*>(data.data()), int64_t(data.size()),
                   a[1].empty() ? nullptr : enc.c_str(), a[2].empty() ? nullptr : err.c_str());
    result = r.as<Str>();
  }
  if (type == str_type) return str_exact(result);
  // A subclass instance: its InstanceAttrs (at attrs_offset == sizeof(Str))
  // come right after the header, the character data after them.
  size_t bytes = result->kind == 1 ? size_t(result->length) + 1 : size_t(result->length) * 4;
  size_t head = type->instance_size > sizeof(Str) ? type->instance_size : sizeof(Str);
  head = (head + 7) & ~size_t(7);
  Str* s = static_cast<Str*>(gc_alloc(head + bytes, type));
  s->flags = uint32_t(head - sizeof(Str));
  s->length = result->length;
  s->hash = -1;
  s->kind = result->kind;
  s->ascii = result->ascii;
  std::memcpy(s->raw(), result->raw(), bytes);
  return s;
}

}  // namespace

void init_str_type() {
  ensure_roots();
  Type* t = str_type;
  t->repr = str_slot_repr;
  t->str = str_slot_str;
  t->hash = str_slot_hash;
  t->richcompare = str_slot_richcompare;
  t->binary = str_slot_binary;
  t->length = str_slot_length;
  t->getitem = str_slot_getitem;
  t->contains = str_slot_contains;
  t->iter = str_slot_iter;
  t->new_ = str_slot_new;

  str_iter_type = new_builtin_type("str_ascii_iterator", object_type, sizeof(StrIter));
  str_iter_type->trace = str_iter_trace;
  str_iter_type->iter = str_iter_self;
  str_iter_type->next = str_iter_next;
  add_method(str_iter_type, "__length_hint__", str_iter_length_hint);

  init_str_methods(t);
  init_str_format_methods(t);
}

}  // namespace kestrel
