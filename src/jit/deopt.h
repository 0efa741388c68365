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
  x64::Loc return_loc{};  // where the result is at that exit (register or spill slot)
  uint64_t calls = 0, exits = 0;

  // Bridges (docs/jit.md, "Bridges"). A trace tree: the root trace (a loop
  // or function trace) owns every bridge grown from its exits and from its
  // bridges' exits; each trace knows its root.
  CompiledLoop* root = this;
  std::vector<std::unique_ptr<CompiledLoop>> bridges;  // the root's
  // Per snapshot: the exit count at which to try recording a bridge
  // (UINT32_MAX: never, or done).
  std::vector<uint32_t> bridge_at;
  int bridge_failures = 0;  // failed attempts in this tree (backs the next ones off)
  // What ends a bridge of this tree (copied from the root).
  bool function = false;
  uint32_t header = 0, backedge = 0, entry_depth = 0;
};

// Where a trace left: the trace of the tree that exited (the root or one of
// its bridges) and its snapshot number.
struct TraceExit {
  CompiledLoop* trace;
  uint32_t snap;
};

// The driver drops a function trace whose calls often leave it early.
void function_trace_misfits(Code* code);

// Runs the trace on frame `f` (stopped at the loop header) until a guard
// fails, then writes the snapshot's state into the frame: slots, f->ip, f->sp.
// Returns which trace of the tree left, through which snapshot.
TraceExit enter_trace(CompiledLoop& loop, Frame* f);

// Called after an exit rebuilt the frames (g_thread.current the innermost,
// `root` the tree's frame): when the exit is hot, records a bridge from
// there (the program runs on meanwhile, to the loop's back edge or the
// function's return), compiles it and patches it into the exit. Returns
// true when it recorded (the frames moved). May raise what the program raises.
bool maybe_record_bridge(CompiledLoop& exited, uint32_t snap);

}  // namespace kestrel::jit
