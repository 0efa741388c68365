// The trace optimizer's passes. Each pass rewrites a verified Trace in place
// and leaves it verified; each can be switched off (PassOptions) to test the
// others and to measure what it is worth. docs/jit.md ("Optimizer") gives the
// order and the facts every pass may rely on:
//   * LOADSLOT n is invariant for the whole trace (traces never write frame
//     slots), so it may be CSE'd and hoisted freely.
//   * After peeling, the preamble (before LOOP) dominates the body: a pure
//     body instruction equal to a preamble one is the preamble's value (this
//     is how loop-invariant code motion falls out of CSE).
//   * Guards may be removed only when an earlier guard or a known fact
//     implies them; exits are always safe (the interpreter redoes the work),
//     so passes never need to add guards, only to prove some redundant.
//   * Replacing a ref must also rename it in snapshot entries and virtual
//     object fields (the deoptimiser reads them) and in CALL argument lists.
#pragma once

#include <string>

#include "jit/ir.h"

namespace kestrel::jit::opt {

struct PassOptions {
  bool peel = true;         // loop peeling (preamble = one unrolled iteration)
  bool fold = true;         // constant folding and algebraic simplification
  bool cse = true;          // common-subexpression elimination (with peeling: LICM)
  bool guards = true;       // redundant-guard removal
  bool allocations = true;  // allocation removal: boxes and small objects stay virtual
  bool intbounds = true;    // overflow-check removal where value ranges prove it
  bool dce = true;          // dead-code elimination (and compaction of the trace)
  // Verify after every pass (names the pass that broke a trace), not only
  // the recorded and the final trace: half of all compile time when on.
  bool verify = false;  // --jit-opt=verify (not part of "all")
};

// Parses "fold,cse" / "-peel" style lists (for --jit-opt=...). Unknown names
// set *error. "all" and "none" are accepted.
bool parse_pass_list(const std::string& text, PassOptions* opts, std::string* error);

// Runs the enabled passes in order: peel, fold, cse, guards, allocations,
// intbounds, fold, cse, dce. Returns "" or the verifier's complaint (a pass
// bug: the caller then drops the trace).
std::string optimize(Trace& t, const PassOptions& opts);

// The individual passes. Each returns true when it changed the trace.
bool peel_loop(Trace& t);                        // peel.cpp
bool fold_constants(Trace& t);                   // fold.cpp
bool eliminate_common_subexpressions(Trace& t);  // cse.cpp
bool remove_redundant_guards(Trace& t);          // guards.cpp
bool remove_allocations(Trace& t);               // allocations.cpp
bool narrow_overflow_checks(Trace& t);           // intbounds.cpp
bool eliminate_dead_code(Trace& t);              // dce.cpp (also renumbers: removed NOPs disappear)

}  // namespace kestrel::jit::opt
