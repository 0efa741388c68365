// Defining builtin types, methods and functions in C++, and parsing their
// arguments. Every builtin method is a BuiltinFunction stored in its type's
// dict; LOAD_METHOD calls it with self as args[0] without binding.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>

#include "runtime/object.h"

namespace kestrel {

struct BuiltinFunction : Object {
  NativeFn fn;
  const char* name;
  Value self;      // bound receiver (prepended to args) or empty
  Type* owner;     // the type a method belongs to (for "descriptor 'x' of 'T'")
  uint32_t kind;   // BuiltinKind
  Value module;    // for __module__ of module-level functions; may be empty
};

enum BuiltinKind : uint32_t {
  kBuiltinFunction = 0,  // plain function (module level or bound)
  kBuiltinMethod = 1,    // method descriptor: binds to instances
  kBuiltinClassMethod = 2,  // receives the class as args[0]
  kBuiltinStaticMethod = 3,
};

// The builtin function being called (set by every call path just before
// invoking `fn`), so that slot wrappers like `dict.__setitem__` know which
// class's slot they stand for. Read it first thing; nested calls overwrite it.
extern BuiltinFunction* g_current_builtin;

// Adds `__repr__`, `__getitem__`, `__new__`, ... to a builtin type's dict for
// each slot it fills, unless already there (CPython's slot wrappers).
void add_slot_wrappers(Type* type);
// add_slot_wrappers for every builtin type it has not run on yet.
void add_new_slot_wrappers();

// Creates a builtin (non-heap) class. `instance_size` is sizeof the C++
// struct; `base` defaults to object.
Type* new_builtin_type(const char* name, Type* base, size_t instance_size, uint32_t flags = 0);
// Adds a method (args[0] is self), class method or static method to a type.
void add_method(Type* type, const char* name, NativeFn fn, BuiltinKind kind = kBuiltinMethod);
// Sets an attribute in a builtin type's dict (constants, descriptors).
void add_type_attr(Type* type, const char* name, Value value);
// Adds a read-only attribute computed by `getter` (a property-like descriptor).
void add_getter(Type* type, const char* name, Value (*getter)(Value self));
// A free-standing function object (for builtins and native modules).
Value new_builtin_function(const char* name, NativeFn fn, Value module = Value());

// Argument checking with CPython's messages. `fname` is how CPython names the
// callable in messages (e.g. "append", "int", "sorted").
void check_no_kwargs(const char* fname, Tuple* kwnames);
void check_nargs(const char* fname, size_t nargs, size_t min, size_t max);

// General parser: binds positional args then keywords to `names` (in order),
// writing empty Values for missing optional ones. The first `required` names
// are required. `npositional_only` names cannot be passed by keyword.
// Example: parse_args("sorted", args, nargs, kwnames, {"iterable", "key", "reverse"}, 1, out)
void parse_args(const char* fname, Value* args, size_t nargs, Tuple* kwnames,
                std::initializer_list<const char*> names, size_t required, Value* out,
                size_t npositional_only = 0);

}  // namespace kestrel
