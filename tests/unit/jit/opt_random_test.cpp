// Property test of the optimizer passes: random traces (straight-line and
// peeled-looking loops) full of what the passes look for (constants,
// repeated instructions, guards on compares, overflow ops on bounded values,
// tags, loads and stores through aliasing bases) go through each pass alone
// and through the whole chain; after every pass the trace must verify, and
// the reference evaluator must give the same exit, snapshot values,
// iteration count and memory as the original on several inputs.
#include <random>

#include "opt_test_util.h"

namespace kestrel::jit::opt::test {
namespace {

int64_t random_helper(int64_t a, int64_t b) { return int64_t(uint64_t(a) * 7 - uint64_t(b)); }

constexpr uint64_t kClassWord = 0x5550;  // memory word 0: the class of the object at slot 0
constexpr int kMemWords = 16;

class OptTraceGen {
 public:
  explicit OptTraceGen(uint64_t seed) : rng_(seed) {}

  // Slots: 0 = the memory (an object whose class word is kClassWord), 1..4 =
  // small ints or raw words, 5 = the memory + 8 (aliases slot 0's words).
  std::vector<uint64_t> random_slots() {
    std::vector<uint64_t> s = {kMem, 0, 0, 0, 0, kMem + 8};
    for (int k = 1; k <= 4; ++k) s[size_t(k)] = pick(6) == 0 ? rng_() : small(random_small());
    return s;
  }
  std::vector<uint64_t> random_memory() {
    std::vector<uint64_t> m(kMemWords);
    m[0] = kClassWord;
    for (int k = 1; k < kMemWords; ++k)
      m[size_t(k)] = pick(2) ? uint64_t(random_small()) : std::bit_cast<uint64_t>(random_dbl());
    return m;
  }

  Trace generate(int len, bool loop, const HelperRegistry& helpers) {
    t_ = Trace();
    ints_.clear();
    dbls_.clear();
    refs_.clear();
    preamble_.clear();
    helper_ = helpers.find("rnd");
    p_ = t_.load_slot(0);
    q_ = t_.load_slot(5);
    for (int k = 1; k <= 4; ++k) refs_.push_back(t_.load_slot(k));
    refs_.push_back(p_);  // an object: class facts meet identity guards
    // Values first (snapshots pick from them), then the entry guards.
    for (int k = 1; k <= 2; ++k) ints_.push_back(t_.emit(IrOp::UNTAG, refs_[size_t(k)]));
    dbls_.push_back(t_.load(IrType::Dbl, p_, 8 * (1 + int(pick(kMemWords - 1)))));
    if (pick(2)) t_.guard(IrOp::GUARD_CLASS, snapshot(), p_, t_.kref(kClassWord));
    for (int k = 1; k <= 2; ++k) t_.guard(IrOp::GUARD_SMALLINT, snapshot(), refs_[size_t(k)]);
    if (!loop) {
      for (int k = 0; k < len; ++k) random_op();
      t_.guard(IrOp::EXIT, snapshot());
      return std::move(t_);
    }
    for (int k = 0; k < len / 3; ++k) random_op();
    preamble_.assign(t_.instructions().begin(), t_.instructions().end());
    t_.emit(IrOp::LOOP);
    IrRef counter = t_.emit(IrOp::PHI, t_.kint(0), 0);
    std::vector<IrRef> phis = {counter};
    for (int k = int(pick(3)); k >= 0; --k) {
      bool dbl = pick(4) == 0;
      phis.push_back(t_.emit(IrOp::PHI, dbl ? any_dbl() : any_int(), 0));
    }
    for (size_t k = 1; k < phis.size(); ++k) add(phis[k]);
    ints_.push_back(counter);
    IrRef lt = t_.emit(IrOp::LT, counter, t_.kint(1 + int64_t(pick(30))));
    t_.guard(IrOp::GUARD_TRUE, snapshot(), lt);
    IrRef next = pick(2) ? t_.emit(IrOp::ADD, counter, t_.kint(1))
                         : t_.guard(IrOp::ADDOV, snapshot(), counter, t_.kint(1));
    for (int k = 0; k < len * 2 / 3; ++k) pick(4) == 0 ? repeat_preamble_op() : random_op();
    t_.at(counter).b = next;
    for (size_t k = 1; k < phis.size(); ++k)
      t_.at(phis[k]).b = t_.type_of(phis[k]) == IrType::Dbl ? any_dbl() : any_int();
    t_.emit(IrOp::JUMP);
    return std::move(t_);
  }

 private:
  size_t pick(size_t n) { return size_t(rng_() % n); }
  int64_t random_small() {
    switch (pick(5)) {
      case 0:
        return int64_t(pick(21)) - 10;
      case 1:
        return Value::kSmallMax - int64_t(pick(3));
      case 2:
        return Value::kSmallMin + int64_t(pick(3));
      case 3:
        return (int64_t(1) << 31) + int64_t(pick(3)) - 1;
      default:
        return int64_t(rng_() >> 2) - (int64_t(1) << 61);
    }
  }
  double random_dbl() {
    static const double kSpecial[] = {0.0, -0.0, 1.0, -2.5, 1e308, std::nan(""), 9.3e18};
    return pick(2) ? kSpecial[pick(std::size(kSpecial))] : double(int64_t(pick(2001)) - 1000) / 4;
  }
  IrRef random_int_const() {
    static const int64_t kInteresting[] = {0, 1, -1, 2, 3, 63, 64, 255, INT64_MAX, INT64_MIN};
    return t_.kint(pick(2) ? kInteresting[pick(std::size(kInteresting))] : random_small());
  }

  void add(IrRef r) {
    switch (t_.type_of(r)) {
      case IrType::Int:
        ints_.push_back(r);
        break;
      case IrType::Dbl:
        dbls_.push_back(r);
        break;
      case IrType::Ref:
        refs_.push_back(r);
        break;
      default:
        break;
    }
  }
  IrRef any_int() {
    if (pick(4) == 0) return random_int_const();
    if (pick(2) == 0 && ints_.size() > 3) return ints_[ints_.size() - 1 - pick(3)];
    return ints_[pick(ints_.size())];
  }
  IrRef any_dbl() {
    if (pick(6) == 0) return t_.kdbl(random_dbl());
    return dbls_[pick(dbls_.size())];
  }
  IrRef any_ref() { return refs_[pick(refs_.size())]; }
  // None-like 0, a small int, or the object at slot 0's class word.
  IrRef any_word_constant() {
    switch (pick(3)) {
      case 0:
        return t_.kref(0);
      case 1:
        return t_.kref(small(random_small()));
      default:
        return t_.kref(kClassWord);
    }
  }

  uint32_t snapshot() {
    std::vector<SnapEntry> entries;
    int n = int(pick(6));
    for (int k = 0; k < n; ++k) {
      size_t kind = pick(4);
      IrRef r = kind == 0 ? any_dbl() : kind == 1 ? any_ref() : any_int();
      entries.push_back({uint16_t(k), 0, SnapKind::Value, r});
    }
    SnapFrame f{uint32_t(t_.size()), 0, nullptr};
    return t_.add_snapshot({&f, 1}, entries);
  }

  // A pure preamble instruction again, with the same operands: after peeling
  // the body is full of these (CSE turns them into preamble values).
  void repeat_preamble_op() {
    for (int tries = 0; tries < 4 && !preamble_.empty(); ++tries) {
      const IrIns x = preamble_[pick(preamble_.size())];
      if (!op_has(x.op, kPure) && x.op != IrOp::LOAD && x.op != IrOp::LOADSLOT) continue;
      if (x.op == IrOp::CALLP || x.op == IrOp::PHI) continue;
      add(t_.emit_typed(x.op, x.type, x.a, x.b, x.c));
      return;
    }
  }

  void random_op() {
    static const IrOp kIntBin[] = {IrOp::ADD, IrOp::SUB, IrOp::MUL, IrOp::AND, IrOp::OR,
                                   IrOp::XOR, IrOp::SHL, IrOp::SAR, IrOp::SHR};
    static const IrOp kCmp[] = {IrOp::LT, IrOp::LE, IrOp::EQ, IrOp::NE,
                                IrOp::GT, IrOp::GE, IrOp::ULT};
    static const IrOp kOv[] = {IrOp::ADDOV, IrOp::SUBOV, IrOp::MULOV};
    static const IrOp kDbl[] = {IrOp::FADD, IrOp::FSUB, IrOp::FMUL, IrOp::FDIV};
    static const IrOp kDblCmp[] = {IrOp::FLT, IrOp::FLE, IrOp::FEQ,
                                   IrOp::FNE, IrOp::FGT, IrOp::FGE};
    switch (pick(24)) {
      case 0:
      case 1:
      case 2:
        add(t_.emit(kIntBin[pick(std::size(kIntBin))], any_int(), any_int()));
        break;
      case 3:
        // Masks and shifts by constants: what bounds values.
        add(t_.emit(pick(2) ? IrOp::AND : IrOp::SAR, any_int(), t_.kint(int64_t(pick(70)))));
        break;
      case 4:
      case 5:
        add(t_.emit(kCmp[pick(std::size(kCmp))], any_int(), any_int()));
        break;
      case 6:
      case 7:
        add(t_.guard(kOv[pick(3)], snapshot(), any_int(), any_int()));
        break;
      case 8:
        add(t_.emit(pick(2) ? IrOp::NEG : IrOp::NOT, any_int()));
        break;
      case 9:
        add(t_.emit(kDbl[pick(std::size(kDbl))], any_dbl(), any_dbl()));
        break;
      case 10:
        add(t_.emit(kDblCmp[pick(std::size(kDblCmp))], any_dbl(), any_dbl()));
        break;
      case 11:
        add(pick(2) ? t_.emit(IrOp::I2D, any_int()) : t_.emit(IrOp::D2I, any_dbl()));
        break;
      case 12:
        condition_guard();
        break;
      case 13:
        if (pick(3))
          t_.guard(IrOp::GUARD_SMALLINT, snapshot(), any_ref());
        else
          t_.guard(IrOp::GUARD_NE, snapshot(), any_ref(), any_word_constant());
        break;
      case 14:
        add(pick(2) ? t_.emit(IrOp::TAG, t_.emit(IrOp::AND, any_int(), t_.kint(0xffff)))
                    : t_.guard(IrOp::TAGOV, snapshot(), any_int()));
        break;
      case 15:
        add(t_.emit(IrOp::UNTAG, any_ref()));
        break;
      case 16:
      case 17:
        memory_op();
        break;
      case 18:
        add(t_.call(pick(2) == 0, IrType::Int, helper_, "rnd", {any_int(), any_int()}));
        break;
      case 19:
        if (pick(2)) t_.guard(IrOp::GUARD_CLASS, snapshot(), p_, t_.kref(kClassWord));
        break;
      case 20:
        t_.guard(pick(2) ? IrOp::GUARD_EQ : IrOp::GUARD_NE, snapshot(), any_int(), any_int());
        break;
      default:
        // An exact repeat of a recent instruction: CSE's food.
        repeat_recent();
        break;
    }
  }

  // Guards on compares, with the polarity that held for a typical input:
  // half of the traces still exit early, half run on.
  void condition_guard() {
    static const IrOp kCmp[] = {IrOp::LT, IrOp::LE, IrOp::GT, IrOp::GE, IrOp::EQ, IrOp::NE};
    IrRef c;
    if (pick(3) == 0) {
      c = ints_[pick(ints_.size())];
    } else {
      c = t_.emit(kCmp[pick(std::size(kCmp))], any_int(), any_int());
      add(c);
    }
    t_.guard(pick(2) ? IrOp::GUARD_TRUE : IrOp::GUARD_FALSE, snapshot(), c);
  }

  void memory_op() {
    // Slot 5 points 8 bytes into slot 0's memory: the two bases alias. Word 0
    // (the class word) is never written.
    bool via_q = pick(2);
    IrRef base = via_q ? q_ : p_;
    int words = via_q ? kMemWords - 1 : kMemWords;
    int32_t offset = 8 * int32_t(via_q ? pick(size_t(words)) : 1 + pick(size_t(words - 1)));
    // Sometimes half a word lower: accesses that overlap two words.
    if (offset >= 12 && pick(8) == 0) offset -= 4;
    switch (pick(4)) {
      case 0:
        t_.emit(IrOp::STORE, base, offset, any_int());
        break;
      case 1:
        t_.emit(IrOp::STOREF, base, offset, any_dbl());
        break;
      default:
        add(t_.load(pick(2) ? IrType::Int : IrType::Dbl, base, offset));
        break;
    }
  }

  void repeat_recent() {
    if (t_.size() == 0) return;
    IrRef r = IrRef(t_.size()) - 1 - IrRef(pick(std::min<size_t>(t_.size(), 8)));
    const IrIns x = t_[r];
    bool repeatable = op_has(x.op, kPure) || x.op == IrOp::LOAD;
    if (!repeatable || x.op == IrOp::PHI || x.op == IrOp::CALLP) return;
    add(t_.emit_typed(x.op, x.type, x.a, x.b, x.c));
  }

  std::mt19937_64 rng_;
  Trace t_;
  std::vector<IrRef> ints_, dbls_, refs_;
  std::vector<IrIns> preamble_;
  IrRef p_ = 0, q_ = 0;
  const void* helper_ = nullptr;
};

struct NamedPass {
  const char* name;
  bool (*run)(Trace&);
};
const NamedPass kPasses[] = {{"fold", fold_constants},
                             {"cse", eliminate_common_subexpressions},
                             {"guards", remove_redundant_guards},
                             {"intbounds", narrow_overflow_checks},
                             {"dce", eliminate_dead_code}};

// Runs `chain` (indices into kPasses) on a copy of `original`, verifying
// after each pass; returns the result.
Trace run_chain(const Trace& original, const std::vector<int>& chain, bool* ok) {
  Trace t = original;
  for (int p : chain) {
    kPasses[p].run(t);
    std::string v = verify_trace(t);
    EXPECT_EQ(v, "") << "after " << kPasses[p].name << ":\n"
                     << print_trace(t) << "original:\n"
                     << print_trace(original);
    if (!v.empty()) {
      *ok = false;
      return t;
    }
  }
  return t;
}

// The fully optimised trace must also compile, and the machine code must
// agree with the evaluator (passes leave shapes the recorder never emits:
// constant operands, always-failing guards, PHIs of constants).
void expect_backend_agrees(const Trace& t, const std::vector<uint64_t>& input,
                           const std::vector<uint64_t>& mem) {
  std::string err;
  auto code = x64::compile_trace(t, &err);
  ASSERT_TRUE(code) << err << "\n" << print_trace(t);
  std::vector<uint64_t> m = mem, slots = input;
  for (size_t k = 0; k < input.size(); ++k)
    if (input[k] - kMem < kMemSpan)
      slots[k] = reinterpret_cast<uint64_t>(m.data()) + (input[k] - kMem);
  EvalResult r = evaluate(t, slots.data());
  ASSERT_EQ(r.kind, EvalResult::Kind::Exit);
  std::vector<uint64_t> m_eval = m;
  m = mem;
  auto st = std::make_unique<x64::ExitState>();
  uint32_t exit = code->run(slots.data(), st.get());
  ASSERT_EQ(exit, r.snap) << print_trace(t);
  std::vector<uint64_t> values = code->exit_values(*st, exit);
  auto entries = t.snapshots().entries(exit);
  for (size_t k = 0; k < entries.size(); ++k) {
    IrType type = entries[k].kind == SnapKind::Virtual ? IrType::Void : t.type_of(entries[k].ref);
    EXPECT_TRUE(jit::test::same_bits(values[k], r.entry_values[k], type)) << "entry " << k << "\n"
                                                                          << print_trace(t);
  }
  for (size_t k = 0; k < mem.size(); ++k)
    EXPECT_TRUE(jit::test::same_bits(m[k], m_eval[k], IrType::Dbl)) << "memory word " << k;
}

TEST(OptRandomTest, EveryPassAndTheChainKeepBehaviour) {
  HelperRegistry helpers;
  helpers.add("rnd", reinterpret_cast<const void*>(&random_helper));
  const std::vector<std::vector<int>> chains = {
      {0}, {1}, {2}, {3}, {4}, {0, 1, 2, 3, 0, 1, 4}, {3, 2, 1, 0, 4}};
  int traces = 2000;
  int ran_long = 0;
  for (int seed = 0; seed < traces; ++seed) {
    OptTraceGen gen(uint64_t(seed) * 7919 + 17);
    bool loop = seed % 2 == 1;
    Trace original = gen.generate(20 + seed % 60, loop, helpers);
    ASSERT_EQ(verify_trace(original), "") << print_trace(original);
    std::vector<std::vector<uint64_t>> inputs;
    for (int k = 0; k < 3; ++k) inputs.push_back(gen.random_slots());
    std::vector<uint64_t> mem = gen.random_memory();
    for (const auto& chain : chains) {
      bool ok = true;
      Trace optimised = run_chain(original, chain, &ok);
      if (!ok) return;
      SCOPED_TRACE("seed " + std::to_string(seed) + ", chain starting with " +
                   kPasses[chain[0]].name);
      expect_same_behaviour(original, optimised, inputs, mem);
      if (chain.size() > 1) expect_backend_agrees(optimised, inputs[0], mem);
      if (::testing::Test::HasFailure()) return;
    }
    // Count traces that got past their first few guards (the test's reach).
    std::vector<uint64_t> slots = inputs[0];
    std::vector<uint64_t> m = mem;
    slots[0] = reinterpret_cast<uint64_t>(m.data());
    slots[5] = reinterpret_cast<uint64_t>(m.data()) + 8;
    EvalResult r = evaluate(original, slots.data());
    ran_long += r.kind == EvalResult::Kind::Exit && r.at > IrRef(original.size() / 2);
  }
  // Sanity: a fair share of traces run past their middle.
  EXPECT_GT(ran_long, traces / 10);
}

}  // namespace
}  // namespace kestrel::jit::opt::test
