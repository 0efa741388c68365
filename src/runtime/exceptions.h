// Exception objects: the BaseException layout shared by every exception class.
#pragma once

#include <string>

#include "runtime/object.h"

namespace kestrel {

struct Tuple;
struct List;

struct ExceptionObject : Object {
  Tuple* args;
  List* traceback;  // entries (code, instruction index), innermost first; may be null
  Value cause;      // __cause__ (empty = None)
  Value context;    // __context__ (empty = None)
  bool suppress_context;
  InstanceAttrs attrs;
};

// Creates an exception instance of `type` with the given args (no Python
// __init__ is run for builtin exception classes).
Value exception_new(Type* type, Value* args, size_t nargs);
// str(exc) / the "Type: message" line of a traceback.
std::string exception_message(Value exc);
// Records that `exc` passed through `code` at instruction `index`.
void exception_add_traceback(Value exc, Object* code, uint32_t index);
// Finds an exception class by name ("ValueError"), for SyntaxError & co.
Type* exception_type_by_name(const char* name);

}  // namespace kestrel
