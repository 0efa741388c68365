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

// Runtime options that the command line sets.
struct InterpreterOptions {
  int recursion_limit = 1000;
};
InterpreterOptions& interpreter_options();

void init_interpreter();  // generator type, root scanner for frames

}  // namespace kestrel
