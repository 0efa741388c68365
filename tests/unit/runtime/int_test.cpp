// Unit tests for int (small/big boundary, arithmetic, parsing, hashing,
// formatting). Expected values come from CPython 3.11 via number_test_gen.py.
#include "runtime/int.h"

#include <gtest/gtest.h>

#include <string>

#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/protocol.h"
#include "runtime/runtime.h"
#include "runtime/str.h"

namespace kestrel {
namespace {

#include "int_test_cases.inc"

class IntTest : public ::testing::Test {
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

Value N(const char* text) { return int_from_string(text, 10); }

TEST_F(IntTest, SmallBigBoundaryNormalises) {
  EXPECT_TRUE(N("4611686018427387903").is_small());
  EXPECT_FALSE(N("4611686018427387904").is_small());
  EXPECT_TRUE(N("-4611686018427387904").is_small());
  EXPECT_FALSE(N("-4611686018427387905").is_small());
  Value big = N("4611686018427387904");
  EXPECT_TRUE(int_sub_slow(big, Value::small(1)).is_small());
  EXPECT_TRUE(int_binary(N("340282366920938463463374607431768211456"),
                         N("340282366920938463463374607431768211455"), 10)
                  .is_small());
  EXPECT_FALSE(int_add_slow(Value::small(Value::kSmallMax), Value::small(1)).is_small());
  EXPECT_EQ(repr(int_add_slow(Value::small(Value::kSmallMax), Value::small(1))),
            "4611686018427387904");
  EXPECT_EQ(repr(int_mul_slow(Value::small(Value::kSmallMin), Value::small(-1))),
            "4611686018427387904");
  EXPECT_EQ(repr(int_from_i64(INT64_MIN)), "-9223372036854775808");
  EXPECT_EQ(repr(int_from_u64(UINT64_MAX)), "18446744073709551615");
  EXPECT_TRUE(int_from_double(4611686018427387904.0 - 1024).is_small());
  EXPECT_EQ(repr(int_from_double(-1e20)), "-100000000000000000000");
  EXPECT_EQ(repr(int_negative(N("-4611686018427387904"))), "4611686018427387904");
}

TEST_F(IntTest, BinaryOperations) {
  int n = 0;
  for (const IntBinCase& c : kIntBinCases) {
    std::string got = outcome([&] { return int_binary(N(c.a), N(c.b), c.op); });
    EXPECT_EQ(got, c.expected) << c.a << " op" << c.op << " " << c.b;
    // The in-place form behaves the same.
    if (n++ % 7 == 0) {
      EXPECT_EQ(outcome([&] { return int_binary(N(c.a), N(c.b), c.op + 13); }), c.expected);
    }
  }
}

TEST_F(IntTest, PowMod) {
  for (const IntPowModCase& c : kIntPowModCases) {
    EXPECT_EQ(outcome([&] { return int_power(N(c.a), N(c.e), N(c.m)); }), c.expected)
        << "pow(" << c.a << ", " << c.e << ", " << c.m << ")";
  }
}

TEST_F(IntTest, Hash) {
  for (const IntHashCase& c : kIntHashCases) EXPECT_EQ(int_hash(N(c.v)), c.hash) << c.v;
  EXPECT_EQ(int_hash(Value(true_object)), 1);
  EXPECT_EQ(int_hash(Value(false_object)), 0);
}

TEST_F(IntTest, Parse) {
  for (const IntParseCase& c : kIntParseCases) {
    EXPECT_EQ(outcome([&] { return int_from_string(c.text, c.base); }), c.expected)
        << "int(" << c.text << ", " << c.base << ")";
  }
}

TEST_F(IntTest, Format) {
  for (const IntFormatCase& c : kIntFormatCases) {
    EXPECT_EQ(outcome([&] { return int_format(N(c.v), c.spec); }), c.expected)
        << "format(" << c.v << ", '" << c.spec << "')";
  }
}

TEST_F(IntTest, ConversionsAndCompare) {
  EXPECT_EQ(int_to_decimal(N("-123456789012345678901234567890")),
            "-123456789012345678901234567890");
  EXPECT_EQ(int_to_base(N("-255"), 16, true), "-0xff");
  EXPECT_EQ(int_to_base(N("5"), 2, true), "0b101");
  EXPECT_EQ(int_to_base(N("8"), 8, false), "10");
  EXPECT_EQ(int_compare(N("-99999999999999999999"), N("3")), -1);
  EXPECT_EQ(int_compare(N("99999999999999999999"), N("99999999999999999999")), 0);
  EXPECT_EQ(int_sign(N("-99999999999999999999")), -1);
  int64_t x;
  EXPECT_TRUE(int_to_i64(N("9223372036854775807"), &x));
  EXPECT_EQ(x, INT64_MAX);
  EXPECT_FALSE(int_to_i64(N("9223372036854775808"), &x));
  EXPECT_EQ(int_to_double(N("9007199254740993")), 9007199254740992.0);  // ties to even
  EXPECT_EQ(int_to_double(N("9007199254740995")), 9007199254740996.0);
  EXPECT_EQ(outcome([] {
              return float_new(int_to_double(int_binary(Value::small(1), Value::small(1024), 3)));
            }),
            "OverflowError: int too large to convert to float");
  EXPECT_EQ(outcome([] { return int_from_double(0.0 / 0.0); }),
            "ValueError: cannot convert float NaN to integer");
  EXPECT_EQ(outcome([] {
              return Value(str_new(
                  int_to_decimal(int_power(Value::small(10), Value::small(5000), Value()))));
            }),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
            "sys.set_int_max_str_digits() to increase the limit");
}

TEST_F(IntTest, Methods) {
  for (const IntMethodCase& c : kIntMethodCases) {
    Value v = N(c.v);
    EXPECT_EQ(repr(py_call_method(v, intern("bit_length"), nullptr, 0)),
              std::to_string(c.bit_length));
    EXPECT_EQ(repr(py_call_method(v, intern("bit_count"), nullptr, 0)),
              std::to_string(c.bit_count));
  }
}

}  // namespace
}  // namespace kestrel
