// Rewriting helpers shared by the optimizer passes: renaming refs everywhere
// a trace names them, and compacting a trace after instructions are removed.
//
// A ref is named in four places: instruction operands (including a PHI's
// back edge), snapshot entries, virtual-object fields and CALL/CALLP argument
// lists. Every helper here visits all four, so a pass never forgets the
// deoptimiser's copies. Operand slots whose kind is Imm, Call or None hold
// numbers that are not refs and are never touched.
//
// Typical use in a forward pass:
//     RefRenaming names(t);
//     for (IrRef r = 0; r < IrRef(t.size()); ++r) {
//       names.rename_operands(t, r);           // read operands' replacements
//       if (... r is redundant, equal to `earlier` ...) {
//         names.replace(r, earlier);            // later uses will read `earlier`
//         make_nop(t, r);                       // removed
//       }
//     }
//     names.apply(t);                           // PHI back edges, snapshots, fields, calls
// and eliminate_dead_code (or compact) drops the NOPs afterwards.
#pragma once

#include <vector>

#include "jit/ir.h"

namespace kestrel::jit::opt {

// True when operand slot `i` (0..2) of `op` holds a ref (an instruction or a
// constant), as opposed to an immediate, a call index or nothing.
bool operand_is_ref(IrOp op, int i);

// Calls f(IrRef&) for every ref operand of instruction `x` (not the call
// arguments: see for_each_use).
template <typename F>
void for_each_operand(IrIns& x, F&& f) {
  IrRef* ops[3] = {&x.a, &x.b, &x.c};
  for (int i = 0; i < 3; ++i)
    if (operand_is_ref(x.op, i)) f(*ops[i]);
}

// A pending substitution of refs: every instruction ref maps to itself until
// replace(from, to) says its uses must read `to` instead (an earlier
// instruction or a constant). Chains are followed, so replacing a ref that
// was itself a replacement target is fine, and so is replacing a ref
// appended to the trace after the renaming was made.
class RefRenaming {
 public:
  explicit RefRenaming(const Trace& t);

  void replace(IrRef from, IrRef to);
  // The ref that uses of `r` should read now (constants map to themselves).
  IrRef operator()(IrRef r) const;
  bool changed() const { return changed_; }

  // Renames the ref operands and call arguments of instruction `r` only
  // (forward passes call it before looking at an instruction).
  void rename_operands(Trace& t, IrRef r) const;
  // Renames every use in the trace: operands (PHI back edges included),
  // call arguments, snapshot entries and virtual-object fields.
  void apply(Trace& t) const;

 private:
  std::vector<IrRef> to_;
  bool changed_ = false;
};

// One-off form of RefRenaming: every use of `from` reads `to` instead. O(trace
// size); forward passes that replace many refs should use RefRenaming.
void replace_all_uses(Trace& t, IrRef from, IrRef to);

// Turns instruction `r` into a NOP (op NOP, type Void, no operands, no
// snapshot). Its uses must already have been replaced.
void make_nop(Trace& t, IrRef r);

// Drops every instruction whose keep[r] is false and renumbers the rest
// 0..n-1, renaming operands, PHI back edges, call arguments, snapshot entries
// and virtual fields. Precondition: no kept instruction, snapshot entry or
// virtual field names a dropped ref (violations become kNoRef, which
// verify_trace reports). keep.size() must equal t.size(). Calls no longer
// referenced by an instruction get nargs = 0. Returns old ref -> new ref
// (kNoRef for dropped ones).
std::vector<IrRef> compact(Trace& t, const std::vector<bool>& keep);

}  // namespace kestrel::jit::opt
