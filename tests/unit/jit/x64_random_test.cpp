// The random backend test: generate random valid traces (straight-line and
// loops) of int and double ops with guards, compile them, and compare the
// machine code with the reference evaluator: same exit, same value for
// every snapshot entry (bit-exact), same memory.
#include <random>

#include "jit_test_util.h"

namespace kestrel::jit {
namespace {

// Wrapping arithmetic done in uint64_t: signed overflow would be undefined.
int64_t rnd_helper3(int64_t a, int64_t b, int64_t c) {
  return int64_t((uint64_t(a) ^ (uint64_t(b) * 31)) - uint64_t(c));
}
double rnd_fhelper(double x, int64_t a, double y) { return x * 0.5 + double(a) - y; }

class TraceGen {
 public:
  explicit TraceGen(uint64_t seed) : rng_(seed) {}

  static constexpr int kMemWords = 24;  // 16 input words + 8 scratch words for STOREs

  uint64_t random_int_bits() {
    switch (pick(8)) {
      case 0:
        return uint64_t(int64_t(pick(201)) - 100);
      case 1:
        return uint64_t((int64_t(1) << 62) - int64_t(pick(5)));
      case 2:
        return uint64_t(-(int64_t(1) << 62) + int64_t(pick(5)));
      case 3:
        return uint64_t(INT64_MAX - int64_t(pick(5)));
      case 4:
        return uint64_t(INT64_MIN + int64_t(pick(5)));
      case 5:
        return uint64_t((int64_t(1) << 31) + int64_t(pick(5)) - 2);
      case 6:
        return uint64_t(pick(64));
      default:
        return rng_();
    }
  }
  uint64_t random_dbl_bits() {
    static const double kSpecial[] = {0.0,
                                      -0.0,
                                      1.0,
                                      -2.5,
                                      0.1,
                                      1e308,
                                      -1e-310,
                                      std::numeric_limits<double>::infinity(),
                                      std::numeric_limits<double>::quiet_NaN(),
                                      9.2e18,
                                      -9.3e18};
    switch (pick(4)) {
      case 0:
        return std::bit_cast<uint64_t>(kSpecial[pick(std::size(kSpecial))]);
      case 1:
        return std::bit_cast<uint64_t>(double(int64_t(pick(2001)) - 1000) / 8.0);
      case 2:
        return std::bit_cast<uint64_t>(std::ldexp(double(rng_() >> 11), int(pick(120)) - 60));
      default:
        return std::bit_cast<uint64_t>(double(int64_t(pick(200001)) - 100000) * 1.37);
    }
  }

  std::vector<uint64_t> random_memory() {
    std::vector<uint64_t> mem(kMemWords);
    for (int k = 0; k < 16; ++k) mem[k] = (k % 2 == 0) ? random_int_bits() : random_dbl_bits();
    return mem;
  }

  // Builds a trace of about `len` instructions; `loop` makes it a loop trace.
  Trace generate(int len, bool loop) {
    t_ = Trace();
    ints_.clear();
    dbls_.clear();
    exact_dbls_.clear();
    p_ = t_.load_slot(0);
    for (int k = 0; k < 16; ++k) {
      IrType ty = k % 2 == 0 ? IrType::Int : IrType::Dbl;
      if (pick(3) == 0) continue;
      add_exact(t_.load(ty, p_, 8 * k));
    }
    if (ints_.empty()) add(t_.load(IrType::Int, p_, 0));
    if (dbls_.empty()) add_exact(t_.load(IrType::Dbl, p_, 8));
    if (!loop) {
      for (int k = 0; k < len; ++k) random_op();
      t_.guard(IrOp::EXIT, snapshot());
      return std::move(t_);
    }
    for (int k = 0; k < len / 4; ++k) random_op();
    // Loop: a counter PHI bounded by a guard, plus random int/double PHIs
    // whose back-edge values are random body values (or other PHIs: swaps).
    t_.emit(IrOp::LOOP);
    IrRef counter = t_.emit(IrOp::PHI, t_.kint(0), 0);
    std::vector<IrRef> phis = {counter};
    int nphi = 1 + int(pick(6));
    for (int k = 0; k < nphi; ++k) {
      bool dbl = pick(3) == 0;
      IrRef init = dbl ? any_dbl() : any_int();
      phis.push_back(t_.emit(IrOp::PHI, init, 0));
    }
    for (size_t k = 1; k < phis.size(); ++k) add(phis[k]);
    ints_.push_back(counter);
    // Usually the loop test comes first (the backend rotates such loops:
    // JUMP repeats it); sometimes other code does.
    if (pick(4) == 0) random_op();
    IrRef lt = t_.emit(IrOp::LT, counter, t_.kint(1 + int64_t(pick(40))));
    t_.guard(IrOp::GUARD_TRUE, snapshot(), lt);
    IrRef next = t_.emit(IrOp::ADD, counter, t_.kint(1));
    for (int k = 0; k < len * 3 / 4; ++k) random_op();
    t_.at(counter).b = next;
    for (size_t k = 1; k < phis.size(); ++k) {
      bool dbl = t_.type_of(phis[k]) == IrType::Dbl;
      IrRef back = dbl ? any_dbl() : any_int();
      // Half the PHIs are updated from themselves (x = x op y), the shape
      // the allocator's PHI hints aim at; ADDOV's snapshot may name the PHI.
      if (pick(2) == 0) {
        if (dbl)
          back = t_.emit(pick(2) ? IrOp::FADD : IrOp::FMUL, phis[k], any_dbl());
        else if (pick(3) == 0)
          back = t_.guard(IrOp::ADDOV, snapshot(phis[k]), phis[k], any_int());
        else
          back = t_.emit(pick(2) ? IrOp::SUB : IrOp::XOR, phis[k], any_int());
        if (pick(3) == 0) random_op();  // sometimes the PHI is read after its update
      }
      t_.at(phis[k]).b = back;
    }
    t_.emit(IrOp::JUMP);
    return std::move(t_);
  }

 private:
  size_t pick(size_t n) { return size_t(rng_() % n); }
  void add(IrRef r) { (t_.type_of(r) == IrType::Dbl ? dbls_ : ints_).push_back(r); }
  // Doubles whose bits are exact: not computed from two NaNs by a commutative
  // op, whose NaN payload depends on an operand order that C++ may choose
  // either way (same_bits forgives that for doubles, not for their DBITS).
  void add_exact(IrRef r) {
    add(r);
    if (t_.type_of(r) == IrType::Dbl) exact_dbls_.push_back(r);
  }
  IrRef any_exact_dbl() {
    if (exact_dbls_.empty() || pick(8) == 0)
      return t_.kdbl(std::bit_cast<double>(random_dbl_bits()));
    return exact_dbls_[pick(exact_dbls_.size())];
  }
  IrRef any_int() {
    if (pick(8) == 0) return t_.kint(int64_t(random_int_bits()));
    // Prefer recent values (short live ranges) but reach back sometimes (long ones).
    if (pick(2) == 0 && ints_.size() > 4) return ints_[ints_.size() - 1 - pick(4)];
    return ints_[pick(ints_.size())];
  }
  IrRef any_dbl() {
    if (pick(8) == 0) return t_.kdbl(std::bit_cast<double>(random_dbl_bits()));
    if (pick(2) == 0 && dbls_.size() > 4) return dbls_[dbls_.size() - 1 - pick(4)];
    return dbls_[pick(dbls_.size())];
  }
  // A snapshot naming a random subset of the values defined so far (and
  // `extra`, if given, as a bool or a value).
  uint32_t snapshot(IrRef extra = kNoRef) {
    std::vector<SnapEntry> entries;
    int n = int(pick(12));
    for (int k = 0; k < n; ++k) {
      bool dbl = pick(3) == 0;
      IrRef r = dbl ? any_dbl() : any_int();
      entries.push_back({uint16_t(k), 0, SnapKind::Value, r});
    }
    if (extra != kNoRef) {
      SnapKind kind =
          t_.type_of(extra) == IrType::Int && pick(2) ? SnapKind::Bool : SnapKind::Value;
      entries.push_back({uint16_t(n), 0, kind, extra});
    }
    SnapFrame f{uint32_t(t_.size()), 0, nullptr};
    return t_.add_snapshot({&f, 1}, entries);
  }

  void random_op() {
    static const IrOp kIntBin[] = {IrOp::ADD, IrOp::SUB, IrOp::MUL, IrOp::AND, IrOp::OR, IrOp::XOR,
                                   IrOp::SHL, IrOp::SAR, IrOp::SHR, IrOp::LT,  IrOp::LE, IrOp::EQ,
                                   IrOp::NE,  IrOp::GT,  IrOp::GE,  IrOp::ULT};
    static const IrOp kOv[] = {IrOp::ADDOV, IrOp::SUBOV, IrOp::MULOV};
    static const IrOp kDblBin[] = {IrOp::FADD, IrOp::FSUB, IrOp::FMUL, IrOp::FDIV};
    static const IrOp kDblCmp[] = {IrOp::FLT, IrOp::FLE, IrOp::FEQ,
                                   IrOp::FNE, IrOp::FGT, IrOp::FGE};
    switch (pick(22)) {
      case 0:
      case 1:
      case 2:
      case 3:
      case 4:
        add(t_.emit(kIntBin[pick(std::size(kIntBin))], any_int(), any_int()));
        break;
      case 5:
        // Overflow guards exit often on big operands; keep them rarer.
        if (pick(2) == 0)
          add(t_.guard(kOv[pick(3)], snapshot(), any_int(), any_int()));
        else
          add(t_.emit(IrOp::NEG, any_int()));
        break;
      case 6:
        add(t_.emit(pick(2) ? IrOp::NOT : IrOp::NEG, any_int()));
        break;
      case 7:
      case 8:
      case 9:
        add(t_.emit(kDblBin[pick(std::size(kDblBin))], any_dbl(), any_dbl()));
        break;
      case 10:
        add(t_.emit(kDblCmp[pick(std::size(kDblCmp))], any_dbl(), any_dbl()));
        break;
      case 11:
        if (pick(2))
          add_exact(t_.emit(IrOp::I2D, any_int()));
        else
          add(t_.emit(IrOp::FNEG, any_dbl()));
        break;
      case 12: {
        if (pick(2))
          add(t_.emit(IrOp::D2I, any_dbl()));  // any NaN gives INT64_MIN
        else
          add(t_.emit(IrOp::DBITS, any_exact_dbl()));
        break;
      }
      case 13: {
        // Guards, mostly on compare results so both outcomes happen.
        IrRef c = any_int();
        switch (pick(4)) {
          case 0:
            t_.guard(IrOp::GUARD_TRUE, snapshot(), c);
            break;
          case 1:
            t_.guard(IrOp::GUARD_FALSE, snapshot(), c);
            break;
          case 2:
            t_.guard(IrOp::GUARD_NE, snapshot(), c, any_int());
            break;
          default:
            t_.guard(IrOp::GUARD_EQ, snapshot(), c, c);
            break;  // always passes
        }
        break;
      }
      case 14: {
        IrRef v = pick(2) ? any_int() : any_exact_dbl();  // int LOADs may read it back
        int32_t off = 8 * int32_t(16 + pick(8));
        t_.emit(t_.type_of(v) == IrType::Dbl ? IrOp::STOREF : IrOp::STORE, p_, off, v);
        break;
      }
      case 15:
        add_exact(t_.load(pick(2) ? IrType::Int : IrType::Dbl, p_, 8 * int32_t(pick(24))));
        break;
      case 16:
        if (pick(2) == 0)
          add(t_.call(pick(2) == 0, IrType::Int, reinterpret_cast<const void*>(&rnd_helper3), "h3",
                      {any_int(), any_int(), any_int()}));
        else
          add(t_.call(true, IrType::Dbl, reinterpret_cast<const void*>(&rnd_fhelper), "fh",
                      {any_dbl(), any_int(), any_dbl()}));
        break;
      case 17: {
        IrRef tagged = t_.emit(IrOp::TAG, t_.emit(IrOp::AND, any_int(), t_.kint(0xffff)));
        add(t_.emit(IrOp::UNTAG, tagged));
        break;
      }
      case 18:
        add_exact(
            t_.emit(IrOp::BITSD, t_.emit(IrOp::AND, any_int(), t_.kint(0x3fffffffffffffffLL))));
        break;
      case 19: {
        // A compare whose user is a guard (the backend fuses them): right
        // after it or a few ops later (calls included), the compare perhaps
        // in the guard's snapshot, rarely used again (then not fused).
        static const IrOp kIntCmp[] = {IrOp::LT, IrOp::LE, IrOp::EQ, IrOp::NE,
                                       IrOp::GT, IrOp::GE, IrOp::ULT};
        // Seven in eight are (in)equalities in the direction that usually
        // passes, so that loops still run; the rest exit half the time.
        const bool likely = pick(8) != 0;
        const bool dbl = pick(3) == 0;
        IrOp op = dbl ? kDblCmp[pick(std::size(kDblCmp))] : kIntCmp[pick(std::size(kIntCmp))];
        if (likely) op = dbl ? (pick(2) ? IrOp::FEQ : IrOp::FNE) : (pick(2) ? IrOp::EQ : IrOp::NE);
        IrRef c = dbl ? t_.emit(op, any_dbl(), any_dbl())
                      : t_.emit(op, any_int(), pick(2) ? any_int() : t_.kint(int64_t(pick(9)) - 4));
        if (depth_ < 2) {
          ++depth_;
          for (size_t k = pick(4); k > 0; --k) random_op();
          --depth_;
        }
        uint32_t snap = pick(2) ? snapshot(c) : snapshot();
        bool want_true = likely ? (op == IrOp::NE || op == IrOp::FNE) : pick(2) == 0;
        t_.guard(want_true ? IrOp::GUARD_TRUE : IrOp::GUARD_FALSE, snap, c);
        if (pick(5) == 0) add(c);
        break;
      }
      case 20: {
        // ADDOV/SUBOV of a value used nowhere else (the result may take its
        // register; the exit must still see it).
        IrRef fresh = t_.emit(IrOp::XOR, any_int(), any_int());
        IrOp op = pick(2) ? IrOp::ADDOV : IrOp::SUBOV;
        uint32_t snap = pick(2) ? snapshot(fresh) : snapshot();
        IrRef other = pick(4) ? any_int() : t_.kint(int64_t(random_int_bits()));
        if (op == IrOp::ADDOV && pick(2))
          add(t_.guard(op, snap, other, fresh));
        else
          add(t_.guard(op, snap, fresh, other));
        break;
      }
      default:
        add(t_.emit(kIntBin[pick(std::size(kIntBin))], any_int(), t_.kint(int64_t(pick(70)))));
        break;
    }
  }

  std::mt19937_64 rng_;
  int depth_ = 0;  // nesting of random_op inside the compare-guard pattern
  Trace t_;
  IrRef p_ = 0;
  std::vector<IrRef> ints_, dbls_, exact_dbls_;
};

TEST(X64RandomTest, RandomTracesMatchEvaluator) {
  int traces = 0, runs = 0, loops = 0, exits_before_end = 0, fused = 0, known = 0, phi_in_place = 0;
  int64_t iterations = 0;
  for (uint64_t seed = 1; seed <= 5000; ++seed) {
    TraceGen gen(seed);
    bool loop = seed % 2 == 0;
    int len = 50 + int(seed * 7919 % 151);  // 50..200
    Trace t = gen.generate(len, loop);
    std::string v = verify_trace(t);
    ASSERT_EQ(v, "") << "seed " << seed << "\n" << print_trace(t);
    std::string err;
    auto code = x64::compile_trace(t, &err);
    ASSERT_TRUE(code) << "seed " << seed << ": " << err;
    ++traces;
    loops += loop;
    const x64::Allocation& al = code->allocation();
    for (size_t i = 0; i < t.size(); ++i) {
      fused += al.fused_into[i] != kNoRef;
      known += al.loc[i].kind == x64::LocKind::Known;
      if (t[IrRef(i)].op == IrOp::PHI && !is_const(t[IrRef(i)].b) &&
          al.loc[i].kind == x64::LocKind::Gpr && al.loc[i] == al.loc[size_t(t[IrRef(i)].b)])
        ++phi_in_place;
    }
    for (int k = 0; k < 3; ++k) {
      auto mem = gen.random_memory();
      auto r = test::run_both(t, *code, {0}, mem, "seed " + std::to_string(seed));
      ++runs;
      if (r.eval.at != IrRef(t.size() - 1)) ++exits_before_end;
      iterations += r.eval.iterations;
      if (::testing::Test::HasFailure()) {
        std::string locs;
        for (size_t i = 0; i < t.size(); ++i)
          locs += std::to_string(i) + "=" + x64::format_loc(code->allocation().loc[i]) + " ";
        ADD_FAILURE() << "seed " << seed << " run " << k << "\n"
                      << print_trace(t) << "locations: " << locs << "\n"
                      << code->disassemble();
        return;
      }
    }
  }
  // Visible in the test log: how much was checked.
  std::printf(
      "[ random ] %d traces (%d loops), %d runs, %d exits at a guard, %lld loop iterations; %d "
      "compares fused into guards (%d named by the guard's snapshot), %d PHIs updated in their "
      "own register\n",
      traces, loops, runs, exits_before_end, static_cast<long long>(iterations), fused, known,
      phi_in_place);
  EXPECT_GT(exits_before_end, runs / 4);
  EXPECT_GT(fused, traces / 2);
  EXPECT_GT(known, traces / 10);
  EXPECT_GT(phi_in_place, loops / 4);
}

}  // namespace
}  // namespace kestrel::jit
