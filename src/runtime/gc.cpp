// The mark-sweep collector: size-class chunks for small objects, individually
// mapped large objects, precise tracing through Type::trace, and a
// conservative scan of the native stack. Non-moving, so raw pointers held by
// C++ code (and later by JIT code) stay valid.
#include "runtime/gc.h"

#include <setjmp.h>
#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#include "runtime/errors.h"

namespace kestrel {

namespace gc_detail {
AllocState g_alloc = {{}, 0, SIZE_MAX};
}  // namespace gc_detail

using gc_detail::FreeCell;
using gc_detail::g_alloc;
using gc_detail::kLargeThreshold;
using gc_detail::kNumClasses;
using gc_detail::kSizeClasses;

namespace {

// Chunks are aligned to their size so "which chunk holds this address" is a
// mask. 256 KiB keeps per-chunk waste small for the 2 KiB largest class.
constexpr size_t kChunkSize = size_t(1) << 18;
// No single request may exceed this: past it we report MemoryError instead of
// asking the OS (CPython's PY_SSIZE_T_MAX checks play the same role).
constexpr size_t kMaxAllocation = size_t(1) << 40;
constexpr uint32_t kMarkBit = 1;
// 2 MiB keeps the short-lived objects of a small heap (boxed floats)
// cache-resident while keeping collections of the startup heap rare.
constexpr size_t kMinThreshold = size_t(2) << 20;

struct Chunk {
  int size_class;
  size_t cell_size;
  size_t ncells;
  size_t used;  // cells carved onto a free list at least once; the rest is untouched zero memory
  char* cells;  // first cell
};

struct LargeObject {
  char* start;
  size_t size;
};

// Fresh cells are carved from a chunk's untouched tail onto the free list a
// page at a time, so the fast path serves them too without committing the
// whole chunk at once.
constexpr size_t kCarveBytes = 4096;

}  // namespace

class Heap {
 public:
  Object* alloc(size_t size, Type* type);
  void collect();
  void mark_object(const Object* obj, std::vector<Object*>& stack);
  bool find_object(uintptr_t addr, Object** out);

  std::vector<Chunk*> chunks_;  // sorted by address
  std::vector<LargeObject> large_;
  // Fresh chunks are handed out by bumping `used`, so pages of a new chunk are
  // touched (and committed by the kernel) only as objects are created there.
  Chunk* bump_chunks_[kNumClasses] = {};
  std::vector<Object**> object_roots_;
  std::vector<Value*> value_roots_;
  std::vector<RootScanner> scanners_;
  ValueVector* vectors_ = nullptr;
  char* stack_bottom_ = nullptr;
  // Collect after allocating a third of the live heap (at least 2 MiB):
  // peak memory stays near CPython's (string_ops: 30 MB with "the live
  // heap", 21 MB with a third, CPython 22.6 MB), and marking, which
  // leaf objects make cheap, stays a modest share. g_alloc.limit mirrors
  // the threshold while collection is allowed.
  size_t threshold_ = kMinThreshold;
  size_t live_bytes_ = 0;
  int pause_depth_ = 0;
  bool collecting_ = false;
  GcStats stats_;

  Heap() { g_alloc.limit = threshold_; }
  void update_limit() { g_alloc.limit = (pause_depth_ || collecting_) ? SIZE_MAX : threshold_; }
  bool may_collect() const { return pause_depth_ == 0 && !collecting_; }

 private:
  void refill(int cls);
  bool carve(int cls);
  void sweep();
};

// Never destroyed: objects outlive static destructors. A plain global (not a
// function-local static) so the allocation fast path has no guard check.
static Heap* const g_heap = new Heap();
static inline Heap& heap() { return *g_heap; }

void Heap::refill(int cls) {
  // mmap gives zero-filled pages lazily; over-map to align the chunk to its size.
  void* raw =
      mmap(nullptr, kChunkSize * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) raise_memory_error();
  uintptr_t start = (uintptr_t(raw) + kChunkSize - 1) & ~(uintptr_t(kChunkSize) - 1);
  if (start > uintptr_t(raw)) munmap(raw, start - uintptr_t(raw));
  uintptr_t end = uintptr_t(raw) + kChunkSize * 2;
  if (end > start + kChunkSize)
    munmap(reinterpret_cast<void*>(start + kChunkSize), end - start - kChunkSize);
  // With transparent huge pages on "always", neighbouring chunks would be
  // backed by 2 MiB pages on first touch, multiplying the resident size of a
  // small program: keep them on 4 KiB pages.
  madvise(reinterpret_cast<void*>(start), kChunkSize, MADV_NOHUGEPAGE);
  auto* chunk = new Chunk;
  chunk->size_class = cls;
  chunk->cell_size = kSizeClasses[cls];
  // The Chunk descriptor lives outside the chunk so every byte of it is cells.
  chunk->cells = reinterpret_cast<char*>(start);
  chunk->ncells = kChunkSize / chunk->cell_size;
  chunk->used = 0;
  auto pos = std::upper_bound(chunks_.begin(), chunks_.end(), chunk,
                              [](Chunk* a, Chunk* b) { return a->cells < b->cells; });
  chunks_.insert(pos, chunk);
  bump_chunks_[cls] = chunk;
  stats_.heap_bytes += kChunkSize;
}

// Moves up to a page of a chunk's never-used cells onto the free list (they
// are zero already; only the link word is written). False when the class
// has no fresh cells left.
bool Heap::carve(int cls) {
  Chunk* c = bump_chunks_[cls];
  if (!c || c->used == c->ncells) return false;
  size_t n = std::min(c->ncells - c->used, std::max<size_t>(1, kCarveBytes / c->cell_size));
  char* first = c->cells + c->used * c->cell_size;
  FreeCell* head = g_alloc.free_lists[cls];
  for (size_t i = n; i-- > 0;) {
    auto* cell = reinterpret_cast<FreeCell*>(first + i * c->cell_size);
    cell->next = head;
    head = cell;
  }
  g_alloc.free_lists[cls] = head;
  c->used += n;
  return true;
}

Object* Heap::alloc(size_t size, Type* type) {
  if (size > kMaxAllocation) raise_memory_error();  // before rounding, which could wrap
  size = (size + 15) & ~size_t(15);
  if (g_alloc.bytes_since_gc + size > threshold_ && may_collect()) collect();
  g_alloc.bytes_since_gc += size;
  Object* obj;
  if (__builtin_expect(size <= kLargeThreshold, 1)) {
    int cls = gc_detail::kClassOfSize.of[size / 16];
    if (!g_alloc.free_lists[cls] && !carve(cls)) {
      refill(cls);
      carve(cls);
    }
    FreeCell* cell = g_alloc.free_lists[cls];
    g_alloc.free_lists[cls] = cell->next;
    gc_detail::zero_object(cell, size);
    obj = reinterpret_cast<Object*>(cell);
    obj->gc = uint32_t(cls) << 8;
  } else {
    if (size > kMaxAllocation) raise_memory_error();
    void* mem = std::calloc(1, size);
    if (!mem) raise_memory_error();
    LargeObject lo{static_cast<char*>(mem), size};
    auto pos = std::upper_bound(
        large_.begin(), large_.end(), lo,
        [](const LargeObject& a, const LargeObject& b) { return a.start < b.start; });
    large_.insert(pos, lo);
    stats_.heap_bytes += size;
    obj = static_cast<Object*>(mem);
    obj->gc = 255u << 8;
  }
  obj->type = type;
  return obj;
}

// Conservative lookup: is `addr` inside a live heap object? Interior pointers
// count, because optimised C++ code may hold only a derived pointer.
bool Heap::find_object(uintptr_t addr, Object** out) {
  uintptr_t base = addr & ~(uintptr_t(kChunkSize) - 1);
  auto it = std::lower_bound(chunks_.begin(), chunks_.end(), base,
                             [](Chunk* c, uintptr_t b) { return uintptr_t(c->cells) < b; });
  if (it != chunks_.end() && uintptr_t((*it)->cells) == base) {
    Chunk* c = *it;
    size_t index = (addr - base) / c->cell_size;
    if (index >= c->used) return false;
    auto* obj = reinterpret_cast<Object*>(c->cells + index * c->cell_size);
    if (!obj->type) return false;  // free cell
    *out = obj;
    return true;
  }
  if (large_.empty()) return false;
  auto lit =
      std::upper_bound(large_.begin(), large_.end(), addr,
                       [](uintptr_t a, const LargeObject& lo) { return a < uintptr_t(lo.start); });
  if (lit == large_.begin()) return false;
  --lit;
  if (addr >= uintptr_t(lit->start) && addr < uintptr_t(lit->start) + lit->size) {
    *out = reinterpret_cast<Object*>(lit->start);
    return true;
  }
  return false;
}

// Marks an object and its class. Only objects with something to trace go on
// the stack: leaves (strs, floats, big ints, ...) are done here.
void Heap::mark_object(const Object* obj, std::vector<Object*>& stack) {
  auto* o = const_cast<Object*>(obj);
  if (o->gc & kMarkBit) return;
  o->gc |= kMarkBit;
  Type* t = o->type;
  if (!t) return;
  if (!(t->gc & kMarkBit)) mark_object(t, stack);  // depth <= 3: class, metaclass, type
  if (t->trace) stack.push_back(o);
}

void Tracer::mark_new(const Object* obj) { heap().mark_object(obj, *stack_); }

void Tracer::mark_conservative(const Value* begin, const Value* end) {
  Heap& h = heap();
  for (const Value* p = begin; p < end; ++p) {
    if (!p->is_object()) continue;
    Object* obj;
    if (h.find_object(p->bits(), &obj)) h.mark_object(obj, *stack_);
  }
}

// Conservative scanning reads every stack word, including ASan's redzones.
__attribute__((no_sanitize("address"))) static void scan_words(Heap& h, std::vector<Object*>& stack,
                                                               char* from, char* to) {
  from = reinterpret_cast<char*>((uintptr_t(from) + 7) & ~uintptr_t(7));
  for (char* p = from; p + sizeof(uintptr_t) <= to; p += sizeof(uintptr_t)) {
    uintptr_t word = *reinterpret_cast<uintptr_t*>(p);
    if (word & 1 || word < 4096) continue;
    Object* obj;
    if (h.find_object(word, &obj)) h.mark_object(obj, stack);
  }
}

// Scans the native stack between here and the recorded bottom, plus the
// callee-saved registers (spilled into a jmp_buf on this frame).
__attribute__((noinline)) static void scan_native_stack(Heap& h, std::vector<Object*>& stack) {
  jmp_buf regs;
  setjmp(regs);
  char* bottom = h.stack_bottom_;
  if (!bottom) return;
  char* regs_begin = reinterpret_cast<char*>(&regs);
  scan_words(h, stack, regs_begin, regs_begin + sizeof regs);
  scan_words(h, stack, reinterpret_cast<char*>(__builtin_frame_address(0)), bottom);
}

void Heap::collect() {
  collecting_ = true;
  update_limit();
  std::vector<Object*> stack;
  Tracer tracer;
  tracer.stack_ = &stack;
  for (Object** slot : object_roots_) tracer.mark(*slot);
  for (Value* slot : value_roots_) tracer.mark(*slot);
  for (RootScanner scanner : scanners_) scanner(tracer);
  for (ValueVector* v = vectors_; v; v = v->next_)
    tracer.mark_range(v->items_.data(), v->items_.data() + v->items_.size());
  scan_native_stack(*this, stack);
  while (!stack.empty()) {
    Object* obj = stack.back();
    stack.pop_back();
    obj->type->trace(obj, tracer);  // only objects with a trace function are pushed
  }
  sweep();
  stats_.collections++;
  g_alloc.bytes_since_gc = 0;
  threshold_ = std::max<size_t>(kMinThreshold, live_bytes_ / 3);
  collecting_ = false;
  update_limit();
}

// Rebuilds every free list from scratch: dead objects are finalized and
// linked in, live ones lose their mark bit. Walks each chunk backwards so
// each list comes out in address order.
void Heap::sweep() {
  live_bytes_ = 0;
  for (int cls = 0; cls < kNumClasses; ++cls) g_alloc.free_lists[cls] = nullptr;
  for (Chunk* c : chunks_) {
    FreeCell* head = g_alloc.free_lists[c->size_class];
    size_t cell_size = c->cell_size;
    size_t live = 0;
    for (char* p = c->cells + c->used * cell_size; p != c->cells;) {
      p -= cell_size;
      auto* obj = reinterpret_cast<Object*>(p);
      if (Type* t = obj->type) {
        if (obj->gc & kMarkBit) {
          obj->gc &= ~kMarkBit;
          ++live;
          continue;
        }
        if (t->finalize) t->finalize(obj);
        obj->type = nullptr;
      }
      auto* cell = reinterpret_cast<FreeCell*>(obj);
      cell->next = head;
      head = cell;
    }
    live_bytes_ += live * cell_size;
    g_alloc.free_lists[c->size_class] = head;
  }
  size_t kept = 0;
  for (LargeObject& lo : large_) {
    auto* obj = reinterpret_cast<Object*>(lo.start);
    if (obj->gc & kMarkBit) {
      obj->gc &= ~kMarkBit;
      live_bytes_ += lo.size;
      large_[kept++] = lo;
    } else {
      if (obj->type && obj->type->finalize) obj->type->finalize(obj);
      stats_.heap_bytes -= lo.size;
      std::free(lo.start);
    }
  }
  large_.resize(kept);
  live_bytes_ += stats_.external_bytes;
}

Object* gc_detail::alloc_slow(size_t size, Type* type) { return heap().alloc(size, type); }

void* gc_malloc_external(size_t bytes) {
  if (bytes > kMaxAllocation) raise_memory_error();
  Heap& h = heap();
  g_alloc.bytes_since_gc += bytes;
  if (g_alloc.bytes_since_gc > h.threshold_ && h.may_collect()) h.collect();
  void* p = std::malloc(bytes ? bytes : 1);
  if (!p) raise_memory_error();
  h.stats_.external_bytes += bytes;
  return p;
}

void* gc_realloc_external(void* ptr, size_t old_bytes, size_t new_bytes) {
  if (new_bytes > kMaxAllocation) raise_memory_error();
  Heap& h = heap();
  if (new_bytes > old_bytes) {
    g_alloc.bytes_since_gc += new_bytes - old_bytes;
    // Collecting here is safe: the caller's object is reachable (it is on the
    // stack), and its storage is not moved before realloc below.
    if (g_alloc.bytes_since_gc > h.threshold_ && h.may_collect()) h.collect();
  }
  void* p = std::realloc(ptr, new_bytes ? new_bytes : 1);
  if (!p) raise_memory_error();
  h.stats_.external_bytes += new_bytes;
  h.stats_.external_bytes -= old_bytes;
  return p;
}

void gc_free_external(void* ptr, size_t bytes) {
  if (!ptr) return;
  heap().stats_.external_bytes -= bytes;
  std::free(ptr);
}

void gc_note_external(int64_t delta) {
  Heap& h = heap();
  if (delta > 0) g_alloc.bytes_since_gc += size_t(delta);
  h.stats_.external_bytes += uint64_t(delta);
}

void gc_collect() {
  Heap& h = heap();
  if (h.may_collect()) h.collect();
}
void gc_add_root(Object** slot) { heap().object_roots_.push_back(slot); }
void gc_add_root(Value* slot) { heap().value_roots_.push_back(slot); }
void gc_add_root_scanner(RootScanner scanner) { heap().scanners_.push_back(scanner); }
void gc_init(void* stack_bottom) { heap().stack_bottom_ = static_cast<char*>(stack_bottom); }

GcPause::GcPause() {
  heap().pause_depth_++;
  heap().update_limit();
}
GcPause::~GcPause() {
  heap().pause_depth_--;
  heap().update_limit();
}

ValueVector::ValueVector() {
  Heap& h = heap();
  prev_ = nullptr;
  next_ = h.vectors_;
  if (next_) next_->prev_ = this;
  h.vectors_ = this;
}
ValueVector::ValueVector(size_t n) : ValueVector() { items_.resize(n); }
ValueVector::ValueVector(std::initializer_list<Value> init) : ValueVector() { items_ = init; }
ValueVector::~ValueVector() {
  Heap& h = heap();
  if (prev_)
    prev_->next_ = next_;
  else
    h.vectors_ = next_;
  if (next_) next_->prev_ = prev_;
}

GcStats gc_stats() { return heap().stats_; }

}  // namespace kestrel
