// Unit tests for complex (repr, hashing, arithmetic bit for bit, string
// parsing, format). Expected values come from CPython 3.11 via
// complex_test_gen.py.
#include "runtime/complex.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/protocol.h"
#include "runtime/runtime.h"
#include "runtime/str.h"

namespace kestrel {
namespace {

#include "complex_test_cases.inc"

class ComplexTest : public ::testing::Test {
 protected:
  void SetUp() override { init_runtime(); }
  GcPause pause_;
};

double D(uint64_t bits) {
  double d;
  memcpy(&d, &bits, sizeof d);
  return d;
}

std::string repr(Value v) { return str_to_utf8(py_repr(v).as<Str>()); }

template <class F>
std::string outcome(F f) {
  try {
    return repr(f());
  } catch (PyException& e) {
    return std::string(type_name(e.exc)) + ": " + str_to_utf8(py_str(e.exc).as<Str>());
  }
}

TEST_F(ComplexTest, ReprAndHash) {
  for (const ComplexReprCase& c : kComplexReprCases) {
    Value z = complex_new(D(c.re), D(c.im));
    EXPECT_EQ(repr(z), c.repr);
    if (c.hashable) {
      EXPECT_EQ(py_hash(z), c.hash) << c.repr;
    }
  }
}

TEST_F(ComplexTest, BinaryOperations) {
  for (const ComplexBinCase& c : kComplexBinCases) {
    Value a = complex_new(D(c.are), D(c.aim));
    Value b = complex_new(D(c.bre), D(c.bim));
    EXPECT_EQ(outcome([&] { return py_binary(a, b, c.op); }), c.expected)
        << repr(a) << " op" << c.op << " " << repr(b);
  }
}

TEST_F(ComplexTest, MixedOperandsAndComparison) {
  Value z = complex_new(1.0, 2.0);
  EXPECT_EQ(repr(py_binary(z, Value::small(1), 0)), "(2+2j)");
  EXPECT_EQ(repr(py_binary(float_new(2.5), z, 5)), "(2.5+5j)");
  EXPECT_EQ(repr(py_binary(Value::small(3), z, 10)), "(2-2j)");
  EXPECT_EQ(outcome([&] { return py_binary(z, Value::small(2), 2); }),
            "TypeError: unsupported operand type(s) for //: 'complex' and 'int'");
  EXPECT_EQ(outcome([&] { return py_richcompare(z, z, 0); }),
            "TypeError: '<' not supported between instances of 'complex' and 'complex'");
  EXPECT_TRUE(py_equal(complex_new(1.0, 0.0), Value::small(1)));
  EXPECT_TRUE(py_equal(complex_new(1.5, 0.0), float_new(1.5)));
  EXPECT_FALSE(py_equal(complex_new(1.0, 1.0), Value::small(1)));
  EXPECT_EQ(py_hash(complex_new(7.0, 0.0)), py_hash(Value::small(7)));
  // float ** fractional with a negative base is complex, as CPython's float_pow.
  EXPECT_EQ(repr(py_binary(float_new(-8.0), float_new(1.0 / 3), 8)),
            "(1.0000000000000002+1.7320508075688772j)");
  EXPECT_EQ(repr(py_absolute(complex_new(3.0, 4.0))), "5.0");
  EXPECT_EQ(outcome([&] { return py_absolute(complex_new(1.7e308, 1.7e308)); }),
            "OverflowError: absolute value too large");
  EXPECT_EQ(repr(py_negative(complex_new(0.0, 0.0))), "(-0-0j)");
  EXPECT_FALSE(py_truthy(complex_new(0.0, -0.0)));
  EXPECT_TRUE(py_truthy(complex_new(0.0, 1e-300)));
}

TEST_F(ComplexTest, ParseStrings) {
  for (const ComplexParseCase& c : kComplexParseCases) {
    Value s = str_new(c.text);
    EXPECT_EQ(outcome([&] { return py_call1(Value(complex_type), s); }), c.expected) << c.text;
  }
}

TEST_F(ComplexTest, Constructor) {
  auto make = [](Value a, Value b) {
    return outcome([&] {
      Value args[2] = {a, b};
      return py_call(Value(complex_type), args, b.empty() ? 1 : 2);
    });
  };
  EXPECT_EQ(make(Value::small(1), Value::small(2)), "(1+2j)");
  EXPECT_EQ(make(complex_new(1, 2), complex_new(3, 4)), "(-3+5j)");
  EXPECT_EQ(make(str_new("1"), Value::small(2)),
            "TypeError: complex() can't take second arg if first is a string");
  EXPECT_EQ(make(Value::small(1), str_new("2")),
            "TypeError: complex() second arg can't be a string");
  EXPECT_EQ(make(none(), Value()),
            "TypeError: complex() first argument must be a string or a number, not 'NoneType'");
}

TEST_F(ComplexTest, Format) {
  for (const ComplexFormatCase& c : kComplexFormatCases) {
    Value z = complex_new(D(c.re), D(c.im));
    EXPECT_EQ(outcome([&] { return py_format(z, str_new(c.spec)); }), c.expected)
        << repr(z) << " spec '" << c.spec << "'";
  }
}

}  // namespace
}  // namespace kestrel
