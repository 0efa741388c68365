// Python set and frozenset: open-addressing hash sets that follow CPython's
// probing and resizing rules, so iteration order (which programs print)
// matches CPython's for the same insertions.
#pragma once

#include "runtime/object.h"

namespace kestrel {

struct SetEntry {
  int64_t hash;
  Value key;  // empty = free slot; the dummy object marks deleted slots
};

struct Set : Object {
  int64_t fill;  // active + dummy
  int64_t used;  // active
  int64_t mask;  // table size - 1
  SetEntry* table;
  int64_t finger;  // for pop(), as CPython
  int64_t hash;    // frozenset hash cache, -1 until computed
};

Set* set_new(Type* type = nullptr);  // set_type by default
Set* set_from_iterable(Value iterable, Type* type = nullptr);
void set_add(Set* s, Value key);
bool set_contains(Set* s, Value key);
bool set_discard(Set* s, Value key);
bool set_next(Set* s, int64_t* pos, Value* key);

// In-place operations with any iterable (set.update, set.difference_update,
// set.symmetric_difference_update with one argument).
void set_update_from(Set* s, Value iterable);
void set_difference_update_from(Set* s, Value iterable);
void set_symmetric_difference_update_from(Set* s, Value iterable);
// s.intersection(iterable): a new set (or frozenset, following s's class).
Value set_intersection_with(Set* s, Value iterable);
// True for set, frozenset and their subclasses.
bool is_anyset(Value v);

extern Type* set_iter_type;

void init_set_type();

}  // namespace kestrel
