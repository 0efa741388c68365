// Bridges in the x64 backend: side traces compiled for a parent guard's
// registers and frame, linked by patching the guard, that LINK back into the
// root or exit with their own tag. Every tree is run as machine code from
// the root and through the reference evaluator trace by trace (a bridge's
// INPUTs get the values its parent's snapshot names), and the exits, values
// and slots must agree.
#include <fstream>
#include <map>
#include <random>

#include "jit_test_util.h"
#include "runtime/value.h"

namespace kestrel::jit {
namespace {

using test::parse_or_die;
using test::same_bits;

std::string ins_line(int ref, const std::string& type, const std::string& rest) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d ", ref);
  return buf + type + "  " + rest + "\n";
}
std::string ref_text(int ref) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", ref);
  return buf;
}

// A compiled trace in a tree, with the bridges patched onto its exits.
struct Node {
  Trace trace;
  std::unique_ptr<x64::CompiledTrace> code;
  uint64_t tag = 0;
  std::map<uint32_t, Node*> bridges;  // exit number -> bridge
  const Node* root = nullptr;         // the tree's root (itself for a root)
  const Node* link = nullptr;         // the root LINK enters (null: `root`)
};

// `link`: the root of another tree that the trace's LINK enters.
std::unique_ptr<Node> compile_root(const std::string& text, uint64_t tag,
                                   const HelperRegistry* h = nullptr, const Node* link = nullptr) {
  auto n = std::make_unique<Node>();
  n->trace = parse_or_die(text, h);
  EXPECT_EQ(verify_trace(n->trace), "") << text;
  std::string err;
  n->code = x64::compile_trace(n->trace, &err, tag, nullptr, link ? link->code.get() : nullptr);
  EXPECT_TRUE(n->code) << err;
  n->tag = tag;
  n->root = n.get();
  n->link = link;
  return n;
}

// BridgeInfo for a bridge whose INPUT k is entry k of the parent's snapshot `snap`.
x64::BridgeInfo info_for(const Node& parent, const Node& root, uint32_t snap) {
  x64::BridgeInfo info{parent.code.get(), root.code.get(), {}};
  for (const SnapEntry& e : parent.trace.snapshots().entries(snap)) {
    EXPECT_FALSE(is_const(e.ref));
    info.inputs.push_back(parent.code->allocation().loc[size_t(e.ref)]);
  }
  return info;
}

// Compiles `text` as a bridge of parent's exit `snap` and patches it in.
std::unique_ptr<Node> attach_bridge(Node& parent, const Node& root, uint32_t snap,
                                    const std::string& text, uint64_t tag,
                                    const HelperRegistry* h = nullptr, const Node* link = nullptr) {
  auto n = std::make_unique<Node>();
  n->trace = parse_or_die(text, h);
  EXPECT_EQ(verify_trace(n->trace), "") << text;
  x64::BridgeInfo info = info_for(parent, root, snap);
  std::string err;
  n->code = x64::compile_trace(n->trace, &err, tag, &info, link ? link->code.get() : nullptr);
  EXPECT_TRUE(n->code) << err << "\n" << text;
  if (!n->code) return n;
  n->tag = tag;
  n->root = &root;
  n->link = link;
  EXPECT_TRUE(n->code->is_bridge());
  EXPECT_EQ(n->code->entry(), nullptr);
  EXPECT_GE(n->code->spill_end(), parent.code->spill_end());
  EXPECT_TRUE(parent.code->patch_exit(snap, n->code->code()));
  parent.bridges[snap] = n.get();
  return n;
}

struct TreeExit {
  uint64_t tag = 0;
  uint32_t snap = 0;
  std::vector<uint64_t> values;
  std::vector<uint64_t> slots;
};

// The reference: the evaluator runs the root, a bridge when an exit has
// one (its INPUTs are the exit's snapshot values), after LINK the root it
// links to (its tree's root, or another tree's).
TreeExit eval_tree(const Node& root, std::vector<uint64_t> slots) {
  const Node* cur = &root;
  EvalOptions opts;
  for (int steps = 0; steps < 10'000'000; ++steps) {
    EvalResult r = evaluate(cur->trace, slots.data(), opts);
    if (r.kind == EvalResult::Kind::Link) {
      for (auto [slot, word] : r.slot_stores) slots[size_t(slot)] = word;
      cur = cur->link != nullptr ? cur->link : cur->root;
      opts.inputs.clear();
      continue;
    }
    EXPECT_EQ(r.kind, EvalResult::Kind::Exit) << r.error;
    if (r.kind != EvalResult::Kind::Exit) return {};
    auto it = cur->bridges.find(r.snap);
    if (it == cur->bridges.end()) return {cur->tag, r.snap, r.entry_values, slots};
    opts.inputs = r.entry_values;
    cur = it->second;
  }
  ADD_FAILURE() << "tree does not exit";
  return {};
}

// Runs the tree as machine code from the root and against eval_tree.
TreeExit run_tree(const Node& root, const std::vector<Node*>& nodes, std::vector<uint64_t> slots,
                  const std::string& context = "") {
  TreeExit want = eval_tree(root, slots);
  auto st = std::make_unique<x64::ExitState>();
  st->tag = 0xdead;
  TreeExit got;
  got.snap = root.code->run(slots.data(), st.get());
  got.tag = st->tag;
  got.slots = slots;
  EXPECT_EQ(got.tag, want.tag) << context;
  EXPECT_EQ(got.snap, want.snap) << context;
  EXPECT_EQ(got.slots, want.slots) << context;
  const Node* exited = nullptr;
  for (const Node* n : nodes)
    if (n->tag == got.tag) exited = n;
  if (exited == nullptr || got.tag != want.tag || got.snap != want.snap) {
    ADD_FAILURE() << context << "\nexit tag " << got.tag << " snap " << got.snap;
    return got;
  }
  got.values = exited->code->exit_values(*st, got.snap);
  auto entries = exited->trace.snapshots().entries(got.snap);
  EXPECT_EQ(got.values.size(), want.values.size()) << context;
  for (size_t k = 0; k < entries.size() && k < got.values.size() && k < want.values.size(); ++k)
    EXPECT_TRUE(same_bits(got.values[k], want.values[k], exited->trace.type_of(entries[k].ref)))
        << context << "\ntag " << got.tag << " exit " << got.snap << " entry " << k << ": machine "
        << std::hex << got.values[k] << " eval " << want.values[k];
  return got;
}

uint64_t small(int64_t v) { return Value::small(v).bits(); }

// --- A loop whose parity guard fails every other iteration

// for i < n: total += i*i if i is even; the odd iterations leave through
// snapshot 2 (i, n, total), where the bridges go.
const char* kParityLoop = R"(
snap 0 frames=10
snap 1 frames=10 0.0=0010 0.2=0011
snap 2 frames=10 0.0=0010 0.1=0007 0.2=0011
snap 3 frames=10 0.0=0010 0.2=0011
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
0010 int  PHI        0006 0018
0011 int  PHI        0008 0017
0012 int  LT         0010 0007
0013 ---  GUARD_TRUE 0012  [snap 1]
0014 int  AND        0010 #1
0015 ---  GUARD_FALSE 0014  [snap 2]
0016 int  MULOV      0010 0010  [snap 3]
0017 int  ADDOV      0011 0016  [snap 3]
0018 int  ADD        0010 #1
0019 ---  JUMP
)";

// Odd i: total += 3*i, i += 1, back into the root. INPUT 1 (n) is dead.
const char* kOddBridge = R"(
snap 0 frames=10 0.0=0000 0.2=0002
0000 int  INPUT      0
0001 int  INPUT      1
0002 int  INPUT      2
0003 int  MULOV      0000 #3  [snap 0]
0004 int  ADDOV      0002 0003  [snap 0]
0005 int  ADD        0000 #1
0006 ref  TAG        0005
0007 ref  TAGOV      0004  [snap 0]
0008 ---  STORESLOT  0 0006
0009 ---  STORESLOT  2 0007
0010 ---  LINK
)";

int64_t parity_sum(int64_t from, int64_t n) {
  int64_t total = 0;
  for (int64_t i = from; i < n; ++i) total += i % 2 == 0 ? i * i : 3 * i;
  return total;
}

TEST(X64BridgeTest, LoopBridgeLinksBackToRoot) {
  auto root = compile_root(kParityLoop, 7);
  ASSERT_TRUE(root->code);
  EXPECT_NE(root->code->reentry(), nullptr);
  // Without a bridge, the first odd i leaves through snapshot 2.
  std::vector<uint64_t> slots = {small(0), small(1000), small(0)};
  TreeExit e = run_tree(*root, {root.get()}, slots, "no bridge");
  EXPECT_EQ(e.tag, 7u);
  EXPECT_EQ(e.snap, 2u);
  EXPECT_EQ(int64_t(e.values[0]), 1);

  auto bridge = attach_bridge(*root, *root, 2, kOddBridge, 8);
  ASSERT_TRUE(bridge->code);
  EXPECT_EQ(bridge->code->allocation().loc[1].kind, x64::LocKind::None);  // dead INPUT
  for (int64_t n : {0, 1, 2, 7, 1000, 100001}) {
    slots = {small(0), small(n), small(0)};
    e = run_tree(*root, {root.get(), bridge.get()}, slots, "n=" + std::to_string(n));
    EXPECT_EQ(e.tag, 7u);
    EXPECT_EQ(e.snap, 1u);
    ASSERT_EQ(e.values.size(), 2u);
    EXPECT_EQ(int64_t(e.values[0]), n);
    EXPECT_EQ(int64_t(e.values[1]), parity_sum(0, n));
    // The slots hold what the last odd iteration stored.
    if (n >= 2) {
      EXPECT_EQ(e.slots[0], small(n % 2 == 0 ? n : n - 1));
    }
  }
  // The bridge's own overflow guard exits with the bridge's tag.
  int64_t big = int64_t(1) << 61;
  slots = {small(big + 1), small(big + 10), small(Value::kSmallMax - 5)};
  e = run_tree(*root, {root.get(), bridge.get()}, slots, "overflow in the bridge");
  EXPECT_EQ(e.tag, 8u);
  EXPECT_EQ(e.snap, 0u);
  EXPECT_EQ(int64_t(e.values[0]), big + 1);
}

// B1 (odd i) has a guard of its own on i & 2; B2 hangs off it and links to the root.
TEST(X64BridgeTest, BridgeOfABridge) {
  const char* b1_text = R"(
snap 0 frames=10 0.0=0000 0.2=0002
snap 1 frames=10 0.0=0000 0.1=0001 0.2=0002
0000 int  INPUT      0
0001 int  INPUT      1
0002 int  INPUT      2
0003 int  AND        0000 #2
0004 ---  GUARD_FALSE 0003  [snap 1]
0005 int  MULOV      0000 #3  [snap 0]
0006 int  ADDOV      0002 0005  [snap 0]
0007 int  ADD        0000 #1
0008 ref  TAG        0007
0009 ref  TAGOV      0006  [snap 0]
0010 ---  STORESLOT  0 0008
0011 ---  STORESLOT  2 0009
0012 ---  LINK
)";
  // i % 4 == 3: total += 5*i, leaves through EXIT when i == n - 1 (tag 3).
  const char* b2_text = R"(
snap 0 frames=10 0.0=0000 0.2=0002
snap 1 frames=10 0.0=0000 0.1=0001 0.2=0006 0.3=0005
0000 int  INPUT      0
0001 int  INPUT      1
0002 int  INPUT      2
0003 int  SUB        0001 #1
0004 int  EQ         0000 0003
0005 int  MULOV      0000 #5  [snap 0]
0006 int  ADDOV      0002 0005  [snap 0]
0007 ---  GUARD_FALSE 0004  [snap 1]
0008 int  ADD        0000 #1
0009 ref  TAG        0008
0010 ref  TAGOV      0006  [snap 0]
0011 ---  STORESLOT  2 0010
0012 ---  STORESLOT  0 0009
0013 ---  LINK
)";
  auto root = compile_root(kParityLoop, 1);
  ASSERT_TRUE(root->code);
  auto b1 = attach_bridge(*root, *root, 2, b1_text, 2);
  ASSERT_TRUE(b1->code);
  auto b2 = attach_bridge(*b1, *root, 1, b2_text, 3);
  ASSERT_TRUE(b2->code);
  EXPECT_GE(b2->code->spill_end(), b1->code->spill_end());
  std::vector<Node*> nodes = {root.get(), b1.get(), b2.get()};
  for (int64_t n : {0, 1, 3, 5, 6, 9, 10, 1000, 1002}) {
    std::vector<uint64_t> slots = {small(0), small(n), small(0)};
    TreeExit e = run_tree(*root, nodes, slots, "n=" + std::to_string(n));
    int64_t total = 0, i = 0;
    uint64_t tag = 1;
    for (; i < n; ++i) {
      if (i % 4 == 3 && i == n - 1) {
        tag = 3;
        break;
      }
      total += i % 2 == 0 ? i * i : i % 4 == 1 ? 3 * i : 5 * i;
    }
    EXPECT_EQ(e.tag, tag) << n;
    ASSERT_GE(e.values.size(), 2u);
    EXPECT_EQ(int64_t(e.values[0]), i) << n;
    if (tag == 3) {
      EXPECT_EQ(e.snap, 1u);
      EXPECT_EQ(int64_t(e.values[2]), total + 5 * i);
      EXPECT_EQ(int64_t(e.values[3]), 5 * i);
    } else {
      EXPECT_EQ(int64_t(e.values[1]), total) << n;
    }
  }
}

// --- Inputs in every kind of parent location, moved in every order

// A straight-line parent: `ints` int loads and `dbls` double loads, all named
// by snapshot 1 of a guard (mem[0] < mem[1]) that fails when mem[0] >= mem[1].
std::string wide_parent(int ints, int dbls) {
  std::string snap1 = "snap 1 frames=0";
  std::string body = ins_line(0, "ref", "LOADSLOT 0");
  int r = 1;
  for (int k = 0; k < ints + dbls; ++k, ++r) {
    body += ins_line(r, k < ints ? "int" : "dbl", "LOAD 0000 " + std::to_string(8 * k));
    snap1 += " 0." + std::to_string(k) + "=" + ref_text(r);
  }
  body += ins_line(r, "int", "LT 0001 0002");
  body += ins_line(r + 1, "---", "GUARD_TRUE " + ref_text(r) + "  [snap 1]");
  body += ins_line(r + 2, "---", "EXIT  [snap 0]");
  return "snap 0 frames=0\n" + snap1 + "\n" + body;
}

// A bridge whose INPUT instructions read the parent's values in the order
// `order` (so their locations are a permutation of the parent's): mixes
// them all into one int and one double, and exits (through a guard that
// fails when mem[0] > 1000, else EXIT) with every input and both sums.
std::string permuted_bridge(int ints, const std::vector<int>& order) {
  std::string snaps = "frames=0";
  std::string body;
  int r = 0;
  std::vector<int> int_refs, dbl_refs;
  for (int n : order) {
    bool dbl = n >= ints;
    body += ins_line(r, dbl ? "dbl" : "int", "INPUT " + std::to_string(n));
    snaps += " 0." + std::to_string(r) + "=" + ref_text(r);
    (dbl ? dbl_refs : int_refs).push_back(r++);
  }
  int isum = -1, dsum = -1;
  for (size_t k = 0; k < int_refs.size(); ++k, ++r) {
    std::string op = k % 3 == 0 ? "MUL" : k % 3 == 1 ? "XOR" : "ADD";
    std::string lhs = isum < 0 ? "#7" : ref_text(isum);
    body += ins_line(r, "int", op + " " + lhs + " " + ref_text(int_refs[k]));
    isum = r;
  }
  for (size_t k = 0; k < dbl_refs.size(); ++k, ++r) {
    std::string op = k % 2 == 0 ? "FMUL" : "FADD";
    std::string lhs = dsum < 0 ? "#0.5" : ref_text(dsum);
    body += ins_line(r, "dbl", op + " " + lhs + " " + ref_text(dbl_refs[k]));
    dsum = r;
  }
  const size_t n = order.size();
  if (isum >= 0) snaps += " 0." + std::to_string(n) + "=" + ref_text(isum);
  if (dsum >= 0) snaps += " 0." + std::to_string(n + 1) + "=" + ref_text(dsum);
  // INPUT 0 is mem[0] (an int): the guard fails when it is above 1000.
  int in0 = -1;
  for (size_t k = 0; k < order.size(); ++k)
    if (order[k] == 0) in0 = int(k);
  body += ins_line(r, "int", "LE " + ref_text(in0) + " #1000");
  body += ins_line(r + 1, "---", "GUARD_TRUE " + ref_text(r) + "  [snap 0]");
  body += ins_line(r + 2, "---", "EXIT  [snap 1]");
  return "snap 0 " + snaps + "\nsnap 1 " + snaps + " 0." + std::to_string(n + 2) + "=" +
         ref_text(in0) + "\n" + body;
}

// Whether moving inputs into place needs a cycle broken (a register or slot
// that is both a source and a destination, around a loop).
int count_cycles(const x64::CompiledTrace& bridge, const x64::BridgeInfo& info, const Trace& t) {
  std::map<std::pair<int, int>, std::pair<int, int>> next;  // dst -> src
  auto key = [](const x64::Loc& l) { return std::make_pair(int(l.kind), int(l.index)); };
  for (IrRef r = 0; size_t(r) < t.size() && t[r].op == IrOp::INPUT; ++r) {
    const x64::Loc& d = bridge.allocation().loc[size_t(r)];
    if (d.kind == x64::LocKind::None || d == info.inputs[size_t(t[r].a)]) continue;
    next[key(d)] = key(info.inputs[size_t(t[r].a)]);
  }
  int cycles = 0;
  std::map<std::pair<int, int>, int> seen;
  int walk = 0;
  for (auto& [start, _] : next) {
    ++walk;
    auto p = start;
    while (next.count(p) && !seen.count(p)) {
      seen[p] = walk;
      p = next[p];
    }
    if (next.count(p) && seen[p] == walk) ++cycles;
  }
  return cycles;
}

void check_permutations(int ints, int dbls, int rounds, bool expect_parent_spills) {
  const std::string parent_text = wide_parent(ints, dbls);
  auto root = compile_root(parent_text, 100);
  ASSERT_TRUE(root->code);
  x64::BridgeInfo info = info_for(*root, *root, 1);
  int spilled = 0, xmm = 0;
  for (const x64::Loc& l : info.inputs) {
    spilled += l.kind == x64::LocKind::Spill;
    xmm += l.kind == x64::LocKind::Xmm;
  }
  EXPECT_EQ(spilled > 0, expect_parent_spills);
  EXPECT_EQ(xmm > 0, dbls > 0);
  std::mt19937 rng(ints * 100 + dbls);
  std::vector<int> order(size_t(ints + dbls));
  for (size_t k = 0; k < order.size(); ++k) order[k] = int(k);
  int with_cycles = 0, bridge_spills = 0;
  for (int round = 0; round < rounds; ++round) {
    if (round > 0) std::shuffle(order.begin(), order.end(), rng);
    // Each round's bridge replaces the previous one on the same exit.
    root->bridges.clear();
    std::string text = permuted_bridge(ints, order);
    auto bridge = attach_bridge(*root, *root, 1, text, uint64_t(round + 1));
    ASSERT_TRUE(bridge->code);
    with_cycles += count_cycles(*bridge->code, info, bridge->trace) > 0;
    for (const x64::Loc& l : bridge->code->allocation().loc) {
      if (l.kind != x64::LocKind::Spill) continue;
      ++bridge_spills;
      EXPECT_GE(l.index, root->code->spill_end());  // numbered after the parent's
    }
    EXPECT_LE(bridge->code->spill_end(), root->code->spill_capacity());
    std::vector<uint64_t> mem;
    for (int k = 0; k < ints; ++k) mem.push_back(uint64_t(k * 7919 + 3) * (k % 2 ? 1 : -1ULL));
    for (int k = 0; k < dbls; ++k) mem.push_back(std::bit_cast<uint64_t>(1.0 + k * 0.37));
    std::vector<Node*> nodes = {root.get(), bridge.get()};
    for (int64_t first : {int64_t(500), int64_t(5000)}) {  // bridge's guard passes, fails
      mem[0] = uint64_t(first);
      mem[1] = 0;  // parent's guard (mem[0] < mem[1]) fails: into the bridge
      std::vector<uint64_t> slots = {reinterpret_cast<uint64_t>(mem.data())};
      TreeExit e = run_tree(*root, nodes, slots, text);
      EXPECT_EQ(e.tag, uint64_t(round + 1));
      EXPECT_EQ(e.snap, first > 1000 ? 0u : 1u);
    }
  }
  EXPECT_GT(with_cycles, 0) << "no permutation made a move cycle";
  if (expect_parent_spills) {
    EXPECT_GT(bridge_spills, 0);
  }
}

TEST(X64BridgeTest, InputMovesWithCyclesInRegisters) { check_permutations(8, 6, 40, false); }

TEST(X64BridgeTest, InputsSpilledInParentAndBridge) { check_permutations(20, 18, 40, true); }

TEST(X64BridgeTest, ExitValuesOfABridgeWithDoublesAndSpills) {
  // Fixed order: INPUT k reads entry k; the bridge exits through EXIT.
  const int ints = 18, dbls = 16;
  auto root = compile_root(wide_parent(ints, dbls), 0);
  ASSERT_TRUE(root->code);
  std::vector<int> order(ints + dbls);
  for (size_t k = 0; k < order.size(); ++k) order[k] = int(k);
  auto bridge = attach_bridge(*root, *root, 1, permuted_bridge(ints, order), 0xfedcba987654);
  ASSERT_TRUE(bridge->code);
  std::vector<uint64_t> mem;
  for (int k = 0; k < ints; ++k) mem.push_back(uint64_t(k * 1000003));
  const double specials[] = {-0.0, std::numeric_limits<double>::infinity(), 1e-310, -2.5};
  for (int k = 0; k < dbls; ++k) mem.push_back(std::bit_cast<uint64_t>(specials[k % 4] + k));
  mem[0] = 7;
  mem[1] = 0;  // the parent's guard fails: into the bridge
  std::vector<uint64_t> slots = {reinterpret_cast<uint64_t>(mem.data())};
  TreeExit e = run_tree(*root, {root.get(), bridge.get()}, slots);
  EXPECT_EQ(e.tag, 0xfedcba987654u);
  EXPECT_EQ(e.snap, 1u);
  ASSERT_EQ(e.values.size(), size_t(ints + dbls + 3));
  for (int k = 0; k < ints + dbls; ++k) EXPECT_EQ(e.values[size_t(k)], mem[size_t(k)]) << k;
  bool spilled_dbl = false, xmm_input = false;
  for (int k = 0; k < ints + dbls; ++k) {
    x64::Loc l = bridge->code->allocation().loc[size_t(k)];
    if (k >= ints && l.kind == x64::LocKind::Spill) spilled_dbl = true;
    if (k >= ints && l.kind == x64::LocKind::Xmm) xmm_input = true;
  }
  EXPECT_TRUE(spilled_dbl);
  EXPECT_TRUE(xmm_input);
  // The root's own exits carry its tag (0).
  mem[1] = 100;
  e = run_tree(*root, {root.get(), bridge.get()}, slots);
  EXPECT_EQ(e.tag, 0u);
  EXPECT_EQ(e.snap, 0u);
}

// --- Calls inside a bridge

int64_t g_misaligned = 0;
int64_t helper_aligned(int64_t a, int64_t b) {
  // With a frame pointer, rbp = entry rsp - 8, which is 16-byte aligned
  // exactly when the caller kept the System V alignment.
  if (reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) % 16 != 0) ++g_misaligned;
  return a * 31 + b;
}
double helper_dmix(double x, int64_t a) { return x * 0.5 + double(a); }

TEST(X64BridgeTest, CallsInABridgeKeepAlignment) {
  HelperRegistry h;
  h.add("aligned", reinterpret_cast<const void*>(&helper_aligned));
  h.add("dmix", reinterpret_cast<const void*>(&helper_dmix));
  // The parent also calls (so its frame is the one calls run in).
  const char* parent = R"(
snap 0 frames=0 0.0=0001 0.1=0002 0.2=0003 0.3=0004
0000 ref  LOADSLOT   0
0001 int  LOAD       0000 0
0002 int  LOAD       0000 8
0003 dbl  LOAD       0000 16
0004 int  CALL aligned 0001 0002
0005 ---  EXIT  [snap 0]
)";
  const char* bridge_text = R"(
snap 0 frames=0 0.0=0000 0.1=0001 0.2=0002 0.3=0003 0.4=0004 0.5=0005 0.6=0006
0000 int  INPUT      0
0001 int  INPUT      1
0002 dbl  INPUT      2
0003 int  INPUT      3
0004 int  CALL aligned 0003 0000
0005 dbl  CALLP dmix 0002 0004
0006 int  CALL aligned 0004 0001
0007 ---  EXIT  [snap 0]
)";
  auto root = compile_root(parent, 50, &h);
  ASSERT_TRUE(root->code);
  auto bridge = attach_bridge(*root, *root, 0, bridge_text, 51, &h);
  ASSERT_TRUE(bridge->code);
  std::vector<uint64_t> mem = {12, uint64_t(-5), std::bit_cast<uint64_t>(2.75)};
  std::vector<uint64_t> slots = {reinterpret_cast<uint64_t>(mem.data())};
  g_misaligned = 0;
  TreeExit e = run_tree(*root, {root.get(), bridge.get()}, slots);
  EXPECT_EQ(e.tag, 51u);
  EXPECT_EQ(g_misaligned, 0);
  ASSERT_EQ(e.values.size(), 7u);
  int64_t c0 = 12 * 31 - 5, c1 = c0 * 31 + 12;
  EXPECT_EQ(int64_t(e.values[4]), c1);
  EXPECT_EQ(std::bit_cast<double>(e.values[5]), 2.75 * 0.5 + double(c1));
  EXPECT_EQ(int64_t(e.values[6]), c1 * 31 - 5);
}

// --- LINK to another tree (nested loops on one frame)

// Slots: 0 i, 1 n, 2 total, 3 j, 4 m, 5 a pointer to 20 int64s, 6 out.
// A (outer body, straight-line, many spill slots): j += 1; an odd j leaves
// through snapshot 1 (where bridge A1 goes); otherwise out = sum(mem) + j,
// i = 0, and LINK into B.
std::string outer_root_text() {
  std::string body;
  body += ins_line(0, "ref", "LOADSLOT 3");
  body += ins_line(1, "---", "GUARD_SMALLINT 0000  [snap 0]");
  body += ins_line(2, "int", "UNTAG 0000");
  body += ins_line(3, "int", "ADD 0002 #1");
  body += ins_line(4, "int", "AND 0003 #1");
  body += ins_line(5, "---", "GUARD_FALSE 0004  [snap 1]");
  body += ins_line(6, "ref", "LOADSLOT 5");
  int r = 7;
  for (int k = 0; k < 20; ++k, ++r)
    body += ins_line(r, "int", "LOAD 0006 " + std::to_string(8 * k));
  int sum = 3;  // j + 1, then every load, so all loads are live at once
  for (int k = 19; k >= 0; --k, ++r) {
    body += ins_line(r, "int", "ADD " + ref_text(sum) + " " + ref_text(7 + k));
    sum = r;
  }
  body += ins_line(r, "ref", "TAG " + ref_text(sum));
  body += ins_line(r + 1, "ref", "TAG 0003");
  body += ins_line(r + 2, "---", "STORESLOT 6 " + ref_text(r));
  body += ins_line(r + 3, "---", "STORESLOT 3 " + ref_text(r + 1));
  body += ins_line(r + 4, "---", "STORESLOT 0 @0x1");  // i = 0 (a small int)
  body += ins_line(r + 5, "---", "LINK");
  return "snap 0 frames=10\nsnap 1 frames=10 0.0=0002\n" + body;
}

// A1 (A's odd j): out = 1000 * (j + 1), i = 0, j += 1, LINK into B.
const char* kOuterBridge = R"(
snap 0 frames=10
0000 int  INPUT      0
0001 int  ADD        0000 #1
0002 int  MUL        0001 #1000
0003 ref  TAG        0002
0004 ref  TAG        0001
0005 ---  STORESLOT  6 0003
0006 ---  STORESLOT  3 0004
0007 ---  STORESLOT  0 @0x1
0008 ---  LINK
)";

// B (inner loop): leaves at once when j >= m (snapshot 0, no bridge); for
// i < n: total += aligned(i, j) = 31*i + j; i >= n leaves through snapshot 1
// (i, n, total, j), where bridge B1 goes.
const char* kInnerLoop = R"(
snap 0 frames=10
snap 1 frames=10 0.0=0018 0.1=0011 0.2=0019 0.3=0013
snap 2 frames=10 0.0=0018 0.2=0019
0000 ref  LOADSLOT   0
0001 ref  LOADSLOT   1
0002 ref  LOADSLOT   2
0003 ref  LOADSLOT   3
0004 ref  LOADSLOT   4
0005 ---  GUARD_SMALLINT 0000  [snap 0]
0006 ---  GUARD_SMALLINT 0001  [snap 0]
0007 ---  GUARD_SMALLINT 0002  [snap 0]
0008 ---  GUARD_SMALLINT 0003  [snap 0]
0009 ---  GUARD_SMALLINT 0004  [snap 0]
0010 int  UNTAG      0000
0011 int  UNTAG      0001
0012 int  UNTAG      0002
0013 int  UNTAG      0003
0014 int  UNTAG      0004
0015 int  LT         0013 0014
0016 ---  GUARD_TRUE 0015  [snap 0]
0017 ---  LOOP
0018 int  PHI        0010 0024
0019 int  PHI        0012 0023
0020 int  LT         0018 0011
0021 ---  GUARD_TRUE 0020  [snap 1]
0022 int  CALL aligned 0018 0013
0023 int  ADDOV      0019 0022  [snap 2]
0024 int  ADD        0018 #1
0025 ---  JUMP
)";

// B1 (B's loop is done): exits (tag of B1) when total >= 100000, else
// total and i go back to the frame and it LINKs into A.
const char* kInnerBridge = R"(
snap 0 frames=10 0.0=0000 0.2=0002 0.3=0003
0000 int  INPUT      0
0001 int  INPUT      1
0002 int  INPUT      2
0003 int  INPUT      3
0004 int  LT         0002 #100000
0005 ---  GUARD_TRUE 0004  [snap 0]
0006 ref  TAGOV      0002  [snap 0]
0007 ref  TAG        0000
0008 ---  STORESLOT  2 0006
0009 ---  STORESLOT  0 0007
0010 ---  LINK
)";

TEST(X64BridgeTest, RootLinksIntoAnotherTree) {
  HelperRegistry h;
  h.add("aligned", reinterpret_cast<const void*>(&helper_aligned));
  auto b = compile_root(kInnerLoop, 20, &h);
  ASSERT_TRUE(b->code);
  auto a = compile_root(outer_root_text(), 10, nullptr, b.get());
  ASSERT_TRUE(a->code);
  EXPECT_GT(a->code->spill_end(), 0u);
  EXPECT_EQ(b->code->spill_end(), 0u);
  EXPECT_NE(a->code->frame_size(), b->code->frame_size());
  for (const auto* c : {a->code.get(), b->code.get()}) {
    auto* e = static_cast<const uint8_t*>(c->entry_after_pushes());
    EXPECT_GT(e, c->code());
    EXPECT_LT(e, static_cast<const uint8_t*>(c->reentry()));
  }
  std::vector<int64_t> mem(20);
  int64_t mem_sum = 0;
  for (int k = 0; k < 20; ++k) mem_sum += mem[size_t(k)] = k * k - 7;
  auto slots_for = [&](int64_t n, int64_t total, int64_t j, int64_t m) {
    return std::vector<uint64_t>{small(99), small(n), small(total),
                                 small(j),  small(m), reinterpret_cast<uint64_t>(mem.data()),
                                 small(0)};
  };
  std::vector<Node*> nodes = {a.get(), b.get()};
  for (int64_t n : {0, 1, 5, 1000}) {
    g_misaligned = 0;
    // A (j = 2 -> 3 is odd): leaves through its own snapshot 1.
    TreeExit e = run_tree(*a, nodes, slots_for(n, 4, 2, 100), "odd j, n=" + std::to_string(n));
    EXPECT_EQ(e.tag, 10u);
    EXPECT_EQ(e.snap, 1u);
    // A (j = 1 -> 2): LINK into B, which runs its loop and exits in snapshot 1.
    e = run_tree(*a, nodes, slots_for(n, 4, 1, 100), "n=" + std::to_string(n));
    EXPECT_EQ(e.tag, 20u);
    EXPECT_EQ(e.snap, 1u);
    ASSERT_EQ(e.values.size(), 4u);
    EXPECT_EQ(int64_t(e.values[0]), n);
    EXPECT_EQ(int64_t(e.values[1]), n);
    EXPECT_EQ(int64_t(e.values[2]), 4 + 31 * n * (n - 1) / 2 + 2 * n);
    EXPECT_EQ(int64_t(e.values[3]), 2);
    EXPECT_EQ(e.slots[0], small(0));
    EXPECT_EQ(e.slots[3], small(2));
    EXPECT_EQ(e.slots[6], small(mem_sum + 2));
    // j + 1 >= m: B leaves through its preamble guard.
    e = run_tree(*a, nodes, slots_for(n, 4, 1, 2), "m=2, n=" + std::to_string(n));
    EXPECT_EQ(e.tag, 20u);
    EXPECT_EQ(e.snap, 0u);
    EXPECT_EQ(g_misaligned, 0);
  }
}

// A -> B -> B1 -> A -> B ...: the outer loop's trace and the inner loop's
// tree LINK into each other until B's preamble guard (j >= m, no bridge) or
// B1's guard (total too large) leaves. A1 (a bridge of the linking root)
// LINKs into B too.
TEST(X64BridgeTest, TwoTreesLinkInACycle) {
  HelperRegistry h;
  h.add("aligned", reinterpret_cast<const void*>(&helper_aligned));
  auto b = compile_root(kInnerLoop, 20, &h);
  ASSERT_TRUE(b->code);
  auto a = compile_root(outer_root_text(), 10, nullptr, b.get());
  ASSERT_TRUE(a->code);
  auto a1 = attach_bridge(*a, *a, 1, kOuterBridge, 11, nullptr, b.get());
  ASSERT_TRUE(a1->code);
  auto b1 = attach_bridge(*b, *b, 1, kInnerBridge, 21, nullptr, a.get());
  ASSERT_TRUE(b1->code);
  std::vector<Node*> nodes = {a.get(), a1.get(), b.get(), b1.get()};
  std::vector<int64_t> mem(20);
  int64_t mem_sum = 0;
  for (int k = 0; k < 20; ++k) mem_sum += mem[size_t(k)] = 3 * k + 1;
  for (int64_t n : {0, 1, 4, 30}) {
    for (int64_t m : {0, 1, 2, 5, 40}) {
      std::string ctx = "n=" + std::to_string(n) + " m=" + std::to_string(m);
      std::vector<uint64_t> slots = {small(7), small(n), small(0),
                                     small(0), small(m), reinterpret_cast<uint64_t>(mem.data()),
                                     small(0)};
      g_misaligned = 0;
      TreeExit e = run_tree(*a, nodes, slots, ctx);
      EXPECT_EQ(g_misaligned, 0) << ctx;
      // The same in C++.
      int64_t i = 7, total = 0, j = 0, out = 0;
      uint64_t tag = 0;
      for (;;) {
        ++j;  // A or A1
        out = j % 2 ? 1000 * j : mem_sum + j;
        i = 0;
        if (j >= m) {  // B's preamble guard
          tag = 20;
          break;
        }
        for (; i < n; ++i) total += 31 * i + j;
        if (total >= 100000) {  // B1's guard
          tag = 21;
          break;
        }
      }
      EXPECT_EQ(e.tag, tag) << ctx;
      EXPECT_EQ(e.snap, 0u) << ctx;
      EXPECT_EQ(e.slots[3], small(j)) << ctx;
      EXPECT_EQ(e.slots[6], small(out)) << ctx;
      if (tag == 20) {
        EXPECT_EQ(e.slots[0], small(0)) << ctx;
        EXPECT_EQ(e.slots[2], small(total)) << ctx;
      } else {
        ASSERT_EQ(e.values.size(), 3u) << ctx;
        EXPECT_EQ(int64_t(e.values[0]), n) << ctx;
        EXPECT_EQ(int64_t(e.values[1]), total) << ctx;
        EXPECT_EQ(int64_t(e.values[2]), j) << ctx;
      }
    }
  }
  // A bridge may name its own root as the link target: the same as none.
  auto root = compile_root(kParityLoop, 7);
  ASSERT_TRUE(root->code);
  auto odd = attach_bridge(*root, *root, 2, kOddBridge, 8, nullptr, root.get());
  ASSERT_TRUE(odd->code);
  TreeExit e = run_tree(*root, {root.get(), odd.get()}, {small(0), small(50), small(0)});
  EXPECT_EQ(int64_t(e.values[1]), parity_sum(0, 50));
}

TEST(X64BridgeTest, BadLinksAreRejected) {
  HelperRegistry h;
  h.add("aligned", reinterpret_cast<const void*>(&helper_aligned));
  auto b = compile_root(kInnerLoop, 20, &h);
  ASSERT_TRUE(b->code);
  Trace t = parse_or_die(outer_root_text());
  std::string err;
  // A root that LINKs needs a target.
  EXPECT_EQ(x64::compile_trace(t, &err), nullptr);
  EXPECT_NE(err.find("without a link target"), std::string::npos) << err;
  // The target must be a root.
  auto b1 = attach_bridge(*b, *b, 1, kInnerBridge, 21, nullptr, nullptr);
  ASSERT_TRUE(b1->code);
  EXPECT_EQ(x64::compile_trace(t, &err, 0, nullptr, b1->code.get()), nullptr);
  EXPECT_NE(err.find("not a root"), std::string::npos) << err;
  EXPECT_EQ(b1->code->entry_after_pushes(), nullptr);
  // INPUT stays bridge-only, with or without a target.
  Trace in = parse_or_die("snap 0 frames=0\n0000 int  INPUT 0\n0001 ---  LINK\n");
  EXPECT_EQ(x64::compile_trace(in, &err, 0, nullptr, b->code.get()), nullptr);
  EXPECT_NE(err.find("outside a bridge"), std::string::npos) << err;
  // With a target it compiles (the target's pushes must be every root's).
  auto ok = x64::compile_trace(t, &err, 0, nullptr, b->code.get());
  ASSERT_TRUE(ok) << err;
  EXPECT_EQ(ok->pushed_registers(), b->code->pushed_registers());
}

// --- Errors, frame, W^X

TEST(X64BridgeTest, BadBridgesAreRejected) {
  auto root = compile_root(wide_parent(2, 1), 0);
  ASSERT_TRUE(root->code);
  std::string err;
  // INPUT and LINK only in bridges.
  Trace t = parse_or_die("snap 0 frames=0\n0000 int  INPUT 0\n0001 ---  EXIT  [snap 0]\n");
  EXPECT_EQ(x64::compile_trace(t, &err), nullptr);
  EXPECT_NE(err.find("outside a bridge"), std::string::npos) << err;
  // An int INPUT whose parent location is an XMM register; an INPUT with no location.
  x64::BridgeInfo info{root->code.get(), root->code.get(), {x64::Loc{x64::LocKind::Xmm, 1}}};
  EXPECT_EQ(x64::compile_trace(t, &err, 1, &info), nullptr);
  EXPECT_NE(err.find("INPUT 0"), std::string::npos) << err;
  info.inputs.clear();
  EXPECT_EQ(x64::compile_trace(t, &err, 1, &info), nullptr);
  EXPECT_NE(err.find("INPUT 0"), std::string::npos) << err;
  info.inputs = {x64::Loc{x64::LocKind::Known, 1}};
  EXPECT_EQ(x64::compile_trace(t, &err, 1, &info), nullptr);
  // More live values than the root reserved spill slots for its bridges.
  std::string text = "snap 0 frames=0";
  std::string body = ins_line(0, "ref", "LOADSLOT 0");
  const int n = 120;
  for (int k = 1; k <= n; ++k) {
    body += ins_line(k, "int", "LOAD 0000 " + std::to_string(8 * k));
    text += " 0." + std::to_string(k) + "=" + ref_text(k);
  }
  body += ins_line(n + 1, "---", "EXIT  [snap 0]");
  t = parse_or_die(text + "\n" + body);
  info.inputs.clear();
  EXPECT_EQ(x64::compile_trace(t, &err, 1, &info), nullptr);
  EXPECT_EQ(err, "bridge needs too many spill slots");
  auto ok = x64::compile_trace(t, &err);  // fine as a root
  EXPECT_TRUE(ok) << err;
}

TEST(X64BridgeTest, RootFrameIsSharedAndWXHolds) {
  auto root = compile_root(kParityLoop, 0);
  ASSERT_TRUE(root->code);
  EXPECT_EQ(root->code->pushed_registers().size(), 6u);
  EXPECT_EQ(root->code->spill_capacity(), root->code->spill_end() + x64::kBridgeSpillSlots);
  EXPECT_EQ((8 + 8 * 6 + root->code->frame_size()) % 16, 0u);
  // reentry() is inside the root's code, past the pushes.
  auto* re = static_cast<const uint8_t*>(root->code->reentry());
  EXPECT_GT(re, root->code->code());
  EXPECT_LT(re, root->code->code() + root->code->code_size());
  auto bridge = attach_bridge(*root, *root, 2, kOddBridge, 1);
  ASSERT_TRUE(bridge->code);
  EXPECT_EQ(bridge->code->frame_size(), root->code->frame_size());
  EXPECT_EQ(bridge->code->reentry(), nullptr);
  std::string dump = bridge->code->disassemble();
  EXPECT_EQ(dump.find("push"), std::string::npos) << dump;  // no prologue
  EXPECT_NE(dump.find("pop"), std::string::npos) << dump;   // the root's epilogue
  run_tree(*root, {root.get(), bridge.get()}, {small(0), small(100), small(0)});
  std::ifstream maps("/proc/self/maps");
  std::string line;
  int rwx = 0, ours = 0;
  while (std::getline(maps, line)) {
    uintptr_t lo = std::stoull(line.substr(0, line.find('-')), nullptr, 16);
    uintptr_t hi = std::stoull(line.substr(line.find('-') + 1), nullptr, 16);
    std::string perms = line.substr(line.find(' ') + 1, 4);
    for (const auto* code : {root->code.get(), bridge->code.get()}) {
      auto addr = reinterpret_cast<uintptr_t>(code->code());
      if (addr >= lo && addr < hi) {
        ++ours;
        EXPECT_EQ(perms.substr(0, 3), "r-x") << line;
      }
    }
    if (perms.substr(0, 3) == "rwx") ++rwx;
  }
  EXPECT_EQ(ours, 2);
  EXPECT_EQ(rwx, 0);
}

}  // namespace
}  // namespace kestrel::jit
