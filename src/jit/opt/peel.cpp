// Loop peeling (passes.h). The recorder's loop reads
//     preamble, LOOP, PHI a_i b_i ..., body, JUMP
// and becomes
//     preamble, body[PHI_i := a_i], LOOP, PHI' m1(b_i) m2(b_i) ..., body[PHI_i := PHI'_i], JUMP
// The first copy runs the first iteration; the loop proper starts with the
// values that iteration produced. Two things follow (LuaJIT's lj_opt_loop.c
// and PyPy's unroll.py use the same idea):
//   * every loop-carried value is now produced by the trace itself on both
//     edges of its PHI, so its representation is known on both (allocation
//     removal can unbox PHIs whose both inputs are boxes);
//   * a pure body instruction whose operands are loop-invariant is identical
//     to its copy in the first iteration, so CSE replaces it with that copy:
//     loop-invariant code motion, and the same for repeated guards.
#include "jit/opt/copier.h"
#include "jit/opt/passes.h"

namespace kestrel::jit::opt {

namespace {

// A field (base ref, byte offset) whose value the loop can carry in a PHI
// instead of reloading it every iteration: the base is defined before LOOP
// (the same object every iteration), and the body neither calls effectful
// helpers nor stores to the same offset through another base (which might
// be the same object). Stores through ADDR results write item buffers
// (list storage), which never overlap object fields.
struct Field {
  IrRef base;
  int32_t offset;
  IrType type;
  friend bool operator==(const Field&, const Field&) = default;
};

std::vector<Field> loop_carried_fields(const Trace& t, IrRef loop, IrRef first_body, IrRef jump) {
  std::vector<Field> fields;
  for (IrRef r = first_body; r < jump; ++r) {
    const IrIns& x = t[r];
    if (x.op == IrOp::CALL) return {};
    if (x.op == IrOp::LOAD && x.a < loop && (is_const(x.a) || t[x.a].op != IrOp::ADDR)) {
      Field f{x.a, x.b, x.type};
      bool known = false;
      for (const Field& g : fields) known |= g.base == f.base && g.offset == f.offset;
      if (!known) fields.push_back(f);
    }
  }
  // Drop fields another base may write, and fields stored with another type.
  std::vector<Field> kept;
  for (const Field& f : fields) {
    bool ok = true;
    for (IrRef r = first_body; r < jump && ok; ++r) {
      const IrIns& x = t[r];
      if (x.op != IrOp::STORE && x.op != IrOp::STOREF) continue;
      bool through_addr = !is_const(x.a) && t[x.a].op == IrOp::ADDR;
      if (through_addr) continue;
      if (x.b != f.offset) continue;
      if (x.a != f.base)
        ok = false;
      else if ((x.op == IrOp::STOREF) != (f.type == IrType::Dbl))
        ok = false;
      else if (f.type != IrType::Dbl && t.type_of(x.c) != f.type)
        ok = false;
    }
    if (ok) kept.push_back(f);
  }
  return kept;
}

}  // namespace

bool peel_loop(Trace& t) {
  IrRef loop = t.loop_ref();
  if (loop < 0) return false;
  IrRef first_body = loop + 1;
  while (first_body < IrRef(t.size()) && t[first_body].op == IrOp::PHI) ++first_body;
  IrRef jump = IrRef(t.size()) - 1;
  if (t[jump].op != IrOp::JUMP) return false;

  TraceCopier c(t);
  c.copy_entry_snapshot();
  auto copy_guard_snap = [&](IrRef r) -> int32_t {
    int32_t s = t[r].snap;
    return s < 0 ? s : int32_t(c.copy_snapshot(uint32_t(s)));
  };
  // The preamble, as it is.
  for (IrRef r = 0; r < loop; ++r) c.copy(r, copy_guard_snap(r));
  // First iteration: PHIs are their entry values.
  std::vector<IrRef> phis;
  for (IrRef p = loop + 1; p < first_body; ++p) {
    phis.push_back(p);
    c.set(p, c.map(t[p].a));
  }
  // Type guards on the values the loop starts with move to the very top,
  // exiting through the entry snapshot (0): a trace recorded for other types
  // then fails before doing anything, and the driver can try another
  // variant. A class guard moves only when no effectful call precedes it
  // (a call might change the object's class).
  std::vector<bool> hoisted(t.size(), false);
  if (t.snapshots().size() > 0 && t.snapshots().entries(0).empty()) {
    for (IrRef r = first_body; r < jump; ++r) {
      const IrIns& x = t[r];
      if (x.op == IrOp::CALL) break;
      if (x.op != IrOp::GUARD_SMALLINT && x.op != IrOp::GUARD_CLASS) continue;
      IrRef a = c.map(x.a);
      if (a == kNoRef || is_const(a) || c.dst()[a].op != IrOp::LOADSLOT) continue;
      c.dst().guard(x.op, 0, a, x.b);
      hoisted[size_t(r)] = true;
    }
  }
  // Fields the loop carries: their value at the end of the first iteration
  // (the last store, else the last load) enters the loop through a PHI.
  std::vector<Field> fields = loop_carried_fields(t, loop, first_body, jump);
  std::vector<IrRef> field_value(fields.size(), kNoRef);
  auto field_index = [&](const IrIns& x) -> int {
    for (size_t i = 0; i < fields.size(); ++i)
      if (fields[i].base == x.a && fields[i].offset == x.b) return int(i);
    return -1;
  };
  for (IrRef r = first_body; r < jump; ++r) {
    if (hoisted[size_t(r)]) continue;
    IrRef out = c.copy(r, copy_guard_snap(r));
    const IrIns& x = t[r];
    int fi =
        (x.op == IrOp::LOAD || x.op == IrOp::STORE || x.op == IrOp::STOREF) ? field_index(x) : -1;
    if (fi >= 0) field_value[size_t(fi)] = x.op == IrOp::LOAD ? out : c.map(x.c);
  }
  std::vector<IrRef> entry_values;
  for (IrRef p : phis) entry_values.push_back(c.map(t[p].b));
  // The loop proper.
  c.dst().emit(IrOp::LOOP);
  std::vector<IrRef> new_phis;
  for (size_t i = 0; i < phis.size(); ++i) {
    IrRef q = c.dst().emit_typed(IrOp::PHI, t[phis[i]].type, entry_values[i], 0);
    new_phis.push_back(q);
  }
  // A field the body only reads is invariant: its first-iteration value
  // serves every iteration. A stored field gets a PHI.
  std::vector<bool> stored(fields.size(), false);
  for (IrRef r = first_body; r < jump; ++r) {
    const IrIns& x = t[r];
    int fi = (x.op == IrOp::STORE || x.op == IrOp::STOREF) ? field_index(x) : -1;
    if (fi >= 0) stored[size_t(fi)] = true;
  }
  std::vector<IrRef> field_phis(fields.size(), kNoRef);
  for (size_t i = 0; i < fields.size(); ++i)
    if (stored[i]) field_phis[i] = c.dst().emit_typed(IrOp::PHI, fields[i].type, field_value[i], 0);
  std::vector<IrRef> current(fields.size());  // each field's value so far in the iteration
  for (size_t i = 0; i < fields.size(); ++i)
    current[i] = stored[i] ? field_phis[i] : field_value[i];
  for (size_t i = 0; i < phis.size(); ++i) c.set(phis[i], new_phis[i]);
  for (IrRef r = first_body; r < jump; ++r) {
    const IrIns& x = t[r];
    int fi =
        (x.op == IrOp::LOAD || x.op == IrOp::STORE || x.op == IrOp::STOREF) ? field_index(x) : -1;
    if (fi >= 0 && x.op == IrOp::LOAD) {
      c.set(r, current[size_t(fi)]);  // forwarded: no load
      continue;
    }
    c.copy(r, copy_guard_snap(r));
    if (fi >= 0) current[size_t(fi)] = c.map(x.c);
  }
  for (size_t i = 0; i < phis.size(); ++i) c.dst().at(new_phis[i]).b = c.map(t[phis[i]].b);
  for (size_t i = 0; i < fields.size(); ++i)
    if (stored[i]) c.dst().at(field_phis[i]).b = current[i];
  c.dst().emit(IrOp::JUMP);
  c.commit(t);
  return true;
}

}  // namespace kestrel::jit::opt
