// Interns the names of names.def at start-up.
#include "runtime/names.h"

namespace kestrel::names {

#define NAME(id, text) Str* id = nullptr;
#include "runtime/names.def"
#undef NAME

Str* binop_names[13];
Str* binop_rnames[13];
Str* binop_inames[13];
Str* cmp_names[6];

void init_names() {
#define NAME(id, text) id = intern(text);
#include "runtime/names.def"
#undef NAME
  // Order is the BinOp numbering (CPython's NB_* order).
  static const char* const kOps[13] = {"add", "and", "floordiv", "lshift", "matmul", "mul", "mod",
                                       "or",  "pow", "rshift",   "sub",    "truediv", "xor"};
  for (int i = 0; i < 13; ++i) {
    std::string op = kOps[i];
    binop_names[i] = intern("__" + op + "__");
    binop_rnames[i] = intern("__r" + op + "__");
    binop_inames[i] = intern("__i" + op + "__");
  }
  cmp_names[0] = dunder_lt;
  cmp_names[1] = dunder_le;
  cmp_names[2] = dunder_eq;
  cmp_names[3] = dunder_ne;
  cmp_names[4] = dunder_gt;
  cmp_names[5] = dunder_ge;
}

}  // namespace kestrel::names
