// The bytecode interpreter's entry points: calling Python functions from C++,
// running module and class bodies, resuming generators.
#pragma once

#include "runtime/function.h"
#include "runtime/object.h"

namespace kestrel {

// Calls a Python function (binds arguments with CPython's error messages,
// creates a generator for generator functions).
Value call_function(Function* f, Value* args, size_t nargs, Tuple* kwnames);
// Executes `code` with `globals` (and `locals`, for class bodies / module
// bodies: may be the same dict). Returns the value of the final RETURN_VALUE.
Value run_code(Code* code, Dict* globals, Value locals, Function* func = nullptr);

// Frames of calls the JIT inlines (docs/jit.md, "Inlining"). The recorder
// pushes the callee's frame exactly as CALL would (arguments bound, may raise
// RecursionError) and pops it at the callee's return; the deoptimiser pushes
// blank frames for the inlined calls live at an exit and fills their slots.
// The caller links them (back, g_thread.current) itself.
struct Frame;
Frame* push_call_frame(Function* fn, Value* args, size_t nargs);
Frame* push_blank_frame(Function* fn);
void pop_call_frame(Frame* f);
// Runs frames a JIT exit rebuilt, from g_thread.current (the innermost)
// until `entry` returns (raising `throw_exc` there first, if given); entry's
// back is the caller.
Value resume_frames(Frame* entry, Value throw_exc);

// FORMAT_VALUE: v converted by flags & 3 (str, repr, ascii) and formatted
// with `spec` (empty: none), as an f-string field.
Value build_fstring_value(Value v, int flags, Value spec);

// Runtime options that the command line sets.
struct InterpreterOptions {
  int64_t recursion_limit = 1000;  // 64 bits: JIT traces load it
};
// A plain global (constant-initialised): read on every call from a trace.
extern InterpreterOptions g_interpreter_options;
inline InterpreterOptions& interpreter_options() { return g_interpreter_options; }

void init_interpreter();  // generator type, root scanner for frames

}  // namespace kestrel
