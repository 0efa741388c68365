// Machine code listings for --jit-log and tests, through capstone.
// Capstone is dlopen'ed at the first listing, not linked: loading it at start-up
// cost every process ~1.0M instructions of relocations and ~3 MB of RSS.
#include <capstone/capstone.h>
#include <dlfcn.h>

#include <cinttypes>
#include <cstdio>

#include "jit/x64/backend.h"

#ifndef KESTREL_CAPSTONE_SONAME
#define KESTREL_CAPSTONE_SONAME "libcapstone.so"
#endif

namespace kestrel::jit::x64 {

namespace {

// The four capstone entry points a listing needs; all null if the library
// cannot be loaded.
struct Capstone {
  decltype(&cs_open) open = nullptr;
  decltype(&cs_disasm) disasm = nullptr;
  decltype(&cs_free) free = nullptr;
  decltype(&cs_close) close = nullptr;
};

const Capstone& capstone() {
  static const Capstone cs = [] {
    Capstone c;
    // The soname found at build time (CMakeLists.txt), then the development link.
    void* lib = dlopen(KESTREL_CAPSTONE_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) lib = dlopen("libcapstone.so", RTLD_NOW | RTLD_LOCAL);
    if (!lib) return c;
    c.open = reinterpret_cast<decltype(&cs_open)>(dlsym(lib, "cs_open"));
    c.disasm = reinterpret_cast<decltype(&cs_disasm)>(dlsym(lib, "cs_disasm"));
    c.free = reinterpret_cast<decltype(&cs_free)>(dlsym(lib, "cs_free"));
    c.close = reinterpret_cast<decltype(&cs_close)>(dlsym(lib, "cs_close"));
    if (!c.open || !c.disasm || !c.free || !c.close) c = Capstone();
    return c;
  }();
  return cs;
}

}  // namespace

std::string disassemble(const void* code, size_t size) {
  const Capstone& cs = capstone();
  csh handle;
  if (!cs.open || cs.open(CS_ARCH_X86, CS_MODE_64, &handle) != CS_ERR_OK)
    return "(capstone unavailable)\n";
  cs_insn* insn = nullptr;
  auto base = reinterpret_cast<uint64_t>(code);
  size_t n = cs.disasm(handle, static_cast<const uint8_t*>(code), size, base, 0, &insn);
  std::string out;
  char line[256];
  for (size_t i = 0; i < n; ++i) {
    std::snprintf(line, sizeof line, "%6" PRIx64 ":  %-8s %s\n", insn[i].address - base,
                  insn[i].mnemonic, insn[i].op_str);
    out += line;
  }
  if (n > 0) cs.free(insn, n);
  cs.close(&handle);
  return out;
}

}  // namespace kestrel::jit::x64
