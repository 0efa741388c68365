// Tests of integer range analysis and overflow-check narrowing (intbounds.cpp).
#include "opt_test_util.h"

namespace kestrel::jit::opt::test {
namespace {

const std::vector<std::vector<uint64_t>> kEdgeInts = {
    {small(0), small(1)},
    {small(Value::kSmallMax), small(Value::kSmallMax)},
    {small(Value::kSmallMin), small(Value::kSmallMax)},
    {small(-12345), small(999)}};

TEST(OptIntBoundsTest, UntaggedOperandsAddAndSubtractWithoutOverflow) {
  // UNTAG is in [-2**62, 2**62): a sum or difference of two fits int64, a
  // product does not.
  expect_pass(narrow_overflow_checks, R"(
snap 0 frames=1
snap 1 frames=2 0.0=0004 0.1=0005 0.2=0006
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 int  UNTAG      0000
0003 int  UNTAG      0001
0004 int  ADDOV      0002 0003  [snap 0]
0005 int  SUBOV      0002 0003  [snap 0]
0006 int  MULOV      0002 0003  [snap 0]
0007 ---  EXIT  [snap 1]
)",
              R"(
snap 0 frames=1
snap 1 frames=2 0.0=0004 0.1=0005 0.2=0006
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 int  UNTAG      0000
0003 int  UNTAG      0001
0004 int  ADD        0002 0003
0005 int  SUB        0002 0003
0006 int  MULOV      0002 0003  [snap 0]
0007 ---  EXIT  [snap 1]
)",
              kEdgeInts);
}

TEST(OptIntBoundsTest, MasksAndShiftsBoundValues) {
  expect_pass(narrow_overflow_checks, R"(
snap 0 frames=1
snap 1 frames=2 0.0=0003 0.1=0005 0.2=0007 0.3=0008 0.4=0010 0.5=0011
0000 ref  LOADSLOT   0
0001 dbl  LOAD       0000 0
0002 int  D2I        0001
0003 int  AND        0002 #255
0004 int  SAR        0002 #40
0005 int  MULOV      0004 0004  [snap 0]
0006 int  SHR        0002 #2
0007 int  ADDOV      0006 #1  [snap 0]
0008 int  MULOV      0003 #1000000  [snap 0]
0009 int  OR         0003 #256
0010 ref  TAGOV      0009  [snap 0]
0011 int  ADDOV      0002 #1  [snap 0]
0012 ---  EXIT  [snap 1]
)",
              R"(
snap 0 frames=1
snap 1 frames=2 0.0=0003 0.1=0005 0.2=0007 0.3=0008 0.4=0010 0.5=0011
0000 ref  LOADSLOT   0
0001 dbl  LOAD       0000 0
0002 int  D2I        0001
0003 int  AND        0002 #255
0004 int  SAR        0002 #40
0005 int  MUL        0004 0004
0006 int  SHR        0002 #2
0007 int  ADD        0006 #1
0008 int  MUL        0003 #1000000
0009 int  OR         0003 #256
0010 ref  TAG        0009
0011 int  ADDOV      0002 #1  [snap 0]
0012 ---  EXIT  [snap 1]
)",
              {{kMem}}, {0x43dfffffffffffff});  // the largest double below 2**63
}

TEST(OptIntBoundsTest, DominatingCompareGuardsBoundValues) {
  // After 0 <= x < 1000, x*x and x+1 cannot overflow and x < 2000 holds.
  expect_pass(narrow_overflow_checks, R"(
snap 0 frames=1
snap 1 frames=2
snap 2 frames=3 0.0=0005 0.1=0008
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 int  MULOV      0001 0001  [snap 0]
0003 int  LT         0001 #1000
0004 ---  GUARD_TRUE 0003  [snap 0]
0005 int  MULOV      0001 0001  [snap 0]
0006 int  LT         0001 #0
0007 ---  GUARD_FALSE 0006  [snap 1]
0008 int  MULOV      0001 0001  [snap 1]
0009 int  LT         0001 #2000
0010 ---  GUARD_TRUE 0009  [snap 1]
0011 int  GT         0001 #998
0012 ---  GUARD_TRUE 0011  [snap 1]
0013 ---  EXIT  [snap 2]
)",
              R"(
snap 0 frames=1
snap 1 frames=2
snap 2 frames=3 0.0=0005 0.1=0008
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 int  MULOV      0001 0001  [snap 0]
0003 int  LT         0001 #1000
0004 ---  GUARD_TRUE 0003  [snap 0]
0005 int  MULOV      0001 0001  [snap 0]
0006 int  LT         0001 #0
0007 ---  GUARD_FALSE 0006  [snap 1]
0008 int  MUL        0001 0001
0009 int  GT         0001 #998
0010 ---  GUARD_TRUE 0009  [snap 1]
0011 ---  EXIT  [snap 2]
)",
              {{small(5)}, {small(999)}, {small(-3)}, {small(int64_t(1) << 40)}, {small(1000)}});
}

TEST(OptIntBoundsTest, UnsignedBoundsCheckGivesANonNegativeIndex) {
  // i <u len with len >= 0 gives 0 <= i < len.hi: i + 1 cannot overflow.
  expect_pass(narrow_overflow_checks, R"(
snap 0 frames=1
snap 1 frames=2 0.0=0006
0000 ref  LOADSLOT   0
0001 int  LOAD       0000 0
0002 int  LOAD       0000 8
0003 int  SHR        0002 #1
0004 int  ULT        0001 0003
0005 ---  GUARD_TRUE 0004  [snap 0]
0006 int  ADDOV      0001 #1  [snap 0]
0007 ---  EXIT  [snap 1]
)",
              R"(
snap 0 frames=1
snap 1 frames=2 0.0=0006
0000 ref  LOADSLOT   0
0001 int  LOAD       0000 0
0002 int  LOAD       0000 8
0003 int  SHR        0002 #1
0004 int  ULT        0001 0003
0005 ---  GUARD_TRUE 0004  [snap 0]
0006 int  ADD        0001 #1
0007 ---  EXIT  [snap 1]
)",
              {{kMem}}, {uint64_t(INT64_MAX) - 1, ~uint64_t(0)});
}

// The seed's loop after peeling, CSE and guard removal. The range check
// i < n bounds i by n - 1 <= 2**62 - 2, so both i + 1 become plain adds;
// i*i and total + i*i keep their overflow checks.
TEST(OptIntBoundsTest, SumOfSquaresLoopCounterNeedsNoOverflowCheck) {
  expect_pass(narrow_overflow_checks, R"(
snap 0 frames=10
snap 1 frames=10 0.0=0000 0.2=0002
snap 2 frames=10 0.0=0006 0.2=0008
snap 3 frames=10 0.0=0015 0.2=0016
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 ref  LOADSLOT   2
0003 ---  GUARD_SMALLINT 0000  [snap 0]
0004 ---  GUARD_SMALLINT 0001  [snap 0]
0005 ---  GUARD_SMALLINT 0002  [snap 0]
0006 int  UNTAG      0000
0007 int  UNTAG      0001
0008 int  UNTAG      0002
0009 int  LT         0006 0007
0010 ---  GUARD_TRUE 0009  [snap 1]
0011 int  MULOV      0006 0006  [snap 2]
0012 int  ADDOV      0008 0011  [snap 2]
0013 int  ADDOV      0006 #1  [snap 2]
0014 ---  LOOP
0015 int  PHI        0013 0021
0016 int  PHI        0012 0020
0017 int  LT         0015 0007
0018 ---  GUARD_TRUE 0017  [snap 3]
0019 int  MULOV      0015 0015  [snap 3]
0020 int  ADDOV      0016 0019  [snap 3]
0021 int  ADDOV      0015 #1  [snap 3]
0022 ---  JUMP
)",
              R"(
snap 0 frames=10
snap 1 frames=10 0.0=0000 0.2=0002
snap 2 frames=10 0.0=0006 0.2=0008
snap 3 frames=10 0.0=0015 0.2=0016
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 ref  LOADSLOT   2
0003 ---  GUARD_SMALLINT 0000  [snap 0]
0004 ---  GUARD_SMALLINT 0001  [snap 0]
0005 ---  GUARD_SMALLINT 0002  [snap 0]
0006 int  UNTAG      0000
0007 int  UNTAG      0001
0008 int  UNTAG      0002
0009 int  LT         0006 0007
0010 ---  GUARD_TRUE 0009  [snap 1]
0011 int  MULOV      0006 0006  [snap 2]
0012 int  ADDOV      0008 0011  [snap 2]
0013 int  ADD        0006 #1
0014 ---  LOOP
0015 int  PHI        0013 0021
0016 int  PHI        0012 0020
0017 int  LT         0015 0007
0018 ---  GUARD_TRUE 0017  [snap 3]
0019 int  MULOV      0015 0015  [snap 3]
0020 int  ADDOV      0016 0019  [snap 3]
0021 int  ADD        0015 #1
0022 ---  JUMP
)",
              {{small(0), small(100), small(0)},
               {small(7), small(3), small(0)},
               {small(int64_t(1) << 31), small(int64_t(1) << 40), small(0)},
               {small(Value::kSmallMax - 3), small(Value::kSmallMax), small(0)},
               {small(0), small(5000), small(Value::kSmallMax)}});
}

TEST(OptIntBoundsTest, InductionVariableRangeReachesCodeBeforeTheGuard) {
  // i counts 0, 1, ... and exits at i >= 100; i*1000 is computed before the
  // check, so only the induction range (i in [0, 100]) bounds it.
  expect_pass(narrow_overflow_checks, R"(
snap 0 frames=1 0.0=0001 0.1=0002
0000 ---  LOOP
0001 int  PHI        #0 0005
0002 int  PHI        #0 0003
0003 int  MULOV      0001 #1000  [snap 0]
0004 int  LT         0001 #100
0005 int  ADDOV      0001 #1  [snap 0]
0006 ---  GUARD_TRUE 0004  [snap 0]
0007 ---  JUMP
)",
              R"(
snap 0 frames=1 0.0=0001 0.1=0002
0000 ---  LOOP
0001 int  PHI        #0 0005
0002 int  PHI        #0 0003
0003 int  MULOV      0001 #1000  [snap 0]
0004 int  LT         0001 #100
0005 int  ADDOV      0001 #1  [snap 0]
0006 ---  GUARD_TRUE 0004  [snap 0]
0007 ---  JUMP
)",
              {{}});
  // With the check before the increment, both become plain ops.
  expect_pass(narrow_overflow_checks, R"(
snap 0 frames=1 0.0=0001 0.1=0002
0000 ---  LOOP
0001 int  PHI        #0 0006
0002 int  PHI        #0 0003
0003 int  MULOV      0001 #1000  [snap 0]
0004 int  LT         0001 #100
0005 ---  GUARD_TRUE 0004  [snap 0]
0006 int  ADDOV      0001 #1  [snap 0]
0007 ---  JUMP
)",
              R"(
snap 0 frames=1 0.0=0001 0.1=0002
0000 ---  LOOP
0001 int  PHI        #0 0006
0002 int  PHI        #0 0003
0003 int  MUL        0001 #1000
0004 int  LT         0001 #100
0005 ---  GUARD_TRUE 0004  [snap 0]
0006 int  ADD        0001 #1
0007 ---  JUMP
)",
              {{}});
}

TEST(OptIntBoundsTest, DecreasingCounter) {
  // j counts down from n (< 2**62) while j > 0: j - 1 and j * 2 cannot overflow.
  expect_pass(narrow_overflow_checks, R"(
snap 0 frames=1 0.0=0003
snap 1 frames=1 0.0=0003 0.1=0004
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 ---  LOOP
0003 int  PHI        0001 0007
0004 int  MULOV      0003 #2  [snap 0]
0005 int  GT         0003 #0
0006 ---  GUARD_TRUE 0005  [snap 1]
0007 int  SUBOV      0003 #1  [snap 0]
0008 ---  JUMP
)",
              R"(
snap 0 frames=1 0.0=0003
snap 1 frames=1 0.0=0003 0.1=0004
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 ---  LOOP
0003 int  PHI        0001 0007
0004 int  MUL        0003 #2
0005 int  GT         0003 #0
0006 ---  GUARD_TRUE 0005  [snap 1]
0007 int  SUB        0003 #1
0008 ---  JUMP
)",
              {{small(10)}, {small(-5)}, {small(Value::kSmallMax)}});
}

}  // namespace
}  // namespace kestrel::jit::opt::test
