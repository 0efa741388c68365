// Shared helpers for the JIT unit tests: run a trace through both the
// reference evaluator and the x64 backend and compare the exits.
#pragma once

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "jit/ir.h"
#include "jit/ir_eval.h"
#include "jit/x64/backend.h"

namespace kestrel::jit::test {

inline Trace parse_or_die(const std::string& text, const HelperRegistry* h = nullptr) {
  Trace t;
  ParseResult r = parse_trace(text, &t, h);
  EXPECT_TRUE(r.ok) << r.error << "\n" << text;
  return t;
}

// Bit-exact, except that any two NaNs match: when both operands of an x86
// arithmetic instruction are NaN the result carries the first one's payload,
// and C++ and the backend may order commutative operands differently.
inline bool same_bits(uint64_t a, uint64_t b, IrType type) {
  if (a == b) return true;
  if (type != IrType::Dbl) return false;
  return std::isnan(std::bit_cast<double>(a)) && std::isnan(std::bit_cast<double>(b));
}

struct BothResult {
  EvalResult eval;
  uint32_t exit = 0;
  std::vector<uint64_t> machine_values;
};

// Runs `t` through the evaluator with a copy of `mem` and through machine
// code with another copy (slot 0 = the copy's address, other slots from
// `slots`), and checks that they exit at the same snapshot with the same
// values. `mem` models the heap the trace LOADs from and STOREs to.
inline BothResult run_both(const Trace& t, const x64::CompiledTrace& code,
                           std::vector<uint64_t> slots, const std::vector<uint64_t>& mem,
                           const std::string& context = "") {
  BothResult out;
  std::vector<uint64_t> mem_eval = mem, mem_jit = mem;
  if (!slots.empty() && !mem.empty()) slots[0] = reinterpret_cast<uint64_t>(mem_eval.data());
  out.eval = evaluate(t, slots.data());
  if (!slots.empty() && !mem.empty()) slots[0] = reinterpret_cast<uint64_t>(mem_jit.data());
  auto st = std::make_unique<x64::ExitState>();
  out.exit = code.run(slots.data(), st.get());
  EXPECT_EQ(out.eval.kind, EvalResult::Kind::Exit) << context;
  EXPECT_EQ(out.exit, out.eval.snap) << context;
  if (out.exit != out.eval.snap) return out;
  out.machine_values = code.exit_values(*st, out.exit);
  auto entries = t.snapshots().entries(out.exit);
  EXPECT_EQ(out.machine_values.size(), out.eval.entry_values.size());
  for (size_t k = 0; k < entries.size() && k < out.machine_values.size(); ++k) {
    IrType type = entries[k].kind == SnapKind::Virtual ? IrType::Void : t.type_of(entries[k].ref);
    EXPECT_TRUE(same_bits(out.machine_values[k], out.eval.entry_values[k], type))
        << context << "\nexit " << out.exit << " entry " << k << " (ref " << entries[k].ref
        << "): machine " << std::hex << out.machine_values[k] << " eval "
        << out.eval.entry_values[k];
  }
  // Memory words are untyped: NaN patterns (which STOREF writes) compare as NaNs.
  for (size_t k = 0; k < mem.size(); ++k)
    EXPECT_TRUE(same_bits(mem_eval[k], mem_jit[k], IrType::Dbl))
        << context << "\nmemory word " << k << ": " << std::hex << mem_eval[k] << " vs "
        << mem_jit[k];
  return out;
}

inline std::unique_ptr<x64::CompiledTrace> compile_or_die(const Trace& t) {
  std::string v = verify_trace(t);
  EXPECT_EQ(v, "") << print_trace(t);
  std::string err;
  auto code = x64::compile_trace(t, &err);
  EXPECT_TRUE(code) << err;
  return code;
}

}  // namespace kestrel::jit::test
