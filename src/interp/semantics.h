// Opcode semantics written once, as templates over an execution context.
//
// The interpreter instantiates them with InterpCx: values are Value words,
// ints are int64_t, doubles are double, truth values are bool, every type
// question is a plain test and every fallback a plain call. The trace
// recorder (src/jit/recorder.h) instantiates the same templates with
// RecordCx, whose value, int, double and bool types carry an IR reference
// beside the concrete value: arithmetic on them also emits IR, answering a
// type question emits a type guard, and branching on a traced bool emits a
// guard for the direction taken. This is how Kestrel keeps one source of
// semantics (PyPy's meta-tracing idea): a fast path added here is recorded
// by the JIT without writing it twice.
//
// Rules for code in this file:
//   * Ask type questions through cx (is_small, is_exact_float, class_of);
//     compute on cx's int/double types; branch on their comparisons.
//   * Read and write object fields through cx (load_i64, store_i64, ...),
//     never through raw pointers: the recorder must see every memory access.
//   * Decide the path first, then act: a fallback (cx.binary, cx.getitem, ...)
//     must be the last thing a path does, because the recorder may refuse it
//     (it aborts the trace before the fallback runs).
#pragma once

#include <cstddef>

#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/object.h"
#include "runtime/protocol.h"
#include "runtime/range.h"
#include "runtime/tuple.h"

namespace kestrel {

// The plain-execution context.
struct InterpCx {
  using V = Value;
  using I = int64_t;
  using D = double;
  using B = bool;

  // Type questions.
  static bool is_small(Value v) { return v.is_small(); }
  static bool is_exact_float(Value v) { return v.is_object() && v.obj()->type == float_type; }
  static Type* class_of(Value v) { return type_of(v); }
  static bool is_null(Value v) { return v.empty(); }

  // Unboxing and boxing.
  static int64_t small_value(Value v) { return v.small_value(); }
  static double float_of(Value v) { return float_value(v); }
  static double to_double(int64_t x) { return double(x); }
  static Value box_int(int64_t v) {
    return Value::fits_small(v) ? Value::small(v) : int_from_i64(v);
  }
  static Value box_float(double d) { return float_new(d); }
  static Value box_bool(bool b) { return py_bool(b); }

  // int64 arithmetic that reports overflow (true = overflowed).
  static bool add_overflows(int64_t a, int64_t b, int64_t* r) {
    return __builtin_add_overflow(a, b, r);
  }
  static bool sub_overflows(int64_t a, int64_t b, int64_t* r) {
    return __builtin_sub_overflow(a, b, r);
  }
  static bool mul_overflows(int64_t a, int64_t b, int64_t* r) {
    return __builtin_mul_overflow(a, b, r);
  }
  // Floor division and modulo for a positive divisor (Python rounding).
  static int64_t floordiv_pos(int64_t x, int64_t y) {
    int64_t q = x / y;
    if ((x % y != 0) && (x < 0)) --q;
    return q;
  }
  static int64_t mod_pos(int64_t x, int64_t y) {
    int64_t m = x % y;
    return m < 0 ? m + y : m;
  }

  // Object fields, by byte offset.
  static int64_t load_i64(Value obj, size_t off) {
    return *reinterpret_cast<const int64_t*>(reinterpret_cast<const char*>(obj.obj()) + off);
  }
  static void store_i64(Value obj, size_t off, int64_t v) {
    *reinterpret_cast<int64_t*>(reinterpret_cast<char*>(obj.obj()) + off) = v;
  }
  static Value load_value(Value obj, size_t off) {
    return *reinterpret_cast<const Value*>(reinterpret_cast<const char*>(obj.obj()) + off);
  }
  static void store_value(Value obj, size_t off, Value v) {
    *reinterpret_cast<Value*>(reinterpret_cast<char*>(obj.obj()) + off) = v;
  }
  // items[i] of a list or tuple (the caller checked the bounds).
  static Value list_item(Value list, int64_t i) { return list.as<List>()->items[i]; }
  static Value tuple_item(Value tuple, int64_t i) { return tuple.as<Tuple>()->items[i]; }
  static void list_store(Value list, int64_t i, Value v) { list.as<List>()->items[i] = v; }

  // The general protocol (fallbacks).
  static Value binary(Value a, Value b, int op) { return py_binary(a, b, op); }
  static Value compare(Value a, Value b, int cmp) { return py_richcompare(a, b, cmp); }
  static Value getitem(Value c, Value k) { return py_getitem(c, k); }
  static void setitem(Value c, Value k, Value v) { py_setitem(c, k, v); }
  static Value next(Value it) { return py_next(it); }
  static bool truthy(Value v) { return py_truthy(v); }

  // Identity tests against the singletons.
  static bool is_bool(Value v) { return v.obj() == true_object || v.obj() == false_object; }
  static bool bool_of(Value v) { return v.obj() == true_object; }
  static bool is_none(Value v) { return v.obj() == none_object; }
};

// Compares two ints or two doubles with COMPARE_OP's argument (CmpOp order).
template <class Cx, class N>
inline typename Cx::B compare_numbers(N x, N y, int cmp) {
  switch (cmp) {
    case 0:
      return x < y;
    case 1:
      return x <= y;
    case 2:
      return x == y;
    case 3:
      return x != y;
    case 4:
      return x > y;
    default:
      return x >= y;
  }
}

// a <op> b for BINARY_OP. Small ints and exact floats take the fast path;
// everything else goes through the protocol.
template <class Cx>
inline typename Cx::V op_binary(Cx& cx, typename Cx::V a, typename Cx::V b, int op) {
  using I = typename Cx::I;
  using D = typename Cx::D;
  if (cx.is_small(a) && cx.is_small(b)) {
    I x = cx.small_value(a), y = cx.small_value(b), r;
    switch (op % kInplaceOffset) {
      // Small ints have 63 bits, so an int64 overflow cannot happen here in
      // the interpreter; the recorder's ints may be wider and then guard it.
      case int(BinOp::Add):
        if (!cx.add_overflows(x, y, &r)) return cx.box_int(r);
        break;
      case int(BinOp::Subtract):
        if (!cx.sub_overflows(x, y, &r)) return cx.box_int(r);
        break;
      case int(BinOp::Multiply):
        if (!cx.mul_overflows(x, y, &r)) return cx.box_int(r);
        break;
      case int(BinOp::And):
        return cx.box_int(x & y);
      case int(BinOp::Or):
        return cx.box_int(x | y);
      case int(BinOp::Xor):
        return cx.box_int(x ^ y);
      case int(BinOp::FloorDivide):
        if (y > 0) return cx.box_int(cx.floordiv_pos(x, y));
        break;
      case int(BinOp::Remainder):
        if (y > 0) return cx.box_int(cx.mod_pos(x, y));
        break;
      default:
        break;
    }
    return cx.binary(a, b, op);
  }
  // Floats, and a small int with a float (converted to double, rounding to
  // nearest as CPython's int-to-float conversion does).
  bool a_float = cx.is_exact_float(a);
  if (a_float || (cx.is_small(a) && cx.is_exact_float(b))) {
    D x = a_float ? cx.float_of(a) : cx.to_double(cx.small_value(a)), y;
    if (cx.is_exact_float(b))
      y = cx.float_of(b);
    else if (cx.is_small(b))
      y = cx.to_double(cx.small_value(b));
    else
      return cx.binary(a, b, op);
    switch (op % kInplaceOffset) {
      case int(BinOp::Add):
        return cx.box_float(x + y);
      case int(BinOp::Subtract):
        return cx.box_float(x - y);
      case int(BinOp::Multiply):
        return cx.box_float(x * y);
      case int(BinOp::TrueDivide):
        if (y != 0.0) return cx.box_float(x / y);
        break;
      default:
        break;
    }
  }
  return cx.binary(a, b, op);
}

// COMPARE_OP: returns a bool object (or whatever a rich comparison returns).
template <class Cx>
inline typename Cx::V op_compare(Cx& cx, typename Cx::V a, typename Cx::V b, int cmp) {
  if (cx.is_small(a) && cx.is_small(b))
    return cx.box_bool(compare_numbers<Cx>(cx.small_value(a), cx.small_value(b), cmp));
  if (cx.is_exact_float(a) && cx.is_exact_float(b))
    return cx.box_bool(compare_numbers<Cx>(cx.float_of(a), cx.float_of(b), cmp));
  return cx.compare(a, b, cmp);
}

// The truth of a value (conditional jumps, `not`).
template <class Cx>
inline typename Cx::B op_truth(Cx& cx, typename Cx::V v) {
  using B = typename Cx::B;
  if (cx.is_bool(v)) return cx.bool_of(v);
  if (cx.is_small(v)) return cx.small_value(v) != 0;
  if (cx.is_none(v)) return B(false);
  if (cx.is_exact_float(v)) return cx.float_of(v) != 0.0;
  return cx.truthy(v);
}

// BINARY_SUBSCR with list/tuple fast paths.
template <class Cx>
inline typename Cx::V op_subscr(Cx& cx, typename Cx::V container, typename Cx::V key) {
  using I = typename Cx::I;
  if (cx.is_small(key) && !cx.is_small(container)) {
    Type* t = cx.class_of(container);
    I i = cx.small_value(key);
    if (t == list_type) {
      I size = cx.load_i64(container, offsetof(List, size));
      if (i < 0) i = i + size;
      if (i >= 0 && i < size) return cx.list_item(container, i);
    } else if (t == tuple_type) {
      I size = cx.load_i64(container, offsetof(Tuple, size));
      if (i < 0) i = i + size;
      if (i >= 0 && i < size) return cx.tuple_item(container, i);
    }
  }
  return cx.getitem(container, key);
}

// STORE_SUBSCR with the list fast path.
template <class Cx>
inline void op_store_subscr(Cx& cx, typename Cx::V container, typename Cx::V key,
                            typename Cx::V v) {
  using I = typename Cx::I;
  if (cx.is_small(key) && !cx.is_small(container) && cx.class_of(container) == list_type) {
    I i = cx.small_value(key);
    I size = cx.load_i64(container, offsetof(List, size));
    if (i < 0) i = i + size;
    if (i >= 0 && i < size) {
      cx.list_store(container, i, v);
      return;
    }
  }
  cx.setitem(container, key, v);
}

// FOR_ITER: the next item, or an empty (null) value when exhausted.
template <class Cx>
inline typename Cx::V op_for_iter(Cx& cx, typename Cx::V it) {
  using I = typename Cx::I;
  using V = typename Cx::V;
  Type* t = cx.class_of(it);
  if (t == range_iter_type) {
    I remaining = cx.load_i64(it, offsetof(RangeIter, remaining));
    if (remaining <= 0) return V();
    I v = cx.load_i64(it, offsetof(RangeIter, next));
    cx.store_i64(it, offsetof(RangeIter, next), v + cx.load_i64(it, offsetof(RangeIter, step)));
    cx.store_i64(it, offsetof(RangeIter, remaining), remaining - 1);
    return cx.box_int(v);
  }
  if (t == list_iter_type) {
    V list = cx.load_value(it, offsetof(ListIter, list));
    if (!cx.is_null(list)) {
      I index = cx.load_i64(it, offsetof(ListIter, index));
      if (index < cx.load_i64(list, offsetof(List, size))) {
        cx.store_i64(it, offsetof(ListIter, index), index + 1);
        return cx.list_item(list, index);
      }
      cx.store_value(it, offsetof(ListIter, list), V());
    }
    return V();
  }
  return cx.next(it);
}

}  // namespace kestrel
