// Renaming and compaction of traces (see rewrite.h).
#include "jit/opt/rewrite.h"

namespace kestrel::jit::opt {

bool operand_is_ref(IrOp op, int i) {
  switch (op_info(op).opnd[i]) {
    case OpndKind::None:
    case OpndKind::Imm:
    case OpndKind::Call:
      return false;
    default:
      return true;
  }
}

namespace {

// Calls f(IrRef&) for every use of a ref in the trace: operands, call
// arguments of CALL/CALLP instructions, snapshot entries and virtual fields.
// Virtual-object indices (SnapKind::Virtual) are not refs and are skipped.
// Each call descriptor is visited once even if several instructions share it
// (a copied instruction may), so f need not be idempotent.
template <typename F>
void for_each_use(Trace& t, F&& f) {
  std::vector<bool> call_seen(t.calls().size(), false);
  for (IrIns& x : t.instructions()) {
    for_each_operand(x, f);
    if ((x.op == IrOp::CALL || x.op == IrOp::CALLP) && !call_seen[size_t(x.a)]) {
      call_seen[size_t(x.a)] = true;
      CallDesc& d = t.calls()[size_t(x.a)];
      for (int j = 0; j < d.nargs; ++j) f(d.args[j]);
    }
  }
  for (SnapEntry& e : t.snapshots().all_entries())
    if (e.kind != SnapKind::Virtual) f(e.ref);
  for (VirtualField& v : t.snapshots().all_fields())
    if (v.kind != SnapKind::Virtual) f(v.ref);
}

}  // namespace

// ---------------------------------------------------------------------------
// RefRenaming

RefRenaming::RefRenaming(const Trace& t) : to_(t.size()) {
  for (size_t i = 0; i < to_.size(); ++i) to_[i] = IrRef(i);
}

void RefRenaming::replace(IrRef from, IrRef to) {
  // Instructions appended after construction (a pass that copies code) map
  // to themselves until replaced.
  while (to_.size() <= size_t(from)) to_.push_back(IrRef(to_.size()));
  to_[size_t(from)] = to;
  changed_ = true;
}

IrRef RefRenaming::operator()(IrRef r) const {
  // Constants (and kNoRef) are never renamed. A chain ends at a ref that maps
  // to itself or at a constant; every step goes to a smaller ref or to a
  // constant, so the loop terminates.
  while (r >= 0 && size_t(r) < to_.size() && to_[size_t(r)] != r) r = to_[size_t(r)];
  return r;
}

void RefRenaming::rename_operands(Trace& t, IrRef r) const {
  IrIns& x = t.at(r);
  for_each_operand(x, [&](IrRef& ref) { ref = (*this)(ref); });
  if (x.op == IrOp::CALL || x.op == IrOp::CALLP) {
    CallDesc& d = t.calls()[size_t(x.a)];
    for (int j = 0; j < d.nargs; ++j) d.args[j] = (*this)(d.args[j]);
  }
}

void RefRenaming::apply(Trace& t) const {
  if (!changed_) return;
  for_each_use(t, [&](IrRef& ref) { ref = (*this)(ref); });
}

void replace_all_uses(Trace& t, IrRef from, IrRef to) {
  for_each_use(t, [&](IrRef& ref) {
    if (ref == from) ref = to;
  });
}

void make_nop(Trace& t, IrRef r) { t.at(r) = IrIns{}; }

// ---------------------------------------------------------------------------
// Compaction

std::vector<IrRef> compact(Trace& t, const std::vector<bool>& keep) {
  std::vector<IrIns>& ins = t.instructions();
  std::vector<IrRef> new_ref(ins.size(), kNoRef);
  IrRef next = 0;
  for (size_t i = 0; i < ins.size(); ++i)
    if (keep[i]) new_ref[i] = next++;

  // Calls referenced by a dropped instruction may name dropped refs: empty
  // their argument lists first so that the renaming below never reads them.
  std::vector<bool> call_used(t.calls().size(), false);
  for (size_t i = 0; i < ins.size(); ++i)
    if (keep[i] && (ins[i].op == IrOp::CALL || ins[i].op == IrOp::CALLP))
      call_used[size_t(ins[i].a)] = true;
  for (size_t k = 0; k < call_used.size(); ++k)
    if (!call_used[k]) t.calls()[k].nargs = 0;

  std::vector<IrIns> kept;
  kept.reserve(size_t(next));
  for (size_t i = 0; i < ins.size(); ++i)
    if (keep[i]) kept.push_back(ins[i]);
  ins = std::move(kept);

  // Constants and kNoRef keep their value; instruction refs move down.
  for_each_use(t, [&](IrRef& ref) {
    if (ref >= 0 && size_t(ref) < new_ref.size()) ref = new_ref[size_t(ref)];
  });
  return new_ref;
}

}  // namespace kestrel::jit::opt
