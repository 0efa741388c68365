// The general object protocol (CPython's abstract.c/object.c): dispatch
// through Type slots, with reflected operands, NotImplemented, and CPython's
// error messages.
#include "runtime/protocol.h"

#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type_internal.h"

namespace kestrel {

// ------------------------------------------------------------ text

Value py_repr(Value v) {
  Type* t = type_of(v);
  if (!t->repr) return Value(str_new("<" + str_to_utf8(t->name) + " object>"));
  return t->repr(v);
}
Value py_str(Value v) {
  Type* t = type_of(v);
  if (t == str_type) return v;
  if (t->str) return t->str(v);
  return py_repr(v);
}
std::string repr_utf8(Value v) { return str_to_utf8(py_repr(v).as<Str>()); }
std::string str_utf8(Value v) { return str_to_utf8(py_str(v).as<Str>()); }

Value py_format(Value v, Value spec) {
  Value f = type_lookup(type_of(v), names::dunder_format);
  if (f.empty()) raise_type_error("Type " + type_name_str(v) + " doesn't define __format__");
  Value args[2] = {v, spec};
  Value r = py_call(f, args, 2);
  if (!is_str(r)) raise_type_error("__format__ must return a str, not " + type_name_str(r));
  return r;
}

// ------------------------------------------------------------ truth, hash, compare

bool py_truthy(Value v) {
  if (v.is_small()) return v.small_value() != 0;
  Object* o = v.obj();
  if (o == true_object) return true;
  if (o == false_object || o == none_object) return false;
  Type* t = o->type;
  if (t->truthy) return t->truthy(v) != 0;
  if (t->length) return t->length(v) != 0;
  return true;
}

int64_t py_hash(Value v) {
  if (v.is_small()) return int_hash(v);
  Type* t = v.obj()->type;
  if (!t->hash) raise_type_error("unhashable type: '" + str_to_utf8(t->name) + "'");
  return t->hash(v);
}

static const int kSwapped[6] = {4, 5, 2, 3, 0, 1};  // a<b  <=>  b>a

Value py_richcompare(Value a, Value b, int cmp) {
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  bool checked_reverse = false;
  if (ta != tb && is_subtype(tb, ta) && tb->richcompare) {
    checked_reverse = true;
    Value r = tb->richcompare(b, a, kSwapped[cmp]);
    if (r != not_implemented()) return r;
  }
  if (ta->richcompare) {
    Value r = ta->richcompare(a, b, cmp);
    if (r != not_implemented()) return r;
  }
  if (!checked_reverse && tb->richcompare) {
    Value r = tb->richcompare(b, a, kSwapped[cmp]);
    if (r != not_implemented()) return r;
  }
  if (cmp == 2) return py_bool(a == b);
  if (cmp == 3) return py_bool(a != b);
  static const char* const kSyms[6] = {"<", "<=", "==", "!=", ">", ">="};
  raise_type_error(std::string("'") + kSyms[cmp] + "' not supported between instances of '" +
                   type_name_str(a) + "' and '" + type_name_str(b) + "'");
}

bool py_compare_bool(Value a, Value b, int cmp) {
  if (a.is_small() && b.is_small()) {
    int64_t x = a.small_value(), y = b.small_value();
    switch (cmp) {
      case 0: return x < y;
      case 1: return x <= y;
      case 2: return x == y;
      case 3: return x != y;
      case 4: return x > y;
      default: return x >= y;
    }
  }
  Value r = py_richcompare(a, b, cmp);
  if (r.obj() == true_object) return true;
  if (r.obj() == false_object) return false;
  return py_truthy(r);
}

bool py_equal(Value a, Value b) {
  if (a == b) return true;
  return py_compare_bool(a, b, 2);
}
bool py_less(Value a, Value b) { return py_compare_bool(a, b, 0); }

// ------------------------------------------------------------ arithmetic

static const char* const kOpSymbols[26] = {"+",  "&",  "//",  "<<",  "@",  "*",  "%",  "|",  "** or pow()",
                                           ">>", "-",  "/",   "^",   "+=", "&=", "//=", "<<=", "@=",
                                           "*=", "%=", "|=",  "**=", ">>=", "-=", "/=",  "^="};

// The binary-operator protocol (CPython's binary_op1 plus the in-place
// variant); py_binary's slow path, out of line so its fast path stays small.
[[gnu::noinline]] static Value binary_protocol(Value a, Value b, int op) {
  if (op >= kInplaceOffset) {
    Type* ta = type_of(a);
    if (ta->binary) {
      Value r = ta->binary(a, b, op);
      if (r != not_implemented()) return r;
    }
    int base_op = op - kInplaceOffset;
    Type* tb = type_of(b);
    Value r = not_implemented();
    bool tried_b = false;
    if (ta != tb && tb->binary && is_subtype(tb, ta)) {
      tried_b = true;
      r = tb->binary(a, b, base_op);
      if (r != not_implemented()) return r;
    }
    if (ta->binary) {
      r = ta->binary(a, b, base_op);
      if (r != not_implemented()) return r;
    }
    if (!tried_b && ta != tb && tb->binary) {
      r = tb->binary(a, b, base_op);
      if (r != not_implemented()) return r;
    }
    raise_type_error(std::string("unsupported operand type(s) for ") + kOpSymbols[op] + ": '" +
                     type_name_str(a) + "' and '" + type_name_str(b) + "'");
  }
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  bool tried_b = false;
  // A subclass operand on the right that overrides the op goes first.
  if (ta != tb && tb->binary && is_subtype(tb, ta) && tb->binary != ta->binary) {
    tried_b = true;
    Value r = tb->binary(a, b, op);
    if (r != not_implemented()) return r;
  }
  if (ta->binary) {
    Value r = ta->binary(a, b, op);
    if (r != not_implemented()) return r;
  }
  if (!tried_b && ta != tb && tb->binary) {
    Value r = tb->binary(a, b, op);
    if (r != not_implemented()) return r;
  }
  if (op == 0 && (is_str(a) || is_str(b)) && ta != tb) {
    if (is_str(a))
      raise_type_error("can only concatenate str (not \"" + type_name_str(b) + "\") to str");
  }
  raise_type_error(std::string("unsupported operand type(s) for ") + kOpSymbols[op] + ": '" +
                   type_name_str(a) + "' and '" + type_name_str(b) + "'");
}

Value py_binary(Value a, Value b, int op) {
  // Two exact ints need no protocol (bignum sums: the interpreter's and the
  // JIT's fast paths only cover small ints).
  if ((a.is_small() || a.obj()->type == int_type) && (b.is_small() || b.obj()->type == int_type)) {
    Value r = int_binary_exact(a, b, op);
    if (r != not_implemented()) return r;  // int @ int
  }
  return binary_protocol(a, b, op);
}

static Value unary(Value v, Value (*Type::*slot)(Value), const char* sym) {
  Type* t = type_of(v);
  if (!(t->*slot)) raise_type_error(std::string("bad operand type for ") + sym + ": '" + type_name_str(v) + "'");
  return (t->*slot)(v);
}
Value py_negative(Value v) { return unary(v, &Type::negative, "unary -"); }
Value py_positive(Value v) { return unary(v, &Type::positive, "unary +"); }
Value py_invert(Value v) { return unary(v, &Type::invert, "unary ~"); }
Value py_absolute(Value v) { return unary(v, &Type::absolute, "abs()"); }
Value py_not(Value v) { return py_bool(!py_truthy(v)); }

// ------------------------------------------------------------ attributes

Value py_getattr_opt(Value obj, Str* name) {
  Type* t = type_of(obj);
  if (t->getattr) {
    try {
      return t->getattr(obj, name);
    } catch (PyException& e) {
      if (is_instance(e.exc, attribute_error_type)) return Value();
      throw;
    }
  }
  return generic_getattr(obj, name);
}

Value py_getattr(Value obj, Str* name) {
  Type* t = type_of(obj);
  Value v = t->getattr ? t->getattr(obj, name) : generic_getattr(obj, name);
  if (v.empty()) raise_attribute_error(obj, name);
  return v;
}

void py_setattr(Value obj, Str* name, Value v) {
  Type* t = type_of(obj);
  if (t->setattr) t->setattr(obj, name, v);
  else generic_setattr(obj, name, v);
}
void py_delattr(Value obj, Str* name) { py_setattr(obj, name, Value()); }
bool py_hasattr(Value obj, Str* name) { return !py_getattr_opt(obj, name).empty(); }

Value lookup_special(Value obj, Str* name) {
  Value f = type_lookup(type_of(obj), name);
  if (f.empty()) return f;
  Type* ft = type_of(f);
  if (ft->descr_get) return ft->descr_get(f, obj, Value(type_of(obj)));
  return f;
}

// ------------------------------------------------------------ calls

Value py_call(Value callable, Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = type_of(callable);
  if (!t->call) raise_type_error("'" + type_name_str(callable) + "' object is not callable");
  return t->call(callable, args, nargs, kwnames);
}
Value py_call0(Value callable) { return py_call(callable, nullptr, 0); }
Value py_call1(Value callable, Value a) { return py_call(callable, &a, 1); }
Value py_call2(Value callable, Value a, Value b) {
  Value args[2] = {a, b};
  return py_call(callable, args, 2);
}

Value py_call_method(Value obj, Str* name, Value* args, size_t nargs) {
  Type* t = type_of(obj);
  Value f = type_lookup(t, name);
  if (!f.empty() && (type_of(f) == function_type ||
                     (type_of(f) == builtin_function_type && f.as<BuiltinFunction>()->kind == kBuiltinMethod))) {
    // Unbound call with self first: no bound method object.
    Value small[8];
    if (nargs + 1 <= 8) {
      small[0] = obj;
      for (size_t i = 0; i < nargs; ++i) small[i + 1] = args[i];
      return py_call(f, small, nargs + 1);
    }
  }
  Value m = py_getattr(obj, name);
  return py_call(m, args, nargs);
}

// ------------------------------------------------------------ containers

Value py_iter(Value v) {
  Type* t = type_of(v);
  if (t->iter) {
    Value it = t->iter(v);
    if (!type_of(it)->next)
      raise_type_error("iter() returned non-iterator of type '" + type_name_str(it) + "'");
    return it;
  }
  if (t->getitem) {
    // The old sequence protocol: a seqiter over __getitem__ until IndexError.
    extern Value make_seq_iter(Value seq);
    return make_seq_iter(v);
  }
  raise_type_error("'" + type_name_str(v) + "' object is not iterable");
}

Value py_next(Value it) {
  Type* t = type_of(it);
  if (!t->next) raise_type_error("'" + type_name_str(it) + "' object is not an iterator");
  return t->next(it);
}

int64_t py_len(Value v) {
  Type* t = type_of(v);
  if (!t->length) raise_type_error("object of type '" + type_name_str(v) + "' has no len()");
  return t->length(v);
}

Value py_getitem(Value obj, Value key) {
  Type* t = type_of(obj);
  if (t->getitem) return t->getitem(obj, key);
  if (is_type(obj)) {
    static Str* cgi = intern("__class_getitem__");
    Value f = py_getattr_opt(obj, cgi);
    if (!f.empty()) return py_call1(f, key);
    raise_type_error("type '" + str_to_utf8(obj.as<Type>()->name) + "' is not subscriptable");
  }
  raise_type_error("'" + type_name_str(obj) + "' object is not subscriptable");
}
void py_setitem(Value obj, Value key, Value v) {
  Type* t = type_of(obj);
  if (!t->setitem) raise_type_error("'" + type_name_str(obj) + "' object does not support item assignment");
  t->setitem(obj, key, v);
}
void py_delitem(Value obj, Value key) {
  Type* t = type_of(obj);
  if (!t->setitem) raise_type_error("'" + type_name_str(obj) + "' object does not support item deletion");
  t->setitem(obj, key, Value());
}
bool py_contains(Value container, Value item) {
  Type* t = type_of(container);
  if (t->contains) return t->contains(container, item) != 0;
  Value it;
  try {
    it = py_iter(container);
  } catch (PyException& e) {  // CPython's _PySequence_IterSearch rewords the TypeError
    if (!is_instance(e.exc, type_error_type)) throw;
    raise_type_error("argument of type '" + type_name_str(container) + "' is not iterable");
  }
  for (Value x = py_next(it); !x.empty(); x = py_next(it))
    if (py_equal(x, item)) return true;
  return false;
}

Value py_list_of(Value iterable) { return Value(list_from_iterable(iterable)); }

Value py_index(Value v) {
  if (is_int(v)) return v;
  Value f = lookup_special(v, names::dunder_index);
  if (f.empty())
    raise_type_error("'" + type_name_str(v) + "' object cannot be interpreted as an integer");
  Value r = py_call0(f);
  if (!is_int(r)) raise_type_error("__index__ returned non-int (type " + type_name_str(r) + ")");
  return r;
}

// ------------------------------------------------------------ sequence iterator

struct SeqIter : Object {
  Value seq;
  int64_t index;
};
static Type* seq_iter_type;
static void seq_iter_trace(Object* o, Tracer& t) { t.mark(static_cast<SeqIter*>(o)->seq); }
static Value seq_iter_next(Value self) {
  auto* s = self.as<SeqIter>();
  if (s->seq.empty()) return Value();
  try {
    Value v = py_getitem(s->seq, Value::small(s->index));
    s->index++;
    return v;
  } catch (PyException& e) {
    if (is_instance(e.exc, index_error_type) || is_instance(e.exc, stop_iteration_type)) {
      s->seq = Value();
      return Value();
    }
    throw;
  }
}
static Value self_iter(Value v) { return v; }

Value make_seq_iter(Value seq) {
  if (!seq_iter_type) {
    seq_iter_type = new_builtin_type("iterator", nullptr, sizeof(SeqIter));
    seq_iter_type->trace = seq_iter_trace;
    seq_iter_type->next = seq_iter_next;
    seq_iter_type->iter = self_iter;
  }
  auto* s = gc_new<SeqIter>(seq_iter_type);
  s->seq = seq;
  return Value(s);
}

}  // namespace kestrel
