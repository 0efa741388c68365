// Python list: a growable array of Values in malloc'd storage (counted by the
// collector). Storage strategies (unboxed int/float lists, as PyPy does) are
// planned for the JIT; all access goes through these functions or the
// interpreter's inline fast paths, which check the type first.
#pragma once

#include "runtime/object.h"

namespace kestrel {

struct List : Object {
  int64_t size;
  int64_t capacity;
  Value* items;
};

List* list_new(int64_t size = 0);  // items are empty Values; the caller fills them
List* list_from(const Value* items, int64_t n);
List* list_from_iterable(Value iterable);  // list(iterable)
void list_append(List* list, Value v);
void list_extend(List* list, Value iterable);
void list_insert(List* list, int64_t index, Value v);
Value list_pop(List* list, int64_t index);  // IndexError as CPython
void list_clear(List* list);
// Sorts in place, stably, with optional key function and reverse flag (Timsort
// semantics: ValueError if the list is modified during the sort).
void list_sort(List* list, Value key, bool reverse);

// Sets the size, over-allocating as CPython's list_resize; new slots are
// empty Values that the caller fills.
void list_resize(List* list, int64_t newsize);

extern Type* list_reverse_iter_type;  // list_reverseiterator (ListIter layout)

void init_list_type();

}  // namespace kestrel
