// Unit tests for float (repr, hashing, formatting, parsing, arithmetic,
// rounding, exact int/float comparison). Expected values come from CPython
// 3.11 via number_test_gen.py.
#include "runtime/float.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>

#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/protocol.h"
#include "runtime/runtime.h"
#include "runtime/str.h"

namespace kestrel {
namespace {

#include "float_test_cases.inc"

class FloatTest : public ::testing::Test {
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

TEST_F(FloatTest, ReprAndHash) {
  for (const FloatReprCase& c : kFloatReprCases) {
    double x = D(c.bits);
    EXPECT_EQ(float_repr(x), c.repr) << std::hex << c.bits;
    EXPECT_EQ(repr(float_new(x)), c.repr);
    if (!std::isnan(x)) {
      EXPECT_EQ(float_hash(x), c.hash) << c.repr;
    }
  }
}

TEST_F(FloatTest, HashMatchesIntHashForIntegralValues) {
  for (double d : {0.0, 1.0, -1.0, 2.0 * (1LL << 61), -1e300, 4611686018427387904.0}) {
    EXPECT_EQ(float_hash(d), int_hash(int_from_double(d))) << d;
  }
}

TEST_F(FloatTest, Format) {
  for (const FloatFormatCase& c : kFloatFormatCases) {
    EXPECT_EQ(outcome([&] { return float_format(D(c.bits), c.spec); }), c.expected)
        << "format(" << float_repr(D(c.bits)) << ", '" << c.spec << "')";
  }
}

TEST_F(FloatTest, Parse) {
  for (const FloatParseCase& c : kFloatParseCases) {
    EXPECT_EQ(outcome([&] { return float_from_string(c.text); }), c.expected)
        << "float('" << c.text << "')";
  }
}

TEST_F(FloatTest, BinaryOperations) {
  for (const FloatBinCase& c : kFloatBinCases) {
    EXPECT_EQ(outcome([&] { return float_binary(float_new(D(c.a)), float_new(D(c.b)), c.op); }),
              c.expected)
        << float_repr(D(c.a)) << " op" << c.op << " " << float_repr(D(c.b));
  }
  // Mixed with ints.
  EXPECT_EQ(outcome([] { return float_binary(Value::small(1), float_new(0.5), 0); }), "1.5");
  EXPECT_EQ(outcome([] {
              return float_binary(float_new(1.0), int_from_string("1" + std::string(400, '0'), 10),
                                  5);
            }),
            "OverflowError: int too large to convert to float");
  EXPECT_EQ(float_binary(float_new(1.0), Value(str_new("x")), 0), not_implemented());
}

TEST_F(FloatTest, Round) {
  static Str* round_name = intern("__round__");
  for (const FloatRoundCase& c : kFloatRoundCases) {
    Value arg = Value::small(c.ndigits);
    EXPECT_EQ(outcome([&] { return py_call_method(float_new(D(c.bits)), round_name, &arg, 1); }),
              c.expected)
        << "round(" << float_repr(D(c.bits)) << ", " << c.ndigits << ")";
  }
  EXPECT_EQ(outcome([] { return py_call_method(float_new(2.5), round_name, nullptr, 0); }), "2");
  EXPECT_EQ(outcome([] { return py_call_method(float_new(-3.5), round_name, nullptr, 0); }), "-4");
}

TEST_F(FloatTest, CompareIntDouble) {
  for (const IntFloatCompareCase& c : kIntFloatCompareCases) {
    EXPECT_EQ(compare_int_double(int_from_string(c.i, 10), D(c.d)), c.expected)
        << c.i << " vs " << float_repr(D(c.d));
  }
  EXPECT_EQ(compare_int_double(Value::small(1), NAN), 2);
}

TEST_F(FloatTest, DoubleToString) {
  EXPECT_EQ(double_to_string(1.5, 'f', 3), "1.500");
  EXPECT_EQ(double_to_string(-0.0, 'g', 6), "-0");
  EXPECT_EQ(double_to_string(1e20, 'G', 3, true), "+1E+20");
  EXPECT_EQ(double_to_string(0.5, 'e', 0, false, false, true), "5.e-01");
  EXPECT_EQ(double_to_string(INFINITY, 'F', 2), "INF");
}

}  // namespace
}  // namespace kestrel
