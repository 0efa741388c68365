// `object`, the None/NotImplemented/Ellipsis singletons, and the generic
// attribute protocol (object.__getattribute__ / __setattr__) with
// descriptors and hidden-class instance storage.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/function.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/layout.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type_internal.h"

namespace kestrel {

namespace {
Object none_storage{nullptr, 0, 0};
Object notimplemented_storage{nullptr, 0, 0};
Object ellipsis_storage{nullptr, 0, 0};
BigInt true_storage{};
BigInt false_storage{};
}  // namespace

Object* const none_object = &none_storage;
Object* const true_object = &true_storage;
Object* const false_object = &false_storage;
Object* const notimplemented_object = &notimplemented_storage;
Object* const ellipsis_object = &ellipsis_storage;

// ------------------------------------------------------------ generic attributes

static bool has_instance_dict(Type* t);

Value generic_getattr(Value obj, Str* name) {
  Type* t = type_of(obj);
  Value descr = type_lookup(t, name);
  Type* dt = nullptr;
  if (!descr.empty()) {
    dt = type_of(descr);
    if (dt->descr_get && dt->descr_set) return dt->descr_get(descr, obj, Value(t));
  }
  if (obj.is_object() && t->attrs_offset) {
    Value v = instance_get_attr(obj.obj(), name);
    if (!v.empty()) return v;
    if (name == names::dunder_dict &&
        (!(t->type_flags & kTypeHasSlotsDecl) || has_instance_dict(t)))
      return Value(instance_dict(obj.obj()));
  }
  if (!descr.empty()) {
    if (dt->descr_get) return dt->descr_get(descr, obj, Value(t));
    return descr;
  }
  return Value();
}

// Instances have a __dict__ unless every class on the MRO declares __slots__
// without "__dict__" (CPython: some base adds a dict slot).
static bool has_instance_dict(Type* t) {
  for (int64_t i = 0; i < t->mro->size; ++i) {
    Type* k = t->mro->items[i].as<Type>();
    if (!(k->type_flags & kTypeHeap)) continue;
    if (!(k->type_flags & kTypeHasSlotsDecl)) return true;
    Value slots = dict_get_str(k->dict, names::dunder_slots);
    if (is_str(slots)) {
      if (str_equal_ascii(slots.as<Str>(), "__dict__")) return true;
      continue;
    }
    Value it = py_iter(slots);
    for (Value s = py_next(it); !s.empty(); s = py_next(it))
      if (is_str(s) && str_equal_ascii(s.as<Str>(), "__dict__")) return true;
  }
  return false;
}

static bool slots_allow(Type* t, Str* name) {
  // With __slots__ declared all the way up, only the listed names may be set.
  return has_instance_dict(t) || layout_declares_slot(t, name);
}

void generic_setattr(Value obj, Str* name, Value v) {
  Type* t = type_of(obj);
  Value descr = type_lookup(t, name);
  if (!descr.empty()) {
    Type* dt = type_of(descr);
    if (dt->descr_set) {
      dt->descr_set(descr, obj, v);
      return;
    }
  }
  if (!obj.is_object() || !t->attrs_offset) {
    if (!descr.empty())
      raise(attribute_error_type, "'" + type_name_str(obj) + "' object attribute '" + str_to_utf8(name) +
                                      "' is read-only");
    raise(attribute_error_type,
          "'" + type_name_str(obj) + "' object has no attribute '" + str_to_utf8(name) + "'");
  }
  if (v.empty()) {
    if (instance_del_attr(obj.obj(), name)) return;
    // An unset __slots__ member: CPython's member descriptor says just the name.
    if ((t->type_flags & kTypeHeap) && layout_declares_slot(t, name))
      raise(attribute_error_type, str_to_utf8(name));
    raise_attribute_error(obj, name);
  }
  if ((t->type_flags & kTypeHasSlotsDecl) && !slots_allow(t, name))
    raise(attribute_error_type,
          "'" + type_name_str(obj) + "' object has no attribute '" + str_to_utf8(name) + "'");
  instance_set_attr(obj.obj(), name, v);
}

// ------------------------------------------------------------ object

static Value object_repr(Value self) {
  Type* t = type_of(self);
  Value mod = (t->type_flags & kTypeHeap) ? dict_get_str(t->dict, names::dunder_module) : Value();
  std::string s = "<";
  if (!mod.empty() && is_str(mod) && !str_equal_ascii(mod.as<Str>(), "builtins"))
    s += str_to_utf8(mod.as<Str>()) + ".";
  char addr[32];
  snprintf(addr, sizeof addr, "%p", static_cast<void*>(self.obj()));
  s += str_to_utf8(t->qualname) + " object at " + addr + ">";
  return Value(str_new(s));
}

static Value object_str(Value self) {
  Type* t = type_of(self);
  return t->repr ? t->repr(self) : object_repr(self);
}

static int64_t object_hash(Value self) {
  uint64_t bits = self.bits();
  return int64_t((bits >> 4) | (bits << 60)) & INT64_MAX;
}

static Value object_richcompare(Value a, Value b, int cmp) {
  if (cmp == 2) return a == b ? py_bool(true) : not_implemented();
  if (cmp == 3) {
    // != inverts __eq__ unless __eq__ is NotImplemented.
    Type* t = type_of(a);
    if (t->richcompare && t->richcompare != object_richcompare) {
      Value r = t->richcompare(a, b, 2);
      if (r == not_implemented()) return r;
      return py_bool(!py_truthy(r));
    }
    return a == b ? py_bool(false) : not_implemented();
  }
  return not_implemented();
}

// TypeError for instantiating a class with abstract methods (CPython's wording,
// names sorted).
[[noreturn]] static void raise_abstract_instantiation(Type* type) {
  Value methods = dict_get_str(type->dict, intern("__abstractmethods__"));
  std::vector<std::string> names;
  if (!methods.empty()) {
    Value it = py_iter(methods);
    for (Value s = py_next(it); !s.empty(); s = py_next(it)) names.push_back(str_utf8(s));
  }
  std::sort(names.begin(), names.end());
  std::string joined;
  for (const std::string& n : names) joined += (joined.empty() ? "" : ", ") + n;
  raise_type_error("Can't instantiate abstract class " + str_to_utf8(type->name) +
                   " with abstract method" + (names.size() == 1 ? "" : "s") + " " + joined);
}

static Value object_new(Type* type, Value* args, size_t nargs, Tuple* kwnames) {
  size_t total = nargs + (kwnames ? size_t(kwnames->size) : 0);
  if (total > 0) {
    // Excess arguments are an error unless __init__ is overridden (CPython's rule).
    if (type->new_ != object_new || type->init == object_type->init)
      raise_type_error(str_to_utf8(type->qualname) + "() takes no arguments");
  }
  if (type->type_flags & kTypeIsAbstract) raise_abstract_instantiation(type);
  if (type->type_flags & kTypeHeap) {
    Type* sb = solid_base(type);
    if (sb != object_type && sb->new_ && sb->new_ != object_new) return sb->new_(type, args, nargs, kwnames);
  }
  size_t size = type->instance_size ? type->instance_size : sizeof(Object);
  return Value(gc_alloc(size, type));
}

static void object_init(Value self, Value*, size_t nargs, Tuple* kwnames) {
  size_t total = nargs + (kwnames ? size_t(kwnames->size) : 0);
  Type* t = type_of(self);
  if (total > 0 && (t->init != object_init || t->new_ == object_new))
    raise_type_error(str_to_utf8(t->qualname) + ".__init__() takes exactly one argument (the instance to initialize)");
}

static Value object_get_class(Value self) { return Value(type_of(self)); }

static Value object_format_method(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__format__", kwnames);
  check_nargs("__format__", nargs, 2, 2);
  if (!is_str(args[1]))
    raise_type_error("__format__() argument must be str, not " + type_name_str(args[1]));
  if (args[1].as<Str>()->length > 0)
    raise_type_error("unsupported format string passed to " + type_name_str(args[0]) + ".__format__");
  return py_str(args[0]);
}
static Value object_reduce_ex(Value*, size_t, Tuple*) {
  raise_not_implemented("pickling");
}
static Value object_dir(Value* args, size_t nargs, Tuple*) {
  check_nargs("__dir__", nargs, 1, 1);
  Dict* d = dict_new();
  Value obj = args[0];
  if (obj.is_object() && type_of(obj)->attrs_offset) {
    InstanceAttrs* a = attrs_of(obj.obj());
    if (a->layout) {
      if (a->layout->dictionary_mode && a->dict) {
        int64_t pos = 0;
        Value k, v;
        while (dict_next(a->dict, &pos, &k, &v)) dict_set(d, k, none());
        for (size_t i = 0; i < a->layout->names.size(); ++i)  // declared __slots__ that are set
          if (!a->slots[i].empty()) dict_set(d, Value(a->layout->names[i]), none());
      } else {
        for (Str* n : a->layout->names) dict_set(d, Value(n), none());
      }
    }
  }
  Tuple* mro = type_of(obj)->mro;
  for (int64_t i = 0; i < mro->size; ++i) {
    Dict* td = mro->items[i].as<Type>()->dict;
    int64_t pos = 0;
    Value k, v;
    while (dict_next(td, &pos, &k, &v)) dict_set(d, k, none());
  }
  return py_list_of(Value(d));
}
static Value object_init_subclass(Value*, size_t, Tuple*) { return none(); }
// object.__subclasshook__(C): "no opinion" (abc.ABCMeta asks it first).
static Value object_subclasshook(Value*, size_t, Tuple*) { return not_implemented(); }

// ------------------------------------------------------------ singletons

static Value none_repr(Value) { return Value(intern("None")); }
static int none_truthy(Value) { return 0; }
static int64_t none_hash(Value) { return 0xFCA86420; }
static Value notimpl_repr(Value) { return Value(intern("NotImplemented")); }
static Value ellipsis_repr(Value) { return Value(intern("Ellipsis")); }
static Value none_new(Type*, Value*, size_t nargs, Tuple*) {
  if (nargs) raise_type_error("NoneType takes no arguments");
  return none();
}

void init_object_type() {
  Type* t = object_type;
  t->repr = object_repr;
  t->str = object_str;
  t->hash = object_hash;
  t->richcompare = object_richcompare;
  t->new_ = object_new;
  t->init = object_init;
  t->type_flags |= kTypeBaseType;
  add_getter(t, "__class__", object_get_class);
  add_method(t, "__format__", object_format_method);
  add_method(t, "__reduce_ex__", object_reduce_ex);
  add_method(t, "__dir__", object_dir);
  add_method(t, "__init_subclass__", object_init_subclass, kBuiltinClassMethod);
  add_method(t, "__subclasshook__", object_subclasshook, kBuiltinClassMethod);

  none_storage.type = none_type;
  notimplemented_storage.type = notimplemented_type;
  ellipsis_storage.type = ellipsis_type;
  none_type->repr = none_repr;
  none_type->truthy = none_truthy;
  none_type->hash = none_hash;
  none_type->new_ = none_new;
  notimplemented_type->repr = notimpl_repr;
  ellipsis_type->repr = ellipsis_repr;

  true_storage.type = bool_type;
  false_storage.type = bool_type;
  mpz_init_set_si(true_storage.value, 1);
  mpz_init_set_si(false_storage.value, 0);
}

}  // namespace kestrel
