// Python bytes: immutable byte strings.
#pragma once

#include <cstdint>
#include <string_view>

#include "runtime/object.h"

namespace kestrel {

struct Str;

struct Bytes : Object {
  int64_t length;
  int64_t hash;  // -1 until computed
  // followed by length bytes and a NUL. For instances of bytes subclasses
  // the InstanceAttrs come first and the data follows them: `flags` holds
  // that extra offset in bytes (0 for exact bytes).
  const uint8_t* data() const { return reinterpret_cast<const uint8_t*>(this + 1) + flags; }
  uint8_t* mutable_data() { return reinterpret_cast<uint8_t*>(this + 1) + flags; }
  std::string_view view() const { return {reinterpret_cast<const char*>(data()), size_t(length)}; }
};

Bytes* bytes_new(std::string_view data);
// A fresh exact bytes of n zero bytes, for the caller to fill.
Bytes* bytes_alloc(int64_t n);
Value bytes_repr(const Bytes* b);        // b'...'
Value bytes_mod(Value fmt, Value args);  // printf-style `fmt % args`

// Raise UnicodeEncodeError / UnicodeDecodeError with CPython's message for
// the failing range [start, end).
// TODO(lead): these build the exception from the message alone; once
// UnicodeError supports its 5-argument form (encoding, object, start, end,
// reason) with CPython's __str__, construct it that way here.
[[noreturn]] void raise_unicode_encode_error(const char* encoding, const Str* s, int64_t start,
                                             int64_t end, const char* reason);
[[noreturn]] void raise_unicode_decode_error(const char* encoding, const uint8_t* data,
                                             int64_t start, int64_t end, const char* reason);

extern Type* bytes_iter_type;

void init_bytes_type();

}  // namespace kestrel
