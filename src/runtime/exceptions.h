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
// One traceback entry as CPython 3.11 prints it: `  File "f.py", line N, in
// name`, the source line without indentation, and the PEP 657 caret line.
// `code` is a Code object; *lineno receives the entry's line number.
std::string format_traceback_entry(Object* code, uint32_t index, int* lineno);
// The source line and caret line CPython prints for a SyntaxError (from its
// text, offset, end_offset, lineno and end_lineno attributes); "" without text.
std::string format_syntax_error_text(Value exc);
// CPython 3.11's suggestion for an AttributeError (from its name/obj) or a
// NameError (innermost frame's locals, its module's globals, builtins):
// ". Did you mean: 'x'?", or "" when there is none.
std::string exception_suggestion(Value exc);
// Finds an exception class by name ("ValueError"), for SyntaxError & co.
Type* exception_type_by_name(const char* name);

}  // namespace kestrel
