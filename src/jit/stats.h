// JIT statistics for --jit-stats (and the benchmark harness, which parses the
// "name: value" lines).
#pragma once

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>

namespace kestrel::jit {

struct JitStats {
  uint64_t recordings = 0;          // recording attempts
  uint64_t loops_compiled = 0;      // root traces compiled
  uint64_t functions_compiled = 0;  // function traces (hot function entries)
  uint64_t bridges_compiled = 0;
  uint64_t aborts = 0;
  std::map<std::string, uint64_t> abort_reasons;
  uint64_t trace_entries = 0;   // interpreter -> trace transitions
  uint64_t guard_failures = 0;  // trace -> interpreter exits
  uint64_t unprofitable = 0;    // loops backed off: entries left in the first iteration
  uint64_t compile_ns = 0;      // recording + optimization + code generation
  uint64_t log_ns = 0;          // ... of which writing --jit-log (not shown as compile time)
  uint64_t code_bytes = 0;
};
// A plain global (constant-initialised): counted on every trace entry.
extern JitStats g_jit_stats;
inline JitStats& jit_stats() { return g_jit_stats; }
void print_jit_stats(FILE* out);

}  // namespace kestrel::jit
