// Unit tests for the builtins/sys/time modules through the C++ API.
// Expected values and messages were produced by CPython 3.11.
#include <gtest/gtest.h>

#include <string>

#include "interp/interpreter.h"
#include "modules/builtins.h"
#include "modules/sys.h"
#include "modules/time.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/protocol.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {
namespace {

class BuiltinsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    init_runtime();
    init_interpreter();
    static Value b = make_builtins_module();
    builtins_ = b;
  }
  Value fn(const char* name) {
    Value v = module_get(builtins_, name);
    EXPECT_FALSE(v.empty()) << name;
    return v;
  }
  // Calls builtins.<name>(args...) and returns repr() of the result, or
  // "Type: message" of the exception it raised.
  std::string call(const char* name, std::initializer_list<Value> args) {
    ValueVector a(args);
    try {
      return str_to_utf8(py_repr(py_call(fn(name), a.data(), a.size())).as<Str>());
    } catch (PyException& e) {
      return str_to_utf8(type_of(e.exc)->name) + ": " + exception_message(e.exc);
    }
  }
  Value builtins_;
  GcPause pause_;
};

Value I(int64_t v) { return int_from_i64(v); }
Value S(const char* s) { return Value(str_new(s)); }
Value L(std::initializer_list<Value> items) {
  List* l = list_new(0);
  for (Value v : items) list_append(l, v);
  return Value(l);
}

TEST_F(BuiltinsTest, Len) {
  EXPECT_EQ(call("len", {S("abc")}), "3");
  EXPECT_EQ(call("len", {}), "TypeError: len() takes exactly one argument (0 given)");
  EXPECT_EQ(call("len", {I(5)}), "TypeError: object of type 'int' has no len()");
}

TEST_F(BuiltinsTest, MinMaxSum) {
  EXPECT_EQ(call("max", {I(3), I(7), I(5)}), "7");
  EXPECT_EQ(call("min", {L({I(3), I(-7)})}), "-7");
  EXPECT_EQ(call("max", {L({})}), "ValueError: max() arg is an empty sequence");
  EXPECT_EQ(call("min", {}), "TypeError: min expected at least 1 argument, got 0");
  EXPECT_EQ(call("sum", {L({I(1), I(2), I(3)})}), "6");
  EXPECT_EQ(call("sum", {L({I(1)}), S("")}),
            "TypeError: sum() can't sum strings [use ''.join(seq) instead]");
}

TEST_F(BuiltinsTest, ChrOrdHex) {
  EXPECT_EQ(call("chr", {I(0x20AC)}), "'€'");
  EXPECT_EQ(call("chr", {I(-1)}), "ValueError: chr() arg not in range(0x110000)");
  EXPECT_EQ(call("ord", {S("a")}), "97");
  EXPECT_EQ(call("ord", {S("ab")}),
            "TypeError: ord() expected a character, but string of length 2 found");
  EXPECT_EQ(call("hex", {I(255)}), "'0xff'");
  EXPECT_EQ(call("bin", {I(-5)}), "'-0b101'");
  EXPECT_EQ(call("oct", {I(8)}), "'0o10'");
}

TEST_F(BuiltinsTest, SortedAndIterators) {
  EXPECT_EQ(call("sorted", {L({I(3), I(1), I(2)})}), "[1, 2, 3]");
  Value e = py_call1(fn("enumerate"), S("ab"));
  EXPECT_EQ(str_to_utf8(type_of(e)->name), "enumerate");
  EXPECT_EQ(repr_utf8(py_list_of(e)), "[(0, 'a'), (1, 'b')]");
  Value r = py_call1(fn("reversed"), Value(tuple_of({I(1), I(2), I(3)})));
  EXPECT_EQ(repr_utf8(py_list_of(r)), "[3, 2, 1]");
  Value z = py_call2(fn("zip"), S("ab"), L({I(1), I(2), I(3)}));
  EXPECT_EQ(repr_utf8(py_list_of(z)), "[('a', 1), ('b', 2)]");
}

TEST_F(BuiltinsTest, IsInstance) {
  EXPECT_EQ(call("isinstance", {py_bool(true), Value(int_type)}), "True");
  Value nested(tuple_of({Value(str_type), Value(tuple_of({Value(int_type)}))}));
  EXPECT_EQ(call("isinstance", {I(1), nested}), "True");
  EXPECT_EQ(call("isinstance", {I(1), I(1)}),
            "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
  EXPECT_EQ(call("issubclass", {Value(bool_type), Value(int_type)}), "True");
}

TEST_F(BuiltinsTest, SysModule) {
  char arg0[] = "prog.py";
  char* argv[] = {arg0};
  Value sys = make_sys_module(1, argv);
  EXPECT_EQ(repr_utf8(module_get(sys, "argv")), "['prog.py']");
  Value vi = module_get(sys, "version_info");
  EXPECT_EQ(repr_utf8(py_getattr(vi, intern("major"))), "3");
  EXPECT_TRUE(py_compare_bool(vi, Value(tuple_of({I(3), I(8)})), 5));  // >=
  EXPECT_EQ(repr_utf8(module_get(sys, "maxsize")), "9223372036854775807");
  EXPECT_EQ(repr_utf8(py_getattr(module_get(sys, "float_info"), intern("epsilon"))),
            "2.220446049250313e-16");
}

TEST_F(BuiltinsTest, TimeModule) {
  Value t = make_time_module();
  Value g = py_call1(module_get(t, "gmtime"), I(0));
  EXPECT_EQ(repr_utf8(g),
            "time.struct_time(tm_year=1970, tm_mon=1, tm_mday=1, tm_hour=0, tm_min=0, tm_sec=0, "
            "tm_wday=3, tm_yday=1, tm_isdst=0)");
  EXPECT_EQ(repr_utf8(py_call2(module_get(t, "strftime"), S("%Y-%m-%d"), g)), "'1970-01-01'");
}

}  // namespace
}  // namespace kestrel
