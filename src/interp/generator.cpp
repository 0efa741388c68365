// Generators: next/send/throw/close over a frame that outlives its calls.
#include "interp/generator.h"

#include <cstring>

#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

Value resume_generator_frame(Frame* f, Value send_value, Value throw_exc, bool* yielded);
void trace_frame(Frame* f, Tracer& tracer);

Generator* generator_new(Function* fn) {
  Code* code = fn->code;
  size_t bytes = Frame::size_for(code);
  auto* frame = static_cast<Frame*>(gc_malloc_external(bytes));
  std::memset(static_cast<void*>(frame), 0, bytes);
  Generator* g = gc_new<Generator>(generator_type);
  g->frame = frame;
  g->frame_bytes = bytes;
  g->func = fn;
  g->name = fn->name;
  g->qualname = fn->qualname;
  frame->code = code;
  frame->func = fn;
  frame->globals = fn->globals;
  frame->builtins = fn->builtins;
  frame->ip = code->code;
  frame->sp = frame->stack_base();
  frame->flags = kFrameGenerator;
  frame->gen = g;
  return g;
}

void generator_mark_finished(Frame* f) {
  if (f->gen) static_cast<Generator*>(f->gen)->finished = true;
}

static Value gen_resume(Generator* g, Value v, Value throw_exc, bool* yielded) {
  if (g->running) raise_value_error("generator already executing");
  if (g->finished) {
    *yielded = false;
    if (!throw_exc.empty()) raise_exception(throw_exc);
    return Value();
  }
  if (!g->started && !is_none(v) && !v.empty() && throw_exc.empty())
    raise_type_error("can't send non-None value to a just-started generator");
  Value send = g->started ? v : Value();
  g->started = true;
  g->running = true;
  Value r;
  try {
    r = resume_generator_frame(g->frame, send, throw_exc, yielded);
  } catch (PyException& e) {
    g->running = false;
    g->finished = true;
    // A StopIteration escaping a generator becomes RuntimeError (PEP 479).
    if (is_instance(e.exc, stop_iteration_type)) {
      Value msg(str_new("generator raised StopIteration"));
      Value err = exception_new(runtime_error_type, &msg, 1);
      err.as<ExceptionObject>()->cause = e.exc;
      err.as<ExceptionObject>()->context = e.exc;
      raise_exception(err);
    }
    throw;
  }
  g->running = false;
  if (!*yielded) g->finished = true;
  return r;
}

Value generator_send(Value gen, Value v, bool* yielded) {
  Value r = gen_resume(gen.as<Generator>(), v, Value(), yielded);
  if (!*yielded && r.empty()) r = none();
  return r;
}

static Value gen_next(Value self) {
  bool yielded;
  Value r = gen_resume(self.as<Generator>(), none(), Value(), &yielded);
  if (yielded) return r;
  if (!r.empty() && !is_none(r)) raise_stop_iteration(r);
  return Value();
}

static Value gen_iter(Value self) { return self; }

static Value gen_send_method(Value* args, size_t nargs, Tuple*) {
  check_nargs("send", nargs, 2, 2);
  bool yielded;
  Value r = gen_resume(args[0].as<Generator>(), args[1], Value(), &yielded);
  if (yielded) return r;
  raise_stop_iteration(r.empty() || is_none(r) ? Value() : r);
}

static Value gen_throw_method(Value* args, size_t nargs, Tuple*) {
  check_nargs("throw", nargs, 2, 4);
  Value typ = args[1];
  Value exc;
  if (is_type(typ)) {
    if (nargs >= 3 && !is_none(args[2])) {
      exc = is_exception(args[2]) ? args[2] : py_call1(typ, args[2]);
    } else {
      exc = py_call0(typ);
    }
  } else if (is_exception(typ)) {
    exc = typ;
  } else {
    raise_type_error("exceptions must be classes or instances deriving from BaseException, not " +
                     type_name_str(typ));
  }
  Generator* g = args[0].as<Generator>();
  if (!g->started) {
    g->finished = true;
    raise_exception(exc);
  }
  bool yielded;
  Value r = gen_resume(g, Value(), exc, &yielded);
  if (yielded) return r;
  raise_stop_iteration(r.empty() || is_none(r) ? Value() : r);
}

static Value gen_close_method(Value* args, size_t nargs, Tuple*) {
  check_nargs("close", nargs, 1, 1);
  Generator* g = args[0].as<Generator>();
  if (g->finished || !g->started) {
    g->finished = true;
    return none();
  }
  Value exc = exception_new(generator_exit_type, nullptr, 0);
  bool yielded;
  try {
    gen_resume(g, Value(), exc, &yielded);
  } catch (PyException& e) {
    if (is_instance(e.exc, generator_exit_type) || is_instance(e.exc, stop_iteration_type)) return none();
    throw;
  }
  if (yielded) raise(runtime_error_type, "generator ignored GeneratorExit");
  return none();
}

static Value gen_repr(Value self) {
  Generator* g = self.as<Generator>();
  char buf[32];
  snprintf(buf, sizeof buf, "%p", static_cast<void*>(self.obj()));
  return Value(str_new("<generator object " + str_to_utf8(g->qualname) + " at " + buf + ">"));
}

static void gen_trace(Object* obj, Tracer& tracer) {
  Generator* g = static_cast<Generator*>(obj);
  tracer.mark(g->func);
  tracer.mark(g->name);
  tracer.mark(g->qualname);
  if (g->frame) trace_frame(g->frame, tracer);
}

static void gen_finalize(Object* obj) {
  Generator* g = static_cast<Generator*>(obj);
  if (g->frame) gc_free_external(g->frame, g->frame_bytes);
  g->frame = nullptr;
}

static Value gen_get_name(Value self) { return Value(self.as<Generator>()->name); }
static Value gen_get_qualname(Value self) { return Value(self.as<Generator>()->qualname); }

void init_generator_type() {
  Type* t = generator_type;
  t->instance_size = sizeof(Generator);
  t->iter = gen_iter;
  t->next = gen_next;
  t->repr = gen_repr;
  t->trace = gen_trace;
  t->finalize = gen_finalize;
  add_method(t, "send", gen_send_method);
  add_method(t, "throw", gen_throw_method);
  add_method(t, "close", gen_close_method);
  add_getter(t, "__name__", gen_get_name);
  add_getter(t, "__qualname__", gen_get_qualname);
  add_slot_wrappers(t);
}

}  // namespace kestrel
