// Allocation removal (passes.h), for the boxes of ints, floats and bools.
//
// The recorder keeps numbers unboxed while it can, but a loop-carried value
// crosses the back edge as a Value word: box_int(x) at the JUMP, then
// GUARD_SMALLINT + UNTAG at the next iteration's first use. After peeling,
// such a PHI has a box on both edges; this pass gives the PHI the payload's
// type instead and rewrites the uses:
//     UNTAG(box_int x) -> x          GUARD_SMALLINT(box_int x) -> removed
//     LOAD.dbl(box_float d, value) -> d    GUARD_CLASS(box_float d, float) -> removed
//     a snapshot entry naming a box -> its payload (the exit boxes it, once)
// Other uses keep a box, re-made from the payload where it is needed; boxes
// nobody uses any more are pure calls that dead-code elimination deletes.
// Removing a guard on a box is sound: the box of x is a Python int of value
// x whatever its representation, and the trace computes with x directly.
#include <cstddef>

#include "jit/opt/copier.h"
#include "jit/opt/passes.h"
#include "jit/recorder.h"
#include "runtime/float.h"

namespace kestrel::jit::opt {

namespace {

struct Boxed {
  BoxKind kind = BoxKind::None;
  IrRef payload = kNoRef;
};

IrType payload_type(BoxKind k) { return k == BoxKind::Float ? IrType::Dbl : IrType::Int; }

}  // namespace

bool remove_allocations(Trace& t) {
  IrRef loop = t.loop_ref();
  const size_t n = t.size();
  // Which source PHIs can hold their payload instead of a box.
  std::vector<BoxKind> unbox_phi(n, BoxKind::None);
  bool any = false;
  if (loop >= 0) {
    for (IrRef p = loop + 1; p < IrRef(n) && t[p].op == IrOp::PHI; ++p) {
      BoxKind a = box_kind(t, t[p].a), b = box_kind(t, t[p].b);
      if (a != BoxKind::None && a == b) {
        unbox_phi[size_t(p)] = a;
        any = true;
      }
    }
  }
  // Box facts about source refs (a box call, or an unboxed PHI).
  std::vector<Boxed> boxed(n);
  for (IrRef r = 0; r < IrRef(n); ++r) {
    BoxKind k = box_kind(t, r);
    if (k != BoxKind::None) {
      boxed[size_t(r)] = Boxed{k, t.calls()[size_t(t[r].a)].args[0]};
      any = true;
    }
  }
  if (!any) return false;

  TraceCopier c(t);
  c.copy_entry_snapshot();
  // The payload of a source ref that is a box, renamed into the copy.
  std::vector<IrRef> payload(n, kNoRef);
  auto payload_of = [&](IrRef src) -> IrRef {
    if (is_const(src) || src == kNoRef) return kNoRef;
    return payload[size_t(src)];
  };
  auto kind_of = [&](IrRef src) -> BoxKind {
    if (is_const(src) || src == kNoRef) return BoxKind::None;
    return boxed[size_t(src)].kind;
  };
  // Snapshot entries are renamed through the map first; a renamed ref that
  // is a box is then replaced by its payload.
  std::vector<Boxed> dst_boxed;  // by destination ref
  auto note_dst = [&](IrRef dst_ref, Boxed b) {
    if (dst_ref < 0) return;
    if (dst_boxed.size() <= size_t(dst_ref)) dst_boxed.resize(size_t(dst_ref) + 1);
    dst_boxed[size_t(dst_ref)] = b;
  };
  auto entry_hook = [&](SnapEntry& e) {
    if (e.kind == SnapKind::Virtual || is_const(e.ref) || size_t(e.ref) >= dst_boxed.size()) return;
    const Boxed& b = dst_boxed[size_t(e.ref)];
    if (b.kind == BoxKind::None) return;
    e.ref = b.payload;
    e.kind = b.kind == BoxKind::Bool ? SnapKind::Bool : SnapKind::Value;
  };
  auto snap_of = [&](IrRef r) -> int32_t {
    int32_t s = t[r].snap;
    return s < 0 ? s : int32_t(c.copy_snapshot(uint32_t(s), entry_hook));
  };

  std::vector<std::pair<IrRef, IrRef>> phi_fixups;  // (destination PHI, source PHI): unboxed
  std::vector<std::pair<IrRef, IrRef>> kept_phis;   // the same for PHIs copied as they are
  for (IrRef r = 0; r < IrRef(n); ++r) {
    const IrIns& x = t[r];
    if (x.op == IrOp::PHI && unbox_phi[size_t(r)] != BoxKind::None) {
      BoxKind k = unbox_phi[size_t(r)];
      IrRef entry = payload_of(x.a);
      IrRef q = c.dst().emit_typed(IrOp::PHI, payload_type(k), entry, 0);
      phi_fixups.push_back({q, r});
      payload[size_t(r)] = q;
      boxed[size_t(r)] = Boxed{k, kNoRef};
      c.set(r, kNoRef);  // boxed on demand, after the PHIs
      continue;
    }
    if (x.op != IrOp::PHI && r > loop && loop >= 0 && r > 0 && t[r - 1].op == IrOp::PHI) {
      // First instruction after the PHIs: re-box unboxed PHIs that still
      // have boxed uses (DCE removes the boxes nobody needs).
      for (auto [q, src] : phi_fixups) {
        IrRef box = emit_box(c.dst(), unbox_phi[size_t(src)], q);
        c.set(src, box);
        note_dst(box, Boxed{unbox_phi[size_t(src)], q});
      }
    }
    // Uses of a box that do not need the box.
    if (x.op == IrOp::UNTAG && kind_of(x.a) == BoxKind::Int) {
      c.set(r, payload_of(x.a));
      continue;
    }
    if (x.op == IrOp::GUARD_SMALLINT && kind_of(x.a) == BoxKind::Int) continue;
    if (x.op == IrOp::GUARD_CLASS && kind_of(x.a) == BoxKind::Float && is_const(x.b) &&
        t.constant(x.b).bits == reinterpret_cast<uintptr_t>(float_type))
      continue;
    if (x.op == IrOp::LOAD && x.type == IrType::Dbl && kind_of(x.a) == BoxKind::Float &&
        x.b == int32_t(offsetof(Float, value))) {
      c.set(r, payload_of(x.a));
      continue;
    }
    IrRef out = c.copy(r, snap_of(r));
    if (x.op == IrOp::PHI) kept_phis.push_back({out, r});
    if (boxed[size_t(r)].kind != BoxKind::None) {
      payload[size_t(r)] = c.map(boxed[size_t(r)].payload);
      note_dst(out, Boxed{boxed[size_t(r)].kind, payload[size_t(r)]});
    }
  }
  // Back edges are known only now (they point forward).
  for (auto [q, src] : phi_fixups) c.dst().at(q).b = payload_of(t[src].b);
  for (auto [q, src] : kept_phis) c.dst().at(q).b = c.map(t[src].b);
  c.commit(t);
  return true;
}

}  // namespace kestrel::jit::opt
