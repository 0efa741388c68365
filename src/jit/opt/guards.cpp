// Redundant-guard removal: a guard that an earlier guard implies goes.
//
// Design (PyPy optimizeopt/rewrite.py and intbounds.py keep per-value
// knowledge; LuaJIT gets most of this from CSE of guards). One forward pass
// learns facts from every guard that stays, and removes a guard whose
// condition the facts already imply:
//   * small ints: GUARD_SMALLINT x holds after GUARD_SMALLINT x, and on TAG
//     and TAGOV results and odd ref constants;
//   * classes: GUARD_CLASS x K after GUARD_CLASS x K;
//   * word identity: GUARD_NE x C (C a ref constant) when x is a known small
//     int and C is even (0 or an object: `x is not None`), or x is a known
//     object and C is 0 or a small int;
//   * conditions: GUARD_TRUE c / GUARD_FALSE c after a guard on c; when c is a
//     compare, also after a guard on an equivalent compare: the inverse
//     (GUARD_FALSE(LT a b) means GE a b holds), the mirror (LT a b is GT b a)
//     and the weaker forms (LT a b implies LE a b and NE a b). Float compares
//     are false on NaN, so only their mirrors, FEQ/FNE as each other's
//     inverse, and weakening of a true compare apply. GUARD_EQ a b and
//     GUARD_NE a b are the conditions EQ a b true/false;
//   * overflow ops: ADDOV/SUBOV/MULOV/TAGOV identical to an earlier one (same
//     op and operands) produce its value without a second check;
//   * and one simplification that needs the small-int facts: TAG(UNTAG x) is
//     x when x is known to be a small int.
// Class words never change within a trace (the runtime has no __class__
// assignment; the header word is written once, at allocation), so a class
// fact survives stores and calls.
// Facts are about SSA refs, which never change value once defined, so a fact
// learnt in the preamble holds in the loop body too; a fact learnt in the
// body holds from there to JUMP (the pass is forward and never revisits
// instructions before the guard). A guard that contradicts a fact (it would
// always fail) is kept: exiting is always correct.
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "jit/opt/passes.h"
#include "jit/opt/rewrite.h"

namespace kestrel::jit::opt {

namespace {

// ---------------------------------------------------------------------------
// Compare algebra

// LT..GE and FLT..FGE are contiguous (static_asserts in ir.h); ULT stands alone.
bool is_int_compare(IrOp op) { return (op >= IrOp::LT && op <= IrOp::GE) || op == IrOp::ULT; }
bool is_float_compare(IrOp op) { return op >= IrOp::FLT && op <= IrOp::FGE; }
bool is_compare(IrOp op) { return is_int_compare(op) || is_float_compare(op); }

// The compare that is true exactly when `op` is false (none for ULT, and for
// the float orderings, which are all false on NaN).
std::optional<IrOp> inverse(IrOp op) {
  switch (op) {
    case IrOp::LT:
      return IrOp::GE;
    case IrOp::LE:
      return IrOp::GT;
    case IrOp::EQ:
      return IrOp::NE;
    case IrOp::NE:
      return IrOp::EQ;
    case IrOp::GT:
      return IrOp::LE;
    case IrOp::GE:
      return IrOp::LT;
    case IrOp::FEQ:
      return IrOp::FNE;
    case IrOp::FNE:
      return IrOp::FEQ;
    default:
      return std::nullopt;
  }
}

// The compare that gives the same answer with swapped operands.
std::optional<IrOp> mirror(IrOp op) {
  switch (op) {
    case IrOp::LT:
      return IrOp::GT;
    case IrOp::LE:
      return IrOp::GE;
    case IrOp::GT:
      return IrOp::LT;
    case IrOp::GE:
      return IrOp::LE;
    case IrOp::EQ:
    case IrOp::NE:
    case IrOp::FEQ:
    case IrOp::FNE:
      return op;
    case IrOp::FLT:
      return IrOp::FGT;
    case IrOp::FLE:
      return IrOp::FGE;
    case IrOp::FGT:
      return IrOp::FLT;
    case IrOp::FGE:
      return IrOp::FLE;
    default:
      return std::nullopt;
  }
}

// Compares implied true by `op` being true (a strict order is also non-strict
// and unequal; equality is both orders). Valid for floats too: a true FLT
// means neither operand is NaN.
std::vector<IrOp> weaker(IrOp op) {
  switch (op) {
    case IrOp::LT:
      return {IrOp::LE, IrOp::NE};
    case IrOp::GT:
      return {IrOp::GE, IrOp::NE};
    case IrOp::EQ:
      return {IrOp::LE, IrOp::GE};
    case IrOp::FLT:
      return {IrOp::FLE, IrOp::FNE};
    case IrOp::FGT:
      return {IrOp::FGE, IrOp::FNE};
    case IrOp::FEQ:
      return {IrOp::FLE, IrOp::FGE};
    default:
      return {};
  }
}

// ---------------------------------------------------------------------------
// Knowledge about refs

class Knowledge {
 public:
  explicit Knowledge(const Trace& t) : t_(t) {}

  bool is_small(IrRef r) const {
    if (is_const(r)) return t_.constant(r).type == IrType::Ref && (t_.constant(r).bits & 1) != 0;
    IrOp op = t_[r].op;
    return op == IrOp::TAG || op == IrOp::TAGOV || small_.contains(r);
  }
  void learn_small(IrRef r) { small_.insert(r); }

  std::optional<IrRef> class_of(IrRef r) const {
    auto it = class_.find(r);
    if (it == class_.end()) return std::nullopt;
    return it->second;
  }
  void learn_class(IrRef r, IrRef cls) { class_.try_emplace(r, cls); }

  bool is_object(IrRef r) const { return class_.contains(r); }

  // The truth of c (an int used as a condition), if known.
  std::optional<bool> truth(IrRef c) const {
    if (is_const(c)) return t_.constant(c).bits != 0;
    if (auto it = truth_.find(c); it != truth_.end()) return it->second;
    const IrIns& x = t_[c];
    if (is_compare(x.op)) return condition(x.op, x.a, x.b);
    return std::nullopt;
  }
  void learn_truth(IrRef c, bool value) {
    if (is_const(c)) return;
    truth_.insert({c, value});
    const IrIns& x = t_[c];
    if (is_compare(x.op)) learn_condition(x.op, x.a, x.b, value);
  }

  // The truth of `op a b` (a compare), if known.
  std::optional<bool> condition(IrOp op, IrRef a, IrRef b) const {
    auto it = conditions_.find(key(op, a, b));
    if (it == conditions_.end()) return std::nullopt;
    return it->second;
  }
  void learn_condition(IrOp op, IrRef a, IrRef b, bool value) {
    if (!value) {
      record(op, a, b, false);
      if (auto inv = inverse(op)) learn_condition(*inv, a, b, true);
      return;
    }
    record(op, a, b, true);
    if (auto inv = inverse(op)) record(*inv, a, b, false);
    // The weaker compares have no weaker ones themselves: this recursion is one deep.
    for (IrOp w : weaker(op)) learn_condition(w, a, b, true);
  }

 private:
  using Key = std::tuple<IrOp, IrRef, IrRef>;
  // Commutative compares (EQ, NE, FEQ, FNE) get one spelling.
  static Key key(IrOp op, IrRef a, IrRef b) {
    if (op_has(op, kComm) && a > b) std::swap(a, b);
    return {op, a, b};
  }
  // Records `op a b == value` and the mirrored spelling.
  void record(IrOp op, IrRef a, IrRef b, bool value) {
    conditions_.insert({key(op, a, b), value});
    if (auto m = mirror(op)) conditions_.insert({key(*m, b, a), value});
  }

  const Trace& t_;
  std::unordered_set<IrRef> small_;
  std::unordered_map<IrRef, IrRef> class_;
  std::unordered_map<IrRef, bool> truth_;
  std::map<Key, bool> conditions_;
};

// ---------------------------------------------------------------------------
// The pass

class GuardRemover {
 public:
  explicit GuardRemover(Trace& t) : t_(t), names_(t), known_(t) {}

  bool run() {
    for (IrRef r = 0; r < IrRef(t_.size()); ++r) {
      if (t_[r].op == IrOp::PHI) continue;  // back edges are renamed at the end
      names_.rename_operands(t_, r);
      visit(r);
    }
    names_.apply(t_);
    return changed_ || names_.changed();
  }

 private:
  void visit(IrRef r) {
    const IrIns x = t_[r];
    switch (x.op) {
      case IrOp::GUARD_SMALLINT:
        if (known_.is_small(x.a)) return remove(r);
        known_.learn_small(x.a);
        return;
      case IrOp::GUARD_CLASS:
        if (known_.class_of(x.a) == x.b) return remove(r);
        known_.learn_class(x.a, x.b);
        return;
      case IrOp::GUARD_TRUE:
      case IrOp::GUARD_FALSE: {
        bool want = x.op == IrOp::GUARD_TRUE;
        if (known_.truth(x.a) == want) return remove(r);
        known_.learn_truth(x.a, want);
        return;
      }
      case IrOp::GUARD_EQ:
        if (x.a == x.b || known_.condition(IrOp::EQ, x.a, x.b) == true) return remove(r);
        known_.learn_condition(IrOp::EQ, x.a, x.b, true);
        return;
      case IrOp::GUARD_NE:
        if (known_.condition(IrOp::EQ, x.a, x.b) == false || differs_from_constant(x.a, x.b) ||
            differs_from_constant(x.b, x.a))
          return remove(r);
        known_.learn_condition(IrOp::EQ, x.a, x.b, false);
        return;
      case IrOp::ADDOV:
      case IrOp::SUBOV:
      case IrOp::MULOV:
      case IrOp::TAGOV:
        return visit_overflow_op(r);
      case IrOp::TAG:
        return visit_retag(r);
      default:
        return;
    }
  }

  // Whether `a` can never be the word constant `b`: a small int (bit 0 set)
  // is never an even word (0, an object pointer); a heap object (class
  // guarded: a pointer, not 0) is never 0 or an odd word (a small int).
  bool differs_from_constant(IrRef a, IrRef b) const {
    if (!is_const(b) || t_.type_of(b) != IrType::Ref) return false;
    uint64_t word = t_.constant(b).bits;
    bool odd = (word & 1) != 0;
    if (known_.is_small(a)) return !odd;
    if (known_.is_object(a)) return odd || word == 0;
    return false;
  }

  void visit_overflow_op(IrRef r) {
    const IrIns& x = t_[r];
    IrRef a = x.a, b = x.b;
    if (op_has(x.op, kComm) && a > b) std::swap(a, b);
    auto [it, inserted] = overflow_ops_.try_emplace({x.op, a, b}, r);
    if (inserted) return;
    names_.replace(r, it->second);
    remove(r);
  }

  // TAG(UNTAG x) is x again when x is a small int (x = 2v+1 untags to v,
  // which tags to 2v+1); for any other word it is not. Not a guard, but
  // only this pass knows which refs are small.
  void visit_retag(IrRef r) {
    IrRef u = t_[r].a;
    if (is_const(u) || t_[u].op != IrOp::UNTAG || !known_.is_small(t_[u].a)) return;
    names_.replace(r, t_[u].a);
    remove(r);
  }

  void remove(IrRef r) {
    make_nop(t_, r);
    changed_ = true;
  }

  Trace& t_;
  RefRenaming names_;
  Knowledge known_;
  std::map<std::tuple<IrOp, IrRef, IrRef>, IrRef> overflow_ops_;
  bool changed_ = false;
};

}  // namespace

bool remove_redundant_guards(Trace& t) { return GuardRemover(t).run(); }

}  // namespace kestrel::jit::opt
