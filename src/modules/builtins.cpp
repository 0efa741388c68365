// The builtins module: binds the builtin types, exception classes and
// constants, and implements the builtin functions other than the I/O and
// iterator ones (builtins_io.cpp, builtins_iter.cpp).
#include "modules/builtins.h"

#include <cmath>
#include <string>
#include <vector>

#include "bytecode/opcodes.h"
#include "modules/builtins_internal.h"
#include "runtime/bytearray.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

// Provided by the interpreter (interp/) and the exception machinery.
const std::vector<Type*>& all_exception_types();
Value current_globals();
Value current_locals();
Value import_module_level(Str* name, Value globals, Value fromlist, int level);
Value build_class(Value* args, size_t nargs, Tuple* kwnames);

namespace {

constexpr int kAdd = int(BinOp::Add);
constexpr int kFloorDiv = int(BinOp::FloorDivide);
constexpr int kRemainder = int(BinOp::Remainder);
constexpr int kPower = int(BinOp::Power);
constexpr int kLt = int(CmpOp::Lt);
constexpr int kGt = int(CmpOp::Gt);

[[noreturn]] void invalid_keyword(const char* fname, Str* kw) {
  raise_type_error("'" + str_to_utf8(kw) + "' is an invalid keyword argument for " + fname + "()");
}

Str* attr_name(Value v) {
  if (!is_str(v)) raise_type_error("attribute name must be string, not '" + type_name_str(v) + "'");
  return v.as<Str>();
}

// ------------------------------------------------------------ simple ones

Value builtin_len(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("len", kwnames);
  check_nargs("len", nargs, 1, 1);
  return int_from_i64(py_len(args[0]));
}

Value builtin_repr(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("repr", kwnames);
  check_nargs("repr", nargs, 1, 1);
  return py_repr(args[0]);
}

// repr() with non-ASCII code points escaped (\xhh, \uhhhh, \Uhhhhhhhh).
Value ascii_of(Value v) {
  Value r = py_repr(v);
  Str* s = r.as<Str>();
  if (s->ascii) return r;
  std::string out;
  static const char* hex = "0123456789abcdef";
  for (int64_t i = 0; i < s->length; ++i) {
    uint32_t c = s->at(i);
    if (c < 0x80) {
      out.push_back(char(c));
      continue;
    }
    int digits = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
    out += digits == 2 ? "\\x" : digits == 4 ? "\\u" : "\\U";
    for (int d = digits - 1; d >= 0; --d) out.push_back(hex[(c >> (4 * d)) & 0xF]);
  }
  return Value(str_new(out));
}

Value builtin_ascii(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("ascii", kwnames);
  check_nargs("ascii", nargs, 1, 1);
  return ascii_of(args[0]);
}

Value builtin_abs(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("abs", kwnames);
  check_nargs("abs", nargs, 1, 1);
  return py_absolute(args[0]);
}

Value builtin_hash(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("hash", kwnames);
  check_nargs("hash", nargs, 1, 1);
  return int_from_i64(py_hash(args[0]));
}

// The value word itself: distinct for every live object and every small int.
Value builtin_id(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("id", kwnames);
  check_nargs("id", nargs, 1, 1);
  return int_from_u64(args[0].bits());
}

bool is_callable(Value v) {
  Type* t = type_of(v);
  return t->call != nullptr || t == function_type || t == method_type ||
         t == builtin_function_type || is_type(v) || !lookup_special(v, names::dunder_call).empty();
}

Value builtin_callable(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("callable", kwnames);
  check_nargs("callable", nargs, 1, 1);
  return py_bool(is_callable(args[0]));
}

Value builtin_chr(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("chr", kwnames);
  check_nargs("chr", nargs, 1, 1);
  Value i = py_index(args[0]);
  int64_t cp;
  if (!int_to_i64(i, &cp) || cp < INT32_MIN || cp > INT32_MAX)
    raise_overflow_error("Python int too large to convert to C int");
  if (cp < 0 || cp > 0x10FFFF) raise_value_error("chr() arg not in range(0x110000)");
  if (cp < 256) return Value(str_char(uint32_t(cp)));
  uint32_t c = uint32_t(cp);
  return Value(str_from_codepoints(&c, 1));
}

Value builtin_ord(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("ord", kwnames);
  check_nargs("ord", nargs, 1, 1);
  Value v = args[0];
  if (is_str(v)) {
    Str* s = v.as<Str>();
    if (s->length == 1) return Value::small(s->at(0));
    raise_type_error("ord() expected a character, but string of length " +
                     std::to_string(s->length) + " found");
  }
  if (is_instance(v, bytes_type)) {
    Bytes* b = v.as<Bytes>();
    if (b->length == 1) return Value::small(b->data()[0]);
    raise_type_error("ord() expected a character, but string of length " +
                     std::to_string(b->length) + " found");
  }
  raise_type_error("ord() expected string of length 1, but " + type_name_str(v) + " found");
}

Value int_base_repr(const char* fname, Value* args, size_t nargs, Tuple* kwnames, int base) {
  check_no_kwargs(fname, kwnames);
  check_nargs(fname, nargs, 1, 1);
  return Value(str_new(int_to_base(py_index(args[0]), base, true)));
}
Value builtin_hex(Value* args, size_t nargs, Tuple* kwnames) {
  return int_base_repr("hex", args, nargs, kwnames, 16);
}
Value builtin_oct(Value* args, size_t nargs, Tuple* kwnames) {
  return int_base_repr("oct", args, nargs, kwnames, 8);
}
Value builtin_bin(Value* args, size_t nargs, Tuple* kwnames) {
  return int_base_repr("bin", args, nargs, kwnames, 2);
}

Value builtin_format(Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (nargs == 0 && !kwnames) raise_type_error("format expected at least 1 argument, got 0");
  parse_args("format", args, nargs, kwnames, {"value", "format_spec"}, 1, a);
  Value spec = a[1];
  if (spec.empty())
    spec = Value(str_empty());
  else if (!is_str(spec))
    raise_type_error("format() argument 2 must be str, not " + type_name_str(spec));
  return py_format(a[0], spec);
}

// ------------------------------------------------------------ attributes

Value builtin_getattr(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("getattr", kwnames);
  check_nargs("getattr", nargs, 2, 3);
  Str* name = attr_name(args[1]);
  if (nargs == 2) return py_getattr(args[0], name);
  try {
    Value v = py_getattr_opt(args[0], name);
    return v.empty() ? args[2] : v;
  } catch (PyException& e) {
    if (is_instance(e.exc, attribute_error_type)) return args[2];
    throw;
  }
}

Value builtin_hasattr(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("hasattr", kwnames);
  check_nargs("hasattr", nargs, 2, 2);
  Str* name = attr_name(args[1]);
  try {
    return py_bool(!py_getattr_opt(args[0], name).empty());
  } catch (PyException& e) {
    if (is_instance(e.exc, attribute_error_type)) return py_bool(false);
    throw;
  }
}

Value builtin_setattr(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("setattr", kwnames);
  check_nargs("setattr", nargs, 3, 3);
  py_setattr(args[0], attr_name(args[1]), args[2]);
  return none();
}

Value builtin_delattr(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("delattr", kwnames);
  check_nargs("delattr", nargs, 2, 2);
  py_delattr(args[0], attr_name(args[1]));
  return none();
}

Value builtin_vars(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("vars", kwnames);
  check_nargs("vars", nargs, 0, 1);
  if (nargs == 0) return current_locals();
  Value d;
  try {
    d = py_getattr_opt(args[0], names::dunder_dict);
  } catch (PyException& e) {
    if (!is_instance(e.exc, attribute_error_type)) throw;
  }
  if (d.empty()) raise_type_error("vars() argument must have __dict__ attribute");
  return d;
}

// dir(obj) without a __dir__ method: the instance dict's keys plus every
// name along the class's MRO (and, for classes, their own MRO).
void collect_names(Set* out, Value obj) {
  Value d;
  try {
    d = py_getattr_opt(obj, names::dunder_dict);
  } catch (PyException& e) {
    if (!is_instance(e.exc, attribute_error_type)) throw;
  }
  if (!d.empty() && is_dict(d)) {
    int64_t pos = 0;
    Value k, v;
    while (dict_next(d.as<Dict>(), &pos, &k, &v)) set_add(out, k);
  }
  if (type_of(obj) == module_type) return;
  Tuple* mro = is_type(obj) ? obj.as<Type>()->mro : type_of(obj)->mro;
  for (int64_t i = 0; i < mro->size; ++i) {
    Dict* td = mro->items[i].as<Type>()->dict;
    int64_t pos = 0;
    Value k, v;
    while (dict_next(td, &pos, &k, &v)) set_add(out, k);
  }
}

Value builtin_dir(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("dir", kwnames);
  check_nargs("dir", nargs, 0, 1);
  List* result;
  if (nargs == 0) {
    Value locals = current_locals();
    result = list_new(0);
    if (is_dict(locals)) {
      int64_t pos = 0;
      Value k, v;
      while (dict_next(locals.as<Dict>(), &pos, &k, &v)) list_append(result, k);
    } else {
      result = list_from_iterable(py_call_method(locals, names::keys, nullptr, 0));
    }
  } else {
    static Str* dunder_dir = intern("__dir__");
    Value m = lookup_special(args[0], dunder_dir);
    if (!m.empty()) {
      result = list_from_iterable(py_call0(m));
    } else {
      Set* names = set_new();
      collect_names(names, args[0]);
      result = list_from_iterable(Value(names));
    }
  }
  list_sort(result, Value(), false);
  return Value(result);
}

Value builtin_globals(Value*, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("globals", kwnames);
  check_nargs("globals", nargs, 0, 0);
  return current_globals();
}

Value builtin_locals(Value*, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("locals", kwnames);
  check_nargs("locals", nargs, 0, 0);
  return current_locals();
}

// ------------------------------------------------------------ isinstance

bool check_isinstance(Value obj, Value cls, int depth);

bool check_isinstance(Value obj, Value cls, int depth) {
  if (is_type(cls)) {
    Type* c = cls.as<Type>();
    if (type_of(obj) == c) return true;
    // A plain class: no metaclass hook can apply.
    if (type_of(cls) == type_type) return is_instance(obj, c);
  } else if (is_tuple(cls)) {
    if (depth > 1000)
      raise(recursion_error_type, "maximum recursion depth exceeded in __instancecheck__");
    Tuple* t = cls.as<Tuple>();
    for (int64_t i = 0; i < t->size; ++i)
      if (check_isinstance(obj, t->items[i], depth + 1)) return true;
    return false;
  }
  Value checker = lookup_special(cls, names::dunder_instancecheck);
  if (!checker.empty()) return py_truthy(py_call1(checker, obj));
  raise_type_error("isinstance() arg 2 must be a type, a tuple of types, or a union");
}

bool check_issubclass(Value sub, Value cls, int depth) {
  if (is_type(cls) && type_of(cls) == type_type) {
    if (!is_type(sub)) raise_type_error("issubclass() arg 1 must be a class");
    return is_subtype(sub.as<Type>(), cls.as<Type>());
  }
  if (is_tuple(cls)) {
    if (depth > 1000)
      raise(recursion_error_type, "maximum recursion depth exceeded in __subclasscheck__");
    Tuple* t = cls.as<Tuple>();
    for (int64_t i = 0; i < t->size; ++i)
      if (check_issubclass(sub, t->items[i], depth + 1)) return true;
    return false;
  }
  Value checker = lookup_special(cls, names::dunder_subclasscheck);
  if (!checker.empty()) return py_truthy(py_call1(checker, sub));
  if (!is_type(sub)) raise_type_error("issubclass() arg 1 must be a class");
  raise_type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union");
}

Value builtin_isinstance(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("isinstance", kwnames);
  check_nargs("isinstance", nargs, 2, 2);
  return py_bool(check_isinstance(args[0], args[1], 0));
}

Value builtin_issubclass(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("issubclass", kwnames);
  check_nargs("issubclass", nargs, 2, 2);
  return py_bool(check_issubclass(args[0], args[1], 0));
}

// ------------------------------------------------------------ numbers

Value builtin_round(Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  parse_args("round", args, nargs, kwnames, {"number", "ndigits"}, 1, a);
  Value m = lookup_special(a[0], names::dunder_round);
  if (m.empty()) {
    raise_type_error("type " + type_name_str(a[0]) + " doesn't define __round__ method");
  }
  if (a[1].empty() || is_none(a[1])) return py_call0(m);
  return py_call1(m, a[1]);
}

bool is_zero_number(Value v) {
  if (v.is_small()) return v.small_value() == 0;
  if (is_float(v)) return float_value(v) == 0.0;
  if (is_int(v)) return int_sign(v) == 0;
  return false;
}

Value builtin_divmod(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("divmod", kwnames);
  check_nargs("divmod", nargs, 2, 2);
  Value a = args[0], b = args[1];
  bool a_num = is_int(a) || is_float(a);
  bool b_num = is_int(b) || is_float(b);
  bool a_heap = type_of(a)->type_flags & kTypeHeap;
  bool b_heap = type_of(b)->type_flags & kTypeHeap;
  if (a_num && b_num && !a_heap && !b_heap) {
    if ((is_float(a) || is_float(b)) && is_zero_number(b)) raise_zero_division("float divmod()");
    // // and % share CPython's divmod algorithm for ints and floats.
    Value q = py_binary(a, b, kFloorDiv);
    Value r = py_binary(a, b, kRemainder);
    return Value(tuple_of({q, r}));
  }
  static Str* divmod_name = intern("__divmod__");
  static Str* rdivmod_name = intern("__rdivmod__");
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  // The reflected method goes first when b's class is a subclass of a's.
  bool b_first = ta != tb && is_subtype(tb, ta) && !lookup_special(b, rdivmod_name).empty();
  if (b_first) {
    Value r = py_call1(lookup_special(b, rdivmod_name), a);
    if (r != not_implemented()) return r;
  }
  Value m = lookup_special(a, divmod_name);
  if (!m.empty()) {
    Value r = py_call1(m, b);
    if (r != not_implemented()) return r;
  }
  if (!b_first && ta != tb) {
    Value rm = lookup_special(b, rdivmod_name);
    if (!rm.empty()) {
      Value r = py_call1(rm, a);
      if (r != not_implemented()) return r;
    }
  }
  if (a_num && b_num) {
    Value q = py_binary(a, b, kFloorDiv);
    Value r = py_binary(a, b, kRemainder);
    return Value(tuple_of({q, r}));
  }
  raise_type_error("unsupported operand type(s) for divmod(): '" + type_name_str(a) + "' and '" +
                   type_name_str(b) + "'");
}

Value builtin_pow(Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  parse_args("pow", args, nargs, kwnames, {"base", "exp", "mod"}, 2, a);
  if (a[2].empty() || is_none(a[2])) return py_binary(a[0], a[1], kPower);
  if (is_int(a[0]) && is_int(a[1]) && is_int(a[2]) && !(type_of(a[0])->type_flags & kTypeHeap))
    return int_power(a[0], a[1], a[2]);
  // Three-argument pow on other types: only a __pow__ accepting a modulus.
  if (type_of(a[0])->type_flags & kTypeHeap) {
    Value m = lookup_special(a[0], names::binop_names[kPower]);
    if (!m.empty()) {
      Value margs[2] = {a[1], a[2]};
      Value r = py_call(m, margs, 2);
      if (r != not_implemented()) return r;
    }
  }
  // complex_pow refuses any modulus (its ternary slot answers for int/float/complex).
  auto numeric = [](Value v) { return is_int(v) || is_float(v) || is_complex(v); };
  if ((is_complex(a[0]) || is_complex(a[1])) && numeric(a[0]) && numeric(a[1]))
    raise_value_error("complex modulo");
  if ((is_int(a[0]) || is_float(a[0])) && (is_int(a[1]) || is_float(a[1])) &&
      (is_int(a[2]) || is_float(a[2])))
    raise_type_error("pow() 3rd argument not allowed unless all arguments are integers");
  raise_type_error("unsupported operand type(s) for ** or pow(): '" + type_name_str(a[0]) + "', '" +
                   type_name_str(a[1]) + "', '" + type_name_str(a[2]) + "'");
}

// sum() exactly as CPython 3.11: an int fast path in a C long while items
// are ints, then a double fast path while items are floats (or ints that fit
// a long), then generic +. The float path is plain left-to-right addition.
Value builtin_sum(Value* args, size_t nargs, Tuple* kwnames) {
  Value start;
  size_t nkw = kwnames ? size_t(kwnames->size) : 0;
  if (nargs == 0) raise_type_error("sum() takes at least 1 positional argument (0 given)");
  if (nargs + nkw > 2)
    raise_type_error("sum() takes at most 2 arguments (" + std::to_string(nargs + nkw) + " given)");
  if (nargs == 2) start = args[1];
  for (size_t k = 0; k < nkw; ++k) {
    Str* kw = kwnames->items[k].as<Str>();
    if (!str_equal_ascii(kw, "start"))
      raise_type_error("sum() got an unexpected keyword argument '" + str_to_utf8(kw) + "'");
    start = args[nargs + k];
  }
  Value it = py_iter(args[0]);
  Value result = start.empty() ? Value::small(0) : start;
  if (!start.empty()) {
    if (is_str(start)) raise_type_error("sum() can't sum strings [use ''.join(seq) instead]");
    if (is_instance(start, bytes_type))
      raise_type_error("sum() can't sum bytes [use b''.join(seq) instead]");
    if (str_equal_ascii(type_of(start)->name, "bytearray"))
      raise_type_error("sum() can't sum bytearray [use b''.join(seq) instead]");
  }
  Value item;
  if (result.is_small() || is_exact(result, int_type)) {
    int64_t acc;
    if (int_to_i64(result, &acc)) {
      bool done = false;
      while (!done) {
        item = py_next(it);
        if (item.empty()) return int_from_i64(acc);
        if (item.is_small() || is_exact(item, int_type) || is_exact(item, bool_type)) {
          int64_t b;
          if (int_to_i64(item, &b) && !__builtin_add_overflow(acc, b, &b)) {
            acc = b;
            continue;
          }
        }
        result = py_binary(int_from_i64(acc), item, kAdd);
        done = true;
      }
    }
  }
  if (is_exact(result, float_type)) {
    double f = float_value(result);
    for (;;) {
      item = py_next(it);
      if (item.empty()) return float_new(f);
      if (is_exact(item, float_type)) {
        f += float_value(item);
        continue;
      }
      if (is_int(item)) {
        int64_t v;
        if (int_to_i64(item, &v)) {
          f += double(v);
          continue;
        }
      }
      result = py_binary(float_new(f), item, kAdd);
      break;
    }
  }
  for (;;) {
    item = py_next(it);
    if (item.empty()) return result;
    result = py_binary(result, item, kAdd);
  }
}

// ------------------------------------------------------------ reductions

Value builtin_any(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("any", kwnames);
  check_nargs("any", nargs, 1, 1);
  Value it = py_iter(args[0]);
  for (Value v = py_next(it); !v.empty(); v = py_next(it))
    if (py_truthy(v)) return py_bool(true);
  return py_bool(false);
}

Value builtin_all(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("all", kwnames);
  check_nargs("all", nargs, 1, 1);
  Value it = py_iter(args[0]);
  for (Value v = py_next(it); !v.empty(); v = py_next(it))
    if (!py_truthy(v)) return py_bool(false);
  return py_bool(true);
}

Value min_max(Value* args, size_t nargs, Tuple* kwnames, bool is_max) {
  const char* name = is_max ? "max" : "min";
  int op = is_max ? kGt : kLt;
  Value key, dflt;
  if (kwnames) {
    for (int64_t k = 0; k < kwnames->size; ++k) {
      Str* kw = kwnames->items[k].as<Str>();
      Value v = args[nargs + size_t(k)];
      if (str_equal_ascii(kw, "key"))
        key = v;
      else if (str_equal_ascii(kw, "default"))
        dflt = v;
      else
        invalid_keyword(name, kw);
    }
  }
  if (nargs == 0) raise_type_error(std::string(name) + " expected at least 1 argument, got 0");
  if (nargs > 1 && !dflt.empty())
    raise_type_error(std::string("Cannot specify a default for ") + name +
                     "() with multiple positional arguments");
  if (!key.empty() && is_none(key)) key = Value();
  Value it = nargs == 1 ? py_iter(args[0]) : py_iter(Value(tuple_from(args, int64_t(nargs))));
  Value best, best_key;
  for (Value v = py_next(it); !v.empty(); v = py_next(it)) {
    Value k = key.empty() ? v : py_call1(key, v);
    if (best.empty()) {
      best = v;
      best_key = k;
    } else if (py_compare_bool(k, best_key, op)) {
      best = v;
      best_key = k;
    }
  }
  if (best.empty()) {
    if (!dflt.empty()) return dflt;
    raise_value_error(std::string(name) + "() arg is an empty sequence");
  }
  return best;
}

Value builtin_max(Value* args, size_t nargs, Tuple* kwnames) {
  return min_max(args, nargs, kwnames, true);
}
Value builtin_min(Value* args, size_t nargs, Tuple* kwnames) {
  return min_max(args, nargs, kwnames, false);
}

Value builtin_sorted(Value* args, size_t nargs, Tuple* kwnames) {
  Value key, reverse;
  if (nargs != 1) raise_type_error("sorted expected 1 argument, got " + std::to_string(nargs));
  if (kwnames) {
    for (int64_t k = 0; k < kwnames->size; ++k) {
      Str* kw = kwnames->items[k].as<Str>();
      Value v = args[nargs + size_t(k)];
      if (str_equal_ascii(kw, "key"))
        key = v;
      else if (str_equal_ascii(kw, "reverse"))
        reverse = v;
      else
        invalid_keyword("sort", kw);
    }
  }
  bool rev = false;
  if (!reverse.empty()) {
    if (!is_int(reverse))
      raise_type_error("'" + type_name_str(reverse) +
                       "' object cannot be interpreted as an integer");
    rev = int_sign(reverse) != 0;
  }
  if (!key.empty() && is_none(key)) key = Value();
  List* l = list_from_iterable(args[0]);
  list_sort(l, key, rev);
  return Value(l);
}

// ------------------------------------------------------------ the rest

Value builtin_exit(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("exit", kwnames);
  if (nargs > 1)
    raise_type_error("Quitter.__call__() takes from 1 to 2 positional arguments but " +
                     std::to_string(nargs + 1) + " were given");
  flush_std_streams();
  raise_with_args(system_exit_type, args, nargs);
}

Value builtin_import(Value* args, size_t nargs, Tuple* kwnames) {
  Value a[5];
  parse_args("__import__", args, nargs, kwnames, {"name", "globals", "locals", "fromlist", "level"},
             1, a);
  if (!is_str(a[0]))
    raise_type_error("__import__() argument 1 must be str, not " + type_name_str(a[0]));
  int level = 0;
  if (!a[4].empty()) {
    int64_t l = int_as_i64(py_index(a[4]));
    if (l < 0) raise_value_error("level must be >= 0");
    level = int(l);
  }
  if (level == 0 && a[0].as<Str>()->length == 0) raise_value_error("Empty module name");
  Value globals = a[1].empty() ? none() : a[1];
  Value fromlist = a[3].empty() ? none() : a[3];
  return import_module_level(a[0].as<Str>(), globals, fromlist, level);
}

Value builtin_build_class(Value* args, size_t nargs, Tuple* kwnames) {
  return build_class(args, nargs, kwnames);
}

Value not_supported_yet(const char* what) {
  raise(not_implemented_error_type, std::string(what) + "() is not supported by Kestrel yet");
}
Value builtin_eval(Value*, size_t, Tuple*) { return not_supported_yet("eval"); }
Value builtin_exec(Value*, size_t, Tuple*) { return not_supported_yet("exec"); }
Value builtin_compile(Value*, size_t, Tuple*) { return not_supported_yet("compile"); }

void bind_fn(Value module, const char* name, NativeFn fn) {
  module_set(module, name, new_builtin_function(name, fn, module));
}

}  // namespace

Value make_builtins_module() {
  Value m = new_module("builtins");
  module_set(m, "__doc__",
             Value(str_new("Built-in functions, types, exceptions, and other objects.")));
  module_set(m, "__package__", Value(intern("")));
  module_set(m, "__loader__", none());
  module_set(m, "__spec__", none());

  // Types.
  struct {
    const char* name;
    Type* type;
  } types[] = {
      {"object", object_type},
      {"type", type_type},
      {"int", int_type},
      {"bool", bool_type},
      {"float", float_type},
      {"str", str_type},
      {"bytes", bytes_type},
      {"bytearray", bytearray_type},
      {"memoryview", memoryview_type},
      {"complex", complex_type},
      {"tuple", tuple_type},
      {"list", list_type},
      {"dict", dict_type},
      {"set", set_type},
      {"frozenset", frozenset_type},
      {"range", range_type},
      {"slice", slice_type},
      {"property", property_type},
      {"staticmethod", staticmethod_type},
      {"classmethod", classmethod_type},
      {"super", super_type},
  };
  for (auto& t : types)
    if (t.type) module_set(m, t.name, Value(t.type));

  // Every builtin exception class, plus the OSError aliases.
  for (Type* t : all_exception_types()) module_set(m, str_to_utf8(t->name).c_str(), Value(t));
  module_set(m, "EnvironmentError", Value(os_error_type));
  module_set(m, "IOError", Value(os_error_type));

  module_set(m, "None", none());
  module_set(m, "True", py_bool(true));
  module_set(m, "False", py_bool(false));
  module_set(m, "Ellipsis", Value(ellipsis_object));
  module_set(m, "NotImplemented", not_implemented());
  module_set(m, "__debug__", py_bool(true));

  bind_fn(m, "len", builtin_len);
  bind_fn(m, "repr", builtin_repr);
  bind_fn(m, "ascii", builtin_ascii);
  bind_fn(m, "abs", builtin_abs);
  bind_fn(m, "round", builtin_round);
  bind_fn(m, "divmod", builtin_divmod);
  bind_fn(m, "pow", builtin_pow);
  bind_fn(m, "min", builtin_min);
  bind_fn(m, "max", builtin_max);
  bind_fn(m, "sum", builtin_sum);
  bind_fn(m, "any", builtin_any);
  bind_fn(m, "all", builtin_all);
  bind_fn(m, "sorted", builtin_sorted);
  bind_fn(m, "isinstance", builtin_isinstance);
  bind_fn(m, "issubclass", builtin_issubclass);
  bind_fn(m, "getattr", builtin_getattr);
  bind_fn(m, "setattr", builtin_setattr);
  bind_fn(m, "hasattr", builtin_hasattr);
  bind_fn(m, "delattr", builtin_delattr);
  bind_fn(m, "hash", builtin_hash);
  bind_fn(m, "id", builtin_id);
  bind_fn(m, "callable", builtin_callable);
  bind_fn(m, "chr", builtin_chr);
  bind_fn(m, "ord", builtin_ord);
  bind_fn(m, "hex", builtin_hex);
  bind_fn(m, "oct", builtin_oct);
  bind_fn(m, "bin", builtin_bin);
  bind_fn(m, "format", builtin_format);
  bind_fn(m, "vars", builtin_vars);
  bind_fn(m, "dir", builtin_dir);
  bind_fn(m, "globals", builtin_globals);
  bind_fn(m, "locals", builtin_locals);
  bind_fn(m, "exit", builtin_exit);
  bind_fn(m, "quit", builtin_exit);
  bind_fn(m, "__import__", builtin_import);
  bind_fn(m, "__build_class__", builtin_build_class);
  bind_fn(m, "eval", builtin_eval);
  bind_fn(m, "exec", builtin_exec);
  bind_fn(m, "compile", builtin_compile);
  add_iter_builtins(m);
  add_io_builtins(m);
  add_eval_builtins(m);
  return m;
}

}  // namespace kestrel
