// Integer range analysis: overflow checks that cannot fail become plain ops.
//
// Design (PyPy optimizeopt/intbounds.py, LuaJIT lj_opt_narrow.c). A forward
// pass gives every int ref a range [lo, hi] that contains every value it can
// have where the pass stands:
//   * constants are [c, c]; UNTAG is an arithmetic shift right by one, so
//     [-2**62, 2**62) whatever the word was; compares are [0, 1];
//   * AND with a non-negative operand is [0, that operand's hi]; OR/XOR of
//     non-negatives stay below the next power of two; SAR/SHR/SHL by a
//     constant shift the bounds (SHL only when nothing is shifted out);
//     NEG and NOT mirror the bounds;
//   * ADD/SUB/MUL compute the bounds in 128 bits: if they fit int64 the op
//     cannot wrap and the range is exact, otherwise it is unknown;
//   * a guard refines its operands from where it stands on: GUARD_TRUE(LT x y)
//     gives x <= y.hi - 1 and y >= x.lo + 1, GUARD_FALSE uses the inverse
//     compare, GUARD_EQ intersects, GUARD_TRUE(ULT x y) with y >= 0 gives
//     0 <= x < y.hi (a bounds check);
//   * loads, calls, D2I, DBITS, PHIs: unknown (but see induction below).
// Rewrites: ADDOV/SUBOV/MULOV whose operands' ranges prove the exact result
// fits int64 become ADD/SUB/MUL, TAGOV of a value in [-2**62, 2**62) becomes
// TAG, and they drop their snapshot. A GUARD_TRUE/GUARD_FALSE on an int
// compare that the ranges decide in its favour is removed. Ranges only ever
// over-approximate, so every rewrite holds for every execution.
//
// Induction variables. A loop PHI p = PHI(a, b) whose back edge is
// b = ADD/ADDOV(p, k) with a constant k > 0 only grows: p >= a.lo. If the
// body bounds p from above before computing b (GUARD_TRUE(LT p n) with n <=
// N), then every b is at most N - 1 + k, so p <= max(a.hi, N - 1 + k). The
// pass runs twice: first with every PHI unknown, recording p's range where b
// is computed (sound, because nothing was assumed about p), then again with
// the PHI ranges this gives, now rewriting. Decreasing counters (k < 0 or
// SUB) are handled the same way with the lower bound.
#include <algorithm>
#include <bit>
#include <optional>
#include <unordered_map>
#include <vector>

#include "jit/opt/passes.h"
#include "jit/opt/rewrite.h"

namespace kestrel::jit::opt {

namespace {

using i128 = __int128;

struct Range {
  int64_t lo = INT64_MIN, hi = INT64_MAX;
  static Range unknown() { return {}; }
  static Range exactly(int64_t v) { return {v, v}; }
  bool is_unknown() const { return lo == INT64_MIN && hi == INT64_MAX; }
  bool non_negative() const { return lo >= 0; }
};

constexpr int64_t kSmallMin = -(int64_t(1) << 62);
constexpr int64_t kSmallMax = (int64_t(1) << 62) - 1;

bool fits(i128 v) { return v >= i128(INT64_MIN) && v <= i128(INT64_MAX); }

// [lo, hi] when both fit int64, else nullopt (the 64-bit op would wrap).
std::optional<Range> exact(i128 lo, i128 hi) {
  if (!fits(lo) || !fits(hi)) return std::nullopt;
  return Range{int64_t(lo), int64_t(hi)};
}

std::optional<Range> exact_add(Range a, Range b) {
  return exact(i128(a.lo) + b.lo, i128(a.hi) + b.hi);
}
std::optional<Range> exact_sub(Range a, Range b) {
  return exact(i128(a.lo) - b.hi, i128(a.hi) - b.lo);
}
std::optional<Range> exact_mul(Range a, Range b) {
  // Each int64 product fits in 128 bits.
  i128 p[4] = {i128(a.lo) * b.lo, i128(a.lo) * b.hi, i128(a.hi) * b.lo, i128(a.hi) * b.hi};
  return exact(*std::min_element(p, p + 4), *std::max_element(p, p + 4));
}

// The smallest 2**n - 1 that is >= v (v >= 0): OR/XOR of values in [0, v].
int64_t all_ones_covering(int64_t v) {
  return v == 0 ? 0 : int64_t((~uint64_t(0)) >> std::countl_zero(uint64_t(v)));
}

// The compare that is true exactly when `op` is false (int compares).
std::optional<IrOp> inverse(IrOp op) {
  switch (op) {
    case IrOp::LT:
      return IrOp::GE;
    case IrOp::LE:
      return IrOp::GT;
    case IrOp::GT:
      return IrOp::LE;
    case IrOp::GE:
      return IrOp::LT;
    case IrOp::EQ:
      return IrOp::NE;
    case IrOp::NE:
      return IrOp::EQ;
    default:
      return std::nullopt;
  }
}

bool is_compare(IrOp op) {
  return (op >= IrOp::LT && op <= IrOp::GE) || op == IrOp::ULT ||
         (op >= IrOp::FLT && op <= IrOp::FGE);
}

// A loop counter candidate: PHI p with back edge p + step (step constant).
struct Induction {
  IrRef phi;
  IrRef back_edge;
  int64_t step;
};

class RangeAnalysis {
 public:
  RangeAnalysis(Trace& t, bool rewrite, const std::unordered_map<IrRef, Range>& phi_ranges)
      : t_(t), rewrite_(rewrite), phi_ranges_(phi_ranges), ranges_(t.size()) {}

  // For each induction PHI: the range of its entry value at LOOP (after every
  // preamble guard) and its own range where its back edge is computed.
  struct InductionFacts {
    Range entry, at_back_edge;
  };
  const std::unordered_map<IrRef, InductionFacts>& induction_facts() const { return facts_; }
  bool changed() const { return changed_; }

  void run(const std::vector<Induction>& inductions) {
    std::unordered_map<IrRef, IrRef> phi_of_back_edge;
    for (const Induction& ind : inductions) phi_of_back_edge[ind.back_edge] = ind.phi;
    for (IrRef r = 0; r < IrRef(t_.size()); ++r) {
      if (t_[r].op == IrOp::LOOP)
        for (const Induction& ind : inductions) facts_[ind.phi].entry = range(t_[ind.phi].a);
      if (auto it = phi_of_back_edge.find(r); it != phi_of_back_edge.end())
        facts_[it->second].at_back_edge = range(it->second);
      visit(r);
    }
  }

 private:
  Range range(IrRef r) const {
    if (is_const(r)) {
      const IrConst& c = t_.constant(r);
      return c.type == IrType::Int ? Range::exactly(c.as_int()) : Range::unknown();
    }
    return ranges_[size_t(r)];
  }

  void visit(IrRef r) {
    IrIns& x = t_.at(r);
    if (x.type == IrType::Int) ranges_[size_t(r)] = result_range(x, r);
    switch (x.op) {
      case IrOp::ADDOV:
      case IrOp::SUBOV:
      case IrOp::MULOV:
      case IrOp::TAGOV:
        narrow_overflow_op(r);
        break;
      case IrOp::GUARD_TRUE:
      case IrOp::GUARD_FALSE:
        visit_condition_guard(r);
        break;
      case IrOp::GUARD_EQ:
        if (t_.type_of(x.a) == IrType::Int) learn(IrOp::EQ, x.a, x.b);
        break;
      default:
        break;
    }
  }

  Range result_range(const IrIns& x, IrRef r) const {
    Range a = operand_range(x, 0), b = operand_range(x, 1);
    switch (x.op) {
      case IrOp::PHI: {
        auto it = phi_ranges_.find(r);
        return it == phi_ranges_.end() ? Range::unknown() : it->second;
      }
      case IrOp::UNTAG:
        return {kSmallMin, kSmallMax};
      case IrOp::ADD:
        return exact_add(a, b).value_or(Range::unknown());
      case IrOp::SUB:
        return exact_sub(a, b).value_or(Range::unknown());
      case IrOp::MUL:
        return exact_mul(a, b).value_or(Range::unknown());
      // An overflow op that produced a value did not overflow: the exact
      // range, clamped to int64.
      case IrOp::ADDOV:
        return clamp(i128(a.lo) + b.lo, i128(a.hi) + b.hi);
      case IrOp::SUBOV:
        return clamp(i128(a.lo) - b.hi, i128(a.hi) - b.lo);
      case IrOp::MULOV:
        return clamp_mul(a, b);
      case IrOp::AND:
        return and_range(a, b);
      case IrOp::OR:
      case IrOp::XOR:
        if (a.non_negative() && b.non_negative())
          return {0, all_ones_covering(std::max(a.hi, b.hi))};
        return Range::unknown();
      case IrOp::SAR:
      case IrOp::SHR:
      case IrOp::SHL:
        return shift_range(x.op, a, x.b);
      case IrOp::NEG:
        return a.lo == INT64_MIN ? Range::unknown() : Range{-a.hi, -a.lo};
      case IrOp::NOT:
        return {~a.hi, ~a.lo};
      default:
        return is_compare(x.op) ? Range{0, 1} : Range::unknown();
    }
  }

  Range operand_range(const IrIns& x, int i) const {
    if (!operand_is_ref(x.op, i)) return Range::unknown();
    IrRef r = i == 0 ? x.a : x.b;
    return t_.type_of(r) == IrType::Int ? range(r) : Range::unknown();
  }

  static Range clamp(i128 lo, i128 hi) {
    return {int64_t(std::clamp(lo, i128(INT64_MIN), i128(INT64_MAX))),
            int64_t(std::clamp(hi, i128(INT64_MIN), i128(INT64_MAX)))};
  }
  static Range clamp_mul(Range a, Range b) {
    i128 p[4] = {i128(a.lo) * b.lo, i128(a.lo) * b.hi, i128(a.hi) * b.lo, i128(a.hi) * b.hi};
    return clamp(*std::min_element(p, p + 4), *std::max_element(p, p + 4));
  }

  static Range and_range(Range a, Range b) {
    // x & m with m >= 0 is in [0, m]: the sign bit and every bit above m's
    // top bit are cleared.
    if (a.non_negative() && b.non_negative()) return {0, std::min(a.hi, b.hi)};
    if (a.non_negative()) return {0, a.hi};
    if (b.non_negative()) return {0, b.hi};
    return Range::unknown();
  }

  Range shift_range(IrOp op, Range a, IrRef count) const {
    if (!is_const(count)) return Range::unknown();
    int k = int(t_.constant(count).bits & 63);  // counts are taken mod 64
    if (op == IrOp::SAR) return {a.lo >> k, a.hi >> k};
    if (op == IrOp::SHR) {
      if (a.non_negative()) return {a.lo >> k, a.hi >> k};
      return k == 0 ? a : Range{0, int64_t(~uint64_t(0) >> k)};
    }
    // SHL: exact when no bit (sign included) is shifted out.
    return exact(i128(a.lo) << k, i128(a.hi) << k).value_or(Range::unknown());
  }

  // ---- rewriting overflow ops

  void narrow_overflow_op(IrRef r) {
    IrIns& x = t_.at(r);
    bool safe = false;
    IrOp plain = IrOp::NOP;
    Range a = operand_range(x, 0), b = operand_range(x, 1);
    switch (x.op) {
      case IrOp::ADDOV:
        safe = exact_add(a, b).has_value();
        plain = IrOp::ADD;
        break;
      case IrOp::SUBOV:
        safe = exact_sub(a, b).has_value();
        plain = IrOp::SUB;
        break;
      case IrOp::MULOV:
        safe = exact_mul(a, b).has_value();
        plain = IrOp::MUL;
        break;
      case IrOp::TAGOV:
        safe = a.lo >= kSmallMin && a.hi <= kSmallMax;
        plain = IrOp::TAG;
        break;
      default:
        return;
    }
    if (!safe || !rewrite_) return;
    x.op = plain;
    x.snap = kNoSnap;
    changed_ = true;
  }

  // ---- learning from guards

  void visit_condition_guard(IrRef r) {
    const IrIns& g = t_[r];
    if (is_const(g.a)) return;
    const IrIns c = t_[g.a];
    if (!is_compare(c.op) || t_.type_of(c.a) != IrType::Int) return;
    bool want = g.op == IrOp::GUARD_TRUE;
    if (decided(c) == want) {
      if (rewrite_) {
        make_nop(t_, r);
        changed_ = true;
      }
      return;
    }
    if (want) {
      learn(c.op, c.a, c.b);
    } else if (auto inv = inverse(c.op)) {
      learn(*inv, c.a, c.b);
    }
  }

  // The value of compare c if the ranges decide it.
  std::optional<bool> decided(const IrIns& c) const {
    Range a = range(c.a), b = range(c.b);
    switch (c.op) {
      case IrOp::LT:
        if (a.hi < b.lo) return true;
        if (a.lo >= b.hi) return false;
        break;
      case IrOp::LE:
        if (a.hi <= b.lo) return true;
        if (a.lo > b.hi) return false;
        break;
      case IrOp::GT:
        if (a.lo > b.hi) return true;
        if (a.hi <= b.lo) return false;
        break;
      case IrOp::GE:
        if (a.lo >= b.hi) return true;
        if (a.hi < b.lo) return false;
        break;
      case IrOp::ULT:
        // Non-negative ranges compare the same signed and unsigned.
        if (a.non_negative() && b.non_negative()) {
          if (a.hi < b.lo) return true;
          if (a.lo >= b.hi) return false;
        }
        break;
      default:
        break;
    }
    return std::nullopt;
  }

  // `op a b` holds from here on: narrow a's and b's ranges.
  void learn(IrOp op, IrRef a, IrRef b) {
    Range ra = range(a), rb = range(b);
    switch (op) {
      case IrOp::LT:  // a <= b.hi - 1, b >= a.lo + 1
        narrow(a, ra.lo, sat_dec(rb.hi));
        narrow(b, sat_inc(ra.lo), rb.hi);
        break;
      case IrOp::LE:
        narrow(a, ra.lo, rb.hi);
        narrow(b, ra.lo, rb.hi);
        break;
      case IrOp::GT:
        learn(IrOp::LT, b, a);
        break;
      case IrOp::GE:
        learn(IrOp::LE, b, a);
        break;
      case IrOp::EQ:
        narrow(a, rb.lo, rb.hi);
        narrow(b, ra.lo, ra.hi);
        break;
      case IrOp::ULT:
        // Unsigned a < b with b in [0, INT64_MAX]: a is in [0, b.hi - 1].
        if (rb.non_negative()) narrow(a, 0, sat_dec(rb.hi));
        break;
      default:
        break;  // NE: nothing useful for intervals
    }
  }

  static int64_t sat_dec(int64_t v) { return v == INT64_MIN ? v : v - 1; }
  static int64_t sat_inc(int64_t v) { return v == INT64_MAX ? v : v + 1; }

  // Intersects r's range with [lo, hi]. An empty intersection means the guard
  // always fails (the code after it never runs); the range is left as it was.
  void narrow(IrRef r, int64_t lo, int64_t hi) {
    if (is_const(r)) return;
    Range& cur = ranges_[size_t(r)];
    Range next{std::max(cur.lo, lo), std::min(cur.hi, hi)};
    if (next.lo <= next.hi) cur = next;
  }

  Trace& t_;
  bool rewrite_;
  const std::unordered_map<IrRef, Range>& phi_ranges_;
  std::vector<Range> ranges_;
  std::unordered_map<IrRef, InductionFacts> facts_;
  bool changed_ = false;
};

// PHIs whose back edge adds a constant to the PHI itself.
std::vector<Induction> find_inductions(const Trace& t) {
  std::vector<Induction> out;
  IrRef loop = t.loop_ref();
  if (loop < 0) return out;
  for (IrRef p = loop + 1; p < IrRef(t.size()) && t[p].op == IrOp::PHI; ++p) {
    const IrIns& phi = t[p];
    if (phi.type != IrType::Int || is_const(phi.b) || phi.b <= p) continue;
    const IrIns& b = t[phi.b];
    bool add = b.op == IrOp::ADD || b.op == IrOp::ADDOV;
    bool sub = b.op == IrOp::SUB || b.op == IrOp::SUBOV;
    IrRef other = kNoRef;
    if ((add || sub) && b.a == p) other = b.b;
    if (add && b.b == p) other = b.a;
    if (other == kNoRef || !is_const(other)) continue;
    int64_t k = t.constant(other).as_int();
    if (sub) {
      if (k == INT64_MIN) continue;
      k = -k;
    }
    if (k != 0) out.push_back({p, phi.b, k});
  }
  return out;
}

// The range of an induction PHI from its entry range and its range where the
// back edge is computed (see the file comment), or nullopt.
std::optional<Range> induction_range(Range entry, Range at_back_edge, int64_t step) {
  if (step > 0) {
    if (at_back_edge.hi == INT64_MAX) return std::nullopt;
    i128 top = i128(at_back_edge.hi) + step;
    if (!fits(top)) return std::nullopt;
    return Range{entry.lo, std::max(entry.hi, int64_t(top))};
  }
  if (at_back_edge.lo == INT64_MIN) return std::nullopt;
  i128 bottom = i128(at_back_edge.lo) + step;
  if (!fits(bottom)) return std::nullopt;
  return Range{std::min(entry.lo, int64_t(bottom)), entry.hi};
}

}  // namespace

bool narrow_overflow_checks(Trace& t) {
  std::vector<Induction> inductions = find_inductions(t);
  std::unordered_map<IrRef, Range> phi_ranges;
  if (!inductions.empty()) {
    // First run: analysis only, every PHI unknown.
    RangeAnalysis first(t, /*rewrite=*/false, phi_ranges);
    first.run(inductions);
    for (const Induction& ind : inductions) {
      const auto& facts = first.induction_facts().at(ind.phi);
      if (auto r = induction_range(facts.entry, facts.at_back_edge, ind.step))
        phi_ranges[ind.phi] = *r;
    }
  }
  RangeAnalysis second(t, /*rewrite=*/true, phi_ranges);
  second.run({});
  return second.changed();
}

}  // namespace kestrel::jit::opt
