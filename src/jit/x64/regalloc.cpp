// Register allocation for the x64 backend: linear scan (Poletto & Sarkar)
// over the linear trace, one interval per IR value, no splitting.
//
// Design. An interval runs from the defining instruction to the last
// position that needs the value: an operand use, a call argument, or a
// snapshot entry of a guard (the exit stub must find the value). Two loop
// rules make intervals valid for the whole loop body:
//   * a value defined before LOOP and needed after it stays live to JUMP
//     (the next iteration needs it again);
//   * a PHI lives from its definition to JUMP, its entry operand is used at
//     LOOP and its back-edge operand at JUMP; LOOP and JUMP emit parallel
//     moves into the PHIs' locations (backend.cpp).
// Each value gets one location for its whole life: a register of its class
// (general registers for int/ref, XMM for double) or a spill slot. When a
// class runs out, the interval ending last (among the active ones and the new
// one) is spilled, the classic heuristic. Values live across a CALL keep
// their register; the backend saves caller-saved ones around the call, and
// intervals crossing a call prefer callee-saved registers to make that rare.
// A result may reuse the register of an operand whose last use is the same
// instruction, except for guards (their snapshot may still name the operand,
// and the exit must see its old value). Pure ops and loads whose result
// nobody uses get no location; the backend emits nothing for them.
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
  }
  return "?";
}

Allocation allocate_registers(const Trace& t) {
  Allocation al;
  const auto& ins = t.instructions();
  const size_t n = ins.size();
  al.loc.assign(n, Loc{});
  al.end.assign(n, -1);
  const IrRef loop = t.loop_ref();
  const IrRef jump = loop >= 0 ? IrRef(n - 1) : -1;

  // --- 1. Last uses.
  std::vector<int32_t> call_positions;
  for (size_t i = 0; i < n; ++i) {
    const IrIns& x = ins[i];
    const IrOpInfo& info = op_info(x.op);
    const IrRef ops[3] = {x.a, x.b, x.c};
    for (int k = 0; k < 3; ++k) {
      OpndKind kind = info.opnd[k];
      if (kind == OpndKind::None || kind == OpndKind::Imm) continue;
      if (kind == OpndKind::Call) {
        const CallDesc& d = t.calls()[size_t(ops[k])];
        for (int j = 0; j < d.nargs; ++j) note_use(al.end, d.args[j], int32_t(i));
        continue;
      }
      int32_t pos = int32_t(i);
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
    if (x.type == IrType::Void) {
      al.end[i] = -1;
      continue;
    }
    bool removable = op_has(x.op, kPure | kLoad) && !op_has(x.op, kGuard);
    if (x.op == IrOp::PHI) {
      al.end[i] = jump;  // a PHI's location is written at every JUMP
    } else if (al.end[i] < 0) {
      if (removable) continue;  // dead: no code
      al.end[i] = int32_t(i);   // effects/guards run even when nobody reads the result
    }
    if (loop >= 0 && IrRef(i) < loop && al.end[i] > loop) al.end[i] = jump;
  }

  // --- 2. Linear scan.
  struct Active {
    IrRef ref;
    int32_t end;
  };
  std::vector<Active> active[2];  // [0] general registers, [1] XMM
  bool gpr_free[16], xmm_free[16];
  std::fill(std::begin(gpr_free), std::end(gpr_free), false);
  std::fill(std::begin(xmm_free), std::end(xmm_free), false);
  for (uint8_t r : kGprCallerFirst) gpr_free[r] = true;
  for (int r = 0; r < kXmmCount; ++r) xmm_free[r] = true;

  auto release = [&](int cls, IrRef ref) {
    const Loc& l = al.loc[size_t(ref)];
    if (l.kind == LocKind::Gpr) gpr_free[l.index] = true;
    if (l.kind == LocKind::Xmm) xmm_free[l.index] = true;
    (void)cls;
  };
  auto spill = [&](IrRef ref) {
    al.loc[size_t(ref)] = Loc{LocKind::Spill, uint16_t(al.spill_slots++)};
  };

  for (size_t i = 0; i < n; ++i) {
    if (al.end[i] < 0) continue;
    const IrIns& x = ins[i];
    const int32_t pos = int32_t(i);
    const bool keep_operands = op_has(x.op, kGuard);
    for (auto& act : active) {
      std::erase_if(act, [&](const Active& a) {
        bool dead = a.end < pos || (a.end == pos && !keep_operands);
        if (dead) release(0, a.ref);
        return dead;
      });
    }
    const int cls = x.type == IrType::Dbl ? 1 : 0;
    const int32_t end = al.end[i];
    bool crosses_call = false;
    for (int32_t c : call_positions)
      if (c > pos && c < end) crosses_call = true;
    Loc got;
    if (cls == 0) {
      for (uint8_t r : crosses_call ? kGprCalleeFirst : kGprCallerFirst) {
        if (gpr_free[r]) {
          got = Loc{LocKind::Gpr, r};
          gpr_free[r] = false;
          break;
        }
      }
    } else {
      for (int r = 0; r < kXmmCount; ++r) {
        if (xmm_free[r]) {
          got = Loc{LocKind::Xmm, uint16_t(r)};
          xmm_free[r] = false;
          break;
        }
      }
    }
    if (got.kind == LocKind::None) {
      // Spill whichever interval ends last: the new one or an active one.
      auto& act = active[cls];
      auto victim = std::max_element(
          act.begin(), act.end(), [](const Active& a, const Active& b) { return a.end < b.end; });
      if (victim != act.end() && victim->end > end) {
        got = al.loc[size_t(victim->ref)];
        spill(victim->ref);
        act.erase(victim);
      } else {
        spill(IrRef(i));
        continue;
      }
    }
    al.loc[i] = got;
    active[cls].push_back({IrRef(i), end});
  }
  if (al.spill_slots > kMaxSpillSlots) al.error = "too many spill slots";
  return al;
}

}  // namespace kestrel::jit::x64
