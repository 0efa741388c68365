// The garbage collector's interface: a precise, non-moving mark-sweep heap.
// Roots are (1) registered global slots, (2) root scanners (the interpreter
// reports its frames), (3) ValueVector temporaries, and (4) the native stack
// and registers, scanned conservatively, so runtime C++ code may keep Values
// in local variables across allocations without registering them.
// See docs/architecture.md, "Garbage collector".
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <vector>

#include "runtime/object.h"

namespace kestrel {

// Marks objects reachable from a root; given to Type::trace functions.
class Tracer {
 public:
  void mark(Value v) {
    if (v.is_object()) mark(v.obj());
  }
  // Inline test of the mark bit (bit 0 of Object::gc): most references a
  // trace function reports point at objects already marked.
  void mark(const Object* obj) {
    if (obj && !(obj->gc & 1u)) mark_new(obj);
  }
  void mark_range(const Value* begin, const Value* end) {
    for (const Value* p = begin; p < end; ++p) mark(*p);
  }
  // Marks only values that point at live heap objects (for regions that may
  // hold stale words, like the part of a frame's value stack above sp).
  void mark_conservative(const Value* begin, const Value* end);

 private:
  friend class Heap;
  void mark_new(const Object* obj);
  std::vector<Object*>* stack_ = nullptr;
};

// The allocation fast path, inline in every caller: pop a cell from the
// size class's free list, zero the object's bytes, set the header. Everything
// else (collection, sweeping, fresh chunks, large objects) is alloc_slow.
namespace gc_detail {

// Size classes of the small-object chunks, in 16-byte steps at the low end
// (most objects are 32-64 bytes). Requests above kLargeThreshold are
// allocated individually.
inline constexpr size_t kSizeClasses[] = {16,  32,  48,  64,  80,  96,  112, 128,  160,  192,
                                          224, 256, 320, 384, 448, 512, 768, 1024, 1536, 2048};
inline constexpr int kNumClasses = sizeof(kSizeClasses) / sizeof(kSizeClasses[0]);
inline constexpr size_t kLargeThreshold = 2048;

constexpr uint8_t size_class_for(size_t size) {
  for (int i = 0; i < kNumClasses; ++i)
    if (size <= kSizeClasses[i]) return uint8_t(i);
  return 255;
}
struct ClassTable {
  uint8_t of[kLargeThreshold / 16 + 1];
};
constexpr ClassTable make_class_table() {
  ClassTable t{};
  for (size_t i = 0; i <= kLargeThreshold / 16; ++i) t.of[i] = size_class_for(i * 16);
  return t;
}
inline constexpr ClassTable kClassOfSize = make_class_table();

// A free cell: a zero class pointer marks it free for the sweeper and the
// conservative scanner.
struct FreeCell {
  Type* null_type;
  FreeCell* next;
};

struct AllocState {
  FreeCell* free_lists[kNumClasses];
  size_t bytes_since_gc;
  // Collect when bytes_since_gc would pass this; SIZE_MAX while collection is
  // paused or running, so the fast path needs no other test.
  size_t limit;
};
extern AllocState g_alloc;

Object* alloc_slow(size_t size, Type* type);

// Zeroes the object's bytes (a multiple of 16): inline stores for the small
// objects that dominate, a memset call only past 64 bytes.
inline void zero_object(void* p, size_t bytes) {
  auto* w = static_cast<uint64_t*>(p);
  w[0] = 0;
  w[1] = 0;
  if (bytes <= 16) return;
  w[2] = 0;
  w[3] = 0;
  if (bytes <= 32) return;
  w[4] = 0;
  w[5] = 0;
  if (bytes <= 48) return;
  w[6] = 0;
  w[7] = 0;
  if (bytes <= 64) return;
  __builtin_memset(w + 8, 0, bytes - 64);
}

}  // namespace gc_detail

// Allocates `size` bytes (>= sizeof(Object)) of zero-filled memory whose
// header says `type`. May run a collection first. Raises MemoryError when the
// request is absurd or the system is out of memory.
template <bool kZero = true>
inline Object* gc_alloc(size_t size, Type* type) {
  using namespace gc_detail;
  // Test the unrounded size: rounding an absurd request up would wrap to 0.
  if (__builtin_expect(size <= kLargeThreshold, 1)) {
    size_t rounded = (size + 15) & ~size_t(15);
    unsigned cls = kClassOfSize.of[rounded / 16];
    FreeCell* cell = g_alloc.free_lists[cls];
    size_t bytes = g_alloc.bytes_since_gc + rounded;
    if (__builtin_expect(cell != nullptr && bytes <= g_alloc.limit, 1)) {
      g_alloc.bytes_since_gc = bytes;
      g_alloc.free_lists[cls] = cell->next;
      if (kZero) zero_object(cell, rounded);
      auto* obj = reinterpret_cast<Object*>(cell);
      obj->type = type;
      obj->gc = cls << 8;
      if (!kZero) obj->flags = 0;
      return obj;
    }
  }
  return alloc_slow(size, type);
}

// gc_alloc without zero-filling on the fast path, for leaf objects whose
// every byte the caller writes before the next allocation (no trace
// function, so the collector never reads the rest).
inline Object* gc_alloc_unzeroed(size_t size, Type* type) { return gc_alloc<false>(size, type); }

template <class T>
T* gc_new(Type* type, size_t extra_bytes = 0) {
  return static_cast<T*>(gc_alloc(sizeof(T) + extra_bytes, type));
}

// Allocation of memory that is not on the GC heap but owned by a heap object
// (list storage, dict tables...): counted so that the collector runs when
// lots of such memory is held. Raise MemoryError on failure.
void* gc_malloc_external(size_t bytes);
void* gc_realloc_external(void* ptr, size_t old_bytes, size_t new_bytes);
void gc_free_external(void* ptr, size_t bytes);
// Reports memory allocated (or, negative, freed) outside the heap by code that
// cannot tolerate a collection at that point (GMP's allocator): counted
// toward the next collection, which runs at the next heap allocation.
void gc_note_external(int64_t delta);

void gc_collect();
void gc_add_root(Object** slot);
void gc_add_root(Value* slot);
using RootScanner = void (*)(Tracer& tracer);
void gc_add_root_scanner(RootScanner scanner);

// Call once from main() with the address of a local: the bottom of the
// native stack region the collector scans.
void gc_init(void* stack_bottom);

// Disables collection while alive (allocation still works); for code that
// builds object graphs whose pointers are held in unregistered heap memory.
class GcPause {
 public:
  GcPause();
  ~GcPause();
  GcPause(const GcPause&) = delete;
  GcPause& operator=(const GcPause&) = delete;
};

// A std::vector<Value> that the collector scans: use it for temporaries that
// live across allocations (a plain std::vector's buffer is on the malloc heap,
// which is not scanned).
class ValueVector {
 public:
  ValueVector();
  explicit ValueVector(size_t n);
  ValueVector(std::initializer_list<Value> init);
  ~ValueVector();
  ValueVector(const ValueVector&) = delete;
  ValueVector& operator=(const ValueVector&) = delete;

  std::vector<Value>& vec() { return items_; }
  Value* data() { return items_.data(); }
  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  void push_back(Value v) { items_.push_back(v); }
  void pop_back() { items_.pop_back(); }
  void clear() { items_.clear(); }
  void reserve(size_t n) { items_.reserve(n); }
  void resize(size_t n) { items_.resize(n); }
  Value& operator[](size_t i) { return items_[i]; }
  Value back() const { return items_.back(); }
  auto begin() { return items_.begin(); }
  auto end() { return items_.end(); }

 private:
  friend class Heap;
  std::vector<Value> items_;
  ValueVector* prev_;
  ValueVector* next_;
};

struct GcStats {
  uint64_t collections = 0;
  uint64_t heap_bytes = 0;      // bytes in live + free cells of GC chunks and large objects
  uint64_t external_bytes = 0;  // bytes held through gc_malloc_external
};
GcStats gc_stats();

}  // namespace kestrel
