// Tests of common-subexpression elimination, heap forwarding and the
// loop-invariant code motion that CSE does on peeled loops (cse.cpp).
#include "opt_test_util.h"

namespace kestrel::jit::opt::test {
namespace {

int64_t helper_mix(int64_t a, int64_t b) { return a * 31 + b; }

HelperRegistry helpers() {
  HelperRegistry h;
  h.add("mix", reinterpret_cast<const void*>(&helper_mix));
  return h;
}

const std::vector<std::vector<uint64_t>> kTwoInts = {
    {small(3), small(4)}, {small(-9), small(0)}, {small(Value::kSmallMax), small(1)}};

TEST(OptCseTest, IdenticalPureOpsMergeIncludingSwappedCommutativeOperands) {
  expect_pass(eliminate_common_subexpressions, R"(
snap 0 frames=1 0.0=0004 0.1=0005 0.2=0006 0.3=0008 0.4=0009
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 int  UNTAG      0000
0003 int  UNTAG      0001
0004 int  ADD        0002 0003
0005 int  ADD        0003 0002
0006 int  SUB        0003 0002
0007 int  UNTAG      0000
0008 int  SUB        0007 0003
0009 int  SUB        0002 0003
0010 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1 0.0=0004 0.1=0004 0.2=0005 0.3=0006 0.4=0006
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 int  UNTAG      0000
0003 int  UNTAG      0001
0004 int  ADD        0002 0003
0005 int  SUB        0003 0002
0006 int  SUB        0002 0003
0007 ---  EXIT  [snap 0]
)",
              kTwoInts);
}

TEST(OptCseTest, LoadSlotsMergeAndGuardsAreNotCsesJob) {
  expect_pass(eliminate_common_subexpressions, R"(
snap 0 frames=1
snap 1 frames=2 0.0=0004
0000 ref  LOADSLOT   0
0001 ---  GUARD_SMALLINT 0000  [snap 0]
0002 ref  LOADSLOT   0
0003 ---  GUARD_SMALLINT 0002  [snap 0]
0004 int  UNTAG      0002
0005 int  ADDOV      0004 #1  [snap 1]
0006 int  ADDOV      0004 #1  [snap 1]
0007 ---  EXIT  [snap 1]
)",
              R"(
snap 0 frames=1
snap 1 frames=2 0.0=0003
0000 ref  LOADSLOT   0
0001 ---  GUARD_SMALLINT 0000  [snap 0]
0002 ---  GUARD_SMALLINT 0000  [snap 0]
0003 int  UNTAG      0000
0004 int  ADDOV      0003 #1  [snap 1]
0005 int  ADDOV      0003 #1  [snap 1]
0006 ---  EXIT  [snap 1]
)",
              {{small(1)}, {8}, {small(Value::kSmallMax)}});
}

TEST(OptCseTest, PureCallsMergeByHelperAndArgumentsEffectfulOnesNever) {
  HelperRegistry h = helpers();
  expect_pass(eliminate_common_subexpressions, R"(
snap 0 frames=1 0.0=0001 0.1=0002 0.2=0003 0.3=0004 0.4=0005
0000 int  ADD        #1 #2
0001 int  CALLP      mix 0000 #5
0002 int  CALLP      mix 0000 #5
0003 int  CALLP      mix #5 0000
0004 int  CALL       mix 0000 #5
0005 int  CALL       mix 0000 #5
0006 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1 0.0=0001 0.1=0001 0.2=0002 0.3=0003 0.4=0004
0000 int  ADD        #1 #2
0001 int  CALLP      mix 0000 #5
0002 int  CALLP      mix #5 0000
0003 int  CALL       mix 0000 #5
0004 int  CALL       mix 0000 #5
0005 ---  EXIT  [snap 0]
)",
              {{}}, {}, &h);
}

// Memory: slot 0 points at word 0 of the test memory.
const std::vector<uint64_t> kMemory = {10, 20, 30, 40, 50, 60};

TEST(OptCseTest, LoadsMergeAndStoresForwardToLoads) {
  expect_pass(eliminate_common_subexpressions, R"(
snap 0 frames=1 0.0=0001 0.1=0002 0.2=0005 0.3=0006 0.4=0008 0.5=0009
0000 ref  LOADSLOT   0
0001 int  LOAD       0000 8
0002 int  LOAD       0000 8
0003 int  ADD        0001 #1
0004 ---  STORE      0000 16 0003
0005 int  LOAD       0000 16
0006 int  LOAD       0000 8
0007 ---  STOREF     0000 24 #2.5
0008 dbl  LOAD       0000 24
0009 int  LOAD       0000 24  ; not forwarded: a double is stored there
0010 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1 0.0=0001 0.1=0001 0.2=0002 0.3=0001 0.4=#2.5 0.5=0005
0000 ref  LOADSLOT   0
0001 int  LOAD       0000 8
0002 int  ADD        0001 #1
0003 ---  STORE      0000 16 0002
0004 ---  STOREF     0000 24 #2.5
0005 int  LOAD       0000 24
0006 ---  EXIT  [snap 0]
)",
              {{kMem}}, kMemory);
}

TEST(OptCseTest, StoresThatMayAliasForgetFacts) {
  // Slot 1 points at word 1: base 0001 + 0 is the address of base 0000 + 8.
  // Another base may alias any offset, an overlapping offset of the same
  // base may too; only the same base at a disjoint range keeps its fact.
  expect_pass(eliminate_common_subexpressions, R"(
snap 0 frames=1 0.0=0002 0.1=0003 0.2=0006 0.3=0007 0.4=0009
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 int  LOAD       0000 8
0003 int  LOAD       0000 24
0004 ---  STORE      0001 0 #99
0005 ---  STORE      0000 32 #7
0006 int  LOAD       0000 8
0007 int  LOAD       0000 32
0008 ---  STORE      0000 36 #5
0009 int  LOAD       0000 32
0010 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1 0.0=0002 0.1=0003 0.2=0006 0.3=#7 0.4=0008
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 int  LOAD       0000 8
0003 int  LOAD       0000 24
0004 ---  STORE      0001 0 #99
0005 ---  STORE      0000 32 #7
0006 int  LOAD       0000 8
0007 ---  STORE      0000 36 #5
0008 int  LOAD       0000 32
0009 ---  EXIT  [snap 0]
)",
              {{kMem, kMem + 8}}, kMemory);
}

TEST(OptCseTest, CallsForgetMemoryPureCallsDoNot) {
  HelperRegistry h = helpers();
  expect_pass(eliminate_common_subexpressions, R"(
snap 0 frames=1 0.0=0001 0.1=0003 0.2=0004 0.3=0006
0000 ref  LOADSLOT   0
0001 int  LOAD       0000 0
0002 int  CALLP      mix 0001 #1
0003 int  LOAD       0000 0
0004 int  CALL       mix 0001 #1
0005 int  LOAD       0000 0
0006 int  ADD        0005 0003
0007 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1 0.0=0001 0.1=0001 0.2=0002 0.3=0004
0000 ref  LOADSLOT   0
0001 int  LOAD       0000 0
0002 int  CALL       mix 0001 #1
0003 int  LOAD       0000 0
0004 int  ADD        0003 0001
0005 ---  EXIT  [snap 0]
)",
              {{kMem}}, kMemory, &h);
}

// The seed's loop `total += i*i` after peeling (docs/jit.md): slot 0 = i,
// slot 1 = n, slot 2 = total. The body was recorded reading n again
// (LOADSLOT 1, its guard, UNTAG): CSE makes the body use the preamble's
// values, which is loop-invariant code motion. (The repeated GUARD_SMALLINT,
// now on 0001, is the guard pass's to remove.)
const char* kPeeledSumOfSquares = R"(
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
0015 int  PHI        0013 0024
0016 int  PHI        0012 0023
0017 ref  LOADSLOT   1
0018 ---  GUARD_SMALLINT 0017  [snap 3]
0019 int  UNTAG      0017
0020 int  LT         0015 0019
0021 ---  GUARD_TRUE 0020  [snap 3]
0022 int  MULOV      0015 0015  [snap 3]
0023 int  ADDOV      0016 0022  [snap 3]
0024 int  ADDOV      0015 #1  [snap 3]
0025 ---  JUMP
)";

const std::vector<std::vector<uint64_t>> kSumInputs = {
    {small(0), small(100), small(0)},  {small(7), small(3), small(0)},
    {small(0), 8, small(0)},           {small(int64_t(1) << 31), small(int64_t(1) << 40), small(0)},
    {small(-20), small(20), small(5)}, {small(0), small(5000), small(0)}};

TEST(OptCseTest, PeeledLoopBodyReusesInvariantPreambleValues) {
  expect_pass(eliminate_common_subexpressions, kPeeledSumOfSquares, R"(
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
              kSumInputs);
}

// The same loop through this file's passes in pipeline order: the body ends
// as the seed asks, with one multiply and one add with an overflow check,
// the bound check, a plain add for i + 1, and the jump back.
TEST(OptCseTest, PeeledSumOfSquaresThroughAllPasses) {
  Pass chain = [](Trace& t) {
    fold_constants(t);
    eliminate_common_subexpressions(t);
    remove_redundant_guards(t);
    narrow_overflow_checks(t);
    fold_constants(t);
    eliminate_common_subexpressions(t);
    return true;
  };
  expect_pass(chain, kPeeledSumOfSquares, R"(
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
              kSumInputs);
}

TEST(OptCseTest, BodyNeverReusesPreambleLoadsAndPhisNeverMerge) {
  // The body's LOAD 0000 8 must be re-read every iteration (the body's
  // STORE changes it); within the body, the STORE forwards to the next LOAD.
  expect_pass(eliminate_common_subexpressions, R"(
snap 0 frames=1 0.0=0004 0.1=0005
0000 ref  LOADSLOT   0
0001 int  LOAD       0000 8
0002 ---  LOOP
0003 int  PHI        #0 0009
0004 int  PHI        #0 0009
0005 int  LOAD       0000 8
0006 int  LT         0005 #60
0007 ---  GUARD_TRUE 0006  [snap 0]
0008 int  ADD        0005 0001
0009 int  ADD        0003 #1
0010 ---  STORE      0000 8 0008
0011 int  LOAD       0000 8
0012 ---  STORE      0000 0 0011
0013 ---  JUMP
)",
              R"(
snap 0 frames=1 0.0=0004 0.1=0005
0000 ref  LOADSLOT   0
0001 int  LOAD       0000 8
0002 ---  LOOP
0003 int  PHI        #0 0009
0004 int  PHI        #0 0009
0005 int  LOAD       0000 8
0006 int  LT         0005 #60
0007 ---  GUARD_TRUE 0006  [snap 0]
0008 int  ADD        0005 0001
0009 int  ADD        0003 #1
0010 ---  STORE      0000 8 0008
0011 ---  STORE      0000 0 0008
0012 ---  JUMP
)",
              {{kMem}}, kMemory);
}

}  // namespace
}  // namespace kestrel::jit::opt::test
