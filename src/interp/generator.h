// Generator objects: a heap-owned frame resumed by the interpreter on
// next()/send()/throw().
#pragma once

#include "interp/frame.h"
#include "runtime/object.h"

namespace kestrel {

struct Generator : Object {
  Frame* frame;       // malloc'd (counted by the GC), freed by the finalizer
  size_t frame_bytes;
  Function* func;
  Str* name;
  Str* qualname;
  bool started;
  bool running;
  bool finished;
};

Generator* generator_new(Function* fn);
// send(v) for the interpreter's SEND: returns the yielded value (*yielded =
// true) or the return value (*yielded = false). Exceptions propagate.
Value generator_send(Value gen, Value v, bool* yielded);
void generator_mark_finished(Frame* f);
void init_generator_type();

}  // namespace kestrel
