// Register allocation for the x64 backend: linear scan (Poletto & Sarkar)
// over the linear trace, one interval per IR value, no splitting.
//
// Design. An interval runs from the defining instruction to the last
// position that needs the value: an operand use, a call argument, or a
// snapshot entry of a guard (the exit stub must find the value). Loop rules:
//   * a value defined before LOOP and needed after it stays live to JUMP
//     (the next iteration needs it again);
//   * a PHI's entry operand is used at LOOP and its back-edge operand at
//     JUMP, where parallel moves write the PHIs' locations (backend.cpp). A
//     PHI itself lives only to its last use: whatever holds its register at
//     JUMP is dead or a back-edge source, which the move reads first.
// A compare whose only user is a GUARD_TRUE/GUARD_FALSE is fused into it
// (fused_into): no location, operands live to the guard.
// Each value gets one location for its whole life: a register of its class
// (general registers for int/ref, XMM for double) or a spill slot. Register
// choice, in order: a back-edge value takes its PHI's register (reserved for
// it when the PHI is allocated, so that JUMP moves nothing); an operand's
// register that frees up here (two-operand forms need no copy); the class's
// registers in order, callee-saved first for intervals crossing a CALL (the
// backend saves caller-saved ones around calls). When a class runs out, the
// interval ending last (among the active ones and the new one) is spilled,
// the classic heuristic. A result may reuse the register of an operand whose
// last use is the same instruction, except for guards (their snapshot may
// still name the operand, and the exit must see its old value) other than
// ADDOV/SUBOV, whose exit path undoes the operation. Pure ops and loads whose
// result nobody uses, and PHIs nobody reads, get no location and no code.
//
// Bridges: INPUTs are ordinary values defined at the top (the backend moves
// them there from the parent's locations; a dead INPUT gets nothing), and
// spill slots are numbered from first_spill, the parent's spill_end(), so
// that the parent's spilled values survive the entry move and every Spill
// index is an absolute slot of the root's frame.
//
// Reserved: rsp; r10, r11, xmm14, xmm15 are the backend's scratch registers.
#include <algorithm>

#include "jit/x64/backend.h"

namespace kestrel::jit::x64 {

namespace {

// x86 register numbers.
enum : uint8_t { RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15 };

constexpr uint8_t kGprCallerFirst[] = {RAX, RCX, RDX, RSI, RDI, R8, R9,
                                       RBX, RBP, R12, R13, R14, R15};
constexpr uint8_t kGprCalleeFirst[] = {RBX, RBP, R12, R13, R14, R15, RAX,
                                       RCX, RDX, RSI, RDI, R8,  R9};
constexpr int kXmmCount = 14;  // xmm0..xmm13; no XMM register is callee-saved in System V

void note_use(std::vector<int32_t>& end, IrRef r, int32_t pos) {
  if (is_const(r) || r == kNoRef) return;
  end[size_t(r)] = std::max(end[size_t(r)], pos);
}

void note_virtual(const Trace& t, std::vector<int32_t>& end, uint32_t v, int32_t pos, int depth) {
  if (depth > 64) return;  // virtual graphs are acyclic; the bound only guards bad input
  for (const VirtualField& f : t.snapshots().fields(v)) {
    if (f.kind == SnapKind::Virtual)
      note_virtual(t, end, uint32_t(f.ref), pos, depth + 1);
    else
      note_use(end, f.ref, pos);
  }
}

bool is_value_operand(OpndKind k) {
  return k != OpndKind::None && k != OpndKind::Imm && k != OpndKind::Call;
}

void visit_virtual(const Trace& t, uint32_t v, size_t at, int depth, auto&& fn) {
  if (depth > 64) return;
  for (const VirtualField& f : t.snapshots().fields(v)) {
    if (f.kind == SnapKind::Virtual)
      visit_virtual(t, uint32_t(f.ref), at, depth + 1, fn);
    else if (!is_const(f.ref) && f.ref != kNoRef)
      fn(f.ref, at, true);
  }
}

// Calls fn(ref, i, in_snapshot) for every use of an instruction's value by
// instruction i: operands, call arguments, and the snapshot entries of guards.
void for_each_use(const Trace& t, auto&& fn) {
  const auto& ins = t.instructions();
  for (size_t i = 0; i < ins.size(); ++i) {
    const IrIns& x = ins[i];
    const IrOpInfo& info = op_info(x.op);
    const IrRef ops[3] = {x.a, x.b, x.c};
    for (int k = 0; k < 3; ++k) {
      if (info.opnd[k] == OpndKind::Call) {
        const CallDesc& d = t.calls()[size_t(ops[k])];
        for (int j = 0; j < d.nargs; ++j)
          if (!is_const(d.args[j]) && d.args[j] != kNoRef) fn(d.args[j], i, false);
      } else if (is_value_operand(info.opnd[k]) && !is_const(ops[k]) && ops[k] != kNoRef) {
        fn(ops[k], i, false);
      }
    }
    if (!(info.flags & kGuard)) continue;
    for (const SnapEntry& e : t.snapshots().entries(uint32_t(x.snap))) {
      if (e.kind == SnapKind::Virtual)
        visit_virtual(t, uint32_t(e.ref), i, 0, fn);
      else if (!is_const(e.ref) && e.ref != kNoRef)
        fn(e.ref, i, true);
    }
  }
}

bool is_compare(IrOp op) {
  switch (op) {
    case IrOp::LT:
    case IrOp::LE:
    case IrOp::EQ:
    case IrOp::NE:
    case IrOp::GT:
    case IrOp::GE:
    case IrOp::ULT:
    case IrOp::FLT:
    case IrOp::FLE:
    case IrOp::FEQ:
    case IrOp::FNE:
    case IrOp::FGT:
    case IrOp::FGE:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string format_loc(const Loc& l) {
  static const char* const kGprNames[] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                                          "r8",  "r9",  "r10", "r11", "r12", "r13", "r14", "r15"};
  switch (l.kind) {
    case LocKind::None:
      return "-";
    case LocKind::Gpr:
      return kGprNames[l.index & 15];
    case LocKind::Xmm:
      return "xmm" + std::to_string(l.index);
    case LocKind::Spill:
      return "[s" + std::to_string(l.index) + "]";
    case LocKind::Known:
      return "=" + std::to_string(l.index);
  }
  return "?";
}

Allocation allocate_registers(const Trace& t, uint32_t first_spill) {
  Allocation al;
  al.spill_slots = first_spill;
  const auto& ins = t.instructions();
  const size_t n = ins.size();
  al.loc.assign(n, Loc{});
  al.end.assign(n, -1);
  al.fused_into.assign(n, kNoRef);
  const IrRef loop = t.loop_ref();
  const IrRef jump = loop >= 0 ? IrRef(n - 1) : -1;

  // --- 1. Compares fused into their guard: the compare's only user is a
  // later GUARD_TRUE / GUARD_FALSE on the same side of LOOP, as its operand
  // and possibly in its snapshot (the `and`/`or` of Python keeps the compare
  // on the stack), where the value is known when the guard fails. The
  // backend evaluates the compare at the guard.
  constexpr int32_t kManyUsers = -2;
  std::vector<int32_t> user(n, -1);
  std::vector<uint8_t> in_snapshot(n, 0);
  for_each_use(t, [&](IrRef r, size_t i, bool snap) {
    int32_t& u = user[size_t(r)];
    u = (u == -1 || u == int32_t(i)) ? int32_t(i) : kManyUsers;
    if (snap) in_snapshot[size_t(r)] = 1;
  });
  for (size_t i = 0; i < n; ++i) {
    const int32_t g = user[i];
    if (!is_compare(ins[i].op) || g < 0) continue;
    const IrIns& gx = ins[size_t(g)];
    if ((gx.op != IrOp::GUARD_TRUE && gx.op != IrOp::GUARD_FALSE) || gx.a != IrRef(i)) continue;
    if (loop >= 0 && IrRef(i) < loop && g > loop) continue;
    al.fused_into[i] = g;
    if (in_snapshot[i]) al.loc[i] = Loc{LocKind::Known, uint16_t(gx.op == IrOp::GUARD_FALSE)};
  }

  // --- 2. Last uses.
  std::vector<int32_t> call_positions;
  for (size_t i = 0; i < n; ++i) {
    const IrIns& x = ins[i];
    const IrOpInfo& info = op_info(x.op);
    const IrRef ops[3] = {x.a, x.b, x.c};
    // A fused compare reads its operands at its guard.
    const int32_t at = al.fused_into[i] != kNoRef ? al.fused_into[i] : int32_t(i);
    for (int k = 0; k < 3; ++k) {
      OpndKind kind = info.opnd[k];
      if (kind == OpndKind::None || kind == OpndKind::Imm) continue;
      if (kind == OpndKind::Call) {
        const CallDesc& d = t.calls()[size_t(ops[k])];
        for (int j = 0; j < d.nargs; ++j) note_use(al.end, d.args[j], at);
        continue;
      }
      int32_t pos = at;
      if (x.op == IrOp::PHI) pos = k == 0 ? loop : jump;
      note_use(al.end, ops[k], pos);
    }
    if (info.flags & kCall) call_positions.push_back(int32_t(i));
    if (info.flags & kGuard) {
      for (const SnapEntry& e : t.snapshots().entries(uint32_t(x.snap))) {
        if (e.kind == SnapKind::Virtual)
          note_virtual(t, al.end, uint32_t(e.ref), int32_t(i), 0);
        else
          note_use(al.end, e.ref, int32_t(i));
      }
    }
  }
  for (size_t i = 0; i < n; ++i) {
    const IrIns& x = ins[i];
    if (x.type == IrType::Void || al.fused_into[i] != kNoRef) {
      al.end[i] = -1;
      continue;
    }
    // A PHI lives to its last use, not to JUMP: its location is written
    // again only at JUMP, and whatever holds that register by then is
    // either dead or a back-edge source, which the parallel move reads first.
    // A PHI nobody reads gets no location and no moves.
    bool removable = x.op == IrOp::PHI || (op_has(x.op, kPure | kLoad) && !op_has(x.op, kGuard));
    if (al.end[i] < 0) {
      if (removable) continue;  // dead: no code
      al.end[i] = int32_t(i);   // effects/guards run even when nobody reads the result
    }
    if (loop >= 0 && IrRef(i) < loop && al.end[i] > loop) al.end[i] = jump;
  }

  // --- 3. Linear scan with hints.
  // A back-edge value prefers its PHI's register (then JUMP moves nothing):
  // when the PHI is allocated, its register is reserved for that value, and
  // values in between may use it only if they die before the value is made.
  std::vector<IrRef> phi_of(n, kNoRef);  // back-edge value -> its (first) PHI
  if (loop >= 0) {
    for (size_t p = size_t(loop) + 1; p < n && ins[p].op == IrOp::PHI; ++p) {
      IrRef v = ins[p].b;
      if (!is_const(v) && v > IrRef(p) && phi_of[size_t(v)] == kNoRef) phi_of[size_t(v)] = IrRef(p);
    }
  }
  // Whether allocating instruction `pos` frees operand `w` whose interval
  // ends there. Guards keep everything their exit may name, except ADDOV's
  // and SUBOV's first operand (ADDOV: either), whose register the result may
  // take: the backend undoes the operation on the exit path.
  auto releases = [&](size_t pos, IrRef w) {
    const IrIns& x = ins[pos];
    if (!op_has(x.op, kGuard)) return true;
    if ((x.op == IrOp::ADDOV || x.op == IrOp::SUBOV) && x.a != x.b)
      return w == x.a || (x.op == IrOp::ADDOV && w == x.b);
    return false;
  };

  struct Active {
    IrRef ref;
    int32_t end;
  };
  std::vector<Active> active[2];  // [0] general registers, [1] XMM
  bool is_free[2][16];
  bool phi_reg[2][16];  // some PHI lives in it: a destination of JUMP's moves
  IrRef reserved[2][16];
  for (int c = 0; c < 2; ++c) {
    std::fill(std::begin(is_free[c]), std::end(is_free[c]), false);
    std::fill(std::begin(phi_reg[c]), std::end(phi_reg[c]), false);
    std::fill(std::begin(reserved[c]), std::end(reserved[c]), kNoRef);
  }
  for (uint8_t r : kGprCallerFirst) is_free[0][r] = true;
  for (int r = 0; r < kXmmCount; ++r) is_free[1][r] = true;

  auto release = [&](IrRef ref) {
    const Loc& l = al.loc[size_t(ref)];
    if (l.kind == LocKind::Gpr) is_free[0][l.index] = true;
    if (l.kind == LocKind::Xmm) is_free[1][l.index] = true;
  };
  auto spill = [&](IrRef ref) {
    al.loc[size_t(ref)] = Loc{LocKind::Spill, uint16_t(al.spill_slots++)};
  };
  // Register r of class cls can hold value i (interval ending at end)
  // without taking a register reserved for a later back-edge value.
  auto usable = [&](int cls, unsigned r, IrRef i, int32_t end) {
    if (!is_free[cls][r]) return false;
    IrRef v = reserved[cls][r];
    if (v == kNoRef || v <= i) return true;
    return end < v || (end == v && releases(size_t(v), i));
  };
  auto reg_of = [&](IrRef r, OpndKind kind, int cls) -> int {
    if (!is_value_operand(kind) || is_const(r) || r == kNoRef) return -1;
    const Loc& l = al.loc[size_t(r)];
    if (l.kind != (cls == 0 ? LocKind::Gpr : LocKind::Xmm)) return -1;
    return l.index;
  };

  for (size_t i = 0; i < n; ++i) {
    if (al.end[i] < 0) continue;
    const IrIns& x = ins[i];
    const int32_t pos = int32_t(i);
    for (auto& act : active) {
      std::erase_if(act, [&](const Active& a) {
        bool dead = a.end < pos || (a.end == pos && releases(i, a.ref));
        if (dead) release(a.ref);
        return dead;
      });
    }
    const int cls = x.type == IrType::Dbl ? 1 : 0;
    const int32_t end = al.end[i];
    bool crosses_call = false;
    for (int32_t c : call_positions)
      if (c > pos && c < end) crosses_call = true;

    // Candidates in order of preference: the PHI's register for a back-edge
    // value, an operand's register that is free now (two-operand forms need
    // no copy; a PHI's entry value), then the class's registers in order.
    int hint[3] = {-1, -1, -1};
    if (phi_of[i] != kNoRef) hint[0] = reg_of(phi_of[i], OpndKind::Any, cls);
    hint[1] = reg_of(x.a, op_info(x.op).opnd[0], cls);
    // (Not for doubles: the backend keeps their operand order, see dbl_binop.)
    if (op_has(x.op, kComm) && cls == 0) hint[2] = reg_of(x.b, op_info(x.op).opnd[1], cls);
    // Of two operand registers, the one reserved for a later back-edge value
    // first: this value then hands the register on (x = 2*x*y + c).
    auto pending = [&](int h) { return h >= 0 && reserved[cls][h] > IrRef(i); };
    if (pending(hint[2]) && !pending(hint[1])) std::swap(hint[1], hint[2]);
    int got = -1;
    for (int h : hint) {
      if (h >= 0 && usable(cls, unsigned(h), IrRef(i), end)) {
        got = h;
        break;
      }
    }
    // A back-edge value that cannot have its PHI's register avoids other
    // PHIs' registers first: JUMP's moves then form chains, not cycles.
    for (int pass = phi_of[i] != kNoRef ? 0 : 1; pass < 2 && got < 0; ++pass) {
      auto ok = [&](unsigned r) {
        return usable(cls, r, IrRef(i), end) && (pass == 1 || !phi_reg[cls][r]);
      };
      if (cls == 0) {
        for (uint8_t r : crosses_call ? kGprCalleeFirst : kGprCallerFirst) {
          if (ok(r)) {
            got = r;
            break;
          }
        }
      } else {
        for (int r = 0; r < kXmmCount; ++r) {
          if (ok(unsigned(r))) {
            got = r;
            break;
          }
        }
      }
    }
    if (got < 0) {  // only reserved registers left: better a move at JUMP than a spill
      for (int r = 0; r < 16; ++r) {
        if (is_free[cls][r]) {
          got = r;
          break;
        }
      }
    }
    Loc l;
    if (got >= 0) {
      l = Loc{cls == 0 ? LocKind::Gpr : LocKind::Xmm, uint16_t(got)};
      is_free[cls][got] = false;
    } else {
      // Spill whichever interval ends last: the new one or an active one.
      auto& act = active[cls];
      auto victim = std::max_element(
          act.begin(), act.end(), [](const Active& a, const Active& b) { return a.end < b.end; });
      if (victim != act.end() && victim->end > end) {
        l = al.loc[size_t(victim->ref)];
        spill(victim->ref);
        act.erase(victim);
      } else {
        spill(IrRef(i));
        continue;
      }
    }
    al.loc[i] = l;
    active[cls].push_back({IrRef(i), end});
    if (x.op == IrOp::PHI) phi_reg[cls][l.index] = true;
    if (x.op == IrOp::PHI && !is_const(x.b) && x.b > IrRef(i) && phi_of[size_t(x.b)] == IrRef(i))
      reserved[cls][l.index] = x.b;
  }
  if (al.spill_slots > kMaxSpillSlots) al.error = "too many spill slots";
  return al;
}

}  // namespace kestrel::jit::x64
