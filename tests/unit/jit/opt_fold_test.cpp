// Tests of constant folding and algebraic simplification (fold.cpp).
#include <bit>
#include <cmath>
#include <limits>

#include "opt_test_util.h"

namespace kestrel::jit::opt::test {
namespace {

TEST(OptFoldTest, IntegerConstantsFoldAndWrapLikeTheEvaluator) {
  expect_pass(fold_constants, R"(
snap 0 frames=1 0.0=0000 0.1=0001 0.2=0002 0.3=0003 0.4=0004 0.5=0005 0.6=0006 0.7=0007 0.8=0008 0.9=0009
0000 int  ADD        #9223372036854775807 #1
0001 int  SUB        #3 #10
0002 int  MUL        #4611686018427387904 #4
0003 int  SHL        #1 #65
0004 int  SAR        #-16 #2
0005 int  SHR        #-16 #60
0006 int  AND        #12 #10
0007 int  XOR        #12 #10
0008 int  NEG        #-9223372036854775808
0009 int  NOT        #0
0010 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1 0.0=#-9223372036854775808 0.1=#-7 0.2=#0 0.3=#2 0.4=#-4 0.5=#15 0.6=#8 0.7=#6 0.8=#-9223372036854775808 0.9=#-1
0000 ---  EXIT  [snap 0]
)");
}

TEST(OptFoldTest, ComparesTagsAndConversionsFold) {
  expect_pass(fold_constants, R"(
snap 0 frames=1 0.0=0000 0.1=0001 0.2=0002 0.3=0003 0.4=0004 0.5=0005 0.6=0006 0.7=0007
0000 int  LT         #-1 #1
0001 int  ULT        #-1 #1
0002 int  EQ         @0x10 @0x10
0003 ref  TAG        #5
0004 int  UNTAG      @0xb
0005 int  D2I        #1e+300
0006 int  D2I        #-2.75
0007 dbl  I2D        #9007199254740993
0008 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1 0.0=#1 0.1=#0 0.2=#1 0.3=@0xb 0.4=#5 0.5=#-9223372036854775808 0.6=#-2 0.7=#9007199254740992.0
0000 ---  EXIT  [snap 0]
)");
}

TEST(OptFoldTest, DoubleConstantsFoldBitExactly) {
  Trace t = run_pass(R"(
snap 0 frames=1 0.0=0000 0.1=0001 0.2=0002 0.3=0003 0.4=0004 0.5=0005
0000 dbl  FADD       #0.1 #0.2
0001 dbl  FDIV       #1.0 #0.0
0002 dbl  FMUL       #-0.0 #5.0
0003 int  FEQ        #nan(0x7ff8000000000000) #nan(0x7ff8000000000000)
0004 int  FNE        #nan(0x7ff8000000000000) #1.0
0005 dbl  FNEG       #nan(0x7ff8000000000001)
0006 ---  EXIT  [snap 0]
)",
                     fold_constants);
  auto e = t.snapshots().entries(0);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t.constant(e[0].ref).bits, std::bit_cast<uint64_t>(0.1 + 0.2));
  EXPECT_EQ(t.constant(e[1].ref).as_dbl(), std::numeric_limits<double>::infinity());
  EXPECT_EQ(t.constant(e[2].ref).bits, std::bit_cast<uint64_t>(-0.0));
  EXPECT_EQ(t.constant(e[3].ref).as_int(), 0);
  EXPECT_EQ(t.constant(e[4].ref).as_int(), 1);
  EXPECT_EQ(t.constant(e[5].ref).bits, 0xfff8000000000001u);  // the sign flips, the payload stays
}

TEST(OptFoldTest, OverflowOpsFoldOnlyWithoutOverflow) {
  expect_pass(fold_constants, R"(
snap 0 frames=1
snap 1 frames=2 0.0=0000 0.1=0002
0000 int  ADDOV      #40 #2  [snap 0]
0001 int  MULOV      #4611686018427387904 #2  [snap 0]
0002 int  SUBOV      #-9223372036854775807 #1  [snap 0]
0003 ref  TAGOV      #4611686018427387904  [snap 0]
0004 ---  EXIT  [snap 1]
)",
              R"(
snap 0 frames=1
snap 1 frames=2 0.0=#42 0.1=#-9223372036854775808
0000 int  MULOV      #4611686018427387904 #2  [snap 0]
0001 ref  TAGOV      #4611686018427387904  [snap 0]
0002 ---  EXIT  [snap 1]
)");
}

TEST(OptFoldTest, GuardsOnConstantsGoWhenTheyHoldAndStayWhenTheyFail) {
  expect_pass(fold_constants, R"(
snap 0 frames=1
snap 1 frames=2
0000 int  LT         #1 #2
0001 ---  GUARD_TRUE 0000  [snap 0]
0002 ---  GUARD_FALSE #0  [snap 0]
0003 ---  GUARD_SMALLINT @0x7  [snap 0]
0004 ---  GUARD_EQ   #3 #3  [snap 0]
0005 ---  GUARD_NE   @0x8 @0x10  [snap 0]
0006 ---  GUARD_TRUE #0  [snap 1]
0007 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1
snap 1 frames=2
0000 ---  GUARD_TRUE #0  [snap 1]
0001 ---  EXIT  [snap 0]
)");
}

// Slot 0 = x (a small int), slot 1 = y.
const std::vector<std::vector<uint64_t>> kTwoInts = {
    {small(0), small(1)},
    {small(-5), small(7)},
    {small(Value::kSmallMax), small(-3)},
    {small(Value::kSmallMin), small(Value::kSmallMin)}};

TEST(OptFoldTest, AlgebraicIdentities) {
  expect_pass(fold_constants, R"(
snap 0 frames=1 0.0=0002 0.1=0003 0.2=0004 0.3=0005 0.4=0006 0.5=0007 0.6=0008 0.7=0009 0.8=0010 0.9=0011 0.10=0012 0.11=0013 0.12=0014 0.13=0015 0.14=0016 0.15=0017
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 int  ADD        #0 0001
0003 int  MUL        0001 #1
0004 int  MUL        #0 0001
0005 int  SUB        0001 0001
0006 int  AND        0001 #0
0007 int  AND        0001 #-1
0008 int  OR         0001 #0
0009 int  XOR        0001 0001
0010 int  SHL        0001 #64
0011 int  SAR        0001 #0
0012 int  NEG        0001
0013 int  NEG        0012
0014 int  LT         0001 0001
0015 int  GE         0001 0001
0016 ref  TAG        0001
0017 int  UNTAG      0016
0018 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1 0.0=0001 0.1=0001 0.2=#0 0.3=#0 0.4=#0 0.5=0001 0.6=0001 0.7=#0 0.8=0001 0.9=0001 0.10=0002 0.11=0001 0.12=#0 0.13=#1 0.14=0003 0.15=0001
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 int  NEG        0001
0003 ref  TAG        0001
0004 ---  EXIT  [snap 0]
)",
              kTwoInts);
}

TEST(OptFoldTest, RewritesToCheaperOpsAndCanonicalisesConstantsSecond) {
  expect_pass(fold_constants, R"(
snap 0 frames=1 0.0=0002 0.1=0003 0.2=0004 0.3=0005 0.4=0006 0.5=0007
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 int  SUB        #0 0001
0003 int  MUL        0001 #-1
0004 int  XOR        0001 #-1
0005 int  ADD        #7 0001
0006 int  LT         #7 0001
0007 int  ULT        #7 0001
0008 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1 0.0=0002 0.1=0003 0.2=0004 0.3=0005 0.4=0006 0.5=0007
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 int  NEG        0001
0003 int  NEG        0001
0004 int  NOT        0001
0005 int  ADD        0001 #7
0006 int  GT         0001 #7
0007 int  ULT        #7 0001
0008 ---  EXIT  [snap 0]
)",
              kTwoInts);
}

TEST(OptFoldTest, OverflowOpsWithNeutralOperandsLoseTheirGuard) {
  expect_pass(fold_constants, R"(
snap 0 frames=1
snap 1 frames=1 0.0=0002 0.1=0003 0.2=0004 0.3=0005 0.4=0006
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 int  ADDOV      #0 0001  [snap 0]
0003 int  SUBOV      0001 0001  [snap 0]
0004 int  MULOV      0001 #1  [snap 0]
0005 int  MULOV      0001 #0  [snap 0]
0006 int  SUBOV      #0 0001  [snap 0]
0007 ---  EXIT  [snap 1]
)",
              R"(
snap 0 frames=1
snap 1 frames=1 0.0=0001 0.1=#0 0.2=0001 0.3=#0 0.4=0002
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 int  SUBOV      #0 0001  [snap 0]
0003 ---  EXIT  [snap 1]
)",
              kTwoInts);
}

TEST(OptFoldTest, FloatIdentitiesThatCouldChangeABitAreLeftAlone) {
  // x*1.0 and x+0.0 change -0.0 or a signalling NaN; x==x is false for NaN.
  // Only FNEG(FNEG x) and the bit reinterpretations are simplified (the
  // second BITSD 0001 is a duplicate: CSE's job).
  expect_pass(fold_constants, R"(
snap 0 frames=1 0.0=0003 0.1=0004 0.2=0005 0.3=0007 0.4=0009
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 dbl  BITSD      0001
0003 dbl  FMUL       0002 #1.0
0004 dbl  FADD       0002 #0.0
0005 int  FEQ        0002 0002
0006 dbl  FNEG       0002
0007 dbl  FNEG       0006
0008 int  DBITS      0002
0009 dbl  BITSD      0008
0010 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1 0.0=0003 0.1=0004 0.2=0005 0.3=0002 0.4=0006
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 dbl  BITSD      0001
0003 dbl  FMUL       0002 #1.0
0004 dbl  FADD       0002 #0.0
0005 int  FEQ        0002 0002
0006 dbl  BITSD      0001
0007 ---  EXIT  [snap 0]
)",
              {{small(0)}, {small(-1)}, {small(0x3ff0000000000000 >> 2)}});
}

TEST(OptFoldTest, FoldingCascadesThroughAChain) {
  // (x - x) * 5 + 3 < 4 is true: the guard goes, and so does everything else.
  expect_pass(fold_constants, R"(
snap 0 frames=1 0.0=0000
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 int  SUB        0001 0001
0003 int  MUL        0002 #5
0004 int  ADD        0003 #3
0005 int  LT         0004 #4
0006 ---  GUARD_TRUE 0005  [snap 0]
0007 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1 0.0=0000
0000 ref  LOADSLOT   0
0001 ---  EXIT  [snap 0]
)",
              kTwoInts);
}

TEST(OptFoldTest, PhiOperandsAreRenamed) {
  // The PHI's back edge folds to the PHI itself: it is the constant #3, and
  // then the guard holds.
  expect_pass(fold_constants, R"(
snap 0 frames=1 0.0=0003
0000 int  ADD        #1 #2
0001 ---  LOOP
0002 int  PHI        0000 0004
0003 int  LT         0002 #10
0004 int  ADD        0002 #0
0005 ---  GUARD_TRUE 0003  [snap 0]
0006 ---  JUMP
)",
              R"(
snap 0 frames=1 0.0=#1
0000 ---  LOOP
0001 ---  JUMP
)",
              {{}});
}

TEST(OptFoldTest, InvariantPhisBecomeTheirEntryValue) {
  // 0003 carries 0001 around unchanged, 0004 carries itself: both are 0001
  // and #5 everywhere. 0005 really changes.
  expect_pass(fold_constants, R"(
snap 0 frames=1 0.0=0003 0.1=0004 0.2=0005
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 ---  LOOP
0003 int  PHI        0001 0001
0004 int  PHI        #5 0004
0005 int  PHI        #0 0007
0006 int  ADD        0003 0004
0007 int  ADD        0005 0006
0008 int  LT         0007 #100
0009 ---  GUARD_TRUE 0008  [snap 0]
0010 ---  JUMP
)",
              R"(
snap 0 frames=1 0.0=0001 0.1=#5 0.2=0003
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 ---  LOOP
0003 int  PHI        #0 0005
0004 int  ADD        0001 #5
0005 int  ADD        0003 0004
0006 int  LT         0005 #100
0007 ---  GUARD_TRUE 0006  [snap 0]
0008 ---  JUMP
)",
              {{small(1)}, {small(-3)}, {small(40)}});
}

TEST(OptFoldTest, UnchangedTraceReportsNoChange) {
  Trace t = parse_checked(R"(
snap 0 frames=1
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 int  ADD        0001 #1
0003 ---  GUARD_TRUE 0002  [snap 0]
0004 ---  EXIT  [snap 0]
)");
  EXPECT_FALSE(fold_constants(t));
}

}  // namespace
}  // namespace kestrel::jit::opt::test
