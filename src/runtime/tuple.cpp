// Python tuple: immutable sequence with inline items, CPython 3.11's
// xxHash-based hash, lexicographic comparison, and the tuple iterator.
#include "runtime/tuple.h"

#include <cstring>
#include <limits>

#include "runtime/container_util.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/range.h"
#include "runtime/str.h"

namespace kestrel {

Type* tuple_iter_type = nullptr;

namespace {

Tuple* g_empty_tuple = nullptr;  // GC root, created on first use

constexpr int64_t kMaxTupleSize = (int64_t(1) << 40);

Tuple* tuple_alloc(Type* type, int64_t n) {
  if (n < 0 || n > kMaxTupleSize) raise_memory_error();
  return gc_new<Tuple>(type, size_t(n) * sizeof(Value));
}

inline Tuple* as_tuple(Value v) { return v.as<Tuple>(); }

}  // namespace

Tuple* empty_tuple() {
  if (!g_empty_tuple) {
    g_empty_tuple = tuple_alloc(tuple_type, 0);
    gc_add_root(reinterpret_cast<Object**>(&g_empty_tuple));
  }
  return g_empty_tuple;
}

Tuple* tuple_new(int64_t n) {
  if (n == 0) return empty_tuple();
  Tuple* t = tuple_alloc(tuple_type, n);
  t->size = n;
  return t;
}

Tuple* tuple_of(std::initializer_list<Value> items) {
  return tuple_from(items.begin(), int64_t(items.size()));
}

Tuple* tuple_from(const Value* items, int64_t n) {
  if (n == 0) return empty_tuple();
  Tuple* t = tuple_alloc(tuple_type, n);
  t->size = n;
  std::memcpy(t->items, items, size_t(n) * sizeof(Value));
  return t;
}

Tuple* tuple_from_iterable(Value iterable) {
  if (is_exact(iterable, tuple_type)) return as_tuple(iterable);
  if (is_exact(iterable, list_type)) {
    List* l = iterable.as<List>();
    return tuple_from(l->items, l->size);
  }
  Value it = py_iter(iterable);
  ValueVector items;
  for (;;) {
    Value v = py_next(it);
    if (v.empty()) break;
    items.push_back(v);
  }
  return tuple_from(items.data(), int64_t(items.size()));
}

// A tuple of class `type` (tuple or a subclass) holding `n` items copied from `src`.
static Tuple* tuple_of_type(Type* type, const Value* src, int64_t n) {
  if (type == tuple_type) return tuple_from(src, n);
  Tuple* t = tuple_alloc(type, n);
  t->size = n;
  if (n) std::memcpy(t->items, src, size_t(n) * sizeof(Value));
  return t;
}

// ---------------------------------------------------------------- slots

static void tuple_trace(Object* obj, Tracer& tracer) {
  Tuple* t = static_cast<Tuple*>(obj);
  tracer.mark_range(t->items, t->items + t->size);
}

static Value tuple_repr(Value self) {
  Tuple* t = as_tuple(self);
  if (t->size == 0) return Value(str_new("()"));
  StrBuilder sb;
  sb.append_char('(');
  for (int64_t i = 0; i < t->size; i++) {
    if (i) sb.append_utf8(", ");
    sb.append(py_repr(t->items[i]).as<Str>());
  }
  if (t->size == 1) sb.append_char(',');
  sb.append_char(')');
  return Value(sb.build());
}

// CPython 3.11 tuplehash (xxHash-based).
static int64_t tuple_hash(Value self) {
  constexpr uint64_t kPrime1 = 11400714785074694791ULL;
  constexpr uint64_t kPrime2 = 14029467366897019727ULL;
  constexpr uint64_t kPrime5 = 2870177450012600261ULL;
  Tuple* t = as_tuple(self);
  uint64_t acc = kPrime5;
  for (int64_t i = 0; i < t->size; i++) {
    uint64_t lane = uint64_t(hash_value(t->items[i]));
    acc += lane * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += uint64_t(t->size) ^ (kPrime5 ^ 3527539UL);
  if (acc == uint64_t(-1)) return 1546275796;
  return int64_t(acc);
}

static Value compare_sizes(int64_t a, int64_t b, int cmp) {
  bool r = false;
  switch (cmp) {
    case 0:
      r = a < b;
      break;
    case 1:
      r = a <= b;
      break;
    case 2:
      r = a == b;
      break;
    case 3:
      r = a != b;
      break;
    case 4:
      r = a > b;
      break;
    case 5:
      r = a >= b;
      break;
  }
  return py_bool(r);
}

static Value tuple_richcompare(Value a, Value b, int cmp) {
  if (!is_tuple(a) || !is_tuple(b)) return not_implemented();
  Tuple* v = as_tuple(a);
  Tuple* w = as_tuple(b);
  int64_t vlen = v->size, wlen = w->size;
  if (vlen != wlen && (cmp == 2 || cmp == 3)) return py_bool(cmp == 3);
  int64_t i = 0;
  for (; i < vlen && i < wlen; i++) {
    if (!py_equal(v->items[i], w->items[i])) break;
  }
  if (i >= vlen || i >= wlen) return compare_sizes(vlen, wlen, cmp);
  if (cmp == 2) return py_bool(false);
  if (cmp == 3) return py_bool(true);
  return py_richcompare(v->items[i], w->items[i], cmp);
}

static Value tuple_concat(Tuple* a, Tuple* b) {
  if (b->size == 0 && a->type == tuple_type) return Value(a);
  if (a->size == 0 && b->type == tuple_type) return Value(b);
  Tuple* r = tuple_new(a->size + b->size);
  std::memcpy(r->items, a->items, size_t(a->size) * sizeof(Value));
  std::memcpy(r->items + a->size, b->items, size_t(b->size) * sizeof(Value));
  return Value(r);
}

static Value tuple_repeat(Tuple* t, int64_t n) {
  if (n < 0) n = 0;
  if (t->size == 0 || n == 1) {
    if (t->type == tuple_type) return Value(t);
  }
  if (t->size == 0 || n == 0) return Value(empty_tuple());
  if (t->size > kMaxTupleSize / n) raise_memory_error();
  int64_t size = t->size;
  Tuple* r = tuple_new(size * n);
  if (size == 1) {
    Value v = t->items[0];
    for (int64_t i = 0; i < n; i++) r->items[i] = v;
  } else {
    for (int64_t i = 0; i < n; i++)
      std::memcpy(r->items + i * size, t->items, size_t(size) * sizeof(Value));
  }
  return Value(r);
}

static Value tuple_binary(Value a, Value b, int op) {
  int plain = op >= 13 ? op - 13 : op;
  if (plain == 0) {  // +
    if (!is_tuple(a)) return not_implemented();
    if (is_tuple(b)) return tuple_concat(as_tuple(a), as_tuple(b));
    if (is_heap_instance(b)) return not_implemented();
    raise_type_error("can only concatenate tuple (not \"" + type_name_str(b) + "\") to tuple");
  }
  if (plain == 5) {  // *
    Value seq = is_tuple(a) ? a : b;
    Value count = is_tuple(a) ? b : a;
    if (!has_index(count)) {
      if (is_heap_instance(count)) return not_implemented();
      raise_type_error("can't multiply sequence by non-int of type '" + type_name_str(count) + "'");
    }
    return tuple_repeat(as_tuple(seq), repeat_count(count));
  }
  return not_implemented();
}

static int64_t tuple_length(Value self) { return as_tuple(self)->size; }

static Value tuple_getitem(Value self, Value key) {
  Tuple* t = as_tuple(self);
  if (key.is_small()) {
    int64_t i = key.small_value();
    if (i < 0) i += t->size;
    if (uint64_t(i) >= uint64_t(t->size)) raise_index_error("tuple index out of range");
    return t->items[i];
  }
  if (is_exact(key, slice_type)) {
    int64_t start, stop, step;
    int64_t n = slice_indices(key.as<Slice>(), t->size, &start, &stop, &step);
    if (n <= 0) return Value(empty_tuple());
    if (step == 1) {
      if (n == t->size && t->type == tuple_type) return self;
      return Value(tuple_from(t->items + start, n));
    }
    Tuple* r = tuple_new(n);
    for (int64_t i = 0, j = start; i < n; i++, j += step) r->items[i] = t->items[j];
    return Value(r);
  }
  if (has_index(key)) {
    int64_t i = index_value(key);
    if (i < 0) i += t->size;
    if (i < 0 || i >= t->size) raise_index_error("tuple index out of range");
    return t->items[i];
  }
  raise_indices_error("tuple", key);
}

static int tuple_contains(Value self, Value item) {
  Tuple* t = as_tuple(self);
  for (int64_t i = 0; i < t->size; i++) {
    if (py_equal(t->items[i], item)) return 1;
  }
  return 0;
}

static Value tuple_iter(Value self) {
  TupleIter* it = gc_new<TupleIter>(tuple_iter_type);
  it->tuple = as_tuple(self);
  it->index = 0;
  return Value(it);
}

static Value tuple_new_slot(Type* type, Value* args, size_t nargs, Tuple* kwnames) {
  if (type == tuple_type && kwnames && kwnames->size) {
    raise_type_error("tuple() takes no keyword arguments");
  }
  if (nargs > 1) {
    raise_type_error("tuple expected at most 1 argument, got " + std::to_string(nargs));
  }
  if (type == tuple_type) {
    if (nargs == 0) return Value(empty_tuple());
    return Value(tuple_from_iterable(args[0]));
  }
  // Subclass (e.g. a namedtuple): same inline layout, class set to `type`.
  if (nargs == 0) return Value(tuple_of_type(type, nullptr, 0));
  Tuple* items = tuple_from_iterable(args[0]);
  return Value(tuple_of_type(type, items->items, items->size));
}

// ---------------------------------------------------------------- iterator

static Value tuple_iter_next(Value self) {
  TupleIter* it = self.as<TupleIter>();
  Tuple* t = it->tuple;
  if (!t) return Value();
  if (it->index < t->size) return t->items[it->index++];
  it->tuple = nullptr;
  return Value();
}

static void tuple_iter_trace(Object* obj, Tracer& tracer) {
  tracer.mark(static_cast<TupleIter*>(obj)->tuple);
}

static Value self_iter(Value self) { return self; }

static Value tuple_iter_length_hint(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__length_hint__", kwnames);
  check_nargs("__length_hint__", nargs - 1, 0, 0);
  TupleIter* it = args[0].as<TupleIter>();
  if (!it->tuple) return Value::small(0);
  int64_t n = it->tuple->size - it->index;
  return Value::small(n < 0 ? 0 : n);
}

// ---------------------------------------------------------------- methods

static Value tuple_count_m(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("count", kwnames);
  check_nargs("count", nargs - 1, 1, 1);
  Tuple* t = as_tuple(args[0]);
  int64_t n = 0;
  for (int64_t i = 0; i < t->size; i++) {
    if (py_equal(t->items[i], args[1])) n++;
  }
  return Value::small(n);
}

static Value tuple_index_m(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("index", kwnames);
  check_nargs("index", nargs - 1, 1, 3);
  Tuple* t = as_tuple(args[0]);
  int64_t start = 0, stop = std::numeric_limits<int64_t>::max();
  if (nargs > 2) start = slice_index_not_none(args[2]);
  if (nargs > 3) stop = slice_index_not_none(args[3]);
  if (start < 0) {
    start += t->size;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += t->size;
  } else if (stop > t->size) {
    stop = t->size;
  }
  for (int64_t i = start; i < stop; i++) {
    if (py_equal(t->items[i], args[1])) return Value::small(i);
  }
  raise_value_error("tuple.index(x): x not in tuple");
}

static Value tuple_len_m(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__len__", kwnames);
  check_nargs("__len__", nargs - 1, 0, 0);
  return Value::small(as_tuple(args[0])->size);
}

static Value tuple_getitem_m(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__getitem__", kwnames);
  check_nargs("__getitem__", nargs - 1, 1, 1);
  return tuple_getitem(args[0], args[1]);
}

static Value tuple_contains_m(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__contains__", kwnames);
  check_nargs("__contains__", nargs - 1, 1, 1);
  return py_bool(tuple_contains(args[0], args[1]));
}

static Value tuple_iter_m(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__iter__", kwnames);
  check_nargs("__iter__", nargs - 1, 0, 0);
  return tuple_iter(args[0]);
}

static Value tuple_getnewargs_m(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__getnewargs__", kwnames);
  check_nargs("__getnewargs__", nargs - 1, 0, 0);
  Tuple* t = as_tuple(args[0]);
  Value copy(tuple_from(t->items, t->size));
  return Value(tuple_of({copy}));
}

static Value tuple_dunder_new(Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = check_new_class(args, nargs, tuple_type);
  return tuple_new_slot(t, args + 1, nargs - 1, kwnames);
}

void init_tuple_type() {
  Type* t = tuple_type;
  t->type_flags |= kTypeBaseType | kTypeTupleSubclass;
  t->trace = tuple_trace;
  t->repr = tuple_repr;
  t->hash = tuple_hash;
  t->richcompare = tuple_richcompare;
  t->binary = tuple_binary;
  t->length = tuple_length;
  t->getitem = tuple_getitem;
  t->contains = tuple_contains;
  t->iter = tuple_iter;
  t->new_ = tuple_new_slot;
  add_method(t, "count", tuple_count_m);
  add_method(t, "index", tuple_index_m);
  add_method(t, "__len__", tuple_len_m);
  add_method(t, "__getitem__", tuple_getitem_m);
  add_method(t, "__contains__", tuple_contains_m);
  add_method(t, "__iter__", tuple_iter_m);
  add_method(t, "__getnewargs__", tuple_getnewargs_m);
  add_method(t, "__new__", tuple_dunder_new, kBuiltinStaticMethod);

  tuple_iter_type = new_builtin_type("tuple_iterator", nullptr, sizeof(TupleIter));
  tuple_iter_type->trace = tuple_iter_trace;
  tuple_iter_type->iter = self_iter;
  tuple_iter_type->next = tuple_iter_next;
  add_method(tuple_iter_type, "__length_hint__", tuple_iter_length_hint);
}

}  // namespace kestrel
