// Loop peeling and allocation removal (src/jit/opt/peel.cpp, allocations.cpp)
// on traces shaped like the recorder's output: boxed PHIs, box_int at the back
// edge, snapshot 0 = the loop's entry state. Each test checks the shape and,
// with the reference evaluator, that the interpreter-visible state at the exit
// (pc and every listed slot, boxed) is the same before and after.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "jit/ir.h"
#include "jit/ir_eval.h"
#include "jit/opt/passes.h"
#include "jit/recorder.h"
#include "jit_test_util.h"
#include "runtime/value.h"

namespace kestrel::jit {
namespace {

uint64_t small(int64_t v) { return Value::small(v).bits(); }

HelperRegistry& helpers() {
  static HelperRegistry h = [] {
    HelperRegistry r;
    r.add("box_int", reinterpret_cast<const void*>(&jit_box_int));
    return r;
  }();
  return h;
}

// The state an exit hands to the interpreter: resume pc and slot -> value,
// with ints tagged as small ints (the tests keep values small).
struct ExitState {
  uint32_t pc;
  std::map<int, uint64_t> slots;
  friend bool operator==(const ExitState&, const ExitState&) = default;
};

ExitState run(const Trace& t, std::vector<uint64_t> slots) {
  EvalResult r = evaluate(t, slots.data());
  EXPECT_EQ(r.kind, EvalResult::Kind::Exit);
  ExitState s{t.snapshots().frames(r.snap)[0].pc, {}};
  auto entries = t.snapshots().entries(r.snap);
  for (size_t k = 0; k < entries.size(); ++k) {
    uint64_t v = r.entry_values[k];
    if (t.type_of(entries[k].ref) == IrType::Int) v = small(int64_t(v));
    s.slots[entries[k].slot] = v;
  }
  return s;
}

// sum of i for i in range(i0, n), in the recorder's shape: slot 0 = i,
// slot 1 = n, slot 2 = total; snapshot 1 is the loop test at pc 5.
const char* kSumLoop = R"(
snap 0 frames=5
snap 1 frames=5 0.0=0004 0.2=0005
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   2
0002 ref  LOADSLOT   1
0003 ---  LOOP
0004 ref  PHI        0000 0017
0005 ref  PHI        0001 0016
0006 ---  GUARD_SMALLINT 0004  [snap 1]
0007 int  UNTAG      0004
0008 ---  GUARD_SMALLINT 0002  [snap 1]
0009 int  UNTAG      0002
0010 int  LT         0007 0009
0011 ---  GUARD_TRUE 0010  [snap 1]
0012 ---  GUARD_SMALLINT 0005  [snap 1]
0013 int  UNTAG      0005
0014 int  ADDOV      0013 0007  [snap 1]
0015 int  ADDOV      0007 #1  [snap 1]
0016 ref  CALLP      box_int 0014
0017 ref  CALLP      box_int 0015
0018 ---  JUMP
)";

Trace parse(const char* text) {
  Trace t = test::parse_or_die(text, &helpers());
  EXPECT_EQ(verify_trace(t), "");
  return t;
}

// Ops between LOOP and JUMP, PHIs excluded.
std::vector<std::string> body_ops(const Trace& t) {
  std::vector<std::string> ops;
  for (IrRef r = t.loop_ref() + 1; r < IrRef(t.size()); ++r) {
    IrOp op = t[r].op;
    if (op == IrOp::PHI) continue;
    if (op == IrOp::JUMP) break;
    ops.emplace_back(op_name(op));
  }
  return ops;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  for (const auto& x : v)
    if (x == s) return true;
  return false;
}

TEST(PeelTest, PeeledLoopKeepsTheExitState) {
  Trace before = parse(kSumLoop);
  Trace after = parse(kSumLoop);
  ASSERT_TRUE(opt::peel_loop(after));
  ASSERT_EQ(verify_trace(after), "") << print_trace(after);
  for (int64_t n : {0, 1, 2, 7, 100}) {
    std::vector<uint64_t> slots = {small(0), small(n), small(0)};
    EXPECT_EQ(run(before, slots), run(after, slots)) << "n=" << n << "\n" << print_trace(after);
  }
}

TEST(PeelTest, EntryTypeGuardsMoveToTheEntrySnapshot) {
  Trace t = parse(kSumLoop);
  ASSERT_TRUE(opt::peel_loop(t));
  // The first instructions after the slot loads are the entry values' type
  // guards, exiting through snapshot 0 (the loop header, nothing changed).
  int guards_on_entry = 0;
  for (IrRef r = 0; r < t.loop_ref(); ++r)
    if (t[r].op == IrOp::GUARD_SMALLINT && t[r].snap == 0) ++guards_on_entry;
  EXPECT_EQ(guards_on_entry, 3) << print_trace(t);
  // A total that is not a small int exits there, before any work.
  std::vector<uint64_t> slots = {small(0), small(10), 0x1000};
  EvalResult r = evaluate(t, slots.data());
  ASSERT_EQ(r.kind, EvalResult::Kind::Exit);
  EXPECT_EQ(r.snap, 0u);
  EXPECT_TRUE(t.snapshots().entries(0).empty());
}

TEST(PeelTest, AllocationRemovalUnboxesThePhis) {
  Trace before = parse(kSumLoop);
  Trace t = parse(kSumLoop);
  ASSERT_TRUE(opt::peel_loop(t));
  ASSERT_TRUE(opt::remove_allocations(t));
  ASSERT_EQ(verify_trace(t), "") << print_trace(t);
  opt::eliminate_dead_code(t);
  ASSERT_EQ(verify_trace(t), "") << print_trace(t);
  std::vector<std::string> body = body_ops(t);
  EXPECT_FALSE(contains(body, "CALLP")) << print_trace(t);
  // Type checks remain only on the invariant n (CSE and guard removal take
  // those); none applies to a loop-carried value any more.
  for (IrRef r = t.loop_ref() + 1; r < IrRef(t.size()); ++r) {
    if (t[r].op == IrOp::GUARD_SMALLINT || t[r].op == IrOp::UNTAG) {
      EXPECT_NE(t[t[r].a].op, IrOp::PHI) << print_trace(t);
    }
  }
  for (IrRef r = t.loop_ref() + 1; t[r].op == IrOp::PHI; ++r) EXPECT_EQ(t[r].type, IrType::Int);
  for (int64_t n : {0, 1, 2, 7, 100}) {
    std::vector<uint64_t> slots = {small(0), small(n), small(0)};
    EXPECT_EQ(run(before, slots), run(t, slots)) << "n=" << n << "\n" << print_trace(t);
  }
}

// A counter kept in an object field (like a range iterator): slot 0 holds
// the object's address; field 8 counts down, field 16 accumulates.
const char* kFieldLoop = R"(
snap 0 frames=3
snap 1 frames=3
0000 ref  LOADSLOT   0
0001 ---  LOOP
0002 int  LOAD       0000 8
0003 int  GT         0002 #0
0004 ---  GUARD_TRUE 0003  [snap 1]
0005 int  SUB        0002 #1
0006 ---  STORE      0000 8 0005
0007 int  LOAD       0000 16
0008 int  LOAD       0000 24
0009 int  ADD        0007 0008
0010 ---  STORE      0000 16 0009
0011 ---  JUMP
)";

TEST(PeelTest, LoopCarriedFieldsLiveInPhisAndStoresStay) {
  Trace before = parse(kFieldLoop);
  Trace t = parse(kFieldLoop);
  ASSERT_TRUE(opt::peel_loop(t));
  ASSERT_EQ(verify_trace(t), "") << print_trace(t);
  std::vector<std::string> body = body_ops(t);
  EXPECT_FALSE(contains(body, "LOAD")) << print_trace(t);
  EXPECT_TRUE(contains(body, "STORE")) << print_trace(t);
  std::vector<uint64_t> mem_a = {0, 5, 100, 3}, mem_b = mem_a;
  std::vector<uint64_t> slots_a = {reinterpret_cast<uint64_t>(mem_a.data())};
  std::vector<uint64_t> slots_b = {reinterpret_cast<uint64_t>(mem_b.data())};
  EvalResult ra = evaluate(before, slots_a.data()), rb = evaluate(t, slots_b.data());
  ASSERT_EQ(ra.kind, EvalResult::Kind::Exit);
  ASSERT_EQ(rb.kind, EvalResult::Kind::Exit);
  EXPECT_EQ(mem_a, mem_b);
  EXPECT_EQ(mem_b[1], 0u);
  EXPECT_EQ(mem_b[2], 115u);
}

TEST(PeelTest, PipelineCompilesAndRunsTheSumLoop) {
  Trace before = parse(kSumLoop);
  Trace t = parse(kSumLoop);
  ASSERT_EQ(opt::optimize(t, opt::PassOptions{}), "");
  auto code = test::compile_or_die(t);
  ASSERT_TRUE(code);
  std::vector<uint64_t> slots = {small(0), small(1000), small(0)};
  x64::ExitState st;
  uint32_t exit = code->run(slots.data(), &st);
  ExitState expected = run(before, slots);
  EXPECT_EQ(t.snapshots().frames(exit)[0].pc, expected.pc);
  auto entries = t.snapshots().entries(exit);
  std::vector<uint64_t> values = code->exit_values(st, exit);
  for (size_t k = 0; k < entries.size(); ++k) {
    uint64_t v = values[k];
    if (t.type_of(entries[k].ref) == IrType::Int) v = small(int64_t(v));
    EXPECT_EQ(v, expected.slots[entries[k].slot]) << "slot " << entries[k].slot;
  }
  EXPECT_EQ(expected.slots[2], small(499500));
}

TEST(PeelTest, PassListParsing) {
  opt::PassOptions o;
  std::string error;
  EXPECT_TRUE(opt::parse_pass_list("none,peel,cse", &o, &error));
  EXPECT_TRUE(o.peel && o.cse && !o.fold && !o.dce && !o.allocations);
  EXPECT_TRUE(opt::parse_pass_list("all,-dce", &o, &error));
  EXPECT_TRUE(o.fold && !o.dce);
  EXPECT_FALSE(o.verify);  // "all" is the passes; verifying after each is separate
  EXPECT_TRUE(opt::parse_pass_list("verify", &o, &error));
  EXPECT_TRUE(o.verify && o.fold);
  EXPECT_TRUE(opt::parse_pass_list("-verify", &o, &error));
  EXPECT_FALSE(o.verify);
  EXPECT_FALSE(opt::parse_pass_list("bogus", &o, &error));
  EXPECT_NE(error.find("bogus"), std::string::npos);
}

}  // namespace
}  // namespace kestrel::jit
