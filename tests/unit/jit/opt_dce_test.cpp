// Tests of dead-code elimination and of the rewrite helpers (rewrite.h).
#include "jit/opt/rewrite.h"
#include "opt_test_util.h"

namespace kestrel::jit::opt::test {
namespace {

TEST(OptDceTest, DropsUnusedPureOpsAndLoadsKeepsGuardsAndEffects) {
  expect_pass(eliminate_dead_code, R"(
snap 0 frames=1 0.0=0003
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 int  UNTAG      0001
0003 int  ADD        0002 #1
0004 int  MUL        0003 0003
0005 int  LOAD       0000 8
0006 ---  NOP
0007 int  ADDOV      0002 #2  [snap 0]
0008 ---  STORE      0000 16 0003
0009 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1 0.0=0003
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 int  UNTAG      0001
0003 int  ADD        0002 #1
0004 int  ADDOV      0002 #2  [snap 0]
0005 ---  STORE      0000 16 0003
0006 ---  EXIT  [snap 0]
)",
              {{kMem, small(7)}}, {1, 2, 3, 4});
}

TEST(OptDceTest, SnapshotUseKeepsAValue) {
  // 0002 is read only by snapshot 0: the deoptimiser needs it.
  expect_pass(eliminate_dead_code, R"(
snap 0 frames=1 0.3=0002
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 int  MUL        0001 #3
0003 int  SUB        0001 #3
0004 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1 0.3=0002
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 int  MUL        0001 #3
0003 ---  EXIT  [snap 0]
)",
              {{small(5)}, {small(-7)}});
}

TEST(OptDceTest, DeadLoopCounterGoesWithItsBackEdge) {
  // PHI 0004 and its back edge 0007 feed only each other.
  expect_pass(eliminate_dead_code, R"(
snap 0 frames=1 0.0=0005
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 ---  LOOP
0003 int  PHI        0001 0006
0004 int  PHI        #0 0007
0005 int  LT         0003 #10
0006 int  ADD        0003 #1
0007 int  ADD        0004 #1
0008 ---  GUARD_TRUE 0005  [snap 0]
0009 ---  JUMP
)",
              R"(
snap 0 frames=1 0.0=0004
0000 ref  LOADSLOT   0
0001 int  UNTAG      0000
0002 ---  LOOP
0003 int  PHI        0001 0005
0004 int  LT         0003 #10
0005 int  ADD        0003 #1
0006 ---  GUARD_TRUE 0004  [snap 0]
0007 ---  JUMP
)",
              {{small(3)}, {small(20)}});
}

TEST(OptDceTest, VirtualFieldsAndCallArgumentsAreRenamed) {
  HelperRegistry h;
  static auto twice = +[](int64_t x) -> int64_t { return 2 * x; };
  h.add("twice", reinterpret_cast<const void*>(twice));
  expect_pass(eliminate_dead_code, R"(
snap 0 frames=1 0.0=v0
virtual 0 class=@0x1000 size=16 8=0003
0000 ---  NOP
0001 int  ADD        #1 #2
0002 ---  NOP
0003 int  CALLP      twice 0001
0004 int  CALL       twice 0003
0005 ---  EXIT  [snap 0]
)",
              R"(
snap 0 frames=1 0.0=v0
virtual 0 class=@0x1000 size=16 8=0001
0000 int  ADD        #1 #2
0001 int  CALLP      twice 0000
0002 int  CALL       twice 0001
0003 ---  EXIT  [snap 0]
)",
              {{}}, {}, &h);
}

TEST(OptDceTest, NothingToDoReturnsFalse) {
  Trace t = parse_checked("snap 0 frames=1\n0000 ---  EXIT  [snap 0]\n");
  EXPECT_FALSE(eliminate_dead_code(t));
}

TEST(OptRewriteTest, ReplaceAllUsesRenamesEveryKindOfUse) {
  HelperRegistry h;
  static auto ident = +[](int64_t x) -> int64_t { return x; };
  h.add("ident", reinterpret_cast<const void*>(ident));
  Trace t = parse_checked(R"(
snap 0 frames=1 0.0=0001 0.1=v0
virtual 0 class=@0x1000 size=16 8=0001
0000 int  ADD        #1 #2
0001 int  ADD        #2 #1
0002 int  CALL       ident 0001
0003 ---  LOOP
0004 int  PHI        0001 0001
0005 ---  GUARD_TRUE 0001  [snap 0]
0006 ---  JUMP
)",
                          &h);
  replace_all_uses(t, 1, 0);
  make_nop(t, 1);
  EXPECT_EQ(verify_trace(t), "");
  EXPECT_EQ(print_trace(t), canonical(R"(
snap 0 frames=1 0.0=0000 0.1=v0
virtual 0 class=@0x1000 size=16 8=0000
0000 int  ADD        #1 #2
0001 ---  NOP
0002 int  CALL       ident 0000
0003 ---  LOOP
0004 int  PHI        0000 0000
0005 ---  GUARD_TRUE 0000  [snap 0]
0006 ---  JUMP
)",
                                      &h));
  std::vector<bool> keep(t.size(), true);
  keep[1] = false;
  std::vector<IrRef> moved = compact(t, keep);
  EXPECT_EQ(moved[1], kNoRef);
  EXPECT_EQ(moved[4], 3);
  EXPECT_EQ(verify_trace(t), "");
  EXPECT_EQ(t.size(), 6u);
}

TEST(OptRewriteTest, RenamingFollowsChains) {
  Trace t = parse_checked(R"(
snap 0 frames=1 0.0=0002
0000 int  ADD        #1 #2
0001 int  ADD        0000 #0
0002 int  ADD        0001 #0
0003 ---  GUARD_TRUE 0002  [snap 0]
0004 ---  EXIT  [snap 0]
)");
  RefRenaming names(t);
  names.replace(1, 0);
  names.replace(2, 1);
  EXPECT_EQ(names(2), 0);
  EXPECT_EQ(names(-1), -1);
  names.apply(t);
  EXPECT_EQ(t[3].a, 0);
  EXPECT_EQ(t.snapshots().entries(0)[0].ref, 0);
}

}  // namespace
}  // namespace kestrel::jit::opt::test
