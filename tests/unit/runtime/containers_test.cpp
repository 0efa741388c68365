// Unit tests for the container types (tuple, list, dict, set, range, slice).
// Every expected value was produced by CPython 3.11 (/usr/bin/python3).
#include <gtest/gtest.h>

#include <string>

#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/range.h"
#include "runtime/runtime.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {
namespace {

class ContainersTest : public ::testing::Test {
 protected:
  void SetUp() override { init_runtime(); }
  // The tests keep values in places the collector does not scan precisely.
  GcPause pause_;
};

std::string repr(Value v) { return str_to_utf8(py_repr(v).as<Str>()); }
Value I(int64_t v) { return int_from_i64(v); }
Value S(const char* s) { return Value(str_new(s)); }

Set* set_of(std::initializer_list<int64_t> items) {
  Set* s = set_new();
  for (int64_t v : items) set_add(s, I(v));
  return s;
}

Set* set_range(int64_t n) {
  Set* s = set_new();
  for (int64_t i = 0; i < n; i++) set_add(s, I(i));
  return s;
}

List* list_range(int64_t n) {
  List* l = list_new(0);
  for (int64_t i = 0; i < n; i++) list_append(l, I(i));
  return l;
}

Value call_method(Value obj, const char* name, std::initializer_list<Value> args = {}) {
  ValueVector a;
  for (Value v : args) a.push_back(v);
  return py_call_method(obj, intern(name), a.data(), a.size());
}

Value slice(Value a, Value b, Value c = Value()) { return Value(slice_new(a, b, c)); }

// Runs `f` and returns "Type: message" of the Python exception it raises.
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (PyException& e) {
    return type_name_str(e.exc) + ": " + str_to_utf8(py_str(e.exc).as<Str>());
  }
  return "no exception";
}

// ---------------------------------------------------------------- tuple

TEST_F(ContainersTest, TupleReprAndHash) {
  EXPECT_EQ(repr(Value(empty_tuple())), "()");
  EXPECT_EQ(repr(Value(tuple_of({I(1)}))), "(1,)");
  Value nested(tuple_of({I(1), Value(tuple_of({I(2), I(3)})), I(-1)}));
  EXPECT_EQ(repr(nested), "(1, (2, 3), -1)");
  EXPECT_EQ(py_hash(Value(tuple_of({I(1), I(2)}))), -3550055125485641917);
  EXPECT_EQ(py_hash(Value(empty_tuple())), 5740354900026072187);
  EXPECT_EQ(py_hash(Value(tuple_of({I(1)}))), -6644214454873602895);
  EXPECT_EQ(py_hash(nested), -4691468712706788113);
  EXPECT_EQ(tuple_new(0), empty_tuple());
}

TEST_F(ContainersTest, TupleOps) {
  Value t(tuple_of({I(1), I(2), I(3)}));
  EXPECT_EQ(repr(py_binary(t, t, 0)), "(1, 2, 3, 1, 2, 3)");
  EXPECT_EQ(repr(py_binary(I(2), Value(tuple_of({I(7)})), 5)), "(7, 7)");
  EXPECT_EQ(repr(py_getitem(t, slice(none(), none(), I(-1)))), "(3, 2, 1)");
  EXPECT_EQ(repr(py_getitem(t, I(-1))), "3");
  EXPECT_EQ(error_of([&] { py_getitem(t, I(3)); }), "IndexError: tuple index out of range");
  EXPECT_EQ(error_of([&] { py_binary(t, Value(list_new(0)), 0); }),
            "TypeError: can only concatenate tuple (not \"list\") to tuple");
  EXPECT_TRUE(py_compare_bool(t, Value(tuple_of({I(1), I(2), I(4)})), 0));
  EXPECT_TRUE(py_compare_bool(Value(tuple_of({I(1), I(2)})), t, 0));
  EXPECT_FALSE(py_compare_bool(t, Value(tuple_of({I(1), I(2)})), 2));
  EXPECT_EQ(error_of([&] { call_method(t, "index", {I(9)}); }),
            "ValueError: tuple.index(x): x not in tuple");
}

// ---------------------------------------------------------------- list

TEST_F(ContainersTest, ListSliceAssignment) {
  List* l = list_range(10);
  Value ab[] = {S("a"), S("b")};
  py_setitem(Value(l), slice(I(2), I(5)), Value(list_from(ab, 2)));
  EXPECT_EQ(repr(Value(l)), "[0, 1, 'a', 'b', 5, 6, 7, 8, 9]");

  l = list_range(10);
  Value abcde[] = {S("a"), S("b"), S("c"), S("d"), S("e")};
  py_setitem(Value(l), slice(none(), none(), I(2)), Value(list_from(abcde, 5)));
  EXPECT_EQ(repr(Value(l)), "['a', 1, 'b', 3, 'c', 5, 'd', 7, 'e', 9]");

  l = list_range(10);
  py_delitem(Value(l), slice(none(), none(), I(3)));
  EXPECT_EQ(repr(Value(l)), "[1, 2, 4, 5, 7, 8]");

  l = list_range(10);
  py_delitem(Value(l), slice(none(), none(), I(-3)));
  EXPECT_EQ(repr(Value(l)), "[1, 2, 4, 5, 7, 8]");

  l = list_range(10);
  py_setitem(Value(l), slice(I(8), I(2), I(-2)), Value(tuple_of({I(0), I(0), I(0)})));
  EXPECT_EQ(repr(Value(l)), "[0, 1, 2, 3, 0, 5, 0, 7, 0, 9]");

  l = list_range(10);
  py_setitem(Value(l), slice(I(5), none()), Value(l));
  EXPECT_EQ(repr(Value(l)), "[0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]");

  l = list_range(10);
  EXPECT_EQ(error_of([&] {
              py_setitem(Value(l), slice(none(), none(), I(3)), Value(tuple_of({I(1), I(2)})));
            }),
            "ValueError: attempt to assign sequence of size 2 to extended slice of size 4");
}

TEST_F(ContainersTest, ListSlicingAndRepr) {
  List* l = list_range(10);
  EXPECT_EQ(repr(py_getitem(Value(l), slice(none(), none(), I(-3)))), "[9, 6, 3, 0]");
  EXPECT_EQ(repr(py_getitem(Value(l), slice(I(-3), I(100)))), "[7, 8, 9]");
  EXPECT_EQ(repr(py_getitem(Value(l), slice(I(-100), I(3)))), "[0, 1, 2]");
  List* r = list_new(0);
  list_append(r, I(1));
  list_append(r, Value(r));
  EXPECT_EQ(repr(Value(r)), "[1, [...]]");
  EXPECT_EQ(error_of([&] { py_getitem(Value(l), S("x")); }),
            "TypeError: list indices must be integers or slices, not str");
  EXPECT_EQ(error_of([&] { py_binary(Value(l), Value(empty_tuple()), 0); }),
            "TypeError: can only concatenate list (not \"tuple\") to list");
  EXPECT_EQ(error_of([&] { list_pop(list_new(0), -1); }), "IndexError: pop from empty list");
  EXPECT_EQ(error_of([&] { call_method(Value(l), "index", {I(50)}); }),
            "ValueError: 50 is not in list");
}

Value first_item(Value* args, size_t, Tuple*) { return args[0].as<Tuple>()->items[0]; }

TEST_F(ContainersTest, ListSortStable) {
  const char* letters[] = {"b", "a", "a", "b", "c", "c"};
  int64_t nums[] = {1, 0, 1, 0, 2, 0};
  List* l = list_new(0);
  for (int i = 0; i < 6; i++) list_append(l, Value(tuple_of({I(nums[i]), S(letters[i])})));
  list_sort(l, new_builtin_function("first", first_item), false);
  EXPECT_EQ(repr(Value(l)), "[(0, 'a'), (0, 'b'), (0, 'c'), (1, 'b'), (1, 'a'), (2, 'c')]");
  // Reverse keeps stability (equal keys stay in their original order).
  l = list_new(0);
  for (int i = 0; i < 6; i++) list_append(l, Value(tuple_of({I(nums[i]), S(letters[i])})));
  list_sort(l, new_builtin_function("first", first_item), true);
  EXPECT_EQ(repr(Value(l)), "[(2, 'c'), (1, 'b'), (1, 'a'), (0, 'a'), (0, 'b'), (0, 'c')]");
  // A larger input with runs and merges.
  List* big = list_new(0);
  for (int64_t i = 0; i < 1000; i++) list_append(big, I((i * 7919) % 1009));
  list_sort(big, Value(), false);
  for (int64_t i = 1; i < big->size; i++) {
    ASSERT_LE(big->items[i - 1].small_value(), big->items[i].small_value());
  }
}

// ---------------------------------------------------------------- dict

TEST_F(ContainersTest, DictOrderDeletionResize) {
  Dict* d = dict_new();
  for (int64_t i = 0; i < 100; i++) dict_set(d, I(i * 7 % 101), I(i));
  for (int64_t i = 0; i < 100; i += 3) ASSERT_TRUE(dict_delete(d, I(i * 7 % 101)));
  dict_set(d, I(5000), S("x"));
  EXPECT_EQ(d->used, 67);
  List* keys = list_from_iterable(Value(d));
  EXPECT_EQ(repr(py_getitem(Value(keys), slice(none(), I(10)))),
            "[7, 14, 28, 35, 49, 56, 70, 77, 91, 98]");
  EXPECT_EQ(repr(py_getitem(Value(keys), slice(I(-3), none()))), "[73, 80, 5000]");
  for (int64_t i = 0; i < 100; i++) {
    Value v = dict_get(d, I(i * 7 % 101));
    if (i % 3 == 0) {
      EXPECT_TRUE(v.empty());
    } else {
      EXPECT_EQ(v, I(i));
    }
  }
}

// The JIT guards a global's dict entry through keys_version: it must change
// whenever an entry could move or vanish, and only then.
TEST_F(ContainersTest, DictKeysVersion) {
  Dict* d = dict_new();
  dict_set(d, S("a"), I(1));
  uint64_t v0 = d->version, k0 = d->keys_version;
  dict_set(d, S("a"), I(2));  // a value replaced: the entry stays
  EXPECT_NE(d->version, v0);
  EXPECT_EQ(d->keys_version, k0);
  dict_set(d, S("b"), I(3));  // a new key
  uint64_t k1 = d->keys_version;
  EXPECT_NE(k1, k0);
  for (int64_t i = 0; i < 50; i++) dict_set(d, I(i), I(i));  // resizes move entries
  EXPECT_NE(d->keys_version, k1);
  uint64_t k2 = d->keys_version;
  EXPECT_TRUE(dict_delete(d, S("a")));
  EXPECT_NE(d->keys_version, k2);
  uint64_t k3 = d->keys_version;
  dict_clear(d);
  EXPECT_NE(d->keys_version, k3);
  EXPECT_NE(dict_new()->keys_version, dict_new()->keys_version);
}

TEST_F(ContainersTest, DictReprViewsAndErrors) {
  Dict* d = dict_new();
  for (const char* k : {"a", "b", "c", "d", "e"}) dict_set(d, S(k), none());
  dict_delete(d, S("b"));
  dict_set(d, S("b"), I(1));
  EXPECT_EQ(repr(Value(d)), "{'a': None, 'c': None, 'd': None, 'e': None, 'b': 1}");
  Dict* e = dict_new();
  EXPECT_EQ(repr(call_method(Value(e), "keys")), "dict_keys([])");
  dict_set(e, S("a"), I(1));
  EXPECT_EQ(repr(call_method(Value(e), "items")), "dict_items([('a', 1)])");
  EXPECT_EQ(repr(call_method(Value(e), "values")), "dict_values([1])");
  dict_set(e, S("self"), Value(e));
  EXPECT_EQ(repr(Value(e)), "{'a': 1, 'self': {...}}");
  EXPECT_EQ(error_of([&] { py_getitem(Value(d), S("zz")); }), "KeyError: 'zz'");
  EXPECT_EQ(error_of([&] { call_method(Value(dict_new()), "popitem"); }),
            "KeyError: 'popitem(): dictionary is empty'");
  EXPECT_EQ(dict_get_str(d, intern("c")), none());
  EXPECT_TRUE(dict_get_str(d, intern("zz")).empty());
}

TEST_F(ContainersTest, DictVersionBumps) {
  Dict* d = dict_new();
  uint64_t v0 = d->version;
  dict_set_str(d, intern("x"), I(1));
  uint64_t v1 = d->version;
  EXPECT_NE(v0, v1);
  dict_set_str(d, intern("x"), I(2));
  EXPECT_NE(v1, d->version);
}

// ---------------------------------------------------------------- set

TEST_F(ContainersTest, SetIterationOrder) {
  EXPECT_EQ(repr(Value(set_of({5, 3, 1, 100, 7}))), "{1, 3, 100, 5, 7}");
  EXPECT_EQ(repr(py_binary(Value(set_range(20)), Value(set_of({3})), 10)),
            "{0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}");
  Set* s = set_range(100);
  Set* threes = set_new();
  for (int64_t i = 0; i < 100; i += 3) set_add(threes, I(i));
  py_binary(Value(s), Value(threes), 23);  // -=
  std::string expect = "{";
  bool first = true;
  for (int64_t i = 0; i < 100; i++) {
    if (i % 3 == 0) continue;
    if (!first) expect += ", ";
    first = false;
    expect += std::to_string(i);
  }
  expect += "}";
  EXPECT_EQ(repr(Value(s)), expect);
  // Adding one by one (as `{x, 8, 16, 24, 1, 9}` with a variable x does)...
  EXPECT_EQ(repr(Value(set_of({1000, 8, 16, 24, 1, 9}))), "{1, 1000, 8, 9, 16, 24}");
  // ...and merging into an empty set (set(f), s.update(f), constant displays).
  Set* f = set_new(frozenset_type);
  for (int64_t v : {1000, 8, 16, 24, 1, 9}) set_add(f, I(v));
  EXPECT_EQ(repr(Value(f)), "frozenset({1, 1000, 8, 9, 16, 24})");
  EXPECT_EQ(repr(Value(set_from_iterable(Value(f)))), "{16, 1, 24, 1000, 8, 9}");
  EXPECT_EQ(repr(Value(set_of({-1, -2, 7, 15, 23, 31}))), "{7, 15, -2, 23, -1, 31}");
  Set* eights = set_new();
  for (int64_t i = 0; i < 12; i++) set_add(eights, I(i * 8));
  EXPECT_EQ(repr(Value(eights)), "{0, 32, 64, 8, 40, 72, 16, 48, 80, 24, 56, 88}");
  Set* popped = set_range(10);
  call_method(Value(popped), "pop");
  call_method(Value(popped), "pop");
  set_add(popped, I(100));
  EXPECT_EQ(repr(Value(popped)), "{2, 3, 4, 5, 6, 7, 8, 9, 100}");
}

TEST_F(ContainersTest, SetOpsAndFrozenset) {
  EXPECT_EQ(repr(py_binary(Value(set_of({1, 2, 3})), Value(set_of({3, 4, 5})), 12)),
            "{1, 2, 4, 5}");
  EXPECT_EQ(repr(py_binary(Value(set_of({1, 2, 3})), Value(set_of({2, 3, 4, 100})), 1)), "{2, 3}");
  EXPECT_EQ(repr(py_binary(Value(set_of({1, 2, 3})), Value(set_of({40, 33, 9})), 7)),
            "{1, 2, 3, 33, 40, 9}");
  Set* f = set_from_iterable(Value(tuple_of({I(3), I(1), I(2)})), frozenset_type);
  EXPECT_EQ(repr(Value(f)), "frozenset({1, 2, 3})");
  EXPECT_EQ(repr(Value(set_new(frozenset_type))), "frozenset()");
  EXPECT_EQ(repr(Value(set_new())), "set()");
  EXPECT_EQ(py_hash(Value(set_from_iterable(Value(tuple_of({I(1), I(2)})), frozenset_type))),
            -1826646154956904602);
  EXPECT_EQ(py_hash(Value(set_new(frozenset_type))), 133146708735736);
  Set* f10 = set_new(frozenset_type);
  for (int64_t i = 0; i < 10; i++) set_add(f10, I(i));
  EXPECT_EQ(py_hash(Value(f10)), 3895031357313128696);
  EXPECT_TRUE(py_compare_bool(Value(set_of({1, 2, 3})), Value(set_of({3, 2, 1})), 2));
  EXPECT_TRUE(py_compare_bool(Value(set_of({1, 2})), Value(set_of({1, 2, 3})), 0));
  EXPECT_TRUE(py_compare_bool(Value(set_of({1, 2})), Value(set_of({1, 2})), 1));
  EXPECT_FALSE(py_compare_bool(Value(set_of({1, 2})), Value(set_of({1, 2})), 0));
  // A set key is looked up as a frozenset.
  Set* outer = set_new();
  set_add(outer, Value(set_from_iterable(Value(tuple_of({I(1)})), frozenset_type)));
  EXPECT_TRUE(set_contains(outer, Value(set_of({1}))));
  EXPECT_EQ(error_of([&] { call_method(Value(set_new()), "pop"); }),
            "KeyError: 'pop from an empty set'");
  EXPECT_EQ(error_of([&] { set_add(outer, Value(set_of({1}))); }),
            "TypeError: unhashable type: 'set'");
}

// ---------------------------------------------------------------- range / slice

TEST_F(ContainersTest, RangeAndSlice) {
  Value r = range_new(I(0), I(10), I(2));
  EXPECT_EQ(repr(py_getitem(r, slice(I(1), I(3)))), "range(2, 6, 2)");
  EXPECT_EQ(repr(py_getitem(range_new(I(0), I(10), I(1)), slice(none(), none(), I(-1)))),
            "range(9, -1, -1)");
  EXPECT_EQ(repr(py_getitem(range_new(I(5), I(0), I(-2)), slice(none(), none(), I(-1)))),
            "range(1, 7, 2)");
  EXPECT_EQ(repr(range_new(I(1), I(2), I(3))), "range(1, 2, 3)");
  EXPECT_EQ(py_hash(range_new(I(0), I(10), I(1))), -7546101314042312252);
  // (hash(range(0)) involves hash(None), which is address-based in CPython 3.11.)
  EXPECT_EQ(py_len(range_new(I(0), I(10), I(3))), 4);
  EXPECT_TRUE(py_contains(r, I(4)));
  EXPECT_FALSE(py_contains(r, I(5)));
  EXPECT_EQ(error_of([&] { range_new(I(0), I(1), I(0)); }),
            "ValueError: range() arg 3 must not be zero");
  EXPECT_EQ(repr(slice(I(1), I(2))), "slice(1, 2, None)");
  EXPECT_EQ(repr(call_method(slice(none(), I(5), I(-1)), "indices", {I(10)})), "(9, 5, -1)");
  EXPECT_EQ(repr(call_method(slice(I(-100), I(100), I(3)), "indices", {I(7)})), "(0, 7, 3)");
  EXPECT_EQ(error_of([&] { py_getitem(Value(list_range(3)), slice(none(), none(), I(0))); }),
            "ValueError: slice step cannot be zero");
  // Iteration sums.
  Value it = py_iter(range_new(I(10), I(-10), I(-3)));
  int64_t sum = 0, n = 0;
  for (Value v = py_next(it); !v.empty(); v = py_next(it)) {
    sum += v.small_value();
    n++;
  }
  EXPECT_EQ(n, 7);
  EXPECT_EQ(sum, 7);
}

}  // namespace
}  // namespace kestrel
