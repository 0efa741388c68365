// Interpreter frames. A frame is "this code, this instruction, these
// locals, this value stack" and nothing else: everything a deoptimising JIT
// exit must rebuild. Frames of ordinary calls live on one contiguous VM stack
// (a Python-to-Python call does not recurse in C++); generator frames live in
// their generator object.
#pragma once

#include <cstdint>

#include "runtime/dict.h"
#include "runtime/function.h"
#include "runtime/object.h"

namespace kestrel {

enum FrameFlags : uint32_t {
  kFrameEntry = 1,      // the C++ run loop returns when this frame returns
  kFrameGenerator = 2,  // owned by a generator object
  kFrameYielded = 4,    // set when the last exit from the run loop was a yield
};

struct Frame {
  Code* code;
  Function* func;     // null for module bodies run directly
  Dict* globals;
  Dict* builtins;
  Value locals;       // mapping used by LOAD_NAME/STORE_NAME; empty for functions
  Frame* back;
  const Instr* ip;    // the instruction being executed (or to resume at)
  Value* sp;          // value-stack top, saved whenever the frame is not running
  uint32_t flags;
  uint32_t pad;
  Object* gen;        // owning generator, if any
  Value slots[];      // NOLINT: nlocalsplus locals, then max_stack stack slots

  Value* stack_base() { return slots + code->nlocalsplus; }
  uint32_t lasti() const { return uint32_t(ip - code->code); }
  static size_t size_for(const Code* c) {
    return sizeof(Frame) + sizeof(Value) * (c->nlocalsplus + c->max_stack + 1);
  }
};

struct ThreadState {
  Frame* current = nullptr;   // innermost executing frame
  int64_t depth = 0;          // Python call depth (recursion limit; 64 bits: JIT traces load it)
  Value handled;              // the exception being handled (sys.exc_info()), empty if none
  Dict* builtins = nullptr;   // the builtins module's dict
};

extern ThreadState g_thread;

}  // namespace kestrel
