// Bootstraps the type system: `type` and `object` first (they refer to each
// other), then the bare core types so that str/dict/tuple allocation works,
// then every type family's init function.
#include "runtime/runtime.h"

#include <vector>

#include "runtime/bytearray.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/range.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type_internal.h"

namespace kestrel {

Type* type_type;
Type* object_type;
Type* none_type;
Type* notimplemented_type;
Type* ellipsis_type;
Type* bool_type;
Type* int_type;
Type* float_type;
Type* str_type;
Type* bytes_type;
Type* tuple_type;
Type* list_type;
Type* dict_type;
Type* set_type;
Type* frozenset_type;
Type* range_type;
Type* slice_type;
Type* function_type;
Type* builtin_function_type;
Type* method_type;
Type* code_type;
Type* cell_type;
Type* module_type;
Type* generator_type;
Type* property_type;
Type* staticmethod_type;
Type* classmethod_type;
Type* super_type;
Type* getter_type;

void init_exceptions();     // runtime/exceptions.cpp
void init_gmp_allocator();  // runtime/gmp_alloc.cpp

static Type* bare_type(uint32_t size, uint32_t flags = 0) {
  Type* t = gc_new<Type>(type_type);
  register_builtin_type(t);
  t->instance_size = size;
  t->type_flags = flags;
  return t;
}

void init_runtime() {
  static bool done = false;
  if (done) return;
  done = true;
  // Before any mpz is created (True/False are BigInts): GMP must free with
  // the allocator that allocated.
  init_gmp_allocator();
  GcPause pause;  // nothing is rooted until the globals are filled in

  // type and object refer to each other; str, tuple and dict are needed to
  // give anything a name or a dict.
  type_type = static_cast<Type*>(gc_alloc(sizeof(Type), nullptr));
  type_type->type = type_type;
  register_builtin_type(type_type);
  type_type->instance_size = sizeof(Type);
  type_type->type_flags = kTypeTypeSubclass | kTypeBaseType;
  object_type = bare_type(sizeof(Object), kTypeBaseType);
  str_type = bare_type(sizeof(Str), kTypeStrSubclass | kTypeBaseType);
  tuple_type = bare_type(sizeof(Tuple), kTypeTupleSubclass | kTypeBaseType);
  dict_type = bare_type(sizeof(Dict), kTypeDictSubclass | kTypeBaseType);
  getter_type = bare_type(0);

  object_type->dict = dict_new();
  object_type->version = fresh_type_version();
  object_type->bases = empty_tuple();
  object_type->mro = tuple_of({Value(object_type)});
  type_type->base = object_type;
  str_type->base = object_type;
  tuple_type->base = object_type;
  dict_type->base = object_type;
  getter_type->base = object_type;
  for (Type* t : {type_type, str_type, tuple_type, dict_type, getter_type}) finish_builtin_type(t);
  object_type->name = intern("object");
  object_type->qualname = object_type->name;
  type_type->name = type_type->qualname = intern("type");
  str_type->name = str_type->qualname = intern("str");
  tuple_type->name = tuple_type->qualname = intern("tuple");
  dict_type->name = dict_type->qualname = intern("dict");
  getter_type->name = getter_type->qualname = intern("getset_descriptor");
  names::init_names();

  none_type = new_builtin_type("NoneType", nullptr, sizeof(Object));
  notimplemented_type = new_builtin_type("NotImplementedType", nullptr, sizeof(Object));
  ellipsis_type = new_builtin_type("ellipsis", nullptr, sizeof(Object));
  int_type = new_builtin_type("int", nullptr, sizeof(BigInt), kTypeIntSubclass | kTypeBaseType);
  bool_type = new_builtin_type("bool", int_type, sizeof(BigInt));
  float_type = new_builtin_type("float", nullptr, sizeof(Float), kTypeBaseType);
  bytes_type = new_builtin_type("bytes", nullptr, sizeof(Bytes), kTypeBaseType);
  list_type = new_builtin_type("list", nullptr, sizeof(List), kTypeListSubclass | kTypeBaseType);
  set_type = new_builtin_type("set", nullptr, sizeof(Set), kTypeBaseType);
  frozenset_type = new_builtin_type("frozenset", nullptr, sizeof(Set), kTypeBaseType);
  range_type = new_builtin_type("range", nullptr, sizeof(Range));
  slice_type = new_builtin_type("slice", nullptr, sizeof(Slice));
  function_type = new_builtin_type("function", nullptr, sizeof(Function));
  builtin_function_type = new_builtin_type("builtin_function_or_method", nullptr, sizeof(BuiltinFunction));
  method_type = new_builtin_type("method", nullptr, sizeof(BoundMethod));
  code_type = new_builtin_type("code", nullptr, sizeof(Code));
  cell_type = new_builtin_type("cell", nullptr, sizeof(Cell));
  module_type = new_builtin_type("module", nullptr, sizeof(Module), kTypeBaseType);
  generator_type = new_builtin_type("generator", nullptr, 0);
  property_type = new_builtin_type("property", nullptr, sizeof(Property), kTypeBaseType);
  staticmethod_type = new_builtin_type("staticmethod", nullptr, sizeof(MethodWrapper), kTypeBaseType);
  classmethod_type = new_builtin_type("classmethod", nullptr, sizeof(MethodWrapper), kTypeBaseType);
  super_type = new_builtin_type("super", nullptr, sizeof(Super), kTypeBaseType);

  init_type_type();
  init_object_type();
  init_function_types();
  init_exceptions();
  init_int_type();
  init_float_type();
  init_str_type();
  init_bytes_type();
  init_tuple_type();
  init_list_type();
  init_dict_type();
  init_set_type();
  init_range_type();
  init_complex_type();
  init_bytearray_types();  // bytearray and memoryview
  // Python-visible dunders for every builtin type's slots (dict.__setitem__ ...).
  extern const std::vector<Type*>& all_builtin_types();
  // CPython's inherit_slots: a type that defines neither hash nor comparison
  // inherits both (type, function, module ... hash by identity as object does);
  // one with comparison but no hash (list, dict, bytearray) stays unhashable.
  for (Type* t : all_builtin_types()) {
    if (t != object_type && !t->hash && !t->richcompare && t->base) {
      Type* b = t->base;
      while (b->base && !b->hash && !b->richcompare) b = b->base;
      t->hash = b->hash;
      t->richcompare = b->richcompare;
    }
  }
  add_new_slot_wrappers();
}

}  // namespace kestrel
