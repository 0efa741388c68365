// Unit tests for bytearray and memoryview through the C++ API: mutation,
// slicing, the methods shared with bytes, conversions and error messages.
// Expected values are CPython 3.11's (checked with /usr/bin/python3).
#include "runtime/bytearray.h"

#include <gtest/gtest.h>

#include <string>

#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/protocol.h"
#include "runtime/range.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {
namespace {

class BytearrayTest : public ::testing::Test {
 protected:
  void SetUp() override { init_runtime(); }
  GcPause pause_;
};

std::string repr(Value v) { return str_to_utf8(py_repr(v).as<Str>()); }

template <class F>
std::string outcome(F f) {
  try {
    return repr(f());
  } catch (PyException& e) {
    return std::string(type_name(e.exc)) + ": " + str_to_utf8(py_str(e.exc).as<Str>());
  }
}

Value call(Value obj, const char* name, std::initializer_list<Value> args = {}) {
  ValueVector argv;
  for (Value v : args) argv.push_back(v);
  return py_call_method(obj, intern(name), argv.data(), argv.size());
}

Value ba(const char* s) { return bytearray_new(s); }
Value b(const char* s) { return bytes_new(s); }
Value slice(int64_t start, int64_t stop, int64_t step) {
  return slice_new(Value::small(start), Value::small(stop), Value::small(step));
}

TEST_F(BytearrayTest, ReprLengthAndItems) {
  Value x = ba("hello");
  EXPECT_EQ(repr(x), "bytearray(b'hello')");
  EXPECT_EQ(repr(ba("")), "bytearray(b'')");
  EXPECT_EQ(py_len(x), 5);
  EXPECT_EQ(repr(py_getitem(x, Value::small(-1))), "111");
  EXPECT_EQ(repr(py_getitem(x, slice(4, 0, -2))), "bytearray(b'ol')");
  EXPECT_EQ(outcome([&] { return py_getitem(x, Value::small(5)); }),
            "IndexError: bytearray index out of range");
  EXPECT_EQ(outcome([&] { return py_getitem(x, str_new("a")); }),
            "TypeError: bytearray indices must be integers or slices, not str");
  EXPECT_EQ(outcome([&] { return Value::small(py_hash(x)); }),
            "TypeError: unhashable type: 'bytearray'");
}

TEST_F(BytearrayTest, Mutation) {
  Value x = ba("hello");
  py_setitem(x, Value::small(0), Value::small('J'));
  call(x, "append", {Value::small(33)});
  call(x, "extend", {b("\?\?")});  // escaped: "??)" would be a trigraph
  call(x, "insert", {Value::small(0), Value::small(62)});
  EXPECT_EQ(repr(x), "bytearray(b'>Jello!\?\?')");
  EXPECT_EQ(repr(call(x, "pop")), "63");
  EXPECT_EQ(repr(call(x, "pop", {Value::small(0)})), "62");
  call(x, "remove", {Value::small('l')});
  EXPECT_EQ(repr(x), "bytearray(b'Jelo!?')");
  py_setitem(x, slice(1, 3, 1), b("EEE"));
  EXPECT_EQ(repr(x), "bytearray(b'JEEEo!?')");
  py_delitem(x, slice(0, 7, 2));
  EXPECT_EQ(repr(x), "bytearray(b'EE!')");
  call(x, "reverse");
  EXPECT_EQ(repr(x), "bytearray(b'!EE')");
  py_setitem(x, slice(2, 0, -2), b("a"));
  EXPECT_EQ(repr(x), "bytearray(b'!Ea')");
  EXPECT_EQ(outcome([&] {
              py_setitem(x, Value::small(0), Value::small(300));
              return none();
            }),
            "ValueError: byte must be in range(0, 256)");
  EXPECT_EQ(outcome([&] {
              py_setitem(x, slice(0, 3, 2), b("abc"));
              return none();
            }),
            "ValueError: attempt to assign bytes of size 3 to extended slice of size 2");
  EXPECT_EQ(outcome([&] {
              py_setitem(x, slice(0, 1, 1), Value::small(5));
              return none();
            }),
            "TypeError: can assign only bytes, buffers, or iterables of ints in range(0, 256)");
  EXPECT_EQ(outcome([&] { return call(ba(""), "pop"); }), "IndexError: pop from empty bytearray");
  EXPECT_EQ(outcome([&] { return call(x, "remove", {Value::small(200)}); }),
            "ValueError: value not found in bytearray");
  EXPECT_EQ(outcome([&] { return call(x, "extend", {Value::small(5)}); }),
            "TypeError: can't extend bytearray with int");
  call(x, "clear");
  EXPECT_EQ(repr(x), "bytearray(b'')");
}

TEST_F(BytearrayTest, Operators) {
  Value x = ba("ab");
  EXPECT_EQ(repr(py_binary(x, b("cd"), 0)), "bytearray(b'abcd')");
  EXPECT_EQ(repr(py_binary(b("cd"), x, 0)), "b'cdab'");
  EXPECT_EQ(repr(py_binary(Value::small(2), x, 5)), "bytearray(b'abab')");
  EXPECT_EQ(outcome([&] { return py_binary(x, str_new("x"), 0); }),
            "TypeError: can't concat str to bytearray");
  Value same = py_binary(x, b("!"), 13);  // +=: in place
  EXPECT_EQ(same, x);
  EXPECT_EQ(repr(x), "bytearray(b'ab!')");
  EXPECT_EQ(py_binary(x, Value::small(2), 18), x);  // *=
  EXPECT_EQ(repr(x), "bytearray(b'ab!ab!')");
  EXPECT_TRUE(py_equal(ba("a"), b("a")));
  EXPECT_TRUE(py_equal(b("a"), ba("a")));
  EXPECT_TRUE(py_less(ba("a"), b("b")));
  EXPECT_TRUE(py_contains(x, b("b!")));
  EXPECT_TRUE(py_contains(x, Value::small('!')));
  EXPECT_TRUE(py_contains(b("xab!y"), ba("ab!")));
  EXPECT_EQ(repr(py_binary(ba("%d-%s"), Value(tuple_of({Value::small(5), b("x")})), 6)),
            "bytearray(b'5-x')");
}

TEST_F(BytearrayTest, SharedMethodsReturnBytearrays) {
  Value x = ba("a,b,c");
  EXPECT_EQ(repr(call(x, "split", {b(",")})),
            "[bytearray(b'a'), bytearray(b'b'), bytearray(b'c')]");
  EXPECT_EQ(repr(call(x, "partition", {b(",")})),
            "(bytearray(b'a'), bytearray(b','), bytearray(b'b,c'))");
  EXPECT_EQ(repr(call(x, "upper")), "bytearray(b'A,B,C')");
  EXPECT_EQ(repr(call(x, "replace", {b(","), ba("--")})), "bytearray(b'a--b--c')");
  EXPECT_EQ(repr(call(x, "find", {ba("b")})), "2");
  EXPECT_EQ(repr(call(x, "count", {Value::small(',')})), "2");
  EXPECT_EQ(repr(call(x, "startswith", {ba("a,")})), "True");
  EXPECT_EQ(repr(call(x, "hex", {str_new(":")})), "'61:2c:62:2c:63'");
  EXPECT_EQ(repr(call(x, "decode")), "'a,b,c'");
  EXPECT_EQ(repr(call(ba("-"), "join", {Value(py_list_of(Value(call(x, "split", {b(",")}))))})),
            "bytearray(b'a-b-c')");
  EXPECT_EQ(repr(call(Value(bytearray_type), "fromhex", {str_new("ab 01")})),
            "bytearray(b'\\xab\\x01')");
  EXPECT_EQ(repr(call(x, "copy")), "bytearray(b'a,b,c')");
  EXPECT_EQ(outcome([&] { return call(x, "index", {b("z")}); }),
            "ValueError: subsection not found");
}

TEST_F(BytearrayTest, ConstructorsAndConversions) {
  auto make = [](std::initializer_list<Value> args) {
    return outcome([&] {
      ValueVector argv;
      for (Value v : args) argv.push_back(v);
      return py_call(Value(bytearray_type), argv.data(), argv.size());
    });
  };
  EXPECT_EQ(make({}), "bytearray(b'')");
  EXPECT_EQ(make({Value::small(3)}), "bytearray(b'\\x00\\x00\\x00')");
  EXPECT_EQ(make({str_new("hi"), str_new("ascii")}), "bytearray(b'hi')");
  EXPECT_EQ(make({b("xy")}), "bytearray(b'xy')");
  EXPECT_EQ(make({range_new(Value::small(0), Value::small(3), Value::small(1))}),
            "bytearray(b'\\x00\\x01\\x02')");
  EXPECT_EQ(make({str_new("abc")}), "TypeError: string argument without an encoding");
  EXPECT_EQ(make({Value::small(-1)}), "ValueError: negative count");
  EXPECT_EQ(make({float_new(1.5)}), "TypeError: cannot convert 'float' object to bytearray");
  Value bytes_of = py_call1(Value(bytes_type), ba("q"));
  EXPECT_EQ(repr(bytes_of), "b'q'");
  EXPECT_EQ(repr(py_call2(Value(str_type), ba("ab"), str_new("ascii"))), "'ab'");
}

TEST_F(BytearrayTest, MemoryView) {
  Value x = ba("hello");
  Value m = py_call1(Value(memoryview_type), x);
  EXPECT_EQ(repr(py_getitem(m, Value::small(1))), "101");
  py_setitem(m, Value::small(0), Value::small('J'));
  py_setitem(m, slice(1, 3, 1), b("EL"));
  EXPECT_EQ(repr(x), "bytearray(b'JELlo')");
  Value every_other = py_getitem(m, slice(0, 5, 2));
  EXPECT_EQ(repr(call(every_other, "tolist")), "[74, 76, 111]");
  EXPECT_EQ(repr(call(every_other, "tobytes")), "b'JLo'");
  EXPECT_EQ(repr(py_getattr(m, intern("readonly"))), "False");
  EXPECT_EQ(repr(py_getattr(every_other, intern("nbytes"))), "3");
  EXPECT_TRUE(py_equal(m, b("JELlo")));
  Value ro = py_call1(Value(memoryview_type), b("abc"));
  EXPECT_EQ(outcome([&] {
              py_setitem(ro, Value::small(0), Value::small(1));
              return none();
            }),
            "TypeError: cannot modify read-only memory");
  EXPECT_EQ(py_hash(ro), py_hash(b("abc")));
  call(ro, "release");
  EXPECT_EQ(outcome([&] { return py_getitem(ro, Value::small(0)); }),
            "ValueError: operation forbidden on released memoryview object");
  EXPECT_EQ(outcome([&] { return py_call1(Value(memoryview_type), str_new("x")); }),
            "TypeError: memoryview: a bytes-like object is required, not 'str'");
}

}  // namespace
}  // namespace kestrel
