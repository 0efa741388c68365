// Classes: builtin type creation, user class creation (type(name, bases,
// ns)) with C3 MRO and hidden-class layouts, attribute lookup through the
// MRO with a version-checked cache, and the generic slots that make user
// classes' dunder methods reachable from C++ (as CPython's slot_* functions).
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/function.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/layout.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/number_methods.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type_internal.h"

namespace kestrel {

// ------------------------------------------------------------ versions

static uint64_t g_next_type_version = 1;
uint64_t fresh_type_version() { return g_next_type_version++; }

static std::vector<Type*>& subclasses_of(Type* t) {
  if (!t->subclasses) t->subclasses = new std::vector<Type*>();
  return *static_cast<std::vector<Type*>*>(t->subclasses);
}

// A change to a class's dict changes what lookups on it and on every subclass
// see: give them all fresh versions so caches and guards miss.
void type_modified(Type* t) {
  t->version = fresh_type_version();
  if (t->subclasses)
    for (Type* sub : subclasses_of(t)) type_modified(sub);
}

bool is_subtype(const Type* t, const Type* base) {
  if (t == base) return true;
  Tuple* mro = t->mro;
  if (!mro) {
    for (const Type* p = t; p; p = p->base)
      if (p == base) return true;
    return false;
  }
  for (int64_t i = 0; i < mro->size; ++i)
    if (mro->items[i].obj() == base) return true;
  return false;
}

// ------------------------------------------------------------ lookup cache

namespace {
struct LookupCacheEntry {
  Type* type;
  Str* name;
  uint64_t version;
  Value value;
};
constexpr size_t kLookupCacheSize = 4096;
LookupCacheEntry g_lookup_cache[kLookupCacheSize];

void scan_lookup_cache(Tracer& tracer) {
  for (auto& e : g_lookup_cache) {
    if (!e.type) continue;
    tracer.mark(e.type);
    tracer.mark(e.value);
  }
}
}  // namespace

static Value type_lookup_uncached(Type* type, Str* name) {
  Tuple* mro = type->mro;
  if (!mro) return type->dict ? dict_get_str(type->dict, name) : Value();
  for (int64_t i = 0; i < mro->size; ++i) {
    Type* t = mro->items[i].as<Type>();
    if (t->dict) {
      Value v = dict_get_str(t->dict, name);
      if (!v.empty()) return v;
    }
  }
  return Value();
}

Value type_lookup(Type* type, Str* name) {
  if (!name->interned) return type_lookup_uncached(type, name);
  size_t h = ((uintptr_t(type) >> 4) ^ (uintptr_t(name) >> 3) * 31) & (kLookupCacheSize - 1);
  LookupCacheEntry& e = g_lookup_cache[h];
  if (e.type == type && e.name == name && e.version == type->version) return e.value;
  Value v = type_lookup_uncached(type, name);
  e = {type, name, type->version, v};
  return v;
}

// ------------------------------------------------------------ builtin types

Type* new_builtin_type(const char* name, Type* base, size_t instance_size, uint32_t flags) {
  if (!base) base = object_type;
  Type* t = gc_new<Type>(type_type);
  register_builtin_type(t);
  t->name = intern(name);
  t->qualname = t->name;
  t->base = base;
  t->type_flags = flags | (base ? (base->type_flags & ~kTypeFlagsNotInherited) : 0);
  t->instance_size = uint32_t(instance_size);
  finish_builtin_type(t);
  return t;
}

static std::vector<Type*>& builtin_types() {
  static auto* v = new std::vector<Type*>();
  return *v;
}
static void scan_builtin_types(Tracer& tracer) {
  for (Type* t : builtin_types()) tracer.mark(t);
}
const std::vector<Type*>& all_builtin_types() { return builtin_types(); }
void register_builtin_type(Type* t) {
  if (builtin_types().empty()) gc_add_root_scanner(scan_builtin_types);
  builtin_types().push_back(t);
}

// Fills in what a bare builtin Type needs: bases, MRO, a dict, a version.
void finish_builtin_type(Type* t) {
  if (!t->dict) t->dict = dict_new();
  if (!t->version) t->version = fresh_type_version();
  if (!t->base && t != object_type) t->base = object_type;
  if (t->base) {
    t->bases = tuple_of({Value(t->base)});
    Tuple* bm = t->base->mro;
    Tuple* mro = tuple_new(bm->size + 1);
    mro->items[0] = Value(t);
    for (int64_t i = 0; i < bm->size; ++i) mro->items[i + 1] = bm->items[i];
    t->mro = mro;

  } else {
    t->bases = empty_tuple();
    t->mro = tuple_of({Value(t)});
  }
}

// add_method with the name already interned (start-up adds ~1,000 methods).
static void add_method_interned(Type* type, Str* iname, const char* name, NativeFn fn,
                                BuiltinKind kind) {
  auto* f = gc_new<BuiltinFunction>(builtin_function_type);
  f->fn = fn;
  f->name = name;
  f->owner = type;
  f->kind = kind;
  Value v(f);
  if (kind == kBuiltinClassMethod) {
    auto* w = gc_new<MethodWrapper>(classmethod_type);
    w->callable = v;
    v = Value(w);
  } else if (kind == kBuiltinStaticMethod) {
    auto* w = gc_new<MethodWrapper>(staticmethod_type);
    w->callable = v;
    v = Value(w);
  }
  dict_set_str(type->dict, iname, v);
  type_modified(type);
}

void add_method(Type* type, const char* name, NativeFn fn, BuiltinKind kind) {
  add_method_interned(type, intern(name), name, fn, kind);
}

void add_type_attr(Type* type, const char* name, Value value) {
  dict_set_str(type->dict, intern(name), value);
  type_modified(type);
}

// A read-only computed attribute ("getset_descriptor" in CPython).
struct Getter : Object {
  Value (*get)(Value self);
  Str* name;
  Type* owner;
};

static void getter_trace(Object* obj, Tracer& tracer) {
  auto* g = static_cast<Getter*>(obj);
  tracer.mark(g->name);
  tracer.mark(g->owner);
}
static Value getter_descr_get(Value self, Value obj, Value) {
  if (obj.empty()) return self;
  return self.as<Getter>()->get(obj);
}
static void getter_descr_set(Value self, Value obj, Value) {
  Getter* g = self.as<Getter>();
  raise(attribute_error_type, "attribute '" + str_to_utf8(g->name) + "' of '" +
                                  str_to_utf8(g->owner->name) + "' objects is not writable");
  (void)obj;
}

void add_getter(Type* type, const char* name, Value (*getter)(Value self)) {
  auto* g = gc_new<Getter>(getter_type);
  g->get = getter;
  g->name = intern(name);
  g->owner = type;
  dict_set_str(type->dict, g->name, Value(g));
  type_modified(type);
}

// ------------------------------------------------------------ MRO (C3)

static Tuple* compute_mro(Type* type, Tuple* bases) {
  std::vector<std::vector<Type*>> seqs;
  for (int64_t i = 0; i < bases->size; ++i) {
    Type* b = bases->items[i].as<Type>();
    std::vector<Type*> s;
    for (int64_t j = 0; j < b->mro->size; ++j) s.push_back(b->mro->items[j].as<Type>());
    seqs.push_back(std::move(s));
  }
  std::vector<Type*> bl;
  for (int64_t i = 0; i < bases->size; ++i) bl.push_back(bases->items[i].as<Type>());
  seqs.push_back(bl);
  std::vector<Type*> result{type};
  for (;;) {
    bool any = false;
    for (auto& s : seqs)
      if (!s.empty()) any = true;
    if (!any) break;
    Type* cand = nullptr;
    for (auto& s : seqs) {
      if (s.empty()) continue;
      Type* head = s.front();
      bool in_tail = false;
      for (auto& s2 : seqs)
        for (size_t k = 1; k < s2.size(); ++k)
          if (s2[k] == head) in_tail = true;
      if (!in_tail) {
        cand = head;
        break;
      }
    }
    if (!cand) {
      std::string msg = "Cannot create a consistent method resolution\norder (MRO) for bases";
      for (int64_t i = 0; i < bases->size; ++i)
        msg += (i ? ", " : " ") + str_to_utf8(bases->items[i].as<Type>()->name);
      raise_type_error(msg);
    }
    result.push_back(cand);
    for (auto& s : seqs)
      if (!s.empty() && s.front() == cand) s.erase(s.begin());
  }
  Tuple* t = tuple_new(int64_t(result.size()));
  for (size_t i = 0; i < result.size(); ++i) t->items[i] = Value(result[i]);
  return t;
}

// ------------------------------------------------------------ heap type slots

// The first non-heap class in the MRO: it decides the C++ layout.
Type* solid_base(Type* t) {
  while (t && (t->type_flags & kTypeHeap)) t = t->base;
  return t;
}

static Value call_special(Value self, Str* name, Value* args, size_t nargs) {
  Value f = type_lookup(type_of(self), name);
  if (f.empty()) return Value();
  Type* ft = type_of(f);
  if (ft == function_type) {
    Value buf[4];
    buf[0] = self;
    for (size_t i = 0; i < nargs; ++i) buf[i + 1] = args[i];
    return py_call(f, buf, nargs + 1);
  }
  if (ft->descr_get) f = ft->descr_get(f, self, Value(type_of(self)));
  return py_call(f, args, nargs);
}

static Value slot_repr(Value self) {
  Value r = call_special(self, names::dunder_repr, nullptr, 0);
  if (!is_str(r)) raise_type_error("__repr__ returned non-string (type " + type_name_str(r) + ")");
  return r;
}
static Value slot_str(Value self) {
  Value r = call_special(self, names::dunder_str, nullptr, 0);
  if (!is_str(r)) raise_type_error("__str__ returned non-string (type " + type_name_str(r) + ")");
  return r;
}
static int64_t slot_hash(Value self) {
  Value f = type_lookup(type_of(self), names::dunder_hash);
  if (is_none(f)) raise_type_error("unhashable type: '" + type_name_str(self) + "'");
  Value r = call_special(self, names::dunder_hash, nullptr, 0);
  if (!is_int(r)) raise_type_error("__hash__ method should return an integer");
  int64_t h;
  if (!int_to_i64(r, &h)) h = int_hash(r);
  return h == -1 ? -2 : h;
}
static Value slot_richcompare(Value a, Value b, int cmp) {
  // Called for either operand; only handle the side that is ours.
  Value f = type_lookup(type_of(a), names::cmp_names[cmp]);
  if (f.empty()) return not_implemented();
  return call_special(a, names::cmp_names[cmp], &b, 1);
}
static Value slot_binary(Value a, Value b, int op) {
  if (op >= kInplaceOffset) {
    Type* ta = type_of(a);
    if (!type_lookup(ta, names::binop_inames[op - kInplaceOffset]).empty())
      return call_special(a, names::binop_inames[op - kInplaceOffset], &b, 1);
    return not_implemented();
  }
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  // This slot is called for the left operand first, then for the right one
  // with the same (a, b): decide which dunder applies from whose slot we are.
  if ((ta->type_flags & kTypeHeap) && ta->binary == slot_binary &&
      !type_lookup(ta, names::binop_names[op]).empty()) {
    Value r = call_special(a, names::binop_names[op], &b, 1);
    if (r != not_implemented() || ta == tb) return r;
  }
  if (ta != tb && (tb->type_flags & kTypeHeap) && tb->binary == slot_binary &&
      !type_lookup(tb, names::binop_rnames[op]).empty())
    return call_special(b, names::binop_rnames[op], &a, 1);
  // Fall back to the builtin base's implementation (e.g. class MyInt(int)).
  Type* sa = solid_base(ta);
  if (sa && sa->binary && sa->binary != slot_binary) return sa->binary(a, b, op);
  Type* sb = solid_base(tb);
  if (sb && sb->binary && sb->binary != slot_binary) return sb->binary(a, b, op);
  return not_implemented();
}
static Value slot_negative(Value v) { return call_special(v, names::dunder_neg, nullptr, 0); }
static Value slot_positive(Value v) { return call_special(v, names::dunder_pos, nullptr, 0); }
static Value slot_invert(Value v) { return call_special(v, names::dunder_invert, nullptr, 0); }
static Value slot_absolute(Value v) { return call_special(v, names::dunder_abs, nullptr, 0); }
static int slot_truthy(Value v) {
  Type* t = type_of(v);
  if (!type_lookup(t, names::dunder_bool).empty()) {
    Value r = call_special(v, names::dunder_bool, nullptr, 0);
    if (r.obj() == true_object) return 1;
    if (r.obj() == false_object) return 0;
    raise_type_error("__bool__ should return bool, returned " + type_name_str(r));
  }
  if (!type_lookup(t, names::dunder_len).empty()) {
    Value r = call_special(v, names::dunder_len, nullptr, 0);
    if (!is_int(r)) raise_type_error("'" + type_name_str(r) + "' object cannot be interpreted as an integer");
    return int_sign(r) != 0;
  }
  return 1;
}
static int64_t slot_length(Value v) {
  Value r = call_special(v, names::dunder_len, nullptr, 0);
  if (!is_int(r)) raise_type_error("'" + type_name_str(r) + "' object cannot be interpreted as an integer");
  if (int_sign(r) < 0) raise_value_error("__len__() should return >= 0");
  return int_as_i64(r);
}
static Value slot_getattr_hook(Value self, Str* name) {
  Type* t = type_of(self);
  Value ga = type_lookup(t, names::dunder_getattribute);
  Value r;
  if (!ga.empty() && type_of(ga) == function_type) {
    Value nm(name);
    try {
      r = call_special(self, names::dunder_getattribute, &nm, 1);
    } catch (PyException& e) {
      if (!is_instance(e.exc, attribute_error_type) || type_lookup(t, names::dunder_getattr).empty()) throw;
      r = Value();
    }
  } else {
    r = generic_getattr(self, name);
  }
  if (!r.empty()) return r;
  if (!type_lookup(t, names::dunder_getattr).empty()) {
    Value nm(name);
    return call_special(self, names::dunder_getattr, &nm, 1);
  }
  return Value();
}
static void slot_setattr_hook(Value self, Str* name, Value v) {
  Value args[2] = {Value(name), v};
  if (v.empty()) {
    if (!type_lookup(type_of(self), names::dunder_delattr).empty()) {
      call_special(self, names::dunder_delattr, args, 1);
      return;
    }
    generic_setattr(self, name, v);
    return;
  }
  if (!type_lookup(type_of(self), names::dunder_setattr).empty()) {
    call_special(self, names::dunder_setattr, args, 2);
    return;
  }
  generic_setattr(self, name, v);
}
static Value slot_call(Value self, Value* args, size_t nargs, Tuple* kwnames) {
  Value f = type_lookup(type_of(self), names::dunder_call);
  if (f.empty()) raise_type_error("'" + type_name_str(self) + "' object is not callable");
  ValueVector buf;
  size_t total = nargs + (kwnames ? size_t(kwnames->size) : 0);
  buf.push_back(self);
  for (size_t i = 0; i < total; ++i) buf.push_back(args[i]);
  if (type_of(f) == function_type) return py_call(f, buf.data(), nargs + 1, kwnames);
  Value bound = type_of(f)->descr_get ? type_of(f)->descr_get(f, self, Value(type_of(self))) : f;
  return py_call(bound, buf.data() + 1, nargs, kwnames);
}
static Value slot_iter(Value self) {
  Value f = type_lookup(type_of(self), names::dunder_iter);
  if (is_none(f)) raise_type_error("'" + type_name_str(self) + "' object is not iterable");
  return call_special(self, names::dunder_iter, nullptr, 0);
}
static Value slot_next(Value self) {
  try {
    return call_special(self, names::dunder_next, nullptr, 0);
  } catch (PyException& e) {
    if (is_instance(e.exc, stop_iteration_type)) return Value();
    throw;
  }
}
static Value slot_getitem(Value self, Value key) { return call_special(self, names::dunder_getitem, &key, 1); }
static void slot_setitem(Value self, Value key, Value v) {
  if (v.empty()) {
    call_special(self, names::dunder_delitem, &key, 1);
  } else {
    Value args[2] = {key, v};
    call_special(self, names::dunder_setitem, args, 2);
  }
}
static int slot_contains(Value self, Value item) {
  Value r = call_special(self, names::dunder_contains, &item, 1);
  return py_truthy(r);
}
static Value slot_descr_get(Value self, Value obj, Value owner) {
  Value args[2] = {obj.empty() ? none() : obj, owner.empty() ? none() : owner};
  return call_special(self, names::dunder_get, args, 2);
}
static void slot_descr_set(Value self, Value obj, Value v) {
  if (v.empty()) {
    call_special(self, names::dunder_delete, &obj, 1);
  } else {
    Value args[2] = {obj, v};
    call_special(self, names::dunder_set, args, 2);
  }
}
static Value slot_new(Type* type, Value* args, size_t nargs, Tuple* kwnames) {
  Value f = type_lookup(type, names::dunder_new);
  // __new__ is an implicit staticmethod: unwrap it.
  if (type_of(f) == staticmethod_type) f = f.as<MethodWrapper>()->callable;
  ValueVector buf;
  buf.push_back(Value(type));
  size_t total = nargs + (kwnames ? size_t(kwnames->size) : 0);
  for (size_t i = 0; i < total; ++i) buf.push_back(args[i]);
  return py_call(f, buf.data(), nargs + 1, kwnames);
}
static void slot_init(Value self, Value* args, size_t nargs, Tuple* kwnames) {
  Value f = type_lookup(type_of(self), names::dunder_init);
  ValueVector buf;
  buf.push_back(self);
  size_t total = nargs + (kwnames ? size_t(kwnames->size) : 0);
  for (size_t i = 0; i < total; ++i) buf.push_back(args[i]);
  Value r;
  if (type_of(f) == function_type) {
    r = py_call(f, buf.data(), nargs + 1, kwnames);
  } else {
    Value bound = type_of(f)->descr_get ? type_of(f)->descr_get(f, self, Value(type_of(self))) : f;
    r = py_call(bound, buf.data() + 1, nargs, kwnames);
  }
  if (!is_none(r)) raise_type_error("__init__() should return None, not '" + type_name_str(r) + "'");
}

static void heap_trace(Object* obj, Tracer& tracer) {
  Type* sb = solid_base(obj->type);
  if (sb && sb->trace) sb->trace(obj, tracer);
  trace_instance_attrs(obj, tracer);
}
static void heap_finalize(Object* obj) {
  Type* sb = solid_base(obj->type);
  if (sb && sb->finalize) sb->finalize(obj);
  free_instance_attrs(obj);
}

// Is `name` found first in a heap (Python-defined) class of t's MRO? Builtin
// classes that define it themselves stop the search (their slot is inherited).
static bool defined_in_heap_class(Type* t, Str* name) {
  Tuple* mro = t->mro;
  for (int64_t i = 0; i < mro->size; ++i) {
    Type* k = mro->items[i].as<Type>();
    if (!dict_get_str(k->dict, name).empty()) return (k->type_flags & kTypeHeap) != 0;
  }
  return false;
}

// Recomputes a heap class's slots: inherit the layout base's, then route every
// dunder that a Python class in the MRO defines to the generic slot.
void update_slots(Type* t) {
  Type* b = t->base;
  t->repr = b->repr;
  t->str = b->str;
  t->hash = b->hash;
  t->richcompare = b->richcompare;
  t->binary = b->binary;
  t->negative = b->negative;
  t->positive = b->positive;
  t->invert = b->invert;
  t->absolute = b->absolute;
  t->truthy = b->truthy;
  t->length = b->length;
  t->getattr = b->getattr;
  t->setattr = b->setattr;
  t->call = b->call;
  t->iter = b->iter;
  t->next = b->next;
  t->getitem = b->getitem;
  t->setitem = b->setitem;
  t->contains = b->contains;
  t->descr_get = b->descr_get;
  t->descr_set = b->descr_set;
  t->new_ = b->new_;
  t->init = b->init;
  auto has = [&](Str* n) { return defined_in_heap_class(t, n); };
  if (has(names::dunder_repr)) t->repr = slot_repr;
  if (has(names::dunder_str)) t->str = slot_str;
  if (has(names::dunder_hash)) t->hash = slot_hash;
  else if (has(names::dunder_eq)) t->hash = nullptr;  // __eq__ without __hash__: unhashable
  for (int c = 0; c < 6; ++c)
    if (has(names::cmp_names[c])) t->richcompare = slot_richcompare;
  for (int i = 0; i < kBinOpCount; ++i)
    if (has(names::binop_names[i]) || has(names::binop_rnames[i]) || has(names::binop_inames[i]))
      t->binary = slot_binary;
  if (has(names::dunder_neg)) t->negative = slot_negative;
  if (has(names::dunder_pos)) t->positive = slot_positive;
  if (has(names::dunder_invert)) t->invert = slot_invert;
  if (has(names::dunder_abs)) t->absolute = slot_absolute;
  if (has(names::dunder_bool) || has(names::dunder_len)) t->truthy = slot_truthy;
  if (has(names::dunder_len)) t->length = slot_length;
  if (has(names::dunder_getattr) || has(names::dunder_getattribute)) t->getattr = slot_getattr_hook;
  if (has(names::dunder_setattr) || has(names::dunder_delattr)) t->setattr = slot_setattr_hook;
  if (has(names::dunder_call)) t->call = slot_call;
  if (has(names::dunder_iter)) t->iter = slot_iter;
  if (has(names::dunder_next)) t->next = slot_next;
  if (has(names::dunder_getitem)) t->getitem = slot_getitem;
  if (has(names::dunder_setitem) || has(names::dunder_delitem)) t->setitem = slot_setitem;
  if (has(names::dunder_contains)) t->contains = slot_contains;
  if (has(names::dunder_get)) t->descr_get = slot_descr_get;
  if (has(names::dunder_set) || has(names::dunder_delete)) t->descr_set = slot_descr_set;
  if (has(names::dunder_new)) t->new_ = slot_new;
  if (has(names::dunder_init)) t->init = slot_init;
  if (t->subclasses)
    for (Type* sub : subclasses_of(t)) update_slots(sub);
}

// ------------------------------------------------------------ class creation

static bool is_special_name(Str* name) {
  if (!name->ascii || name->length < 5) return false;
  std::string_view v = name->ascii_view();
  return v.substr(0, 2) == "__" && v.substr(v.size() - 2) == "__";
}

// type(name, bases, ns): builds a user class.
Value type_new_class(Type* metatype, Str* name, Tuple* bases, Dict* ns) {
  if (bases->size == 0) bases = tuple_of({Value(object_type)});
  // The layout base: the base whose solid base is most derived.
  Type* base = nullptr;
  for (int64_t i = 0; i < bases->size; ++i) {
    Value b = bases->items[i];
    if (!is_type(b)) raise_type_error("bases must be types");
    Type* bt = b.as<Type>();
    if (!(bt->type_flags & kTypeBaseType))
      raise_type_error("type '" + str_to_utf8(bt->name) + "' is not an acceptable base type");
    if (!base) {
      base = bt;
    } else {
      Type* s1 = solid_base(base);
      Type* s2 = solid_base(bt);
      // Builtin exception classes that add no fields share one layout (CPython's
      // solid base of both is BaseException): class E(ArithmeticError, TypeError).
      bool same_exception_layout =
          (s1->type_flags & kTypeExcSubclass) && (s2->type_flags & kTypeExcSubclass) &&
          s1->instance_size == s2->instance_size && s1->attrs_offset == s2->attrs_offset;
      if (is_subtype(s2, s1) && s2 != s1) base = bt;
      else if (!is_subtype(s1, s2) && !same_exception_layout)
        raise_type_error("multiple bases have instance lay-out conflict");
    }
  }
  // A metaclass that subclasses type has attribute storage after the Type
  // struct: allocate the class object with the metaclass's instance size.
  size_t class_size = metatype->instance_size > sizeof(Type) ? metatype->instance_size : sizeof(Type);
  Type* t = static_cast<Type*>(gc_alloc(class_size, metatype));
  t->name = intern_str(name);
  t->base = base;
  t->bases = bases;
  t->type_flags = kTypeHeap | kTypeBaseType | (base->type_flags & ~kTypeFlagsNotInherited);
  t->dict = dict_copy(ns);
  t->version = fresh_type_version();
  t->mro = compute_mro(t, bases);
  Value qn = dict_get_str(t->dict, names::dunder_qualname);
  if (!qn.empty()) {
    if (!is_str(qn)) raise_type_error("type __qualname__ must be a str, not " + type_name_str(qn));
    t->qualname = qn.as<Str>();
    dict_delete(t->dict, Value(names::dunder_qualname));
  } else {
    t->qualname = t->name;
  }
  // Instances get attribute storage after the base's layout, unless the base
  // already has it (then they share it).
  Type* sb = solid_base(base);
  if (sb == tuple_type) {
    // Tuple items are stored inline after the header, so there is no fixed
    // place for attribute storage: tuple subclasses (namedtuple) get none.
    t->attrs_offset = 0;
    t->instance_size = sb->instance_size;
  } else if (base->attrs_offset) {
    t->attrs_offset = base->attrs_offset;
    t->instance_size = base->instance_size;
  } else {
    uint32_t size = sb->instance_size ? sb->instance_size : uint32_t(sizeof(Object));
    size = (size + 7) & ~7u;
    t->attrs_offset = size;
    t->instance_size = size + uint32_t(sizeof(InstanceAttrs));
  }
  if (!dict_get_str(t->dict, names::dunder_slots).empty()) t->type_flags |= kTypeHasSlotsDecl;
  t->root_layout = layout_root(t);
  // Register with every base for version propagation and slot updates.
  // (Only heap bases can change later, so only they need to know.)
  for (int64_t i = 0; i < bases->size; ++i) {
    Type* b = bases->items[i].as<Type>();
    if (b->type_flags & kTypeHeap) subclasses_of(b).push_back(t);
  }
  t->trace = heap_trace;
  t->finalize = heap_finalize;
  // __init_subclass__ and __class_getitem__ are implicit classmethods; __new__ an implicit staticmethod.
  Value ns_new = dict_get_str(t->dict, names::dunder_new);
  if (!ns_new.empty() && type_of(ns_new) == function_type) {
    auto* w = gc_new<MethodWrapper>(staticmethod_type);
    w->callable = ns_new;
    dict_set_str(t->dict, names::dunder_new, Value(w));
  }
  for (Str* implicit : {names::dunder_init_subclass, intern("__class_getitem__")}) {
    Value fn = dict_get_str(t->dict, implicit);
    if (!fn.empty() && type_of(fn) == function_type) {
      auto* w = gc_new<MethodWrapper>(classmethod_type);
      w->callable = fn;
      dict_set_str(t->dict, implicit, Value(w));
    }
  }
  if (dict_get_str(t->dict, names::dunder_doc).empty()) dict_set_str(t->dict, names::dunder_doc, none());
  if (!dict_get_str(t->dict, names::dunder_eq).empty() && dict_get_str(t->dict, names::dunder_hash).empty())
    dict_set_str(t->dict, names::dunder_hash, none());
  update_slots(t);
  // Fill the __class__ cell used by zero-argument super().
  Value cell = dict_get_str(t->dict, names::dunder_classcell);
  if (!cell.empty()) {
    if (type_of(cell) == cell_type) cell.as<Cell>()->value = Value(t);
    dict_delete(t->dict, Value(names::dunder_classcell));
  }
  // __set_name__ on descriptors, then the parent's __init_subclass__.
  int64_t pos = 0;
  Value k, v;
  ValueVector pairs;
  while (dict_next(t->dict, &pos, &k, &v)) {
    pairs.push_back(k);
    pairs.push_back(v);
  }
  for (size_t i = 0; i < pairs.size(); i += 2) {
    Value sn = type_lookup(type_of(pairs[i + 1]), names::dunder_set_name);
    if (!sn.empty()) {
      Value args[3] = {pairs[i + 1], Value(t), pairs[i]};
      py_call(sn, args, 3);
    }
  }
  return Value(t);
}

// ------------------------------------------------------------ type's slots

static Value type_repr(Value self) {
  Type* t = self.as<Type>();
  std::string s = "<class '";
  Value mod = (t->type_flags & kTypeHeap) ? dict_get_str(t->dict, names::dunder_module) : Value();
  if (!mod.empty() && is_str(mod) && !str_equal_ascii(mod.as<Str>(), "builtins"))
    s += str_to_utf8(mod.as<Str>()) + ".";
  s += str_to_utf8(t->qualname) + "'>";
  return Value(str_new(s));
}

static Value type_call(Value self, Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = self.as<Type>();
  if (t == type_type && nargs == 1 && !kwnames) return Value(type_of(args[0]));
  if (!t->new_) raise_type_error("cannot create '" + str_to_utf8(t->name) + "' instances");
  Value obj = t->new_(t, args, nargs, kwnames);
  Type* ot = type_of(obj);
  if (ot->init && is_subtype(ot, t)) ot->init(obj, args, nargs, kwnames);
  return obj;
}

static Value type_getattr(Value self, Str* name) {
  Type* t = self.as<Type>();
  Type* meta = type_of(self);
  Value meta_attr = type_lookup(meta, name);
  if (!meta_attr.empty()) {
    Type* mt = type_of(meta_attr);
    if (mt->descr_get && mt->descr_set) return mt->descr_get(meta_attr, self, Value(meta));
  }
  Value attr = type_lookup(t, name);
  if (!attr.empty()) {
    Type* at = type_of(attr);
    if (at->descr_get) return at->descr_get(attr, Value(), self);
    return attr;
  }
  if (!meta_attr.empty()) {
    Type* mt = type_of(meta_attr);
    if (mt->descr_get) return mt->descr_get(meta_attr, self, Value(meta));
    return meta_attr;
  }
  return Value();
}

static void type_setattr(Value self, Str* name, Value v) {
  Type* t = self.as<Type>();
  if (!(t->type_flags & kTypeHeap))
    raise_type_error("cannot set '" + str_to_utf8(name) + "' attribute of immutable type '" +
                     str_to_utf8(t->name) + "'");
  if (!name->interned) name = intern_str(name);
  if (!v.empty() && (name == names::dunder_name || name == names::dunder_qualname)) {
    if (!is_str(v))
      raise_type_error("can only assign string to " + str_to_utf8(t->name) + "." + str_to_utf8(name) +
                       ", not '" + type_name_str(v) + "'");
    if (name == names::dunder_name) t->name = intern_str(v.as<Str>());
    else t->qualname = v.as<Str>();
    return;
  }
  Value meta_attr = type_lookup(type_of(self), name);
  bool plain_dict_attr = name == names::dunder_doc || name == names::dunder_module;
  if (!plain_dict_attr && !meta_attr.empty() && type_of(meta_attr)->descr_set) {
    type_of(meta_attr)->descr_set(meta_attr, self, v);
    return;
  }
  if (!name->interned) name = intern_str(name);
  if (v.empty()) {
    if (!dict_delete(t->dict, Value(name)))
      raise(attribute_error_type, "type object '" + str_to_utf8(t->name) + "' has no attribute '" +
                                      str_to_utf8(name) + "'");
  } else {
    dict_set_str(t->dict, name, v);
  }
  // CPython's type.__abstractmethods__ setter: a non-empty set makes the class abstract.
  static Str* const abstract_name = intern("__abstractmethods__");
  if (name == abstract_name) {
    if (!v.empty() && py_truthy(v))
      t->type_flags |= kTypeIsAbstract;
    else
      t->type_flags &= ~kTypeIsAbstract;
  }
  type_modified(t);
  if (is_special_name(name)) update_slots(t);
}

static void type_trace(Object* obj, Tracer& tracer) {
  Type* t = static_cast<Type*>(obj);
  tracer.mark(t->name);
  tracer.mark(t->qualname);
  tracer.mark(t->base);
  tracer.mark(t->bases);
  tracer.mark(t->mro);
  tracer.mark(t->dict);
  tracer.mark(t->doc);
  // Subclasses are kept alive by their bases: the version-bump walk must
  // never meet a dead class.
  if (t->subclasses)
    for (Type* sub : subclasses_of(t)) tracer.mark(sub);
  trace_instance_attrs(obj, tracer);
}

// type.__new__(meta, name, bases, ns) and type(x).
static Value type_new_slot(Type* meta, Value* args, size_t nargs, Tuple* kwnames) {
  if (meta == type_type && nargs == 1 && !kwnames) return Value(type_of(args[0]));
  if (nargs != 3) raise_type_error("type() takes 1 or 3 arguments");
  if (!is_str(args[0])) raise_type_error("type.__new__() argument 1 must be str, not " + type_name_str(args[0]));
  if (!is_tuple(args[1])) raise_type_error("type.__new__() argument 2 must be tuple, not " + type_name_str(args[1]));
  if (!is_dict(args[2])) raise_type_error("type.__new__() argument 3 must be dict, not " + type_name_str(args[2]));
  return type_new_class(meta, args[0].as<Str>(), args[1].as<Tuple>(), args[2].as<Dict>());
}
static void type_init_slot(Value, Value*, size_t, Tuple*) {}

static Value type_get_name(Value self) { return Value(self.as<Type>()->name); }
static Value type_get_qualname(Value self) { return Value(self.as<Type>()->qualname); }
static Value type_get_mro(Value self) { return Value(self.as<Type>()->mro); }
static Value type_get_bases(Value self) {
  Type* t = self.as<Type>();
  if (t->bases) return Value(t->bases);
  return t->base ? Value(tuple_of({Value(t->base)})) : Value(empty_tuple());
}
static Value type_get_base(Value self) {
  Type* t = self.as<Type>();
  return t->base ? Value(t->base) : none();
}
static Value type_get_dict(Value self) { return Value(dict_copy(self.as<Type>()->dict)); }
static Value type_get_module(Value self) {
  Type* t = self.as<Type>();
  Value m = dict_get_str(t->dict, names::dunder_module);
  if (!m.empty()) return m;
  return Value(intern("builtins"));
}
static Value type_get_doc(Value self) {
  Type* t = self.as<Type>();
  Value d = dict_get_str(t->dict, names::dunder_doc);
  if (!d.empty()) {
    if (type_of(d)->descr_get) return type_of(d)->descr_get(d, Value(), self);
    return d;
  }
  return t->doc.empty() ? none() : t->doc;
}

static Value type_mro_method(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("mro", kwnames);
  check_nargs("mro", nargs, 1, 1);
  Tuple* mro = args[0].as<Type>()->mro;
  ValueVector items;
  for (int64_t i = 0; i < mro->size; ++i) items.push_back(mro->items[i]);
  return py_list_of(Value(tuple_from(items.data(), int64_t(items.size()))));
}
static Value type_subclasses_method(Value* args, size_t nargs, Tuple*) {
  check_nargs("__subclasses__", nargs, 1, 1);
  Type* t = args[0].as<Type>();
  ValueVector items;
  if (t->subclasses)
    for (Type* s : subclasses_of(t)) items.push_back(Value(s));
  return py_list_of(Value(tuple_from(items.data(), int64_t(items.size()))));
}
static Value type_instancecheck(Value* args, size_t nargs, Tuple*) {
  check_nargs("__instancecheck__", nargs, 2, 2);
  return py_bool(is_instance(args[1], args[0].as<Type>()));
}
static Value type_subclasscheck(Value* args, size_t nargs, Tuple*) {
  check_nargs("__subclasscheck__", nargs, 2, 2);
  if (!is_type(args[1])) raise_type_error("issubclass() arg 1 must be a class");
  return py_bool(is_subtype(args[1].as<Type>(), args[0].as<Type>()));
}

void init_type_type() {
  Type* t = type_type;
  t->trace = type_trace;
  t->repr = type_repr;
  t->call = type_call;
  t->getattr = type_getattr;
  t->setattr = type_setattr;
  t->new_ = type_new_slot;
  t->init = type_init_slot;
  t->richcompare = nullptr;
  add_getter(t, "__name__", type_get_name);
  add_getter(t, "__qualname__", type_get_qualname);
  add_getter(t, "__mro__", type_get_mro);
  add_getter(t, "__bases__", type_get_bases);
  add_getter(t, "__base__", type_get_base);
  add_getter(t, "__dict__", type_get_dict);
  add_getter(t, "__module__", type_get_module);
  add_getter(t, "__doc__", type_get_doc);
  add_method(t, "mro", type_mro_method);
  add_method(t, "__subclasses__", type_subclasses_method);
  add_method(t, "__instancecheck__", type_instancecheck);
  add_method(t, "__subclasscheck__", type_subclasscheck);
  getter_type->descr_get = getter_descr_get;
  getter_type->trace = getter_trace;
  getter_type->descr_set = getter_descr_set;
  gc_add_root_scanner(scan_lookup_cache);
}

}  // namespace kestrel

namespace kestrel {

BuiltinFunction* g_current_builtin = nullptr;

// ------------------------------------------------------------ slot wrappers
// `dict.__setitem__(d, k, v)`, `tuple.__new__(cls, it)`, `object.__init__`:
// Python-visible methods that call a builtin type's C-level slot. The owner
// type comes from the function object being called (g_current_builtin).

namespace {
Type* wrapper_owner() { return g_current_builtin ? g_current_builtin->owner : object_type; }
Tuple* no_kw(const char* name, Tuple* kwnames) {
  check_no_kwargs(name, kwnames);
  return nullptr;
}
Value w_repr(Value* a, size_t n, Tuple* k) { no_kw("__repr__", k); check_nargs("__repr__", n, 1, 1); return wrapper_owner()->repr(a[0]); }
Value w_str(Value* a, size_t n, Tuple* k) {
  Type* o = wrapper_owner();
  no_kw("__str__", k);
  check_nargs("__str__", n, 1, 1);
  return o->str ? o->str(a[0]) : py_repr(a[0]);
}
Value w_hash(Value* a, size_t n, Tuple* k) { no_kw("__hash__", k); check_nargs("__hash__", n, 1, 1); return int_from_i64(wrapper_owner()->hash(a[0])); }
template <int Cmp>
Value w_cmp(Value* a, size_t n, Tuple* k) {
  Type* o = wrapper_owner();
  no_kw("__eq__", k);
  check_nargs(names::cmp_names[Cmp]->ascii ? "comparison" : "comparison", n, 2, 2);
  return o->richcompare(a[0], a[1], Cmp);
}
template <int Op>
Value w_binop(Value* a, size_t n, Tuple* k) {
  Type* o = wrapper_owner();
  no_kw("binary operator", k);
  check_nargs("binary operator", n, 2, 2);
  return o->binary(a[0], a[1], Op);
}
template <int Op>
Value w_rbinop(Value* a, size_t n, Tuple* k) {
  Type* o = wrapper_owner();
  no_kw("binary operator", k);
  check_nargs("binary operator", n, 2, 2);
  return o->binary(a[1], a[0], Op);
}
Value w_len(Value* a, size_t n, Tuple* k) { no_kw("__len__", k); check_nargs("__len__", n, 1, 1); return int_from_i64(wrapper_owner()->length(a[0])); }
Value w_iter(Value* a, size_t n, Tuple* k) { no_kw("__iter__", k); check_nargs("__iter__", n, 1, 1); return wrapper_owner()->iter(a[0]); }
Value w_next(Value* a, size_t n, Tuple* k) {
  no_kw("__next__", k);
  check_nargs("__next__", n, 1, 1);
  Value v = wrapper_owner()->next(a[0]);
  if (v.empty()) raise_stop_iteration(Value());
  return v;
}
Value w_getitem(Value* a, size_t n, Tuple* k) { no_kw("__getitem__", k); check_nargs("__getitem__", n, 2, 2); return wrapper_owner()->getitem(a[0], a[1]); }
Value w_setitem(Value* a, size_t n, Tuple* k) {
  no_kw("__setitem__", k);
  check_nargs("__setitem__", n, 3, 3);
  wrapper_owner()->setitem(a[0], a[1], a[2]);
  return none();
}
Value w_delitem(Value* a, size_t n, Tuple* k) {
  no_kw("__delitem__", k);
  check_nargs("__delitem__", n, 2, 2);
  wrapper_owner()->setitem(a[0], a[1], Value());
  return none();
}
Value w_contains(Value* a, size_t n, Tuple* k) { no_kw("__contains__", k); check_nargs("__contains__", n, 2, 2); return py_bool(wrapper_owner()->contains(a[0], a[1])); }
Value w_bool(Value* a, size_t n, Tuple* k) { no_kw("__bool__", k); check_nargs("__bool__", n, 1, 1); return py_bool(wrapper_owner()->truthy(a[0])); }
Value w_neg(Value* a, size_t n, Tuple* k) { no_kw("__neg__", k); check_nargs("__neg__", n, 1, 1); return wrapper_owner()->negative(a[0]); }
Value w_pos(Value* a, size_t n, Tuple* k) { no_kw("__pos__", k); check_nargs("__pos__", n, 1, 1); return wrapper_owner()->positive(a[0]); }
Value w_abs(Value* a, size_t n, Tuple* k) { no_kw("__abs__", k); check_nargs("__abs__", n, 1, 1); return wrapper_owner()->absolute(a[0]); }
Value w_invert(Value* a, size_t n, Tuple* k) { no_kw("__invert__", k); check_nargs("__invert__", n, 1, 1); return wrapper_owner()->invert(a[0]); }
Value w_call(Value* a, size_t n, Tuple* k) {
  if (n < 1) raise_type_error("__call__ needs an argument");
  return wrapper_owner()->call(a[0], a + 1, n - 1, k);
}
Value w_getattribute(Value* a, size_t n, Tuple* k) {
  Type* o = wrapper_owner();
  no_kw("__getattribute__", k);
  check_nargs("__getattribute__", n, 2, 2);
  if (!is_str(a[1])) raise_type_error("attribute name must be string, not '" + type_name_str(a[1]) + "'");
  Value v = o->getattr ? o->getattr(a[0], a[1].as<Str>()) : generic_getattr(a[0], a[1].as<Str>());
  if (v.empty()) raise_attribute_error(a[0], a[1].as<Str>());
  return v;
}
Value w_setattr(Value* a, size_t n, Tuple* k) {
  Type* o = wrapper_owner();
  no_kw("__setattr__", k);
  check_nargs("__setattr__", n, 3, 3);
  if (!is_str(a[1])) raise_type_error("attribute name must be string, not '" + type_name_str(a[1]) + "'");
  if (o->setattr) o->setattr(a[0], a[1].as<Str>(), a[2]);
  else generic_setattr(a[0], a[1].as<Str>(), a[2]);
  return none();
}
Value w_delattr(Value* a, size_t n, Tuple* k) {
  Type* o = wrapper_owner();
  no_kw("__delattr__", k);
  check_nargs("__delattr__", n, 2, 2);
  if (!is_str(a[1])) raise_type_error("attribute name must be string, not '" + type_name_str(a[1]) + "'");
  if (o->setattr) o->setattr(a[0], a[1].as<Str>(), Value());
  else generic_setattr(a[0], a[1].as<Str>(), Value());
  return none();
}
Value w_get(Value* a, size_t n, Tuple* k) {
  no_kw("__get__", k);
  check_nargs("__get__", n, 2, 3);
  Value obj = is_none(a[1]) ? Value() : a[1];
  Value owner = n > 2 ? a[2] : Value();
  return wrapper_owner()->descr_get(a[0], obj, owner);
}
Value w_set(Value* a, size_t n, Tuple* k) {
  no_kw("__set__", k);
  check_nargs("__set__", n, 3, 3);
  wrapper_owner()->descr_set(a[0], a[1], a[2]);
  return none();
}
Value w_init(Value* a, size_t n, Tuple* k) {
  Type* o = wrapper_owner();
  if (n < 1) raise_type_error("descriptor '__init__' of '" + str_to_utf8(o->name) + "' object needs an argument");
  if (o->init) o->init(a[0], a + 1, n - 1, k);
  return none();
}
Value w_new(Value* a, size_t n, Tuple* k) {
  Type* o = wrapper_owner();
  if (n < 1) raise_type_error(str_to_utf8(o->name) + ".__new__(): not enough arguments");
  if (!is_type(a[0]))
    raise_type_error(str_to_utf8(o->name) + ".__new__(X): X is not a type object (" + type_name_str(a[0]) + ")");
  Type* cls = a[0].as<Type>();
  if (!is_subtype(cls, o))
    raise_type_error(str_to_utf8(o->name) + ".__new__(" + str_to_utf8(cls->name) + "): " + str_to_utf8(cls->name) +
                     " is not a subtype of " + str_to_utf8(o->name));
  return o->new_(cls, a + 1, n - 1, k);
}

void add_wrapper(Type* t, Str* name, NativeFn fn, BuiltinKind kind = kBuiltinMethod) {
  if (!dict_get_str(t->dict, name).empty()) return;
  // Interned strs live for the whole run and one-byte strs are NUL-terminated
  // (str_alloc), so the name's own bytes serve as the C string.
  add_method_interned(t, name, reinterpret_cast<const char*>(name->data1()), fn, kind);
}
}  // namespace

// The binary-operator dunders CPython defines on builtin types whose binary
// slot implements only some operators (list has __add__ and __mul__/__rmul__
// but no __sub__ or __radd__); other types get all thirteen pairs. The lists
// become bit masks at compile time: bit i = kBinopDunder[i], bit 13 + i =
// kBinopRDunder[i].
static constexpr uint32_t binop_dunder_mask(std::string_view list) {
  uint32_t mask = 0;
  while (!list.empty()) {
    size_t end = list.find(' ');
    std::string_view word = list.substr(0, end);
    for (int i = 0; i < 13; ++i) {
      if (word == kBinopDunder[i]) mask |= 1u << i;
      if (word == kBinopRDunder[i]) mask |= 1u << (13 + i);
    }
    list = end == std::string_view::npos ? std::string_view() : list.substr(end + 1);
  }
  return mask;
}

struct BinopDunders {
  const char* type;
  uint32_t ops;
};
static constexpr uint32_t kAllBinopDunders = (1u << 26) - 1;
static uint32_t binop_dunders_of(Type* t) {
  static constexpr BinopDunders kTable[] = {
      {"int",
       binop_dunder_mask("__add__ __radd__ __and__ __rand__ __floordiv__ __rfloordiv__ __lshift__ "
                         "__rlshift__ __mul__ __rmul__ __mod__ __rmod__ __or__ __ror__ __pow__ "
                         "__rpow__ __rshift__ __rrshift__ __sub__ __rsub__ __truediv__ "
                         "__rtruediv__ __xor__ __rxor__")},
      {"bool", binop_dunder_mask("__and__ __rand__ __or__ __ror__ __xor__ __rxor__")},
      {"float",
       binop_dunder_mask("__add__ __radd__ __floordiv__ __rfloordiv__ __mul__ __rmul__ __mod__ "
                         "__rmod__ __pow__ __rpow__ __sub__ __rsub__ __truediv__ __rtruediv__")},
      {"complex",
       binop_dunder_mask("__add__ __radd__ __mul__ __rmul__ __pow__ __rpow__ __sub__ __rsub__ "
                         "__truediv__ __rtruediv__")},
      {"list", binop_dunder_mask("__add__ __mul__ __rmul__")},
      {"tuple", binop_dunder_mask("__add__ __mul__ __rmul__")},
      {"str", binop_dunder_mask("__add__ __mul__ __rmul__ __mod__ __rmod__")},
      {"bytes", binop_dunder_mask("__add__ __mul__ __rmul__ __mod__ __rmod__")},
      {"bytearray", binop_dunder_mask("__add__ __mul__ __rmul__ __mod__ __rmod__")},
      {"set",
       binop_dunder_mask("__and__ __rand__ __or__ __ror__ __sub__ __rsub__ __xor__ __rxor__")},
      {"frozenset",
       binop_dunder_mask("__and__ __rand__ __or__ __ror__ __sub__ __rsub__ __xor__ __rxor__")},
      {"dict", binop_dunder_mask("__or__ __ror__")},
      {"dict_keys",
       binop_dunder_mask("__and__ __rand__ __or__ __ror__ __sub__ __rsub__ __xor__ __rxor__")},
      {"dict_items",
       binop_dunder_mask("__and__ __rand__ __or__ __ror__ __sub__ __rsub__ __xor__ __rxor__")},
      {"type", binop_dunder_mask("__or__ __ror__")},
      {"range", 0},
      {"memoryview", 0},
  };
  static_assert(kTable[0].ops == kAllBinopDunders - (1u << 4) - (1u << 17), "int: all but @");
  if (t->type_flags & kTypeHeap) return kAllBinopDunders;
  for (const BinopDunders& e : kTable)
    if (str_equal_ascii(t->name, e.type)) return e.ops;
  return kAllBinopDunders;
}

// Python-visible dunders (list.__len__ ...) for the C-level slots a builtin
// type defines itself. A type whose slots are set after init_runtime (the
// generator type) calls it again itself.
void add_slot_wrappers(Type* t) {
  t->type_flags |= kTypeSlotWrappers;
  Type* b = t->base;
  auto own = [&](auto member) { return t->*member && (!b || t->*member != b->*member); };
  using namespace names;
  if (own(&Type::repr)) add_wrapper(t, dunder_repr, w_repr);
  if (own(&Type::str)) add_wrapper(t, dunder_str, w_str);
  if (own(&Type::hash))
    add_wrapper(t, dunder_hash, w_hash);
  else if (!t->hash && t->richcompare && t != object_type &&
           dict_get_str(t->dict, dunder_hash).empty())
    add_type_attr(t, "__hash__", none());  // CPython: list.__hash__ is None
  if (own(&Type::richcompare)) {
    static const NativeFn kCmps[6] = {w_cmp<0>, w_cmp<1>, w_cmp<2>, w_cmp<3>, w_cmp<4>, w_cmp<5>};
    for (int i = 0; i < 6; ++i) add_wrapper(t, cmp_names[i], kCmps[i]);
  }
  if (own(&Type::binary)) {
    static const NativeFn kOps[13] = {w_binop<0>, w_binop<1>, w_binop<2>, w_binop<3>, w_binop<4>,
                                      w_binop<5>, w_binop<6>, w_binop<7>, w_binop<8>, w_binop<9>,
                                      w_binop<10>, w_binop<11>, w_binop<12>};
    static const NativeFn kROps[13] = {w_rbinop<0>, w_rbinop<1>, w_rbinop<2>, w_rbinop<3>, w_rbinop<4>,
                                       w_rbinop<5>, w_rbinop<6>, w_rbinop<7>, w_rbinop<8>, w_rbinop<9>,
                                       w_rbinop<10>, w_rbinop<11>, w_rbinop<12>};
    uint32_t ops = binop_dunders_of(t);
    for (int i = 0; i < 13; ++i) {
      if (ops & (1u << i)) add_wrapper(t, binop_names[i], kOps[i]);
      if (ops & (1u << (13 + i))) add_wrapper(t, binop_rnames[i], kROps[i]);
    }
  }
  if (own(&Type::length)) add_wrapper(t, dunder_len, w_len);
  if (own(&Type::iter)) add_wrapper(t, dunder_iter, w_iter);
  if (own(&Type::next)) add_wrapper(t, dunder_next, w_next);
  if (own(&Type::getitem)) add_wrapper(t, dunder_getitem, w_getitem);
  if (own(&Type::setitem)) {
    add_wrapper(t, dunder_setitem, w_setitem);
    add_wrapper(t, dunder_delitem, w_delitem);
  }
  if (own(&Type::contains)) add_wrapper(t, dunder_contains, w_contains);
  if (own(&Type::truthy)) add_wrapper(t, dunder_bool, w_bool);
  if (own(&Type::negative)) add_wrapper(t, dunder_neg, w_neg);
  if (own(&Type::positive)) add_wrapper(t, dunder_pos, w_pos);
  if (own(&Type::absolute)) add_wrapper(t, dunder_abs, w_abs);
  if (own(&Type::invert)) add_wrapper(t, dunder_invert, w_invert);
  if (own(&Type::call)) add_wrapper(t, dunder_call, w_call);
  if (t == object_type || own(&Type::getattr)) add_wrapper(t, dunder_getattribute, w_getattribute);
  if (t == object_type || own(&Type::setattr)) {
    add_wrapper(t, dunder_setattr, w_setattr);
    add_wrapper(t, dunder_delattr, w_delattr);
  }
  if (own(&Type::descr_get)) add_wrapper(t, dunder_get, w_get);
  if (own(&Type::descr_set)) add_wrapper(t, dunder_set, w_set);
  if (own(&Type::init) || t == object_type) add_wrapper(t, dunder_init, w_init);
  if (own(&Type::new_) || t == object_type) add_wrapper(t, dunder_new, w_new, kBuiltinStaticMethod);
}

void add_new_slot_wrappers() {
  for (Type* t : builtin_types())
    if (!(t->type_flags & kTypeSlotWrappers)) add_slot_wrappers(t);
}

}  // namespace kestrel
