// Pieces shared by the builtins, sys and time implementation files (not an
// interface for other subsystems): the file object type behind open() and
// sys.std*, struct sequences, and the registration of the iterator types.
#pragma once

#include <cstdio>
#include <initializer_list>

#include "runtime/object.h"

namespace kestrel {

struct Dict;
struct Str;

// --- file objects (builtins_io.cpp)

// open()'s result and sys.stdin/stdout/stderr. `fp` is null once closed.
struct FileObject : Object {
  FILE* fp;
  Value name;  // str (path) or int (fd)
  Str* mode;
  bool readable, writable, binary, closed;
  bool owns_fp;    // false for the std streams: close() does not fclose them
  bool translate;  // universal newlines on read (\r\n and \r -> \n)
  char encoding[24];
  char errors[24];
};

// 0 = stdin, 1 = stdout, 2 = stderr: the original sys.std* objects.
Value std_stream(int which);
void init_std_streams();
void add_io_builtins(Value module);  // print, input, open

// --- sys (sys.cpp): the sys module's dict once make_sys_module ran, else null.
Dict* sys_dict_or_null();

// --- eval, exec, compile (builtins_eval.cpp)
void add_eval_builtins(Value module);

// --- iterator types (builtins_iter.cpp)
void add_iter_builtins(Value module);  // enumerate, zip, map, filter, reversed, iter, next

// --- struct sequences (structseq.cpp): tuple subclasses whose items are
// also named attributes, with CPython's repr "name(field=value, ...)".
// `visible` counts the fields that are tuple items; the rest are
// attribute-only (like struct_time's tm_zone).
Type* make_struct_seq_type(const char* qualified_name, std::initializer_list<const char*> fields,
                           size_t visible);
Value struct_seq_new(Type* type, const Value* items, size_t nitems);

}  // namespace kestrel
