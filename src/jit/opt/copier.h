// Rebuilding a trace instruction by instruction: the tool of the passes that
// change the trace's shape (peeling duplicates the body, allocation removal
// inserts and drops instructions). A TraceCopier reads `src` and appends to a
// fresh trace; `map` sends each source ref to its replacement, and every
// operand, call argument and snapshot entry is renamed through it. Constants
// are copied first, in order, so constant refs mean the same in both traces.
#pragma once

#include <functional>
#include <vector>

#include "jit/ir.h"
#include "jit/opt/rewrite.h"

namespace kestrel::jit::opt {

class TraceCopier {
 public:
  explicit TraceCopier(const Trace& src) : src_(src), map_(src.size(), kNoRef) {
    for (size_t i = 0; i < src.const_count(); ++i) {
      const IrConst& k = src.constant(const_ref(uint32_t(i)));
      dst_.intern(k.type, k.bits);
    }
  }

  const Trace& src() const { return src_; }
  Trace& dst() { return dst_; }
  IrRef map(IrRef r) const { return is_const(r) || r == kNoRef ? r : map_[size_t(r)]; }
  void set(IrRef src_ref, IrRef dst_ref) { map_[size_t(src_ref)] = dst_ref; }

  // Copies snapshot `s` of src with every entry renamed; `entry_hook` may
  // rewrite each renamed entry (e.g. point a box at its payload) and
  // `finish` may add entries to the whole list before it is stored.
  uint32_t copy_snapshot(uint32_t s, const std::function<void(SnapEntry&)>& entry_hook = nullptr,
                         const std::function<void(std::vector<SnapEntry>&)>& finish = nullptr) {
    std::vector<SnapEntry> entries;
    for (const SnapEntry& e : src_.snapshots().entries(s)) {
      SnapEntry c = e;
      if (c.kind != SnapKind::Virtual) c.ref = map(e.ref);
      if (entry_hook) entry_hook(c);
      entries.push_back(c);
    }
    if (finish) finish(entries);
    return dst_.add_snapshot(src_.snapshots().frames(s), entries);
  }

  // Loop traces keep their entry state (the loop header, nothing changed
  // yet) as snapshot 0; passes that rebuild the trace keep it first.
  void copy_entry_snapshot() {
    if (src_.snapshots().size() > 0 && dst_.snapshots().size() == 0) copy_snapshot(0);
  }

  // Appends a copy of src instruction `r` with renamed operands (and a copied
  // snapshot for guards, through `snap`), maps r to it and returns its ref.
  IrRef copy(IrRef r, int32_t snap) {
    IrIns x = src_[r];
    if (x.op == IrOp::CALL || x.op == IrOp::CALLP) {
      CallDesc c = src_.calls()[size_t(x.a)];
      for (uint8_t i = 0; i < c.nargs; ++i) c.args[i] = map(c.args[i]);
      dst_.calls().push_back(c);
      x.a = IrRef(dst_.calls().size() - 1);
    } else {
      for_each_operand(x, [&](IrRef& opnd) { opnd = map(opnd); });
    }
    x.snap = snap;
    dst_.instructions().push_back(x);
    IrRef out = IrRef(dst_.size() - 1);
    map_[size_t(r)] = out;
    return out;
  }

  // Finishes: the source is replaced by the copy.
  void commit(Trace& t) { t = std::move(dst_); }

 private:
  const Trace& src_;
  Trace dst_;
  std::vector<IrRef> map_;
};

}  // namespace kestrel::jit::opt
