// Opcode semantics written once, as templates over an execution context.
// The interpreter instantiates them with InterpCx, where every question is a
// plain test and every helper a plain call; the trace recorder (src/jit, next
// stage) will instantiate the same templates with a recording context that
// also emits a guard for each answered question and IR for each operation.
// This is how Kestrel keeps one source of semantics (PyPy's meta-tracing idea).
#pragma once

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
  static bool is_small(Value v) { return v.is_small(); }
  static bool is_exact_float(Value v) { return v.is_object() && v.obj()->type == float_type; }
  static Type* class_of(Value v) { return type_of(v); }
  static bool add_overflows(int64_t a, int64_t b, int64_t* r) { return __builtin_add_overflow(a, b, r); }
  static bool sub_overflows(int64_t a, int64_t b, int64_t* r) { return __builtin_sub_overflow(a, b, r); }
  static bool mul_overflows(int64_t a, int64_t b, int64_t* r) { return __builtin_mul_overflow(a, b, r); }
  static Value box_int(int64_t v) { return int_from_i64(v); }
  static Value box_float(double d) { return float_new(d); }
};

// a <op> b for BINARY_OP. Small ints and exact floats take the fast path;
// everything else goes through the protocol.
template <class Cx>
inline Value op_binary(Cx& cx, Value a, Value b, int op) {
  if (cx.is_small(a) && cx.is_small(b)) {
    int64_t x = a.small_value(), y = b.small_value(), r;
    switch (op % kInplaceOffset) {
      case int(BinOp::Add):
        if (!cx.add_overflows(x, y, &r) && Value::fits_small(r)) return Value::small(r);
        return cx.box_int(x + y);  // |x|,|y| < 2**62: the int64 sum is exact
      case int(BinOp::Subtract):
        if (!cx.sub_overflows(x, y, &r) && Value::fits_small(r)) return Value::small(r);
        return cx.box_int(x - y);
      case int(BinOp::Multiply):
        if (!cx.mul_overflows(x, y, &r)) return cx.box_int(r);
        return int_mul_slow(a, b);
      case int(BinOp::And): return Value::small(x & y);
      case int(BinOp::Or): return Value::small(x | y);
      case int(BinOp::Xor): return Value::small(x ^ y);
      case int(BinOp::FloorDivide):
        if (y > 0) {
          int64_t q = x / y;
          if ((x % y != 0) && (x < 0)) --q;
          return Value::small(q);
        }
        break;
      case int(BinOp::Remainder):
        if (y > 0) {
          int64_t m = x % y;
          if (m < 0) m += y;
          return Value::small(m);
        }
        break;
      default: break;
    }
    return py_binary(a, b, op);
  }
  if (cx.is_exact_float(a)) {
    double x = float_value(a), y;
    if (cx.is_exact_float(b)) y = float_value(b);
    else if (cx.is_small(b)) y = double(b.small_value());
    else return py_binary(a, b, op);
    switch (op % kInplaceOffset) {
      case int(BinOp::Add): return cx.box_float(x + y);
      case int(BinOp::Subtract): return cx.box_float(x - y);
      case int(BinOp::Multiply): return cx.box_float(x * y);
      case int(BinOp::TrueDivide):
        if (y != 0) return cx.box_float(x / y);
        break;
      default: break;
    }
    return py_binary(a, b, op);
  }
  if (cx.is_small(a) && cx.is_exact_float(b)) {
    double x = double(a.small_value()), y = float_value(b);
    switch (op % kInplaceOffset) {
      case int(BinOp::Add): return cx.box_float(x + y);
      case int(BinOp::Subtract): return cx.box_float(x - y);
      case int(BinOp::Multiply): return cx.box_float(x * y);
      default: break;
    }
  }
  return py_binary(a, b, op);
}

// COMPARE_OP: returns a bool object (or whatever a rich comparison returns).
template <class Cx>
inline Value op_compare(Cx& cx, Value a, Value b, int cmp) {
  if (cx.is_small(a) && cx.is_small(b)) {
    int64_t x = a.small_value(), y = b.small_value();
    bool r;
    switch (cmp) {
      case 0: r = x < y; break;
      case 1: r = x <= y; break;
      case 2: r = x == y; break;
      case 3: r = x != y; break;
      case 4: r = x > y; break;
      default: r = x >= y; break;
    }
    return py_bool(r);
  }
  if (cx.is_exact_float(a) && cx.is_exact_float(b)) {
    double x = float_value(a), y = float_value(b);
    bool r;
    switch (cmp) {
      case 0: r = x < y; break;
      case 1: r = x <= y; break;
      case 2: r = x == y; break;
      case 3: r = x != y; break;
      case 4: r = x > y; break;
      default: r = x >= y; break;
    }
    return py_bool(r);
  }
  return py_richcompare(a, b, cmp);
}

// BINARY_SUBSCR with list/tuple fast paths.
template <class Cx>
inline Value op_subscr(Cx& cx, Value container, Value key) {
  if (cx.is_small(key) && container.is_object()) {
    Type* t = cx.class_of(container);
    int64_t i = key.small_value();
    if (t == list_type) {
      List* l = container.as<List>();
      if (i < 0) i += l->size;
      if (i >= 0 && i < l->size) return l->items[i];
    } else if (t == tuple_type) {
      Tuple* tu = container.as<Tuple>();
      if (i < 0) i += tu->size;
      if (i >= 0 && i < tu->size) return tu->items[i];
    }
  }
  return py_getitem(container, key);
}

// FOR_ITER: the next item, or empty when exhausted.
template <class Cx>
inline Value op_for_iter(Cx& cx, Value it) {
  Type* t = cx.class_of(it);
  if (t == range_iter_type) {
    RangeIter* r = it.as<RangeIter>();
    if (r->remaining <= 0) return Value();
    int64_t v = r->next;
    r->next += r->step;
    r->remaining--;
    return cx.box_int(v);
  }
  if (t == list_iter_type) {
    ListIter* li = it.as<ListIter>();
    if (li->list && li->index < li->list->size) return li->list->items[li->index++];
    li->list = nullptr;
    return Value();
  }
  return py_next(it);
}

}  // namespace kestrel
