// Tests of redundant-guard removal (guards.cpp).
#include "opt_test_util.h"

namespace kestrel::jit::opt::test {
namespace {

TEST(OptGuardsTest, SmallIntGuardsOnKnownSmallIntsGo) {
  expect_pass(remove_redundant_guards, R"(
snap 0 frames=1
snap 1 frames=2
0000 ref  LOADSLOT   0
0001 ---  GUARD_SMALLINT 0000  [snap 0]
0002 ---  GUARD_SMALLINT 0000  [snap 1]
0003 int  UNTAG      0000
0004 ref  TAG        0003
0005 ---  GUARD_SMALLINT 0004  [snap 1]
0006 ref  TAGOV      0003  [snap 1]
0007 ---  GUARD_SMALLINT 0006  [snap 1]
0008 ---  GUARD_NE   0000 @0x0  [snap 1]
0009 ---  GUARD_NE   0000 @0x7f00  [snap 1]
0010 ---  GUARD_NE   0000 @0xb  [snap 1]
0011 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1
snap 1 frames=2
0000 ref  LOADSLOT   0
0001 ---  GUARD_SMALLINT 0000  [snap 0]
0002 int  UNTAG      0000
0003 ref  TAGOV      0002  [snap 1]
0004 ---  GUARD_NE   0000 @0xb  [snap 1]
0005 ---  EXIT  [snap 0]
)",
              {{small(5)}, {16}, {0}});  // @0x7f00 (even) is no small int; @0xb is 5
}

// Memory word 0 is the class word of the object at kMem.
const std::vector<uint64_t> kObject = {0x1230, 7, 8};

TEST(OptGuardsTest, ClassGuardsRepeatAndNullChecksGo) {
  // An object is never 0 or a small int (@0x7); it may be the object @0x1230.
  expect_pass(remove_redundant_guards, R"(
snap 0 frames=1
snap 1 frames=2
snap 2 frames=3
0000 ref  LOADSLOT   0
0001 ---  GUARD_CLASS 0000 @0x1230  [snap 0]
0002 ---  GUARD_CLASS 0000 @0x1230  [snap 1]
0003 ---  GUARD_NE   0000 @0x0  [snap 1]
0004 ---  GUARD_NE   @0x0 0000  [snap 1]
0005 ---  GUARD_NE   0000 @0x7  [snap 1]
0006 ---  GUARD_NE   0000 @0x1230  [snap 1]
0007 ---  GUARD_CLASS 0000 @0x4560  [snap 2]
0008 ---  EXIT  [snap 1]
)",
              R"(
snap 0 frames=1
snap 1 frames=2
snap 2 frames=3
0000 ref  LOADSLOT   0
0001 ---  GUARD_CLASS 0000 @0x1230  [snap 0]
0002 ---  GUARD_NE   0000 @0x1230  [snap 1]
0003 ---  GUARD_CLASS 0000 @0x4560  [snap 2]
0004 ---  EXIT  [snap 1]
)",
              {{kMem}, {small(3)}}, kObject);
}

// Slot 0 = a, slot 1 = b (small ints).
const std::vector<std::vector<uint64_t>> kPairs = {
    {small(1), small(2)}, {small(2), small(1)}, {small(3), small(3)}, {small(-4), small(9)}};

TEST(OptGuardsTest, InverseMirroredAndWeakerComparesAreImplied) {
  expect_pass(remove_redundant_guards, R"(
snap 0 frames=1
snap 1 frames=2
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 int  UNTAG      0000
0003 int  UNTAG      0001
0004 int  LT         0002 0003
0005 ---  GUARD_FALSE 0004  [snap 0]
0006 int  GE         0002 0003
0007 ---  GUARD_TRUE 0006  [snap 1]
0008 int  LE         0003 0002
0009 ---  GUARD_TRUE 0008  [snap 1]
0010 int  GT         0003 0002
0011 ---  GUARD_FALSE 0010  [snap 1]
0012 ---  GUARD_FALSE 0004  [snap 1]
0013 int  GT         0002 0003
0014 ---  GUARD_TRUE 0013  [snap 1]
0015 int  NE         0003 0002
0016 ---  GUARD_TRUE 0015  [snap 1]
0017 ---  GUARD_NE   0002 0003  [snap 1]
0018 int  EQ         0002 0003
0019 ---  GUARD_FALSE 0018  [snap 1]
0020 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1
snap 1 frames=2
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 int  UNTAG      0000
0003 int  UNTAG      0001
0004 int  LT         0002 0003
0005 ---  GUARD_FALSE 0004  [snap 0]
0006 int  GT         0002 0003
0007 ---  GUARD_TRUE 0006  [snap 1]
0008 ---  EXIT  [snap 0]
)",
              kPairs);
}

TEST(OptGuardsTest, FloatComparesDoNotInvertBecauseOfNaN) {
  // not (x < y) does not give x >= y (NaN); x < y does give y > x and x <= y.
  expect_pass(remove_redundant_guards, R"(
snap 0 frames=1
snap 1 frames=2
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 int  UNTAG      0000
0003 int  UNTAG      0001
0004 dbl  BITSD      0002
0005 dbl  BITSD      0003
0006 int  FLT        0004 0005
0007 ---  GUARD_FALSE 0006  [snap 0]
0008 int  FGE        0004 0005
0009 ---  GUARD_TRUE 0008  [snap 1]
0010 int  FLE        0004 0005
0011 ---  GUARD_TRUE 0010  [snap 1]
0012 int  FGE        0005 0004
0013 ---  GUARD_TRUE 0012  [snap 1]
0014 int  FNE        0004 0005
0015 ---  GUARD_TRUE 0014  [snap 1]
0016 int  FEQ        0005 0004
0017 ---  GUARD_FALSE 0016  [snap 1]
0018 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1
snap 1 frames=2
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 int  UNTAG      0000
0003 int  UNTAG      0001
0004 dbl  BITSD      0002
0005 dbl  BITSD      0003
0006 int  FLT        0004 0005
0007 ---  GUARD_FALSE 0006  [snap 0]
0008 int  FGE        0004 0005
0009 ---  GUARD_TRUE 0008  [snap 1]
0010 int  FLE        0004 0005
0011 ---  GUARD_TRUE 0010  [snap 1]
0012 int  FNE        0004 0005
0013 ---  GUARD_TRUE 0012  [snap 1]
0014 ---  EXIT  [snap 0]
)",
              // UNTAG shifts right arithmetically: these words untag to -NaN and 1.0.
              {{small(1), small(2)},
               {0xfff0000000000000, 0xfff0000000000000},
               {0x7fe0000000000000, 0x7fe0000000000000}});
}

TEST(OptGuardsTest, EqualityGuardsAndTrueFalseGuardsAgree) {
  expect_pass(remove_redundant_guards, R"(
snap 0 frames=1
snap 1 frames=2
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 ---  GUARD_EQ   0000 0001  [snap 0]
0003 int  EQ         0001 0000
0004 ---  GUARD_TRUE 0003  [snap 1]
0005 ---  GUARD_EQ   0001 0000  [snap 1]
0006 int  NE         0000 0001
0007 ---  GUARD_FALSE 0006  [snap 1]
0008 ---  GUARD_EQ   0000 0000  [snap 1]
0009 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1
snap 1 frames=2
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 ---  GUARD_EQ   0000 0001  [snap 0]
0003 ---  EXIT  [snap 0]
)",
              {{small(1), small(1)}, {small(1), small(2)}});
}

TEST(OptGuardsTest, RepeatedOverflowOpsReuseTheFirstResult) {
  expect_pass(remove_redundant_guards, R"(
snap 0 frames=1
snap 1 frames=2 0.0=0003 0.1=0004 0.2=0005 0.3=0006 0.4=0007
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 int  UNTAG      0000
0003 int  ADDOV      0001 0002  [snap 0]
0004 int  ADDOV      0002 0001  [snap 0]
0005 int  SUBOV      0001 0002  [snap 0]
0006 int  SUBOV      0002 0001  [snap 0]
0007 int  MULOV      0003 0003  [snap 0]
0008 int  MULOV      0003 0003  [snap 0]
0009 ---  GUARD_TRUE 0008  [snap 0]
0010 ---  EXIT  [snap 1]
)",
              R"(
snap 0 frames=1
snap 1 frames=2 0.0=0003 0.1=0003 0.2=0004 0.3=0005 0.4=0006
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 int  UNTAG      0000
0003 int  ADDOV      0001 0002  [snap 0]
0004 int  SUBOV      0001 0002  [snap 0]
0005 int  SUBOV      0002 0001  [snap 0]
0006 int  MULOV      0003 0003  [snap 0]
0007 ---  GUARD_TRUE 0006  [snap 0]
0008 ---  EXIT  [snap 1]
)",
              {{small(3)}, {small(0)}, {small(int64_t(1) << 40)}});
}

TEST(OptGuardsTest, RetaggingAKnownSmallIntGivesItBack) {
  // 0004 retags a checked small int: it is 0000. 0006 retags an unchecked
  // word (bit 0 may be clear): it stays.
  expect_pass(remove_redundant_guards, R"(
snap 0 frames=1
snap 1 frames=2 0.0=0004 0.1=0006
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 ---  GUARD_SMALLINT 0000  [snap 0]
0003 int  UNTAG      0000
0004 ref  TAG        0003
0005 int  UNTAG      0001
0006 ref  TAG        0005
0007 ---  EXIT  [snap 1]
)",
              R"(
snap 0 frames=1
snap 1 frames=2 0.0=0000 0.1=0004
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 ---  GUARD_SMALLINT 0000  [snap 0]
0003 int  UNTAG      0001
0004 ref  TAG        0003
0005 ---  EXIT  [snap 1]
)",
              {{small(5), 8}, {small(-1), small(3)}});
}

// After peeling and CSE (see OptCseTest), the body re-checks n's tag on the
// preamble's ref: the preamble's guard covers it. The bound check on the
// loop-carried i stays: a different ref in every iteration.
TEST(OptGuardsTest, BodyGuardImpliedByPreambleGuardGoes) {
  expect_pass(remove_redundant_guards, R"(
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
0015 int  PHI        0013 0022
0016 int  PHI        0012 0021
0017 ---  GUARD_SMALLINT 0001  [snap 3]
0018 int  LT         0015 0007
0019 ---  GUARD_TRUE 0018  [snap 3]
0020 int  MULOV      0015 0015  [snap 3]
0021 int  ADDOV      0016 0020  [snap 3]
0022 int  ADDOV      0015 #1  [snap 3]
0023 ---  JUMP
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
              {{small(0), small(100), small(0)},
               {small(7), small(3), small(0)},
               {small(0), 8, small(0)},
               {small(int64_t(1) << 31), small(int64_t(1) << 40), small(0)}});
}

}  // namespace
}  // namespace kestrel::jit::opt::test
