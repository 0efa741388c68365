// Machine code listings for --jit-log and tests, through capstone.
#include <capstone/capstone.h>

#include <cinttypes>
#include <cstdio>

#include "jit/x64/backend.h"

namespace kestrel::jit::x64 {

std::string disassemble(const void* code, size_t size) {
  csh handle;
  if (cs_open(CS_ARCH_X86, CS_MODE_64, &handle) != CS_ERR_OK) return "(capstone unavailable)\n";
  cs_insn* insn = nullptr;
  auto base = reinterpret_cast<uint64_t>(code);
  size_t n = cs_disasm(handle, static_cast<const uint8_t*>(code), size, base, 0, &insn);
  std::string out;
  char line[256];
  for (size_t i = 0; i < n; ++i) {
    std::snprintf(line, sizeof line, "%6" PRIx64 ":  %-8s %s\n", insn[i].address - base,
                  insn[i].mnemonic, insn[i].op_str);
    out += line;
  }
  if (n > 0) cs_free(insn, n);
  cs_close(&handle);
  return out;
}

}  // namespace kestrel::jit::x64
