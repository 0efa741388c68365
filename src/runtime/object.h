// The heap object header and the class object (Type). Every heap object
// starts with a pointer to its class, so a class guard is one compare.
// Builtin types fill in C-level "slots" (function pointers, as CPython's
// tp_* slots); user classes get generic slots that look up dunder methods.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/value.h"

namespace kestrel {

struct Type;
struct Str;
struct Tuple;
struct Dict;
struct Layout;
class Tracer;

struct Object {
  Type* type;      // the class; never null for a live object
  uint32_t gc;     // owned by the collector (mark bit, size class)
  uint32_t flags;  // per-type small data (e.g. a Str's kind); 0 by default
};
static_assert(sizeof(Object) == 16);

// Argument convention for every native callable: positional arguments
// args[0..nargs), then one value per keyword name in `kwnames` (which is null
// when there are no keywords). For methods args[0] is self.
using NativeFn = Value (*)(Value* args, size_t nargs, Tuple* kwnames);

using TraceFn = void (*)(Object* obj, Tracer& tracer);
using FinalizeFn = void (*)(Object* obj);

// Type flags.
enum TypeFlags : uint32_t {
  kTypeHeap = 1u << 0,         // defined by a class statement
  kTypeBaseType = 1u << 1,     // may be subclassed
  kTypeIntSubclass = 1u << 2,  // fast isinstance checks, as CPython's Py_TPFLAGS_*_SUBCLASS
  kTypeStrSubclass = 1u << 3,
  kTypeListSubclass = 1u << 4,
  kTypeTupleSubclass = 1u << 5,
  kTypeDictSubclass = 1u << 6,
  kTypeExcSubclass = 1u << 7,
  kTypeTypeSubclass = 1u << 8,
  kTypeHasSlotsDecl = 1u << 9,  // class body declared __slots__ (no instance __dict__)
  kTypeIsAbstract =
      1u << 10,  // non-empty __abstractmethods__: object.__new__ refuses (abc.ABCMeta)
  kTypeSlotWrappers = 1u << 11,  // add_slot_wrappers has run on this builtin type
};
// Flags that describe one class, not what its subclasses are.
inline constexpr uint32_t kTypeFlagsNotInherited =
    kTypeHeap | kTypeBaseType | kTypeHasSlotsDecl | kTypeIsAbstract | kTypeSlotWrappers;

// Comparison op numbers match CmpOp in bytecode/opcodes.h.
// Binary op numbers match BinOp (0..12) and in-place forms (13..25).
struct Type : Object {
  Str* name = nullptr;      // __name__
  Str* qualname = nullptr;  // __qualname__
  Type* base = nullptr;     // __base__ (the layout base)
  Tuple* bases = nullptr;   // __bases__
  Tuple* mro = nullptr;     // __mro__ (C3)
  Dict* dict = nullptr;     // __dict__
  // Bumped whenever this class's dict or any of its bases' dicts changes;
  // inline caches and JIT guards compare it. Never 0 for a valid class.
  uint64_t version = 0;
  uint32_t type_flags = 0;
  // Size in bytes of a fixed-size instance (for object.__new__ on user
  // classes); variable-size builtin types allocate themselves.
  uint32_t instance_size = 0;
  // Offset of the InstanceAttrs part of an instance (0 = instances have no
  // attribute storage). User classes append it after the base's layout.
  uint32_t attrs_offset = 0;
  Layout* root_layout = nullptr;  // hidden class of a fresh instance
  void* subclasses = nullptr;     // std::vector<Type*>* of direct heap subclasses (for version bumps)
  Value doc;                      // __doc__ of builtin types

  // --- collector hooks
  TraceFn trace = nullptr;        // mark the objects this one references
  FinalizeFn finalize = nullptr;  // free malloc'd storage when swept

  // --- protocol slots (null = operation not supported by this type)
  Value (*repr)(Value self) = nullptr;
  Value (*str)(Value self) = nullptr;  // null: use repr
  int64_t (*hash)(Value self) = nullptr;  // null: unhashable
  // Returns NotImplemented (not_implemented()) when it cannot compare.
  Value (*richcompare)(Value a, Value b, int cmp) = nullptr;
  // Called with either operand being an instance of this type; returns
  // NotImplemented when it cannot handle the pair.
  Value (*binary)(Value a, Value b, int op) = nullptr;
  Value (*negative)(Value self) = nullptr;
  Value (*positive)(Value self) = nullptr;
  Value (*invert)(Value self) = nullptr;
  Value (*absolute)(Value self) = nullptr;
  int (*truthy)(Value self) = nullptr;  // null: use length, else true
  int64_t (*length)(Value self) = nullptr;
  // Attribute access. getattr returns empty Value when the attribute does
  // not exist (the caller raises AttributeError); setattr with an empty value
  // deletes. Null getattr/setattr mean generic_getattr/generic_setattr.
  Value (*getattr)(Value self, Str* name) = nullptr;
  void (*setattr)(Value self, Str* name, Value v) = nullptr;
  Value (*call)(Value self, Value* args, size_t nargs, Tuple* kwnames) = nullptr;
  Value (*iter)(Value self) = nullptr;
  Value (*next)(Value self) = nullptr;  // empty Value when exhausted
  Value (*getitem)(Value self, Value key) = nullptr;
  void (*setitem)(Value self, Value key, Value v) = nullptr;  // empty v deletes
  int (*contains)(Value self, Value item) = nullptr;
  // Descriptor protocol: __get__(self, obj, owner) (obj empty when accessed
  // on the class) and __set__/__delete__ (v empty deletes). A type with
  // descr_set is a data descriptor.
  Value (*descr_get)(Value self, Value obj, Value owner) = nullptr;
  void (*descr_set)(Value self, Value obj, Value v) = nullptr;
  // type(...) calls: new_ allocates (and for immutable builtins fully
  // builds) the instance; init (may be null) initialises it.
  Value (*new_)(Type* type, Value* args, size_t nargs, Tuple* kwnames) = nullptr;
  void (*init)(Value self, Value* args, size_t nargs, Tuple* kwnames) = nullptr;
};

// Storage for the attributes of an instance, at Type::attrs_offset.
// Attribute names map to slot indices through the instance's Layout (hidden
// class), so `obj.x` is "compare layout, load slots[i]". Instances of classes
// with a __dict__ that outgrew layouts, or that had attributes deleted, keep
// their layout at Layout::dictionary() and store everything in `dict`.
struct InstanceAttrs {
  Layout* layout;
  Value* slots;        // malloc'd, capacity Layout-driven; may be null
  uint32_t capacity;
  uint32_t unused;
  Dict* dict;          // only for layouts in dictionary mode; else null
};

// Core builtin types, created by init_runtime() (runtime/runtime.cpp).
extern Type* type_type;
extern Type* object_type;
extern Type* none_type;
extern Type* notimplemented_type;
extern Type* ellipsis_type;
extern Type* bool_type;
extern Type* int_type;
extern Type* float_type;
extern Type* str_type;
extern Type* bytes_type;
extern Type* tuple_type;
extern Type* list_type;
extern Type* dict_type;
extern Type* set_type;
extern Type* frozenset_type;
extern Type* range_type;
extern Type* slice_type;
extern Type* function_type;
extern Type* builtin_function_type;
extern Type* method_type;
extern Type* code_type;
extern Type* cell_type;
extern Type* module_type;
extern Type* generator_type;
extern Type* property_type;
extern Type* staticmethod_type;
extern Type* classmethod_type;
extern Type* super_type;

// The singletons.
extern Object* const none_object;
extern Object* const true_object;
extern Object* const false_object;
extern Object* const notimplemented_object;
extern Object* const ellipsis_object;

inline Value none() { return Value(none_object); }
inline Value not_implemented() { return Value(notimplemented_object); }
inline Value py_bool(bool b) { return Value(b ? true_object : false_object); }
inline bool is_none(Value v) { return v.obj() == none_object; }

// The class of any value (small ints are ints).
inline Type* type_of(Value v) { return v.is_small() ? int_type : v.obj()->type; }

// Exact class checks (no subclasses) used on fast paths.
inline bool is_exact(Value v, const Type* t) { return v.is_object() && v.obj()->type == t; }

// isinstance / issubclass on classes (walks the MRO).
bool is_subtype(const Type* t, const Type* base);
inline bool is_instance(Value v, const Type* base) { return is_subtype(type_of(v), base); }

// Fast subclass tests through the type flags.
inline bool is_int(Value v) { return v.is_small() || (type_of(v)->type_flags & kTypeIntSubclass); }
inline bool is_str(Value v) { return v.is_object() && (v.obj()->type->type_flags & kTypeStrSubclass); }
inline bool is_tuple(Value v) { return v.is_object() && (v.obj()->type->type_flags & kTypeTupleSubclass); }
inline bool is_list(Value v) { return v.is_object() && (v.obj()->type->type_flags & kTypeListSubclass); }
inline bool is_dict(Value v) { return v.is_object() && (v.obj()->type->type_flags & kTypeDictSubclass); }
inline bool is_type(Value v) { return v.is_object() && (v.obj()->type->type_flags & kTypeTypeSubclass); }
inline bool is_exception(Value v) { return v.is_object() && (v.obj()->type->type_flags & kTypeExcSubclass); }
inline bool is_float(Value v) { return v.is_object() && is_subtype(v.obj()->type, float_type); }

inline InstanceAttrs* attrs_of(Object* obj) {
  uint32_t off = obj->type->attrs_offset;
  return off ? reinterpret_cast<InstanceAttrs*>(reinterpret_cast<char*>(obj) + off) : nullptr;
}

}  // namespace kestrel
