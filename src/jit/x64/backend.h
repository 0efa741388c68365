// The x86-64 backend's interface: compile a verified Trace to machine code,
// run it, and read the interpreter-visible values back after an exit.
// docs/jit.md ("Backend") describes the code it emits.
//
// Entry ABI (System V):
//     uint32_t entry(uint64_t* slots, ExitState* exit)
// `slots` is the entry frame's slot array (Frame::slots, as Value words);
// LOADSLOT n reads slots[n]. The trace runs until a guard fails (or EXIT),
// then its exit stub stores the general registers and (low 64 bits of the)
// XMM registers that hold values, and every spill slot, into *exit and
// returns the exit number,
// which is the snapshot index of the failing guard. The values of the
// snapshot's entries are then read with CompiledTrace::exit_value(), which
// knows where the register allocator put each IR ref. Only bridges write
// `slots` (STORESLOT, before LINK); the deoptimiser writes the snapshot's
// entries into the frame.
//
// Bridges (side traces) are compiled with a BridgeInfo: their code starts
// at code() and is entered by patching a parent guard's jump to it, in the
// root's frame with the parent's registers as they are at that guard. Their
// exits leave through the root's epilogue, so the root's run() returns them
// too; ExitState::tag says which trace exited.
//
// LINK (a bridge's, or a straight-line root's last instruction) jumps to the
// own root's reentry(), or with a link_target (the root of another tree on
// the same frame, e.g. an inner loop's) to link_target->entry_after_pushes():
// this root's frame is dropped and the target's reserved, the pushed
// registers stay, so the target's exits return from the first root's run().
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "jit/ir.h"
#include "jit/x64/code_memory.h"

namespace kestrel::jit::x64 {

// The most spill slots a trace tree may use (ExitState carries a copy of them).
inline constexpr uint32_t kMaxSpillSlots = 512;
// Spill slots a root's frame reserves beyond its own for its bridges (capped
// at kMaxSpillSlots): bridges share the root's frame and cannot grow it.
inline constexpr uint32_t kBridgeSpillSlots = 64;

// Filled by the exit stub. Offsets are fixed: the stub addresses them directly.
struct ExitState {
  uint64_t gpr[16];  // by x86 register number: rax rcx rdx rbx rsp rbp rsi rdi r8 .. r15
  uint64_t xmm[16];  // low 64 bits of xmm0 .. xmm15
  uint64_t spill[kMaxSpillSlots];  // by absolute frame spill slot number
  uint64_t tag;                    // the exiting trace's exit_tag (root or which bridge)
};
static_assert(offsetof(ExitState, xmm) == 128 && offsetof(ExitState, spill) == 256);
static_assert(offsetof(ExitState, tag) == 256 + 8 * kMaxSpillSlots);

// Where the register allocator keeps an IR value for its whole lifetime.
// Known: a compare fused into its guard whose only other use is that guard's
// snapshot; at that exit its value is `index` (0 if GUARD_TRUE failed, 1 if
// GUARD_FALSE failed).
enum class LocKind : uint8_t { None, Gpr, Xmm, Spill, Known };
struct Loc {
  LocKind kind = LocKind::None;
  uint16_t index = 0;  // register number, spill slot or known value
  friend bool operator==(const Loc&, const Loc&) = default;
};

// Register allocation result (regalloc.cpp), exposed for tests and the log.
struct Allocation {
  std::vector<Loc> loc;      // per instruction; None = no value or dead
  std::vector<int32_t> end;  // per instruction: last position that needs the value
  // Per instruction: the GUARD_TRUE/GUARD_FALSE that evaluates this compare
  // as a cmp/ucomisd + jcc (its only user), or kNoRef. A fused compare has
  // no register (Loc None or Known); its operands live until that guard.
  std::vector<IrRef> fused_into;
  // One past the highest spill slot used. Spill slots are numbered from
  // first_spill (0 for a root; a bridge starts after its parent's), so
  // Loc::index of a Spill is an absolute slot of the root's frame.
  uint32_t spill_slots = 0;
  std::string error;  // non-empty: allocation failed (too many spills)
};
Allocation allocate_registers(const Trace& t, uint32_t first_spill = 0);
std::string format_loc(const Loc& l);  // "rbx", "xmm3", "[s4]", "=1", "-"

class CompiledTrace;

// How to compile a bridge: which trace it leaves from and where the values
// it reads (INPUT n) are at that guard.
struct BridgeInfo {
  const CompiledTrace* parent;  // the trace whose guard is patched to the bridge
  const CompiledTrace* root;    // the root of the tree (== parent for a first-level bridge)
  // inputs[n]: INPUT n's location in the parent at the guard, from the
  // parent's allocation().loc: Gpr, Xmm (doubles) or Spill only (constants
  // and Known values are the caller's to turn into IR constants).
  std::vector<Loc> inputs;
};

// Compiles a trace that passes verify_trace. Returns null and sets *error
// when the trace cannot be compiled (too many spill slots, bad bridge input,
// assembler error). Every exit of the trace stores `exit_tag` in
// ExitState::tag. With `bridge`, compiles a side trace (INPUTs first, ends
// with LINK or EXIT, no LOOP) for bridge->parent's frame and registers: it
// has no prologue, its entry is code(), and it is linked with
// parent->patch_exit(snap, bridge_code->code()).
// `link_target` is the root trace LINK enters (ignored without LINK): null or
// the bridge's own root means its reentry(); any other root is entered at
// entry_after_pushes() (see above). A root trace (no bridge) may end with
// LINK only with a link_target, and then has no LOOP (and never INPUTs).
std::unique_ptr<CompiledTrace> compile_trace(const Trace& t, std::string* error,
                                             uint64_t exit_tag = 0,
                                             const BridgeInfo* bridge = nullptr,
                                             const CompiledTrace* link_target = nullptr);

class CompiledTrace {
 public:
  using EntryFn = uint32_t (*)(uint64_t* slots, ExitState* exit);

  // Root traces only (a bridge has no entry: entry() is null).
  uint32_t run(uint64_t* slots, ExitState* exit) const { return entry_(slots, exit); }
  EntryFn entry() const { return entry_; }
  bool is_bridge() const { return is_bridge_; }
  uint64_t exit_tag() const { return exit_tag_; }
  // Root: the address just after the prologue (slots and exit pointers are
  // in the frame), where the trace starts reading slots; LINK jumps there.
  // Null for a bridge.
  const void* reentry() const { return reentry_; }
  // Root: the address just after the six pushes (the rest of the prologue
  // reserves this root's frame and stores rdi = slots, rsi = exit there);
  // LINK from another tree jumps there. Null for a bridge.
  const void* entry_after_pushes() const { return after_pushes_; }
  // One past the highest spill slot this trace uses (a bridge's count from
  // its parent's spill_end(), and so do its own bridges').
  uint32_t spill_end() const { return alloc_.spill_slots; }
  // The root frame's shape, which bridges share (a bridge reports its root's):
  // spill slots reserved, frame size below the pushes, registers pushed.
  uint32_t spill_capacity() const { return spill_capacity_; }
  uint32_t frame_size() const { return frame_size_; }
  const std::vector<uint8_t>& pushed_registers() const { return pushed_; }
  const uint8_t* code() const { return mem_.base(); }
  size_t code_size() const { return code_size_; }
  const Allocation& allocation() const { return alloc_; }

  // The value (int64 / double bits / Value word) of `ref` at an exit: ref
  // must be a constant or an instruction live at the exit (every ref named
  // by the exit's snapshot or its virtual objects is).
  uint64_t exit_value(const ExitState& st, IrRef ref) const;
  // The values of all entries of snapshot `snap`, in entry order (0 for virtuals).
  std::vector<uint64_t> exit_values(const ExitState& st, uint32_t snap) const;

  // Redirects every guard of snapshot `snap` to `target` (a bridge) instead
  // of its exit stub; target runs with this trace's frame and registers as
  // they are at the guard. Goes through CodeRegion::patch (W^X kept).
  bool patch_exit(uint32_t snap, const void* target);
  // Number of guard jumps that lead to snapshot `snap`'s stub.
  size_t exit_site_count(uint32_t snap) const;

  // Machine code listing (capstone), one instruction per line.
  std::string disassemble() const;

 private:
  friend std::unique_ptr<CompiledTrace> compile_trace(const Trace&, std::string*, uint64_t,
                                                      const BridgeInfo*, const CompiledTrace*);
  CodeRegion mem_;
  size_t code_size_ = 0;
  EntryFn entry_ = nullptr;
  const void* reentry_ = nullptr;
  const void* after_pushes_ = nullptr;
  bool is_bridge_ = false;
  uint64_t exit_tag_ = 0;
  uint32_t spill_capacity_ = 0;
  uint32_t frame_size_ = 0;
  std::vector<uint8_t> pushed_;
  Allocation alloc_;
  std::vector<uint64_t> const_bits_;                        // the trace's constants, for exit_value
  std::vector<SnapEntry> snap_entries_;                     // copies, so the Trace may go away
  std::vector<std::pair<uint32_t, uint32_t>> snap_ranges_;  // per snapshot: (begin, count)
  std::vector<std::pair<uint32_t, uint32_t>> exit_sites_;  // (snapshot, offset of the jump's rel32)
};

// Disassembles `size` bytes at `code` (AT&T-free Intel syntax, with offsets).
std::string disassemble(const void* code, size_t size);

}  // namespace kestrel::jit::x64
