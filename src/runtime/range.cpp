// range (with int64 fast paths and a bignum fallback), slice objects and
// index conversion (CPython's PySlice_GetIndicesEx / PyNumber_AsSsize_t).
#include "runtime/range.h"

#include <limits>

#include "runtime/container_util.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

Type* range_iter_type = nullptr;
Type* long_range_iter_type = nullptr;

namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

Str* s_index() {
  static Str* s = intern("__index__");
  return s;
}

// Calls __index__ on a non-int; empty Value when the type has none.
Value call_index(Value v) {
  Value m = lookup_special(v, s_index());
  if (m.empty()) return Value();
  Value r = py_call0(m);
  if (!is_int(r)) {
    raise_type_error("__index__ returned non-int (type " + type_name_str(r) + ")");
  }
  return r;
}

// int(v) for an index value; TypeError "'str' object cannot be interpreted as an integer".
Value to_index_int(Value v) {
  if (is_int(v)) return v;
  Value r = call_index(v);
  if (r.empty()) {
    raise_type_error("'" + type_name_str(v) + "' object cannot be interpreted as an integer");
  }
  return r;
}

// Clipping conversion (PyNumber_AsSsize_t(v, NULL)) of an int.
int64_t clip_int(Value i) {
  int64_t out;
  if (i.is_small()) return i.small_value();
  if (int_to_i64(i, &out)) return out;
  return int_sign(i) < 0 ? kMin : kMax;
}

// _PyEval_SliceIndex for a slice field (not None).
int64_t slice_field(Value v) {
  if (v.is_small()) return v.small_value();
  if (is_int(v)) return clip_int(v);
  Value r = call_index(v);
  if (r.empty()) {
    raise_type_error("slice indices must be integers or None or have an __index__ method");
  }
  return clip_int(r);
}

}  // namespace

// ---------------------------------------------------------------- index helpers

int64_t index_value(Value v) {
  if (v.is_small()) return v.small_value();
  Value i = to_index_int(v);
  if (i.is_small()) return i.small_value();
  int64_t out;
  if (int_to_i64(i, &out)) return out;
  raise_index_error("cannot fit '" + type_name_str(i) + "' into an index-sized integer");
}

bool has_index(Value v) {
  if (is_int(v)) return true;
  return !lookup_special(v, s_index()).empty();
}

[[noreturn]] void raise_indices_error(const char* seqname, Value key) {
  raise_type_error(std::string(seqname) + " indices must be integers or slices, not " +
                   type_name_str(key));
}

int64_t repeat_count(Value n) {
  if (n.is_small()) return n.small_value();
  Value i = to_index_int(n);
  int64_t out;
  if (int_to_i64(i, &out)) return out;
  raise_overflow_error("cannot fit '" + type_name_str(i) + "' into an index-sized integer");
}

int64_t slice_index_not_none(Value v) {
  if (v.is_small()) return v.small_value();
  if (is_int(v)) return clip_int(v);
  Value r = call_index(v);
  if (r.empty()) {
    raise_type_error("slice indices must be integers or have an __index__ method");
  }
  return clip_int(r);
}

// ---------------------------------------------------------------- slice

Slice* slice_new(Value start, Value stop, Value step) {
  Slice* s = gc_new<Slice>(slice_type);
  s->start = start.empty() ? none() : start;
  s->stop = stop.empty() ? none() : stop;
  s->step = step.empty() ? none() : step;
  return s;
}

int64_t slice_indices(Slice* s, int64_t length, int64_t* start_out, int64_t* stop_out,
                      int64_t* step_out) {
  int64_t step = 1;
  if (!is_none(s->step)) {
    step = slice_field(s->step);
    if (step == 0) raise_value_error("slice step cannot be zero");
    if (step < -kMax) step = -kMax;  // so that -step cannot overflow
  }
  int64_t start = is_none(s->start) ? (step < 0 ? kMax : 0) : slice_field(s->start);
  int64_t stop = is_none(s->stop) ? (step < 0 ? kMin : kMax) : slice_field(s->stop);
  // PySlice_AdjustIndices
  if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) {
    start = step < 0 ? length - 1 : length;
  }
  if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) {
    stop = step < 0 ? length - 1 : length;
  }
  *start_out = start;
  *stop_out = stop;
  *step_out = step;
  if (step < 0) {
    if (stop < start) return (start - stop - 1) / (-step) + 1;
  } else if (start < stop) {
    return (stop - start - 1) / step + 1;
  }
  return 0;
}

static void slice_trace(Object* obj, Tracer& tracer) {
  Slice* s = static_cast<Slice*>(obj);
  tracer.mark(s->start);
  tracer.mark(s->stop);
  tracer.mark(s->step);
}

static Value slice_repr(Value self) {
  Slice* s = self.as<Slice>();
  StrBuilder sb;
  sb.append_utf8("slice(");
  sb.append(py_repr(s->start).as<Str>());
  sb.append_utf8(", ");
  sb.append(py_repr(s->stop).as<Str>());
  sb.append_utf8(", ");
  sb.append(py_repr(s->step).as<Str>());
  sb.append_char(')');
  return Value(sb.build());
}

static Value slice_richcompare(Value a, Value b, int cmp) {
  if (!is_exact(a, slice_type) || !is_exact(b, slice_type)) return not_implemented();
  Slice* x = a.as<Slice>();
  Slice* y = b.as<Slice>();
  Value tx(tuple_of({x->start, x->stop, x->step}));
  Value ty(tuple_of({y->start, y->stop, y->step}));
  return py_richcompare(tx, ty, cmp);
}

static Value slice_new_slot(Type*, Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) raise_type_error("slice() takes no keyword arguments");
  if (nargs == 0) raise_type_error("slice expected at least 1 argument, got 0");
  if (nargs > 3)
    raise_type_error("slice expected at most 3 arguments, got " + std::to_string(nargs));
  if (nargs == 1) return Value(slice_new(none(), args[0], none()));
  return Value(slice_new(args[0], args[1], nargs == 3 ? args[2] : none()));
}

static Value slice_get_start(Value self) { return self.as<Slice>()->start; }
static Value slice_get_stop(Value self) { return self.as<Slice>()->stop; }
static Value slice_get_step(Value self) { return self.as<Slice>()->step; }

// slice.indices(length) (int64 lengths; PySlice_Unpack + AdjustIndices).
static Value slice_indices_m(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("indices", kwnames);
  check_nargs("indices", nargs - 1, 1, 1);
  Value lenv = to_index_int(args[1]);
  int64_t length;
  if (!int_to_i64(lenv, &length)) {
    if (int_sign(lenv) < 0) raise_value_error("length should not be negative");
    raise_overflow_error("Python int too large to convert to C ssize_t");
  }
  if (length < 0) raise_value_error("length should not be negative");
  int64_t start, stop, step;
  slice_indices(args[0].as<Slice>(), length, &start, &stop, &step);
  return Value(tuple_of({int_from_i64(start), int_from_i64(stop), int_from_i64(step)}));
}

// ---------------------------------------------------------------- range

namespace {

inline Range* as_range(Value v) { return v.as<Range>(); }

Value int_add(Value a, Value b) { return int_binary(a, b, 0); }
Value int_sub(Value a, Value b) { return int_binary(a, b, 10); }
Value int_mul(Value a, Value b) { return int_binary(a, b, 5); }
Value int_floordiv(Value a, Value b) { return int_binary(a, b, 2); }

// Number of items of range(lo, hi, step) (CPython's compute_range_length).
Value range_length(Value lo, Value hi, Value step) {
  if (lo.is_small() && hi.is_small() && step.is_small()) {
    __int128 l = lo.small_value(), h = hi.small_value(), s = step.small_value();
    __int128 n = 0;
    if (s > 0 && l < h) n = (h - l - 1) / s + 1;
    if (s < 0 && l > h) n = (l - h - 1) / (-s) + 1;
    return int_from_i64(int64_t(n));  // |n| <= 2**63
  }
  Value zero = Value::small(0), one = Value::small(1);
  if (int_sign(step) > 0) {
    if (int_compare(lo, hi) >= 0) return zero;
    return int_add(int_floordiv(int_sub(int_sub(hi, lo), one), step), one);
  }
  if (int_compare(lo, hi) <= 0) return zero;
  return int_add(int_floordiv(int_sub(int_sub(lo, hi), one), int_negative(step)), one);
}

// r[i] for 0 <= i < len (as an int Value).
Value range_item(Range* r, Value i) {
  if (r->start.is_small() && r->step.is_small() && i.is_small()) {
    __int128 v =
        __int128(r->start.small_value()) + __int128(r->step.small_value()) * i.small_value();
    if (v >= Value::kSmallMin && v <= Value::kSmallMax) return Value::small(int64_t(v));
  }
  return int_add(r->start, int_mul(r->step, i));
}

int64_t range_len_i64(Range* r) {
  int64_t n;
  if (!int_to_i64(r->length, &n))
    raise_overflow_error("Python int too large to convert to C ssize_t");
  return n;
}

Range* range_alloc(Value start, Value stop, Value step) {
  Range* r = gc_new<Range>(range_type);
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->length = range_length(start, stop, step);
  return r;
}

}  // namespace

Value range_new(Value start, Value stop, Value step) {
  start = to_index_int(start);
  stop = to_index_int(stop);
  step = to_index_int(step);
  if (step.is_small() ? step.small_value() == 0 : int_sign(step) == 0) {
    raise_value_error("range() arg 3 must not be zero");
  }
  // Normalise bools / int subclasses to plain ints.
  auto plain = [](Value v) {
    return v.is_small() || is_exact(v, int_type) ? v : int_add(v, Value::small(0));
  };
  return Value(range_alloc(plain(start), plain(stop), plain(step)));
}

static Value range_new_slot(Type*, Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) raise_type_error("range() takes no keyword arguments");
  if (nargs == 0) raise_type_error("range expected at least 1 argument, got 0");
  if (nargs > 3)
    raise_type_error("range expected at most 3 arguments, got " + std::to_string(nargs));
  if (nargs == 1) return range_new(Value::small(0), args[0], Value::small(1));
  return range_new(args[0], args[1], nargs == 3 ? args[2] : Value::small(1));
}

static void range_trace(Object* obj, Tracer& tracer) {
  Range* r = static_cast<Range*>(obj);
  tracer.mark(r->start);
  tracer.mark(r->stop);
  tracer.mark(r->step);
  tracer.mark(r->length);
}

static Value range_repr(Value self) {
  Range* r = as_range(self);
  StrBuilder sb;
  sb.append_utf8("range(");
  sb.append_utf8(int_to_decimal(r->start));
  sb.append_utf8(", ");
  sb.append_utf8(int_to_decimal(r->stop));
  if (!(r->step.is_small() && r->step.small_value() == 1)) {
    sb.append_utf8(", ");
    sb.append_utf8(int_to_decimal(r->step));
  }
  sb.append_char(')');
  return Value(sb.build());
}

static int64_t range_length_slot(Value self) { return range_len_i64(as_range(self)); }

static int range_truthy(Value self) { return int_sign(as_range(self)->length) != 0; }

static bool int_eq(Value a, Value b) { return a == b || int_compare(a, b) == 0; }

static Value range_richcompare(Value a, Value b, int cmp) {
  if (!is_exact(a, range_type) || !is_exact(b, range_type) || (cmp != 2 && cmp != 3)) {
    return not_implemented();
  }
  Range* x = as_range(a);
  Range* y = as_range(b);
  bool eq;
  if (x == y) {
    eq = true;
  } else if (!int_eq(x->length, y->length)) {
    eq = false;
  } else if (int_sign(x->length) == 0) {
    eq = true;
  } else if (!int_eq(x->start, y->start)) {
    eq = false;
  } else if (int_eq(x->length, Value::small(1))) {
    eq = true;
  } else {
    eq = int_eq(x->step, y->step);
  }
  return py_bool(cmp == 2 ? eq : !eq);
}

static int64_t range_hash(Value self) {
  Range* r = as_range(self);
  Value t;
  if (int_sign(r->length) == 0) {
    t = Value(tuple_of({r->length, none(), none()}));
  } else if (int_eq(r->length, Value::small(1))) {
    t = Value(tuple_of({r->length, r->start, none()}));
  } else {
    t = Value(tuple_of({r->length, r->start, r->step}));
  }
  return py_hash(t);
}

// Membership of an int: O(1) arithmetic.
static bool range_contains_int(Range* r, Value v) {
  int step_sign = int_sign(r->step);
  if (step_sign > 0) {
    if (int_compare(v, r->start) < 0 || int_compare(v, r->stop) >= 0) return false;
  } else {
    if (int_compare(v, r->start) > 0 || int_compare(v, r->stop) <= 0) return false;
  }
  Value diff = int_sub(v, r->start);
  Value rem = int_binary(diff, r->step, 6);  // %
  return int_sign(rem) == 0;
}

static int range_contains(Value self, Value item) {
  Range* r = as_range(self);
  if (item.is_small() || is_exact(item, int_type) || is_exact(item, bool_type)) {
    return range_contains_int(r, item);
  }
  Value it = py_iter(self);
  for (;;) {
    Value v = py_next(it);
    if (v.empty()) return 0;
    if (py_equal(v, item)) return 1;
  }
}

static Value range_getitem(Value self, Value key) {
  Range* r = as_range(self);
  if (is_exact(key, slice_type)) {
    int64_t len = range_len_i64(r);
    int64_t start, stop, step;
    slice_indices(key.as<Slice>(), len, &start, &stop, &step);
    Value nstep = int_mul(r->step, int_from_i64(step));
    Value nstart = range_item(r, int_from_i64(start));
    Value nstop = int_add(r->start, int_mul(r->step, int_from_i64(stop)));
    return Value(range_alloc(nstart, nstop, nstep));
  }
  if (!has_index(key)) {
    raise_type_error("range indices must be integers or slices, not " + type_name_str(key));
  }
  Value i = to_index_int(key);
  if (int_sign(i) < 0) i = int_add(i, r->length);
  if (int_sign(i) < 0 || int_compare(i, r->length) >= 0) {
    raise_index_error("range object index out of range");
  }
  return range_item(r, i);
}

// Iterator: int64 fast path when start, step and the end all fit.
static Value make_range_iter(Range* r, bool reversed) {
  int64_t start, step, len;
  bool fits =
      int_to_i64(r->start, &start) && int_to_i64(r->step, &step) && int_to_i64(r->length, &len);
  if (fits) {
    __int128 last = __int128(start) + __int128(step) * (len > 0 ? len - 1 : 0);
    if (last >= kMin && last <= kMax && step != kMin) {
      RangeIter* it = gc_new<RangeIter>(range_iter_type);
      if (reversed) {
        it->next = int64_t(last);
        it->step = -step;
      } else {
        it->next = start;
        it->step = step;
      }
      it->remaining = len;
      return Value(it);
    }
  }
  // Generic iterator: a Range whose `length` field counts what is left.
  Range* it = gc_new<Range>(long_range_iter_type);
  if (reversed) {
    it->start = int_add(r->start, int_mul(r->step, int_sub(r->length, Value::small(1))));
    it->step = int_negative(r->step);
  } else {
    it->start = r->start;
    it->step = r->step;
  }
  it->stop = r->stop;
  it->length = r->length;
  return Value(it);
}

static Value range_iter(Value self) { return make_range_iter(as_range(self), false); }

static Value range_iter_next(Value self) {
  RangeIter* it = self.as<RangeIter>();
  if (it->remaining <= 0) return Value();
  int64_t v = it->next;
  it->remaining--;
  // Wrapping add: the value past the end may not be representable.
  it->next = int64_t(uint64_t(v) + uint64_t(it->step));
  return int_from_i64(v);
}

static Value long_range_iter_next(Value self) {
  Range* it = self.as<Range>();
  if (int_sign(it->length) <= 0) return Value();
  Value v = it->start;
  it->start = int_add(v, it->step);
  it->length = int_sub(it->length, Value::small(1));
  return v;
}

static Value self_iter(Value self) { return self; }

static Value range_iter_length_hint(Value* args, size_t, Tuple*) {
  RangeIter* it = args[0].as<RangeIter>();
  return int_from_i64(it->remaining > 0 ? it->remaining : 0);
}

static Value long_range_iter_length_hint(Value* args, size_t, Tuple*) {
  return args[0].as<Range>()->length;
}

static Value range_get_start(Value self) { return as_range(self)->start; }
static Value range_get_stop(Value self) { return as_range(self)->stop; }
static Value range_get_step(Value self) { return as_range(self)->step; }

static Value range_reversed_m(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__reversed__", kwnames);
  check_nargs("__reversed__", nargs - 1, 0, 0);
  return make_range_iter(as_range(args[0]), true);
}

static Value range_count_m(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("count", kwnames);
  check_nargs("count", nargs - 1, 1, 1);
  Value x = args[1];
  if (x.is_small() || is_exact(x, int_type) || is_exact(x, bool_type)) {
    return Value::small(range_contains_int(as_range(args[0]), x) ? 1 : 0);
  }
  int64_t n = 0;
  Value it = py_iter(args[0]);
  for (;;) {
    Value v = py_next(it);
    if (v.empty()) break;
    if (py_equal(v, x)) n++;
  }
  return Value::small(n);
}

static Value range_index_m(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("index", kwnames);
  check_nargs("index", nargs - 1, 1, 1);
  Range* r = as_range(args[0]);
  Value x = args[1];
  if (x.is_small() || is_exact(x, int_type) || is_exact(x, bool_type)) {
    if (range_contains_int(r, x)) return int_floordiv(int_sub(x, r->start), r->step);
  } else {
    int64_t i = 0;
    Value it = py_iter(args[0]);
    for (;;) {
      Value v = py_next(it);
      if (v.empty()) break;
      if (py_equal(v, x)) return int_from_i64(i);
      i++;
    }
  }
  raise_value_error(str_to_utf8(py_repr(x).as<Str>()) + " is not in range");
}

static Value range_len_m(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__len__", kwnames);
  check_nargs("__len__", nargs - 1, 0, 0);
  return int_from_i64(range_len_i64(as_range(args[0])));
}

static Value range_getitem_m(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__getitem__", kwnames);
  check_nargs("__getitem__", nargs - 1, 1, 1);
  return range_getitem(args[0], args[1]);
}

static Value range_contains_m(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__contains__", kwnames);
  check_nargs("__contains__", nargs - 1, 1, 1);
  return py_bool(range_contains(args[0], args[1]));
}

static Value range_iter_m(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__iter__", kwnames);
  check_nargs("__iter__", nargs - 1, 0, 0);
  return range_iter(args[0]);
}

void init_range_type() {
  Type* t = range_type;
  t->trace = range_trace;
  t->repr = range_repr;
  t->hash = range_hash;
  t->richcompare = range_richcompare;
  t->length = range_length_slot;
  t->truthy = range_truthy;
  t->getitem = range_getitem;
  t->contains = range_contains;
  t->iter = range_iter;
  t->new_ = range_new_slot;
  add_getter(t, "start", range_get_start);
  add_getter(t, "stop", range_get_stop);
  add_getter(t, "step", range_get_step);
  add_method(t, "__reversed__", range_reversed_m);
  add_method(t, "count", range_count_m);
  add_method(t, "index", range_index_m);
  add_method(t, "__len__", range_len_m);
  add_method(t, "__getitem__", range_getitem_m);
  add_method(t, "__contains__", range_contains_m);
  add_method(t, "__iter__", range_iter_m);

  range_iter_type = new_builtin_type("range_iterator", nullptr, sizeof(RangeIter));
  range_iter_type->iter = self_iter;
  range_iter_type->next = range_iter_next;
  add_method(range_iter_type, "__length_hint__", range_iter_length_hint);

  long_range_iter_type = new_builtin_type("longrange_iterator", nullptr, sizeof(Range));
  long_range_iter_type->trace = range_trace;
  long_range_iter_type->iter = self_iter;
  long_range_iter_type->next = long_range_iter_next;
  add_method(long_range_iter_type, "__length_hint__", long_range_iter_length_hint);

  Type* s = slice_type;
  s->trace = slice_trace;
  s->repr = slice_repr;
  s->richcompare = slice_richcompare;
  s->new_ = slice_new_slot;
  add_getter(s, "start", slice_get_start);
  add_getter(s, "stop", slice_get_stop);
  add_getter(s, "step", slice_get_step);
  add_method(s, "indices", slice_indices_m);
}

}  // namespace kestrel
