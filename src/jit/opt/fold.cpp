// Constant folding and algebraic simplification.
//
// Design (LuaJIT lj_opt_fold.c, PyPy optimizeopt/rewrite.py and pure.py).
// One forward pass. Each instruction first reads its operands' replacements,
// is canonicalised (a constant operand of a commutative op goes second, a
// compare with the constant first is mirrored), then meets the rules below in
// order; the first that applies decides. An instruction whose value is known
// is replaced by that value (a constant or an earlier ref) and becomes a NOP;
// a guard that is known to hold becomes a NOP. Invariants every rule keeps:
//   * results are bit-identical to the reference evaluator (ir_eval.cpp):
//     int ops wrap in uint64_t, shift counts are taken mod 64, doubles are
//     computed by the same C++ expressions (the build has -ffp-contract=off);
//   * a replacement has the replaced instruction's type;
//   * no float identity that could change a bit (x*1.0 turns a signalling NaN
//     quiet, x+0.0 turns -0.0 into +0.0): only the exact FNEG(FNEG x) = x and
//     the reinterpretations DBITS/BITSD are simplified;
//   * a guard is removed only when it cannot fail; a guard that always fails
//     stays (the interpreter takes over there, which is always correct);
//   * an overflow op (ADDOV, SUBOV, MULOV, TAGOV) is folded only when its
//     result provably does not overflow.
// Last, a loop PHI that never changes (PHI a a, or PHI a itself) is replaced
// by its entry value. New ops in ir.def fall into `default` and are left alone.
#include <bit>
#include <optional>

#include "jit/opt/passes.h"
#include "jit/opt/rewrite.h"

namespace kestrel::jit::opt {

namespace {

// What a rule decided about one instruction.
struct Folded {
  enum class Kind { Keep, Value, Remove } kind = Kind::Keep;
  IrRef value = 0;  // Kind::Value: the replacement (a constant or an earlier ref)
  static Folded keep() { return {}; }
  static Folded to(IrRef v) { return {Kind::Value, v}; }
  static Folded remove() { return {Kind::Remove, 0}; }
};

// cvttsd2si, as the evaluator does it: NaN and out-of-range give INT64_MIN.
int64_t truncate_to_i64(double d) {
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return INT64_MIN;
  return int64_t(d);
}

bool fits_small(int64_t v) { return v >= -(int64_t(1) << 62) && v < (int64_t(1) << 62); }

// The op that computes `b op' a` for `a op b` (LT a b == GT b a), or nullopt.
// ULT has no mirrored op in the IR.
std::optional<IrOp> mirrored_compare(IrOp op) {
  switch (op) {
    case IrOp::LT:
      return IrOp::GT;
    case IrOp::LE:
      return IrOp::GE;
    case IrOp::GT:
      return IrOp::LT;
    case IrOp::GE:
      return IrOp::LE;
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

// ---------------------------------------------------------------------------
// Canonical form: constants second. Makes the rules below shorter (they only
// look for a constant in b) and gives CSE one spelling per value.

void canonicalise(IrIns& x) {
  if (op_arity(x.op) != 2 || !operand_is_ref(x.op, 0) || !operand_is_ref(x.op, 1)) return;
  if (!is_const(x.a) || is_const(x.b)) return;
  if (op_has(x.op, kComm)) {
    std::swap(x.a, x.b);
  } else if (auto m = mirrored_compare(x.op)) {
    x.op = *m;
    std::swap(x.a, x.b);
  }
}

// ---------------------------------------------------------------------------
// Constant folding: every operand is a constant.

class ConstantFolder {
 public:
  explicit ConstantFolder(Trace& t) : t_(t) {}

  Folded fold(const IrIns& x) {
    if (!all_operands_constant(x)) return Folded::keep();
    switch (x.op) {
      case IrOp::UNTAG:
        return Folded::to(t_.kint(i(x.a) >> 1));
      case IrOp::TAG:
        return Folded::to(t_.kref((u(x.a) << 1) | 1));
      case IrOp::TAGOV:
        return fits_small(i(x.a)) ? Folded::to(t_.kref((u(x.a) << 1) | 1)) : Folded::keep();
      case IrOp::ADD:
        return integer(u(x.a) + u(x.b));
      case IrOp::SUB:
        return integer(u(x.a) - u(x.b));
      case IrOp::MUL:
        return integer(u(x.a) * u(x.b));
      case IrOp::ADDOV:
      case IrOp::SUBOV:
      case IrOp::MULOV:
        return overflow_op(x);
      case IrOp::AND:
        return integer(u(x.a) & u(x.b));
      case IrOp::OR:
        return integer(u(x.a) | u(x.b));
      case IrOp::XOR:
        return integer(u(x.a) ^ u(x.b));
      case IrOp::SHL:
        return integer(u(x.a) << (u(x.b) & 63));
      case IrOp::SAR:
        return integer(uint64_t(i(x.a) >> (u(x.b) & 63)));
      case IrOp::SHR:
        return integer(u(x.a) >> (u(x.b) & 63));
      case IrOp::NEG:
        return integer(0 - u(x.a));
      case IrOp::NOT:
        return integer(~u(x.a));
      case IrOp::LT:
        return boolean(i(x.a) < i(x.b));
      case IrOp::LE:
        return boolean(i(x.a) <= i(x.b));
      case IrOp::EQ:
        return boolean(u(x.a) == u(x.b));
      case IrOp::NE:
        return boolean(u(x.a) != u(x.b));
      case IrOp::GT:
        return boolean(i(x.a) > i(x.b));
      case IrOp::GE:
        return boolean(i(x.a) >= i(x.b));
      case IrOp::ULT:
        return boolean(u(x.a) < u(x.b));
      case IrOp::FADD:
        return dbl(d(x.a) + d(x.b));
      case IrOp::FSUB:
        return dbl(d(x.a) - d(x.b));
      case IrOp::FMUL:
        return dbl(d(x.a) * d(x.b));
      case IrOp::FDIV:
        return dbl(d(x.a) / d(x.b));
      case IrOp::FNEG:
        return dbl_bits(u(x.a) ^ (uint64_t(1) << 63));
      case IrOp::FLT:
        return boolean(d(x.a) < d(x.b));
      case IrOp::FLE:
        return boolean(d(x.a) <= d(x.b));
      case IrOp::FEQ:
        return boolean(d(x.a) == d(x.b));
      case IrOp::FNE:
        return boolean(d(x.a) != d(x.b));
      case IrOp::FGT:
        return boolean(d(x.a) > d(x.b));
      case IrOp::FGE:
        return boolean(d(x.a) >= d(x.b));
      case IrOp::I2D:
        return dbl(double(i(x.a)));
      case IrOp::D2I:
        return integer(uint64_t(truncate_to_i64(d(x.a))));
      case IrOp::DBITS:
        return integer(u(x.a));
      case IrOp::BITSD:
        return dbl_bits(u(x.a));
      // Guards on constants: removed when they hold, kept when they fail.
      case IrOp::GUARD_SMALLINT:
        return holds((u(x.a) & 1) != 0);
      case IrOp::GUARD_TRUE:
        return holds(u(x.a) != 0);
      case IrOp::GUARD_FALSE:
        return holds(u(x.a) == 0);
      case IrOp::GUARD_EQ:
        return holds(u(x.a) == u(x.b));
      case IrOp::GUARD_NE:
        return holds(u(x.a) != u(x.b));
      default:
        return Folded::keep();  // GUARD_CLASS would read memory; markers, loads, calls
    }
  }

 private:
  // Ops with no ref operand (LOADSLOT, markers) are never "all constant".
  static bool all_operands_constant(const IrIns& x) {
    const IrRef ops[3] = {x.a, x.b, x.c};
    bool any = false;
    for (int k = 0; k < 3; ++k) {
      if (!operand_is_ref(x.op, k)) continue;
      if (!is_const(ops[k])) return false;
      any = true;
    }
    return any;
  }

  Folded overflow_op(const IrIns& x) {
    int64_t out;
    bool overflow = x.op == IrOp::ADDOV   ? __builtin_add_overflow(i(x.a), i(x.b), &out)
                    : x.op == IrOp::SUBOV ? __builtin_sub_overflow(i(x.a), i(x.b), &out)
                                          : __builtin_mul_overflow(i(x.a), i(x.b), &out);
    return overflow ? Folded::keep() : integer(uint64_t(out));
  }

  uint64_t u(IrRef r) const { return t_.constant(r).bits; }
  int64_t i(IrRef r) const { return int64_t(u(r)); }
  double d(IrRef r) const { return std::bit_cast<double>(u(r)); }
  Folded integer(uint64_t v) { return Folded::to(t_.kint(int64_t(v))); }
  Folded boolean(bool v) { return Folded::to(t_.kint(v ? 1 : 0)); }
  Folded dbl(double v) { return Folded::to(t_.kdbl(v)); }
  // kdbl might canonicalise a NaN payload; intern the exact bits instead.
  Folded dbl_bits(uint64_t bits) { return Folded::to(t_.intern(IrType::Dbl, bits)); }
  static Folded holds(bool ok) { return ok ? Folded::remove() : Folded::keep(); }

  Trace& t_;
};

// ---------------------------------------------------------------------------
// Algebraic simplification: identities with one constant operand (always b
// after canonicalise), an operand equal to the other, or an operand that is
// the inverse operation.

class Simplifier {
 public:
  explicit Simplifier(Trace& t) : t_(t) {}

  // May rewrite x in place (SUB 0 x -> NEG x); then returns keep() and the
  // caller runs the rules again.
  Folded simplify(IrIns& x) {
    switch (x.op) {
      case IrOp::ADD:
      case IrOp::ADDOV:
      case IrOp::OR:
      case IrOp::XOR:
        if (is_int(x.b, 0)) return Folded::to(x.a);  // x+0, x|0, x^0 (ADDOV: cannot overflow)
        break;
      default:
        break;
    }
    switch (x.op) {
      case IrOp::SUB:
      case IrOp::SUBOV:
        return simplify_sub(x);
      case IrOp::MUL:
      case IrOp::MULOV:
        return simplify_mul(x);
      case IrOp::AND:
        if (is_int(x.b, 0)) return Folded::to(x.b);
        if (is_int(x.b, -1) || x.a == x.b) return Folded::to(x.a);
        break;
      case IrOp::OR:
        if (is_int(x.b, -1)) return Folded::to(x.b);
        if (x.a == x.b) return Folded::to(x.a);
        break;
      case IrOp::XOR:
        if (x.a == x.b) return Folded::to(t_.kint(0));
        if (is_int(x.b, -1)) return rewrite(x, IrOp::NOT, x.a);
        break;
      case IrOp::SHL:
      case IrOp::SAR:
      case IrOp::SHR:
        // Counts are taken mod 64: a count of 64 shifts by 0 too.
        if (is_const(x.b) && (t_.constant(x.b).bits & 63) == 0) return Folded::to(x.a);
        if (is_int(x.a, 0)) return Folded::to(x.a);
        break;
      case IrOp::NEG:
      case IrOp::NOT:
      case IrOp::FNEG:
        // Double negation (FNEG flips the sign bit only, so this is exact).
        if (defined_by(x.a, x.op)) return Folded::to(t_[x.a].a);
        break;
      case IrOp::UNTAG:
        // TAG's operand fits 63 bits (TAGOV checked it), so untagging undoes it.
        if (defined_by(x.a, IrOp::TAG) || defined_by(x.a, IrOp::TAGOV))
          return Folded::to(t_[x.a].a);
        break;
      case IrOp::DBITS:
        if (defined_by(x.a, IrOp::BITSD)) return Folded::to(t_[x.a].a);
        break;
      case IrOp::BITSD:
        if (defined_by(x.a, IrOp::DBITS)) return Folded::to(t_[x.a].a);
        break;
      case IrOp::LT:
      case IrOp::GT:
      case IrOp::NE:
      case IrOp::ULT:
        // An int (or ref) compared with itself; not the float compares (NaN).
        if (x.a == x.b) return Folded::to(t_.kint(0));
        break;
      case IrOp::LE:
      case IrOp::GE:
      case IrOp::EQ:
        if (x.a == x.b) return Folded::to(t_.kint(1));
        break;
      case IrOp::GUARD_EQ:
        if (x.a == x.b) return Folded::remove();
        break;
      default:
        break;
    }
    return Folded::keep();
  }

 private:
  Folded simplify_sub(IrIns& x) {
    if (is_int(x.b, 0)) return Folded::to(x.a);     // x-0
    if (x.a == x.b) return Folded::to(t_.kint(0));  // x-x (SUBOV cannot overflow)
    if (x.op == IrOp::SUB && is_int(x.a, 0)) return rewrite(x, IrOp::NEG, x.b);  // 0-x wraps as NEG
    return Folded::keep();
  }

  Folded simplify_mul(IrIns& x) {
    if (is_int(x.b, 1)) return Folded::to(x.a);  // x*1
    if (is_int(x.b, 0)) return Folded::to(x.b);  // x*0 (MULOV cannot overflow)
    if (x.op == IrOp::MUL && is_int(x.b, -1)) return rewrite(x, IrOp::NEG, x.a);  // wraps as NEG
    return Folded::keep();
  }

  // An in-place rewrite to a unary pure op (never from a guard: SUBOV/MULOV
  // are excluded above, as their overflow check would be lost).
  static Folded rewrite(IrIns& x, IrOp op, IrRef a) {
    x.op = op;
    x.a = a;
    x.b = 0;
    return Folded::keep();
  }

  bool is_int(IrRef r, int64_t v) const {
    return is_const(r) && t_.constant(r).type == IrType::Int && t_.constant(r).as_int() == v;
  }
  bool defined_by(IrRef r, IrOp op) const { return !is_const(r) && t_[r].op == op; }

  Trace& t_;
};

// A loop PHI whose back-edge value is its entry value, or the PHI itself,
// never changes: it is its entry value (defined before LOOP, so it may be
// used anywhere in the body). CSE produces these when a recomputed body
// value turns out to be the preamble's.
bool remove_invariant_phis(Trace& t) {
  IrRef loop = t.loop_ref();
  if (loop < 0) return false;
  RefRenaming names(t);
  for (IrRef p = loop + 1; p < IrRef(t.size()); ++p) {
    const IrIns& x = t[p];
    if (x.op == IrOp::NOP) continue;
    if (x.op != IrOp::PHI) break;
    IrRef entry = names(x.a), back = names(x.b);
    if (back != entry && back != p) continue;
    names.replace(p, entry);
    make_nop(t, p);
  }
  names.apply(t);
  return names.changed();
}

}  // namespace

bool fold_constants(Trace& t) {
  RefRenaming names(t);
  ConstantFolder folder(t);
  Simplifier simplifier(t);
  bool changed = false;
  for (IrRef r = 0; r < IrRef(t.size()); ++r) {
    if (t[r].op == IrOp::PHI) continue;  // its back edge is renamed at the end
    names.rename_operands(t, r);
    IrIns& x = t.at(r);
    const IrIns original = x;
    canonicalise(x);
    Folded f = folder.fold(x);
    // A rule that rewrites x in place (SUB 0 x -> NEG x) gets one more round.
    for (int round = 0; round < 2 && f.kind == Folded::Kind::Keep; ++round) {
      IrOp before = x.op;
      f = simplifier.simplify(x);
      if (x.op == before) break;
    }
    changed |= original.op != x.op || original.a != x.a || original.b != x.b;
    if (f.kind == Folded::Kind::Keep) continue;
    if (f.kind == Folded::Kind::Value) names.replace(r, f.value);
    make_nop(t, r);
    changed = true;
  }
  names.apply(t);
  changed |= names.changed();
  // A PHI replaced by its entry value may make body instructions constant:
  // fold again (each round removes a PHI, so this ends).
  if (remove_invariant_phis(t)) {
    fold_constants(t);
    changed = true;
  }
  return changed;
}

}  // namespace kestrel::jit::opt
