// Python bool: a subclass of int whose only instances are the static
// True/False objects (runtime/object.cpp). & | ^ between bools give bools;
// everything else is int behaviour.
#include <string>

#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/str.h"

namespace kestrel {

namespace {

constexpr int kAnd = 1, kOr = 7, kXor = 12;

Value bool_repr(Value self) {
  static Str* true_str = intern("True");
  static Str* false_str = intern("False");
  return Value(self.obj() == true_object ? true_str : false_str);
}

inline bool is_bool(Value v) { return v.is_object() && v.obj()->type == bool_type; }

Value bool_binary(Value a, Value b, int op) {
  int plain = op >= 13 ? op - 13 : op;
  if (is_bool(a) && is_bool(b) && (plain == kAnd || plain == kOr || plain == kXor)) {
    bool x = a.obj() == true_object, y = b.obj() == true_object;
    return py_bool(plain == kAnd ? (x && y) : plain == kOr ? (x || y) : (x != y));
  }
  return int_binary(a, b, op);
}

Value bool_new(Type*, Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("bool", kwnames);
  check_nargs("bool", nargs, 0, 1);
  return py_bool(nargs == 1 && py_truthy(args[0]));
}

template <int op>
Value bool_dunder(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__and__", kwnames);
  if (nargs != 2) raise_type_error("expected 1 argument, got " + std::to_string(nargs - 1));
  return bool_binary(args[0], args[1], op);
}
template <int op>
Value bool_rdunder(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__rand__", kwnames);
  if (nargs != 2) raise_type_error("expected 1 argument, got " + std::to_string(nargs - 1));
  return bool_binary(args[1], args[0], op);
}

Value bool_repr_method(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__repr__", kwnames);
  check_nargs("__repr__", nargs - 1, 0, 0);
  return bool_repr(args[0]);
}

}  // namespace

void init_bool_type() {
  Type* t = bool_type;
  Type* base = int_type;
  // Builtin types do not inherit slots automatically: take int's.
  t->hash = base->hash;
  t->richcompare = base->richcompare;
  t->negative = base->negative;
  t->positive = base->positive;
  t->invert = base->invert;
  t->absolute = base->absolute;
  t->truthy = base->truthy;
  t->repr = bool_repr;
  t->binary = bool_binary;
  t->new_ = bool_new;
  add_method(t, "__and__", bool_dunder<kAnd>);
  add_method(t, "__or__", bool_dunder<kOr>);
  add_method(t, "__xor__", bool_dunder<kXor>);
  add_method(t, "__rand__", bool_rdunder<kAnd>);
  add_method(t, "__ror__", bool_rdunder<kOr>);
  add_method(t, "__rxor__", bool_rdunder<kXor>);
  add_method(t, "__repr__", bool_repr_method);
}

}  // namespace kestrel
