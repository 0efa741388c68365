// Pre-interned Strs for names the runtime looks up by identity (names.def).
#pragma once

#include "runtime/str.h"

namespace kestrel::names {

#define NAME(id, text) extern Str* id;
#include "runtime/names.def"
#undef NAME

void init_names();  // called by init_runtime() once str_type exists

// Dunder names of the binary operators, indexed by BinOp number (0..12), and
// their reflected (__radd__) and in-place (__iadd__) forms.
extern Str* binop_names[13];
extern Str* binop_rnames[13];
extern Str* binop_inames[13];
// Rich comparison dunders indexed by CmpOp number.
extern Str* cmp_names[6];

}  // namespace kestrel::names
