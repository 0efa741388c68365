// Tests of the x64 backend's code-quality forms (docs/jit.md, "The x86-64
// backend"): compares fused into guards, PHI register hints, ADDOV/SUBOV
// that overwrite their operand and undo it on the exit path. Each checks the
// form is taken (allocation, listing) and runs against the evaluator.
#include <limits>

#include "jit_test_util.h"
#include "runtime/value.h"

namespace kestrel::jit {
namespace {

using test::compile_or_die;
using test::parse_or_die;
using test::run_both;

constexpr int64_t kI64Min = std::numeric_limits<int64_t>::min();
constexpr int64_t kI64Max = std::numeric_limits<int64_t>::max();
const int64_t kInts[] = {0, 1, -1, 7, -7, int64_t(1) << 31, kI64Max, kI64Min, kI64Max - 1};
const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kDbls[] = {0.0, -0.0, 1.0, -1.5, std::numeric_limits<double>::infinity(), kNaN};

// LOAD x, LOAD y, compare, guard on it; the guard's snapshot names the
// compare (as a bool) when `named`. Returns the listing.
std::string check_fused(const std::string& cmp, const std::string& guard, const std::string& ty,
                        bool named, uint64_t x, uint64_t y) {
  std::string text = std::string("snap 0 frames=0 0.0=0001\n") + "snap 1 frames=0 0.0=0002" +
                     (named ? " 0.1=0003:bool\n" : "\n") +
                     "0000 ref  LOADSLOT 0\n"
                     "0001 " +
                     ty +
                     "  LOAD 0000 0\n"
                     "0002 " +
                     ty + "  LOAD 0000 8\n" + "0003 int  " + cmp + " 0001 0002\n" + "0004 ---  " +
                     guard + " 0003  [snap 1]\n" + "0005 ---  EXIT  [snap 0]\n";
  Trace t = parse_or_die(text);
  auto code = compile_or_die(t);
  if (!code) return "";
  const x64::Allocation& al = code->allocation();
  EXPECT_EQ(al.fused_into[3], 4) << text;
  EXPECT_EQ(al.loc[3].kind, named ? x64::LocKind::Known : x64::LocKind::None) << text;
  run_both(t, *code, {0}, {x, y}, text);
  return code->disassemble();
}

TEST(X64CodegenTest, IntComparesFuseIntoGuards) {
  for (const char* cmp : {"LT", "LE", "EQ", "NE", "GT", "GE", "ULT"})
    for (const char* guard : {"GUARD_TRUE", "GUARD_FALSE"})
      for (bool named : {false, true})
        for (int64_t x : kInts)
          for (int64_t y : kInts) {
            std::string dump = check_fused(cmp, guard, "int", named, uint64_t(x), uint64_t(y));
            EXPECT_EQ(dump.find("set"), std::string::npos) << dump;
          }
}

TEST(X64CodegenTest, DoubleComparesFuseIntoGuardsWithNaN) {
  for (const char* cmp : {"FLT", "FLE", "FEQ", "FNE", "FGT", "FGE"})
    for (const char* guard : {"GUARD_TRUE", "GUARD_FALSE"})
      for (bool named : {false, true})
        for (double x : kDbls)
          for (double y : kDbls) {
            std::string dump = check_fused(cmp, guard, "dbl", named, std::bit_cast<uint64_t>(x),
                                           std::bit_cast<uint64_t>(y));
            EXPECT_NE(dump.find("ucomisd"), std::string::npos) << dump;
            EXPECT_EQ(dump.find("set"), std::string::npos) << dump;
          }
}

// A compare that something else reads keeps its 0/1 value.
TEST(X64CodegenTest, CompareWithOtherUsesIsNotFused) {
  const char* text = R"(
snap 0 frames=0 0.0=0003
snap 1 frames=0 0.0=0002
0000 ref  LOADSLOT 0
0001 int  LOAD 0000 0
0002 int  LOAD 0000 8
0003 int  LT 0001 0002
0004 ---  GUARD_TRUE 0003  [snap 1]
0005 ---  EXIT  [snap 0]
)";
  Trace t = parse_or_die(text);
  auto code = compile_or_die(t);
  ASSERT_TRUE(code);
  EXPECT_EQ(code->allocation().fused_into[3], kNoRef);
  for (int64_t x : kInts)
    for (int64_t y : kInts) run_both(t, *code, {0}, {uint64_t(x), uint64_t(y)}, text);
}

// The guard may come later, past calls and other flag-setting code; the
// compare's operands stay live until it.
TEST(X64CodegenTest, FusedCompareEvaluatedAtALaterGuard) {
  const char* text = R"(
snap 0 frames=0 0.0=0005 0.1=0006
snap 1 frames=0 0.0=0001 0.1=0006
0000 ref  LOADSLOT 0
0001 int  LOAD 0000 0
0002 int  LOAD 0000 8
0003 int  GE 0001 0002
0004 int  SUB 0001 0002
0005 int  CALL h3 0004 0001 0002
0006 int  XOR 0005 0001
0007 ---  GUARD_FALSE 0003  [snap 1]
0008 ---  EXIT  [snap 0]
)";
  static auto h3 = +[](int64_t a, int64_t b, int64_t c) -> int64_t {
    return int64_t(uint64_t(a) * 3 + uint64_t(b) - uint64_t(c));
  };
  HelperRegistry helpers;
  helpers.add("h3", reinterpret_cast<const void*>(h3));
  Trace t = parse_or_die(text, &helpers);
  auto code = compile_or_die(t);
  ASSERT_TRUE(code);
  EXPECT_EQ(code->allocation().fused_into[3], 7);
  for (int64_t x : kInts)
    for (int64_t y : kInts) run_both(t, *code, {0}, {uint64_t(x), uint64_t(y)}, text);
}

// total = ADDOV(total, x) where the exit names the old total: the sum goes
// into total's own register and the exit path subtracts x again.
TEST(X64CodegenTest, AddovOverwritesItsOperandAndUndoesOnExit) {
  for (const char* op : {"ADDOV", "SUBOV"})
    for (const char* b : {"0002", "#5", "#-9223372036854775807"}) {
      std::string text = std::string(
                             "snap 0 frames=0 0.0=0003\n"
                             "snap 1 frames=0 0.0=0001 0.1=0002\n"
                             "0000 ref  LOADSLOT 0\n"
                             "0001 int  LOAD 0000 0\n"
                             "0002 int  LOAD 0000 8\n"
                             "0003 int  ") +
                         op + " 0001 " + b + "  [snap 1]\n" + "0004 ---  EXIT  [snap 0]\n";
      Trace t = parse_or_die(text);
      auto code = compile_or_die(t);
      ASSERT_TRUE(code);
      EXPECT_EQ(code->allocation().loc[3], code->allocation().loc[1]) << text;
      for (int64_t x : kInts)
        for (int64_t y : kInts) run_both(t, *code, {0}, {uint64_t(x), uint64_t(y)}, text);
    }
}

// The seed's sum-of-squares loop: the counter and the total are updated in
// their PHIs' registers, the loop test is one cmp + jcc, and the back edge
// moves nothing for them.
TEST(X64CodegenTest, LoopBodyIsTight) {
  const char* text = R"(
snap 0 frames=10
snap 1 frames=10 0.0=0010 0.2=0011
snap 2 frames=10 0.0=0010 0.2=0011
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 ref  LOADSLOT   2
0003 ---  GUARD_SMALLINT 0000  [snap 0]
0004 ---  GUARD_SMALLINT 0001  [snap 0]
0005 ---  GUARD_SMALLINT 0002  [snap 0]
0006 int  UNTAG      0000
0007 int  UNTAG      0001
0008 int  UNTAG      0002
0009 ---  LOOP
0010 int  PHI        0006 0016
0011 int  PHI        0008 0015
0012 int  LT         0010 0007
0013 ---  GUARD_TRUE 0012  [snap 1]
0014 int  MUL        0010 0010
0015 int  ADDOV      0011 0014  [snap 2]
0016 int  ADD        0010 #1
0017 ---  JUMP
)";
  Trace t = parse_or_die(text);
  auto code = compile_or_die(t);
  ASSERT_TRUE(code);
  const x64::Allocation& al = code->allocation();
  EXPECT_EQ(al.loc[15], al.loc[11]);
  EXPECT_EQ(al.loc[16], al.loc[10]);
  std::string dump = code->disassemble();
  // From the loop label (after the alignment NOPs) to the first jmp: the
  // rotated loop is cmp jge | mov imul add jo add cmp jl, then the jmp to the
  // loop test's stub; an iteration runs the 7 after the bar.
  size_t begin = dump.find('\n', dump.rfind("nop")) + 1;
  size_t end = dump.find("jmp", begin);
  ASSERT_NE(end, std::string::npos) << dump;
  int count = 0;
  for (size_t k = begin; k < end; ++k) count += dump[k] == '\n';
  EXPECT_LE(count, 9) << dump;
  EXPECT_EQ(code->exit_site_count(1), 2u);
  std::vector<uint64_t> slots = {Value::small(0).bits(), Value::small(1000).bits(),
                                 Value::small(0).bits()};
  run_both(t, *code, slots, {}, "sum of squares");
  slots[2] = Value::small(Value::kSmallMax).bits();
  slots[0] = Value::small(int64_t(1) << 30).bits();
  run_both(t, *code, slots, {}, "overflow");
}

}  // namespace
}  // namespace kestrel::jit
