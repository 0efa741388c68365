// Focused tests of the x64 backend: each op alone against the evaluator,
// register pressure and spills, calls with live values around them, a loop
// with PHIs (sum of squares), exit patching and W^X.
#include <fstream>
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

const int64_t kIntSamples[] = {0,
                               1,
                               -1,
                               2,
                               3,
                               63,
                               64,
                               -7,
                               1000,
                               int64_t(1) << 31,
                               (int64_t(1) << 62) - 1,
                               -(int64_t(1) << 62),
                               int64_t(1) << 62,
                               kI64Max,
                               kI64Min,
                               kI64Max - 1,
                               0x123456789abcdefLL};
const double kDblSamples[] = {0.0,
                              -0.0,
                              1.0,
                              -1.5,
                              0.1,
                              1e300,
                              -1e-300,
                              3.0e15,
                              std::numeric_limits<double>::infinity(),
                              -std::numeric_limits<double>::infinity(),
                              std::numeric_limits<double>::quiet_NaN(),
                              9.3e18,
                              -9.3e18,
                              4.9e-324};

// Binary op `op` on two loaded operands (or with a constant as one operand).
void check_binary(const std::string& op, const std::string& type, const std::string& in_type,
                  bool guard, uint64_t x, uint64_t y, const std::string& b_operand = "0002") {
  std::string text =
      "snap 0 frames=0 0.0=0003\n"
      "snap 1 frames=0 0.0=0001 0.1=0002\n"
      "0000 ref  LOADSLOT 0\n"
      "0001 " +
      in_type +
      "  LOAD 0000 0\n"
      "0002 " +
      in_type +
      "  LOAD 0000 8\n"
      "0003 " +
      type + "  " + op + " 0001 " + b_operand + (guard ? "  [snap 1]\n" : "\n") +
      "0004 ---  EXIT  [snap 0]\n";
  Trace t = parse_or_die(text);
  auto code = compile_or_die(t);
  ASSERT_TRUE(code);
  run_both(t, *code, {0}, {x, y}, text);
}

TEST(X64BackendTest, IntBinaryOps) {
  const char* ops[] = {"ADD", "SUB", "MUL", "AND", "OR", "XOR", "SHL", "SAR",
                       "SHR", "LT",  "LE",  "EQ",  "NE", "GT",  "GE",  "ULT"};
  for (const char* op : ops)
    for (int64_t x : kIntSamples)
      for (int64_t y : kIntSamples) {
        check_binary(op, "int", "int", false, uint64_t(x), uint64_t(y));
        check_binary(op, "int", "int", false, uint64_t(x), uint64_t(y), "#" + std::to_string(y));
      }
}

TEST(X64BackendTest, OverflowGuards) {
  for (const char* op : {"ADDOV", "SUBOV", "MULOV"})
    for (int64_t x : kIntSamples)
      for (int64_t y : kIntSamples) {
        check_binary(op, "int", "int", true, uint64_t(x), uint64_t(y));
        check_binary(op, "int", "int", true, uint64_t(x), uint64_t(y), "#" + std::to_string(y));
      }
}

TEST(X64BackendTest, DoubleOps) {
  for (const char* op : {"FADD", "FSUB", "FMUL", "FDIV"})
    for (double x : kDblSamples)
      for (double y : kDblSamples)
        check_binary(op, "dbl", "dbl", false, std::bit_cast<uint64_t>(x),
                     std::bit_cast<uint64_t>(y));
  for (const char* op : {"FLT", "FLE", "FEQ", "FNE", "FGT", "FGE"})
    for (double x : kDblSamples)
      for (double y : kDblSamples)
        check_binary(op, "int", "dbl", false, std::bit_cast<uint64_t>(x),
                     std::bit_cast<uint64_t>(y));
}

void check_unary(const std::string& op, const std::string& type, const std::string& in_type,
                 bool guard, uint64_t x) {
  std::string text =
      "snap 0 frames=0 0.0=0002\n"
      "snap 1 frames=0 0.0=0001\n"
      "0000 ref  LOADSLOT 0\n"
      "0001 " +
      in_type +
      "  LOAD 0000 0\n"
      "0002 " +
      type + "  " + op + " 0001" + (guard ? "  [snap 1]\n" : "\n") + "0003 ---  EXIT  [snap 0]\n";
  Trace t = parse_or_die(text);
  auto code = compile_or_die(t);
  ASSERT_TRUE(code);
  run_both(t, *code, {0}, {x}, text);
}

TEST(X64BackendTest, UnaryOps) {
  for (int64_t x : kIntSamples) {
    for (const char* op : {"NEG", "NOT", "I2D", "BITSD"})
      check_unary(op, std::string(op) == "I2D" || std::string(op) == "BITSD" ? "dbl" : "int", "int",
                  false, uint64_t(x));
    check_unary("TAG", "ref", "int", false, uint64_t(x));
    check_unary("TAGOV", "ref", "int", true, uint64_t(x));
  }
  for (double d : kDblSamples) {
    check_unary("FNEG", "dbl", "dbl", false, std::bit_cast<uint64_t>(d));
    check_unary("D2I", "int", "dbl", false, std::bit_cast<uint64_t>(d));
    check_unary("DBITS", "int", "dbl", false, std::bit_cast<uint64_t>(d));
  }
}

TEST(X64BackendTest, Guards) {
  struct Obj {
    uint64_t cls;
  };
  static Obj obj{0x1234560};
  const std::string cls = "@0x1234560";
  std::vector<std::pair<std::string, uint64_t>> cases = {
      {"GUARD_SMALLINT 0000", Value::small(5).bits()},
      {"GUARD_SMALLINT 0000", 8},
      {"GUARD_CLASS 0000 " + cls, reinterpret_cast<uint64_t>(&obj)},
      {"GUARD_CLASS 0000 @0x999", reinterpret_cast<uint64_t>(&obj)},
      {"GUARD_CLASS 0000 " + cls, Value::small(5).bits()},
      {"GUARD_CLASS 0000 " + cls, 0},
      {"GUARD_EQ 0000 @0x11", 0x11},
      {"GUARD_EQ 0000 @0x11", 0x13},
      {"GUARD_NE 0000 @0x11", 0x11},
      {"GUARD_NE 0000 @0x11", 0x13},
  };
  for (auto& [g, slot] : cases) {
    std::string text =
        "snap 0 frames=0 0.0=0000\n"
        "snap 1 frames=0 0.1=0000\n"
        "0000 ref  LOADSLOT 1\n"
        "0001 ---  " +
        g +
        "  [snap 1]\n"
        "0002 ---  EXIT  [snap 0]\n";
    Trace t = parse_or_die(text);
    auto code = compile_or_die(t);
    ASSERT_TRUE(code);
    run_both(t, *code, {0, slot}, {}, text);
  }
  for (int64_t v : {0, 1, -1}) {
    for (const char* g : {"GUARD_TRUE", "GUARD_FALSE"}) {
      std::string text =
          "snap 0 frames=0 0.0=0001\n"
          "snap 1 frames=0\n"
          "0000 ref  LOADSLOT 0\n"
          "0001 int  LOAD 0000 0\n"
          "0002 ---  " +
          std::string(g) +
          " 0001  [snap 1]\n"
          "0003 ---  EXIT  [snap 0]\n";
      Trace t = parse_or_die(text);
      auto code = compile_or_die(t);
      run_both(t, *code, {0}, {uint64_t(v)}, text);
    }
  }
}

TEST(X64BackendTest, LoadStoreAndSlots) {
  std::string text =
      "snap 0 frames=0 0.0=0003 0.1=0004 0.2=0006\n"
      "0000 ref  LOADSLOT 0\n"
      "0001 ref  LOADSLOT 2\n"
      "0002 int  UNTAG 0001\n"
      "0003 int  LOAD 0000 8\n"
      "0004 dbl  LOAD 0000 16\n"
      "0005 ---  STORE 0000 0 0002\n"
      "0006 dbl  FADD 0004 #0.5\n"
      "0007 ---  STOREF 0000 24 0006\n"
      "0008 ---  STORE 0000 32 0001\n"
      "0009 ---  EXIT  [snap 0]\n";
  Trace t = parse_or_die(text);
  auto code = compile_or_die(t);
  run_both(t, *code, {0, 0, Value::small(-21).bits()}, {0, 77, std::bit_cast<uint64_t>(2.25), 0, 0},
           text);
}

// More values live at once than there are registers: forces spills, and the
// exit must still find every value.
TEST(X64BackendTest, RegisterPressureSpills) {
  std::string text = "0000 ref  LOADSLOT 0\n";
  std::string snap = "snap 0 frames=0";
  int n = 1;
  std::vector<uint64_t> mem;
  for (int k = 0; k < 24; ++k, ++n) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d int  LOAD 0000 %d\n", n, 8 * k);
    text += buf;
    mem.push_back(uint64_t(k * 1000 + 7));
  }
  for (int k = 0; k < 20; ++k, ++n) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d dbl  I2D %04d\n", n, k + 1);
    text += buf;
  }
  // Sum everything pairwise so every value stays live until late.
  int first_int = 1, first_dbl = 25;
  for (int k = 0; k < 23; ++k, ++n) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d int  ADD %04d %04d\n", n, first_int + k,
                  first_int + k + 1);
    text += buf;
    snap += " 0." + std::to_string(k) + "=" + std::to_string(10000 + n).substr(1);
  }
  for (int k = 0; k < 19; ++k, ++n) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d dbl  FMUL %04d %04d\n", n, first_dbl + k,
                  first_dbl + k + 1);
    text += buf;
    snap += " 1." + std::to_string(k) + "=" + std::to_string(10000 + n).substr(1);
  }
  for (int k = 1; k <= 24; ++k)
    snap += " 2." + std::to_string(k) + "=" + std::to_string(10000 + k).substr(1);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d ---  EXIT  [snap 0]\n", n);
  text += buf;
  snap = snap.substr(0, 15) == "snap 0 frames=0" ? "snap 0 frames=0,1,2" + snap.substr(15) : snap;
  text = snap + "\n" + text;
  Trace t = parse_or_die(text);
  auto code = compile_or_die(t);
  ASSERT_TRUE(code);
  EXPECT_GT(code->allocation().spill_slots, 0u);
  run_both(t, *code, {0}, mem, text);
}

int64_t g_calls = 0;
int64_t helper_mix(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f) {
  ++g_calls;
  return a * 1 + b * 3 + c * 5 + d * 7 + e * 11 + f * 13;
}
double helper_fmix(double x, int64_t a, double y) { return x * double(a) - y; }
uint64_t helper_clobber() {
  // Clobbers every caller-saved register the compiler likes to use.
  volatile double d = 1.5;
  return uint64_t(d * 3.0);
}

TEST(X64BackendTest, CallsWithLiveValuesAround) {
  HelperRegistry h;
  h.add("mix", reinterpret_cast<const void*>(&helper_mix));
  h.add("fmix", reinterpret_cast<const void*>(&helper_fmix));
  h.add("clobber", reinterpret_cast<const void*>(&helper_clobber));
  std::string text = R"(
snap 0 frames=0 0.0=0001 0.1=0002 0.2=0003 0.3=0004 0.4=0005 0.5=0006 0.6=0007 0.7=0008 0.8=0009 0.9=0010 0.10=0011
0000 ref  LOADSLOT 0
0001 int  LOAD 0000 0
0002 int  LOAD 0000 8
0003 int  LOAD 0000 16
0004 dbl  LOAD 0000 24
0005 dbl  FMUL 0004 #3.0
0006 int  CALL mix 0001 0002 0003 #4 0001 0003
0007 int  CALL clobber
0008 dbl  CALLP fmix 0004 0002 0005
0009 int  ADD 0006 0001
0010 dbl  FADD 0008 0004
0011 int  CALL mix 0003 0002 0001 0009 0007 0006
0012 ---  EXIT  [snap 0]
)";
  Trace t = parse_or_die(text, &h);
  auto code = compile_or_die(t);
  ASSERT_TRUE(code);
  g_calls = 0;
  run_both(t, *code, {0}, {5, uint64_t(-6), 7, std::bit_cast<uint64_t>(1.25)}, text);
  EXPECT_EQ(g_calls, 4);
}

// The seed's benchmark loop, `total += i * i` for i < n, peeled: the body is
// a compare, a guard, one multiply and two adds with overflow guards.
const char* kSumSquares = R"(
snap 0 frames=10
snap 1 frames=10 0.0=0010 0.2=0011
snap 2 frames=10 0.0=0010 0.2=0011
snap 3 frames=10 0.0=0010 0.2=0011
snap 4 frames=10 0.0=0010 0.2=0011
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
0014 int  MULOV      0010 0010  [snap 2]
0015 int  ADDOV      0011 0014  [snap 3]
0016 int  ADDOV      0010 #1  [snap 4]
0017 ---  JUMP
)";

TEST(X64BackendTest, SumOfSquaresLoop) {
  Trace t = parse_or_die(kSumSquares);
  auto code = compile_or_die(t);
  ASSERT_TRUE(code);
  const int64_t n = 1000000;
  std::vector<uint64_t> slots = {Value::small(0).bits(), Value::small(n).bits(),
                                 Value::small(0).bits()};
  x64::ExitState st;
  uint32_t exit = code->run(slots.data(), &st);
  EXPECT_EQ(exit, 1u);
  auto values = code->exit_values(st, exit);
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(int64_t(values[0]), n);
  EXPECT_EQ(int64_t(values[1]), (n - 1) * n * (2 * n - 1) / 6);  // closed form
  EvalResult r = evaluate(t, slots.data());
  EXPECT_EQ(r.snap, exit);
  EXPECT_EQ(r.entry_values, values);
  // Near 2**63 the ADDOV guard exits, with the state before the overflow.
  slots[2] = Value::small(Value::kSmallMax).bits();
  slots[0] = Value::small(int64_t(1) << 30).bits();
  test::run_both(t, *code, slots, {}, "overflow");
  std::string dump = code->disassemble();
  EXPECT_NE(dump.find("imul"), std::string::npos) << dump;
  EXPECT_NE(dump.find("jo"), std::string::npos) << dump;
}

// PHIs that swap each other every iteration need a real parallel move.
TEST(X64BackendTest, PhiSwapCycle) {
  std::string text = R"(
snap 0 frames=0 0.0=0004 0.1=0005 0.2=0006 0.3=0007 0.4=0008
0000 ref  LOADSLOT   0
0001 int  LOAD       0000 0
0002 dbl  LOAD       0000 8
0003 ---  LOOP
0004 int  PHI        #0 0011
0005 int  PHI        0001 0006
0006 int  PHI        #7 0005
0007 dbl  PHI        0002 0008
0008 dbl  PHI        #2.5 0007
0009 int  LT         0004 #11
0010 ---  GUARD_TRUE 0009  [snap 0]
0011 int  ADD        0004 #1
0012 ---  JUMP
)";
  Trace t = parse_or_die(text);
  auto code = compile_or_die(t);
  ASSERT_TRUE(code);
  run_both(t, *code, {0}, {123, std::bit_cast<uint64_t>(-4.0)}, text);
}

TEST(X64BackendTest, PatchExitToBridgeKeepsWX) {
  Trace t = parse_or_die(kSumSquares);
  auto code = compile_or_die(t);
  ASSERT_TRUE(code);
  // The loop test is at the top and, rotated, again at the back edge.
  EXPECT_EQ(code->exit_site_count(1), 2u);
  // A real bridge would be a side trace compiled for the parent's frame;
  // here guard 1 (the loop condition) is redirected to the parent's own exit
  // stub of snapshot 4, which is frame-compatible and observable.
  x64::ExitState st;
  std::vector<uint64_t> slots = {Value::small(0).bits(), Value::small(5).bits(),
                                 Value::small(0).bits()};
  EXPECT_EQ(code->run(slots.data(), &st), 1u);
  const uint8_t* base = code->code();
  // The ADDOV guard's jo leads to snapshot 4's stub (through the block that
  // undoes the addition when the sum overwrote its operand).
  std::string dump = code->disassemble();
  size_t pos = dump.rfind("jo ");
  ASSERT_NE(pos, std::string::npos);
  uint64_t target = std::stoull(dump.substr(pos + 3), nullptr, 16);
  ASSERT_TRUE(code->patch_exit(1, reinterpret_cast<const void*>(target)));
  EXPECT_EQ(code->run(slots.data(), &st), 4u);  // the loop now leaves through stub 4
  (void)base;
  // No mapping is ever writable and executable at once.
  std::ifstream maps("/proc/self/maps");
  std::string line;
  int rwx = 0, ours = 0;
  auto addr = reinterpret_cast<uintptr_t>(code->code());
  while (std::getline(maps, line)) {
    uintptr_t lo = std::stoull(line.substr(0, line.find('-')), nullptr, 16);
    uintptr_t hi = std::stoull(line.substr(line.find('-') + 1), nullptr, 16);
    std::string perms = line.substr(line.find(' ') + 1, 4);
    if (addr >= lo && addr < hi) {
      ++ours;
      EXPECT_EQ(perms.substr(0, 3), "r-x") << line;
    }
    if (perms.substr(0, 3) == "rwx") ++rwx;
  }
  EXPECT_EQ(ours, 1);
  EXPECT_EQ(rwx, 0);
}

TEST(X64BackendTest, DisassemblyAndLocations) {
  Trace t = parse_or_die(kSumSquares);
  auto code = compile_or_die(t);
  ASSERT_TRUE(code);
  std::string dump = code->disassemble();
  // A root pushes all six callee-saved registers (its bridges may use any).
  size_t pushes = 0;
  for (size_t p = dump.find("push"); p != std::string::npos; p = dump.find("push", p + 1)) ++pushes;
  EXPECT_EQ(pushes, 6u) << dump;
  EXPECT_NE(dump.find("rsp"), std::string::npos);
  EXPECT_NE(dump.find("ret"), std::string::npos);
  EXPECT_EQ(dump.find("vfmadd"), std::string::npos);
  EXPECT_EQ(x64::format_loc(code->allocation().loc[7]).empty(), false);
}

}  // namespace
}  // namespace kestrel::jit
