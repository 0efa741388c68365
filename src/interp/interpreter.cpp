// The bytecode interpreter: a direct-threaded dispatch loop (computed goto)
// over one frame at a time. Python-to-Python calls push a frame on the VM
// stack and continue in the same loop; a Python exception is a C++
// PyException that the loop catches and routes through the code object's
// exception table (CPython 3.11's zero-cost scheme).
#include "interp/interpreter.h"

#include <sys/mman.h>

#include <cstring>
#include <string>

#include "interp/frame.h"
#include "interp/generator.h"
#include "interp/semantics.h"
#include "jit/jit.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/layout.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type_internal.h"

namespace kestrel {

ThreadState g_thread;
// Set by RERAISE and bare `raise` just before throwing: the unwinder must not
// add a traceback entry for the frame that re-raises.
static bool g_reraising = false;

InterpreterOptions g_interpreter_options;

// ------------------------------------------------------------ the VM stack

namespace {
// Reserved once, committed by the kernel as it is touched. 1000 frames of
// even large functions fit easily; the recursion limit is checked first.
constexpr size_t kVmStackBytes = size_t(256) << 20;
char* g_vm_stack = nullptr;
char* g_vm_top = nullptr;
char* g_vm_end = nullptr;

void scan_frames(Tracer& tracer);
}  // namespace

static Frame* push_frame(Code* code) {
  if (g_thread.depth >= interpreter_options().recursion_limit)
    raise(recursion_error_type, "maximum recursion depth exceeded");
  size_t size = Frame::size_for(code);
  if (g_vm_top + size > g_vm_end) raise(recursion_error_type, "maximum recursion depth exceeded");
  auto* f = reinterpret_cast<Frame*>(g_vm_top);
  std::memset(static_cast<void*>(f), 0, size);
  g_vm_top += size;
  f->code = code;
  f->ip = code->code;
  f->sp = f->stack_base();
  g_thread.depth++;
  return f;
}

static void pop_frame(Frame* f) {
  g_thread.depth--;
  if (!(f->flags & kFrameGenerator)) g_vm_top = reinterpret_cast<char*>(f);
}

// ------------------------------------------------------------ argument binding

static std::string fn_name(Function* fn) { return str_to_utf8(fn->qualname); }

static void missing_args_error(Function* fn, const std::vector<std::string>& missing, bool kwonly) {
  std::string list;
  for (size_t i = 0; i < missing.size(); ++i) {
    if (i) list += (i + 1 == missing.size()) ? (missing.size() > 2 ? ", and " : " and ") : ", ";
    list += "'" + missing[i] + "'";
  }
  raise_type_error(fn_name(fn) + "() missing " + std::to_string(missing.size()) + " required " +
                   (kwonly ? "keyword-only" : "positional") + " argument" +
                   (missing.size() == 1 ? "" : "s") + ": " + list);
}

// Binds call arguments into the frame's locals (CPython's
// _PyEval_MakeFrameVector logic and messages).
static void bind_arguments(Function* fn, Value* locals, Value* args, size_t nargs, Tuple* kwnames) {
  Code* co = fn->code;
  uint32_t argcount = co->argcount;
  uint32_t total_args = argcount + co->kwonlyargcount;
  bool has_varargs = co->flags & kCoVarargs;
  bool has_varkw = co->flags & kCoVarkeywords;
  uint32_t varargs_slot = total_args;
  uint32_t varkw_slot = total_args + (has_varargs ? 1 : 0);
  Dict* kwdict = nullptr;
  if (has_varkw) {
    kwdict = dict_new();
    locals[varkw_slot] = Value(kwdict);
  }
  size_t npos = nargs < argcount ? nargs : argcount;
  for (size_t i = 0; i < npos; ++i) locals[i] = args[i];
  if (has_varargs) {
    locals[varargs_slot] = nargs > argcount
                               ? Value(tuple_from(args + argcount, int64_t(nargs - argcount)))
                               : Value(empty_tuple());
  } else if (nargs > argcount) {
    uint32_t ndefaults = fn->defaults ? uint32_t(fn->defaults->size) : 0;
    size_t kw_given = 0;
    if (kwnames)
      for (int64_t k = 0; k < kwnames->size; ++k) {
        Str* kw = kwnames->items[k].as<Str>();
        for (uint32_t j = argcount; j < total_args; ++j)
          if (str_equal(co->localsplus_names->items[j].as<Str>(), kw)) kw_given++;
      }
    std::string takes;
    if (ndefaults)
      takes = "from " + std::to_string(argcount - ndefaults) + " to " + std::to_string(argcount);
    else
      takes = std::to_string(argcount);
    std::string msg = fn_name(fn) + "() takes " + takes + " positional argument" +
                      (argcount == 1 && !ndefaults ? "" : "s") + " but " + std::to_string(nargs);
    if (kw_given)
      msg += " positional argument" + std::string(nargs == 1 ? "" : "s") + " (and " +
             std::to_string(kw_given) + " keyword-only argument" + (kw_given == 1 ? "" : "s") +
             ") were given";
    else
      msg += std::string(nargs == 1 ? " was" : " were") + " given";
    raise_type_error(msg);
  }
  if (kwnames) {
    Value* kwvals = args + nargs;
    for (int64_t k = 0; k < kwnames->size; ++k) {
      Str* kw = kwnames->items[k].as<Str>();
      uint32_t j = co->posonlyargcount;
      for (; j < total_args; ++j) {
        Str* pname = co->localsplus_names->items[j].as<Str>();
        if (pname == kw || str_equal(pname, kw)) break;
      }
      if (j < total_args) {
        if (!locals[j].empty())
          raise_type_error(fn_name(fn) + "() got multiple values for argument '" + str_to_utf8(kw) +
                           "'");
        locals[j] = kwvals[k];
        continue;
      }
      if (kwdict) {
        dict_set(kwdict, Value(kw), kwvals[k]);
        continue;
      }
      bool posonly = false;
      for (uint32_t p = 0; p < co->posonlyargcount; ++p)
        if (str_equal(co->localsplus_names->items[p].as<Str>(), kw)) posonly = true;
      if (posonly) {
        // Name every positional-only parameter passed by keyword, as CPython does.
        std::string list;
        for (int64_t k2 = 0; k2 < kwnames->size; ++k2)
          for (uint32_t p = 0; p < co->posonlyargcount; ++p)
            if (str_equal(co->localsplus_names->items[p].as<Str>(), kwnames->items[k2].as<Str>()))
              list += (list.empty() ? "" : ", ") + str_to_utf8(kwnames->items[k2].as<Str>());
        raise_type_error(fn_name(fn) +
                         "() got some positional-only arguments passed as keyword arguments: '" +
                         list + "'");
      }
      raise_type_error(fn_name(fn) + "() got an unexpected keyword argument '" + str_to_utf8(kw) +
                       "'");
    }
  }
  // Defaults for missing positional parameters.
  if (nargs < argcount) {
    uint32_t ndefaults = fn->defaults ? uint32_t(fn->defaults->size) : 0;
    uint32_t first_default = argcount - ndefaults;
    std::vector<std::string> missing;
    for (uint32_t i = uint32_t(nargs); i < argcount; ++i) {
      if (!locals[i].empty()) continue;
      if (i >= first_default)
        locals[i] = fn->defaults->items[i - first_default];
      else
        missing.push_back(str_to_utf8(co->localsplus_names->items[i].as<Str>()));
    }
    if (!missing.empty()) missing_args_error(fn, missing, false);
  }
  if (co->kwonlyargcount) {
    std::vector<std::string> missing;
    for (uint32_t i = argcount; i < total_args; ++i) {
      if (!locals[i].empty()) continue;
      Str* name = co->localsplus_names->items[i].as<Str>();
      Value d = fn->kwdefaults ? dict_get_str(fn->kwdefaults, name) : Value();
      if (!d.empty())
        locals[i] = d;
      else
        missing.push_back(str_to_utf8(name));
    }
    if (!missing.empty()) missing_args_error(fn, missing, true);
  }
}

static Frame* make_function_frame(Function* fn, Value* args, size_t nargs, Tuple* kwnames) {
  Code* co = fn->code;
  Frame* f = push_frame(co);
  f->func = fn;
  f->globals = fn->globals;
  f->builtins = g_thread.builtins;
  try {
    if (!kwnames && nargs == co->argcount && !(co->flags & (kCoVarargs | kCoVarkeywords)) &&
        !co->kwonlyargcount) {
      for (size_t i = 0; i < nargs; ++i) f->slots[i] = args[i];
    } else {
      bind_arguments(fn, f->slots, args, nargs, kwnames);
    }
  } catch (...) {
    pop_frame(f);
    throw;
  }
  return f;
}

// ------------------------------------------------------------ helpers

[[noreturn]] static void name_error(Str* name) {
  // CPython 3.11 records the name (NameError.name; the "Did you mean" hint uses it).
  Value m(str_new("name '" + str_to_utf8(name) + "' is not defined"));
  Value exc = exception_new(name_error_type, &m, 1);
  static Str* const name_attr = intern("name");
  instance_set_attr(exc.obj(), name_attr, Value(name));
  raise_exception(exc);
}

// How CPython names a callable in call errors ("__main__.f()", "print()").
static std::string function_str(Value callable) {
  Value qual = py_getattr_opt(callable, intern("__qualname__"));
  if (qual.empty() || !is_str(qual)) return str_to_utf8(py_str(callable).as<Str>());
  Value mod = py_getattr_opt(callable, intern("__module__"));
  std::string q = str_to_utf8(qual.as<Str>()) + "()";
  if (!mod.empty() && is_str(mod) && !str_equal_ascii(mod.as<Str>(), "builtins"))
    return str_to_utf8(mod.as<Str>()) + "." + q;
  return q;
}

[[noreturn]] static void unbound_local(Frame* f, uint32_t i) {
  Str* name = f->code->localsplus_names->items[i].as<Str>();
  uint8_t kind = (*f->code->proto)->localsplus_kinds[i];
  if (kind & (kFastCell | kFastFree))
    raise(name_error_type, "cannot access free variable '" + str_to_utf8(name) +
                               "' where it is not associated with a value in enclosing scope");
  raise(unbound_local_error_type, "cannot access local variable '" + str_to_utf8(name) +
                                      "' where it is not associated with a value");
}

static Value load_global(Frame* f, Str* name, InlineCache* cache) {
  Dict* g = f->globals;
  Dict* b = f->builtins;
  if (cache->key1 == g->version && cache->key2 == b->version && !cache->value.empty())
    return cache->value;
  Value v = dict_get_str(g, name);
  if (v.empty()) {
    v = dict_get_str(b, name);
    if (v.empty()) name_error(name);
  }
  cache->key1 = g->version;
  cache->key2 = b->version;
  cache->value = v;
  return v;
}

static Value load_name(Frame* f, Str* name) {
  if (!f->locals.empty()) {
    Value v;
    if (is_exact(f->locals, dict_type) || is_dict(f->locals)) {
      v = dict_get_str(f->locals.as<Dict>(), name);
      if (v.empty() && type_of(f->locals) != dict_type) {
        try {
          v = py_getitem(f->locals, Value(name));
        } catch (PyException& e) {
          if (!is_instance(e.exc, key_error_type)) throw;
          v = Value();
        }
      }
    } else {
      try {
        v = py_getitem(f->locals, Value(name));
      } catch (PyException& e) {
        if (!is_instance(e.exc, key_error_type)) throw;
      }
    }
    if (!v.empty()) return v;
  }
  Value v = dict_get_str(f->globals, name);
  if (!v.empty()) return v;
  v = dict_get_str(f->builtins, name);
  if (!v.empty()) return v;
  name_error(name);
}

static void store_name(Frame* f, Str* name, Value v) {
  if (f->locals.empty()) {
    dict_set_str(f->globals, name, v);
  } else if (type_of(f->locals) == dict_type) {
    dict_set_str(f->locals.as<Dict>(), name, v);
  } else {
    py_setitem(f->locals, Value(name), v);
  }
}

// LOAD_ATTR with a per-instruction cache for instance attributes stored in
// a layout slot: "same layout => same slot".
static Value load_attr(Value obj, Str* name, InlineCache* cache) {
  if (obj.is_object()) {
    Type* t = obj.obj()->type;
    if (t->attrs_offset && !t->getattr) {
      InstanceAttrs* a = attrs_of(obj.obj());
      if (a->layout && uint64_t(uintptr_t(a->layout)) == cache->key1 && t->version == cache->key2)
        return a->slots[cache->index];
      Value v = generic_getattr(obj, name);
      if (v.empty()) raise_attribute_error(obj, name);
      // Cache only plain instance-slot hits that no data descriptor shadows.
      if (a->layout && !a->layout->dictionary_mode) {
        int i = a->layout->find(name);
        if (i >= 0 && a->slots[i] == v) {
          Value d = type_lookup(t, name);
          if (d.empty() || !type_of(d)->descr_set) {
            cache->key1 = uint64_t(uintptr_t(a->layout));
            cache->key2 = t->version;
            cache->index = uint32_t(i);
          }
        }
      }
      return v;
    }
  }
  return py_getattr(obj, name);
}

// LOAD_METHOD: push [method, self] when the attribute is a plain function
// found on the class (no bound-method allocation), else [NULL, attr].
static void load_method(Value obj, Str* name, Value* out_meth, Value* out_self) {
  Type* t = type_of(obj);
  if (!t->getattr || t == module_type) {
    if (t != module_type) {
      Value f = type_lookup(t, name);
      if (!f.empty()) {
        Type* ft = type_of(f);
        bool is_method = ft == function_type || (ft == builtin_function_type &&
                                                 f.as<BuiltinFunction>()->kind == kBuiltinMethod &&
                                                 f.as<BuiltinFunction>()->self.empty());
        if (is_method) {
          bool shadowed = false;
          if (obj.is_object() && t->attrs_offset)
            shadowed = !instance_get_attr(obj.obj(), name).empty();
          if (!shadowed) {
            *out_meth = f;
            *out_self = obj;
            return;
          }
        }
      }
    }
  }
  *out_meth = Value();
  *out_self = py_getattr(obj, name);
}

Value build_fstring_value(Value v, int flags, Value spec) {
  switch (flags & 3) {
    case 1:
      v = py_str(v);
      break;
    case 2:
      v = py_repr(v);
      break;
    case 3:
      v = str_ascii_of(v);
      break;
    default:
      break;
  }
  if (spec.empty() && is_exact(v, str_type)) return v;
  return py_format(v, spec.empty() ? Value(intern("")) : spec);
}

static bool exception_matches(Value exc, Value match) {
  if (is_tuple(match)) {
    Tuple* t = match.as<Tuple>();
    for (int64_t i = 0; i < t->size; ++i)
      if (exception_matches(exc, t->items[i])) return true;
    return false;
  }
  if (!is_type(match) || !is_subtype(match.as<Type>(), base_exception_type))
    raise_type_error("catching classes that do not inherit from BaseException is not allowed");
  return is_instance(exc, match.as<Type>());
}

// Normalises the operand of `raise X`: a class is instantiated.
static Value make_exception(Value v) {
  if (is_type(v) && is_subtype(v.as<Type>(), base_exception_type)) {
    Value e = py_call0(v);
    if (!is_exception(e))
      raise_type_error("calling " + repr_utf8(v) +
                       " should have returned an instance of BaseException, not " +
                       type_name_str(e));
    return e;
  }
  if (is_exception(v)) return v;
  raise_type_error("exceptions must derive from BaseException");
}

static void unpack_iterable(Value seq, int before, int after, bool star, Value* out_top) {
  // Writes items so that out_top[-1] is the first item (stack order).
  ValueVector items;
  if (is_exact(seq, tuple_type) || is_exact(seq, list_type)) {
    int64_t n = is_exact(seq, tuple_type) ? seq.as<Tuple>()->size : seq.as<List>()->size;
    Value* src = is_exact(seq, tuple_type) ? seq.as<Tuple>()->items : seq.as<List>()->items;
    for (int64_t i = 0; i < n; ++i) items.push_back(src[i]);
  } else {
    Value it;
    try {
      it = py_iter(seq);
    } catch (PyException& e) {
      if (is_instance(e.exc, type_error_type) && !type_of(seq)->iter && !type_of(seq)->getitem)
        raise_type_error("cannot unpack non-iterable " + type_name_str(seq) + " object");
      throw;
    }
    for (Value x = py_next(it); !x.empty(); x = py_next(it)) {
      items.push_back(x);
      if (!star && int(items.size()) > before) break;
    }
  }
  int64_t n = int64_t(items.size());
  if (!star) {
    if (n < before)
      raise_value_error("not enough values to unpack (expected " + std::to_string(before) +
                        ", got " + std::to_string(n) + ")");
    if (n > before) {
      if (is_exact(seq, tuple_type) || is_exact(seq, list_type))
        raise_value_error("too many values to unpack (expected " + std::to_string(before) + ")");
      raise_value_error("too many values to unpack (expected " + std::to_string(before) + ")");
    }
    for (int i = 0; i < before; ++i) out_top[-1 - i] = items[size_t(i)];
    return;
  }
  if (n < before + after)
    raise_value_error("not enough values to unpack (expected at least " +
                      std::to_string(before + after) + ", got " + std::to_string(n) + ")");
  int k = 0;
  for (int i = 0; i < before; ++i) out_top[-1 - k++] = items[size_t(i)];
  List* mid = list_from(items.data() + before, n - before - after);
  out_top[-1 - k++] = Value(mid);
  for (int i = 0; i < after; ++i) out_top[-1 - k++] = items[size_t(n - after + i)];
}

// ------------------------------------------------------------ calls

Value call_function(Function* fn, Value* args, size_t nargs, Tuple* kwnames);
static Value run_frame(Frame* entry, Value throw_exc = Value());

Value call_function(Function* fn, Value* args, size_t nargs, Tuple* kwnames) {
  if (fn->code->flags & kCoGenerator) {
    // Arguments are bound straight into the generator's own heap frame.
    Generator* g = generator_new(fn);
    Frame* f = g->frame;
    bind_arguments(fn, f->slots, args, nargs, kwnames);
    return Value(g);
  }
  if (fn->code->jit_function && !kwnames && nargs == fn->code->argcount)
    return jit::run_function_trace(fn, args);
  Frame* f = make_function_frame(fn, args, nargs, kwnames);
  f->flags |= kFrameEntry;
  f->back = g_thread.current;
  return run_frame(f);
}

Frame* push_call_frame(Function* fn, Value* args, size_t nargs) {
  return make_function_frame(fn, args, nargs, nullptr);
}
Frame* push_blank_frame(Function* fn) {
  Frame* f = push_frame(fn->code);
  f->func = fn;
  f->globals = fn->globals;
  f->builtins = g_thread.builtins;
  return f;
}
void pop_call_frame(Frame* f) { pop_frame(f); }

Value run_code(Code* code, Dict* globals, Value locals, Function* func) {
  Frame* f = push_frame(code);
  f->func = func;
  f->globals = globals;
  f->builtins = g_thread.builtins;
  f->locals = locals;
  f->flags |= kFrameEntry;
  f->back = g_thread.current;
  return run_frame(f);
}

// Resumes a generator frame. Returns the yielded or returned value; sets
// *yielded to tell them apart.
Value resume_generator_frame(Frame* f, Value send_value, Value throw_exc, bool* yielded) {
  if (g_thread.depth >= interpreter_options().recursion_limit)
    raise(recursion_error_type, "maximum recursion depth exceeded");
  g_thread.depth++;
  f->back = g_thread.current;
  f->flags |= kFrameEntry;
  f->flags &= ~kFrameYielded;
  if (!send_value.empty()) *f->sp++ = send_value;
  Value r = run_frame(f, throw_exc);
  *yielded = (f->flags & kFrameYielded) != 0;
  return r;
}

// The frame being executed when a builtin needs it (super(), globals()).
Value super_zero_arg_state(Value* type_out, Value* obj_out) {
  Frame* f = g_thread.current;
  if (!f || f->code->argcount == 0) raise(runtime_error_type, "super(): no arguments");
  Value first = f->slots[0];
  if (first.is_object() && type_of(first) == cell_type) first = first.as<Cell>()->value;
  if (first.empty()) raise(runtime_error_type, "super(): arg[0] deleted");
  Code* co = f->code;
  for (uint32_t i = 0; i < co->nlocalsplus; ++i) {
    Str* n = co->localsplus_names->items[i].as<Str>();
    if (str_equal_ascii(n, "__class__")) {
      Value cell = f->slots[i];
      if (cell.is_object() && type_of(cell) == cell_type) {
        Value t = cell.as<Cell>()->value;
        if (t.empty()) raise(runtime_error_type, "super(): empty __class__ cell");
        *type_out = t;
        *obj_out = first;
        return t;
      }
    }
  }
  raise(runtime_error_type, "super(): __class__ cell not found");
}

Value current_globals() {
  Frame* f = g_thread.current;
  return f ? Value(f->globals) : none();
}
Value current_locals() {
  Frame* f = g_thread.current;
  if (!f) return none();
  if (!f->locals.empty()) return f->locals;
  if (!f->func) return Value(f->globals);  // module level: locals() is globals()
  Dict* d = dict_new();
  Code* co = f->code;
  for (uint32_t i = 0; i < co->nlocalsplus; ++i) {
    Value v = f->slots[i];
    if (v.is_object() && type_of(v) == cell_type &&
        ((*co->proto)->localsplus_kinds[i] & (kFastCell | kFastFree)))
      v = v.as<Cell>()->value;
    if (!v.empty()) dict_set(d, co->localsplus_names->items[i], v);
  }
  return Value(d);
}
Value current_handled_exception() { return g_thread.handled.empty() ? none() : g_thread.handled; }

// ------------------------------------------------------------ exceptions

static const ExceptionEntry* find_handler(Code* code, uint32_t lasti) {
  const auto& table = (*code->proto)->exception_table;
  for (const ExceptionEntry& e : table)
    if (lasti >= e.start && lasti < e.end) return &e;
  return nullptr;
}

// Unwinds from the current frame to the innermost handler. Returns the frame
// to continue in, or rethrows once the entry frame has no handler.
static Frame* unwind(Frame* entry, Value exc) {
  Frame* f = g_thread.current;
  bool add_traceback = !g_reraising;
  g_reraising = false;
  for (;;) {
    uint32_t lasti = f->lasti();
    if (is_exception(exc) && add_traceback) {
      ExceptionObject* e = exc.as<ExceptionObject>();
      // Implicit chaining: raised while another exception was being handled.
      if (!e->traceback && e->context.empty() && !g_thread.handled.empty() &&
          g_thread.handled != exc)
        e->context = g_thread.handled;
      exception_add_traceback(exc, f->code, lasti);
    }
    const ExceptionEntry* h = find_handler(f->code, lasti);
    if (h) {
      Value* sp = f->stack_base() + h->depth;
      if (h->push_lasti) *sp++ = Value::small(lasti);
      *sp++ = exc;
      f->sp = sp;
      f->ip = f->code->code + h->target;
      return f;
    }
    add_traceback = true;  // outer frames always get an entry
    Frame* back = f->back;
    bool is_entry = f == entry;
    if (f->flags & kFrameGenerator) generator_mark_finished(f);
    pop_frame(f);
    g_thread.current = back;
    if (is_entry) raise_exception(exc);
    f = back;
  }
}

// ------------------------------------------------------------ the loop

static Value execute(Frame* f, Frame* entry);

// Runs from frame `f` (entry itself, or a frame above it) until `entry`
// returns; `saved` becomes the current frame again afterwards.
static Value run_frames(Frame* entry, Frame* f, Frame* saved, Value throw_exc) {
  if (!throw_exc.empty()) {
    try {
      raise_exception(throw_exc);
    } catch (PyException& e) {
      f = unwind(entry, e.exc);
    }
  }
  for (;;) {
    try {
      Value r = execute(f, entry);
      g_thread.current = saved;
      return r;
    } catch (PyException& e) {
      if (e.exc.empty()) throw;  // (MemoryError before the runtime exists)
      try {
        f = unwind(entry, e.exc);
      } catch (PyException&) {
        g_thread.current = saved;
        throw;
      }
    }
  }
}

static Value run_frame(Frame* entry, Value throw_exc) {
  Frame* saved = g_thread.current;
  g_thread.current = entry;
  return run_frames(entry, entry, saved, throw_exc);
}

Value resume_frames(Frame* entry, Value throw_exc) {
  entry->flags |= kFrameEntry;
  return run_frames(entry, g_thread.current, entry->back, throw_exc);
}

#define DISPATCH()                    \
  do {                                \
    f->ip = ip;                       \
    instr = *ip++;                    \
    goto* kDispatch[int(instr.op())]; \
  } while (0)
#define TARGET(name) op_##name:
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define ARG() (instr.arg())
#define JUMP_TO(target) (ip = code_start + (target))
// Re-load the frame registers after switching frames.
#define LOAD_FRAME()              \
  do {                            \
    code = f->code;               \
    code_start = code->code;      \
    ip = f->ip;                   \
    sp = f->sp;                   \
    locals = f->slots;            \
    consts = code->consts->items; \
    names_ = code->names->items;  \
    caches = code->caches;        \
  } while (0)
#define SAVE_SP() (f->sp = sp)

static Value execute(Frame* f, Frame* entry) {
  static void* const kDispatch[] = {
#define OPCODE(name, kind) &&op_##name,
#include "bytecode/opcodes.def"
#undef OPCODE
  };
  InterpCx cx;
  Code* code;
  const Instr* code_start;
  const Instr* ip;
  Value* sp;
  Value* locals;
  Value* consts;
  Value* names_;
  InlineCache* caches;
  Instr instr;
  LOAD_FRAME();
  DISPATCH();

  TARGET(NOP) { DISPATCH(); }
  TARGET(POP_TOP) {
    --sp;
    DISPATCH();
  }
  TARGET(PUSH_NULL) {
    PUSH(Value());
    DISPATCH();
  }
  TARGET(COPY) {
    Value v = sp[-int(ARG())];
    PUSH(v);
    DISPATCH();
  }
  TARGET(SWAP) {
    Value t = TOP();
    TOP() = sp[-int(ARG())];
    sp[-int(ARG())] = t;
    DISPATCH();
  }
  TARGET(UNARY_POSITIVE) {
    TOP() = py_positive(TOP());
    DISPATCH();
  }
  TARGET(UNARY_NEGATIVE) {
    Value v = TOP();
    if (v.is_small() && v.small_value() != Value::kSmallMin)
      TOP() = Value::small(-v.small_value());
    else
      TOP() = py_negative(v);
    DISPATCH();
  }
  TARGET(UNARY_NOT) {
    SAVE_SP();
    TOP() = cx.box_bool(!op_truth(cx, TOP()));
    DISPATCH();
  }
  TARGET(UNARY_INVERT) {
    TOP() = py_invert(TOP());
    DISPATCH();
  }
  TARGET(BINARY_OP) {
    Value b = POP();
    Value a = TOP();
    SAVE_SP();
    TOP() = op_binary(cx, a, b, int(ARG()));
    DISPATCH();
  }
  TARGET(COMPARE_OP) {
    Value b = POP();
    Value a = TOP();
    SAVE_SP();
    TOP() = op_compare(cx, a, b, int(ARG()));
    DISPATCH();
  }
  TARGET(IS_OP) {
    Value b = POP();
    bool r = TOP() == b;
    TOP() = py_bool(ARG() ? !r : r);
    DISPATCH();
  }
  TARGET(CONTAINS_OP) {
    Value container = POP();
    SAVE_SP();
    bool r = py_contains(container, TOP());
    TOP() = py_bool(ARG() ? !r : r);
    DISPATCH();
  }
  TARGET(BINARY_SUBSCR) {
    Value key = POP();
    SAVE_SP();
    TOP() = op_subscr(cx, TOP(), key);
    DISPATCH();
  }
  TARGET(STORE_SUBSCR) {
    Value key = sp[-1], container = sp[-2], v = sp[-3];
    sp -= 3;
    SAVE_SP();
    op_store_subscr(cx, container, key, v);
    DISPATCH();
  }
  TARGET(DELETE_SUBSCR) {
    Value key = sp[-1], container = sp[-2];
    sp -= 2;
    SAVE_SP();
    py_delitem(container, key);
    DISPATCH();
  }
  TARGET(BUILD_SLICE) {
    Value step = ARG() == 3 ? POP() : none();
    Value stop = POP();
    SAVE_SP();
    TOP() = Value(slice_new(TOP(), stop, step));
    DISPATCH();
  }
  TARGET(GET_ITER) {
    SAVE_SP();
    TOP() = py_iter(TOP());
    DISPATCH();
  }
  TARGET(FOR_ITER) {
    SAVE_SP();
    Value v = op_for_iter(cx, TOP());
    if (v.empty()) {
      --sp;
      JUMP_TO(ARG());
    } else {
      PUSH(v);
    }
    DISPATCH();
  }
  TARGET(JUMP_FORWARD) {
    JUMP_TO(ARG());
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD) {
    // Hot-loop counting for the tracing JIT: one counter per back-edge.
    uint32_t backedge = uint32_t(ip - 1 - code_start);
    JUMP_TO(ARG());
    if (++caches[backedge].counter >= jit::g_jit_threshold) {
      f->ip = ip;
      SAVE_SP();
      // The JIT records, compiles or runs the loop from its header; it
      // hands the frame back stopped wherever the interpreter continues.
      // It may also leave the interpreter in a callee the trace had inlined.
      if (jit::on_hot_loop(f, &caches[backedge], backedge)) {
        f = g_thread.current;
        LOAD_FRAME();
      }
    }
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
    JUMP_TO(ARG());
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_FALSE) {
    Value v = POP();
    SAVE_SP();
    if (!op_truth(cx, v)) JUMP_TO(ARG());
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_TRUE) {
    Value v = POP();
    SAVE_SP();
    if (op_truth(cx, v)) JUMP_TO(ARG());
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NONE) {
    if (is_none(POP())) JUMP_TO(ARG());
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NOT_NONE) {
    if (!is_none(POP())) JUMP_TO(ARG());
    DISPATCH();
  }
  TARGET(JUMP_IF_FALSE_OR_POP) {
    SAVE_SP();
    if (!py_truthy(TOP()))
      JUMP_TO(ARG());
    else
      --sp;
    DISPATCH();
  }
  TARGET(JUMP_IF_TRUE_OR_POP) {
    SAVE_SP();
    if (py_truthy(TOP()))
      JUMP_TO(ARG());
    else
      --sp;
    DISPATCH();
  }
  TARGET(RETURN_VALUE) {
    Value result = POP();
    if (f->flags & kFrameGenerator) {
      f->sp = sp;
      generator_mark_finished(f);
    }
    Frame* back = f->back;
    if (f == entry) {
      pop_frame(f);
      g_thread.current = back;
      return result;
    }
    pop_frame(f);
    f = back;
    g_thread.current = f;
    LOAD_FRAME();
    ip++;  // the caller's ip is its CALL instruction
    PUSH(result);
    DISPATCH();
  }
  TARGET(LOAD_CONST) {
    PUSH(consts[ARG()]);
    DISPATCH();
  }
  TARGET(LOAD_NAME) {
    SAVE_SP();
    Value v = load_name(f, names_[ARG()].as<Str>());
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_NAME) {
    Value v = POP();
    SAVE_SP();
    store_name(f, names_[ARG()].as<Str>(), v);
    DISPATCH();
  }
  TARGET(DELETE_NAME) {
    SAVE_SP();
    Str* name = names_[ARG()].as<Str>();
    bool ok = f->locals.empty() ? dict_delete(f->globals, Value(name))
                                : (type_of(f->locals) == dict_type
                                       ? dict_delete(f->locals.as<Dict>(), Value(name))
                                       : (py_delitem(f->locals, Value(name)), true));
    if (!ok) name_error(name);
    DISPATCH();
  }
  TARGET(LOAD_GLOBAL) {
    SAVE_SP();
    Value v = load_global(f, names_[ARG()].as<Str>(), &caches[ip - 1 - code_start]);
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_GLOBAL) {
    Value v = POP();
    SAVE_SP();
    dict_set_str(f->globals, names_[ARG()].as<Str>(), v);
    DISPATCH();
  }
  TARGET(DELETE_GLOBAL) {
    SAVE_SP();
    if (!dict_delete(f->globals, names_[ARG()])) name_error(names_[ARG()].as<Str>());
    DISPATCH();
  }
  TARGET(LOAD_FAST) {
    Value v = locals[ARG()];
    if (v.empty()) {
      SAVE_SP();
      unbound_local(f, ARG());
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_FAST) {
    locals[ARG()] = POP();
    DISPATCH();
  }
  TARGET(DELETE_FAST) {
    if (locals[ARG()].empty()) {
      SAVE_SP();
      unbound_local(f, ARG());
    }
    locals[ARG()] = Value();
    DISPATCH();
  }
  TARGET(MAKE_CELL) {
    SAVE_SP();
    locals[ARG()] = Value(cell_new(locals[ARG()]));
    DISPATCH();
  }
  TARGET(COPY_FREE_VARS) {
    Tuple* closure = f->func ? f->func->closure : nullptr;
    uint32_t n = ARG();
    uint32_t offset = code->nlocalsplus - n;
    for (uint32_t i = 0; i < n; ++i) locals[offset + i] = closure ? closure->items[i] : Value();
    DISPATCH();
  }
  TARGET(LOAD_CLOSURE) {
    PUSH(locals[ARG()]);
    DISPATCH();
  }
  TARGET(LOAD_DEREF) {
    Value v = locals[ARG()].as<Cell>()->value;
    if (v.empty()) {
      SAVE_SP();
      unbound_local(f, ARG());
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_DEREF) {
    locals[ARG()].as<Cell>()->value = POP();
    DISPATCH();
  }
  TARGET(DELETE_DEREF) {
    Cell* c = locals[ARG()].as<Cell>();
    if (c->value.empty()) {
      SAVE_SP();
      unbound_local(f, ARG());
    }
    c->value = Value();
    DISPATCH();
  }
  TARGET(LOAD_CLASSDEREF) {
    SAVE_SP();
    Str* name = code->localsplus_names->items[ARG()].as<Str>();
    Value v;
    if (!f->locals.empty() && is_dict(f->locals)) v = dict_get_str(f->locals.as<Dict>(), name);
    if (v.empty()) {
      v = locals[ARG()].as<Cell>()->value;
      if (v.empty()) unbound_local(f, ARG());
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_ATTR) {
    SAVE_SP();
    TOP() = load_attr(TOP(), names_[ARG()].as<Str>(), &caches[ip - 1 - code_start]);
    DISPATCH();
  }
  TARGET(STORE_ATTR) {
    Value obj = sp[-1], v = sp[-2];
    sp -= 2;
    SAVE_SP();
    py_setattr(obj, names_[ARG()].as<Str>(), v);
    DISPATCH();
  }
  TARGET(DELETE_ATTR) {
    Value obj = POP();
    SAVE_SP();
    py_delattr(obj, names_[ARG()].as<Str>());
    DISPATCH();
  }
  TARGET(LOAD_METHOD) {
    SAVE_SP();
    Value meth, self;
    load_method(TOP(), names_[ARG()].as<Str>(), &meth, &self);
    TOP() = meth;
    PUSH(self);
    DISPATCH();
  }
  TARGET(CALL) {
    Tuple* kwnames = nullptr;
    uint32_t argc = ARG();
    goto do_call;
    TARGET(CALL_KW)
    kwnames = POP().as<Tuple>();
    argc = ARG();
  do_call : {
    Value* args = sp - argc;
    Value callable = args[-2];
    size_t nargs = argc - (kwnames ? size_t(kwnames->size) : 0);
    if (callable.empty()) {
      callable = args[-1];
    } else {
      args--;
      nargs++;
    }
    Value* result_slot = sp - argc - 2;
    if (callable.is_object() && callable.obj()->type == function_type &&
        !(callable.as<Function>()->code->flags & kCoGenerator)) {
      Function* fn = callable.as<Function>();
      Code* co = fn->code;
      if (co->jit_function && !kwnames && nargs == co->argcount) {
        // The JIT compiled a trace of this function (docs/jit.md).
        SAVE_SP();
        Value r = jit::run_function_trace(fn, args);
        sp = result_slot;
        PUSH(r);
        DISPATCH();
      }
      // f->ip stays on this CALL: exception handling and tracebacks see the
      // call site; RETURN_VALUE resumes the caller one instruction later.
      f->sp = result_slot;  // the callee's result is pushed here on return
      Frame* nf = make_function_frame(fn, args, nargs, kwnames);
      nf->back = f;
      f = nf;
      g_thread.current = f;
      // Function entries are counted for the JIT (recursive code gets
      // traces); it may record this call as it runs, and hands the frame
      // back wherever the interpreter continues.
      if (++co->jit_calls >= jit::g_jit_threshold && !kwnames) {
        jit::on_hot_function(f);
        f = g_thread.current;
      }
      LOAD_FRAME();
      DISPATCH();
    }
    SAVE_SP();
    Value r;
    BuiltinFunction* bf;
    if (callable.is_object() && callable.obj()->type == builtin_function_type &&
        (bf = callable.as<BuiltinFunction>())->self.empty() &&
        (bf->kind != kBuiltinMethod || !bf->owner ||
         (nargs > 0 && (type_of(args[0]) == bf->owner || is_instance(args[0], bf->owner))))) {
      g_current_builtin = callable.as<BuiltinFunction>();
      r = g_current_builtin->fn(args, nargs, kwnames);
    } else {
      r = py_call(callable, args, nargs, kwnames);
    }
    sp = result_slot;
    PUSH(r);
    DISPATCH();
  }
  }
  TARGET(CALL_FUNCTION_EX) {
    Value kwargs = (ARG() & 1) ? POP() : Value();
    Value callargs = POP();
    Value callable = POP();
    SAVE_SP();
    if (!type_of(callargs)->iter && !type_of(callargs)->getitem)
      raise_type_error(function_str(callable) + " argument after * must be an iterable, not " +
                       type_name_str(callargs));
    if (!is_exact(callargs, tuple_type)) callargs = Value(tuple_from_iterable(callargs));
    Tuple* pos = callargs.as<Tuple>();
    Value r;
    if (kwargs.empty() || (is_dict(kwargs) && kwargs.as<Dict>()->used == 0)) {
      r = py_call(callable, pos->items, size_t(pos->size));
    } else {
      if (!is_dict(kwargs))
        raise_type_error(function_str(callable) + " argument after ** must be a mapping, not " +
                         type_name_str(kwargs));
      Dict* kd = kwargs.as<Dict>();
      ValueVector all;
      for (int64_t i = 0; i < pos->size; ++i) all.push_back(pos->items[i]);
      Tuple* kwn = tuple_new(kd->used);
      int64_t p = 0, k = 0;
      Value key, val;
      while (dict_next(kd, &p, &key, &val)) {
        if (!is_str(key)) raise_type_error("keywords must be strings");
        kwn->items[k++] = Value(intern_str(key.as<Str>()));
        all.push_back(val);
      }
      r = py_call(callable, all.data(), size_t(pos->size), kwn);
    }
    --sp;  // the NULL below the callable
    PUSH(r);
    DISPATCH();
  }
  TARGET(MAKE_FUNCTION) {
    Value codev = POP();
    SAVE_SP();
    Function* fn = function_new(codev.as<Code>(), f->globals);
    fn->builtins = f->builtins;
    uint32_t flags = ARG();
    if (flags & 8) fn->closure = POP().as<Tuple>();
    if (flags & 4) (void)POP();
    if (flags & 2) fn->kwdefaults = POP().as<Dict>();
    if (flags & 1) fn->defaults = POP().as<Tuple>();
    // CPython 3.11 keeps a function's docstring (or None) as consts[0].
    Code* c = codev.as<Code>();
    if (c->consts->size > 0 && is_str(c->consts->items[0])) fn->doc = c->consts->items[0];
    PUSH(Value(fn));
    DISPATCH();
  }
  TARGET(BUILD_TUPLE) {
    uint32_t n = ARG();
    SAVE_SP();
    Tuple* t = tuple_from(sp - n, n);
    sp -= n;
    PUSH(Value(t));
    DISPATCH();
  }
  TARGET(BUILD_LIST) {
    uint32_t n = ARG();
    SAVE_SP();
    List* l = list_from(sp - n, n);
    sp -= n;
    PUSH(Value(l));
    DISPATCH();
  }
  TARGET(BUILD_SET) {
    uint32_t n = ARG();
    SAVE_SP();
    Set* s = set_new();
    for (uint32_t i = 0; i < n; ++i) set_add(s, sp[-int(n) + int(i)]);
    sp -= n;
    PUSH(Value(s));
    DISPATCH();
  }
  TARGET(BUILD_MAP) {
    uint32_t n = ARG();
    SAVE_SP();
    Dict* d = dict_new();
    for (uint32_t i = 0; i < n; ++i)
      dict_set(d, sp[-2 * int(n) + 2 * int(i)], sp[-2 * int(n) + 2 * int(i) + 1]);
    sp -= 2 * n;
    PUSH(Value(d));
    DISPATCH();
  }
  TARGET(BUILD_CONST_KEY_MAP) {
    uint32_t n = ARG();
    Tuple* keys = POP().as<Tuple>();
    SAVE_SP();
    Dict* d = dict_new();
    for (uint32_t i = 0; i < n; ++i) dict_set(d, keys->items[i], sp[-int(n) + int(i)]);
    sp -= n;
    PUSH(Value(d));
    DISPATCH();
  }
  TARGET(BUILD_STRING) {
    uint32_t n = ARG();
    SAVE_SP();
    StrBuilder b;
    for (uint32_t i = 0; i < n; ++i) b.append(sp[-int(n) + int(i)].as<Str>());
    Str* s = b.build();
    sp -= n;
    PUSH(Value(s));
    DISPATCH();
  }
  TARGET(LIST_APPEND) {
    Value v = POP();
    SAVE_SP();
    list_append(sp[-int(ARG())].as<List>(), v);
    DISPATCH();
  }
  TARGET(SET_ADD) {
    Value v = POP();
    SAVE_SP();
    set_add(sp[-int(ARG())].as<Set>(), v);
    DISPATCH();
  }
  TARGET(MAP_ADD) {
    Value v = POP();
    Value k = POP();
    SAVE_SP();
    dict_set(sp[-int(ARG())].as<Dict>(), k, v);
    DISPATCH();
  }
  TARGET(LIST_EXTEND) {
    Value it = POP();
    SAVE_SP();
    try {
      list_extend(sp[-int(ARG())].as<List>(), it);
    } catch (PyException& e) {
      if (is_instance(e.exc, type_error_type) && !type_of(it)->iter && !type_of(it)->getitem)
        raise_type_error("Value after * must be an iterable, not " + type_name_str(it));
      throw;
    }
    DISPATCH();
  }
  TARGET(SET_UPDATE) {
    Value it = POP();
    SAVE_SP();
    Set* s = sp[-int(ARG())].as<Set>();
    Value iter = py_iter(it);
    for (Value x = py_next(iter); !x.empty(); x = py_next(iter)) set_add(s, x);
    DISPATCH();
  }
  TARGET(DICT_UPDATE) {
    Value m = POP();
    SAVE_SP();
    if (!is_dict(m) && lookup_special(m, names::keys).empty())
      raise_type_error("'" + type_name_str(m) + "' object is not a mapping");
    dict_update(sp[-int(ARG())].as<Dict>(), m);
    DISPATCH();
  }
  TARGET(DICT_MERGE) {
    Value m = POP();
    SAVE_SP();
    Dict* d = sp[-int(ARG())].as<Dict>();
    if (!is_dict(m)) {
      if (lookup_special(m, names::keys).empty())
        raise_type_error(function_str(sp[-int(ARG()) - 2]) +
                         " argument after ** must be a mapping, not " + type_name_str(m));
      Dict* tmp = dict_new();
      dict_update(tmp, m);
      m = Value(tmp);
    }
    int64_t p = 0;
    Value k, v;
    while (dict_next(m.as<Dict>(), &p, &k, &v)) {
      if (!dict_get(d, k).empty()) {
        Value fn = sp[-int(ARG()) - 2];
        std::string fname = "function";
        if (!fn.empty()) {
          Value qn = py_getattr_opt(fn, names::dunder_qualname);
          if (!qn.empty() && is_str(qn)) fname = str_to_utf8(qn.as<Str>());
        }
        raise_type_error(fname + "() got multiple values for keyword argument '" + str_utf8(k) +
                         "'");
      }
      dict_set(d, k, v);
    }
    DISPATCH();
  }
  TARGET(LIST_TO_TUPLE) {
    SAVE_SP();
    List* l = TOP().as<List>();
    TOP() = Value(tuple_from(l->items, l->size));
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE) {
    Value seq = POP();
    uint32_t n = ARG();
    SAVE_SP();
    if (is_exact(seq, tuple_type) && seq.as<Tuple>()->size == n) {
      Tuple* t = seq.as<Tuple>();
      for (uint32_t i = 0; i < n; ++i) sp[i] = t->items[n - 1 - i];
    } else {
      unpack_iterable(seq, int(n), 0, false, sp + n);
    }
    sp += n;
    DISPATCH();
  }
  TARGET(UNPACK_EX) {
    Value seq = POP();
    int before = int(ARG() & 0xff), after = int(ARG() >> 8);
    SAVE_SP();
    unpack_iterable(seq, before, after, true, sp + before + after + 1);
    sp += before + after + 1;
    DISPATCH();
  }
  TARGET(FORMAT_VALUE) {
    Value spec = (ARG() & 4) ? POP() : Value();
    SAVE_SP();
    TOP() = build_fstring_value(TOP(), int(ARG()), spec);
    DISPATCH();
  }
  TARGET(RAISE_VARARGS) {
    SAVE_SP();
    uint32_t n = ARG();
    if (n == 0) {
      if (g_thread.handled.empty()) raise(runtime_error_type, "No active exception to reraise");
      Value exc = g_thread.handled;
      g_reraising = true;
      raise_exception(exc);
    }
    Value cause = n == 2 ? POP() : Value();
    Value exc = make_exception(POP());
    SAVE_SP();
    if (n == 2) {
      ExceptionObject* e = exc.as<ExceptionObject>();
      if (is_none(cause)) {
        e->cause = Value();
      } else {
        Value c = make_exception(cause);
        e->cause = c;
      }
      e->suppress_context = true;
    }
    raise_exception(exc);
  }
  TARGET(RERAISE) {
    // As CPython's RERAISE: the handler search uses the current instruction
    // (not the restored lasti), and the traceback gets no new entry.
    Value exc = POP();
    SAVE_SP();
    g_reraising = true;
    raise_exception(exc);
  }
  TARGET(PUSH_EXC_INFO) {
    Value exc = TOP();
    TOP() = g_thread.handled.empty() ? none() : g_thread.handled;
    PUSH(exc);
    g_thread.handled = exc;
    DISPATCH();
  }
  TARGET(POP_EXCEPT) {
    Value prev = POP();
    g_thread.handled = is_none(prev) ? Value() : prev;
    DISPATCH();
  }
  TARGET(CHECK_EXC_MATCH) {
    Value match = POP();
    SAVE_SP();
    bool matches = exception_matches(TOP(), match);
    PUSH(py_bool(matches));
    DISPATCH();
  }
  TARGET(WITH_EXCEPT_START) {
    // Stack: exit_func, lasti, prev_exc, exc  ->  ..., result of exit(type, exc, tb)
    Value exc = sp[-1];
    Value exit_func = sp[-4];
    SAVE_SP();
    Value args[3] = {Value(type_of(exc)), exc, none()};
    if (is_exception(exc)) {
      List* tb = exc.as<ExceptionObject>()->traceback;
      if (tb) args[2] = Value(tb);
    }
    Value r = py_call(exit_func, args, 3);
    PUSH(r);
    DISPATCH();
  }
  TARGET(BEFORE_WITH) {
    SAVE_SP();
    Value mgr = TOP();
    Value enter = lookup_special(mgr, names::dunder_enter);
    if (enter.empty())
      raise_type_error("'" + type_name_str(mgr) +
                       "' object does not support the context manager protocol");
    Value exit = lookup_special(mgr, names::dunder_exit);
    if (exit.empty())
      raise_type_error(
          "'" + type_name_str(mgr) +
          "' object does not support the context manager protocol (missed __exit__ method)");
    TOP() = exit;
    Value r = py_call0(enter);
    PUSH(r);
    DISPATCH();
  }
  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(Value(assertion_error_type));
    DISPATCH();
  }
  TARGET(LOAD_BUILD_CLASS) {
    SAVE_SP();
    Value bc = dict_get_str(f->builtins, names::dunder_build_class);
    if (bc.empty()) raise(name_error_type, "__build_class__ not found");
    PUSH(bc);
    DISPATCH();
  }
  TARGET(SETUP_ANNOTATIONS) {
    SAVE_SP();
    if (!f->locals.empty() && is_dict(f->locals)) {
      if (dict_get_str(f->locals.as<Dict>(), names::dunder_annotations).empty())
        dict_set_str(f->locals.as<Dict>(), names::dunder_annotations, Value(dict_new()));
    } else if (f->locals.empty()) {
      if (dict_get_str(f->globals, names::dunder_annotations).empty())
        dict_set_str(f->globals, names::dunder_annotations, Value(dict_new()));
    }
    DISPATCH();
  }
  TARGET(IMPORT_NAME) {
    Value fromlist = POP();
    Value level = POP();
    SAVE_SP();
    extern Value import_module_level(Str * name, Value globals, Value fromlist, int level);
    Value m = import_module_level(names_[ARG()].as<Str>(), Value(f->globals), fromlist,
                                  int(level.is_small() ? level.small_value() : 0));
    PUSH(m);
    DISPATCH();
  }
  TARGET(IMPORT_FROM) {
    SAVE_SP();
    extern Value import_from(Value module, Str * name);
    Value v = import_from(TOP(), names_[ARG()].as<Str>());
    PUSH(v);
    DISPATCH();
  }
  TARGET(IMPORT_STAR) {
    Value m = POP();
    SAVE_SP();
    extern void import_star(Value module, Frame * f);
    import_star(m, f);
    DISPATCH();
  }
  TARGET(GET_YIELD_FROM_ITER) {
    SAVE_SP();
    if (type_of(TOP()) != generator_type) TOP() = py_iter(TOP());
    DISPATCH();
  }
  TARGET(YIELD_VALUE) {
    Value v = POP();
    f->sp = sp;
    f->ip = ip;  // resume after the yield
    f->flags |= kFrameYielded;
    // A generator frame is always an entry frame of its own run loop.
    Frame* back = f->back;
    g_thread.depth--;
    g_thread.current = back;
    return v;
  }
  TARGET(SEND) {
    Value v = POP();
    Value receiver = TOP();
    SAVE_SP();
    Value r;
    bool yielded;
    if (type_of(receiver) == generator_type) {
      r = generator_send(receiver, v, &yielded);
    } else if (is_none(v)) {
      r = py_next(receiver);
      yielded = !r.empty();
      if (!yielded) r = none();
    } else {
      try {
        r = py_call_method(receiver, names::send, &v, 1);
        yielded = true;
      } catch (PyException& e) {
        if (!is_instance(e.exc, stop_iteration_type)) throw;
        Tuple* a = e.exc.as<ExceptionObject>()->args;
        r = a && a->size ? a->items[0] : none();
        yielded = false;
      }
    }
    if (yielded) {
      PUSH(r);
    } else {
      TOP() = r;
      JUMP_TO(ARG());
    }
    DISPATCH();
  }
}

// ------------------------------------------------------------ GC roots

namespace {
void scan_frames(Tracer& tracer) {
  tracer.mark(g_thread.handled);
  tracer.mark(g_thread.builtins);
  // Ordinary frames live on the VM stack; walk it by frame sizes.
  char* p = g_vm_stack;
  while (p && p < g_vm_top) {
    auto* f = reinterpret_cast<Frame*>(p);
    tracer.mark(f->code);
    tracer.mark(f->func);
    tracer.mark(f->globals);
    tracer.mark(f->builtins);
    tracer.mark(f->locals);
    tracer.mark(f->gen);
    // Slots above sp may hold stale values: only mark what is provably live.
    Value* end = f->slots + f->code->nlocalsplus + f->code->max_stack + 1;
    tracer.mark_conservative(f->slots, end);
    p += Frame::size_for(f->code);
  }
  for (Frame* f = g_thread.current; f; f = f->back) {
    if (f->flags & kFrameGenerator) {
      tracer.mark(f->gen);
    }
  }
}
}  // namespace

void trace_frame(Frame* f, Tracer& tracer) {
  tracer.mark(f->code);
  tracer.mark(f->func);
  tracer.mark(f->globals);
  tracer.mark(f->builtins);
  tracer.mark(f->locals);
  if (f->code)
    tracer.mark_conservative(f->slots, f->slots + f->code->nlocalsplus + f->code->max_stack + 1);
}

void init_interpreter() {
  void* mem = mmap(nullptr, kVmStackBytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mem == MAP_FAILED) raise_memory_error();
  g_vm_stack = static_cast<char*>(mem);
  g_vm_top = g_vm_stack;
  g_vm_end = g_vm_stack + kVmStackBytes;
  gc_add_root(&g_thread.handled);
  gc_add_root_scanner(scan_frames);
  init_generator_type();
}

}  // namespace kestrel
