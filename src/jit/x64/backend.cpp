// The x86-64 backend: emits machine code for a Trace with asmjit's
// x86::Assembler, following the register allocation of regalloc.cpp, and
// places it in W^X code memory (code_memory.h). Also exit values and patching.
//
// Design (docs/jit.md, "Backend"). Code is emitted forward, one IR
// instruction at a time:
//
//   prologue   push the six callee-saved registers (a bridge may use any),
//              reserve the frame, keep `slots` and `exit` in the frame;
//              entry_after_pushes() points just after the pushes (LINK from
//              another tree enters there), reentry() just after the prologue
//   preamble   instructions before LOOP
//   LOOP       parallel move: PHI entry values -> PHI locations; loop label
//   body       instructions after the PHIs
//   JUMP       parallel move: back-edge values -> PHI locations; jmp loop
//   undo       ADDOV/SUBOV that overwrote their operand: undo, jmp to the stub
//   stubs      one per snapshot: store the exit number, jmp to the common exit
//   common     store the GPRs and XMMs that hold values, the spill slots and
//              the trace's tag into *exit, epilogue, return the exit number
//   pool       constants that are not immediates (doubles, 64-bit operands),
//              read RIP-relative
//
// Frame (rsp-relative; rsp is 16-byte aligned inside the trace so calls need
// no adjustment: 8 return address + 8 per push + frame ≡ 0 mod 16):
//   [0] slots  [8] exit  [16] exit number  [32..160) GPR save area for calls
//   [160..288) XMM save area  [288..352) unused  [352..) spill slots: the
//   root's own, then kBridgeSpillSlots more for its bridges
//
// A bridge has no prologue: it starts with one parallel move from its
// parent's locations (BridgeInfo::inputs) into its INPUTs' locations, runs
// in the root's frame (its spill slots come after its parent's), and leaves
// through its own stubs and common exit, which ends with the root's
// epilogue, or through LINK, a jump to the root's reentry().
// LINK to another tree's root (link_target; nested loops on one frame): reload
// rdi/rsi from this frame, drop this root's frame (add rsp, frame), jump to
// the target's entry_after_pushes(). All roots push the same registers, so
// the target's epilogue returns to the first root's caller.
// Every guard is a conditional jump (always the rel32 form, so it can be
// patched to a bridge) to its snapshot's stub; a compare whose only user is
// a GUARD_TRUE/GUARD_FALSE (regalloc's fused_into) is emitted there as
// cmp/ucomisd + jcc. Operands that are in spill
// slots or are constants are brought into the scratch registers r10/r11 and
// xmm14/xmm15, which the allocator never hands out. Doubles are computed with
// scalar SSE2 (addsd ...): exactly C++'s IEEE arithmetic; never FMA.
#include "jit/x64/backend.h"

#include <asmjit/x86.h>
#include <sys/mman.h>

#include <algorithm>
#include <bit>
#include <cstring>

namespace kestrel::jit::x64 {

using namespace asmjit;

namespace {

constexpr int32_t kSlotsOff = 0;
constexpr int32_t kExitPtrOff = 8;
constexpr int32_t kExitNoOff = 16;
constexpr int32_t kSaveGprOff = 32;
constexpr int32_t kSaveXmmOff = 160;
constexpr int32_t kSpillOff = 352;
constexpr int32_t kExitTagOff = int32_t(offsetof(ExitState, tag));

constexpr uint8_t kCalleeSaved[] = {3, 5, 12, 13, 14, 15};  // rbx rbp r12 r13 r14 r15
constexpr uint8_t kIntArgRegs[] = {7, 6, 2, 1, 8, 9};       // rdi rsi rdx rcx r8 r9

bool is_caller_saved_gpr(uint8_t r) {
  for (uint8_t c : kCalleeSaved)
    if (c == r) return false;
  return r != 4;
}

// Collects asmjit errors instead of throwing or aborting.
class ErrorCollector : public ErrorHandler {
 public:
  void handleError(Error, const char* message, BaseEmitter*) override {
    if (first.empty()) first = message;
  }
  std::string first;
};

// What the emitter needs besides the trace and its allocation.
struct EmitConfig {
  uint64_t tag = 0;                     // stored in ExitState::tag by every exit
  const BridgeInfo* bridge = nullptr;   // null: a root trace
  const CompiledTrace* link = nullptr;  // LINK to another tree's root; null: the own root
  uint32_t frame = 0;                   // frame size below the pushes (a bridge: the root's)
  std::vector<uint8_t> pushed;          // callee-saved registers pushed (a bridge: the root's)
};

class Emitter {
 public:
  Emitter(const Trace& t, const Allocation& al, CodeHolder* code, const EmitConfig& cfg)
      : t_(t), al_(al), a_(code), cfg_(cfg), frame_(cfg.frame), pushed_(cfg.pushed) {}

  std::vector<std::pair<uint32_t, uint32_t>> exit_sites;  // (snapshot, offset of the jump's end)
  size_t reentry_offset = 0;                              // a root's: just after the prologue
  size_t after_pushes_offset = 0;                         // a root's: just after the pushes

  void emit_all() {
    exit_labels_.resize(t_.snapshots().size());
    for (auto& l : exit_labels_) l = a_.newLabel();
    common_exit_ = a_.newLabel();
    loop_label_ = a_.newLabel();
    loop_ = t_.loop_ref();
    head_guard_ = find_head_guard();
    after_head_ = a_.newLabel();
    a_.addEncodingOptions(EncodingOptions::kOptimizedAlign);  // multi-byte NOPs before the loop

    if (cfg_.bridge == nullptr) {
      // Prologue: push the callee-saved registers (all of them, since this
      // trace's bridges may use any), reserve the frame (compile_trace sized
      // it so that return address + pushes + frame ≡ 0 mod 16).
      for (uint8_t r : pushed_) a_.push(x86::gpq(r));
      after_pushes_offset = a_.offset();  // LINK from another tree enters here
      a_.sub(x86::rsp, frame_);
      a_.mov(x86::qword_ptr(x86::rsp, kSlotsOff), x86::rdi);
      a_.mov(x86::qword_ptr(x86::rsp, kExitPtrOff), x86::rsi);
      reentry_offset = a_.offset();
    } else {
      input_moves();
    }

    for (size_t i = 0; i < t_.size(); ++i) emit_ins(IrRef(i));

    // Out-of-line undo paths of ADDOV/SUBOV that overwrote their operand:
    // restore it, then leave through the snapshot's stub as the guard would.
    for (const Undo& u : undos_) {
      a_.bind(u.label);
      a_.emit(u.inverse, x86::gpq(u.reg), u.src);
      exit_jump_always(u.snap);
    }

    // Exit stubs and the common exit.
    for (size_t s = 0; s < exit_labels_.size(); ++s) {
      a_.bind(exit_labels_[s]);
      a_.mov(x86::dword_ptr(x86::rsp, kExitNoOff), uint32_t(s));
      a_.jmp(common_exit_);
    }
    // The common exit stores the registers some value lives in (exit_value
    // reads nothing else), then the spill slots.
    a_.bind(common_exit_);
    bool gpr_used[16] = {}, xmm_used[16] = {};
    for (const Loc& l : al_.loc) {
      if (l.kind == LocKind::Gpr) gpr_used[l.index & 15] = true;
      if (l.kind == LocKind::Xmm) xmm_used[l.index & 15] = true;
    }
    a_.mov(x86::r11, x86::qword_ptr(x86::rsp, kExitPtrOff));
    for (uint32_t g = 0; g < 16; ++g)
      if (gpr_used[g]) a_.mov(x86::qword_ptr(x86::r11, int32_t(8 * g)), x86::gpq(g));
    for (uint32_t x = 0; x < 16; ++x)
      if (xmm_used[x]) a_.movsd(x86::qword_ptr(x86::r11, int32_t(128 + 8 * x)), x86::xmm(x));
    if (al_.spill_slots > 0 && al_.spill_slots <= 8) {
      for (uint32_t k = 0; k < al_.spill_slots; ++k) {
        a_.mov(x86::rdx, spill_mem(uint16_t(k)));
        a_.mov(x86::qword_ptr(x86::r11, int32_t(256 + 8 * k)), x86::rdx);
      }
    } else if (al_.spill_slots > 0) {
      // Copy the spill area: for (rax = 0; rax < n; ++rax) exit->spill[rax] = spill[rax].
      Label copy = a_.newLabel();
      a_.xor_(x86::eax, x86::eax);
      a_.bind(copy);
      a_.mov(x86::rdx, x86::ptr(x86::rsp, x86::rax, 3, kSpillOff));
      a_.mov(x86::ptr(x86::r11, x86::rax, 3, 256), x86::rdx);
      a_.inc(x86::eax);
      a_.cmp(x86::eax, al_.spill_slots);
      a_.jb(copy);
    }
    if (cfg_.tag <= uint64_t(INT32_MAX)) {
      a_.mov(x86::qword_ptr(x86::r11, kExitTagOff), Imm(int64_t(cfg_.tag)));
    } else {
      a_.mov(x86::rdx, Imm(int64_t(cfg_.tag)));
      a_.mov(x86::qword_ptr(x86::r11, kExitTagOff), x86::rdx);
    }
    a_.mov(x86::eax, x86::dword_ptr(x86::rsp, kExitNoOff));
    a_.add(x86::rsp, frame_);
    for (size_t k = pushed_.size(); k-- > 0;) a_.pop(x86::gpq(pushed_[k]));
    a_.ret();

    // The constant pool (doubles, 64-bit int operands), read RIP-relative.
    if (!const_pool_.empty()) {
      a_.align(AlignMode::kData, 8);
      for (const auto& [bits, label] : const_pool_) {
        a_.bind(label);
        a_.embedUInt64(bits);
      }
    }
  }

 private:
  // --- locations and operands

  const Loc& loc(IrRef r) const { return al_.loc[size_t(r)]; }
  x86::Mem spill_mem(uint16_t slot) const { return x86::qword_ptr(x86::rsp, kSpillOff + 8 * slot); }
  uint64_t const_bits(IrRef r) const { return t_.constant(r).bits; }
  bool in_gpr(IrRef r, const x86::Gp& g) const {
    return !is_const(r) && loc(r).kind == LocKind::Gpr && loc(r).index == g.id();
  }
  bool in_xmm(IrRef r, const x86::Xmm& x) const {
    return !is_const(r) && loc(r).kind == LocKind::Xmm && loc(r).index == x.id();
  }

  void load_imm(const x86::Gp& g, uint64_t bits) {
    if (bits == 0)
      a_.xor_(g.r32(), g.r32());
    else
      a_.mov(g, Imm(int64_t(bits)));
  }

  // The register holding int/ref value r: its own, or `scratch` loaded with it.
  x86::Gp use_gp(IrRef r, const x86::Gp& scratch) {
    if (is_const(r)) {
      load_imm(scratch, const_bits(r));
      return scratch;
    }
    const Loc& l = loc(r);
    if (l.kind == LocKind::Gpr) return x86::gpq(l.index);
    a_.mov(scratch, spill_mem(l.index));
    return scratch;
  }
  // Puts value r into register d (no code if it is already there).
  void load_gp(const x86::Gp& d, IrRef r) {
    if (in_gpr(r, d)) return;
    if (is_const(r)) return load_imm(d, const_bits(r));
    const Loc& l = loc(r);
    if (l.kind == LocKind::Gpr)
      a_.mov(d, x86::gpq(l.index));
    else
      a_.mov(d, spill_mem(l.index));
  }
  // A second source operand: register, spill slot, int32 immediate, or a
  // constant-pool slot.
  Operand src_gp(IrRef r) {
    if (is_const(r)) {
      int64_t v = int64_t(const_bits(r));
      if (v >= INT32_MIN && v <= INT32_MAX) return Imm(v);
      return const_mem(uint64_t(v));  // e.g. a class word: cmp r11, [rip+k]
    }
    const Loc& l = loc(r);
    if (l.kind == LocKind::Gpr) return x86::gpq(l.index);
    return spill_mem(l.index);
  }
  x86::Xmm use_xmm(IrRef r, const x86::Xmm& scratch) {
    if (is_const(r)) {
      load_dbl_const(scratch, const_bits(r));
      return scratch;
    }
    const Loc& l = loc(r);
    if (l.kind == LocKind::Xmm) return x86::xmm(l.index);
    a_.movsd(scratch, spill_mem(l.index));
    return scratch;
  }
  void load_dbl_const(const x86::Xmm& x, uint64_t bits) {
    if (bits == 0)
      a_.xorpd(x, x);
    else
      a_.movsd(x, const_mem(bits));
  }
  // A constant's 8 bytes in the pool after the code.
  x86::Mem const_mem(uint64_t bits) {
    for (const auto& [b, label] : const_pool_)
      if (b == bits) return x86::qword_ptr(label);
    const_pool_.push_back({bits, a_.newLabel()});
    return x86::qword_ptr(const_pool_.back().second);
  }
  void load_xmm(const x86::Xmm& d, IrRef r) {
    if (in_xmm(r, d)) return;
    if (is_const(r)) return load_dbl_const(d, const_bits(r));
    const Loc& l = loc(r);
    if (l.kind == LocKind::Xmm)
      a_.movapd(d, x86::xmm(l.index));
    else
      a_.movsd(d, spill_mem(l.index));
  }
  Operand src_xmm(IrRef r, const x86::Xmm& scratch) {
    if (is_const(r)) {
      if (const_bits(r) != 0) return const_mem(const_bits(r));
      load_dbl_const(scratch, 0);
      return scratch;
    }
    const Loc& l = loc(r);
    if (l.kind == LocKind::Xmm) return x86::xmm(l.index);
    return spill_mem(l.index);
  }

  // Where to compute result r: its register, or a scratch register when it
  // lives in a spill slot (finish_* then stores it).
  x86::Gp dst_gp(IrRef r) const {
    return loc(r).kind == LocKind::Gpr ? x86::gpq(loc(r).index) : x86::r11;
  }
  x86::Xmm dst_xmm(IrRef r) const {
    return loc(r).kind == LocKind::Xmm ? x86::xmm(loc(r).index) : x86::xmm15;
  }
  void finish_gp(IrRef r, const x86::Gp& d) {
    const Loc& l = loc(r);
    if (l.kind == LocKind::Spill)
      a_.mov(spill_mem(l.index), d);
    else if (l.kind == LocKind::Gpr && l.index != d.id())
      a_.mov(x86::gpq(l.index), d);
  }
  void finish_xmm(IrRef r, const x86::Xmm& d) {
    const Loc& l = loc(r);
    if (l.kind == LocKind::Spill)
      a_.movsd(spill_mem(l.index), d);
    else if (l.kind == LocKind::Xmm && l.index != d.id())
      a_.movapd(x86::xmm(l.index), d);
  }

  // A guard's jump to its snapshot's stub (rel32 form: patchable).
  // (Not a CondCode sentinel for "always": asmjit's kMaxValue is kG.)
  void exit_jump(x86::CondCode cc, int32_t snap) {
    a_.j(cc, exit_labels_[size_t(snap)]);
    exit_sites.push_back({uint32_t(snap), uint32_t(a_.offset())});
  }
  void exit_jump_always(int32_t snap) {
    a_.jmp(exit_labels_[size_t(snap)]);
    exit_sites.push_back({uint32_t(snap), uint32_t(a_.offset())});
  }

  // --- instruction selection

  bool is_imm32(IrRef r) const {
    if (!is_const(r)) return false;
    int64_t v = int64_t(const_bits(r));
    return v >= INT32_MIN && v <= INT32_MAX;
  }
  bool in_any_gpr(IrRef r) const { return !is_const(r) && loc(r).kind == LocKind::Gpr; }

  // Two-operand x86 forms, computed in the result's register; when that is
  // neither operand's register, lea (add, subtract a constant) and imul's
  // three-operand form (multiply by a constant) avoid the copy.
  void int_binop(IrRef r, const IrIns& x, InstId inst) {
    IrRef a = x.a, b = x.b;
    const bool guard = op_has(x.op, kGuard);
    x86::Gp d = dst_gp(r);
    if (!is_const(b) && in_gpr(b, d) && !in_gpr(a, d)) {
      if (op_has(x.op, kComm))
        std::swap(a, b);
      else
        d = x86::r11;
    }
    // Only ADDOV/SUBOV may overwrite an operand an exit needs (undone below).
    if (guard && inst == x86::Inst::kIdImul && in_gpr(a, d)) d = x86::r11;
    if (!guard && !in_gpr(a, d) && in_any_gpr(a) &&
        (inst == x86::Inst::kIdAdd || inst == x86::Inst::kIdSub)) {
      x86::Gp ga = x86::gpq(loc(a).index);
      int64_t k = is_imm32(b) ? int64_t(const_bits(b)) : 0;
      if (inst == x86::Inst::kIdSub) k = -k;
      if (is_imm32(b) && k >= INT32_MIN && k <= INT32_MAX) {
        a_.lea(d, x86::ptr(ga, int32_t(k)));
        return finish_gp(r, d);
      }
      if (inst == x86::Inst::kIdAdd && in_any_gpr(b)) {
        a_.lea(d, x86::ptr(ga, x86::gpq(loc(b).index)));
        return finish_gp(r, d);
      }
    }
    if (inst == x86::Inst::kIdImul && is_imm32(b) && !is_const(a) && !in_gpr(a, d)) {
      const Loc& la = loc(a);
      Operand sa = la.kind == LocKind::Gpr ? Operand(x86::gpq(la.index)) : spill_mem(la.index);
      a_.emit(inst, d, sa, Imm(int64_t(const_bits(b))));
      if (guard) exit_jump(x86::CondCode::kO, x.snap);
      return finish_gp(r, d);
    }
    load_gp(d, a);
    Operand s = src_gp(b);
    if (inst == x86::Inst::kIdImul && s.isImm())
      a_.imul(d, d, s.as<Imm>());
    else
      a_.emit(inst, d, s);
    if (guard && in_gpr(a, d)) {
      // The sum overwrote operand a, which the exit may name: undo it out of line.
      Label undo = a_.newLabel();
      a_.jo(undo);
      undos_.push_back({undo, inst == x86::Inst::kIdAdd ? x86::Inst::kIdSub : x86::Inst::kIdAdd,
                        d.id(), s, x.snap});
    } else if (guard) {
      exit_jump(x86::CondCode::kO, x.snap);
    }
    finish_gp(r, d);
  }

  void shift(IrRef r, const IrIns& x, InstId inst) {
    if (is_const(x.b)) {
      x86::Gp d = dst_gp(r);
      if (in_gpr(x.b, d)) d = x86::r11;
      load_gp(d, x.a);
      a_.emit(inst, d, Imm(int64_t(const_bits(x.b) & 63)));
      finish_gp(r, d);
      return;
    }
    // Variable count: x86 wants it in cl. rcx may hold a live value, so
    // park it in r10 for the duration.
    load_gp(x86::r11, x.a);
    a_.mov(x86::r10, x86::rcx);
    load_gp(x86::rcx, x.b);
    a_.emit(inst, x86::r11, x86::cl);
    a_.mov(x86::rcx, x86::r10);
    finish_gp(r, x86::r11);
  }

  void set_result_from_flags(IrRef r, x86::CondCode cc) {
    a_.set(cc, x86::r11b);
    x86::Gp d = dst_gp(r);
    a_.movzx(d.r32(), x86::r11b);
    finish_gp(r, d);
  }

  void int_compare(IrRef r, const IrIns& x, x86::CondCode cc) {
    x86::Gp ga = use_gp(x.a, x86::r11);
    a_.emit(x86::Inst::kIdCmp, ga, src_gp(x.b));
    set_result_from_flags(r, cc);
  }

  // Never swaps commutative operands: when both are NaN, x86 returns the
  // first one's payload, as C++'s `a + b` does (the evaluator, the interpreter).
  void dbl_binop(IrRef r, const IrIns& x, InstId inst) {
    IrRef a = x.a, b = x.b;
    x86::Xmm d = dst_xmm(r);
    if (!is_const(b) && in_xmm(b, d) && !in_xmm(a, d)) d = x86::xmm15;
    load_xmm(d, a);
    a_.emit(inst, d, src_xmm(b, x86::xmm14));
    finish_xmm(r, d);
  }

  // Emits ucomisd for a double compare and returns the condition that holds
  // exactly when it is true (FEQ/FNE: kE/kNE, PF to be combined by the caller).
  x86::CondCode ucomisd(const IrIns& x) {
    IrRef lhs = x.a, rhs = x.b;
    x86::CondCode cc = x86::CondCode::kA;
    switch (x.op) {
      case IrOp::FLT:
        std::swap(lhs, rhs);
        cc = x86::CondCode::kA;
        break;  // b > a
      case IrOp::FLE:
        std::swap(lhs, rhs);
        cc = x86::CondCode::kAE;
        break;  // b >= a
      case IrOp::FGT:
        cc = x86::CondCode::kA;
        break;
      case IrOp::FGE:
        cc = x86::CondCode::kAE;
        break;
      default:
        break;
    }
    x86::Xmm xl = use_xmm(lhs, x86::xmm15);
    a_.emit(x86::Inst::kIdUcomisd, xl, src_xmm(rhs, x86::xmm14));
    if (x.op == IrOp::FEQ) return x86::CondCode::kE;
    if (x.op == IrOp::FNE) return x86::CondCode::kNE;
    return cc;
  }

  // IEEE compares with ucomisd (unordered sets ZF, PF and CF).
  void dbl_compare(IrRef r, const IrIns& x) {
    x86::CondCode cc = ucomisd(x);
    if (x.op == IrOp::FEQ) {  // equal and ordered
      a_.sete(x86::r11b);
      a_.setnp(x86::r10b);
      a_.and_(x86::r11b, x86::r10b);
    } else if (x.op == IrOp::FNE) {  // not equal or unordered
      a_.setne(x86::r11b);
      a_.setp(x86::r10b);
      a_.or_(x86::r11b, x86::r10b);
    } else {
      a_.set(cc, x86::r11b);
    }
    x86::Gp d = dst_gp(r);
    a_.movzx(d.r32(), x86::r11b);
    finish_gp(r, d);
  }

  // The condition code that is true exactly when an int compare holds.
  static x86::CondCode int_cond(IrOp op) {
    switch (op) {
      case IrOp::LT:
        return x86::CondCode::kL;
      case IrOp::LE:
        return x86::CondCode::kLE;
      case IrOp::EQ:
        return x86::CondCode::kE;
      case IrOp::NE:
        return x86::CondCode::kNE;
      case IrOp::GT:
        return x86::CondCode::kG;
      case IrOp::GE:
        return x86::CondCode::kGE;
      default:
        return x86::CondCode::kB;  // ULT
    }
  }

  // GUARD_TRUE/GUARD_FALSE of a compare whose only use it is (regalloc's
  // fused_into): the compare sets the flags and the guard jumps on them; no
  // 0/1 value is made. Floats follow ucomisd: unordered sets ZF, PF and CF,
  // so FLT/FLE/FGT/FGE (false on NaN) use the "above" codes with operands
  // ordered as in dbl_compare, and FEQ/FNE need PF as well.
  // Emits cmp/ucomisd for compare c and returns the condition code that
  // holds exactly when c is true (FEQ/FNE: kE/kNE, PF to be added).
  x86::CondCode compare_flags(const IrIns& c) {
    if (is_dbl_compare(c.op)) return ucomisd(c);
    x86::Gp ga = use_gp(c.a, x86::r11);
    a_.emit(x86::Inst::kIdCmp, ga, src_gp(c.b));
    return int_cond(c.op);
  }

  // The loop is rotated when its body starts with a fused guard whose
  // compare reads only PHIs, preamble values and constants: JUMP repeats the
  // test and jumps back past the guard when it passes (one jcc per iteration
  // instead of jmp + jcc); when it fails it leaves through the guard's stub,
  // with the registers as the guard at the top would see them.
  IrRef find_head_guard() const {
    if (loop_ < 0) return -1;
    for (IrRef p = loop_ + 1; size_t(p) < t_.size(); ++p) {
      const IrIns& x = t_[p];
      if (x.op == IrOp::PHI || x.op == IrOp::NOP || al_.fused_into[size_t(p)] != kNoRef) continue;
      if (x.type != IrType::Void && loc(p).kind == LocKind::None && x.op != IrOp::CALL) continue;
      if (x.op != IrOp::GUARD_TRUE && x.op != IrOp::GUARD_FALSE) return -1;
      if (is_const(x.a) || al_.fused_into[size_t(x.a)] != p || x.a < loop_) return -1;
      const IrIns& c = t_[x.a];
      if (c.op == IrOp::FEQ || c.op == IrOp::FNE) return -1;  // two jumps: not worth it
      for (IrRef o : {c.a, c.b})
        if (!is_const(o) && o > loop_ && t_[o].op != IrOp::PHI) return -1;
      return p;
    }
    return -1;
  }

  void fused_guard(const IrIns& g, const IrIns& c) {
    const bool want = g.op == IrOp::GUARD_TRUE;  // the compare must hold
    x86::CondCode holds = compare_flags(c);
    if (c.op == IrOp::FEQ || c.op == IrOp::FNE) {
      // FEQ holds iff ZF and not PF; FNE is its negation.
      bool exit_if_eq = (c.op == IrOp::FEQ) != want;  // exit when "equal and ordered"
      if (exit_if_eq) {
        Label skip = a_.newLabel();
        a_.jp(skip);
        exit_jump(x86::CondCode::kE, g.snap);
        a_.bind(skip);
      } else {
        exit_jump(x86::CondCode::kNE, g.snap);
        exit_jump(x86::CondCode::kP, g.snap);
      }
      return;
    }
    exit_jump(want ? x86::negateCond(holds) : holds, g.snap);
  }

  static bool is_dbl_compare(IrOp op) {
    return op == IrOp::FLT || op == IrOp::FLE || op == IrOp::FEQ || op == IrOp::FNE ||
           op == IrOp::FGT || op == IrOp::FGE;
  }

  void guard_compare(const IrIns& x, x86::CondCode fail) {
    x86::Gp ga = use_gp(x.a, x86::r11);
    a_.emit(x86::Inst::kIdCmp, ga, src_gp(x.b));
    exit_jump(fail, x.snap);
  }

  void emit_call(IrRef r, const IrIns& x) {
    const CallDesc& d = t_.calls()[size_t(x.a)];
    // Save caller-saved registers holding values needed after the call.
    std::vector<Loc> saved;
    for (IrRef v = 0; v < r; ++v) {
      const Loc& l = loc(v);
      if (al_.end[size_t(v)] <= r) continue;
      if ((l.kind == LocKind::Gpr && is_caller_saved_gpr(uint8_t(l.index))) ||
          l.kind == LocKind::Xmm)
        saved.push_back(l);
    }
    for (const Loc& l : saved) {
      if (l.kind == LocKind::Gpr)
        a_.mov(x86::qword_ptr(x86::rsp, kSaveGprOff + 8 * l.index), x86::gpq(l.index));
      else
        a_.movsd(x86::qword_ptr(x86::rsp, kSaveXmmOff + 8 * l.index), x86::xmm(l.index));
    }
    // Arguments go straight into their registers, as one parallel move
    // (an argument register may hold another argument's source).
    std::vector<Move> gp_args, xmm_args;
    int gi = 0, xi = 0;
    for (int j = 0; j < d.nargs; ++j) {
      IrRef v = d.args[j];
      bool dbl = t_.type_of(v) == IrType::Dbl;
      Loc dst = dbl ? Loc{LocKind::Xmm, uint16_t(xi++)} : Loc{LocKind::Gpr, kIntArgRegs[gi++]};
      Move m{dst, is_const(v), is_const(v) ? Loc{} : loc(v), is_const(v) ? const_bits(v) : 0};
      (dbl ? xmm_args : gp_args).push_back(m);
    }
    parallel_move(std::move(gp_args), false);
    parallel_move(std::move(xmm_args), true);
    a_.mov(x86::r11, Imm(int64_t(reinterpret_cast<uintptr_t>(d.addr))));
    a_.call(x86::r11);
    if (loc(r).kind != LocKind::None) {
      if (x.type == IrType::Dbl)
        finish_xmm(r, x86::xmm0);
      else if (x.type != IrType::Void)
        finish_gp(r, x86::rax);
    }
    for (const Loc& l : saved) {
      if (l.kind == LocKind::Gpr)
        a_.mov(x86::gpq(l.index), x86::qword_ptr(x86::rsp, kSaveGprOff + 8 * l.index));
      else
        a_.movsd(x86::xmm(l.index), x86::qword_ptr(x86::rsp, kSaveXmmOff + 8 * l.index));
    }
  }

  // --- parallel moves (LOOP and JUMP)

  struct Move {
    Loc dst;
    bool is_const;
    Loc src;
    uint64_t bits;
  };

  void move_loc(const Loc& dst, const Loc& src, bool dbl) {
    if (dst == src) return;
    if (dst.kind == LocKind::Spill && src.kind == LocKind::Spill) {
      a_.mov(x86::r10, spill_mem(src.index));
      a_.mov(spill_mem(dst.index), x86::r10);
      return;
    }
    if (dbl) {
      if (dst.kind == LocKind::Xmm && src.kind == LocKind::Xmm)
        a_.movapd(x86::xmm(dst.index), x86::xmm(src.index));
      else if (dst.kind == LocKind::Xmm)
        a_.movsd(x86::xmm(dst.index), spill_mem(src.index));
      else
        a_.movsd(spill_mem(dst.index), x86::xmm(src.index));
    } else {
      if (dst.kind == LocKind::Gpr && src.kind == LocKind::Gpr)
        a_.mov(x86::gpq(dst.index), x86::gpq(src.index));
      else if (dst.kind == LocKind::Gpr)
        a_.mov(x86::gpq(dst.index), spill_mem(src.index));
      else
        a_.mov(spill_mem(dst.index), x86::gpq(src.index));
    }
  }
  void move_const(const Loc& dst, uint64_t bits, bool dbl) {
    if (dst.kind == LocKind::Gpr) return load_imm(x86::gpq(dst.index), bits);
    if (dst.kind == LocKind::Xmm) return load_dbl_const(x86::xmm(dst.index), bits);
    load_imm(x86::r10, bits);
    a_.mov(spill_mem(dst.index), x86::r10);
    (void)dbl;
  }

  // Performs all moves "at once": no move reads a location another move
  // already overwrote. Cycles are broken through a temporary (r11 / xmm15).
  void parallel_move(std::vector<Move> moves, bool dbl) {
    const Loc tmp = dbl ? Loc{LocKind::Xmm, 15} : Loc{LocKind::Gpr, 11};
    std::erase_if(moves, [](const Move& m) { return !m.is_const && m.dst == m.src; });
    std::vector<Move> consts;
    std::erase_if(moves, [&](const Move& m) {
      if (m.is_const) consts.push_back(m);
      return m.is_const;
    });
    while (!moves.empty()) {
      bool progress = false;
      for (size_t i = 0; i < moves.size(); ++i) {
        bool blocked = false;
        for (size_t j = 0; j < moves.size(); ++j)
          if (j != i && moves[j].src == moves[i].dst) blocked = true;
        if (!blocked) {
          move_loc(moves[i].dst, moves[i].src, dbl);
          moves.erase(moves.begin() + long(i));
          progress = true;
          break;
        }
      }
      if (progress) continue;
      // Every remaining move is on a cycle: save one destination's current
      // value in tmp and let its readers read tmp instead.
      Loc d = moves[0].dst;
      move_loc(tmp, d, dbl);
      for (Move& m : moves)
        if (m.src == d) m.src = tmp;
    }
    for (const Move& m : consts) move_const(m.dst, m.bits, dbl);
  }

  // A bridge's entry: every live INPUT n from the parent's location
  // inputs[n] (checked by compile_trace) to its own, as one parallel move
  // per register class.
  void input_moves() {
    std::vector<Move> gp, xm;
    for (IrRef r = 0; size_t(r) < t_.size(); ++r) {
      const IrIns& x = t_[r];
      if (x.op == IrOp::NOP) continue;
      if (x.op != IrOp::INPUT) break;
      if (loc(r).kind == LocKind::None) continue;  // dead: nothing to move
      Move m{loc(r), false, cfg_.bridge->inputs[size_t(x.a)], 0};
      (x.type == IrType::Dbl ? xm : gp).push_back(m);
    }
    parallel_move(std::move(gp), false);
    parallel_move(std::move(xm), true);
  }

  // Moves into every PHI's location: from operand a (at LOOP) or b (at JUMP).
  void phi_moves(bool back_edge) {
    std::vector<Move> gp, xm;
    for (IrRef p = loop_ + 1; size_t(p) < t_.size(); ++p) {
      const IrIns& phi = t_[p];
      if (phi.op == IrOp::NOP) continue;
      if (phi.op != IrOp::PHI) break;
      if (loc(p).kind == LocKind::None) continue;
      IrRef src = back_edge ? phi.b : phi.a;
      Move m{loc(p), is_const(src), is_const(src) ? Loc{} : loc(src),
             is_const(src) ? const_bits(src) : 0};
      (phi.type == IrType::Dbl ? xm : gp).push_back(m);
    }
    parallel_move(std::move(gp), false);
    parallel_move(std::move(xm), true);
  }

  void emit_ins(IrRef r) {
    const IrIns& x = t_[r];
    // Dead pure values get no location and no code.
    if (x.type != IrType::Void && loc(r).kind == LocKind::None && x.op != IrOp::CALL) return;
    if (al_.fused_into[size_t(r)] != kNoRef) return;  // evaluated by its guard
    if (x.op != IrOp::LOADSLOT && x.op != IrOp::STORESLOT && x.op != IrOp::NOP && x.op != IrOp::PHI)
      slots_in_r10_ = false;
    switch (x.op) {
      case IrOp::NOP:
      case IrOp::PHI:
        break;
      case IrOp::LOOP:
        phi_moves(false);
        a_.align(AlignMode::kCode, 16);
        a_.bind(loop_label_);
        break;
      case IrOp::JUMP:
        phi_moves(true);
        if (head_guard_ >= 0) {
          // Rotated loop: the head guard's test again, jumping back past it.
          const IrIns& g = t_[head_guard_];
          x86::CondCode holds = compare_flags(t_[g.a]);
          a_.j(g.op == IrOp::GUARD_TRUE ? holds : x86::negateCond(holds), after_head_);
          exit_jump_always(g.snap);
        } else {
          a_.jmp(loop_label_);
        }
        break;
      case IrOp::EXIT:
        exit_jump_always(x.snap);
        break;
      case IrOp::LOADSLOT: {
        x86::Gp d = dst_gp(r);
        if (!slots_in_r10_) a_.mov(x86::r10, x86::qword_ptr(x86::rsp, kSlotsOff));
        slots_in_r10_ = true;  // consecutive LOADSLOTs share it
        a_.mov(d, x86::qword_ptr(x86::r10, 8 * x.a));
        finish_gp(r, d);
        break;
      }
      case IrOp::UNTAG: {
        x86::Gp d = dst_gp(r);
        load_gp(d, x.a);
        a_.sar(d, 1);
        finish_gp(r, d);
        break;
      }
      case IrOp::TAG: {
        x86::Gp s = use_gp(x.a, x86::r11);
        x86::Gp d = dst_gp(r);
        a_.lea(d, x86::ptr(s, s, 0, 1));
        finish_gp(r, d);
        break;
      }
      case IrOp::TAGOV: {
        x86::Gp d = dst_gp(r);
        load_gp(d, x.a);
        a_.add(d, d);  // overflows exactly when a does not fit 63 bits
        exit_jump(x86::CondCode::kO, x.snap);
        a_.or_(d, 1);
        finish_gp(r, d);
        break;
      }
      case IrOp::GUARD_SMALLINT: {
        x86::Gp s = use_gp(x.a, x86::r11);
        a_.test(s.r8(), 1);
        exit_jump(x86::CondCode::kZ, x.snap);
        break;
      }
      case IrOp::GUARD_CLASS: {
        x86::Gp s = use_gp(x.a, x86::r11);
        a_.test(s.r8(), 1);
        exit_jump(x86::CondCode::kNZ, x.snap);  // a small int
        a_.test(s, s);
        exit_jump(x86::CondCode::kZ, x.snap);  // no value
        a_.mov(x86::r11, x86::qword_ptr(s));
        a_.emit(x86::Inst::kIdCmp, x86::r11, src_gp(x.b));
        exit_jump(x86::CondCode::kNE, x.snap);
        break;
      }
      case IrOp::GUARD_TRUE:
      case IrOp::GUARD_FALSE: {
        if (!is_const(x.a) && al_.fused_into[size_t(x.a)] == r) {
          fused_guard(x, t_[x.a]);
          if (r == head_guard_) a_.bind(after_head_);
          break;
        }
        x86::Gp s = use_gp(x.a, x86::r11);
        a_.test(s, s);
        exit_jump(x.op == IrOp::GUARD_TRUE ? x86::CondCode::kZ : x86::CondCode::kNZ, x.snap);
        break;
      }
      case IrOp::GUARD_EQ:
        guard_compare(x, x86::CondCode::kNE);
        break;
      case IrOp::GUARD_NE:
        guard_compare(x, x86::CondCode::kE);
        break;
      case IrOp::ADD:
      case IrOp::ADDOV:
      case IrOp::ADDR:
        int_binop(r, x, x86::Inst::kIdAdd);
        break;
      case IrOp::SUB:
      case IrOp::SUBOV:
        int_binop(r, x, x86::Inst::kIdSub);
        break;
      case IrOp::MUL:
      case IrOp::MULOV:
        int_binop(r, x, x86::Inst::kIdImul);
        break;
      case IrOp::AND:
        int_binop(r, x, x86::Inst::kIdAnd);
        break;
      case IrOp::OR:
        int_binop(r, x, x86::Inst::kIdOr);
        break;
      case IrOp::XOR:
        int_binop(r, x, x86::Inst::kIdXor);
        break;
      case IrOp::SHL:
        shift(r, x, x86::Inst::kIdShl);
        break;
      case IrOp::SAR:
        shift(r, x, x86::Inst::kIdSar);
        break;
      case IrOp::SHR:
        shift(r, x, x86::Inst::kIdShr);
        break;
      case IrOp::NEG:
      case IrOp::NOT: {
        x86::Gp d = dst_gp(r);
        load_gp(d, x.a);
        if (x.op == IrOp::NEG)
          a_.neg(d);
        else
          a_.not_(d);
        finish_gp(r, d);
        break;
      }
      case IrOp::LT:
        int_compare(r, x, x86::CondCode::kL);
        break;
      case IrOp::LE:
        int_compare(r, x, x86::CondCode::kLE);
        break;
      case IrOp::EQ:
        int_compare(r, x, x86::CondCode::kE);
        break;
      case IrOp::NE:
        int_compare(r, x, x86::CondCode::kNE);
        break;
      case IrOp::GT:
        int_compare(r, x, x86::CondCode::kG);
        break;
      case IrOp::GE:
        int_compare(r, x, x86::CondCode::kGE);
        break;
      case IrOp::ULT:
        int_compare(r, x, x86::CondCode::kB);
        break;
      case IrOp::FADD:
        dbl_binop(r, x, x86::Inst::kIdAddsd);
        break;
      case IrOp::FSUB:
        dbl_binop(r, x, x86::Inst::kIdSubsd);
        break;
      case IrOp::FMUL:
        dbl_binop(r, x, x86::Inst::kIdMulsd);
        break;
      case IrOp::FDIV:
        dbl_binop(r, x, x86::Inst::kIdDivsd);
        break;
      case IrOp::FNEG: {
        x86::Xmm d = dst_xmm(r);
        load_xmm(d, x.a);
        load_dbl_const(x86::xmm14, uint64_t(1) << 63);
        a_.xorpd(d, x86::xmm14);
        finish_xmm(r, d);
        break;
      }
      case IrOp::FLT:
      case IrOp::FLE:
      case IrOp::FEQ:
      case IrOp::FNE:
      case IrOp::FGT:
      case IrOp::FGE:
        dbl_compare(r, x);
        break;
      case IrOp::I2D: {
        x86::Gp s = use_gp(x.a, x86::r11);
        x86::Xmm d = dst_xmm(r);
        a_.xorpd(d, d);  // cvtsi2sd only writes the low lane: break the dependency
        a_.cvtsi2sd(d, s);
        finish_xmm(r, d);
        break;
      }
      case IrOp::D2I: {
        x86::Xmm s = use_xmm(x.a, x86::xmm15);
        x86::Gp d = dst_gp(r);
        a_.cvttsd2si(d, s);
        finish_gp(r, d);
        break;
      }
      case IrOp::DBITS: {
        x86::Xmm s = use_xmm(x.a, x86::xmm15);
        x86::Gp d = dst_gp(r);
        a_.movq(d, s);
        finish_gp(r, d);
        break;
      }
      case IrOp::BITSD: {
        x86::Gp s = use_gp(x.a, x86::r11);
        x86::Xmm d = dst_xmm(r);
        a_.movq(d, s);
        finish_xmm(r, d);
        break;
      }
      case IrOp::LOAD: {
        x86::Gp p = use_gp(x.a, x86::r11);
        x86::Mem m = x86::qword_ptr(p, x.b);
        if (x.type == IrType::Dbl) {
          x86::Xmm d = dst_xmm(r);
          a_.movsd(d, m);
          finish_xmm(r, d);
        } else {
          x86::Gp d = dst_gp(r);
          a_.mov(d, m);
          finish_gp(r, d);
        }
        break;
      }
      case IrOp::STORE: {
        x86::Gp p = use_gp(x.a, x86::r11);
        x86::Gp v = use_gp(x.c, x86::r10);
        a_.mov(x86::qword_ptr(p, x.b), v);
        break;
      }
      case IrOp::STOREF: {
        x86::Gp p = use_gp(x.a, x86::r11);
        x86::Xmm v = use_xmm(x.c, x86::xmm15);
        a_.movsd(x86::qword_ptr(p, x.b), v);
        break;
      }
      case IrOp::CALLP:
      case IrOp::CALL:
        emit_call(r, x);
        break;
      case IrOp::INPUT:  // moved into place at the bridge's entry (input_moves)
        break;
      case IrOp::STORESLOT: {
        x86::Gp v = use_gp(x.b, x86::r11);
        if (!slots_in_r10_) a_.mov(x86::r10, x86::qword_ptr(x86::rsp, kSlotsOff));
        slots_in_r10_ = true;  // consecutive STORESLOTs share it
        a_.mov(x86::qword_ptr(x86::r10, 8 * x.a), v);
        break;
      }
      case IrOp::LINK:
        if (cfg_.link == nullptr) {
          // Back into the own root, which re-reads the slots.
          a_.mov(x86::r11, Imm(int64_t(reinterpret_cast<uintptr_t>(cfg_.bridge->root->reentry()))));
        } else {
          // Into another tree's root on the same frame: its prologue after the
          // pushes (identical in every root) takes slots and exit from rdi/rsi
          // and reserves its own frame in place of ours.
          a_.mov(x86::rdi, x86::qword_ptr(x86::rsp, kSlotsOff));
          a_.mov(x86::rsi, x86::qword_ptr(x86::rsp, kExitPtrOff));
          a_.add(x86::rsp, frame_);
          a_.mov(x86::r11,
                 Imm(int64_t(reinterpret_cast<uintptr_t>(cfg_.link->entry_after_pushes()))));
        }
        a_.jmp(x86::r11);
        break;
    }
  }

  struct Undo {
    Label label;
    InstId inverse;  // sub for ADDOV, add for SUBOV
    uint32_t reg;    // the result register, which held operand a
    Operand src;     // operand b as the guard read it (register, memory, immediate)
    int32_t snap;
  };

  const Trace& t_;
  const Allocation& al_;
  x86::Assembler a_;
  const EmitConfig& cfg_;
  std::vector<Undo> undos_;
  std::vector<std::pair<uint64_t, Label>> const_pool_;
  bool slots_in_r10_ = false;  // r10 still holds the slots pointer (LOADSLOT runs)
  std::vector<Label> exit_labels_;
  Label common_exit_, loop_label_, after_head_;
  IrRef head_guard_ = -1;  // the guard JUMP repeats (find_head_guard), or -1
  IrRef loop_ = -1;
  uint32_t frame_ = 0;           // below the pushes (a bridge: its root's)
  std::vector<uint8_t> pushed_;  // callee-saved registers the (root's) prologue pushed
};

// Checks a bridge against its parent and root; returns an error or "".
std::string check_bridge(const Trace& t, const BridgeInfo& b) {
  if (b.parent == nullptr || b.root == nullptr) return "bridge without parent or root";
  if (b.root->is_bridge() || b.root->reentry() == nullptr) return "bridge root is not a root trace";
  if (t.loop_ref() >= 0) return "a bridge has no LOOP";
  for (IrRef r = 0; size_t(r) < t.size(); ++r) {
    const IrIns& x = t[r];
    if (x.op != IrOp::INPUT) continue;
    std::string what = "bridge INPUT " + std::to_string(x.a) + ": ";
    if (x.a < 0 || size_t(x.a) >= b.inputs.size())
      return what + "no location in BridgeInfo::inputs";
    const Loc& l = b.inputs[size_t(x.a)];
    const bool dbl = x.type == IrType::Dbl;
    if (l.kind == LocKind::Spill) {
      if (l.index >= b.parent->spill_end()) return what + "beyond the parent's spill slots";
    } else if (dbl ? l.kind != LocKind::Xmm : l.kind != LocKind::Gpr) {
      return what + "location " + format_loc(l) + " is not a " + (dbl ? "Xmm" : "Gpr") +
             " or Spill";
    } else if (l.index >= 16 || (!dbl && (l.index == 4 || l.index == 10 || l.index == 11)) ||
               (dbl && l.index >= 14)) {
      return what + "location " + format_loc(l) + " is a reserved register";
    }
  }
  return "";
}

}  // namespace

std::unique_ptr<CompiledTrace> compile_trace(const Trace& t, std::string* error, uint64_t exit_tag,
                                             const BridgeInfo* bridge,
                                             const CompiledTrace* link_target) {
  auto out = std::unique_ptr<CompiledTrace>(new CompiledTrace());
  out->is_bridge_ = bridge != nullptr;
  out->exit_tag_ = exit_tag;
  EmitConfig cfg;
  cfg.tag = exit_tag;
  cfg.bridge = bridge;
  const bool links = !t.instructions().empty() && t.instructions().back().op == IrOp::LINK;
  if (links && link_target != nullptr && (bridge == nullptr || link_target != bridge->root)) {
    if (link_target->is_bridge() || link_target->entry_after_pushes() == nullptr) {
      *error = "link target is not a root trace";
      return nullptr;
    }
    if (!std::equal(link_target->pushed_registers().begin(), link_target->pushed_registers().end(),
                    std::begin(kCalleeSaved), std::end(kCalleeSaved))) {
      *error = "link target pushes other registers";
      return nullptr;
    }
    cfg.link = link_target;
  }
  if (bridge != nullptr) {
    if (std::string e = check_bridge(t, *bridge); !e.empty()) {
      *error = e;
      return nullptr;
    }
    out->alloc_ = allocate_registers(t, bridge->parent->spill_end());
    if (out->alloc_.spill_slots > bridge->root->spill_capacity()) {
      *error = "bridge needs too many spill slots";
      return nullptr;
    }
    out->spill_capacity_ = bridge->root->spill_capacity();
    out->frame_size_ = bridge->root->frame_size();
    out->pushed_ = bridge->root->pushed_registers();
  } else {
    for (const IrIns& x : t.instructions()) {
      if (x.op == IrOp::INPUT) {
        *error = "INPUT outside a bridge";
        return nullptr;
      }
    }
    if (links && cfg.link == nullptr) {
      *error = "LINK in a root trace without a link target";
      return nullptr;
    }
    if (links && t.loop_ref() >= 0) {
      *error = "a root trace with LINK has no LOOP";
      return nullptr;
    }
    out->alloc_ = allocate_registers(t);
    out->spill_capacity_ = std::min(out->alloc_.spill_slots + kBridgeSpillSlots, kMaxSpillSlots);
    out->pushed_.assign(std::begin(kCalleeSaved), std::end(kCalleeSaved));
    uint32_t frame = kSpillOff + 8 * out->spill_capacity_;
    if ((8 + 8 * out->pushed_.size() + frame) % 16 != 0) frame += 8;
    out->frame_size_ = frame;
  }
  if (!out->alloc_.error.empty()) {
    *error = out->alloc_.error;
    return nullptr;
  }
  cfg.frame = out->frame_size_;
  cfg.pushed = out->pushed_;
  CodeHolder code;
  code.init(Environment::host());
  ErrorCollector errors;
  code.setErrorHandler(&errors);
  Emitter em(t, out->alloc_, &code, cfg);
  em.emit_all();
  if (!errors.first.empty()) {
    *error = "asmjit: " + errors.first;
    return nullptr;
  }
  code.flatten();
  code.resolveUnresolvedLinks();
  size_t size = code.codeSize();
  if (!out->mem_.allocate(size)) {
    *error = "mmap failed";
    return nullptr;
  }
  code.relocateToBase(uint64_t(reinterpret_cast<uintptr_t>(out->mem_.base())));
  code.copyFlattenedData(out->mem_.writable(), size, CopySectionFlags::kPadSectionBuffer);
  if (!errors.first.empty()) {
    *error = "asmjit: " + errors.first;
    return nullptr;
  }
  // Every guard must use the rel32 jump forms so that patch_exit can retarget it.
  for (auto& [snap, end] : em.exit_sites) {
    const uint8_t* p = out->mem_.base() + end;
    bool jcc32 = end >= 6 && p[-6] == 0x0F && (p[-5] & 0xF0) == 0x80;
    bool jmp32 = end >= 5 && p[-5] == 0xE9;
    if (!jcc32 && !jmp32) {
      *error = "internal: guard jump is not rel32";
      return nullptr;
    }
    out->exit_sites_.push_back({snap, end - 4});
  }
  if (!out->mem_.seal()) {
    *error = "mprotect failed";
    return nullptr;
  }
  out->code_size_ = size;
  if (bridge == nullptr) {
    out->entry_ = reinterpret_cast<CompiledTrace::EntryFn>(out->mem_.base());
    out->reentry_ = out->mem_.base() + em.reentry_offset;
    out->after_pushes_ = out->mem_.base() + em.after_pushes_offset;
  }
  for (size_t k = 0; k < t.const_count(); ++k)
    out->const_bits_.push_back(t.constant(const_ref(uint32_t(k))).bits);
  for (size_t s = 0; s < t.snapshots().size(); ++s) {
    auto entries = t.snapshots().entries(uint32_t(s));
    out->snap_ranges_.push_back({uint32_t(out->snap_entries_.size()), uint32_t(entries.size())});
    out->snap_entries_.insert(out->snap_entries_.end(), entries.begin(), entries.end());
  }
  return out;
}

uint64_t CompiledTrace::exit_value(const ExitState& st, IrRef ref) const {
  if (is_const(ref)) return const_bits_[const_index(ref)];
  const Loc& l = alloc_.loc[size_t(ref)];
  switch (l.kind) {
    case LocKind::Gpr:
      return st.gpr[l.index];
    case LocKind::Xmm:
      return st.xmm[l.index];
    case LocKind::Spill:
      return st.spill[l.index];
    case LocKind::Known:
      return l.index;
    case LocKind::None:
      break;
  }
  return 0;
}

std::vector<uint64_t> CompiledTrace::exit_values(const ExitState& st, uint32_t snap) const {
  std::vector<uint64_t> out;
  auto [begin, count] = snap_ranges_[snap];
  for (uint32_t k = begin; k < begin + count; ++k) {
    const SnapEntry& e = snap_entries_[k];
    out.push_back(e.kind == SnapKind::Virtual ? 0 : exit_value(st, e.ref));
  }
  return out;
}

bool CompiledTrace::patch_exit(uint32_t snap, const void* target) {
  bool ok = true;
  for (auto& [s, rel] : exit_sites_) {
    if (s != snap) continue;
    uint8_t* site = mem_.base() + rel;
    int64_t disp = reinterpret_cast<intptr_t>(target) - reinterpret_cast<intptr_t>(site + 4);
    if (disp < INT32_MIN || disp > INT32_MAX) return false;  // bridge out of rel32 range
    int32_t d32 = int32_t(disp);
    ok = mem_.patch(site, &d32, 4) && ok;
  }
  return ok;
}

size_t CompiledTrace::exit_site_count(uint32_t snap) const {
  size_t n = 0;
  for (auto& site : exit_sites_) n += site.first == snap;
  return n;
}

std::string CompiledTrace::disassemble() const { return x64::disassemble(code(), code_size()); }

}  // namespace kestrel::jit::x64
