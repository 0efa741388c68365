// Python list: a growable array with CPython's over-allocation pattern,
// slice assignment/deletion, the list iterators and the list methods.
// Sorting lives in list_sort.cpp.
#include "runtime/list.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <vector>

#include "runtime/container_util.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/range.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

Type* list_iter_type = nullptr;
Type* list_reverse_iter_type = nullptr;

// ---------------------------------------------------------------- shared helpers

namespace {
// Objects whose repr is in progress (a short stack: nesting depth, not size).
std::vector<Object*> g_repr_stack;
}  // namespace

ReprGuard::ReprGuard(Object* obj) : obj_(obj), active_(true) {
  for (Object* o : g_repr_stack) {
    if (o == obj) {
      active_ = false;
      return;
    }
  }
  g_repr_stack.push_back(obj);
}

ReprGuard::~ReprGuard() {
  if (!active_) return;
  // Normally the top of the stack; search in case of unusual unwinding order.
  for (size_t i = g_repr_stack.size(); i-- > 0;) {
    if (g_repr_stack[i] == obj_) {
      g_repr_stack.erase(g_repr_stack.begin() + long(i));
      break;
    }
  }
}

Object* alloc_container_instance(Type* type, size_t min_size) {
  size_t size = type->instance_size > min_size ? type->instance_size : min_size;
  Object* obj = gc_alloc(size, type);
  if (InstanceAttrs* attrs = attrs_of(obj)) attrs->layout = type->root_layout;
  return obj;
}

Type* check_new_class(Value* args, size_t nargs, Type* base) {
  std::string bname = str_to_utf8(base->name);
  if (nargs == 0) raise_type_error(bname + ".__new__(): not enough arguments");
  if (!is_type(args[0])) {
    raise_type_error(bname + ".__new__(X): X is not a type object (" + type_name_str(args[0]) +
                     ")");
  }
  Type* t = args[0].as<Type>();
  if (!is_subtype(t, base)) {
    std::string tname = str_to_utf8(t->name);
    raise_type_error(bname + ".__new__(" + tname + "): " + tname + " is not a subtype of " + bname);
  }
  return t;
}

// ---------------------------------------------------------------- storage

namespace {

constexpr int64_t kMaxListSize = int64_t(1) << 40;

inline List* as_list(Value v) { return v.as<List>(); }

// Sets the capacity to exactly `cap` (>= size).
void list_set_capacity(List* l, int64_t cap) {
  if (cap > kMaxListSize) raise_memory_error();
  if (cap == l->capacity) return;
  if (cap == 0) {
    if (l->items) gc_free_external(l->items, size_t(l->capacity) * sizeof(Value));
    l->items = nullptr;
  } else if (!l->items) {
    l->items = static_cast<Value*>(gc_malloc_external(size_t(cap) * sizeof(Value)));
  } else {
    l->items = static_cast<Value*>(gc_realloc_external(
        l->items, size_t(l->capacity) * sizeof(Value), size_t(cap) * sizeof(Value)));
  }
  l->capacity = cap;
}

}  // namespace

// CPython's list_resize: set the size to `newsize`, reallocating with
// over-allocation; new slots are zeroed (empty Values) for the tracer.
void list_resize(List* l, int64_t newsize) {
  int64_t allocated = l->capacity;
  if (allocated >= newsize && newsize >= (allocated >> 1)) {
    if (newsize > l->size)
      std::memset(static_cast<void*>(l->items + l->size), 0,
                  size_t(newsize - l->size) * sizeof(Value));
    l->size = newsize;
    return;
  }
  if (newsize > kMaxListSize) raise_memory_error();
  int64_t new_allocated = (newsize + (newsize >> 3) + 6) & ~int64_t(3);
  if (newsize - l->size > new_allocated - newsize) new_allocated = (newsize + 3) & ~int64_t(3);
  if (newsize == 0) new_allocated = 0;
  int64_t old_size = l->size;
  if (newsize < old_size) l->size = newsize;  // shrink before realloc: never trace freed slots
  list_set_capacity(l, new_allocated);
  if (newsize > old_size)
    std::memset(static_cast<void*>(l->items + old_size), 0,
                size_t(newsize - old_size) * sizeof(Value));
  l->size = newsize;
}

List* list_new(int64_t size) {
  if (size < 0 || size > kMaxListSize) raise_memory_error();
  List* l = gc_new<List>(list_type);
  if (size > 0) {
    list_set_capacity(l, size);
    std::memset(static_cast<void*>(l->items), 0, size_t(size) * sizeof(Value));
    l->size = size;
  }
  return l;
}

List* list_from(const Value* items, int64_t n) {
  List* l = gc_new<List>(list_type);
  if (n > 0) {
    list_set_capacity(l, n);
    if (n) std::memcpy(static_cast<void*>(l->items), items, size_t(n) * sizeof(Value));
    l->size = n;
  }
  return l;
}

void list_append(List* l, Value v) {
  int64_t n = l->size;
  if (n < l->capacity) {
    l->items[n] = v;
    l->size = n + 1;
    return;
  }
  list_resize(l, n + 1);
  l->items[n] = v;
}

void list_extend(List* l, Value iterable) {
  // Exact types only: a subclass may override __iter__.
  if (is_exact(iterable, list_type) || is_exact(iterable, tuple_type) || iterable == Value(l)) {
    // Read the source after resizing: `l.extend(l)` must copy the old items.
    int64_t n = is_list(iterable) ? as_list(iterable)->size : iterable.as<Tuple>()->size;
    if (n == 0) return;
    int64_t old = l->size;
    list_resize(l, old + n);
    const Value* src = is_list(iterable) ? as_list(iterable)->items : iterable.as<Tuple>()->items;
    if (n) std::memmove(static_cast<void*>(l->items + old), src, size_t(n) * sizeof(Value));
    return;
  }
  Value it = py_iter(iterable);
  for (;;) {
    Value v = py_next(it);
    if (v.empty()) break;
    list_append(l, v);
  }
}

List* list_from_iterable(Value iterable) {
  List* l = list_new(0);
  list_extend(l, iterable);
  return l;
}

void list_insert(List* l, int64_t where, Value v) {
  int64_t n = l->size;
  list_resize(l, n + 1);
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  std::memmove(static_cast<void*>(l->items + where + 1), l->items + where,
               size_t(n - where) * sizeof(Value));
  l->items[where] = v;
}

Value list_pop(List* l, int64_t index) {
  if (l->size == 0) raise_index_error("pop from empty list");
  if (index < 0) index += l->size;
  if (index < 0 || index >= l->size) raise_index_error("pop index out of range");
  Value v = l->items[index];
  int64_t n = l->size;
  std::memmove(static_cast<void*>(l->items + index), l->items + index + 1,
               size_t(n - index - 1) * sizeof(Value));
  list_resize(l, n - 1);
  return v;
}

void list_clear(List* l) {
  if (l->items) gc_free_external(l->items, size_t(l->capacity) * sizeof(Value));
  l->items = nullptr;
  l->size = 0;
  l->capacity = 0;
}

// Replaces l[ilow:ihigh] by the `n` values at `src` (CPython's list_ass_slice
// after the sequence conversion). `src` must not point into `l`.
static void list_replace_range(List* l, int64_t ilow, int64_t ihigh, const Value* src, int64_t n) {
  int64_t size = l->size;
  if (ilow < 0) ilow = 0;
  if (ilow > size) ilow = size;
  if (ihigh < ilow) ihigh = ilow;
  if (ihigh > size) ihigh = size;
  int64_t d = n - (ihigh - ilow);
  if (d < 0) {
    std::memmove(static_cast<void*>(l->items + ihigh + d), l->items + ihigh,
                 size_t(size - ihigh) * sizeof(Value));
    list_resize(l, size + d);
  } else if (d > 0) {
    list_resize(l, size + d);
    std::memmove(static_cast<void*>(l->items + ihigh + d), l->items + ihigh,
                 size_t(size - ihigh) * sizeof(Value));
  }
  if (n) std::memcpy(static_cast<void*>(l->items + ilow), src, size_t(n) * sizeof(Value));
}

// ---------------------------------------------------------------- slots

static void list_trace(Object* obj, Tracer& tracer) {
  List* l = static_cast<List*>(obj);
  if (l->items) tracer.mark_range(l->items, l->items + l->size);
}

static void list_finalize(Object* obj) {
  List* l = static_cast<List*>(obj);
  if (l->items) gc_free_external(l->items, size_t(l->capacity) * sizeof(Value));
  l->items = nullptr;
  l->capacity = 0;
  l->size = 0;
}

static Value list_repr(Value self) {
  List* l = as_list(self);
  if (l->size == 0) return Value(str_new("[]"));
  ReprGuard guard(l);
  if (!guard.active()) return Value(str_new("[...]"));
  StrBuilder sb;
  sb.append_char('[');
  // The list may change while item reprs run: re-read size and items.
  for (int64_t i = 0; i < l->size; i++) {
    if (i) sb.append_utf8(", ");
    Value item = l->items[i];
    sb.append(py_repr(item).as<Str>());
  }
  sb.append_char(']');
  return Value(sb.build());
}

static Value list_richcompare(Value a, Value b, int cmp) {
  if (!is_list(a) || !is_list(b)) return not_implemented();
  List* v = as_list(a);
  List* w = as_list(b);
  if (v->size != w->size && (cmp == 2 || cmp == 3)) return py_bool(cmp == 3);
  int64_t i = 0;
  for (; i < v->size && i < w->size; i++) {
    Value x = v->items[i], y = w->items[i];
    if (x == y) continue;
    if (!py_equal(x, y)) break;
  }
  if (i >= v->size || i >= w->size) {
    int64_t vs = v->size, ws = w->size;
    bool r = false;
    switch (cmp) {
      case 0:
        r = vs < ws;
        break;
      case 1:
        r = vs <= ws;
        break;
      case 2:
        r = vs == ws;
        break;
      case 3:
        r = vs != ws;
        break;
      case 4:
        r = vs > ws;
        break;
      case 5:
        r = vs >= ws;
        break;
    }
    return py_bool(r);
  }
  if (cmp == 2) return py_bool(false);
  if (cmp == 3) return py_bool(true);
  return py_richcompare(v->items[i], w->items[i], cmp);
}

static Value list_repeat(List* l, int64_t n) {
  if (n < 0) n = 0;
  int64_t size = l->size;
  if (size == 0 || n == 0) return Value(list_new(0));
  if (size > kMaxListSize / n) raise_memory_error();
  List* r = list_new(size * n);
  for (int64_t i = 0; i < n; i++)
    std::memcpy(static_cast<void*>(r->items + i * size), l->items, size_t(size) * sizeof(Value));
  return Value(r);
}

static void list_inplace_repeat(List* l, int64_t n) {
  int64_t size = l->size;
  if (size == 0 || n == 1) return;
  if (n < 1) {
    list_clear(l);
    return;
  }
  if (size > kMaxListSize / n) raise_memory_error();
  list_resize(l, size * n);
  for (int64_t i = 1; i < n; i++)
    std::memcpy(static_cast<void*>(l->items + i * size), l->items, size_t(size) * sizeof(Value));
}

static Value list_binary(Value a, Value b, int op) {
  switch (op) {
    case 0: {  // +
      if (!is_list(a)) return not_implemented();
      if (!is_list(b)) {
        if (is_heap_instance(b)) return not_implemented();
        raise_type_error("can only concatenate list (not \"" + type_name_str(b) + "\") to list");
      }
      List* x = as_list(a);
      List* y = as_list(b);
      List* r = list_new(x->size + y->size);
      // (memcpy from an empty list's null storage is undefined even for 0 bytes)
      if (x->size) std::memcpy(static_cast<void*>(r->items), x->items, size_t(x->size) * sizeof(Value));
      if (y->size) std::memcpy(static_cast<void*>(r->items + x->size), y->items,
                  size_t(y->size) * sizeof(Value));
      return Value(r);
    }
    case 13:  // +=: extend with any iterable
      if (!is_list(a)) return not_implemented();
      list_extend(as_list(a), b);
      return a;
    case 5:
    case 18: {  // * and *=
      Value seq = is_list(a) ? a : b;
      Value count = is_list(a) ? b : a;
      if (!has_index(count)) {
        if (is_heap_instance(count)) return not_implemented();
        raise_type_error("can't multiply sequence by non-int of type '" + type_name_str(count) +
                         "'");
      }
      int64_t n = repeat_count(count);
      if (op == 18 && is_list(a)) {
        list_inplace_repeat(as_list(a), n);
        return a;
      }
      return list_repeat(as_list(seq), n);
    }
  }
  return not_implemented();
}

static int64_t list_length(Value self) { return as_list(self)->size; }

static Value list_getitem(Value self, Value key) {
  List* l = as_list(self);
  if (key.is_small()) {
    int64_t i = key.small_value();
    if (i < 0) i += l->size;
    if (uint64_t(i) >= uint64_t(l->size)) raise_index_error("list index out of range");
    return l->items[i];
  }
  if (is_exact(key, slice_type)) {
    int64_t start, stop, step;
    int64_t n = slice_indices(key.as<Slice>(), l->size, &start, &stop, &step);
    if (n <= 0) return Value(list_new(0));
    if (step == 1) return Value(list_from(l->items + start, n));
    List* r = list_new(n);
    for (int64_t i = 0, j = start; i < n; i++, j += step) r->items[i] = l->items[j];
    return Value(r);
  }
  if (has_index(key)) {
    int64_t i = index_value(key);
    if (i < 0) i += l->size;
    if (i < 0 || i >= l->size) raise_index_error("list index out of range");
    return l->items[i];
  }
  raise_indices_error("list", key);
}

// Deletes the `n` items start, start+step, ... (step may be negative).
static void list_delete_extended(List* l, int64_t start, int64_t step, int64_t n) {
  if (n <= 0) return;
  if (step < 0) {
    // Same items, walked upwards.
    start = start + step * (n - 1);
    step = -step;
  }
  int64_t size = l->size;
  int64_t dst = start;
  int64_t next_del = start;
  int64_t deleted = 0;
  for (int64_t src = start; src < size; src++) {
    if (deleted < n && src == next_del) {
      deleted++;
      next_del += step;
      continue;
    }
    l->items[dst++] = l->items[src];
  }
  list_resize(l, size - n);
}

static void list_setitem(Value self, Value key, Value v) {
  List* l = as_list(self);
  if (!key.is_small() && is_exact(key, slice_type)) {
    int64_t start, stop, step;
    int64_t n = slice_indices(key.as<Slice>(), l->size, &start, &stop, &step);
    if (v.empty()) {  // del l[a:b:c]
      if (step == 1) {
        list_replace_range(l, start, stop, nullptr, 0);
      } else {
        list_delete_extended(l, start, step, n);
      }
      return;
    }
    if (step == 1) {
      // l[a:b] = iterable; the items are snapshot first (v may be l itself).
      if (is_list(v) || is_tuple(v)) {
        int64_t m = is_list(v) ? as_list(v)->size : v.as<Tuple>()->size;
        const Value* src = is_list(v) ? as_list(v)->items : v.as<Tuple>()->items;
        if (v == self) {
          Tuple* copy = tuple_from(src, m);
          list_replace_range(l, start, stop, copy->items, m);
        } else {
          list_replace_range(l, start, stop, src, m);
        }
        return;
      }
      Value it;
      try {
        it = py_iter(v);
      } catch (PyException& e) {
        if (is_instance(e.exc, type_error_type)) raise_type_error("can only assign an iterable");
        throw;
      }
      ValueVector items;
      for (;;) {
        Value x = py_next(it);
        if (x.empty()) break;
        items.push_back(x);
      }
      list_replace_range(l, start, stop, items.data(), int64_t(items.size()));
      return;
    }
    Tuple* seq;
    if (is_tuple(v)) {
      seq = v.as<Tuple>();
    } else if (is_list(v)) {
      seq = tuple_from(as_list(v)->items, as_list(v)->size);
    } else {
      try {
        seq = tuple_from_iterable(v);
      } catch (PyException& e) {
        if (is_instance(e.exc, type_error_type) && !py_hasattr(v, intern("__iter__")))
          raise_type_error("must assign iterable to extended slice");
        throw;
      }
    }
    if (seq->size != n) {
      raise_value_error("attempt to assign sequence of size " + std::to_string(seq->size) +
                        " to extended slice of size " + std::to_string(n));
    }
    for (int64_t i = 0, j = start; i < n; i++, j += step) l->items[j] = seq->items[i];
    return;
  }
  int64_t i;
  if (key.is_small()) {
    i = key.small_value();
  } else if (has_index(key)) {
    i = index_value(key);
  } else {
    raise_indices_error("list", key);
  }
  if (i < 0) i += l->size;
  if (i < 0 || i >= l->size) {
    raise_index_error("list assignment index out of range");
  }
  if (v.empty()) {
    list_pop(l, i);
  } else {
    l->items[i] = v;
  }
}

static int list_contains(Value self, Value item) {
  List* l = as_list(self);
  for (int64_t i = 0; i < l->size; i++) {
    Value x = l->items[i];
    if (x == item || py_equal(x, item)) return 1;
  }
  return 0;
}

static Value list_iter(Value self) {
  ListIter* it = gc_new<ListIter>(list_iter_type);
  it->list = as_list(self);
  it->index = 0;
  return Value(it);
}

static Value list_new_slot(Type* type, Value*, size_t, Tuple*) {
  if (type == list_type) return Value(gc_new<List>(list_type));
  return Value(alloc_container_instance(type, sizeof(List)));
}

static void list_init_slot(Value self, Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size && type_of(self) == list_type) {
    raise_type_error("list() takes no keyword arguments");
  }
  if (nargs > 1) raise_type_error("list expected at most 1 argument, got " + std::to_string(nargs));
  List* l = as_list(self);
  if (l->size) list_clear(l);
  if (nargs == 1) list_extend(l, args[0]);
}

// ---------------------------------------------------------------- iterators

// Forward iterator: re-checks the size on every step, so it sees appends.
static Value list_iter_next(Value self) {
  ListIter* it = self.as<ListIter>();
  List* l = it->list;
  if (!l) return Value();
  if (it->index < l->size) return l->items[it->index++];
  it->list = nullptr;
  return Value();
}

static void list_iter_trace(Object* obj, Tracer& tracer) {
  tracer.mark(static_cast<ListIter*>(obj)->list);
}

static Value self_iter(Value self) { return self; }

static Value list_iter_length_hint(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__length_hint__", kwnames);
  check_nargs("__length_hint__", nargs - 1, 0, 0);
  ListIter* it = args[0].as<ListIter>();
  if (!it->list) return Value::small(0);
  int64_t n = it->list->size - it->index;
  return Value::small(n < 0 ? 0 : n);
}

// Reverse iterator (same layout as ListIter; index counts down).
static Value list_reverse_iter_next(Value self) {
  ListIter* it = self.as<ListIter>();
  List* l = it->list;
  if (!l) return Value();
  if (it->index >= 0 && it->index < l->size) return l->items[it->index--];
  it->index = -1;
  it->list = nullptr;
  return Value();
}

static Value list_reverse_iter_length_hint(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__length_hint__", kwnames);
  check_nargs("__length_hint__", nargs - 1, 0, 0);
  ListIter* it = args[0].as<ListIter>();
  if (!it->list || it->index >= it->list->size) return Value::small(0);
  return Value::small(it->index + 1);
}

// ---------------------------------------------------------------- methods

#define NO_KW(name) check_no_kwargs(name, kwnames)

static Value list_append_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("append");
  check_nargs("append", nargs - 1, 1, 1);
  list_append(as_list(args[0]), args[1]);
  return none();
}

static Value list_extend_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("extend");
  check_nargs("extend", nargs - 1, 1, 1);
  list_extend(as_list(args[0]), args[1]);
  return none();
}

static Value list_insert_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("insert");
  check_nargs("insert", nargs - 1, 2, 2);
  int64_t where = index_value(args[1]);
  list_insert(as_list(args[0]), where, args[2]);
  return none();
}

static Value list_pop_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("pop");
  check_nargs("pop", nargs - 1, 0, 1);
  int64_t index = nargs > 1 ? index_value(args[1]) : -1;
  return list_pop(as_list(args[0]), index);
}

static Value list_remove_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("remove");
  check_nargs("remove", nargs - 1, 1, 1);
  List* l = as_list(args[0]);
  for (int64_t i = 0; i < l->size; i++) {
    Value x = l->items[i];
    if (x == args[1] || py_equal(x, args[1])) {
      if (i < l->size) list_pop(l, i);
      return none();
    }
  }
  raise_value_error("list.remove(x): x not in list");
}

static Value list_index_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("index");
  check_nargs("index", nargs - 1, 1, 3);
  List* l = as_list(args[0]);
  int64_t start = 0, stop = std::numeric_limits<int64_t>::max();
  if (nargs > 2) start = slice_index_not_none(args[2]);
  if (nargs > 3) stop = slice_index_not_none(args[3]);
  if (start < 0) {
    start += l->size;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += l->size;
    if (stop < 0) stop = 0;
  }
  for (int64_t i = start; i < stop && i < l->size; i++) {
    Value x = l->items[i];
    if (x == args[1] || py_equal(x, args[1])) return Value::small(i);
  }
  std::string msg = str_to_utf8(py_repr(args[1]).as<Str>());
  raise_value_error(msg + " is not in list");
}

static Value list_count_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("count");
  check_nargs("count", nargs - 1, 1, 1);
  List* l = as_list(args[0]);
  int64_t n = 0;
  for (int64_t i = 0; i < l->size; i++) {
    Value x = l->items[i];
    if (x == args[1] || py_equal(x, args[1])) n++;
  }
  return Value::small(n);
}

static Value list_clear_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("clear");
  check_nargs("clear", nargs - 1, 0, 0);
  list_clear(as_list(args[0]));
  return none();
}

static Value list_copy_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("copy");
  check_nargs("copy", nargs - 1, 0, 0);
  List* l = as_list(args[0]);
  return Value(list_from(l->items, l->size));
}

static Value list_reverse_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("reverse");
  check_nargs("reverse", nargs - 1, 0, 0);
  List* l = as_list(args[0]);
  if (l->size > 1) std::reverse(l->items, l->items + l->size);
  return none();
}

static Value list_sort_m(Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs > 1) raise_type_error("sort() takes no positional arguments");
  Value key, reverse;
  int64_t nkw = kwnames ? kwnames->size : 0;
  for (int64_t i = 0; i < nkw; i++) {
    Str* name = kwnames->items[i].as<Str>();
    if (str_equal_ascii(name, "key")) {
      key = args[nargs + size_t(i)];
    } else if (str_equal_ascii(name, "reverse")) {
      reverse = args[nargs + size_t(i)];
    } else {
      raise_type_error("'" + str_to_utf8(name) + "' is an invalid keyword argument for sort()");
    }
  }
  if (!key.empty() && is_none(key)) key = Value();
  bool rev = !reverse.empty() && py_truthy(reverse);
  list_sort(as_list(args[0]), key, rev);
  return none();
}

static Value list_reversed_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__reversed__");
  check_nargs("__reversed__", nargs - 1, 0, 0);
  ListIter* it = gc_new<ListIter>(list_reverse_iter_type);
  it->list = as_list(args[0]);
  it->index = it->list->size - 1;
  return Value(it);
}

static Value list_len_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__len__");
  check_nargs("__len__", nargs - 1, 0, 0);
  return Value::small(as_list(args[0])->size);
}

static Value list_getitem_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__getitem__");
  check_nargs("__getitem__", nargs - 1, 1, 1);
  return list_getitem(args[0], args[1]);
}

static Value list_setitem_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__setitem__");
  check_nargs("__setitem__", nargs - 1, 2, 2);
  list_setitem(args[0], args[1], args[2]);
  return none();
}

static Value list_delitem_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__delitem__");
  check_nargs("__delitem__", nargs - 1, 1, 1);
  list_setitem(args[0], args[1], Value());
  return none();
}

static Value list_contains_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__contains__");
  check_nargs("__contains__", nargs - 1, 1, 1);
  return py_bool(list_contains(args[0], args[1]));
}

static Value list_iter_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__iter__");
  check_nargs("__iter__", nargs - 1, 0, 0);
  return list_iter(args[0]);
}

static Value list_init_m(Value* args, size_t nargs, Tuple* kwnames) {
  list_init_slot(args[0], args + 1, nargs - 1, kwnames);
  return none();
}

static Value list_dunder_new(Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = check_new_class(args, nargs, list_type);
  return list_new_slot(t, args + 1, nargs - 1, kwnames);
}

static Value list_iadd_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__iadd__");
  check_nargs("__iadd__", nargs - 1, 1, 1);
  list_extend(as_list(args[0]), args[1]);
  return args[0];
}

#undef NO_KW

void init_list_type() {
  Type* t = list_type;
  t->type_flags |= kTypeBaseType | kTypeListSubclass;
  t->trace = list_trace;
  t->finalize = list_finalize;
  t->repr = list_repr;
  t->richcompare = list_richcompare;
  t->binary = list_binary;
  t->length = list_length;
  t->getitem = list_getitem;
  t->setitem = list_setitem;
  t->contains = list_contains;
  t->iter = list_iter;
  t->new_ = list_new_slot;
  t->init = list_init_slot;
  add_method(t, "append", list_append_m);
  add_method(t, "extend", list_extend_m);
  add_method(t, "insert", list_insert_m);
  add_method(t, "pop", list_pop_m);
  add_method(t, "remove", list_remove_m);
  add_method(t, "index", list_index_m);
  add_method(t, "count", list_count_m);
  add_method(t, "clear", list_clear_m);
  add_method(t, "copy", list_copy_m);
  add_method(t, "reverse", list_reverse_m);
  add_method(t, "sort", list_sort_m);
  add_method(t, "__reversed__", list_reversed_m);
  add_method(t, "__len__", list_len_m);
  add_method(t, "__getitem__", list_getitem_m);
  add_method(t, "__setitem__", list_setitem_m);
  add_method(t, "__delitem__", list_delitem_m);
  add_method(t, "__contains__", list_contains_m);
  add_method(t, "__iter__", list_iter_m);
  add_method(t, "__init__", list_init_m);
  add_method(t, "__iadd__", list_iadd_m);
  add_method(t, "__new__", list_dunder_new, kBuiltinStaticMethod);

  list_iter_type = new_builtin_type("list_iterator", nullptr, sizeof(ListIter));
  list_iter_type->trace = list_iter_trace;
  list_iter_type->iter = self_iter;
  list_iter_type->next = list_iter_next;
  add_method(list_iter_type, "__length_hint__", list_iter_length_hint);

  list_reverse_iter_type = new_builtin_type("list_reverseiterator", nullptr, sizeof(ListIter));
  list_reverse_iter_type->trace = list_iter_trace;
  list_reverse_iter_type->iter = self_iter;
  list_reverse_iter_type->next = list_reverse_iter_next;
  add_method(list_reverse_iter_type, "__length_hint__", list_reverse_iter_length_hint);
}

}  // namespace kestrel
