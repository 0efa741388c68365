// The trace IR: operation table (expanded from ir.def), instructions,
// constants, the Trace container with its builder API, printer and verifier.
//
// Design (LuaJIT lj_ir.h, PyPy resoperation.py). A trace is linear SSA in one
// array: instruction i is defined at ref i (0, 1, 2, ...) and its operands are
// refs to earlier instructions, so "earlier" is a comparison of refs.
// Constants live in their own interned area at NEGATIVE refs (-1, -2, ...),
// as LuaJIT keeps them below its bias: a constant is never "defined" in the
// instruction stream, and is_const(ref) is a sign test. Each instruction has
// an op, a type (Void, Int = int64, Dbl = double, Ref = a Value word), up to
// three operands, and for guards the index of its snapshot (snapshot.h).
//
// A loop trace, after peeling, looks like
//     preamble (inputs, guards, invariant work)
//     LOOP
//     PHI a0 b0      one per loop-carried value: a = value on entry,
//     PHI a1 b1      b = value at the back edge (defined later: the only
//     ...            operands allowed to point forward)
//     body
//     JUMP           back to the first instruction after the PHIs
// A straight-line trace ends with EXIT (an unconditional exit through a
// snapshot). The text format read by ir_parser.cpp and written by
// print_trace is documented in docs/jit.md.
#pragma once

#include <climits>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jit/snapshot.h"

namespace kestrel::jit {

// ---------------------------------------------------------------------------
// The operation table

enum class IrType : uint8_t { Void, Int, Dbl, Ref };
std::string_view type_name(IrType t);  // "---", "int", "dbl", "ref"

enum class IrOp : uint8_t {
#define IROP(name, result, a, b, c, flags) name,
#include "jit/ir.def"
#undef IROP
};

inline constexpr int kIrOpCount = 0
#define IROP(name, result, a, b, c, flags) +1
#include "jit/ir.def"
#undef IROP
    ;

enum class TypeRule : uint8_t { Void, Int, Dbl, Ref, A, Decl };
enum class OpndKind : uint8_t { None, Int, Dbl, Ref, Word, SameA, Any, Imm, Call };

enum IrFlag : uint8_t {
  kPure = 1 << 0,
  kGuard = 1 << 1,
  kEffect = 1 << 2,
  kComm = 1 << 3,
  kCall = 1 << 4,
  kLoad = 1 << 5,
  kCtl = 1 << 6,
};

struct IrOpInfo {
  std::string_view name;
  TypeRule result;
  OpndKind opnd[3];
  uint8_t flags;
};

inline constexpr IrOpInfo kIrOpInfo[] = {
#define IROP(name, result, a, b, c, flags) \
  {#name, TypeRule::result, {OpndKind::a, OpndKind::b, OpndKind::c}, uint8_t(flags)},
#include "jit/ir.def"
#undef IROP
};
static_assert(std::size(kIrOpInfo) == size_t(kIrOpCount));

inline constexpr const IrOpInfo& op_info(IrOp op) { return kIrOpInfo[size_t(op)]; }
inline constexpr std::string_view op_name(IrOp op) { return op_info(op).name; }
inline constexpr bool op_has(IrOp op, uint8_t flag) { return (op_info(op).flags & flag) != 0; }
inline constexpr bool is_guard(IrOp op) { return op_has(op, kGuard); }
// Number of operands the op uses (kinds other than None).
inline constexpr int op_arity(IrOp op) {
  int n = 0;
  for (OpndKind k : op_info(op).opnd) n += k != OpndKind::None;
  return n;
}
// Name -> op, for the parser. Returns false when unknown.
bool op_from_name(std::string_view name, IrOp* op);

// The compare ops keep CmpOp's order (Lt, Le, Eq, Ne, Gt, Ge: bytecode/opcodes.h),
// so a recorder maps COMPARE_OP's argument by adding it to LT or FLT.
static_assert(int(IrOp::LE) == int(IrOp::LT) + 1 && int(IrOp::EQ) == int(IrOp::LT) + 2 &&
              int(IrOp::NE) == int(IrOp::LT) + 3 && int(IrOp::GT) == int(IrOp::LT) + 4 &&
              int(IrOp::GE) == int(IrOp::LT) + 5);
static_assert(int(IrOp::FLE) == int(IrOp::FLT) + 1 && int(IrOp::FEQ) == int(IrOp::FLT) + 2 &&
              int(IrOp::FNE) == int(IrOp::FLT) + 3 && int(IrOp::FGT) == int(IrOp::FLT) + 4 &&
              int(IrOp::FGE) == int(IrOp::FLT) + 5);

// ---------------------------------------------------------------------------
// Instructions, constants, calls

using IrRef = int32_t;
inline constexpr IrRef kNoRef = INT32_MIN;  // "no operand" where a ref is optional
inline constexpr int32_t kNoSnap = -1;

inline constexpr bool is_const(IrRef r) { return r < 0 && r != kNoRef; }
inline constexpr uint32_t const_index(IrRef r) { return uint32_t(-1 - r); }
inline constexpr IrRef const_ref(uint32_t index) { return -1 - IrRef(index); }

struct IrIns {
  IrOp op = IrOp::NOP;
  IrType type = IrType::Void;
  uint16_t unused = 0;
  int32_t snap = kNoSnap;     // snapshot index (guards only)
  IrRef a = 0, b = 0, c = 0;  // operands; unused ones are 0
};

struct IrConst {
  IrType type;
  uint64_t bits;  // int64 / double bits / Value word
  int64_t as_int() const { return int64_t(bits); }
  double as_dbl() const;
};

// A C helper called by CALL/CALLP, System V ABI: Int and Ref arguments go in
// rdi, rsi, rdx, rcx, r8, r9 (at most 6), Dbl arguments in xmm0..xmm7 (at most
// 8), each in order of appearance; the result is rax (Int/Ref) or xmm0 (Dbl).
inline constexpr int kMaxCallArgs = 8;
inline constexpr int kMaxCallIntArgs = 6;
struct CallDesc {
  const void* addr = nullptr;
  std::string name;  // printed; the parser looks it up in a HelperRegistry
  uint8_t nargs = 0;
  IrRef args[kMaxCallArgs] = {};
};

// Names of helpers for the text format (tests and --jit-log).
class HelperRegistry {
 public:
  void add(std::string name, const void* addr) {
    by_name_[name] = addr;
    by_addr_[addr] = std::move(name);
  }
  const void* find(std::string_view name) const {
    auto it = by_name_.find(std::string(name));
    return it == by_name_.end() ? nullptr : it->second;
  }
  std::string name_of(const void* addr) const {
    auto it = by_addr_.find(addr);
    return it == by_addr_.end() ? std::string() : it->second;
  }

 private:
  std::unordered_map<std::string, const void*> by_name_;
  std::unordered_map<const void*, std::string> by_addr_;
};

// ---------------------------------------------------------------------------
// The trace

class Trace {
 public:
  // --- constants (interned: the same (type, bits) always gives the same ref)
  IrRef kint(int64_t v) { return intern(IrType::Int, uint64_t(v)); }
  IrRef kdbl(double v);
  IrRef kref(uint64_t bits) { return intern(IrType::Ref, bits); }
  IrRef kptr(const void* p) { return kref(uint64_t(reinterpret_cast<uintptr_t>(p))); }
  IrRef intern(IrType type, uint64_t bits);
  const IrConst& constant(IrRef r) const { return consts_[const_index(r)]; }
  size_t const_count() const { return consts_.size(); }

  // --- instructions
  size_t size() const { return ins_.size(); }
  const IrIns& operator[](IrRef r) const { return ins_[size_t(r)]; }
  IrIns& at(IrRef r) { return ins_[size_t(r)]; }
  const std::vector<IrIns>& instructions() const { return ins_; }
  std::vector<IrIns>& instructions() { return ins_; }
  IrType type_of(IrRef r) const { return is_const(r) ? constant(r).type : ins_[size_t(r)].type; }

  // Appends an instruction whose result type follows from its rule (A takes
  // the type of a; Decl ops must use emit_typed). No checking: run verify().
  IrRef emit(IrOp op, IrRef a = 0, IrRef b = 0, IrRef c = 0);
  IrRef emit_typed(IrOp op, IrType type, IrRef a = 0, IrRef b = 0, IrRef c = 0);
  // A guard with its snapshot (snap from add_snapshot).
  IrRef guard(IrOp op, uint32_t snap, IrRef a = 0, IrRef b = 0);
  IrRef load(IrType type, IrRef ptr, int32_t offset) {
    return emit_typed(IrOp::LOAD, type, ptr, offset);
  }
  IrRef load_slot(int32_t slot) { return emit(IrOp::LOADSLOT, slot); }
  // CALL/CALLP of a helper; ret may be Void for CALL.
  IrRef call(bool pure, IrType ret, const void* addr, std::string name,
             std::initializer_list<IrRef> args);

  // --- snapshots
  uint32_t add_snapshot(std::span<const SnapFrame> frames, std::span<const SnapEntry> entries) {
    return snaps_.add(frames, entries);
  }
  SnapshotTable& snapshots() { return snaps_; }
  const SnapshotTable& snapshots() const { return snaps_; }

  // --- calls
  std::vector<CallDesc>& calls() { return calls_; }
  const std::vector<CallDesc>& calls() const { return calls_; }

  // Ref of the LOOP instruction, or -1 for a straight-line trace.
  IrRef loop_ref() const;

 private:
  std::vector<IrIns> ins_;
  std::vector<IrConst> consts_;
  std::unordered_map<uint64_t, IrRef> const_map_[4];  // per IrType: bits -> ref
  std::vector<CallDesc> calls_;
  SnapshotTable snaps_;
};

// ---------------------------------------------------------------------------
// Text: printer and parser (docs/jit.md, "IR text format")

// An operand as text: "0005" for an instruction, "#5" / "#1.5" / "@0x10"
// for an int / double / ref constant.
std::string format_operand(const Trace& t, IrRef r);
// One instruction line without newline, e.g. "0007 int  ADDOV    0005 0006  [snap 2]".
std::string format_ins(const Trace& t, IrRef r);
// The whole trace: snapshot lines, then instruction lines, then virtual objects.
std::string print_trace(const Trace& t);

struct ParseResult {
  bool ok = false;
  std::string error;  // "line N: message" when !ok
};
// Parses the print_trace format into *out (which is reset first). Helper
// names in CALL lines are resolved through `helpers` (may be null: then only
// hex addresses "0x...").
ParseResult parse_trace(std::string_view text, Trace* out, const HelperRegistry* helpers = nullptr);

// ---------------------------------------------------------------------------
// Verifier: SSA order, operand and result types, guards and snapshots,
// LOOP/PHI/JUMP structure. Returns "" when the trace is well formed, else one
// message per problem, each "NNNN: problem\n". Cheap enough to run after every
// pass in debug builds.
std::string verify_trace(const Trace& t);

}  // namespace kestrel::jit
