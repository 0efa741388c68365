// Executable memory for compiled traces, never writable and executable at
// once (W^X). Used only by the x64 backend (backend.cpp).
//
// A CodeRegion is one private anonymous mapping: mapped read-write, filled,
// then flipped to read-execute. Patching (a guard's jump redirected to a
// bridge) flips the affected pages back to read-write for the copy and to
// read-execute again, as LuaJIT's lj_mcode.c does by default. No page is ever
// mapped rwx (tests/unit/jit/x64_backend_test.cpp checks /proc/self/maps).
// One mapping per trace keeps ownership trivial; a shared arena (LuaJIT's
// mcode areas) can replace it behind the same interface when trace counts grow.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kestrel::jit::x64 {

class CodeRegion {
 public:
  CodeRegion() = default;
  CodeRegion(const CodeRegion&) = delete;
  CodeRegion& operator=(const CodeRegion&) = delete;
  ~CodeRegion();

  // Maps at least `size` bytes read-write. False if mmap fails.
  bool allocate(size_t size);
  // The writable bytes; only valid between allocate() and seal().
  uint8_t* writable() { return sealed_ ? nullptr : base_; }
  // Flips the whole region to read-execute. False if mprotect fails.
  bool seal();
  // Writes `n` bytes at `at` (inside the region) in a sealed region: pages
  // go read-write for the copy and back to read-execute.
  bool patch(uint8_t* at, const void* bytes, size_t n);

  const uint8_t* base() const { return base_; }
  uint8_t* base() { return base_; }
  size_t size() const { return size_; }
  bool contains(const void* p) const {
    auto* b = static_cast<const uint8_t*>(p);
    return b >= base_ && b < base_ + size_;
  }

 private:
  uint8_t* base_ = nullptr;
  size_t size_ = 0;
  bool sealed_ = false;
};

}  // namespace kestrel::jit::x64
