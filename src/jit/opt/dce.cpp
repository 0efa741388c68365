// Dead-code elimination: drops pure instructions and loads whose results
// nobody reads, drops NOPs, and renumbers the trace densely (rewrite.h).
//
// Design (LuaJIT lj_opt_dce.c marks from the snapshots and the effectful
// instructions; PyPy drops unused pure ops while emitting). Liveness is a
// mark phase from the roots followed by one compaction:
//   * roots: guards (including EXIT and the overflow ops), effects (STORE,
//     CALL) and the control markers LOOP and JUMP;
//   * a root or live instruction makes its operands and call arguments live;
//   * every snapshot entry and every virtual-object field is a use: the
//     deoptimiser reads them. This counts the entries of snapshots that no
//     guard uses any more too (their guards were removed). That keeps a few
//     values in the IR, but not in machine code (the register allocator only
//     looks at the snapshots of guards), and it means compaction never meets
//     a snapshot entry naming a dropped ref.
// A PHI is pure: a loop-carried value that only feeds itself (a counter
// nobody reads) is dropped together with its back-edge computation, because
// marking starts from the roots rather than from "has a use".
#include <vector>

#include "jit/opt/passes.h"
#include "jit/opt/rewrite.h"

namespace kestrel::jit::opt {

namespace {

// Instructions that must stay even when no one reads their result.
bool is_root(IrOp op) {
  if (op == IrOp::NOP) return false;
  return op_has(op, kGuard | kEffect | kCtl);
}

class LivenessMarker {
 public:
  explicit LivenessMarker(const Trace& t) : t_(t), live_(t.size(), false) {}

  std::vector<bool> run() {
    for (size_t i = 0; i < t_.size(); ++i)
      if (is_root(t_[IrRef(i)].op)) mark(IrRef(i));
    for (size_t s = 0; s < t_.snapshots().size(); ++s)
      for (const SnapEntry& e : t_.snapshots().entries(uint32_t(s)))
        if (e.kind != SnapKind::Virtual) mark(e.ref);
    for (size_t v = 0; v < t_.snapshots().virtual_count(); ++v)
      for (const VirtualField& f : t_.snapshots().fields(uint32_t(v)))
        if (f.kind != SnapKind::Virtual) mark(f.ref);
    while (!work_.empty()) {
      IrRef r = work_.back();
      work_.pop_back();
      mark_operands(r);
    }
    return live_;
  }

 private:
  void mark(IrRef r) {
    if (r < 0 || size_t(r) >= live_.size() || live_[size_t(r)]) return;  // constants, kNoRef
    live_[size_t(r)] = true;
    work_.push_back(r);
  }

  void mark_operands(IrRef r) {
    const IrIns& x = t_[r];
    const IrRef ops[3] = {x.a, x.b, x.c};
    for (int i = 0; i < 3; ++i)
      if (operand_is_ref(x.op, i)) mark(ops[i]);
    if (x.op == IrOp::CALL || x.op == IrOp::CALLP) {
      const CallDesc& d = t_.calls()[size_t(x.a)];
      for (int j = 0; j < d.nargs; ++j) mark(d.args[j]);
    }
  }

  const Trace& t_;
  std::vector<bool> live_;
  std::vector<IrRef> work_;
};

}  // namespace

bool eliminate_dead_code(Trace& t) {
  std::vector<bool> live = LivenessMarker(t).run();
  bool all_live = true;
  for (bool l : live) all_live = all_live && l;
  if (all_live) return false;
  compact(t, live);
  return true;
}

}  // namespace kestrel::jit::opt
