// Python tuple: immutable, items stored inline after the header.
#pragma once

#include <initializer_list>

#include "runtime/object.h"

namespace kestrel {

struct Tuple : Object {
  int64_t size;
  Value items[];  // NOLINT: flexible array member (GNU extension), size entries
};

Tuple* tuple_new(int64_t n);  // items are empty Values until filled
Tuple* tuple_of(std::initializer_list<Value> items);
Tuple* tuple_from(const Value* items, int64_t n);
Tuple* empty_tuple();
// tuple(iterable)
Tuple* tuple_from_iterable(Value iterable);

void init_tuple_type();

}  // namespace kestrel
