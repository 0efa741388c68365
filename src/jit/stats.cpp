#include "jit/stats.h"

namespace kestrel::jit {

JitStats g_jit_stats;

void print_jit_stats(FILE* out) {
  const JitStats& s = jit_stats();
  std::fprintf(out, "jit loops compiled: %llu\n",
               static_cast<unsigned long long>(s.loops_compiled));
  std::fprintf(out, "jit functions compiled: %llu\n",
               static_cast<unsigned long long>(s.functions_compiled));
  std::fprintf(out, "jit bridges compiled: %llu\n",
               static_cast<unsigned long long>(s.bridges_compiled));
  std::fprintf(out, "jit recordings: %llu\n", static_cast<unsigned long long>(s.recordings));
  std::fprintf(out, "jit aborts: %llu\n", static_cast<unsigned long long>(s.aborts));
  for (const auto& [reason, n] : s.abort_reasons)
    std::fprintf(out, "jit abort (%s): %llu\n", reason.c_str(), static_cast<unsigned long long>(n));
  std::fprintf(out, "jit trace entries: %llu\n", static_cast<unsigned long long>(s.trace_entries));
  std::fprintf(out, "jit unprofitable back-offs: %llu\n",
               static_cast<unsigned long long>(s.unprofitable));
  std::fprintf(out, "jit guard failures: %llu\n",
               static_cast<unsigned long long>(s.guard_failures));
  std::fprintf(out, "jit compile time ms: %.3f\n", double(s.compile_ns - s.log_ns) / 1e6);
  std::fprintf(out, "jit machine code bytes: %llu\n",
               static_cast<unsigned long long>(s.code_bytes));
}

}  // namespace kestrel::jit
