// Python dict: CPython 3.11's compact layout (an int32 index array probed with
// perturbation, into a dense insertion-ordered entry array), the dict views
// and the dict iterators.
#include "runtime/dict.h"

#include <cstring>

#include "runtime/container_util.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

Type* dict_keys_type = nullptr;
Type* dict_values_type = nullptr;
Type* dict_items_type = nullptr;
Type* dict_keyiter_type = nullptr;
Type* dict_valueiter_type = nullptr;
Type* dict_itemiter_type = nullptr;
Type* dict_revkeyiter_type = nullptr;
Type* dict_revvalueiter_type = nullptr;
Type* dict_revitemiter_type = nullptr;

namespace {

constexpr int32_t kEmpty = -1;
constexpr int32_t kDummy = -2;
constexpr int64_t kMinSize = 8;
constexpr int64_t kMaxIndexSize = int64_t(1) << 31;  // entries are int32 indices
constexpr int kPerturbShift = 5;

uint64_t g_dict_version = 0;
Value g_dict_iter_method;  // dict.__iter__, to detect subclasses overriding it

inline Dict* as_dict(Value v) { return v.as<Dict>(); }
inline int64_t usable_fraction(int64_t n) { return (n << 1) / 3; }

inline void bump(Dict* d) { d->version = next_dict_version(); }
inline void bump_keys(Dict* d) { d->keys_version = next_dict_version(); }

// Smallest power of two >= minsize (and >= 8).
int64_t index_size_for(int64_t minsize) {
  int64_t size = kMinSize;
  while (size < minsize) {
    size <<= 1;
    if (size > kMaxIndexSize) raise_memory_error();
  }
  return size;
}

// Rebuilds the tables with `index_size` slots, compacting the entries.
void dict_resize(Dict* d, int64_t index_size) {
  int64_t capacity = usable_fraction(index_size);
  if (capacity < d->used) raise_memory_error();
  // Allocate first: the collector may run inside gc_malloc_external and must
  // see the dict in its old, consistent state.
  auto* index = static_cast<int32_t*>(gc_malloc_external(size_t(index_size) * sizeof(int32_t)));
  DictEntry* entries;
  try {
    entries = static_cast<DictEntry*>(gc_malloc_external(size_t(capacity) * sizeof(DictEntry)));
  } catch (...) {
    gc_free_external(index, size_t(index_size) * sizeof(int32_t));
    throw;
  }
  std::memset(index, 0xff, size_t(index_size) * sizeof(int32_t));  // all kEmpty
  std::memset(static_cast<void*>(entries), 0, size_t(capacity) * sizeof(DictEntry));
  uint64_t mask = uint64_t(index_size) - 1;
  int64_t n = 0;
  for (int64_t i = 0; i < d->nentries; i++) {
    DictEntry& e = d->entries[i];
    if (e.key.empty()) continue;
    entries[n] = e;
    uint64_t perturb = uint64_t(e.hash);
    uint64_t j = uint64_t(e.hash) & mask;
    while (index[j] != kEmpty) {
      perturb >>= kPerturbShift;
      j = (j * 5 + perturb + 1) & mask;
    }
    index[j] = int32_t(n);
    n++;
  }
  if (d->index) gc_free_external(d->index, size_t(d->index_size) * sizeof(int32_t));
  if (d->entries) gc_free_external(d->entries, size_t(d->capacity) * sizeof(DictEntry));
  d->index = index;
  d->index_size = index_size;
  d->entries = entries;
  d->capacity = capacity;
  d->nentries = n;
  bump_keys(d);
}

// Finds `key`; returns its entry number (or -1) and, when found, its index slot.
int64_t dict_lookup(Dict* d, Value key, int64_t hash, int64_t* slot_out) {
restart:
  if (!d->index) return -1;
  uint64_t mask = uint64_t(d->index_size) - 1;
  uint64_t perturb = uint64_t(hash);
  uint64_t i = uint64_t(hash) & mask;
  for (;;) {
    int32_t ix = d->index[i];
    if (ix == kEmpty) return -1;
    if (ix >= 0) {
      DictEntry* e = &d->entries[ix];
      Value k = e->key;
      if (k == key) {
        if (slot_out) *slot_out = int64_t(i);
        return ix;
      }
      if (e->hash == hash) {
        bool eq;
        if (is_exact(k, str_type) && is_exact(key, str_type)) {
          eq = str_equal(k.as<Str>(), key.as<Str>());
        } else {
          // __eq__ may run Python code that mutates this dict: re-validate.
          DictEntry* entries = d->entries;
          int32_t* index = d->index;
          eq = py_equal(k, key);
          if (d->entries != entries || d->index != index || d->index[i] != ix ||
              d->entries[ix].key != k) {
            goto restart;
          }
        }
        if (eq) {
          if (slot_out) *slot_out = int64_t(i);
          return ix;
        }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// Appends a new entry for a key known to be absent (tables have room).
void dict_insert_new(Dict* d, Value key, int64_t hash, Value value) {
  uint64_t mask = uint64_t(d->index_size) - 1;
  uint64_t perturb = uint64_t(hash);
  uint64_t i = uint64_t(hash) & mask;
  while (d->index[i] >= 0) {
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
  int64_t n = d->nentries;
  d->entries[n].hash = hash;
  d->entries[n].key = key;
  d->entries[n].value = value;
  d->index[i] = int32_t(n);
  d->nentries = n + 1;
  d->used++;
  bump_keys(d);
}

void dict_set_hashed(Dict* d, Value key, int64_t hash, Value value) {
  int64_t ix = dict_lookup(d, key, hash, nullptr);
  if (ix >= 0) {
    d->entries[ix].value = value;
    bump(d);
    return;
  }
  if (!d->index || d->nentries >= d->capacity) {
    dict_resize(d, index_size_for(d->index ? d->used * 3 : kMinSize));
  }
  dict_insert_new(d, key, hash, value);
  bump(d);
}

Value dict_get_hashed(Dict* d, Value key, int64_t hash) {
  int64_t ix = dict_lookup(d, key, hash, nullptr);
  return ix >= 0 ? d->entries[ix].value : Value();
}

// Removes the entry `ix` found at index slot `slot`.
void dict_remove_at(Dict* d, int64_t ix, int64_t slot) {
  d->index[slot] = kDummy;
  d->entries[ix].key = Value();
  d->entries[ix].value = Value();
  d->used--;
  bump(d);
  bump_keys(d);
}

bool dict_iter_is_default(Value v) {
  if (is_exact(v, dict_type)) return true;
  if (!is_dict(v)) return false;
  static Str* name = intern("__iter__");
  return type_lookup(type_of(v), name) == g_dict_iter_method;
}

}  // namespace

// ---------------------------------------------------------------- public API

uint64_t next_dict_version() { return ++g_dict_version; }

Dict* dict_new() {
  Dict* d = gc_new<Dict>(dict_type);
  d->version = next_dict_version();
  d->keys_version = next_dict_version();
  return d;
}

Value dict_get(Dict* d, Value key) {
  if (d->used == 0) {
    hash_value(key);  // still raises for unhashable keys
    return Value();
  }
  return dict_get_hashed(d, key, hash_value(key));
}

Value dict_get_str(Dict* d, Str* key) {
  if (!d->index) return Value();
  int64_t hash = str_hash(key);
  uint64_t mask = uint64_t(d->index_size) - 1;
  uint64_t perturb = uint64_t(hash);
  uint64_t i = uint64_t(hash) & mask;
  for (;;) {
    int32_t ix = d->index[i];
    if (ix == kEmpty) return Value();
    if (ix >= 0) {
      DictEntry* e = &d->entries[ix];
      if (e->key == Value(key)) return e->value;
      if (e->hash == hash) {
        if (!is_exact(e->key, str_type) || key->type != str_type) {
          return dict_get_hashed(d, Value(key), hash);  // general comparison
        }
        if (str_equal(e->key.as<Str>(), key)) return e->value;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

void dict_set(Dict* d, Value key, Value value) { dict_set_hashed(d, key, hash_value(key), value); }

void dict_set_str(Dict* d, Str* key, Value value) {
  dict_set_hashed(d, Value(key), str_hash(key), value);
}

bool dict_delete(Dict* d, Value key) {
  int64_t hash = hash_value(key);
  int64_t slot = 0;
  int64_t ix = dict_lookup(d, key, hash, &slot);
  if (ix < 0) return false;
  dict_remove_at(d, ix, slot);
  return true;
}

void dict_clear(Dict* d) {
  if (d->index) gc_free_external(d->index, size_t(d->index_size) * sizeof(int32_t));
  if (d->entries) gc_free_external(d->entries, size_t(d->capacity) * sizeof(DictEntry));
  d->index = nullptr;
  d->entries = nullptr;
  d->index_size = 0;
  d->capacity = 0;
  d->nentries = 0;
  d->used = 0;
  bump(d);
  bump_keys(d);
}

bool dict_next(Dict* d, int64_t* pos, Value* key, Value* value) {
  int64_t i = *pos;
  while (i < d->nentries) {
    DictEntry& e = d->entries[i++];
    if (!e.key.empty()) {
      *pos = i;
      if (key) *key = e.key;
      if (value) *value = e.value;
      return true;
    }
  }
  *pos = i;
  return false;
}

Dict* dict_copy(Dict* d) {
  Dict* r = dict_new();
  if (d->used == 0) return r;
  int64_t index_size =
      d->used == d->nentries ? d->index_size : index_size_for((d->used * 3 + 1) / 2);
  dict_resize(r, index_size);
  if (d->used == d->nentries && index_size == d->index_size) {
    std::memcpy(r->index, d->index, size_t(index_size) * sizeof(int32_t));
    std::memcpy(static_cast<void*>(r->entries), d->entries,
                size_t(d->nentries) * sizeof(DictEntry));
    r->nentries = d->nentries;
    r->used = d->used;
  } else {
    for (int64_t i = 0; i < d->nentries; i++) {
      DictEntry& e = d->entries[i];
      if (!e.key.empty()) dict_insert_new(r, e.key, e.hash, e.value);
    }
  }
  return r;
}

// dict.update(other) / dict(other): a dict, a mapping with keys(), or pairs.
void dict_update(Dict* d, Value other) {
  if (dict_iter_is_default(other)) {
    Dict* b = as_dict(other);
    if (b == d || b->used == 0) return;
    int64_t used = b->used;
    for (int64_t i = 0; i < b->nentries; i++) {
      DictEntry e = b->entries[i];
      if (e.key.empty()) continue;
      dict_set_hashed(d, e.key, e.hash, e.value);
      if (b->used != used) raise(runtime_error_type, "dict mutated during update");
    }
    return;
  }
  static Str* keys_name = intern("keys");
  Value keys_fn = py_getattr_opt(other, keys_name);
  if (!keys_fn.empty()) {
    Value it = py_iter(py_call0(keys_fn));
    for (;;) {
      Value k = py_next(it);
      if (k.empty()) break;
      dict_set(d, k, py_getitem(other, k));
    }
    return;
  }
  Value it = py_iter(other);
  for (int64_t n = 0;; n++) {
    Value item = py_next(it);
    if (item.empty()) break;
    Value k, v;
    int64_t len;
    if (is_tuple(item) || is_list(item)) {
      const Value* items = is_tuple(item) ? item.as<Tuple>()->items : item.as<List>()->items;
      len = is_tuple(item) ? item.as<Tuple>()->size : item.as<List>()->size;
      if (len == 2) {
        k = items[0];
        v = items[1];
      }
    } else {
      Value seq;
      try {
        seq = py_iter(item);
      } catch (PyException& e) {
        if (!is_instance(e.exc, type_error_type)) throw;
        raise_type_error("cannot convert dictionary update sequence element #" + std::to_string(n) +
                         " to a sequence");
      }
      Tuple* t = tuple_from_iterable(seq);
      len = t->size;
      if (len == 2) {
        k = t->items[0];
        v = t->items[1];
      }
    }
    if (len != 2) {
      raise_value_error("dictionary update sequence element #" + std::to_string(n) +
                        " has length " + std::to_string(len) + "; 2 is required");
    }
    dict_set(d, k, v);
  }
}

// ---------------------------------------------------------------- slots

static void dict_trace(Object* obj, Tracer& tracer) {
  Dict* d = static_cast<Dict*>(obj);
  if (!d->entries) return;
  for (int64_t i = 0; i < d->nentries; i++) {
    tracer.mark(d->entries[i].key);
    tracer.mark(d->entries[i].value);
  }
}

static void dict_finalize(Object* obj) {
  Dict* d = static_cast<Dict*>(obj);
  if (d->index) gc_free_external(d->index, size_t(d->index_size) * sizeof(int32_t));
  if (d->entries) gc_free_external(d->entries, size_t(d->capacity) * sizeof(DictEntry));
  d->index = nullptr;
  d->entries = nullptr;
  d->index_size = d->capacity = d->nentries = d->used = 0;
}

static Value dict_repr(Value self) {
  Dict* d = as_dict(self);
  if (d->used == 0) return Value(str_new("{}"));
  ReprGuard guard(d);
  if (!guard.active()) return Value(str_new("{...}"));
  StrBuilder sb;
  sb.append_char('{');
  bool first = true;
  // Key/value reprs may mutate the dict: re-read the entries each step.
  for (int64_t i = 0; i < d->nentries; i++) {
    Value k = d->entries[i].key;
    if (k.empty()) continue;
    Value v = d->entries[i].value;
    if (!first) sb.append_utf8(", ");
    first = false;
    sb.append(py_repr(k).as<Str>());
    sb.append_utf8(": ");
    sb.append(py_repr(v).as<Str>());
  }
  sb.append_char('}');
  return Value(sb.build());
}

static bool dict_equal(Dict* a, Dict* b) {
  if (a->used != b->used) return false;
  for (int64_t i = 0; i < a->nentries; i++) {
    Value k = a->entries[i].key;
    if (k.empty()) continue;
    Value av = a->entries[i].value;
    int64_t hash = a->entries[i].hash;
    Value bv = dict_get_hashed(b, k, hash);
    if (bv.empty()) return false;
    if (!py_equal(av, bv)) return false;
  }
  return true;
}

static Value dict_richcompare(Value a, Value b, int cmp) {
  if (!is_dict(a) || !is_dict(b) || (cmp != 2 && cmp != 3)) return not_implemented();
  bool eq = dict_equal(as_dict(a), as_dict(b));
  return py_bool(cmp == 2 ? eq : !eq);
}

static Value dict_binary(Value a, Value b, int op) {
  if (op == 7) {  // |
    if (!is_dict(a) || !is_dict(b)) return not_implemented();
    Dict* r = dict_copy(as_dict(a));
    dict_update(r, b);
    return Value(r);
  }
  if (op == 20) {  // |=
    if (!is_dict(a)) return not_implemented();
    dict_update(as_dict(a), b);
    return a;
  }
  return not_implemented();
}

static int64_t dict_length(Value self) { return as_dict(self)->used; }

static Value dict_getitem(Value self, Value key) {
  Dict* d = as_dict(self);
  Value v = dict_get(d, key);
  if (!v.empty()) return v;
  if (d->type != dict_type) {
    static Str* missing = intern("__missing__");
    Value m = lookup_special(self, missing);
    if (!m.empty()) return py_call1(m, key);
  }
  raise_key_error(key);
}

static void dict_setitem(Value self, Value key, Value v) {
  Dict* d = as_dict(self);
  if (v.empty()) {
    if (!dict_delete(d, key)) raise_key_error(key);
    return;
  }
  dict_set(d, key, v);
}

static int dict_contains(Value self, Value key) {
  Dict* d = as_dict(self);
  return !dict_get(d, key).empty();
}

// ---------------------------------------------------------------- iterators

namespace {

struct DictIter : Object {
  Dict* dict;  // null once exhausted
  int64_t pos;
  int64_t used;  // dict size at creation (-1 after a size-change error: sticky)
  int64_t len;   // items left
};

struct DictView : Object {
  Dict* dict;
};

enum IterKind { kKeys = 0, kValues = 1, kItems = 2 };

Value make_dict_iter(Dict* d, Type* type, bool reversed) {
  DictIter* it = gc_new<DictIter>(type);
  it->dict = d;
  it->used = d->used;
  it->len = d->used;
  it->pos = reversed ? d->nentries - 1 : 0;
  return Value(it);
}

Value iter_result(DictEntry& e, int kind) {
  if (kind == kKeys) return e.key;
  if (kind == kValues) return e.value;
  Value k = e.key, v = e.value;
  return Value(tuple_of({k, v}));
}

void check_iter_size(DictIter* it, Dict* d) {
  if (it->used != d->used) {
    it->used = -1;
    raise(runtime_error_type, "dictionary changed size during iteration");
  }
}

template <int kKind>
Value dict_iter_next(Value self) {
  DictIter* it = self.as<DictIter>();
  Dict* d = it->dict;
  if (!d) return Value();
  check_iter_size(it, d);
  int64_t i = it->pos;
  while (i < d->nentries && d->entries[i].key.empty()) i++;
  if (i >= d->nentries) {
    it->dict = nullptr;
    return Value();
  }
  if (it->len == 0) {
    it->dict = nullptr;
    raise(runtime_error_type, "dictionary keys changed during iteration");
  }
  it->pos = i + 1;
  it->len--;
  return iter_result(d->entries[i], kKind);
}

template <int kKind>
Value dict_reviter_next(Value self) {
  DictIter* it = self.as<DictIter>();
  Dict* d = it->dict;
  if (!d) return Value();
  check_iter_size(it, d);
  int64_t i = it->pos;
  if (i >= d->nentries) i = d->nentries - 1;
  while (i >= 0 && d->entries[i].key.empty()) i--;
  if (i < 0 || it->len == 0) {
    it->dict = nullptr;
    return Value();
  }
  it->pos = i - 1;
  it->len--;
  return iter_result(d->entries[i], kKind);
}

void dict_iter_trace(Object* obj, Tracer& tracer) {
  tracer.mark(static_cast<DictIter*>(obj)->dict);
}
void dict_view_trace(Object* obj, Tracer& tracer) {
  tracer.mark(static_cast<DictView*>(obj)->dict);
}

Value self_iter(Value self) { return self; }

Value dict_iter_length_hint(Value* args, size_t, Tuple*) {
  DictIter* it = args[0].as<DictIter>();
  if (it->dict && it->used == it->dict->used) return Value::small(it->len);
  return Value::small(0);
}

}  // namespace

static Value dict_iter(Value self) {
  return make_dict_iter(as_dict(self), dict_keyiter_type, false);
}

// ---------------------------------------------------------------- views

static Value make_view(Value d, Type* type) {
  DictView* v = gc_new<DictView>(type);
  v->dict = as_dict(d);
  return Value(v);
}

static Dict* view_dict(Value v) { return v.as<DictView>()->dict; }

static int64_t view_length(Value self) { return view_dict(self)->used; }

static Value view_iter(Value self) {
  Type* t = self.obj()->type;
  Type* it = t == dict_keys_type     ? dict_keyiter_type
             : t == dict_values_type ? dict_valueiter_type
                                     : dict_itemiter_type;
  return make_dict_iter(view_dict(self), it, false);
}

static Value view_reversed_m(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__reversed__", kwnames);
  check_nargs("__reversed__", nargs - 1, 0, 0);
  Type* t = args[0].obj()->type;
  Type* it = t == dict_keys_type     ? dict_revkeyiter_type
             : t == dict_values_type ? dict_revvalueiter_type
                                     : dict_revitemiter_type;
  return make_dict_iter(view_dict(args[0]), it, true);
}

static Value view_repr(Value self) {
  ReprGuard guard(self.obj());
  if (!guard.active()) return Value(str_new("..."));
  List* items = list_from_iterable(self);
  StrBuilder sb;
  sb.append(self.obj()->type->name);
  sb.append_char('(');
  sb.append(py_repr(Value(items)).as<Str>());
  sb.append_char(')');
  return Value(sb.build());
}

static int keys_contains(Value self, Value key) { return !dict_get(view_dict(self), key).empty(); }

static int items_contains(Value self, Value item) {
  if (!is_tuple(item) || item.as<Tuple>()->size != 2) return 0;
  Tuple* t = item.as<Tuple>();
  Value v = dict_get(view_dict(self), t->items[0]);
  if (v.empty()) return 0;
  return py_equal(v, t->items[1]);
}

static bool is_set_like(Value v) {
  Type* t = type_of(v);
  return is_subtype(t, set_type) || is_subtype(t, frozenset_type) || t == dict_keys_type ||
         t == dict_items_type;
}

static bool all_contained_in(Value self, Value other) {
  Value it = py_iter(self);
  for (;;) {
    Value x = py_next(it);
    if (x.empty()) return true;
    if (!py_contains(other, x)) return false;
  }
}

static Value view_richcompare(Value a, Value b, int cmp) {
  if (!is_set_like(a) || !is_set_like(b)) return not_implemented();
  int64_t la = py_len(a), lb = py_len(b);
  bool r = false;
  switch (cmp) {
    case 2:
    case 3:
      r = la == lb && all_contained_in(a, b);
      if (cmp == 3) r = !r;
      break;
    case 0:
      r = la < lb && all_contained_in(a, b);
      break;
    case 1:
      r = la <= lb && all_contained_in(a, b);
      break;
    case 4:
      r = la > lb && all_contained_in(b, a);
      break;
    case 5:
      r = la >= lb && all_contained_in(b, a);
      break;
  }
  return py_bool(r);
}

// Set operations of keys/items views: the left operand is turned into a set.
static Value view_binary(Value a, Value b, int op) {
  int plain = op >= 13 ? op - 13 : op;
  switch (plain) {
    case 1: {  // &
      Value self = a, other = b;
      Type* ta = type_of(a);
      if (ta != dict_keys_type && ta != dict_items_type) std::swap(self, other);
      int64_t len_self = py_len(self);
      if (is_exact(other, set_type) && len_self <= py_len(other)) {
        return set_intersection_with(other.as<Set>(), self);
      }
      Type* to = type_of(other);
      if ((to == dict_keys_type || to == dict_items_type) && py_len(other) > len_self) {
        std::swap(self, other);
      }
      Set* result = set_new();
      bool keys = type_of(self) == dict_keys_type;
      Value it = py_iter(other);
      for (;;) {
        Value x = py_next(it);
        if (x.empty()) break;
        if (keys ? keys_contains(self, x) : items_contains(self, x)) set_add(result, x);
      }
      return Value(result);
    }
    case 7: {  // |
      Set* result = set_from_iterable(a);
      set_update_from(result, b);
      return Value(result);
    }
    case 10: {  // -
      Set* result = set_from_iterable(a);
      set_difference_update_from(result, b);
      return Value(result);
    }
    case 12: {  // ^
      Set* result = set_from_iterable(a);
      set_symmetric_difference_update_from(result, b);
      return Value(result);
    }
  }
  return not_implemented();
}

static Value view_isdisjoint_m(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("isdisjoint", kwnames);
  check_nargs("isdisjoint", nargs - 1, 1, 1);
  Value self = args[0], other = args[1];
  Value it = py_iter(other);
  bool keys = type_of(self) == dict_keys_type;
  for (;;) {
    Value x = py_next(it);
    if (x.empty()) return py_bool(true);
    if (keys ? keys_contains(self, x) : items_contains(self, x)) return py_bool(false);
  }
}

// ---------------------------------------------------------------- new / init

static Value dict_new_slot(Type* type, Value*, size_t, Tuple*) {
  if (type == dict_type) return Value(dict_new());
  Dict* d = static_cast<Dict*>(alloc_container_instance(type, sizeof(Dict)));
  d->version = next_dict_version();
  d->keys_version = next_dict_version();
  return Value(d);
}

// dict.update / dict.__init__ argument handling: one optional positional
// (mapping or pairs) then keyword items.
static void dict_update_common(Dict* d, const char* fname, Value* args, size_t nargs,
                               Tuple* kwnames) {
  if (nargs > 1) {
    raise_type_error(std::string(fname) + " expected at most 1 argument, got " +
                     std::to_string(nargs));
  }
  if (nargs == 1) dict_update(d, args[0]);
  int64_t nkw = kwnames ? kwnames->size : 0;
  for (int64_t i = 0; i < nkw; i++) dict_set(d, kwnames->items[i], args[nargs + size_t(i)]);
}

static void dict_init_slot(Value self, Value* args, size_t nargs, Tuple* kwnames) {
  dict_update_common(as_dict(self), "dict", args, nargs, kwnames);
}

// ---------------------------------------------------------------- methods

#define NO_KW(name) check_no_kwargs(name, kwnames)

static Value dict_get_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("get");
  check_nargs("get", nargs - 1, 1, 2);
  Value v = dict_get(as_dict(args[0]), args[1]);
  if (!v.empty()) return v;
  return nargs > 2 ? args[2] : none();
}

static Value dict_setdefault_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("setdefault");
  check_nargs("setdefault", nargs - 1, 1, 2);
  Dict* d = as_dict(args[0]);
  int64_t hash = hash_value(args[1]);
  Value v = dict_get_hashed(d, args[1], hash);
  if (!v.empty()) return v;
  Value dflt = nargs > 2 ? args[2] : none();
  dict_set_hashed(d, args[1], hash, dflt);
  return dflt;
}

static Value dict_pop_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("pop");
  check_nargs("pop", nargs - 1, 1, 2);
  Dict* d = as_dict(args[0]);
  int64_t hash = hash_value(args[1]);
  int64_t slot = 0;
  int64_t ix = d->used ? dict_lookup(d, args[1], hash, &slot) : -1;
  if (ix < 0) {
    if (nargs > 2) return args[2];
    raise_key_error(args[1]);
  }
  Value v = d->entries[ix].value;
  dict_remove_at(d, ix, slot);
  return v;
}

static Value dict_popitem_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("popitem");
  check_nargs("popitem", nargs - 1, 0, 0);
  Dict* d = as_dict(args[0]);
  if (d->used == 0) raise(key_error_type, "popitem(): dictionary is empty");
  int64_t i = d->nentries - 1;
  while (i >= 0 && d->entries[i].key.empty()) i--;
  DictEntry e = d->entries[i];
  Tuple* result = tuple_of({e.key, e.value});
  // Find the index slot that points at entry i.
  uint64_t mask = uint64_t(d->index_size) - 1;
  uint64_t perturb = uint64_t(e.hash);
  uint64_t j = uint64_t(e.hash) & mask;
  while (d->index[j] != int32_t(i)) {
    perturb >>= kPerturbShift;
    j = (j * 5 + perturb + 1) & mask;
  }
  dict_remove_at(d, i, int64_t(j));
  d->nentries = i;
  return Value(result);
}

static Value dict_update_m(Value* args, size_t nargs, Tuple* kwnames) {
  dict_update_common(as_dict(args[0]), "update", args + 1, nargs - 1, kwnames);
  return none();
}

static Value dict_clear_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("clear");
  check_nargs("clear", nargs - 1, 0, 0);
  dict_clear(as_dict(args[0]));
  return none();
}

static Value dict_copy_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("copy");
  check_nargs("copy", nargs - 1, 0, 0);
  return Value(dict_copy(as_dict(args[0])));
}

static Value dict_fromkeys_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("fromkeys");
  check_nargs("fromkeys", nargs - 1, 1, 2);
  Value cls = args[0];
  Value value = nargs > 2 ? args[2] : none();
  Value d = cls == Value(dict_type) ? Value(dict_new()) : py_call0(cls);
  bool exact = is_exact(d, dict_type);
  Value it = py_iter(args[1]);
  for (;;) {
    Value k = py_next(it);
    if (k.empty()) break;
    if (exact) {
      dict_set(as_dict(d), k, value);
    } else {
      py_setitem(d, k, value);
    }
  }
  return d;
}

static Value dict_keys_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("keys");
  check_nargs("keys", nargs - 1, 0, 0);
  return make_view(args[0], dict_keys_type);
}

static Value dict_values_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("values");
  check_nargs("values", nargs - 1, 0, 0);
  return make_view(args[0], dict_values_type);
}

static Value dict_items_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("items");
  check_nargs("items", nargs - 1, 0, 0);
  return make_view(args[0], dict_items_type);
}

static Value dict_reversed_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__reversed__");
  check_nargs("__reversed__", nargs - 1, 0, 0);
  return make_dict_iter(as_dict(args[0]), dict_revkeyiter_type, true);
}

static Value dict_len_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__len__");
  check_nargs("__len__", nargs - 1, 0, 0);
  return Value::small(as_dict(args[0])->used);
}

static Value dict_getitem_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__getitem__");
  check_nargs("__getitem__", nargs - 1, 1, 1);
  return dict_getitem(args[0], args[1]);
}

static Value dict_setitem_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__setitem__");
  check_nargs("__setitem__", nargs - 1, 2, 2);
  dict_set(as_dict(args[0]), args[1], args[2]);
  return none();
}

static Value dict_delitem_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__delitem__");
  check_nargs("__delitem__", nargs - 1, 1, 1);
  dict_setitem(args[0], args[1], Value());
  return none();
}

static Value dict_contains_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__contains__");
  check_nargs("__contains__", nargs - 1, 1, 1);
  return py_bool(dict_contains(args[0], args[1]));
}

static Value dict_iter_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__iter__");
  check_nargs("__iter__", nargs - 1, 0, 0);
  return dict_iter(args[0]);
}

static Value dict_init_m(Value* args, size_t nargs, Tuple* kwnames) {
  dict_init_slot(args[0], args + 1, nargs - 1, kwnames);
  return none();
}

static Value dict_repr_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__repr__");
  check_nargs("__repr__", nargs - 1, 0, 0);
  return dict_repr(args[0]);
}

static Value dict_or_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__or__");
  check_nargs("__or__", nargs - 1, 1, 1);
  return dict_binary(args[0], args[1], 7);
}

static Value dict_ior_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__ior__");
  check_nargs("__ior__", nargs - 1, 1, 1);
  return dict_binary(args[0], args[1], 20);
}

static Value dict_dunder_new(Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = check_new_class(args, nargs, dict_type);
  return dict_new_slot(t, args + 1, nargs - 1, kwnames);
}

#undef NO_KW

static Type* make_iter_type(const char* name, Value (*next)(Value)) {
  Type* t = new_builtin_type(name, nullptr, sizeof(DictIter));
  t->trace = dict_iter_trace;
  t->iter = self_iter;
  t->next = next;
  add_method(t, "__length_hint__", dict_iter_length_hint);
  return t;
}

static Type* make_view_type(const char* name, bool set_like) {
  Type* t = new_builtin_type(name, nullptr, sizeof(DictView));
  t->trace = dict_view_trace;
  t->length = view_length;
  t->iter = view_iter;
  t->repr = view_repr;
  add_method(t, "__reversed__", view_reversed_m);
  if (set_like) {
    t->richcompare = view_richcompare;
    t->binary = view_binary;
    add_method(t, "isdisjoint", view_isdisjoint_m);
  }
  return t;
}

void init_dict_type() {
  Type* t = dict_type;
  t->type_flags |= kTypeBaseType | kTypeDictSubclass;
  t->trace = dict_trace;
  t->finalize = dict_finalize;
  t->repr = dict_repr;
  t->richcompare = dict_richcompare;
  t->binary = dict_binary;
  t->length = dict_length;
  t->getitem = dict_getitem;
  t->setitem = dict_setitem;
  t->contains = dict_contains;
  t->iter = dict_iter;
  t->new_ = dict_new_slot;
  t->init = dict_init_slot;
  add_method(t, "get", dict_get_m);
  add_method(t, "setdefault", dict_setdefault_m);
  add_method(t, "pop", dict_pop_m);
  add_method(t, "popitem", dict_popitem_m);
  add_method(t, "update", dict_update_m);
  add_method(t, "clear", dict_clear_m);
  add_method(t, "copy", dict_copy_m);
  add_method(t, "fromkeys", dict_fromkeys_m, kBuiltinClassMethod);
  add_method(t, "keys", dict_keys_m);
  add_method(t, "values", dict_values_m);
  add_method(t, "items", dict_items_m);
  add_method(t, "__reversed__", dict_reversed_m);
  add_method(t, "__len__", dict_len_m);
  add_method(t, "__getitem__", dict_getitem_m);
  add_method(t, "__setitem__", dict_setitem_m);
  add_method(t, "__delitem__", dict_delitem_m);
  add_method(t, "__contains__", dict_contains_m);
  add_method(t, "__iter__", dict_iter_m);
  add_method(t, "__init__", dict_init_m);
  add_method(t, "__repr__", dict_repr_m);
  add_method(t, "__or__", dict_or_m);
  add_method(t, "__ior__", dict_ior_m);
  add_method(t, "__new__", dict_dunder_new, kBuiltinStaticMethod);
  g_dict_iter_method = type_lookup(t, intern("__iter__"));
  gc_add_root(&g_dict_iter_method);

  dict_keys_type = make_view_type("dict_keys", true);
  dict_keys_type->contains = keys_contains;
  dict_values_type = make_view_type("dict_values", false);
  dict_items_type = make_view_type("dict_items", true);
  dict_items_type->contains = items_contains;

  dict_keyiter_type = make_iter_type("dict_keyiterator", dict_iter_next<kKeys>);
  dict_valueiter_type = make_iter_type("dict_valueiterator", dict_iter_next<kValues>);
  dict_itemiter_type = make_iter_type("dict_itemiterator", dict_iter_next<kItems>);
  dict_revkeyiter_type = make_iter_type("dict_reversekeyiterator", dict_reviter_next<kKeys>);
  dict_revvalueiter_type = make_iter_type("dict_reversevalueiterator", dict_reviter_next<kValues>);
  dict_revitemiter_type = make_iter_type("dict_reverseitemiterator", dict_reviter_next<kItems>);
}

}  // namespace kestrel
