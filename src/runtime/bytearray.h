// Python bytearray (mutable bytes in malloc'd storage) and a minimal
// memoryview over bytes/bytearray (format 'B' only), plus the "bytes-like
// object" test that bytes' methods use to accept all three.
#pragma once

#include <cstdint>
#include <string_view>

#include "runtime/object.h"

namespace kestrel {

struct ByteArray : Object {
  int64_t size;
  int64_t capacity;
  uint8_t* data;  // gc_malloc_external'd; null while capacity is 0
  std::string_view view() const { return {reinterpret_cast<const char*>(data), size_t(size)}; }
};

// A view of `length` items of obj's bytes starting at `start`, `step` apart.
// It re-reads the bytearray's buffer on every access (the buffer may move when
// the bytearray grows; CPython forbids resizing while exported, we don't track
// exports since views die only when collected).
struct MemoryView : Object {
  Value obj;  // a bytes or bytearray
  int64_t start;
  int64_t length;
  int64_t step;
  bool released;
  bool force_readonly;  // toreadonly() of a bytearray view
};

extern Type* bytearray_type;
extern Type* memoryview_type;

ByteArray* bytearray_new(std::string_view data);
// Appends n bytes (grows as CPython's bytearray_resize: amortised).
void bytearray_append_bytes(ByteArray* ba, const uint8_t* p, int64_t n);

// The contents of a bytes-like object (bytes, bytearray or a contiguous
// memoryview); false for anything else. The view is valid until the object
// is next mutated.
bool bytes_like_view(Value v, std::string_view* out);

void init_bytearray_types();  // bytearray, memoryview and their iterators
void init_memoryview_type();  // runtime/memoryview.cpp; called by init_bytearray_types()

}  // namespace kestrel
