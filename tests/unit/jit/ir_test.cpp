// Tests of the IR container, printer, parser, verifier and reference evaluator.
#include "jit/ir.h"

#include <gtest/gtest.h>

#include <bit>

#include "jit/ir_eval.h"
#include "runtime/value.h"

namespace kestrel::jit {
namespace {

Trace parse(const char* text, const HelperRegistry* h = nullptr) {
  Trace t;
  ParseResult r = parse_trace(text, &t, h);
  EXPECT_TRUE(r.ok) << r.error;
  return t;
}

// The seed's loop `total += i*i for i < n` as a peeled trace over tagged
// inputs: slot 0 = i, slot 1 = n, slot 2 = total.
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

TEST(IrTest, TableFacts) {
  EXPECT_EQ(op_name(IrOp::ADDOV), "ADDOV");
  EXPECT_TRUE(is_guard(IrOp::ADDOV));
  EXPECT_TRUE(op_has(IrOp::ADD, kPure | kComm));
  EXPECT_FALSE(op_has(IrOp::SUB, kComm));
  EXPECT_EQ(op_arity(IrOp::STORE), 3);
  IrOp op;
  ASSERT_TRUE(op_from_name("GUARD_CLASS", &op));
  EXPECT_EQ(op, IrOp::GUARD_CLASS);
  EXPECT_FALSE(op_from_name("FROB", &op));
}

TEST(IrTest, ConstantsAreInterned) {
  Trace t;
  IrRef a = t.kint(5), b = t.kint(5), c = t.kdbl(5.0), d = t.kref(5);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_NE(c, d);
  EXPECT_TRUE(is_const(a));
  EXPECT_EQ(t.type_of(c), IrType::Dbl);
  EXPECT_EQ(format_operand(t, a), "#5");
  EXPECT_EQ(format_operand(t, c), "#5.0");
  EXPECT_EQ(format_operand(t, d), "@0x5");
  EXPECT_EQ(format_operand(t, t.kdbl(-0.0)), "#-0.0");
  EXPECT_EQ(format_operand(t, t.kdbl(0.1)), "#0.10000000000000001");
}

TEST(IrTest, BuilderAndPrinter) {
  Trace t;
  SnapFrame f{7, 0, nullptr};
  SnapEntry e{0, 0, SnapKind::Value, 0};
  IrRef x = t.load_slot(0);
  e.ref = x;
  uint32_t s = t.add_snapshot({&f, 1}, {&e, 1});
  t.guard(IrOp::GUARD_SMALLINT, s, x);
  IrRef u = t.emit(IrOp::UNTAG, x);
  IrRef y = t.guard(IrOp::ADDOV, s, u, t.kint(1));
  t.guard(IrOp::EXIT, s);
  EXPECT_EQ(t.type_of(y), IrType::Int);
  EXPECT_EQ(verify_trace(t), "");
  EXPECT_EQ(format_ins(t, y), "0003 int  ADDOV      0002 #1  [snap 0]");
  EXPECT_EQ(print_trace(t),
            "snap 0 frames=7 0.0=0000\n"
            "0000 ref  LOADSLOT   0\n"
            "0001 ---  GUARD_SMALLINT 0000  [snap 0]\n"
            "0002 int  UNTAG      0000\n"
            "0003 int  ADDOV      0002 #1  [snap 0]\n"
            "0004 ---  EXIT  [snap 0]\n");
}

TEST(IrTest, ParsePrintRoundTrip) {
  Trace t = parse(kSumSquares);
  EXPECT_EQ(verify_trace(t), "");
  std::string once = print_trace(t);
  Trace u = parse(once.c_str());
  EXPECT_EQ(print_trace(u), once);
  EXPECT_EQ(t.size(), 18u);
  EXPECT_EQ(t.loop_ref(), 9);
}

TEST(IrTest, ParseAllConstantKindsAndSnapshots) {
  Trace t = parse(R"(
snap 0 frames=3,9+12 0.1=#-7 1.0=0001:bool 1.2=v0 0.3=#nan(0x7ff8000000000001) 0.4=#-inf
virtual 0 class=@0x1000 size=24 16=0000 8=#2.5
0000 dbl  BITSD      #4607182418800017408
0001 int  FLT        0000 #1e+300
0002 ---  GUARD_TRUE 0001  [snap 0]
0003 ---  EXIT  [snap 0]
)");
  EXPECT_EQ(verify_trace(t), "");
  std::string once = print_trace(t);
  Trace u = parse(once.c_str());
  EXPECT_EQ(print_trace(u), once);
  EXPECT_NE(once.find("0.3=#nan(0x7ff8000000000001)"), std::string::npos) << once;
  EXPECT_NE(once.find("frames=3,9+12"), std::string::npos) << once;
}

TEST(IrTest, ParseErrorsNameTheLine) {
  Trace t;
  ParseResult r = parse_trace("0000 int ADD #1 #2\n0001 int FROB 0000\n", &t);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "line 2: unknown op 'FROB'");
  r = parse_trace("0001 int ADD #1 #2\n", &t);
  EXPECT_FALSE(r.ok);
  r = parse_trace("0000 int ADD #1\n", &t);
  EXPECT_EQ(r.error, "line 1: missing operand b");
}

TEST(IrTest, VerifierCatchesErrors) {
  auto check = [](const char* text, const char* want) {
    Trace t;
    ParseResult r = parse_trace(text, &t);
    ASSERT_TRUE(r.ok) << r.error;
    std::string v = verify_trace(t);
    EXPECT_NE(v.find(want), std::string::npos) << "got: " << v;
  };
  check("0000 int ADD 0001 #1\n0001 int ADD #1 #1\n0002 --- JUMP\n", "not defined before use");
  check("0000 int ADD #1 #1.5\n", "has type dbl");
  check("0000 dbl ADD #1 #1\n", "result type dbl");
  check("0000 --- GUARD_TRUE #1\n", "guard without a valid snapshot");
  check("snap 0 frames=1\n0000 int ADD #1 #1  [snap 0]\n", "snapshot on a non-guard");
  check("snap 0 frames=1 0.0=0001\n0000 --- GUARD_TRUE #1  [snap 0]\n0001 int ADD #1 #1\n",
        "not defined before use");
  check("0000 int PHI #1 #1\n", "PHI must directly follow LOOP");
  check("0000 --- LOOP\n0001 int ADD #1 #1\n0002 int PHI #1 0001\n0003 --- JUMP\n",
        "PHI must directly follow LOOP");
  check("0000 int ADD #1 #1\n", "a trace ends with JUMP, EXIT or LINK");
  check("0000 --- JUMP\n0001 int ADD #1 #1\n", "JUMP must be last");
}

TEST(IrTest, EvaluatorSumOfSquares) {
  Trace t = parse(kSumSquares);
  uint64_t slots[3] = {Value::small(0).bits(), Value::small(1000).bits(), Value::small(0).bits()};
  EvalResult r = evaluate(t, slots);
  ASSERT_EQ(r.kind, EvalResult::Kind::Exit);
  EXPECT_EQ(r.snap, 1u);
  EXPECT_EQ(r.at, 13);
  EXPECT_EQ(r.iterations, 1000);
  ASSERT_EQ(r.entry_values.size(), 2u);
  EXPECT_EQ(int64_t(r.entry_values[0]), 1000);
  EXPECT_EQ(int64_t(r.entry_values[1]), 999 * 1000 * 1999 / 6);
  // A non-small input fails the first guard.
  slots[1] = 8;
  r = evaluate(t, slots);
  EXPECT_EQ(r.snap, 0u);
  EXPECT_EQ(r.at, 4);
}

TEST(IrTest, EvaluatorOverflowExits) {
  Trace t = parse(kSumSquares);
  // total starts near 2**63: the first ADDOV overflows.
  uint64_t slots[3] = {Value::small(3).bits(), Value::small(10).bits(),
                       Value::small(Value::kSmallMax).bits()};
  EvalResult r = evaluate(t, slots);
  ASSERT_EQ(r.kind, EvalResult::Kind::Exit);
  // 2**62-1 + 9 fits int64: no exit at the first iteration; keep going until i == 10.
  EXPECT_EQ(r.snap, 1u);
  slots[0] = Value::small(int64_t(1) << 31).bits();
  slots[1] = Value::small(int64_t(1) << 40).bits();
  r = evaluate(t, slots);
  EXPECT_EQ(r.snap, 3u);  // i*i = 2**62, total + 2**62 overflows
}

int64_t add3(int64_t a, int64_t b, int64_t c) { return a + b * 10 + c * 100; }
double mixed(int64_t a, double x, int64_t b, double y) { return double(a) * x + double(b) * y; }

TEST(IrTest, EvaluatorCallsHelpers) {
  HelperRegistry h;
  h.add("add3", reinterpret_cast<const void*>(&add3));
  h.add("mixed", reinterpret_cast<const void*>(&mixed));
  Trace t = parse(R"(
snap 0 frames=0 0.0=0000 0.1=0001
0000 int  CALL       add3 #1 #2 #3
0001 dbl  CALLP      mixed #2 #0.5 #3 #0.25
0002 ---  EXIT  [snap 0]
)",
                  &h);
  EXPECT_EQ(verify_trace(t), "");
  EvalResult r = evaluate(t, nullptr);
  ASSERT_EQ(r.kind, EvalResult::Kind::Exit);
  EXPECT_EQ(int64_t(r.entry_values[0]), 321);
  EXPECT_EQ(std::bit_cast<double>(r.entry_values[1]), 1.75);
  EXPECT_NE(print_trace(t).find("CALL       add3 #1 #2 #3"), std::string::npos);
}

}  // namespace
}  // namespace kestrel::jit
