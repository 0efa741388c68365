// GMP's memory functions, routed through size-class free lists: bignum
// arithmetic allocates and frees a limb array per result, and glibc's malloc
// was half the cost of a bignum-heavy loop. The bytes are reported to the
// collector (without triggering a collection inside GMP) so that a program
// building large ints still gets collected.
#include <gmp.h>

#include <cstdlib>
#include <cstring>

#include "runtime/errors.h"
#include "runtime/gc.h"

namespace kestrel {

namespace {

// Limb arrays up to 256 bytes (4096-bit numbers) come from free lists in
// 16-byte steps; bigger ones go to malloc.
constexpr size_t kStep = 16;
constexpr size_t kMaxPooled = 256;
constexpr size_t kClasses = kMaxPooled / kStep;

struct FreeBlock {
  FreeBlock* next;
};
FreeBlock* g_free[kClasses + 1];

size_t class_of(size_t n) { return (n + kStep - 1) / kStep; }

void* gmp_alloc(size_t n) {
  gc_note_external(int64_t(n));
  if (n <= kMaxPooled) {
    size_t c = class_of(n);
    if (FreeBlock* b = g_free[c]) {
      g_free[c] = b->next;
      return b;
    }
    void* p = std::malloc(c * kStep);
    if (!p) std::abort();  // GMP cannot recover from a failed allocation
    return p;
  }
  void* p = std::malloc(n);
  if (!p) std::abort();
  return p;
}

void gmp_free(void* p, size_t n) {
  gc_note_external(-int64_t(n));
  if (n <= kMaxPooled) {
    auto* b = static_cast<FreeBlock*>(p);
    size_t c = class_of(n);
    b->next = g_free[c];
    g_free[c] = b;
    return;
  }
  std::free(p);
}

void* gmp_realloc(void* p, size_t old_n, size_t new_n) {
  if (old_n <= kMaxPooled && new_n <= kMaxPooled && class_of(old_n) == class_of(new_n)) {
    gc_note_external(int64_t(new_n) - int64_t(old_n));
    return p;
  }
  void* q = gmp_alloc(new_n);
  std::memcpy(q, p, old_n < new_n ? old_n : new_n);
  gmp_free(p, old_n);
  return q;
}

}  // namespace

void init_gmp_allocator() { mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free); }

}  // namespace kestrel
