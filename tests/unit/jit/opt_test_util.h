// Shared helpers for the optimizer tests (opt_*_test.cpp): run a pass on a
// textual trace, compare the result with expected text, and check with the
// reference evaluator that the pass kept the trace's behaviour.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "jit/ir.h"
#include "jit/ir_eval.h"
#include "jit/opt/passes.h"
#include "jit_test_util.h"
#include "runtime/value.h"

namespace kestrel::jit::opt::test {

using Pass = std::function<bool(Trace&)>;

inline uint64_t small(int64_t v) { return Value::small(v).bits(); }

// Text -> trace, verified.
inline Trace parse_checked(const std::string& text, const HelperRegistry* h = nullptr) {
  Trace t = jit::test::parse_or_die(text, h);
  EXPECT_EQ(verify_trace(t), "") << text;
  return t;
}

// The printer's canonical form of `text` (so expected traces may be written
// with any spacing).
inline std::string canonical(const std::string& text, const HelperRegistry* h = nullptr) {
  return print_trace(jit::test::parse_or_die(text, h));
}

// Runs `pass` then eliminate_dead_code (so the result is dense and readable);
// the trace must verify after each.
inline Trace run_pass(const std::string& in, const Pass& pass, const HelperRegistry* h = nullptr) {
  Trace t = parse_checked(in, h);
  pass(t);
  EXPECT_EQ(verify_trace(t), "") << print_trace(t);
  eliminate_dead_code(t);
  EXPECT_EQ(verify_trace(t), "") << print_trace(t);
  return t;
}

// In an input slot, kMem + k stands for the address of byte k of the
// test's memory (a fresh copy per run).
inline constexpr uint64_t kMem = 0x7e57000000000000;
inline constexpr uint64_t kMemSpan = 0x10000;

// Evaluates `before` and `after` on each input (slots, where kMem + k is
// replaced by the address of byte k of a fresh copy of `mem`) and
// expects the same outcome: kind, exit snapshot, iterations, every snapshot
// value (NaNs match any NaN) and the final memory.
inline void expect_same_behaviour(const Trace& before, const Trace& after,
                                  const std::vector<std::vector<uint64_t>>& inputs,
                                  const std::vector<uint64_t>& mem = {}) {
  EvalOptions opts;
  opts.max_iterations = 1000;
  for (const auto& input : inputs) {
    // Both runs use the same buffer (reset in between), so pointers into it
    // that end up in snapshot values are equal too.
    std::vector<uint64_t> slots = input, m = mem;
    for (size_t k = 0; k < input.size(); ++k)
      if (input[k] - kMem < kMemSpan)
        slots[k] = reinterpret_cast<uint64_t>(m.data()) + (input[k] - kMem);
    EvalResult r1 = evaluate(before, slots.data(), opts);
    std::vector<uint64_t> m1 = m;
    m = mem;
    EvalResult r2 = evaluate(after, slots.data(), opts);
    std::vector<uint64_t>& m2 = m;
    ASSERT_EQ(int(r1.kind), int(r2.kind)) << r1.error << r2.error << "\n" << print_trace(after);
    EXPECT_EQ(r1.iterations, r2.iterations);
    if (r1.kind != EvalResult::Kind::Exit) continue;
    ASSERT_EQ(r1.snap, r2.snap) << "before:\n"
                                << print_trace(before) << "after:\n"
                                << print_trace(after);
    ASSERT_EQ(r1.entry_values.size(), r2.entry_values.size());
    auto entries = before.snapshots().entries(r1.snap);
    for (size_t k = 0; k < entries.size(); ++k) {
      IrType type =
          entries[k].kind == SnapKind::Virtual ? IrType::Void : before.type_of(entries[k].ref);
      EXPECT_TRUE(jit::test::same_bits(r1.entry_values[k], r2.entry_values[k], type))
          << "exit " << r1.snap << " entry " << k << "\nbefore:\n"
          << print_trace(before) << "after:\n"
          << print_trace(after);
    }
    for (size_t k = 0; k < mem.size(); ++k)
      EXPECT_TRUE(jit::test::same_bits(m1[k], m2[k], IrType::Dbl)) << "memory word " << k;
  }
}

// The whole check for one example: pass + DCE on `in` gives `want` (any
// spacing), and behaves like `in` on `inputs`.
inline void expect_pass(const Pass& pass, const std::string& in, const std::string& want,
                        const std::vector<std::vector<uint64_t>>& inputs = {{}},
                        const std::vector<uint64_t>& mem = {}, const HelperRegistry* h = nullptr) {
  Trace before = parse_checked(in, h);
  Trace after = run_pass(in, pass, h);
  EXPECT_EQ(print_trace(after), canonical(want, h));
  expect_same_behaviour(before, after, inputs, mem);
}

}  // namespace kestrel::jit::opt::test
