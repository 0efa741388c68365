// The value word: every Python value the interpreter and the JIT handle is one
// 64-bit Value. See docs/architecture.md, "Value representation".
//
//   ...xxxxxxx1   a small int: the upper 63 bits, arithmetic-shifted (range
//                 [-2**62, 2**62-1]); arithmetic never allocates.
//   ...xxxxx000   a pointer to a heap Object (8-byte aligned). None, True,
//                 False are ordinary static-lifetime objects.
//   0             "no value": an unbound local, an exhausted iterator, the
//                 NULL that CALL's stack layout uses. Never visible to Python.
//
// Floats are boxed heap objects; the JIT keeps them unboxed in registers.
#pragma once

#include <cstdint>

namespace kestrel {

struct Object;

class Value {
 public:
  static constexpr int64_t kSmallMax = (int64_t(1) << 62) - 1;
  static constexpr int64_t kSmallMin = -(int64_t(1) << 62);

  constexpr Value() : bits_(0) {}
  Value(const Object* obj) : bits_(reinterpret_cast<uint64_t>(obj)) {}  // NOLINT: implicit by design

  static constexpr bool fits_small(int64_t v) { return v >= kSmallMin && v <= kSmallMax; }
  // Precondition: fits_small(v). Use int_from_i64() (runtime/int.h) otherwise.
  static constexpr Value small(int64_t v) { return Value((uint64_t(v) << 1) | 1); }
  static constexpr Value from_bits(uint64_t bits) { return Value(bits); }

  constexpr bool empty() const { return bits_ == 0; }
  constexpr bool is_small() const { return (bits_ & 1) != 0; }
  constexpr bool is_object() const { return (bits_ & 1) == 0 && bits_ != 0; }
  constexpr int64_t small_value() const { return int64_t(bits_) >> 1; }
  Object* obj() const { return reinterpret_cast<Object*>(bits_); }
  // Typed view of the object; the caller has checked the class.
  template <class T>
  T* as() const { return reinterpret_cast<T*>(bits_); }
  constexpr uint64_t bits() const { return bits_; }

  // Identity (Python `is`), not equality.
  friend constexpr bool operator==(Value a, Value b) { return a.bits_ == b.bits_; }
  friend constexpr bool operator!=(Value a, Value b) { return a.bits_ != b.bits_; }

 private:
  explicit constexpr Value(uint64_t bits) : bits_(bits) {}
  uint64_t bits_;
};
static_assert(sizeof(Value) == 8);

}  // namespace kestrel
