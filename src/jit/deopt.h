// Entering a compiled loop and leaving it: the deoptimiser rebuilds the
// interpreter frame from the failing guard's snapshot (docs/jit.md, "Exits").
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "interp/frame.h"
#include "jit/ir.h"
#include "jit/x64/backend.h"
#include "runtime/gc.h"

namespace kestrel::jit {

// Frames in a snapshot: the loop's and its inlined calls (recorder.cpp's
// inlining depth limit plus one).
constexpr size_t kMaxSnapFrames = 16;

// A compiled loop trace and what its exits need.
struct CompiledLoop {
  uint32_t number = 0;  // 1, 2, ... in compilation order (for the log)
  Trace recorded;       // the IR as recorded (kept only until logged)
  Trace ir;             // the optimized IR: snapshots and value types for exits
  std::unique_ptr<x64::CompiledTrace> code;
  std::vector<uint32_t> exit_counts;  // failures per snapshot
  // Per snapshot: a type guard of the preamble that runs before anything
  // has changed. Failing there means "this trace is for other types": the
  // driver tries the loop's next variant instead.
  std::vector<bool> entry_exit;
  ValueVector roots;  // objects the trace's constants point to
  // Per snapshot: used by a guard of the preamble (the first iteration,
  // before LOOP). A loop whose entries mostly leave there runs less than an
  // iteration per entry: the driver then backs off (see on_hot_loop).
  std::vector<bool> preamble_exit;
  uint32_t window_entries = 0, window_early = 0;
  // Function traces: the snapshot of the final EXIT, its entry holding the
  // result (the top of the stack at RETURN_VALUE), and how calls fared
  // (exits before the return).
  int32_t return_snap = -1;
  SnapEntry return_value{};
  uint64_t calls = 0, exits = 0;
};

// The driver drops a function trace whose calls often leave it early.
void function_trace_misfits(Code* code);

// Runs the trace on frame `f` (stopped at the loop header) until a guard
// fails, then writes the snapshot's state into the frame: slots, f->ip, f->sp.
// Returns the exit's snapshot number.
uint32_t enter_trace(CompiledLoop& loop, Frame* f);

}  // namespace kestrel::jit
