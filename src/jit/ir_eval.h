// The reference IR evaluator: runs a Trace on concrete inputs, one
// instruction at a time, with the IR's exact semantics. It is the oracle the
// backend is tested against (random traces: machine code vs. evaluator).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "jit/ir.h"

namespace kestrel::jit {

struct EvalOptions {
  // Stop after this many JUMPs (a loop whose exit guard never fails).
  int64_t max_iterations = 100'000'000;
  // Bridges: INPUT n reads inputs[n] (the parent's values at the guard).
  std::vector<uint64_t> inputs;
};

struct EvalResult {
  // Link: a bridge reached LINK (slot_stores holds its STORESLOTs).
  enum class Kind { Exit, Link, IterationLimit, Error };
  Kind kind = Kind::Error;
  uint32_t snap = 0;       // Exit: the exit number (snapshot index of the failing guard / EXIT)
  IrRef at = -1;           // Exit: the guard or EXIT instruction
  int64_t iterations = 0;  // JUMPs taken before stopping
  // Exit: the value (as bits: int64, double bits or Value word) of every entry
  // of the exit's snapshot, in entry order; 0 for virtual entries.
  std::vector<uint64_t> entry_values;
  // The value of every instruction at the point of the stop (stale for refs
  // not yet executed in the current iteration); for virtual fields and tests.
  std::vector<uint64_t> ref_values;
  std::vector<std::pair<int32_t, uint64_t>> slot_stores;  // (slot, Value word) per STORESLOT
  std::string error;                                      // Error: why (e.g. bad call arity)
};

// Runs `t` with `slots` as the entry frame's slot array (LOADSLOT n reads
// slots[n] as a Value word). LOAD/STORE/CALL act on real memory and real
// helpers, so tests must give them valid pointers. The trace should pass
// verify_trace.
EvalResult evaluate(const Trace& t, const uint64_t* slots, const EvalOptions& opts = {});

// The bits of a ref (constant or instruction) in an EvalResult's ref_values.
uint64_t eval_value(const Trace& t, const EvalResult& r, IrRef ref);

// Calls a C helper the way CALL does (System V: int/ref args in order in
// GPRs, doubles in order in XMMs). Shared by the evaluator and tests.
uint64_t call_helper(const void* addr, IrType ret, const uint64_t* args, const IrType* types,
                     int n);

}  // namespace kestrel::jit
