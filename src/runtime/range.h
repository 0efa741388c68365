// range, slice and the builtin iterator objects whose layout the interpreter
// (and later the JIT) inlines in FOR_ITER.
#pragma once

#include "runtime/object.h"

namespace kestrel {

struct List;
struct Tuple;

struct Range : Object {
  Value start, stop, step;  // ints (possibly big)
  Value length;             // int
};

struct Slice : Object {
  Value start, stop, step;  // None when omitted
};

// Iterator over a range whose bounds all fit in int64.
struct RangeIter : Object {
  int64_t next;
  int64_t step;
  int64_t remaining;
};

struct ListIter : Object {
  List* list;  // null once exhausted
  int64_t index;
};

struct TupleIter : Object {
  Tuple* tuple;  // null once exhausted
  int64_t index;
};

extern Type* range_iter_type;
extern Type* list_iter_type;
extern Type* tuple_iter_type;

Value range_new(Value start, Value stop, Value step);
Slice* slice_new(Value start, Value stop, Value step);
// Resolves a slice against a sequence length as CPython's PySlice_GetIndicesEx;
// returns the number of items selected.
int64_t slice_indices(Slice* s, int64_t length, int64_t* start, int64_t* stop, int64_t* step);
// Converts an index value (int or __index__) to int64 for sequence indexing;
// raises TypeError/IndexError("cannot fit 'int' into an index-sized integer").
int64_t index_value(Value v);

void init_range_type();  // range, slice and the iterator types above

}  // namespace kestrel
