// Function-like objects (functions, builtin functions, bound methods), code,
// cells, modules, and the descriptor types property / staticmethod /
// classmethod / super.
#include "runtime/function.h"

#include <cstring>

#include "interp/interpreter.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/layout.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type_internal.h"

namespace kestrel {

// ------------------------------------------------------------ code

static Value constant_value(const Constant& c) {
  switch (c.kind) {
    case Constant::Kind::None: return none();
    case Constant::Kind::True: return py_bool(true);
    case Constant::Kind::False: return py_bool(false);
    case Constant::Kind::Ellipsis: return Value(ellipsis_object);
    case Constant::Kind::Int: return int_from_i64(c.int_value);
    case Constant::Kind::BigInt: return int_from_string(c.text, 10);
    case Constant::Kind::Float: return float_new(c.float_value);
    case Constant::Kind::Str: return Value(intern(c.text));
    case Constant::Kind::Bytes: return Value(bytes_new(c.text));
    case Constant::Kind::Tuple: {
      Tuple* t = tuple_new(int64_t(c.items.size()));
      for (size_t i = 0; i < c.items.size(); ++i) t->items[i] = constant_value(c.items[i]);
      return Value(t);
    }
    case Constant::Kind::Code: return Value(code_from_proto(c.code));
    case Constant::Kind::Complex: return complex_new(0.0, c.float_value);
  }
  return none();
}

Code* code_from_proto(std::shared_ptr<CodeProto> proto) {
  Code* code = gc_new<Code>(code_type);
  code->proto = new std::shared_ptr<CodeProto>(proto);
  code->jit_calls = 0;
  code->jit_function = nullptr;
  code->name = intern(proto->name);
  code->qualname = intern(proto->qualname);
  code->filename = intern(proto->filename);
  code->consts = tuple_new(int64_t(proto->consts.size()));
  for (size_t i = 0; i < proto->consts.size(); ++i) code->consts->items[i] = constant_value(proto->consts[i]);
  code->names = tuple_new(int64_t(proto->names.size()));
  for (size_t i = 0; i < proto->names.size(); ++i) code->names->items[i] = Value(intern(proto->names[i]));
  code->localsplus_names = tuple_new(int64_t(proto->localsplus_names.size()));
  uint32_t ncells = 0, nfrees = 0;
  for (size_t i = 0; i < proto->localsplus_names.size(); ++i) {
    code->localsplus_names->items[i] = Value(intern(proto->localsplus_names[i]));
    uint8_t k = proto->localsplus_kinds[i];
    if (k & kFastFree) nfrees++;
    else if (k & kFastCell) ncells++;
  }
  code->code = proto->code.data();
  code->ninstrs = uint32_t(proto->code.size());
  code->nlocalsplus = uint32_t(proto->localsplus_names.size());
  code->ncells = ncells;
  code->nfrees = nfrees;
  code->max_stack = uint32_t(proto->max_stack);
  code->flags = proto->flags;
  code->argcount = uint32_t(proto->argcount);
  code->posonlyargcount = uint32_t(proto->posonlyargcount);
  code->kwonlyargcount = uint32_t(proto->kwonlyargcount);
  code->first_line = uint32_t(proto->first_line);
  code->caches = static_cast<InlineCache*>(gc_malloc_external(sizeof(InlineCache) * (code->ninstrs + 1)));
  std::memset(static_cast<void*>(code->caches), 0, sizeof(InlineCache) * (code->ninstrs + 1));
  return code;
}

static void code_trace(Object* obj, Tracer& tracer) {
  Code* c = static_cast<Code*>(obj);
  tracer.mark(c->name);
  tracer.mark(c->qualname);
  tracer.mark(c->filename);
  tracer.mark(c->consts);
  tracer.mark(c->names);
  tracer.mark(c->localsplus_names);
  if (c->caches)
    for (uint32_t i = 0; i < c->ninstrs; ++i) tracer.mark(c->caches[i].value);
}
static void code_finalize(Object* obj) {
  Code* c = static_cast<Code*>(obj);
  delete c->proto;
  c->proto = nullptr;
  if (c->caches) gc_free_external(c->caches, sizeof(InlineCache) * (c->ninstrs + 1));
  c->caches = nullptr;
}
static Value code_repr(Value self) {
  Code* c = self.as<Code>();
  return Value(str_new("<code object " + str_to_utf8(c->name) + ", file \"" + str_to_utf8(c->filename) +
                       "\", line " + std::to_string(c->first_line) + ">"));
}

// ------------------------------------------------------------ functions

Function* function_new(Code* code, Dict* globals, Value qualname_override) {
  Function* f = gc_new<Function>(function_type);
  f->code = code;
  f->globals = globals;
  f->name = code->name;
  f->qualname = qualname_override.empty() ? code->qualname : qualname_override.as<Str>();
  Value mod = dict_get_str(globals, names::dunder_name);
  f->module = mod.empty() ? none() : mod;
  // The docstring is the first constant when it is a str (CPython's rule).
  f->doc = none();
  return f;
}

static void function_trace(Object* obj, Tracer& tracer) {
  Function* f = static_cast<Function*>(obj);
  tracer.mark(f->code);
  tracer.mark(f->globals);
  tracer.mark(f->builtins);
  tracer.mark(f->defaults);
  tracer.mark(f->kwdefaults);
  tracer.mark(f->closure);
  tracer.mark(f->name);
  tracer.mark(f->qualname);
  tracer.mark(f->doc);
  tracer.mark(f->module);
  tracer.mark(f->dict);
}
static Value function_call(Value self, Value* args, size_t nargs, Tuple* kwnames) {
  return call_function(self.as<Function>(), args, nargs, kwnames);
}
static Value function_descr_get(Value self, Value obj, Value) {
  if (obj.empty() || is_none(obj)) return self;
  return bound_method_new(self, obj);
}
static Value function_repr(Value self) {
  char buf[32];
  snprintf(buf, sizeof buf, "%p", static_cast<void*>(self.obj()));
  return Value(str_new("<function " + str_to_utf8(self.as<Function>()->qualname) + " at " + buf + ">"));
}
static Value function_getattr(Value self, Str* name) {
  Function* f = self.as<Function>();
  if (name == names::dunder_name) return Value(f->name);
  if (name == names::dunder_qualname) return Value(f->qualname);
  if (name == names::dunder_module) return f->module;
  if (name == names::dunder_doc) return f->doc;
  if (name == names::dunder_dict) {
    if (!f->dict) f->dict = dict_new();
    return Value(f->dict);
  }
  if (str_equal_ascii(name, "__code__")) return Value(f->code);
  if (str_equal_ascii(name, "__defaults__")) return f->defaults ? Value(f->defaults) : none();
  if (str_equal_ascii(name, "__kwdefaults__")) return f->kwdefaults ? Value(f->kwdefaults) : none();
  if (str_equal_ascii(name, "__globals__")) return Value(f->globals);
  if (str_equal_ascii(name, "__closure__")) return f->closure ? Value(f->closure) : none();
  if (f->dict) {
    Value v = dict_get_str(f->dict, name);
    if (!v.empty()) return v;
  }
  return generic_getattr(self, name);
}
static void function_setattr(Value self, Str* name, Value v) {
  Function* f = self.as<Function>();
  if (name == names::dunder_name && is_str(v)) { f->name = v.as<Str>(); return; }
  if (name == names::dunder_qualname && is_str(v)) { f->qualname = v.as<Str>(); return; }
  if (name == names::dunder_module) { f->module = v.empty() ? none() : v; return; }
  if (name == names::dunder_doc) { f->doc = v.empty() ? none() : v; return; }
  if (name == names::dunder_dict && is_dict(v)) { f->dict = v.as<Dict>(); return; }
  if (str_equal_ascii(name, "__defaults__")) { f->defaults = (v.empty() || is_none(v)) ? nullptr : tuple_from_iterable(v); return; }
  if (!f->dict) f->dict = dict_new();
  if (v.empty()) {
    if (!dict_delete(f->dict, Value(name))) raise_attribute_error(self, name);
  } else {
    dict_set_str(f->dict, name, v);
  }
}

// ------------------------------------------------------------ builtin functions

static void builtin_trace(Object* obj, Tracer& tracer) {
  auto* f = static_cast<BuiltinFunction*>(obj);
  tracer.mark(f->self);
  tracer.mark(f->owner);
  tracer.mark(f->module);
}
static Value builtin_call(Value self, Value* args, size_t nargs, Tuple* kwnames) {
  auto* f = self.as<BuiltinFunction>();
  g_current_builtin = f;
  if (f->self.empty()) {
    if (f->kind == kBuiltinMethod && f->owner) {
      if (nargs == 0)
        raise_type_error("unbound method " + str_to_utf8(f->owner->name) + "." + f->name + "() needs an argument");
      if (!is_instance(args[0], f->owner))
        raise_type_error("descriptor '" + std::string(f->name) + "' for '" + str_to_utf8(f->owner->name) +
                         "' objects doesn't apply to a '" + type_name_str(args[0]) + "' object");
    }
    return f->fn(args, nargs, kwnames);
  }
  size_t total = nargs + (kwnames ? size_t(kwnames->size) : 0);
  Value small[8];
  if (total + 1 <= 8) {
    small[0] = f->self;
    for (size_t i = 0; i < total; ++i) small[i + 1] = args[i];
    return f->fn(small, nargs + 1, kwnames);
  }
  ValueVector buf;
  buf.push_back(f->self);
  for (size_t i = 0; i < total; ++i) buf.push_back(args[i]);
  return f->fn(buf.data(), nargs + 1, kwnames);
}
static Value builtin_descr_get(Value self, Value obj, Value owner) {
  auto* f = self.as<BuiltinFunction>();
  if (f->kind != kBuiltinMethod || !f->self.empty()) return self;
  if (obj.empty() || is_none(obj)) { (void)owner; return self; }
  auto* b = gc_new<BuiltinFunction>(builtin_function_type);
  b->fn = f->fn;
  b->name = f->name;
  b->owner = f->owner;
  b->kind = kBuiltinFunction;
  b->self = obj;
  return Value(b);
}
static Value builtin_repr(Value self) {
  auto* f = self.as<BuiltinFunction>();
  if (f->self.empty() && f->kind == kBuiltinMethod && f->owner)
    return Value(str_new("<method '" + std::string(f->name) + "' of '" + str_to_utf8(f->owner->name) + "' objects>"));
  if (!f->self.empty() && !is_type(f->self) && type_of(f->self) != module_type) {
    char buf[32];
    snprintf(buf, sizeof buf, "%p", static_cast<void*>(f->self.obj()));
    return Value(str_new("<built-in method " + std::string(f->name) + " of " + type_name_str(f->self) +
                         " object at " + buf + ">"));
  }
  return Value(str_new("<built-in function " + std::string(f->name) + ">"));
}
static Value builtin_get_name(Value self) { return Value(intern(self.as<BuiltinFunction>()->name)); }
static Value builtin_get_self(Value self) {
  Value s = self.as<BuiltinFunction>()->self;
  return s.empty() ? none() : s;
}

// ------------------------------------------------------------ bound methods

Value bound_method_new(Value func, Value self) {
  auto* m = gc_new<BoundMethod>(method_type);
  m->func = func;
  m->self = self;
  return Value(m);
}
static void method_trace(Object* obj, Tracer& tracer) {
  auto* m = static_cast<BoundMethod*>(obj);
  tracer.mark(m->func);
  tracer.mark(m->self);
}
static Value method_call(Value self, Value* args, size_t nargs, Tuple* kwnames) {
  auto* m = self.as<BoundMethod>();
  size_t total = nargs + (kwnames ? size_t(kwnames->size) : 0);
  Value small[8];
  if (total + 1 <= 8) {
    small[0] = m->self;
    for (size_t i = 0; i < total; ++i) small[i + 1] = args[i];
    return py_call(m->func, small, nargs + 1, kwnames);
  }
  ValueVector buf;
  buf.push_back(m->self);
  for (size_t i = 0; i < total; ++i) buf.push_back(args[i]);
  return py_call(m->func, buf.data(), nargs + 1, kwnames);
}
static Value method_repr(Value self) {
  auto* m = self.as<BoundMethod>();
  Value qn = py_getattr_opt(m->func, names::dunder_qualname);
  std::string name = qn.empty() ? "?" : str_utf8(qn);
  return Value(str_new("<bound method " + name + " of " + repr_utf8(m->self) + ">"));
}
static Value method_getattr(Value self, Str* name) {
  auto* m = self.as<BoundMethod>();
  if (name == names::dunder_func) return m->func;
  if (name == names::dunder_self) return m->self;
  Value v = generic_getattr(self, name);
  if (!v.empty()) return v;
  return py_getattr_opt(m->func, name);
}
static Value method_richcompare(Value a, Value b, int cmp) {
  if ((cmp != 2 && cmp != 3) || type_of(b) != method_type) return not_implemented();
  auto* x = a.as<BoundMethod>();
  auto* y = b.as<BoundMethod>();
  bool eq = x->func == y->func && x->self == y->self;
  return py_bool(cmp == 2 ? eq : !eq);
}
static int64_t method_hash(Value self) {
  auto* m = self.as<BoundMethod>();
  return py_hash(m->func) ^ int64_t(m->self.bits() >> 4);
}

// ------------------------------------------------------------ cells

Cell* cell_new(Value v) {
  Cell* c = gc_new<Cell>(cell_type);
  c->value = v;
  return c;
}
static void cell_trace(Object* obj, Tracer& tracer) { tracer.mark(static_cast<Cell*>(obj)->value); }

// ------------------------------------------------------------ modules

Module* module_new(Str* name) {
  Module* m = gc_new<Module>(module_type);
  m->name = name;
  m->dict = dict_new();
  dict_set_str(m->dict, names::dunder_name, Value(name));
  dict_set_str(m->dict, names::dunder_doc, none());
  dict_set_str(m->dict, names::dunder_package, none());
  return m;
}
Value new_module(const char* name) { return Value(module_new(intern(name))); }
void module_set(Value module, const char* name, Value v) { dict_set_str(module.as<Module>()->dict, intern(name), v); }
Value module_get(Value module, const char* name) { return dict_get_str(module.as<Module>()->dict, intern(name)); }

static void module_trace(Object* obj, Tracer& tracer) {
  Module* m = static_cast<Module*>(obj);
  tracer.mark(m->dict);
  tracer.mark(m->name);
}
static Value module_getattr(Value self, Str* name) {
  Module* m = self.as<Module>();
  Value v = dict_get_str(m->dict, name);
  if (!v.empty()) return v;
  if (name == names::dunder_dict) return Value(m->dict);
  return generic_getattr(self, name);
}
static void module_setattr(Value self, Str* name, Value v) {
  Module* m = self.as<Module>();
  if (v.empty()) {
    if (!dict_delete(m->dict, Value(name))) raise_attribute_error(self, name);
  } else {
    dict_set_str(m->dict, name, v);
  }
}
// dir(module) lists the module's namespace, not the module type's attributes.
static Value module_dir(Value* args, size_t nargs, Tuple*) {
  check_nargs("__dir__", nargs, 1, 1);
  return py_list_of(Value(args[0].as<Module>()->dict));
}
static Value module_repr(Value self) {
  Module* m = self.as<Module>();
  Value file = dict_get_str(m->dict, names::dunder_file);
  if (!file.empty() && is_str(file))
    return Value(str_new("<module '" + str_to_utf8(m->name) + "' from '" + str_to_utf8(file.as<Str>()) + "'>"));
  return Value(str_new("<module '" + str_to_utf8(m->name) + "' (built-in)>"));
}

// ------------------------------------------------------------ property

static void property_trace(Object* obj, Tracer& tracer) {
  auto* p = static_cast<Property*>(obj);
  tracer.mark(p->fget);
  tracer.mark(p->fset);
  tracer.mark(p->fdel);
  tracer.mark(p->doc);
  tracer.mark(p->name);
  trace_instance_attrs(obj, tracer);
}
static Value property_new(Type* type, Value*, size_t, Tuple*) {
  return Value(gc_alloc(type->instance_size ? type->instance_size : sizeof(Property), type));
}
static void property_init(Value self, Value* args, size_t nargs, Tuple* kwnames) {
  Value out[4];
  parse_args("property", args, nargs, kwnames, {"fget", "fset", "fdel", "doc"}, 0, out);
  auto* p = self.as<Property>();
  p->fget = (out[0].empty() || is_none(out[0])) ? Value() : out[0];
  p->fset = (out[1].empty() || is_none(out[1])) ? Value() : out[1];
  p->fdel = (out[2].empty() || is_none(out[2])) ? Value() : out[2];
  p->doc = out[3];
  if (p->doc.empty() && !p->fget.empty()) p->doc = py_getattr_opt(p->fget, names::dunder_doc);
}
// CPython 3.11 names the property only when __set_name__ recorded its name.
[[noreturn]] static void property_error(Property* p, Value obj, const char* what) {
  if (p->name.empty() || !is_str(p->name)) {
    if (std::strcmp(what, "getter") == 0) raise(attribute_error_type, "unreadable attribute");
    raise(attribute_error_type, std::strcmp(what, "deleter") == 0 ? "can't delete attribute" : "can't set attribute");
  }
  raise(attribute_error_type, "property " + repr_utf8(p->name) + " of '" + str_to_utf8(type_of(obj)->qualname) +
                                  "' object has no " + what);
}
static Value property_set_name(Value* args, size_t nargs, Tuple*) {
  check_nargs("__set_name__", nargs, 3, 3);
  args[0].as<Property>()->name = args[2];
  return none();
}
static Value property_descr_get(Value self, Value obj, Value) {
  if (obj.empty() || is_none(obj)) return self;
  auto* p = self.as<Property>();
  if (p->fget.empty()) property_error(p, obj, "getter");
  return py_call1(p->fget, obj);
}
static void property_descr_set(Value self, Value obj, Value v) {
  auto* p = self.as<Property>();
  if (v.empty()) {
    if (p->fdel.empty()) property_error(p, obj, "deleter");
    py_call1(p->fdel, obj);
    return;
  }
  if (p->fset.empty()) property_error(p, obj, "setter");
  py_call2(p->fset, obj, v);
}
static Value property_copy_with(Value self, int which, Value f) {
  auto* p = self.as<Property>();
  Value args[4] = {p->fget.empty() ? none() : p->fget, p->fset.empty() ? none() : p->fset,
                   p->fdel.empty() ? none() : p->fdel, p->doc.empty() ? none() : p->doc};
  args[which] = f;
  return py_call(Value(type_of(self)), args, 4);
}
static Value property_getter(Value* args, size_t nargs, Tuple*) {
  check_nargs("getter", nargs, 2, 2);
  return property_copy_with(args[0], 0, args[1]);
}
static Value property_setter(Value* args, size_t nargs, Tuple*) {
  check_nargs("setter", nargs, 2, 2);
  return property_copy_with(args[0], 1, args[1]);
}
static Value property_deleter(Value* args, size_t nargs, Tuple*) {
  check_nargs("deleter", nargs, 2, 2);
  return property_copy_with(args[0], 2, args[1]);
}
static Value property_get_fget(Value self) {
  Value v = self.as<Property>()->fget;
  return v.empty() ? none() : v;
}
static Value property_get_doc(Value self) {
  Value v = self.as<Property>()->doc;
  return v.empty() ? none() : v;
}

// ------------------------------------------------------------ staticmethod / classmethod

static void wrapper_trace(Object* obj, Tracer& tracer) {
  auto* w = static_cast<MethodWrapper*>(obj);
  tracer.mark(w->callable);
  tracer.mark(w->dict);
  trace_instance_attrs(obj, tracer);
}
static Value wrapper_new(Type* type, Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs(str_to_utf8(type->name).c_str(), kwnames);
  if (nargs != 1)
    raise_type_error(str_to_utf8(type->name) + " expected 1 argument, got " + std::to_string(nargs));
  auto* w = static_cast<MethodWrapper*>(gc_alloc(type->instance_size ? type->instance_size : sizeof(MethodWrapper), type));
  w->callable = args[0];
  return Value(w);
}
static Value staticmethod_get(Value self, Value, Value) { return self.as<MethodWrapper>()->callable; }
static Value classmethod_get(Value self, Value obj, Value owner) {
  Value cls = owner.empty() || is_none(owner) ? Value(type_of(obj)) : owner;
  return bound_method_new(self.as<MethodWrapper>()->callable, cls);
}
static Value staticmethod_call(Value self, Value* args, size_t nargs, Tuple* kwnames) {
  return py_call(self.as<MethodWrapper>()->callable, args, nargs, kwnames);
}
static Value wrapper_get_func(Value self) { return self.as<MethodWrapper>()->callable; }

// __isabstractmethod__ of the wrapped callables (what abc.ABCMeta looks for).
static bool is_abstract_callable(Value f) {
  if (f.empty() || is_none(f)) return false;
  Value v = py_getattr_opt(f, intern("__isabstractmethod__"));
  return !v.empty() && py_truthy(v);
}
static Value wrapper_get_isabstract(Value self) {
  return py_bool(is_abstract_callable(self.as<MethodWrapper>()->callable));
}
static Value property_get_isabstract(Value self) {
  Property* p = self.as<Property>();
  return py_bool(is_abstract_callable(p->fget) || is_abstract_callable(p->fset) ||
                 is_abstract_callable(p->fdel));
}

// ------------------------------------------------------------ super

static void super_trace(Object* obj, Tracer& tracer) {
  auto* s = static_cast<Super*>(obj);
  tracer.mark(s->type);
  tracer.mark(s->obj);
  tracer.mark(s->obj_type);
}
Value super_zero_arg_state(Value* type_out, Value* obj_out);  // interp: reads the caller's frame

static Value super_new(Type* type, Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("super", kwnames);
  Value t, o;
  if (nargs == 0) {
    super_zero_arg_state(&t, &o);
  } else {
    t = args[0];
    o = nargs > 1 ? args[1] : Value();
  }
  if (!is_type(t)) raise_type_error("super() argument 1 must be a type, not " + type_name_str(t));
  auto* s = static_cast<Super*>(gc_alloc(sizeof(Super), type));
  s->type = t.as<Type>();
  s->obj = o;
  if (!o.empty()) {
    if (is_type(o) && is_subtype(o.as<Type>(), s->type)) s->obj_type = o.as<Type>();
    else if (is_instance(o, s->type)) s->obj_type = type_of(o);
    else raise_type_error("super(type, obj): obj must be an instance or subtype of type");
  }
  return Value(s);
}
static void super_init(Value, Value*, size_t, Tuple*) {}
static Value super_getattr(Value self, Str* name) {
  auto* s = self.as<Super>();
  if (s->obj_type && name != names::dunder_class) {
    Tuple* mro = s->obj_type->mro;
    int64_t i = 0;
    while (i < mro->size && mro->items[i].obj() != s->type) ++i;
    for (++i; i < mro->size; ++i) {
      Type* k = mro->items[i].as<Type>();
      Value v = dict_get_str(k->dict, name);
      if (v.empty()) continue;
      Type* vt = type_of(v);
      if (vt->descr_get) {
        Value inst = (s->obj.empty() || s->obj == Value(s->obj_type)) ? Value() : s->obj;
        return vt->descr_get(v, inst, Value(s->obj_type));
      }
      return v;
    }
  }
  return generic_getattr(self, name);
}
static Value super_repr(Value self) {
  auto* s = self.as<Super>();
  std::string r = "<super: <class '" + str_to_utf8(s->type->name) + "'>, ";
  r += s->obj_type ? "<" + str_to_utf8(s->obj_type->name) + " object>>" : "NULL>";
  return Value(str_new(r));
}

void init_function_types() {
  code_type->trace = code_trace;
  code_type->finalize = code_finalize;
  code_type->repr = code_repr;

  function_type->trace = function_trace;
  function_type->call = function_call;
  function_type->descr_get = function_descr_get;
  function_type->repr = function_repr;
  function_type->getattr = function_getattr;
  function_type->setattr = function_setattr;

  builtin_function_type->trace = builtin_trace;
  builtin_function_type->call = builtin_call;
  builtin_function_type->descr_get = builtin_descr_get;
  builtin_function_type->repr = builtin_repr;
  add_getter(builtin_function_type, "__name__", builtin_get_name);
  add_getter(builtin_function_type, "__qualname__", builtin_get_name);
  add_getter(builtin_function_type, "__self__", builtin_get_self);

  method_type->trace = method_trace;
  method_type->call = method_call;
  method_type->repr = method_repr;
  method_type->getattr = method_getattr;
  method_type->richcompare = method_richcompare;
  method_type->hash = method_hash;

  cell_type->trace = cell_trace;

  module_type->trace = module_trace;
  module_type->getattr = module_getattr;
  module_type->setattr = module_setattr;
  module_type->repr = module_repr;
  add_method(module_type, "__dir__", module_dir);

  property_type->trace = property_trace;
  property_type->new_ = property_new;
  property_type->init = property_init;
  property_type->descr_get = property_descr_get;
  property_type->descr_set = property_descr_set;
  add_method(property_type, "getter", property_getter);
  add_method(property_type, "setter", property_setter);
  add_method(property_type, "deleter", property_deleter);
  add_method(property_type, "__set_name__", property_set_name);
  add_getter(property_type, "fget", property_get_fget);
  add_getter(property_type, "__doc__", property_get_doc);
  add_getter(property_type, "__isabstractmethod__", property_get_isabstract);

  for (Type* t : {staticmethod_type, classmethod_type}) {
    t->trace = wrapper_trace;
    t->new_ = wrapper_new;
    add_getter(t, "__func__", wrapper_get_func);
    add_getter(t, "__wrapped__", wrapper_get_func);
    add_getter(t, "__isabstractmethod__", wrapper_get_isabstract);
  }
  staticmethod_type->descr_get = staticmethod_get;
  staticmethod_type->call = staticmethod_call;
  classmethod_type->descr_get = classmethod_get;

  super_type->trace = super_trace;
  super_type->new_ = super_new;
  super_type->init = super_init;
  super_type->getattr = super_getattr;
  super_type->repr = super_repr;
}

}  // namespace kestrel
