// Python bytes: the type's slots and methods, printf-style `bytes % args`, and
// the text codecs (utf-8, ascii, latin-1, utf-16, utf-32) behind str.encode,
// bytes.decode and str(b, encoding), with CPython's error messages.
#include "runtime/bytes.h"

#include <cstring>
#include <string>

#include "runtime/bytearray.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/range.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

Type* bytes_iter_type = nullptr;

namespace {
Bytes* g_empty_bytes = nullptr;
Bytes* g_single_bytes[256];

bool g_roots_registered = false;

void scan_bytes_roots(Tracer& tracer) {
  if (g_empty_bytes) tracer.mark(g_empty_bytes);
  for (Bytes* b : g_single_bytes)
    if (b) tracer.mark(b);
}

// The caches may be filled before init_bytes_type() runs (constants made
// during bootstrap), so the root scanner is registered on first use.
void ensure_roots() {
  if (!g_roots_registered) {
    g_roots_registered = true;
    gc_add_root_scanner(scan_bytes_roots);
  }
}
}  // namespace

Bytes* bytes_alloc(int64_t n) {
  if (n < 0 || n > (int64_t(1) << 60)) raise_memory_error();
  Bytes* b = gc_new<Bytes>(bytes_type, size_t(n) + 1);
  b->length = n;
  b->hash = -1;
  return b;
}

Bytes* bytes_new(std::string_view data) {
  if (data.size() <= 1) {
    ensure_roots();
    // Empty and single-byte bytes are cached, as CPython does.
    if (data.empty()) {
      if (!g_empty_bytes) g_empty_bytes = bytes_alloc(0);
      return g_empty_bytes;
    }
    uint8_t c = uint8_t(data[0]);
    if (!g_single_bytes[c]) {
      Bytes* b = bytes_alloc(1);
      b->mutable_data()[0] = c;
      g_single_bytes[c] = b;
    }
    return g_single_bytes[c];
  }
  Bytes* b = bytes_alloc(int64_t(data.size()));
  std::memcpy(b->mutable_data(), data.data(), data.size());
  return b;
}

Value bytes_repr(const Bytes* b) {
  const uint8_t* d = b->data();
  bool sq = std::memchr(d, '\'', size_t(b->length)) != nullptr;
  bool dq = std::memchr(d, '"', size_t(b->length)) != nullptr;
  char quote = sq && !dq ? '"' : '\'';
  static const char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(size_t(b->length) + 3);
  out += 'b';
  out += quote;
  for (int64_t i = 0; i < b->length; ++i) {
    uint8_t c = d[i];
    if (c == uint8_t(quote) || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += char(c);
    }
  }
  out += quote;
  return str_new(out);
}

// ---------------------------------------------------------------- codecs

namespace {

enum class Codec { kUtf8, kAscii, kLatin1, kUtf16, kUtf16Le, kUtf16Be, kUtf32, kUtf32Le, kUtf32Be };

const char* codec_name(Codec c) {
  switch (c) {
    case Codec::kUtf8:
      return "utf-8";
    case Codec::kAscii:
      return "ascii";
    case Codec::kLatin1:
      return "latin-1";
    case Codec::kUtf16:
      return "utf-16";
    case Codec::kUtf16Le:
      return "utf-16-le";
    case Codec::kUtf16Be:
      return "utf-16-be";
    case Codec::kUtf32:
      return "utf-32";
    case Codec::kUtf32Le:
      return "utf-32-le";
    default:
      return "utf-32-be";
  }
}

Codec lookup_codec(const char* encoding) {
  if (!encoding) return Codec::kUtf8;
  std::string n;
  for (const char* p = encoding; *p; ++p) {
    char c = *p;
    if (c == '-' || c == ' ') c = '_';
    n += char(tolower(uint8_t(c)));
  }
  if (n == "utf_8" || n == "utf8" || n == "u8" || n == "utf" || n == "cp65001" ||
      n == "utf8_ucs2" || n == "utf8_ucs4")
    return Codec::kUtf8;
  if (n == "ascii" || n == "us_ascii" || n == "646" || n == "us" || n == "ansi_x3.4_1968" ||
      n == "cp367" || n == "iso646_us")
    return Codec::kAscii;
  if (n == "latin_1" || n == "latin1" || n == "latin" || n == "iso_8859_1" || n == "iso8859_1" ||
      n == "8859" || n == "cp819" || n == "l1" || n == "iso_ir_100")
    return Codec::kLatin1;
  if (n == "utf_16" || n == "utf16" || n == "u16") return Codec::kUtf16;
  if (n == "utf_16_le" || n == "utf_16le") return Codec::kUtf16Le;
  if (n == "utf_16_be" || n == "utf_16be") return Codec::kUtf16Be;
  if (n == "utf_32" || n == "utf32" || n == "u32") return Codec::kUtf32;
  if (n == "utf_32_le" || n == "utf_32le") return Codec::kUtf32Le;
  if (n == "utf_32_be" || n == "utf_32be") return Codec::kUtf32Be;
  raise(lookup_error_type, std::string("unknown encoding: ") + encoding);
}

enum class Handler {
  kStrict,
  kIgnore,
  kReplace,
  kBackslash,
  kXmlRef,
  kSurrogateEscape,
  kSurrogatePass
};

// Resolved lazily: CPython only complains about an unknown handler when an
// error actually happens.
Handler lookup_handler(const char* errors) {
  if (!errors) return Handler::kStrict;
  std::string_view e(errors);
  if (e == "strict") return Handler::kStrict;
  if (e == "ignore") return Handler::kIgnore;
  if (e == "replace") return Handler::kReplace;
  if (e == "backslashreplace") return Handler::kBackslash;
  if (e == "xmlcharrefreplace") return Handler::kXmlRef;
  if (e == "surrogateescape") return Handler::kSurrogateEscape;
  if (e == "surrogatepass") return Handler::kSurrogatePass;
  raise(lookup_error_type, std::string("unknown error handler name '") + errors + "'");
}

std::string char_escape(uint32_t c) {
  char buf[16];
  if (c <= 0xff)
    snprintf(buf, sizeof buf, "\\x%02x", c);
  else if (c <= 0xffff)
    snprintf(buf, sizeof buf, "\\u%04x", c);
  else
    snprintf(buf, sizeof buf, "\\U%08x", c);
  return buf;
}

}  // namespace

void raise_unicode_encode_error(const char* encoding, const Str* s, int64_t start, int64_t end,
                                const char* reason) {
  std::string msg = std::string("'") + encoding + "' codec can't encode ";
  if (end - start == 1) {
    msg += "character '" + char_escape(s->at(start)) + "' in position " + std::to_string(start);
  } else {
    msg += "characters in position " + std::to_string(start) + "-" + std::to_string(end - 1);
  }
  msg += ": ";
  msg += reason;
  raise(unicode_encode_error_type, msg);
}

void raise_unicode_decode_error(const char* encoding, const uint8_t* data, int64_t start,
                                int64_t end, const char* reason) {
  std::string msg = std::string("'") + encoding + "' codec can't decode ";
  if (end - start == 1) {
    char buf[8];
    snprintf(buf, sizeof buf, "0x%02x", data[start]);
    msg += std::string("byte ") + buf + " in position " + std::to_string(start);
  } else {
    msg += "bytes in position " + std::to_string(start) + "-" + std::to_string(end - 1);
  }
  msg += ": ";
  msg += reason;
  raise(unicode_decode_error_type, msg);
}

namespace {

void put_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

void put_unit(std::string& out, uint32_t v, int width, bool big) {
  for (int i = 0; i < width; ++i) {
    int sh = big ? (width - 1 - i) * 8 : i * 8;
    out += char((v >> sh) & 0xff);
  }
}

// Writes code point `cp` in the target encoding (it is encodable).
void put_encoded(std::string& out, Codec codec, uint32_t cp) {
  switch (codec) {
    case Codec::kUtf8:
      put_utf8(out, cp);
      break;
    case Codec::kAscii:
    case Codec::kLatin1:
      out += char(cp);
      break;
    case Codec::kUtf16:
    case Codec::kUtf16Le:
    case Codec::kUtf16Be: {
      bool big = codec == Codec::kUtf16Be;
      if (cp >= 0x10000) {
        cp -= 0x10000;
        put_unit(out, 0xD800 | (cp >> 10), 2, big);
        put_unit(out, 0xDC00 | (cp & 0x3FF), 2, big);
      } else {
        put_unit(out, cp, 2, big);
      }
      break;
    }
    default:
      put_unit(out, cp, 4, codec == Codec::kUtf32Be);
      break;
  }
}

bool encodable(Codec codec, uint32_t cp) {
  if (codec == Codec::kAscii) return cp < 128;
  if (codec == Codec::kLatin1) return cp < 256;
  return cp < 0xD800 || cp > 0xDFFF;
}

}  // namespace

Value str_encode(Str* s, const char* encoding, const char* errors) {
  Codec codec = lookup_codec(encoding);
  if (s->ascii && (codec == Codec::kUtf8 || codec == Codec::kAscii || codec == Codec::kLatin1))
    return bytes_new(s->ascii_view());
  std::string out;
  out.reserve(size_t(s->length) + 4);
  if (codec == Codec::kUtf16) put_unit(out, 0xFEFF, 2, false);
  if (codec == Codec::kUtf32) put_unit(out, 0xFEFF, 4, false);
  const char* reason = codec == Codec::kAscii    ? "ordinal not in range(128)"
                       : codec == Codec::kLatin1 ? "ordinal not in range(256)"
                                                 : "surrogates not allowed";
  int64_t n = s->length;
  for (int64_t i = 0; i < n;) {
    uint32_t cp = s->at(i);
    if (encodable(codec, cp)) {
      put_encoded(out, codec, cp);
      ++i;
      continue;
    }
    int64_t end = i + 1;
    while (end < n && !encodable(codec, s->at(end))) ++end;
    Handler h = lookup_handler(errors);
    if (h == Handler::kStrict) raise_unicode_encode_error(codec_name(codec), s, i, end, reason);
    for (int64_t k = i; k < end; ++k) {
      uint32_t c = s->at(k);
      switch (h) {
        case Handler::kIgnore:
          break;
        case Handler::kReplace:
          put_encoded(out, codec, '?');
          break;
        case Handler::kBackslash:
          for (char e : char_escape(c)) put_encoded(out, codec, uint8_t(e));
          break;
        case Handler::kXmlRef:
          for (char e : "&#" + std::to_string(c) + ";") put_encoded(out, codec, uint8_t(e));
          break;
        case Handler::kSurrogateEscape:
          if (c >= 0xDC80 && c <= 0xDCFF && codec != Codec::kUtf16 && codec != Codec::kUtf32) {
            out += char(c - 0xDC00);
            break;
          }
          raise_unicode_encode_error(codec_name(codec), s, k, k + 1, reason);
        case Handler::kSurrogatePass:
          if (c >= 0xD800 && c <= 0xDFFF && codec != Codec::kAscii && codec != Codec::kLatin1) {
            if (codec == Codec::kUtf8) {
              out += char(0xE0 | (c >> 12));
              out += char(0x80 | ((c >> 6) & 0x3F));
              out += char(0x80 | (c & 0x3F));
            } else {
              put_encoded(out, codec, c);
            }
            break;
          }
          raise_unicode_encode_error(codec_name(codec), s, k, k + 1, reason);
        default:
          break;
      }
    }
    i = end;
  }
  return bytes_new(out);
}

namespace {

// Length of the invalid UTF-8 sequence at p[i] and the reason, following
// CPython's decoder (maximal subpart rules).
int64_t utf8_error(const uint8_t* p, int64_t n, int64_t i, const char** reason) {
  uint8_t c = p[i];
  auto is_cont = [](uint8_t b) { return (b & 0xC0) == 0x80; };
  if (c < 0xC2 || c > 0xF4) {
    *reason = "invalid start byte";
    return 1;
  }
  int need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  uint8_t lo = 0x80, hi = 0xBF;
  if (c == 0xE0)
    lo = 0xA0;
  else if (c == 0xED)
    hi = 0x9F;
  else if (c == 0xF0)
    lo = 0x90;
  else if (c == 0xF4)
    hi = 0x8F;
  for (int k = 1; k < need; ++k) {
    if (i + k >= n) {
      *reason = "unexpected end of data";
      return n - i;
    }
    uint8_t b = p[i + k];
    bool ok = k == 1 ? (b >= lo && b <= hi) : is_cont(b);
    if (!ok) {
      *reason = "invalid continuation byte";
      return k;
    }
  }
  return 0;  // valid
}

void handle_decode_error(StrWriter& w, Handler h, const char* enc, const uint8_t* p, int64_t start,
                         int64_t end, const char* reason) {
  static const char hex[] = "0123456789abcdef";
  switch (h) {
    case Handler::kStrict:
      raise_unicode_decode_error(enc, p, start, end, reason);
    case Handler::kIgnore:
      break;
    case Handler::kReplace:
      w.put(0xFFFD);
      break;
    case Handler::kBackslash:
      for (int64_t k = start; k < end; ++k) {
        w.put('\\');
        w.put('x');
        w.put(hex[p[k] >> 4]);
        w.put(hex[p[k] & 15]);
      }
      break;
    case Handler::kSurrogateEscape:
      for (int64_t k = start; k < end; ++k) {
        if (p[k] < 128) raise_unicode_decode_error(enc, p, start, end, reason);
        w.put(0xDC00 + p[k]);
      }
      break;
    default:
      raise_unicode_decode_error(enc, p, start, end, reason);
  }
}

}  // namespace

Value str_decode(const uint8_t* p, int64_t n, const char* encoding, const char* errors) {
  Codec codec = lookup_codec(encoding);
  if (codec == Codec::kLatin1) return str_from_latin1(p, n);
  StrWriter w;
  w.reserve(size_t(n));
  const char* enc = codec_name(codec);
  if (codec == Codec::kAscii) {
    for (int64_t i = 0; i < n; ++i) {
      if (p[i] < 128)
        w.put(p[i]);
      else
        handle_decode_error(w, lookup_handler(errors), enc, p, i, i + 1,
                            "ordinal not in range(128)");
    }
    return w.finish();
  }
  if (codec == Codec::kUtf8) {
    for (int64_t i = 0; i < n;) {
      uint8_t c = p[i];
      if (c < 0x80) {
        w.put(c);
        ++i;
        continue;
      }
      const char* reason;
      int64_t bad = utf8_error(p, n, i, &reason);
      if (bad) {
        Handler h = lookup_handler(errors);
        if (h == Handler::kSurrogatePass && c == 0xED && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 &&
            (p[i + 2] & 0xC0) == 0x80) {
          w.put((uint32_t(c & 0x0F) << 12) | (uint32_t(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F));
          i += 3;
          continue;
        }
        handle_decode_error(w, h, enc, p, i, i + bad, reason);
        i += bad;
        continue;
      }
      uint32_t cp;
      if (c < 0xE0) {
        cp = (uint32_t(c & 0x1F) << 6) | (p[i + 1] & 0x3F);
        i += 2;
      } else if (c < 0xF0) {
        cp = (uint32_t(c & 0x0F) << 12) | (uint32_t(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
        i += 3;
      } else {
        cp = (uint32_t(c & 0x07) << 18) | (uint32_t(p[i + 1] & 0x3F) << 12) |
             (uint32_t(p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
        i += 4;
      }
      w.put(cp);
    }
    return w.finish();
  }
  // UTF-16 / UTF-32, with BOM detection for the unsuffixed forms.
  bool is16 = codec == Codec::kUtf16 || codec == Codec::kUtf16Le || codec == Codec::kUtf16Be;
  int width = is16 ? 2 : 4;
  bool big = codec == Codec::kUtf16Be || codec == Codec::kUtf32Be;
  int64_t i = 0;
  auto unit = [&](int64_t at) {
    uint32_t v = 0;
    for (int k = 0; k < width; ++k) {
      int sh = big ? (width - 1 - k) * 8 : k * 8;
      v |= uint32_t(p[at + k]) << sh;
    }
    return v;
  };
  if ((codec == Codec::kUtf16 || codec == Codec::kUtf32) && n >= width) {
    big = false;
    if (unit(0) == 0xFEFF) {
      i = width;
    } else {
      big = true;
      if (unit(0) == 0xFEFF)
        i = width;
      else
        big = false;
    }
  }
  while (i < n) {
    if (n - i < width) {
      handle_decode_error(w, lookup_handler(errors), enc, p, i, n, "truncated data");
      break;
    }
    uint32_t u = unit(i);
    if (is16 && u >= 0xD800 && u <= 0xDBFF) {
      if (n - i < 4) {
        handle_decode_error(w, lookup_handler(errors), enc, p, i, n, "unexpected end of data");
        break;
      }
      uint32_t u2 = unit(i + 2);
      if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
        w.put(0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
        i += 4;
        continue;
      }
      handle_decode_error(w, lookup_handler(errors), enc, p, i, i + 2, "illegal UTF-16 surrogate");
      i += 2;
      continue;
    }
    if (is16 && u >= 0xDC00 && u <= 0xDFFF) {
      handle_decode_error(w, lookup_handler(errors), enc, p, i, i + 2, "illegal encoding");
      i += 2;
      continue;
    }
    if (!is16 && (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF))) {
      handle_decode_error(w, lookup_handler(errors), enc, p, i, i + 4,
                          u > 0x10FFFF
                              ? "code point not in range(0x110000)"
                              : "code point in surrogate code point range(0xd800, 0xe000)");
      i += 4;
      continue;
    }
    w.put(u);
    i += width;
  }
  return w.finish();
}

// ---------------------------------------------------------------- helpers

namespace {

inline Bytes* self_bytes(Value* args, const char* name) {
  if (!is_instance(args[0], bytes_type))
    raise_type_error(std::string("descriptor '") + name +
                     "' for 'bytes' objects doesn't apply to a '" + type_name_str(args[0]) +
                     "' object");
  return args[0].as<Bytes>();
}

inline Value bytes_from(const uint8_t* d, int64_t n) {
  return bytes_new(std::string_view(reinterpret_cast<const char*>(d), size_t(n)));
}

inline Value unchanged(Bytes* b) {
  if (b->type == bytes_type) return b;
  return bytes_new(b->view());
}

// A bytes-like argument: bytes, bytearray or memoryview ("a bytes-like
// object is required, not 'str'").
std::string_view need_bytes(Value v) {
  std::string_view out;
  if (!bytes_like_view(v, &out))
    raise_type_error("a bytes-like object is required, not '" + type_name_str(v) + "'");
  return out;
}

// find/count/index "sub" argument: bytes or an int in range(256).
std::string_view sub_arg(Value v, char* one) {
  std::string_view view;
  if (bytes_like_view(v, &view)) return view;
  static Str* index_name = intern("__index__");
  if (is_int(v) || (!is_str(v) && !lookup_special(v, index_name).empty())) {
    int64_t c = arg_ssize(v);
    if (c < 0 || c > 255) raise_value_error("byte must be in range(0, 256)");
    *one = char(c);
    return std::string_view(one, 1);
  }
  raise_type_error("argument should be integer or bytes-like object, not '" + type_name_str(v) +
                   "'");
}

inline bool is_ascii_space(uint8_t c) { return c == ' ' || (c >= 9 && c <= 13); }
inline bool is_lower(uint8_t c) { return c >= 'a' && c <= 'z'; }
inline bool is_upper(uint8_t c) { return c >= 'A' && c <= 'Z'; }
inline bool is_alpha(uint8_t c) { return is_lower(c) || is_upper(c); }
inline bool is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

List* new_list() { return list_new(0); }

// ---------------------------------------------------------------- slots

int64_t bytes_slot_hash(Value self) {
  Bytes* b = self.as<Bytes>();
  if (b->hash == -1) b->hash = str_hash_bytes(b->data(), b->length);
  return b->hash;
}

Value bytes_slot_repr(Value self) { return bytes_repr(self.as<Bytes>()); }

Value bytes_slot_str(Value self) { return bytes_repr(self.as<Bytes>()); }

int64_t bytes_slot_length(Value self) { return self.as<Bytes>()->length; }

Value bytes_slot_richcompare(Value a, Value b, int op) {
  if (!is_instance(a, bytes_type) || !is_instance(b, bytes_type)) return not_implemented();
  std::string_view x = a.as<Bytes>()->view(), y = b.as<Bytes>()->view();
  if (op == 2 || op == 3) {
    bool eq = x == y;
    return py_bool(op == 2 ? eq : !eq);
  }
  int c = x.compare(y);
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

Value bytes_repeat(const Bytes* b, int64_t n) {
  if (n <= 0 || b->length == 0) return bytes_new({});
  if (n == 1 && b->type == bytes_type) return Value(b);
  if (b->length > INT64_MAX / n) raise_memory_error();
  Bytes* r = bytes_alloc(b->length * n);
  uint8_t* d = r->mutable_data();
  for (int64_t i = 0; i < n; ++i) std::memcpy(d + i * b->length, b->data(), size_t(b->length));
  return r;
}

Value bytes_slot_binary(Value a, Value b, int op) {
  if (op >= 13) op -= 13;
  bool ab = is_instance(a, bytes_type), bb = is_instance(b, bytes_type);
  std::string_view y_view;
  switch (op) {
    case 0:
      // bytes + any bytes-like object is bytes (bytearray + bytes is the
      // bytearray slot's business: the left operand decides).
      if (ab && (bb || bytes_like_view(b, &y_view))) {
        std::string_view x = a.as<Bytes>()->view(), y = bb ? b.as<Bytes>()->view() : y_view;
        if (x.empty() && is_exact(b, bytes_type)) return b;
        if (y.empty() && is_exact(a, bytes_type)) return a;
        Bytes* r = bytes_alloc(int64_t(x.size() + y.size()));
        std::memcpy(r->mutable_data(), x.data(), x.size());
        std::memcpy(r->mutable_data() + x.size(), y.data(), y.size());
        return r;
      }
      if (ab) {
        static Str* radd = intern("__radd__");
        if ((type_of(b)->type_flags & kTypeHeap) && !lookup_special(b, radd).empty())
          return not_implemented();
        raise_type_error("can't concat " + type_name_str(b) + " to bytes");
      }
      return not_implemented();
    case 5:
      if (ab) {
        if (has_index(b)) return bytes_repeat(a.as<Bytes>(), repeat_count(b));
        static Str* rmul = intern("__rmul__");
        if ((type_of(b)->type_flags & kTypeHeap) && !lookup_special(b, rmul).empty())
          return not_implemented();
        raise_type_error("can't multiply sequence by non-int of type '" + type_name_str(b) + "'");
      }
      if (bb) {
        if (has_index(a)) return bytes_repeat(b.as<Bytes>(), repeat_count(a));
        if (!(type_of(a)->type_flags & kTypeHeap))
          raise_type_error("can't multiply sequence by non-int of type '" + type_name_str(a) + "'");
      }
      return not_implemented();
    case 6:
      if (ab) return bytes_mod(a, b);
      return not_implemented();
    default:
      return not_implemented();
  }
}

Value bytes_slot_getitem(Value self, Value key) {
  const Bytes* b = self.as<Bytes>();
  int64_t i;
  if (key.is_small()) {
    i = key.small_value();
  } else if (key.is_object() && key.obj()->type == slice_type) {
    int64_t start, stop, step;
    int64_t n = slice_indices(key.as<Slice>(), b->length, &start, &stop, &step);
    if (n <= 0) return bytes_new({});
    if (step == 1) {
      if (n == b->length && b->type == bytes_type) return self;
      return bytes_from(b->data() + start, n);
    }
    Bytes* r = bytes_alloc(n);
    for (int64_t k = 0; k < n; ++k) r->mutable_data()[k] = b->data()[start + k * step];
    return r;
  } else if (has_index(key)) {
    i = index_value(key);
  } else {
    raise_type_error("byte indices must be integers or slices, not " + type_name_str(key));
  }
  if (i < 0) i += b->length;
  if (i < 0 || i >= b->length) raise_index_error("index out of range");
  return Value::small(b->data()[i]);
}

int bytes_slot_contains(Value self, Value item) {
  std::string_view v = self.as<Bytes>()->view(), sub;
  if (bytes_like_view(item, &sub)) return v.find(sub) != std::string_view::npos;
  if (has_index(item)) {
    int64_t c = arg_ssize(item);
    if (c < 0 || c > 255) raise_value_error("byte must be in range(0, 256)");
    return v.find(char(c)) != std::string_view::npos;
  }
  raise_type_error("a bytes-like object is required, not '" + type_name_str(item) + "'");
}

struct BytesIter : Object {
  Bytes* bytes;
  int64_t index;
};

void bytes_iter_trace(Object* obj, Tracer& tracer) {
  BytesIter* it = static_cast<BytesIter*>(obj);
  if (it->bytes) tracer.mark(it->bytes);
}

Value bytes_iter_next(Value self) {
  BytesIter* it = self.as<BytesIter>();
  if (!it->bytes) return Value();
  if (it->index < it->bytes->length) return Value::small(it->bytes->data()[it->index++]);
  it->bytes = nullptr;
  return Value();
}

Value bytes_iter_self(Value self) { return self; }

Value bytes_slot_iter(Value self) {
  BytesIter* it = gc_new<BytesIter>(bytes_iter_type);
  it->bytes = self.as<Bytes>();
  it->index = 0;
  return it;
}

Value make_subclass_instance(Type* type, Value exact) {
  if (type == bytes_type) return exact;
  std::string_view v = exact.as<Bytes>()->view();
  size_t head = type->instance_size > sizeof(Bytes) ? type->instance_size : sizeof(Bytes);
  head = (head + 7) & ~size_t(7);
  Bytes* b = static_cast<Bytes*>(gc_alloc(head + v.size() + 1, type));
  b->flags = uint32_t(head - sizeof(Bytes));
  b->length = int64_t(v.size());
  b->hash = -1;
  std::memcpy(b->mutable_data(), v.data(), v.size());
  return b;
}

Value bytes_slot_new(Type* type, Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  parse_args("bytes", args, nargs, kwnames, {"source", "encoding", "errors"}, 0, a);
  Value src = a[0];
  Value result;
  if (src.empty()) {
    if (!a[1].empty()) raise_type_error("encoding without a string argument");
    if (!a[2].empty()) raise_type_error("errors without a string argument");
    result = bytes_new({});
  } else if (is_str(src)) {
    if (a[1].empty()) raise_type_error("string argument without an encoding");
    if (!is_str(a[1]))
      raise_type_error("bytes() argument 'encoding' must be str, not " + type_name_str(a[1]));
    if (!a[2].empty() && !is_str(a[2]))
      raise_type_error("bytes() argument 'errors' must be str, not " + type_name_str(a[2]));
    std::string enc = str_to_utf8(a[1].as<Str>());
    std::string err = a[2].empty() ? "" : str_to_utf8(a[2].as<Str>());
    result = str_encode(src.as<Str>(), enc.c_str(), a[2].empty() ? nullptr : err.c_str());
  } else {
    if (!a[1].empty()) raise_type_error("encoding without a string argument");
    if (!a[2].empty()) raise_type_error("errors without a string argument");
    static Str* bytes_name = intern("__bytes__");
    Value m = lookup_special(src, bytes_name);
    if (!m.empty()) {
      result = py_call0(m);  // lookup_special returns it bound
      if (!is_instance(result, bytes_type))
        raise_type_error("__bytes__ returned non-bytes (type " + type_name_str(result) + ")");
    } else if (is_exact(src, bytes_type)) {
      result = src;
    } else if (is_instance(src, bytes_type)) {
      result = bytes_new(src.as<Bytes>()->view());
    } else if (std::string_view view; bytes_like_view(src, &view)) {
      result = bytes_new(view);
    } else if (has_index(src)) {
      int64_t n = arg_ssize(src);
      if (n < 0) raise_value_error("negative count");
      Bytes* b = bytes_alloc(n);
      result = b;
    } else {
      static Str* iter_name = intern("__iter__");
      static Str* getitem_name = intern("__getitem__");
      if (!type_of(src)->iter && lookup_special(src, iter_name).empty() &&
          lookup_special(src, getitem_name).empty())
        raise_type_error("cannot convert '" + type_name_str(src) + "' object to bytes");
      Value it = py_iter(src);
      std::string out;
      for (Value x = py_next(it); !x.empty(); x = py_next(it)) {
        int64_t c = arg_ssize(x);
        if (c < 0 || c > 255) raise_value_error("bytes must be in range(0, 256)");
        out += char(c);
      }
      result = bytes_new(out);
    }
  }
  return make_subclass_instance(type, result);
}

// ---------------------------------------------------------------- methods

Value m_decode(Value* args, size_t nargs, Tuple* kwnames) {
  Bytes* b = self_bytes(args, "decode");
  Value a[2];
  arg_keywords("decode", args + 1, nargs - 1, kwnames, {"encoding", "errors"}, a);
  std::string enc, err;
  if (!a[0].empty()) {
    if (!is_str(a[0]))
      raise_type_error("decode() argument 'encoding' must be str, not " + type_name_str(a[0]));
    enc = str_to_utf8(a[0].as<Str>());
  }
  if (!a[1].empty()) {
    if (!is_str(a[1]))
      raise_type_error("decode() argument 'errors' must be str, not " + type_name_str(a[1]));
    err = str_to_utf8(a[1].as<Str>());
  }
  return str_decode(b->data(), b->length, a[0].empty() ? nullptr : enc.c_str(),
                    a[1].empty() ? nullptr : err.c_str());
}

Value m_hex(Value* args, size_t nargs, Tuple* kwnames) {
  Bytes* b = self_bytes(args, "hex");
  Value a[2];
  arg_keywords("hex", args + 1, nargs - 1, kwnames, {"sep", "bytes_per_sep"}, a);
  static const char hex[] = "0123456789abcdef";
  std::string sep;
  if (!a[0].empty()) {
    if (is_str(a[0]))
      sep = str_to_utf8(a[0].as<Str>());
    else if (is_instance(a[0], bytes_type))
      sep = std::string(a[0].as<Bytes>()->view());
    else
      raise_type_error("sep must be str or bytes.");
    if (sep.size() != 1) raise_value_error("sep must be length 1.");
  }
  int64_t per = a[1].empty() ? 1 : arg_ssize(a[1]);
  std::string out;
  int64_t n = b->length;
  int64_t group = per < 0 ? -per : per;
  for (int64_t i = 0; i < n; ++i) {
    if (!sep.empty() && i > 0 && group > 0) {
      // Groups count from the right for positive bytes_per_sep, from the left otherwise.
      bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) out += sep;
    }
    out += hex[b->data()[i] >> 4];
    out += hex[b->data()[i] & 15];
  }
  return str_new(out);
}

Value m_fromhex(Value* args, size_t nargs, Tuple* kwnames) {
  // Class method: args[0] is the class.
  arg_onearg("fromhex", nargs - 1, kwnames);
  if (!is_str(args[1]))
    raise_type_error("fromhex() argument must be str, not " + type_name_str(args[1]));
  Str* s = args[1].as<Str>();
  std::string out;
  auto hexval = [](uint32_t c) -> int {
    if (c >= '0' && c <= '9') return int(c - '0');
    if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
    return -1;
  };
  int64_t i = 0, n = s->length;
  while (i < n) {
    uint32_t c = s->at(i);
    if (c == ' ' || (c >= 9 && c <= 13)) {
      ++i;
      continue;
    }
    int hi = hexval(c);
    if (hi < 0)
      raise_value_error("non-hexadecimal number found in fromhex() arg at position " +
                        std::to_string(i));
    int lo = i + 1 < n ? hexval(s->at(i + 1)) : -1;
    if (lo < 0)
      raise_value_error("non-hexadecimal number found in fromhex() arg at position " +
                        std::to_string(i + 1));
    out += char(hi * 16 + lo);
    i += 2;
  }
  Value r = bytes_new(out);
  if (is_type(args[0]) && args[0].as<Type>() != bytes_type) {
    if (is_subtype(args[0].as<Type>(), bytes_type))
      return make_subclass_instance(args[0].as<Type>(), r);
    return py_call1(args[0], r);
  }
  return r;
}

Value m_join(Value* args, size_t nargs, Tuple* kwnames) {
  Bytes* sep = self_bytes(args, "join");
  arg_onearg("bytes.join", nargs - 1, kwnames);
  Value seq = py_list_of(args[1]);
  List* l = seq.as<List>();
  std::string out;
  for (int64_t i = 0; i < l->size; ++i) {
    Value v = l->items[i];
    std::string_view item;
    if (!bytes_like_view(v, &item))
      raise_type_error("sequence item " + std::to_string(i) + ": expected a bytes-like object, " +
                       type_name_str(v) + " found");
    if (i) out.append(sep->view());
    out.append(item);
  }
  return bytes_new(out);
}

void split_args(const char* name, Value* args, size_t nargs, Tuple* kwnames, bool& ws,
                std::string_view& sep, int64_t& maxsplit) {
  Value a[2];
  arg_keywords(name, args + 1, nargs - 1, kwnames, {"sep", "maxsplit"}, a);
  ws = a[0].empty() || is_none(a[0]);
  if (!ws) {
    sep = need_bytes(a[0]);
    if (sep.empty()) raise_value_error("empty separator");
  }
  maxsplit = a[1].empty() ? -1 : arg_ssize(a[1]);
  if (maxsplit < 0) maxsplit = INT64_MAX;
}

Value m_split(Value* args, size_t nargs, Tuple* kwnames) {
  Bytes* b = self_bytes(args, "split");
  bool ws;
  std::string_view sep;
  int64_t maxsplit;
  split_args("split", args, nargs, kwnames, ws, sep, maxsplit);
  std::string_view v = b->view();
  List* out = new_list();
  size_t i = 0, n = v.size();
  if (ws) {
    while (maxsplit-- > 0) {
      while (i < n && is_ascii_space(uint8_t(v[i]))) ++i;
      if (i == n) break;
      size_t j = i;
      while (j < n && !is_ascii_space(uint8_t(v[j]))) ++j;
      list_append(out, bytes_new(v.substr(i, j - i)));
      i = j;
    }
    while (i < n && is_ascii_space(uint8_t(v[i]))) ++i;
    if (i < n) list_append(out, bytes_new(v.substr(i)));
    return out;
  }
  while (maxsplit-- > 0) {
    size_t j = v.find(sep, i);
    if (j == std::string_view::npos) break;
    list_append(out, bytes_new(v.substr(i, j - i)));
    i = j + sep.size();
  }
  list_append(out, bytes_new(v.substr(i)));
  return out;
}

Value m_rsplit(Value* args, size_t nargs, Tuple* kwnames) {
  Bytes* b = self_bytes(args, "rsplit");
  bool ws;
  std::string_view sep;
  int64_t maxsplit;
  split_args("rsplit", args, nargs, kwnames, ws, sep, maxsplit);
  std::string_view v = b->view();
  ValueVector parts;
  size_t end = v.size();
  if (ws) {
    while (maxsplit-- > 0) {
      while (end > 0 && is_ascii_space(uint8_t(v[end - 1]))) --end;
      if (end == 0) break;
      size_t j = end;
      while (j > 0 && !is_ascii_space(uint8_t(v[j - 1]))) --j;
      parts.push_back(bytes_new(v.substr(j, end - j)));
      end = j;
    }
    while (end > 0 && is_ascii_space(uint8_t(v[end - 1]))) --end;
    if (end > 0) parts.push_back(bytes_new(v.substr(0, end)));
  } else {
    while (maxsplit-- > 0) {
      if (end < sep.size()) break;
      size_t j = v.substr(0, end).rfind(sep);
      if (j == std::string_view::npos) break;
      parts.push_back(bytes_new(v.substr(j + sep.size(), end - j - sep.size())));
      end = j;
    }
    parts.push_back(bytes_new(v.substr(0, end)));
  }
  List* out = new_list();
  for (size_t k = parts.size(); k-- > 0;) list_append(out, parts[k]);
  return out;
}

Value m_splitlines(Value* args, size_t nargs, Tuple* kwnames) {
  Bytes* b = self_bytes(args, "splitlines");
  Value a[1];
  arg_keywords("splitlines", args + 1, nargs - 1, kwnames, {"keepends"}, a);
  bool keep = !a[0].empty() && arg_ssize(a[0]) != 0;
  std::string_view v = b->view();
  List* out = new_list();
  size_t i = 0, n = v.size();
  while (i < n) {
    size_t j = i;
    while (j < n && v[j] != '\n' && v[j] != '\r') ++j;
    size_t eol = j;
    if (j < n) {
      j += (v[j] == '\r' && j + 1 < n && v[j + 1] == '\n') ? 2 : 1;
      if (keep) eol = j;
    }
    list_append(out, bytes_new(v.substr(i, eol - i)));
    i = j;
  }
  return out;
}

Value do_strip(Value* args, size_t nargs, Tuple* kwnames, const char* name, const char* qual,
               int where) {
  Bytes* b = self_bytes(args, name);
  arg_clinic_range(qual, name, nargs - 1, kwnames, 0, 1);
  std::string_view v = b->view();
  size_t i = 0, j = v.size();
  if (nargs < 2 || is_none(args[1])) {
    if (where & 1)
      while (i < j && is_ascii_space(uint8_t(v[i]))) ++i;
    if (where & 2)
      while (j > i && is_ascii_space(uint8_t(v[j - 1]))) --j;
  } else {
    std::string_view chars = need_bytes(args[1]);
    if (where & 1)
      while (i < j && chars.find(v[i]) != std::string_view::npos) ++i;
    if (where & 2)
      while (j > i && chars.find(v[j - 1]) != std::string_view::npos) --j;
  }
  if (i == 0 && j == v.size()) return unchanged(b);
  return bytes_new(v.substr(i, j - i));
}

Value m_strip(Value* a, size_t n, Tuple* k) { return do_strip(a, n, k, "strip", "bytes.strip", 3); }
Value m_lstrip(Value* a, size_t n, Tuple* k) {
  return do_strip(a, n, k, "lstrip", "bytes.lstrip", 1);
}
Value m_rstrip(Value* a, size_t n, Tuple* k) {
  return do_strip(a, n, k, "rstrip", "bytes.rstrip", 2);
}

int64_t find_common(Value* args, size_t nargs, Tuple* kwnames, const char* name, bool reverse,
                    bool count) {
  Bytes* b = self_bytes(args, name);
  arg_oldstyle_range(name, nargs - 1, kwnames, 1, 3);
  char one;
  std::string_view sub = sub_arg(args[1], &one);
  int64_t start = nargs > 2 ? arg_slice_index(args[2], 0) : 0;
  int64_t end = nargs > 3 ? arg_slice_index(args[3], INT64_MAX) : INT64_MAX;
  int64_t len = b->length;
  adjust_indices(start, end, len);
  if (start > len) return count ? 0 : -1;
  std::string_view v = b->view().substr(size_t(start), size_t(end > start ? end - start : 0));
  if (count) {
    if (end < start) return 0;
    if (sub.empty()) return int64_t(v.size()) + 1;
    int64_t c = 0;
    for (size_t p = v.find(sub); p != std::string_view::npos; p = v.find(sub, p + sub.size())) ++c;
    return c;
  }
  if (end - start < int64_t(sub.size())) return -1;
  size_t p = reverse ? v.rfind(sub) : v.find(sub);
  return p == std::string_view::npos ? -1 : start + int64_t(p);
}

Value m_find(Value* a, size_t n, Tuple* k) {
  return Value::small(find_common(a, n, k, "find", false, false));
}
Value m_rfind(Value* a, size_t n, Tuple* k) {
  return Value::small(find_common(a, n, k, "rfind", true, false));
}
Value m_count(Value* a, size_t n, Tuple* k) {
  return Value::small(find_common(a, n, k, "count", false, true));
}
Value m_index(Value* a, size_t n, Tuple* k) {
  int64_t r = find_common(a, n, k, "index", false, false);
  if (r < 0) raise_value_error("subsection not found");
  return Value::small(r);
}
Value m_rindex(Value* a, size_t n, Tuple* k) {
  int64_t r = find_common(a, n, k, "rindex", true, false);
  if (r < 0) raise_value_error("subsection not found");
  return Value::small(r);
}

bool tailmatch(std::string_view v, std::string_view sub, int64_t start, int64_t end, bool suffix) {
  int64_t len = int64_t(v.size());
  adjust_indices(start, end, len);
  end -= int64_t(sub.size());
  if (end < start) return false;
  if (sub.empty()) return true;
  return v.substr(size_t(suffix ? end : start), sub.size()) == sub;
}

Value startend(Value* args, size_t nargs, Tuple* kwnames, const char* name, bool suffix) {
  Bytes* b = self_bytes(args, name);
  arg_oldstyle_range(name, nargs - 1, kwnames, 1, 3);
  int64_t start = nargs > 2 ? arg_slice_index(args[2], 0) : 0;
  int64_t end = nargs > 3 ? arg_slice_index(args[3], INT64_MAX) : INT64_MAX;
  Value x = args[1];
  if (is_tuple(x)) {
    Tuple* t = x.as<Tuple>();
    for (int64_t i = 0; i < t->size; ++i) {
      std::string_view sub = need_bytes(t->items[i]);
      if (tailmatch(b->view(), sub, start, end, suffix)) return py_bool(true);
    }
    return py_bool(false);
  }
  std::string_view sub;
  if (!bytes_like_view(x, &sub))
    raise_type_error(std::string(name) + " first arg must be bytes or a tuple of bytes, not " +
                     type_name_str(x));
  return py_bool(tailmatch(b->view(), sub, start, end, suffix));
}

Value m_startswith(Value* a, size_t n, Tuple* k) { return startend(a, n, k, "startswith", false); }
Value m_endswith(Value* a, size_t n, Tuple* k) { return startend(a, n, k, "endswith", true); }

Value m_replace(Value* args, size_t nargs, Tuple* kwnames) {
  Bytes* b = self_bytes(args, "replace");
  arg_clinic_range("bytes.replace", "replace", nargs - 1, kwnames, 2, 3);
  std::string_view old = need_bytes(args[1]);
  std::string_view rep = need_bytes(args[2]);
  int64_t count = nargs > 3 ? arg_ssize(args[3]) : -1;
  if (count < 0) count = INT64_MAX;
  std::string_view v = b->view();
  std::string out;
  int64_t done = 0;
  if (old.empty()) {
    for (size_t i = 0; i <= v.size(); ++i) {
      if (done < count) {
        out.append(rep);
        ++done;
      } else {
        out.append(v.substr(i));
        break;
      }
      if (i < v.size()) out += v[i];
    }
    return bytes_new(out);
  }
  size_t i = 0;
  while (done < count) {
    size_t j = v.find(old, i);
    if (j == std::string_view::npos) break;
    out.append(v.substr(i, j - i));
    out.append(rep);
    i = j + old.size();
    ++done;
  }
  if (done == 0) return unchanged(b);
  out.append(v.substr(i));
  return bytes_new(out);
}

template <class F>
Value map_bytes(Value* args, size_t nargs, Tuple* kwnames, const char* name, const char* qual,
                F f) {
  Bytes* b = self_bytes(args, name);
  arg_noargs(qual, nargs - 1, kwnames);
  Bytes* r = bytes_alloc(b->length);
  f(b->data(), r->mutable_data(), b->length);
  return r;
}

Value m_upper(Value* a, size_t n, Tuple* k) {
  return map_bytes(a, n, k, "upper", "bytes.upper", [](const uint8_t* s, uint8_t* d, int64_t len) {
    for (int64_t i = 0; i < len; ++i) d[i] = is_lower(s[i]) ? s[i] ^ 0x20 : s[i];
  });
}
Value m_lower(Value* a, size_t n, Tuple* k) {
  return map_bytes(a, n, k, "lower", "bytes.lower", [](const uint8_t* s, uint8_t* d, int64_t len) {
    for (int64_t i = 0; i < len; ++i) d[i] = is_upper(s[i]) ? s[i] ^ 0x20 : s[i];
  });
}
Value m_swapcase(Value* a, size_t n, Tuple* k) {
  return map_bytes(a, n, k, "swapcase", "bytes.swapcase",
                   [](const uint8_t* s, uint8_t* d, int64_t len) {
                     for (int64_t i = 0; i < len; ++i) d[i] = is_alpha(s[i]) ? s[i] ^ 0x20 : s[i];
                   });
}
Value m_capitalize(Value* a, size_t n, Tuple* k) {
  return map_bytes(a, n, k, "capitalize", "bytes.capitalize",
                   [](const uint8_t* s, uint8_t* d, int64_t len) {
                     for (int64_t i = 0; i < len; ++i) {
                       uint8_t c = s[i];
                       d[i] = i == 0 ? (is_lower(c) ? c ^ 0x20 : c) : (is_upper(c) ? c ^ 0x20 : c);
                     }
                   });
}
Value m_title(Value* a, size_t n, Tuple* k) {
  return map_bytes(a, n, k, "title", "bytes.title", [](const uint8_t* s, uint8_t* d, int64_t len) {
    bool prev = false;
    for (int64_t i = 0; i < len; ++i) {
      uint8_t c = s[i];
      if (prev)
        d[i] = is_upper(c) ? c ^ 0x20 : c;
      else
        d[i] = is_lower(c) ? c ^ 0x20 : c;
      prev = is_alpha(c);
    }
  });
}

template <class P>
Value pred(Value* args, size_t nargs, Tuple* kwnames, const char* name, const char* qual, P p) {
  Bytes* b = self_bytes(args, name);
  arg_noargs(qual, nargs - 1, kwnames);
  if (b->length == 0) return py_bool(false);
  for (int64_t i = 0; i < b->length; ++i)
    if (!p(b->data()[i])) return py_bool(false);
  return py_bool(true);
}

Value m_isalpha(Value* a, size_t n, Tuple* k) {
  return pred(a, n, k, "isalpha", "bytes.isalpha", is_alpha);
}
Value m_isdigit(Value* a, size_t n, Tuple* k) {
  return pred(a, n, k, "isdigit", "bytes.isdigit", is_digit);
}
Value m_isspace(Value* a, size_t n, Tuple* k) {
  return pred(a, n, k, "isspace", "bytes.isspace", is_ascii_space);
}
Value m_isalnum(Value* a, size_t n, Tuple* k) {
  return pred(a, n, k, "isalnum", "bytes.isalnum",
              [](uint8_t c) { return is_alpha(c) || is_digit(c); });
}
Value m_isascii(Value* args, size_t nargs, Tuple* kwnames) {
  Bytes* b = self_bytes(args, "isascii");
  arg_noargs("bytes.isascii", nargs - 1, kwnames);
  for (int64_t i = 0; i < b->length; ++i)
    if (b->data()[i] >= 128) return py_bool(false);
  return py_bool(true);
}
Value m_isupper(Value* args, size_t nargs, Tuple* kwnames) {
  Bytes* b = self_bytes(args, "isupper");
  arg_noargs("bytes.isupper", nargs - 1, kwnames);
  bool cased = false;
  for (int64_t i = 0; i < b->length; ++i) {
    if (is_lower(b->data()[i])) return py_bool(false);
    cased |= is_upper(b->data()[i]);
  }
  return py_bool(cased);
}
Value m_islower(Value* args, size_t nargs, Tuple* kwnames) {
  Bytes* b = self_bytes(args, "islower");
  arg_noargs("bytes.islower", nargs - 1, kwnames);
  bool cased = false;
  for (int64_t i = 0; i < b->length; ++i) {
    if (is_upper(b->data()[i])) return py_bool(false);
    cased |= is_lower(b->data()[i]);
  }
  return py_bool(cased);
}
Value m_istitle(Value* args, size_t nargs, Tuple* kwnames) {
  Bytes* b = self_bytes(args, "istitle");
  arg_noargs("bytes.istitle", nargs - 1, kwnames);
  bool cased = false, prev = false;
  for (int64_t i = 0; i < b->length; ++i) {
    uint8_t c = b->data()[i];
    if (is_upper(c)) {
      if (prev) return py_bool(false);
      prev = cased = true;
    } else if (is_lower(c)) {
      if (!prev) return py_bool(false);
      prev = cased = true;
    } else {
      prev = false;
    }
  }
  return py_bool(cased);
}

uint8_t fill_byte(Value v, const char* name) {
  if (!is_instance(v, bytes_type) || v.as<Bytes>()->length != 1)
    raise_type_error(std::string(name) + "() argument 2 must be a byte string of length 1, not " +
                     type_name_str(v));
  return v.as<Bytes>()->data()[0];
}

Value justify(Value* args, size_t nargs, Tuple* kwnames, const char* name, const char* qual,
              int mode) {
  Bytes* b = self_bytes(args, name);
  arg_clinic_range(qual, name, nargs - 1, kwnames, 1, 2);
  int64_t width = arg_ssize(args[1]);
  char fill = nargs > 2 ? char(fill_byte(args[2], name)) : ' ';
  if (width <= b->length) return unchanged(b);
  int64_t marg = width - b->length;
  int64_t left = mode == 0 ? 0 : mode == 1 ? marg : marg / 2 + (marg & width & 1);
  std::string out(size_t(left), fill);
  out.append(b->view());
  out.append(size_t(marg - left), fill);
  return bytes_new(out);
}

Value m_ljust(Value* a, size_t n, Tuple* k) { return justify(a, n, k, "ljust", "bytes.ljust", 0); }
Value m_rjust(Value* a, size_t n, Tuple* k) { return justify(a, n, k, "rjust", "bytes.rjust", 1); }
Value m_center(Value* a, size_t n, Tuple* k) {
  return justify(a, n, k, "center", "bytes.center", 2);
}

Value m_zfill(Value* args, size_t nargs, Tuple* kwnames) {
  Bytes* b = self_bytes(args, "zfill");
  arg_onearg("bytes.zfill", nargs - 1, kwnames);
  int64_t width = arg_ssize(args[1]);
  std::string_view v = b->view();
  if (width <= int64_t(v.size())) return unchanged(b);
  std::string out;
  size_t start = 0;
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    out += v[0];
    start = 1;
  }
  out.append(size_t(width) - v.size(), '0');
  out.append(v.substr(start));
  return bytes_new(out);
}

Value do_partition(Value* args, size_t nargs, Tuple* kwnames, const char* name, const char* qual,
                   bool reverse) {
  Bytes* b = self_bytes(args, name);
  arg_onearg(qual, nargs - 1, kwnames);
  std::string_view sep = need_bytes(args[1]);
  if (sep.empty()) raise_value_error("empty separator");
  std::string_view v = b->view();
  size_t i = reverse ? v.rfind(sep) : v.find(sep);
  Value e = bytes_new({});
  if (i == std::string_view::npos)
    return reverse ? tuple_of({e, e, unchanged(b)}) : tuple_of({unchanged(b), e, e});
  Value head = bytes_new(v.substr(0, i));
  Value tail = bytes_new(v.substr(i + sep.size()));
  return tuple_of({head, bytes_new(sep), tail});
}

Value m_partition(Value* a, size_t n, Tuple* k) {
  return do_partition(a, n, k, "partition", "bytes.partition", false);
}
Value m_rpartition(Value* a, size_t n, Tuple* k) {
  return do_partition(a, n, k, "rpartition", "bytes.rpartition", true);
}

Value m_removeprefix(Value* args, size_t nargs, Tuple* kwnames) {
  Bytes* b = self_bytes(args, "removeprefix");
  arg_onearg("bytes.removeprefix", nargs - 1, kwnames);
  std::string_view p = need_bytes(args[1]), v = b->view();
  if (!p.empty() && v.substr(0, p.size()) == p) return bytes_new(v.substr(p.size()));
  return unchanged(b);
}

Value m_removesuffix(Value* args, size_t nargs, Tuple* kwnames) {
  Bytes* b = self_bytes(args, "removesuffix");
  arg_onearg("bytes.removesuffix", nargs - 1, kwnames);
  std::string_view p = need_bytes(args[1]), v = b->view();
  if (!p.empty() && v.size() >= p.size() && v.substr(v.size() - p.size()) == p)
    return bytes_new(v.substr(0, v.size() - p.size()));
  return unchanged(b);
}

Value m_maketrans(Value* args, size_t nargs, Tuple* kwnames) {
  // Static method: (frm, to).
  arg_clinic_range("bytes.maketrans", "maketrans", nargs, kwnames, 2, 2);
  std::string_view from = need_bytes(args[0]), to = need_bytes(args[1]);
  if (from.size() != to.size()) raise_value_error("maketrans arguments must have same length");
  std::string table(256, '\0');
  for (int i = 0; i < 256; ++i) table[size_t(i)] = char(i);
  for (size_t i = 0; i < from.size(); ++i) table[uint8_t(from[i])] = to[i];
  return bytes_new(table);
}

Value m_translate(Value* args, size_t nargs, Tuple* kwnames) {
  Bytes* b = self_bytes(args, "translate");
  Value a[2];
  arg_keywords("translate", args + 1, nargs - 1, kwnames, {"table", "delete"}, a);
  if (a[0].empty()) raise_type_error("translate() missing required argument 'table' (pos 1)");
  std::string_view table;
  if (!is_none(a[0])) {
    table = need_bytes(a[0]);
    if (table.size() != 256) raise_value_error("translation table must be 256 characters long");
  }
  std::string_view del = a[1].empty() ? std::string_view() : need_bytes(a[1]);
  std::string out;
  for (char c : b->view()) {
    if (del.find(c) != std::string_view::npos) continue;
    out += table.empty() ? c : table[uint8_t(c)];
  }
  return bytes_new(out);
}

Value m_getnewargs(Value* args, size_t nargs, Tuple* kwnames) {
  Bytes* b = self_bytes(args, "__getnewargs__");
  arg_noargs("bytes.__getnewargs__", nargs - 1, kwnames);
  return tuple_of({bytes_new(b->view())});
}

}  // namespace

// ---------------------------------------------------------------- bytes % args

Value bytes_mod(Value fmt_value, Value args) {
  std::string_view fmt = fmt_value.as<Bytes>()->view();
  int64_t argidx = 0;
  int64_t arglen = is_tuple(args) ? args.as<Tuple>()->size : 1;
  bool is_map = !is_tuple(args) && !is_instance(args, bytes_type) && !is_str(args) &&
                (type_of(args)->getitem != nullptr);
  auto next_arg = [&]() -> Value {
    if (argidx >= arglen) raise_type_error("not enough arguments for format string");
    return is_tuple(args) ? args.as<Tuple>()->items[argidx++] : (argidx++, args);
  };
  bool used_dict = false;
  std::string out;
  size_t pos = 0, n = fmt.size();
  while (pos < n) {
    size_t pct = fmt.find('%', pos);
    if (pct == std::string_view::npos) {
      out.append(fmt.substr(pos));
      break;
    }
    out.append(fmt.substr(pos, pct - pos));
    pos = pct + 1;
    if (pos >= n) raise_value_error("incomplete format");
    if (fmt[pos] == '%') {
      out += '%';
      ++pos;
      continue;
    }
    Value arg;
    bool have = false;
    if (fmt[pos] == '(') {
      if (!is_map) raise_type_error("format requires a mapping");
      int depth = 1;
      size_t ks = ++pos;
      while (pos < n && depth > 0) {
        if (fmt[pos] == ')')
          --depth;
        else if (fmt[pos] == '(')
          ++depth;
        ++pos;
      }
      if (depth > 0) raise_value_error("incomplete format key");
      arg = py_getitem(args, bytes_new(fmt.substr(ks, pos - 1 - ks)));
      have = true;
      used_dict = true;
    }
    // Flags, width and precision are re-emitted into a str format for the
    // numeric conversions; * takes its value from the arguments.
    std::string spec = "%";
    bool left = false;
    while (pos < n && std::string_view("-+ #0").find(fmt[pos]) != std::string_view::npos) {
      left |= fmt[pos] == '-';
      spec += fmt[pos++];
    }
    int64_t width = -1, prec = -1;
    if (pos < n && fmt[pos] == '*') {
      ++pos;
      Value w = next_arg();
      if (!is_int(w)) raise_type_error("* wants int");
      width = arg_ssize(w);
      if (width < 0) {
        left = true;
        spec += '-';
        width = -width;
      }
    } else {
      while (pos < n && fmt[pos] >= '0' && fmt[pos] <= '9')
        width = (width < 0 ? 0 : width) * 10 + (fmt[pos++] - '0');
    }
    if (width >= 0) spec += std::to_string(width);
    if (pos < n && fmt[pos] == '.') {
      ++pos;
      prec = 0;
      if (pos < n && fmt[pos] == '*') {
        ++pos;
        Value p = next_arg();
        if (!is_int(p)) raise_type_error("* wants int");
        prec = arg_ssize(p);
        if (prec < 0) prec = 0;
      } else {
        while (pos < n && fmt[pos] >= '0' && fmt[pos] <= '9') prec = prec * 10 + (fmt[pos++] - '0');
      }
      spec += "." + std::to_string(prec);
    }
    while (pos < n && (fmt[pos] == 'h' || fmt[pos] == 'l' || fmt[pos] == 'L')) ++pos;
    if (pos >= n) raise_value_error("incomplete format");
    char conv = fmt[pos++];
    if (!have) arg = next_arg();
    std::string piece;
    switch (conv) {
      case 's':
      case 'b': {
        std::string_view arg_view;
        if (bytes_like_view(arg, &arg_view)) {
          piece = std::string(arg_view);
        } else {
          static Str* bytes_name = intern("__bytes__");
          Value m = lookup_special(arg, bytes_name);
          if (m.empty())
            raise_type_error(
                "%b requires a bytes-like object, or an object that implements __bytes__, not '" +
                type_name_str(arg) + "'");
          Value r = py_call0(m);  // bound by lookup_special
          piece = std::string(r.as<Bytes>()->view());
        }
        if (prec >= 0 && int64_t(piece.size()) > prec) piece.resize(size_t(prec));
        break;
      }
      case 'r':
      case 'a': {
        Value r = str_ascii_of(arg);
        piece = str_to_utf8(r.as<Str>());
        if (prec >= 0 && int64_t(piece.size()) > prec) piece.resize(size_t(prec));
        break;
      }
      case 'c': {
        if (is_instance(arg, bytes_type) && arg.as<Bytes>()->length == 1) {
          piece = std::string(arg.as<Bytes>()->view());
        } else if (is_int(arg)) {
          int64_t v;
          if (!int_to_i64(arg, &v) || v < 0 || v > 255)
            raise_overflow_error("%c arg not in range(256)");
          piece = std::string(1, char(v));
        } else {
          raise_type_error("%c requires an integer in range(256) or a single byte");
        }
        break;
      }
      case 'd':
      case 'i':
      case 'u':
      case 'x':
      case 'X':
      case 'o':
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        Value r = str_mod(str_new(spec + conv), tuple_of({arg}));
        out += str_to_utf8(r.as<Str>());
        continue;
      }
      default: {
        char buf[128];
        snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu", conv,
                 unsigned(uint8_t(conv)), pos - 1);
        raise_value_error(buf);
      }
    }
    int64_t pad = width > int64_t(piece.size()) ? width - int64_t(piece.size()) : 0;
    if (!left) out.append(size_t(pad), ' ');
    out += piece;
    if (left) out.append(size_t(pad), ' ');
  }
  if (!used_dict && !is_map && argidx < arglen)
    raise_type_error("not all arguments converted during bytes formatting");
  return bytes_new(out);
}

void init_bytes_type() {
  ensure_roots();
  Type* t = bytes_type;
  t->repr = bytes_slot_repr;
  t->str = bytes_slot_str;
  t->hash = bytes_slot_hash;
  t->richcompare = bytes_slot_richcompare;
  t->binary = bytes_slot_binary;
  t->length = bytes_slot_length;
  t->getitem = bytes_slot_getitem;
  t->contains = bytes_slot_contains;
  t->iter = bytes_slot_iter;
  t->new_ = bytes_slot_new;

  bytes_iter_type = new_builtin_type("bytes_iterator", object_type, sizeof(BytesIter));
  bytes_iter_type->trace = bytes_iter_trace;
  bytes_iter_type->iter = bytes_iter_self;
  bytes_iter_type->next = bytes_iter_next;

  add_method(t, "decode", m_decode);
  add_method(t, "hex", m_hex);
  add_method(t, "fromhex", m_fromhex, kBuiltinClassMethod);
  add_method(t, "join", m_join);
  add_method(t, "split", m_split);
  add_method(t, "rsplit", m_rsplit);
  add_method(t, "splitlines", m_splitlines);
  add_method(t, "strip", m_strip);
  add_method(t, "lstrip", m_lstrip);
  add_method(t, "rstrip", m_rstrip);
  add_method(t, "find", m_find);
  add_method(t, "rfind", m_rfind);
  add_method(t, "index", m_index);
  add_method(t, "rindex", m_rindex);
  add_method(t, "count", m_count);
  add_method(t, "startswith", m_startswith);
  add_method(t, "endswith", m_endswith);
  add_method(t, "replace", m_replace);
  add_method(t, "upper", m_upper);
  add_method(t, "lower", m_lower);
  add_method(t, "swapcase", m_swapcase);
  add_method(t, "capitalize", m_capitalize);
  add_method(t, "title", m_title);
  add_method(t, "isalpha", m_isalpha);
  add_method(t, "isdigit", m_isdigit);
  add_method(t, "isspace", m_isspace);
  add_method(t, "isalnum", m_isalnum);
  add_method(t, "isascii", m_isascii);
  add_method(t, "isupper", m_isupper);
  add_method(t, "islower", m_islower);
  add_method(t, "istitle", m_istitle);
  add_method(t, "ljust", m_ljust);
  add_method(t, "rjust", m_rjust);
  add_method(t, "center", m_center);
  add_method(t, "zfill", m_zfill);
  add_method(t, "partition", m_partition);
  add_method(t, "rpartition", m_rpartition);
  add_method(t, "removeprefix", m_removeprefix);
  add_method(t, "removesuffix", m_removesuffix);
  add_method(t, "maketrans", m_maketrans, kBuiltinStaticMethod);
  add_method(t, "translate", m_translate);
  add_method(t, "__getnewargs__", m_getnewargs);
}

}  // namespace kestrel
