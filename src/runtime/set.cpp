// Python set and frozenset, following CPython 3.11's setobject.c step by step
// (linear probing then perturbation, dummies, fill/used, the resize rule,
// merge/intersection/difference strategies and pop's finger) so that the
// iteration order matches CPython's for the same operations.
#include "runtime/set.h"

#include <cstring>

#include "runtime/container_util.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

Type* set_iter_type = nullptr;

namespace {

constexpr int64_t kMinSize = 8;
constexpr uint64_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;
constexpr int64_t kMaxTableSize = int64_t(1) << 40;

// Marks deleted slots (with hash -1). Never traced, never visible to Python.
Object g_dummy_object;
inline Value dummy() { return Value(&g_dummy_object); }

inline Set* as_set(Value v) { return v.as<Set>(); }

SetEntry* alloc_table(int64_t size) {
  auto* t = static_cast<SetEntry*>(gc_malloc_external(size_t(size) * sizeof(SetEntry)));
  std::memset(static_cast<void*>(t), 0, size_t(size) * sizeof(SetEntry));
  return t;
}

void free_table(SetEntry* t, int64_t mask) {
  if (t) gc_free_external(t, size_t(mask + 1) * sizeof(SetEntry));
}

// set_lookkey: the entry holding `key`, or the free entry ending the probe.
SetEntry* set_lookkey(Set* so, Value key, int64_t hash) {
restart:
  uint64_t perturb = uint64_t(hash);
  uint64_t mask = uint64_t(so->mask);
  uint64_t i = uint64_t(hash) & mask;
  for (;;) {
    SetEntry* entry = &so->table[i];
    uint64_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    for (;;) {
      if (entry->hash == 0 && entry->key.empty()) return entry;
      if (entry->hash == hash) {
        Value startkey = entry->key;
        if (startkey == key) return entry;
        if (is_exact(startkey, str_type) && is_exact(key, str_type)) {
          if (str_equal(startkey.as<Str>(), key.as<Str>())) return entry;
        } else {
          SetEntry* table = so->table;
          bool eq = py_equal(startkey, key);
          if (table != so->table || entry->key != startkey) goto restart;
          if (eq) return entry;
          mask = uint64_t(so->mask);
        }
      }
      if (probes-- == 0) break;
      entry++;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void set_insert_clean(SetEntry* table, uint64_t mask, Value key, int64_t hash) {
  uint64_t perturb = uint64_t(hash);
  uint64_t i = uint64_t(hash) & mask;
  for (;;) {
    SetEntry* entry = &table[i];
    if (entry->key.empty()) {
      entry->key = key;
      entry->hash = hash;
      return;
    }
    if (i + kLinearProbes <= mask) {
      for (uint64_t j = 0; j < kLinearProbes; j++) {
        entry++;
        if (entry->key.empty()) {
          entry->key = key;
          entry->hash = hash;
          return;
        }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void set_table_resize(Set* so, int64_t minused) {
  int64_t newsize = kMinSize;
  while (newsize <= minused) {
    newsize <<= 1;
    if (newsize > kMaxTableSize) raise_memory_error();
  }
  // CPython keeps an 8-slot table inline: resizing it to 8 without dummies is a no-op.
  if (newsize == kMinSize && so->mask == kMinSize - 1 && so->fill == so->used) return;
  SetEntry* newtable = alloc_table(newsize);
  SetEntry* oldtable = so->table;
  int64_t oldmask = so->mask;
  uint64_t newmask = uint64_t(newsize - 1);
  for (int64_t i = 0; i <= oldmask; i++) {
    SetEntry& e = oldtable[i];
    if (!e.key.empty() && e.key != dummy()) set_insert_clean(newtable, newmask, e.key, e.hash);
  }
  so->table = newtable;
  so->mask = newsize - 1;
  so->fill = so->used;
  free_table(oldtable, oldmask);
}

void set_add_entry(Set* so, Value key, int64_t hash) {
restart:
  uint64_t mask = uint64_t(so->mask);
  uint64_t i = uint64_t(hash) & mask;
  SetEntry* freeslot = nullptr;
  uint64_t perturb = uint64_t(hash);
  SetEntry* entry;
  for (;;) {
    entry = &so->table[i];
    uint64_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    for (;;) {
      if (entry->hash == 0 && entry->key.empty()) goto found_unused_or_dummy;
      if (entry->hash == hash) {
        Value startkey = entry->key;
        if (startkey == key) return;
        if (is_exact(startkey, str_type) && is_exact(key, str_type)) {
          if (str_equal(startkey.as<Str>(), key.as<Str>())) return;
        } else {
          SetEntry* table = so->table;
          bool eq = py_equal(startkey, key);
          if (eq) return;
          if (table != so->table || entry->key != startkey) goto restart;
          mask = uint64_t(so->mask);
        }
      } else if (entry->hash == -1) {
        freeslot = entry;
      }
      if (probes-- == 0) break;
      entry++;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  if (freeslot) {
    so->used++;
    freeslot->key = key;
    freeslot->hash = hash;
    return;
  }
  so->fill++;
  so->used++;
  entry->key = key;
  entry->hash = hash;
  if (uint64_t(so->fill) * 5 < mask * 3) return;
  set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

bool set_contains_entry(Set* so, Value key, int64_t hash) {
  return !set_lookkey(so, key, hash)->key.empty();
}

bool set_discard_entry(Set* so, Value key, int64_t hash) {
  SetEntry* entry = set_lookkey(so, key, hash);
  if (entry->key.empty()) return false;
  entry->key = dummy();
  entry->hash = -1;
  so->used--;
  return true;
}

void set_clear_internal(Set* so) {
  SetEntry* old = so->table;
  int64_t oldmask = so->mask;
  so->table = alloc_table(kMinSize);
  so->mask = kMinSize - 1;
  so->fill = 0;
  so->used = 0;
  so->hash = -1;
  free_table(old, oldmask);
}

// Next active entry at or after *pos (re-reading the table each call).
bool next_entry(Set* so, int64_t* pos, Value* key, int64_t* hash) {
  int64_t i = *pos;
  while (i <= so->mask) {
    SetEntry& e = so->table[i++];
    if (!e.key.empty() && e.key != dummy()) {
      *pos = i;
      *key = e.key;
      if (hash) *hash = e.hash;
      return true;
    }
  }
  *pos = i;
  return false;
}

Set* set_alloc(Type* type) {
  Set* so;
  if (type == set_type || type == frozenset_type) {
    so = gc_new<Set>(type);
  } else {
    so = static_cast<Set*>(alloc_container_instance(type, sizeof(Set)));
  }
  so->table = alloc_table(kMinSize);
  so->mask = kMinSize - 1;
  so->hash = -1;
  return so;
}

void set_merge(Set* so, Set* other) {
  if (other == so || other->used == 0) return;
  if ((so->fill + other->used) * 5 >= so->mask * 3) {
    set_table_resize(so, (so->used + other->used) * 2);
  }
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
    for (int64_t i = 0; i <= other->mask; i++) {
      if (!other->table[i].key.empty()) so->table[i] = other->table[i];
    }
    so->fill = other->fill;
    so->used = other->used;
    return;
  }
  if (so->fill == 0) {
    uint64_t newmask = uint64_t(so->mask);
    so->fill = other->used;
    so->used = other->used;
    for (int64_t i = 0; i <= other->mask; i++) {
      SetEntry& e = other->table[i];
      if (!e.key.empty() && e.key != dummy()) set_insert_clean(so->table, newmask, e.key, e.hash);
    }
    return;
  }
  for (int64_t i = 0; i <= other->mask; i++) {
    SetEntry e = other->table[i];
    if (!e.key.empty() && e.key != dummy()) set_add_entry(so, e.key, e.hash);
  }
}

void set_update_internal(Set* so, Value other) {
  if (is_anyset(other)) {
    set_merge(so, as_set(other));
    return;
  }
  if (is_exact(other, dict_type)) {
    Dict* d = other.as<Dict>();
    int64_t dictsize = d->used;
    if ((so->fill + dictsize) * 5 >= so->mask * 3) {
      set_table_resize(so, (so->used + dictsize) * 2);
    }
    for (int64_t i = 0; i < d->nentries; i++) {
      DictEntry e = d->entries[i];
      if (!e.key.empty()) set_add_entry(so, e.key, e.hash);
    }
    return;
  }
  Value it = py_iter(other);
  for (;;) {
    Value key = py_next(it);
    if (key.empty()) break;
    set_add_entry(so, key, hash_value(key));
  }
}

Set* make_new_set(Type* type, Value iterable) {
  Set* so = set_alloc(type);
  if (!iterable.empty()) set_update_internal(so, iterable);
  return so;
}

Set* make_new_set_basetype(Type* type, Value iterable) {
  if (type != set_type && type != frozenset_type) {
    type = is_subtype(type, set_type) ? set_type : frozenset_type;
  }
  return make_new_set(type, iterable);
}

inline bool is_mutable_set(Value v) { return v.is_object() && is_subtype(v.obj()->type, set_type); }

uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

int64_t frozenset_hash_impl(Set* so) {
  if (so->hash != -1) return so->hash;
  uint64_t hash = 0;
  for (int64_t i = 0; i <= so->mask; i++) hash ^= shuffle_bits(uint64_t(so->table[i].hash));
  if ((so->mask + 1 - so->fill) & 1) hash ^= shuffle_bits(0);
  if ((so->fill - so->used) & 1) hash ^= shuffle_bits(uint64_t(-1));
  hash ^= (uint64_t(so->used) + 1) * 1927868237UL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923UL;
  if (hash == uint64_t(-1)) hash = 590923713UL;
  so->hash = int64_t(hash);
  return so->hash;
}

// Hash of a key for lookups that retry a set key as a frozenset (as CPython's
// set_contains/set_remove/set_discard): may replace *key.
int64_t lookup_hash(Value* key) {
  try {
    return hash_value(*key);
  } catch (PyException& e) {
    if (!is_mutable_set(*key) || !is_instance(e.exc, type_error_type)) throw;
  }
  Set* tmp = make_new_set(frozenset_type, *key);
  *key = Value(tmp);
  return frozenset_hash_impl(tmp);
}

Set* set_copy(Set* so) { return make_new_set_basetype(so->type, Value(so)); }

void set_swap_bodies(Set* a, Set* b) {
  std::swap(a->fill, b->fill);
  std::swap(a->used, b->used);
  std::swap(a->mask, b->mask);
  std::swap(a->table, b->table);
  if (is_subtype(a->type, frozenset_type) && is_subtype(b->type, frozenset_type)) {
    std::swap(a->hash, b->hash);
  } else {
    a->hash = -1;
    b->hash = -1;
  }
}

Set* set_intersection(Set* so, Value other) {
  if (Value(so) == other) return set_copy(so);
  Set* result = make_new_set_basetype(so->type, Value());
  if (is_anyset(other)) {
    Set* a = so;
    Set* b = as_set(other);
    if (b->used > a->used) std::swap(a, b);
    // Iterate the smaller set (b), probing the larger one (a).
    int64_t pos = 0;
    Value key;
    int64_t hash;
    while (next_entry(b, &pos, &key, &hash)) {
      if (set_contains_entry(a, key, hash)) set_add_entry(result, key, hash);
    }
    return result;
  }
  Value it = py_iter(other);
  for (;;) {
    Value key = py_next(it);
    if (key.empty()) break;
    int64_t hash = hash_value(key);
    if (set_contains_entry(so, key, hash)) {
      set_add_entry(result, key, hash);
      if (result->used >= so->used) break;
    }
  }
  return result;
}

bool set_issubset_sets(Set* so, Set* other) {
  if (so->used > other->used) return false;
  int64_t pos = 0;
  Value key;
  int64_t hash;
  while (next_entry(so, &pos, &key, &hash)) {
    if (!set_contains_entry(other, key, hash)) return false;
  }
  return true;
}

void set_difference_update_internal(Set* so, Value other) {
  if (Value(so) == other) {
    set_clear_internal(so);
    return;
  }
  if (is_anyset(other)) {
    Set* o = as_set(other);
    if ((o->used >> 3) > so->used) o = set_intersection(so, other);
    int64_t pos = 0;
    Value key;
    int64_t hash;
    while (next_entry(o, &pos, &key, &hash)) set_discard_entry(so, key, hash);
  } else {
    Value it = py_iter(other);
    for (;;) {
      Value key = py_next(it);
      if (key.empty()) break;
      set_discard_entry(so, key, hash_value(key));
    }
  }
  if (uint64_t(so->fill - so->used) <= uint64_t(so->mask) / 4) return;
  set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

Set* set_copy_and_difference(Set* so, Value other) {
  Set* result = set_copy(so);
  set_difference_update_internal(result, other);
  return result;
}

Set* set_difference(Set* so, Value other) {
  int64_t other_size;
  if (is_anyset(other)) {
    other_size = as_set(other)->used;
  } else if (is_exact(other, dict_type)) {
    other_size = other.as<Dict>()->used;
  } else {
    return set_copy_and_difference(so, other);
  }
  if ((so->used >> 2) > other_size) return set_copy_and_difference(so, other);
  Set* result = make_new_set_basetype(so->type, Value());
  int64_t pos = 0;
  Value key;
  int64_t hash;
  if (is_exact(other, dict_type)) {
    Dict* d = other.as<Dict>();
    while (next_entry(so, &pos, &key, &hash)) {
      if (dict_get(d, key).empty()) set_add_entry(result, key, hash);
    }
    return result;
  }
  Set* o = as_set(other);
  while (next_entry(so, &pos, &key, &hash)) {
    if (!set_contains_entry(o, key, hash)) set_add_entry(result, key, hash);
  }
  return result;
}

void set_symmetric_difference_update_internal(Set* so, Value other) {
  if (Value(so) == other) {
    set_clear_internal(so);
    return;
  }
  if (is_exact(other, dict_type)) {
    Dict* d = other.as<Dict>();
    for (int64_t i = 0; i < d->nentries; i++) {
      DictEntry e = d->entries[i];
      if (e.key.empty()) continue;
      if (!set_discard_entry(so, e.key, e.hash)) set_add_entry(so, e.key, e.hash);
    }
    return;
  }
  Set* otherset = is_anyset(other) ? as_set(other) : make_new_set_basetype(so->type, other);
  int64_t pos = 0;
  Value key;
  int64_t hash;
  while (next_entry(otherset, &pos, &key, &hash)) {
    if (!set_discard_entry(so, key, hash)) set_add_entry(so, key, hash);
  }
}

Set* set_symmetric_difference(Set* so, Value other) {
  Set* otherset = make_new_set_basetype(so->type, other);
  set_symmetric_difference_update_internal(otherset, Value(so));
  return otherset;
}

bool set_issubset_any(Set* so, Value other) {
  if (!is_anyset(other)) return set_issubset_sets(so, make_new_set(set_type, other));
  return set_issubset_sets(so, as_set(other));
}

bool set_issuperset_any(Set* so, Value other) {
  if (!is_anyset(other)) return set_issubset_sets(make_new_set(set_type, other), so);
  return set_issubset_sets(as_set(other), so);
}

}  // namespace

// ---------------------------------------------------------------- public API

bool is_anyset(Value v) {
  if (!v.is_object()) return false;
  Type* t = v.obj()->type;
  return t == set_type || t == frozenset_type || is_subtype(t, set_type) ||
         is_subtype(t, frozenset_type);
}

Set* set_new(Type* type) { return set_alloc(type ? type : set_type); }

Set* set_from_iterable(Value iterable, Type* type) {
  return make_new_set(type ? type : set_type, iterable);
}

void set_add(Set* s, Value key) { set_add_entry(s, key, hash_value(key)); }

bool set_contains(Set* s, Value key) {
  int64_t hash = lookup_hash(&key);
  return set_contains_entry(s, key, hash);
}

bool set_discard(Set* s, Value key) {
  int64_t hash = lookup_hash(&key);
  return set_discard_entry(s, key, hash);
}

bool set_next(Set* s, int64_t* pos, Value* key) { return next_entry(s, pos, key, nullptr); }

void set_update_from(Set* s, Value iterable) { set_update_internal(s, iterable); }

void set_difference_update_from(Set* s, Value iterable) {
  set_difference_update_internal(s, iterable);
}

void set_symmetric_difference_update_from(Set* s, Value iterable) {
  set_symmetric_difference_update_internal(s, iterable);
}

Value set_intersection_with(Set* s, Value iterable) { return Value(set_intersection(s, iterable)); }

// ---------------------------------------------------------------- slots

static void set_trace(Object* obj, Tracer& tracer) {
  Set* so = static_cast<Set*>(obj);
  if (!so->table) return;
  for (int64_t i = 0; i <= so->mask; i++) {
    Value k = so->table[i].key;
    if (!k.empty() && k != dummy()) tracer.mark(k);
  }
}

static void set_finalize(Object* obj) {
  Set* so = static_cast<Set*>(obj);
  free_table(so->table, so->mask);
  so->table = nullptr;
  so->fill = so->used = so->mask = 0;
}

static Value set_repr(Value self) {
  Set* so = as_set(self);
  Type* t = so->type;
  bool exact_set = t == set_type;
  if (so->used == 0) {
    StrBuilder sb;
    sb.append(t->name);
    sb.append_utf8("()");
    return Value(sb.build());
  }
  ReprGuard guard(so);
  if (!guard.active()) {
    StrBuilder sb;
    sb.append(t->name);
    sb.append_utf8("(...)");
    return Value(sb.build());
  }
  ValueVector keys;
  int64_t pos = 0;
  Value key;
  while (next_entry(so, &pos, &key, nullptr)) keys.push_back(key);
  StrBuilder sb;
  if (!exact_set) {
    sb.append(t->name);
    sb.append_char('(');
  }
  sb.append_char('{');
  for (size_t i = 0; i < keys.size(); i++) {
    if (i) sb.append_utf8(", ");
    sb.append(py_repr(keys[i]).as<Str>());
  }
  sb.append_char('}');
  if (!exact_set) sb.append_char(')');
  return Value(sb.build());
}

static int64_t frozenset_hash(Value self) { return frozenset_hash_impl(as_set(self)); }

static Value set_richcompare(Value a, Value b, int cmp) {
  if (!is_anyset(a) || !is_anyset(b)) return not_implemented();
  Set* v = as_set(a);
  Set* w = as_set(b);
  switch (cmp) {
    case 2:
    case 3: {
      bool eq;
      if (v->used != w->used) {
        eq = false;
      } else if (v->hash != -1 && w->hash != -1 && v->hash != w->hash) {
        eq = false;
      } else {
        eq = set_issubset_sets(v, w);
      }
      return py_bool(cmp == 2 ? eq : !eq);
    }
    case 1:
      return py_bool(set_issubset_sets(v, w));
    case 5:
      return py_bool(set_issubset_sets(w, v));
    case 0:
      return py_bool(v->used < w->used && set_issubset_sets(v, w));
    case 4:
      return py_bool(v->used > w->used && set_issubset_sets(w, v));
  }
  return not_implemented();
}

static Value set_binary(Value a, Value b, int op) {
  if (!is_anyset(a) || !is_anyset(b)) return not_implemented();
  bool inplace = op >= 13 && is_mutable_set(a);
  int plain = op >= 13 ? op - 13 : op;
  Set* so = as_set(a);
  switch (plain) {
    case 7:  // |
      if (inplace) {
        set_update_internal(so, b);
        return a;
      } else {
        Set* result = set_copy(so);
        if (a != b) set_update_internal(result, b);
        return Value(result);
      }
    case 1:  // &
      if (inplace) {
        Set* tmp = set_intersection(so, b);
        set_swap_bodies(so, tmp);
        return a;
      }
      return Value(set_intersection(so, b));
    case 10:  // -
      if (inplace) {
        set_difference_update_internal(so, b);
        return a;
      }
      return Value(set_difference(so, b));
    case 12:  // ^
      if (inplace) {
        set_symmetric_difference_update_internal(so, b);
        return a;
      }
      return Value(set_symmetric_difference(so, b));
  }
  return not_implemented();
}

static int64_t set_length(Value self) { return as_set(self)->used; }

static int set_contains_slot(Value self, Value key) { return set_contains(as_set(self), key); }

namespace {
struct SetIter : Object {
  Set* set;  // null once exhausted
  int64_t used;
  int64_t pos;
  int64_t len;
};
}  // namespace

static Value set_iter(Value self) {
  Set* so = as_set(self);
  SetIter* it = gc_new<SetIter>(set_iter_type);
  it->set = so;
  it->used = so->used;
  it->pos = 0;
  it->len = so->used;
  return Value(it);
}

static Value set_iter_next(Value self) {
  SetIter* it = self.as<SetIter>();
  Set* so = it->set;
  if (!so) return Value();
  if (it->used != so->used) {
    it->used = -1;
    raise(runtime_error_type, "Set changed size during iteration");
  }
  Value key;
  int64_t pos = it->pos;
  if (!next_entry(so, &pos, &key, nullptr)) {
    it->set = nullptr;
    return Value();
  }
  it->pos = pos;
  it->len--;
  return key;
}

static void set_iter_trace(Object* obj, Tracer& tracer) {
  tracer.mark(static_cast<SetIter*>(obj)->set);
}

static Value self_iter(Value self) { return self; }

static Value set_iter_length_hint(Value* args, size_t, Tuple*) {
  SetIter* it = args[0].as<SetIter>();
  if (it->set && it->used == it->set->used) return Value::small(it->len);
  return Value::small(0);
}

static Value set_new_slot(Type* type, Value*, size_t, Tuple* kwnames) {
  if (type == set_type && kwnames && kwnames->size) {
    raise_type_error("set() takes no keyword arguments");
  }
  return Value(set_alloc(type));
}

static void set_init_slot(Value self, Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) raise_type_error("set() takes no keyword arguments");
  if (nargs > 1) {
    raise_type_error(str_to_utf8(type_of(self)->name) + " expected at most 1 argument, got " +
                     std::to_string(nargs));
  }
  Set* so = as_set(self);
  if (so->fill) set_clear_internal(so);
  so->hash = -1;
  if (nargs == 1) set_update_internal(so, args[0]);
}

static Value frozenset_new_slot(Type* type, Value* args, size_t nargs, Tuple* kwnames) {
  if (type == frozenset_type && kwnames && kwnames->size) {
    raise_type_error("frozenset() takes no keyword arguments");
  }
  if (nargs > 1) {
    raise_type_error(str_to_utf8(type->name) + " expected at most 1 argument, got " +
                     std::to_string(nargs));
  }
  Value iterable = nargs ? args[0] : Value();
  if (type == frozenset_type && !iterable.empty() && is_exact(iterable, frozenset_type)) {
    return iterable;
  }
  return Value(make_new_set(type, iterable));
}

// ---------------------------------------------------------------- methods

#define NO_KW(name) check_no_kwargs(name, kwnames)

static Value set_add_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("add");
  check_nargs("add", nargs - 1, 1, 1);
  set_add(as_set(args[0]), args[1]);
  return none();
}

static Value set_clear_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("clear");
  check_nargs("clear", nargs - 1, 0, 0);
  set_clear_internal(as_set(args[0]));
  return none();
}

static Value set_copy_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("copy");
  check_nargs("copy", nargs - 1, 0, 0);
  return Value(set_copy(as_set(args[0])));
}

static Value frozenset_copy_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("copy");
  check_nargs("copy", nargs - 1, 0, 0);
  if (is_exact(args[0], frozenset_type)) return args[0];
  return Value(set_copy(as_set(args[0])));
}

static Value set_discard_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("discard");
  check_nargs("discard", nargs - 1, 1, 1);
  set_discard(as_set(args[0]), args[1]);
  return none();
}

static Value set_remove_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("remove");
  check_nargs("remove", nargs - 1, 1, 1);
  if (!set_discard(as_set(args[0]), args[1])) raise_key_error(args[1]);
  return none();
}

static Value set_pop_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("pop");
  check_nargs("pop", nargs - 1, 0, 0);
  Set* so = as_set(args[0]);
  if (so->used == 0) raise(key_error_type, "pop from an empty set");
  SetEntry* entry = so->table + (so->finger & so->mask);
  SetEntry* limit = so->table + so->mask;
  while (entry->key.empty() || entry->key == dummy()) {
    entry++;
    if (entry > limit) entry = so->table;
  }
  Value key = entry->key;
  entry->key = dummy();
  entry->hash = -1;
  so->used--;
  so->finger = (entry - so->table) + 1;
  return key;
}

static Value set_update_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("update");
  Set* so = as_set(args[0]);
  for (size_t i = 1; i < nargs; i++) set_update_internal(so, args[i]);
  return none();
}

static Value set_union_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("union");
  Set* so = as_set(args[0]);
  Set* result = set_copy(so);
  for (size_t i = 1; i < nargs; i++) {
    if (args[i] == args[0]) continue;
    set_update_internal(result, args[i]);
  }
  return Value(result);
}

static Set* intersection_multi(Set* so, Value* others, size_t n) {
  if (n == 0) return set_copy(so);
  Set* result = so;
  for (size_t i = 0; i < n; i++) result = set_intersection(result, others[i]);
  return result;
}

static Value set_intersection_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("intersection");
  return Value(intersection_multi(as_set(args[0]), args + 1, nargs - 1));
}

static Value set_intersection_update_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("intersection_update");
  Set* so = as_set(args[0]);
  Set* tmp = intersection_multi(so, args + 1, nargs - 1);
  set_swap_bodies(so, tmp);
  return none();
}

static Value set_difference_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("difference");
  Set* so = as_set(args[0]);
  if (nargs == 1) return Value(set_copy(so));
  Set* result = set_difference(so, args[1]);
  for (size_t i = 2; i < nargs; i++) set_difference_update_internal(result, args[i]);
  return Value(result);
}

static Value set_difference_update_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("difference_update");
  Set* so = as_set(args[0]);
  for (size_t i = 1; i < nargs; i++) set_difference_update_internal(so, args[i]);
  return none();
}

static Value set_symmetric_difference_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("symmetric_difference");
  check_nargs("symmetric_difference", nargs - 1, 1, 1);
  return Value(set_symmetric_difference(as_set(args[0]), args[1]));
}

static Value set_symmetric_difference_update_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("symmetric_difference_update");
  check_nargs("symmetric_difference_update", nargs - 1, 1, 1);
  set_symmetric_difference_update_internal(as_set(args[0]), args[1]);
  return none();
}

static Value set_issubset_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("issubset");
  check_nargs("issubset", nargs - 1, 1, 1);
  return py_bool(set_issubset_any(as_set(args[0]), args[1]));
}

static Value set_issuperset_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("issuperset");
  check_nargs("issuperset", nargs - 1, 1, 1);
  return py_bool(set_issuperset_any(as_set(args[0]), args[1]));
}

static Value set_isdisjoint_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("isdisjoint");
  check_nargs("isdisjoint", nargs - 1, 1, 1);
  Set* so = as_set(args[0]);
  Value other = args[1];
  if (Value(so) == other) return py_bool(so->used == 0);
  if (is_exact(other, set_type) || is_exact(other, frozenset_type)) {
    Set* a = so;
    Set* b = as_set(other);
    if (b->used > a->used) std::swap(a, b);
    int64_t pos = 0;
    Value key;
    int64_t hash;
    while (next_entry(b, &pos, &key, &hash)) {
      if (set_contains_entry(a, key, hash)) return py_bool(false);
    }
    return py_bool(true);
  }
  Value it = py_iter(other);
  for (;;) {
    Value key = py_next(it);
    if (key.empty()) return py_bool(true);
    if (set_contains_entry(so, key, hash_value(key))) return py_bool(false);
  }
}

static Value set_len_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__len__");
  check_nargs("__len__", nargs - 1, 0, 0);
  return Value::small(as_set(args[0])->used);
}

static Value set_contains_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__contains__");
  check_nargs("__contains__", nargs - 1, 1, 1);
  return py_bool(set_contains(as_set(args[0]), args[1]));
}

static Value set_iter_m(Value* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__iter__");
  check_nargs("__iter__", nargs - 1, 0, 0);
  return set_iter(args[0]);
}

static Value set_init_m(Value* args, size_t nargs, Tuple* kwnames) {
  set_init_slot(args[0], args + 1, nargs - 1, kwnames);
  return none();
}

static Value set_dunder_new(Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = check_new_class(args, nargs, set_type);
  return set_new_slot(t, args + 1, nargs - 1, kwnames);
}

static Value frozenset_dunder_new(Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = check_new_class(args, nargs, frozenset_type);
  return frozenset_new_slot(t, args + 1, nargs - 1, kwnames);
}

#undef NO_KW

static void setup_common(Type* t) {
  t->type_flags |= kTypeBaseType;
  t->trace = set_trace;
  t->finalize = set_finalize;
  t->repr = set_repr;
  t->richcompare = set_richcompare;
  t->binary = set_binary;
  t->length = set_length;
  t->contains = set_contains_slot;
  t->iter = set_iter;
  add_method(t, "difference", set_difference_m);
  add_method(t, "intersection", set_intersection_m);
  add_method(t, "isdisjoint", set_isdisjoint_m);
  add_method(t, "issubset", set_issubset_m);
  add_method(t, "issuperset", set_issuperset_m);
  add_method(t, "symmetric_difference", set_symmetric_difference_m);
  add_method(t, "union", set_union_m);
  add_method(t, "__len__", set_len_m);
  add_method(t, "__contains__", set_contains_m);
  add_method(t, "__iter__", set_iter_m);
}

void init_set_type() {
  g_dummy_object.type = object_type;

  Type* s = set_type;
  setup_common(s);
  s->new_ = set_new_slot;
  s->init = set_init_slot;
  add_method(s, "add", set_add_m);
  add_method(s, "clear", set_clear_m);
  add_method(s, "copy", set_copy_m);
  add_method(s, "discard", set_discard_m);
  add_method(s, "remove", set_remove_m);
  add_method(s, "pop", set_pop_m);
  add_method(s, "update", set_update_m);
  add_method(s, "intersection_update", set_intersection_update_m);
  add_method(s, "difference_update", set_difference_update_m);
  add_method(s, "symmetric_difference_update", set_symmetric_difference_update_m);
  add_method(s, "__init__", set_init_m);
  add_method(s, "__new__", set_dunder_new, kBuiltinStaticMethod);

  Type* f = frozenset_type;
  setup_common(f);
  f->hash = frozenset_hash;
  f->new_ = frozenset_new_slot;
  add_method(f, "copy", frozenset_copy_m);
  add_method(f, "__new__", frozenset_dunder_new, kBuiltinStaticMethod);

  set_iter_type = new_builtin_type("set_iterator", nullptr, sizeof(SetIter));
  set_iter_type->trace = set_iter_trace;
  set_iter_type->iter = self_iter;
  set_iter_type->next = set_iter_next;
  add_method(set_iter_type, "__length_hint__", set_iter_length_hint);
}

}  // namespace kestrel
