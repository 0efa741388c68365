// The tracing JIT as the interpreter sees it: options, the hot-loop entry
// point called by JUMP_BACKWARD, and the statistics printed at exit.
// docs/jit.md ("Driver") describes the life of a loop: counting, recording,
// optimizing, compiling, entering, exiting, backing off.
#pragma once

#include <cstdint>
#include <string>

#include "interp/frame.h"
#include "jit/opt/passes.h"

namespace kestrel::jit {

struct JitOptions {
  bool enabled = true;
  int threshold = 1000;            // back-edge count before a loop is recorded
  bool stats = false;              // --jit-stats: print a summary at exit
  bool functions = true;           // --jit-functions: traces of hot function entries
  bool bridges = true;             // --jit-bridges: hot exits get bridges
  int bridge_threshold = 50;       // exits before a bridge (at most `threshold`)
  int compile_budget = 5;          // --jit-compile-budget: % of the run (0: unlimited)
  std::string log_path;            // --jit-log=FILE
  size_t max_trace_length = 4000;  // IR instructions per recorded iteration
  opt::PassOptions passes;         // --jit-opt=...
};
JitOptions& jit_options();

// The counter value at which JUMP_BACKWARD calls on_hot_loop (INT32_MAX when
// the JIT is off), kept in a plain global for the interpreter's fast path.
extern int32_t g_jit_threshold;
void jit_configure();  // applies jit_options() (call after option parsing)

// Called by JUMP_BACKWARD when its counter reached g_jit_threshold. `f` is
// stopped at the loop header (f->ip and f->sp saved); `cache` is the
// back-edge's inline cache (its counter; key1 remembers the loop, so the
// loop table is searched once per back-edge), `backedge_pc` its position. Records, compiles and/or
// runs the loop's trace. Returns true when the frame's state changed (the
// interpreter must reload f->ip and f->sp). May raise Python exceptions
// (recording executes the program) with the frame at the raising instruction.
bool on_hot_loop(Frame* f, InlineCache* cache, uint32_t backedge_pc);

// Called by CALL when a Python function's entry counter (code->jit_calls)
// reached g_jit_threshold, with `f` the callee's fresh frame (current). May
// record the call as it executes, leaving g_thread.current wherever the
// interpreter continues (the callee's frame or a frame it called).
void on_hot_function(Frame* f);
// Runs the compiled trace of fn's code (code->jit_function) for a call with
// exactly fn->code->argcount positional `args`; an exit rebuilds the frames
// and the interpreter finishes the call. Raises what the call raises.
Value run_function_trace(Function* fn, Value* args);

// Prints the --jit-stats summary (stderr) and closes the log.
void jit_finish();

}  // namespace kestrel::jit
