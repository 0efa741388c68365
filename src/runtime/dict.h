// Python dict: insertion-ordered hash table (CPython's compact layout: a
// sparse index array into a dense entry array). Every mutation bumps
// `version`, which globals/builtins caches and JIT guards compare.
#pragma once

#include <cstdint>

#include "runtime/object.h"

namespace kestrel {

struct DictEntry {
  int64_t hash;
  Value key;  // empty for a deleted entry
  Value value;
};

struct Dict : Object {
  int64_t used;        // live entries
  int64_t nentries;    // entries in use (live + deleted) in `entries`
  int64_t capacity;    // entry slots allocated
  DictEntry* entries;  // dense, insertion order
  int64_t index_size;  // power of two
  int32_t* index;      // -1 empty, -2 deleted, else entry number
  uint64_t version;    // changes on every mutation (LOAD_GLOBAL's cache)
  // Changes when a key is added or removed or the entries move (a resize,
  // a clear), not when a value is replaced: while it holds, every key keeps
  // its entry number (the JIT guards a global's entry, not the whole dict).
  uint64_t keys_version;
};

Dict* dict_new();
// Lookup; returns empty Value when missing. May run __hash__/__eq__ and raise.
Value dict_get(Dict* d, Value key);
// Fast path for str keys (interned or not).
Value dict_get_str(Dict* d, Str* key);
void dict_set(Dict* d, Value key, Value value);
void dict_set_str(Dict* d, Str* key, Value value);
bool dict_delete(Dict* d, Value key);  // false when missing (does not raise)
void dict_clear(Dict* d);
Dict* dict_copy(Dict* d);
void dict_update(Dict* d, Value other);  // dict.update(other) with a mapping or pairs
// Iteration: start with pos = 0; returns false at the end.
bool dict_next(Dict* d, int64_t* pos, Value* key, Value* value);
// Global version counter source (each dict mutation takes a fresh number so
// that a version identifies a dict state across dicts too).
uint64_t next_dict_version();

// The view and iterator classes (dict_keys, dict_keyiterator, ...).
extern Type* dict_keys_type;
extern Type* dict_values_type;
extern Type* dict_items_type;
extern Type* dict_keyiter_type;
extern Type* dict_valueiter_type;
extern Type* dict_itemiter_type;

void init_dict_type();

}  // namespace kestrel
