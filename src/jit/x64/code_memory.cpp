// W^X code memory for compiled traces (see code_memory.h).
#include "jit/x64/code_memory.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>

namespace kestrel::jit::x64 {

static size_t page_size() {
  static const size_t size = size_t(sysconf(_SC_PAGESIZE));
  return size;
}

CodeRegion::~CodeRegion() {
  if (base_) munmap(base_, size_);
}

bool CodeRegion::allocate(size_t size) {
  size_t ps = page_size();
  size = (size + ps - 1) / ps * ps;
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return false;
  base_ = static_cast<uint8_t*>(p);
  size_ = size;
  sealed_ = false;
  return true;
}

bool CodeRegion::seal() {
  if (mprotect(base_, size_, PROT_READ | PROT_EXEC) != 0) return false;
  sealed_ = true;
  return true;
}

bool CodeRegion::patch(uint8_t* at, const void* bytes, size_t n) {
  if (!contains(at) || !contains(at + n - 1)) return false;
  size_t ps = page_size();
  auto first = reinterpret_cast<uintptr_t>(at) / ps * ps;
  auto last = (reinterpret_cast<uintptr_t>(at + n - 1) / ps + 1) * ps;
  void* pages = reinterpret_cast<void*>(first);
  size_t len = last - first;
  // Never RWX: the pages stop being executable while they are written. No
  // other thread runs trace code (Kestrel's interpreter is single-threaded).
  if (mprotect(pages, len, PROT_READ | PROT_WRITE) != 0) return false;
  std::memcpy(at, bytes, n);
  // x86 keeps instruction caches coherent; the call documents intent on other targets.
  __builtin___clear_cache(reinterpret_cast<char*>(at), reinterpret_cast<char*>(at + n));
  return mprotect(pages, len, PROT_READ | PROT_EXEC) == 0;
}

}  // namespace kestrel::jit::x64
