// Helpers shared by the container types (tuple, list, dict, set, range):
// fast hashing of keys, the repr recursion guard and subclass allocation.
// Private to the container implementation files.
#pragma once

#include <cstdint>
#include <string>

#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/object.h"
#include "runtime/protocol.h"
#include "runtime/str.h"

namespace kestrel {

// CPython's hash of an int that fits a small int: |v| mod (2**61 - 1) with
// the sign of v, and -1 mapped to -2.
inline int64_t small_int_hash(int64_t v) {
  constexpr uint64_t kModulus = (uint64_t(1) << 61) - 1;
  uint64_t mag = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
  int64_t h = int64_t(mag % kModulus);
  if (v < 0) h = -h;
  return h == -1 ? -2 : h;
}

// hash(v) with the small-int and exact-str paths inline.
inline int64_t hash_value(Value v) {
  if (v.is_small()) return small_int_hash(v.small_value());
  if (v.obj()->type == str_type) return str_hash(v.as<Str>());
  return py_hash(v);
}

// Repr recursion guard (CPython's Py_ReprEnter/Py_ReprLeave): `active()` is
// false when `obj` is already being repr'd further up the stack.
class ReprGuard {
 public:
  explicit ReprGuard(Object* obj);
  ~ReprGuard();
  ReprGuard(const ReprGuard&) = delete;
  ReprGuard& operator=(const ReprGuard&) = delete;
  bool active() const { return active_; }

 private:
  Object* obj_;
  bool active_;
};

// Allocates a fixed-size instance of a builtin container type or of a user
// subclass of it (type->instance_size bytes), with its attribute storage
// pointing at the class's root layout.
Object* alloc_container_instance(Type* type, size_t min_size);

// True when `v` is an instance of a user-defined class: binary slots return
// NotImplemented for those instead of raising, so reflected dunders run.
inline bool is_heap_instance(Value v) {
  return v.is_object() && (v.obj()->type->type_flags & kTypeHeap);
}

// Checks the class argument of `base.__new__(cls, ...)` (CPython's
// tp_new_wrapper messages) and returns it.
Type* check_new_class(Value* args, size_t nargs, Type* base);

// "list indices must be integers or slices, not str"
[[noreturn]] void raise_indices_error(const char* seqname, Value key);
// True for ints and objects with __index__.
bool has_index(Value v);
// Index for sequence repetition (`seq * n`): OverflowError when it does not fit.
int64_t repeat_count(Value n);
// Start/stop arguments of index() methods: __index__ ints clipped to int64,
// TypeError "slice indices must be integers or have an __index__ method".
int64_t slice_index_not_none(Value v);

}  // namespace kestrel
