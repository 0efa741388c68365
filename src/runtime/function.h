// Code objects, functions, cells, bound methods, modules and the descriptor
// types (property, staticmethod, classmethod): the objects the interpreter
// runs and calls.
#pragma once

#include <memory>

#include "bytecode/code_proto.h"
#include "runtime/object.h"

namespace kestrel {

struct Str;
struct Tuple;
struct Dict;

// Per-instruction inline cache (see interp/). Indexed by instruction number.
struct InlineCache {
  uint64_t key1;   // e.g. dict version / class version / layout pointer
  uint64_t key2;
  Value value;     // cached result (global value, method, ...)
  uint32_t index;  // e.g. attribute slot index
  int32_t counter; // hot-loop counter (JUMP_BACKWARD)
};

struct Code : Object {
  std::shared_ptr<CodeProto>* proto;  // owned (deleted by the finalizer)
  Str* name;
  Str* qualname;
  Str* filename;
  Tuple* consts;            // runtime constant values
  Tuple* names;             // interned Strs
  Tuple* localsplus_names;  // Strs
  const Instr* code;        // == proto->code.data()
  uint32_t ninstrs;
  uint32_t nlocalsplus;
  uint32_t ncells;          // cells that are not free variables
  uint32_t nfrees;
  uint32_t max_stack;
  uint32_t flags;
  uint32_t argcount, posonlyargcount, kwonlyargcount;
  uint32_t first_line;
  InlineCache* caches;      // ninstrs entries, malloc'd
  // The tracing JIT's function entries (docs/jit.md, "Function traces"):
  // calls counted by the interpreter's CALL, and the compiled trace of one
  // call (a jit::CompiledLoop*), run instead of the interpreter when set.
  int32_t jit_calls;
  void* jit_function;
};

struct Function : Object {
  Code* code;
  Dict* globals;
  Dict* builtins;
  Tuple* defaults;     // may be null
  Dict* kwdefaults;    // may be null
  Tuple* closure;      // cells, may be null
  Str* name;
  Str* qualname;
  Value doc;
  Value module;        // __module__
  Dict* dict;          // function attributes, created on demand
};

struct Cell : Object {
  Value value;  // empty = unbound
};

struct BoundMethod : Object {
  Value func;
  Value self;
};

struct Module : Object {
  Dict* dict;
  Str* name;
};

struct Property : Object {
  Value fget, fset, fdel, doc;
  Value name;  // set by __set_name__ (class-body properties); used in error messages
};

// staticmethod / classmethod wrappers.
struct MethodWrapper : Object {
  Value callable;
  Dict* dict;
};

struct Super : Object {
  Type* type;     // the class super() was called in
  Value obj;      // the instance (or class)
  Type* obj_type;  // type to search the MRO of
};

Code* code_from_proto(std::shared_ptr<CodeProto> proto);
Function* function_new(Code* code, Dict* globals, Value qualname_override = Value());
Value bound_method_new(Value func, Value self);
Cell* cell_new(Value v);

Module* module_new(Str* name);
// Convenience for native modules.
Value new_module(const char* name);
void module_set(Value module, const char* name, Value v);
Value module_get(Value module, const char* name);  // empty when absent

void init_function_types();

}  // namespace kestrel
