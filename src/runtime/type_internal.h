// Class-machinery functions shared by the runtime's own files (not part of
// the interface other subsystems use).
#pragma once

#include "runtime/object.h"

namespace kestrel {

uint64_t fresh_type_version();
void type_modified(Type* t);        // bump versions of t and its subclasses
void update_slots(Type* t);         // recompute a heap class's C-level slots
Type* solid_base(Type* t);          // first builtin class in the base chain
void register_builtin_type(Type* t);  // keep alive forever
void finish_builtin_type(Type* t);  // bases/MRO/dict/version of a bare builtin type
Value type_new_class(Type* metatype, Str* name, Tuple* bases, Dict* ns);
void init_type_type();
void init_object_type();
extern Type* getter_type;

}  // namespace kestrel
