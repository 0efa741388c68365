// The Trace container and builder, the IR printer and the IR verifier. The
// op table itself is a constexpr expansion of ir.def in ir.h; nothing here
// switches over individual ops except the structural rules (LOOP/PHI/JUMP).
#include "jit/ir.h"

#include <bit>
#include <cinttypes>
#include <cmath>
#include <cstdio>

namespace kestrel::jit {

std::string_view type_name(IrType t) {
  switch (t) {
    case IrType::Void:
      return "---";
    case IrType::Int:
      return "int";
    case IrType::Dbl:
      return "dbl";
    case IrType::Ref:
      return "ref";
  }
  return "?";
}

bool op_from_name(std::string_view name, IrOp* op) {
  for (int i = 0; i < kIrOpCount; ++i) {
    if (kIrOpInfo[i].name == name) {
      *op = IrOp(i);
      return true;
    }
  }
  return false;
}

double IrConst::as_dbl() const { return std::bit_cast<double>(bits); }

// ---------------------------------------------------------------------------
// Trace

IrRef Trace::kdbl(double v) { return intern(IrType::Dbl, std::bit_cast<uint64_t>(v)); }

IrRef Trace::intern(IrType type, uint64_t bits) {
  auto& map = const_map_[size_t(type)];
  auto it = map.find(bits);
  if (it != map.end()) return it->second;
  consts_.push_back({type, bits});
  IrRef r = const_ref(uint32_t(consts_.size() - 1));
  map.emplace(bits, r);
  return r;
}

IrRef Trace::emit(IrOp op, IrRef a, IrRef b, IrRef c) {
  IrType t = IrType::Void;
  switch (op_info(op).result) {
    case TypeRule::Void:
      t = IrType::Void;
      break;
    case TypeRule::Int:
      t = IrType::Int;
      break;
    case TypeRule::Dbl:
      t = IrType::Dbl;
      break;
    case TypeRule::Ref:
      t = IrType::Ref;
      break;
    case TypeRule::A:
      t = (a == kNoRef || (!is_const(a) && size_t(a) >= ins_.size())) ? IrType::Void : type_of(a);
      break;
    case TypeRule::Decl:
      t = IrType::Void;
      break;  // caller should have used emit_typed
  }
  return emit_typed(op, t, a, b, c);
}

IrRef Trace::emit_typed(IrOp op, IrType type, IrRef a, IrRef b, IrRef c) {
  IrIns ins;
  ins.op = op;
  ins.type = type;
  ins.a = a;
  ins.b = b;
  ins.c = c;
  ins_.push_back(ins);
  return IrRef(ins_.size() - 1);
}

IrRef Trace::guard(IrOp op, uint32_t snap, IrRef a, IrRef b) {
  IrRef r = emit(op, a, b);
  ins_[size_t(r)].snap = int32_t(snap);
  return r;
}

IrRef Trace::call(bool pure, IrType ret, const void* addr, std::string name,
                  std::initializer_list<IrRef> args) {
  CallDesc d;
  d.addr = addr;
  d.name = std::move(name);
  for (IrRef a : args) {
    if (d.nargs < kMaxCallArgs) d.args[d.nargs] = a;
    ++d.nargs;  // too many arguments is reported by the verifier
  }
  calls_.push_back(std::move(d));
  return emit_typed(pure ? IrOp::CALLP : IrOp::CALL, ret, IrRef(calls_.size() - 1));
}

IrRef Trace::loop_ref() const {
  for (size_t i = 0; i < ins_.size(); ++i)
    if (ins_[i].op == IrOp::LOOP) return IrRef(i);
  return -1;
}

// ---------------------------------------------------------------------------
// Printer

static std::string format_double(uint64_t bits) {
  double d = std::bit_cast<double>(bits);
  char buf[64];
  if (std::isnan(d)) {
    std::snprintf(buf, sizeof buf, "nan(0x%" PRIx64 ")", bits);
    return buf;
  }
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  std::snprintf(buf, sizeof buf, "%.17g", d);
  std::string s = buf;
  // Mark integral doubles so the text stays typed: "#5" is an int, "#5.0" a double.
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

std::string format_operand(const Trace& t, IrRef r) {
  char buf[64];
  if (!is_const(r)) {
    std::snprintf(buf, sizeof buf, "%04d", r);
    return buf;
  }
  if (const_index(r) >= t.const_count()) return "#?bad";
  const IrConst& k = t.constant(r);
  switch (k.type) {
    case IrType::Int:
      std::snprintf(buf, sizeof buf, "#%" PRId64, k.as_int());
      return buf;
    case IrType::Dbl:
      return "#" + format_double(k.bits);
    case IrType::Ref:
      std::snprintf(buf, sizeof buf, "@0x%" PRIx64, k.bits);
      return buf;
    case IrType::Void:
      break;
  }
  return "#?void";
}

std::string format_ins(const Trace& t, IrRef r) {
  const IrIns& ins = t[r];
  const IrOpInfo& info = op_info(ins.op);
  char head[32];
  std::snprintf(head, sizeof head, "%04d %s  ", r, std::string(type_name(ins.type)).c_str());
  std::string s = head;
  s += info.name;
  std::vector<std::string> operands;
  const IrRef ops[3] = {ins.a, ins.b, ins.c};
  for (int i = 0; i < 3; ++i) {
    OpndKind k = info.opnd[i];
    if (k == OpndKind::None) continue;
    if (k == OpndKind::Imm) {
      operands.push_back(std::to_string(ops[i]));
    } else if (k == OpndKind::Call) {
      if (ops[i] < 0 || size_t(ops[i]) >= t.calls().size()) {
        operands.push_back("?call");
        continue;
      }
      const CallDesc& d = t.calls()[size_t(ops[i])];
      if (!d.name.empty()) {
        operands.push_back(d.name);
      } else {
        char buf[32];
        std::snprintf(buf, sizeof buf, "0x%" PRIxPTR, reinterpret_cast<uintptr_t>(d.addr));
        operands.push_back(buf);
      }
      for (int j = 0; j < d.nargs && j < kMaxCallArgs; ++j)
        operands.push_back(format_operand(t, d.args[j]));
    } else {
      operands.push_back(format_operand(t, ops[i]));
    }
  }
  if (!operands.empty()) {
    // Operands start in a column after the longest common op names.
    if (info.name.size() < 10) s.append(10 - info.name.size(), ' ');
    for (const std::string& o : operands) s += ' ' + o;
  }
  if (ins.snap != kNoSnap) s += "  [snap " + std::to_string(ins.snap) + "]";
  return s;
}

static std::string format_snap_value(const Trace& t, SnapKind kind, IrRef ref) {
  if (kind == SnapKind::Virtual) return "v" + std::to_string(ref);
  std::string s = format_operand(t, ref);
  if (kind == SnapKind::Bool) s += ":bool";
  return s;
}

std::string print_trace(const Trace& t) {
  std::string out;
  const SnapshotTable& snaps = t.snapshots();
  for (size_t s = 0; s < snaps.size(); ++s) {
    out += "snap " + std::to_string(s) + " frames=";
    bool first = true;
    for (const SnapFrame& f : snaps.frames(uint32_t(s))) {
      if (!first) out += ',';
      first = false;
      out += std::to_string(f.pc);
      if (f.base != 0) out += "+" + std::to_string(f.base);
    }
    if (first) out += '-';
    for (const SnapEntry& e : snaps.entries(uint32_t(s))) {
      out += ' ' + std::to_string(e.frame) + '.' + std::to_string(e.slot) + '=' +
             format_snap_value(t, e.kind, e.ref);
    }
    out += '\n';
  }
  for (size_t v = 0; v < snaps.virtual_count(); ++v) {
    const VirtualObject& o = snaps.virtual_object(uint32_t(v));
    out += "virtual " + std::to_string(v) + " class=" + format_operand(t, o.cls) +
           " size=" + std::to_string(o.size);
    for (const VirtualField& f : snaps.fields(uint32_t(v)))
      out += ' ' + std::to_string(f.offset) + '=' + format_snap_value(t, f.kind, f.ref);
    out += '\n';
  }
  for (size_t i = 0; i < t.size(); ++i) out += format_ins(t, IrRef(i)) + '\n';
  return out;
}

// ---------------------------------------------------------------------------
// Verifier

namespace {

class Verifier {
 public:
  explicit Verifier(const Trace& t) : t_(t) {}

  std::string run() {
    const auto& ins = t_.instructions();
    loop_ = -1;
    jump_ = -1;
    for (size_t i = 0; i < ins.size(); ++i) {
      if (ins[i].op == IrOp::LOOP) {
        if (loop_ >= 0)
          error(IrRef(i), "second LOOP");
        else
          loop_ = IrRef(i);
      }
      if (ins[i].op == IrOp::JUMP) {
        if (jump_ >= 0)
          error(IrRef(i), "second JUMP");
        else
          jump_ = IrRef(i);
      }
    }
    if (ins.empty()) {
      error(0, "empty trace");
      return out_;
    }
    IrOp last = ins.back().op;
    if (last != IrOp::JUMP && last != IrOp::EXIT && last != IrOp::LINK)
      error(IrRef(ins.size() - 1), "a trace ends with JUMP, EXIT or LINK");
    // Bridges: their inputs come first (the backend moves them from the
    // parent's locations before anything runs), LINK only last, no loop.
    bool inputs_done = false;
    for (size_t i = 0; i < ins.size(); ++i) {
      IrOp op = ins[i].op;
      if (op == IrOp::INPUT && inputs_done) error(IrRef(i), "INPUT after other instructions");
      if (op != IrOp::INPUT && op != IrOp::NOP) inputs_done = true;
      if (op == IrOp::LINK && i + 1 != ins.size()) error(IrRef(i), "LINK must be last");
      if ((op == IrOp::INPUT || op == IrOp::LINK) && (loop_ >= 0 || jump_ >= 0))
        error(IrRef(i), "a bridge has no LOOP");
    }
    if (jump_ >= 0 && size_t(jump_) != ins.size() - 1) error(jump_, "JUMP must be last");
    if ((loop_ >= 0) != (jump_ >= 0))
      error(loop_ >= 0 ? loop_ : jump_, "LOOP and JUMP come together");
    bool in_phis = false;
    for (size_t i = 0; i < ins.size(); ++i) {
      IrRef r = IrRef(i);
      const IrIns& x = ins[i];
      if (x.op == IrOp::LOOP) {
        in_phis = true;
      } else if (x.op == IrOp::PHI) {
        if (!in_phis) error(r, "PHI must directly follow LOOP (or other PHIs)");
      } else if (x.op != IrOp::NOP) {
        in_phis = false;
      }
      check_ins(r, x);
    }
    for (size_t v = 0; v < t_.snapshots().virtual_count(); ++v) {
      const VirtualObject& o = t_.snapshots().virtual_object(uint32_t(v));
      if (!is_const(o.cls) || !valid_const(o.cls) || t_.type_of(o.cls) != IrType::Ref)
        error(0, "virtual " + std::to_string(v) + ": class must be a ref constant");
      for (const VirtualField& f : t_.snapshots().fields(uint32_t(v)))
        check_snap_value(0, f.kind, f.ref, IrRef(t_.size()), "virtual " + std::to_string(v));
    }
    return out_;
  }

 private:
  void error(IrRef r, const std::string& msg) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d: ", r);
    out_ += buf + msg + "\n";
  }
  bool valid_const(IrRef r) const { return const_index(r) < t_.const_count(); }

  // A ref operand of instruction `at`: a valid constant or an earlier
  // non-void instruction. `limit` is the first ref it may not name.
  bool check_defined(IrRef at, IrRef ref, IrRef limit, const char* what) {
    if (is_const(ref)) {
      if (!valid_const(ref)) {
        error(at, std::string(what) + ": bad constant ref");
        return false;
      }
      return true;
    }
    if (ref < 0 || ref >= limit) {
      error(at, std::string(what) + " " + std::to_string(ref) + " is not defined before use");
      return false;
    }
    if (t_[ref].type == IrType::Void) {
      error(at, std::string(what) + " " + std::to_string(ref) + " has no value");
      return false;
    }
    return true;
  }

  void check_operand(IrRef at, const IrIns& x, int i, IrRef ref) {
    OpndKind kind = op_info(x.op).opnd[i];
    std::string what = "operand " + std::string(1, char('a' + i));
    switch (kind) {
      case OpndKind::None:
        if (ref != 0) error(at, what + " must be 0 (unused)");
        return;
      case OpndKind::Imm:
        return;
      case OpndKind::Call:
        check_call(at, x, ref);
        return;
      default:
        break;
    }
    IrRef limit = at;
    // The PHI's back-edge operand is the one forward reference allowed.
    if (x.op == IrOp::PHI && i == 1) limit = jump_ >= 0 ? jump_ : IrRef(t_.size());
    if (x.op == IrOp::PHI && i == 0) limit = loop_ >= 0 ? loop_ : at;
    if (!check_defined(at, ref, limit, what.c_str())) return;
    IrType ty = t_.type_of(ref);
    bool ok = true;
    switch (kind) {
      case OpndKind::Int:
        ok = ty == IrType::Int;
        break;
      case OpndKind::Dbl:
        ok = ty == IrType::Dbl;
        break;
      case OpndKind::Ref:
        ok = ty == IrType::Ref;
        break;
      case OpndKind::Word:
        ok = ty == IrType::Int || ty == IrType::Ref;
        break;
      case OpndKind::SameA:
        ok = x.a == kNoRef || (ty == t_.type_of(x.a));
        break;
      case OpndKind::Any:
        ok = ty != IrType::Void;
        break;
      default:
        break;
    }
    if (!ok) error(at, what + " has type " + std::string(type_name(ty)));
  }

  void check_call(IrRef at, const IrIns& x, IrRef index) {
    if (index < 0 || size_t(index) >= t_.calls().size()) {
      error(at, "bad call descriptor index");
      return;
    }
    const CallDesc& d = t_.calls()[size_t(index)];
    if (d.addr == nullptr) error(at, "call without an address");
    if (d.nargs > kMaxCallArgs) {
      error(at, "too many call arguments");
      return;
    }
    int ints = 0, dbls = 0;
    for (int j = 0; j < d.nargs; ++j) {
      if (!check_defined(at, d.args[j], at, "call argument")) continue;
      (t_.type_of(d.args[j]) == IrType::Dbl ? dbls : ints)++;
    }
    if (ints > kMaxCallIntArgs) error(at, "more than 6 int/ref call arguments");
    if (x.op == IrOp::CALLP && x.type == IrType::Void) error(at, "a pure call must return a value");
  }

  void check_snap_value(IrRef at, SnapKind kind, IrRef ref, IrRef limit, const std::string& what) {
    if (kind == SnapKind::Virtual) {
      if (ref < 0 || size_t(ref) >= t_.snapshots().virtual_count())
        error(at, what + ": bad virtual object index");
      return;
    }
    if (!check_defined(at, ref, limit, what.c_str())) return;
    if (kind == SnapKind::Bool && t_.type_of(ref) != IrType::Int)
      error(at, what + ": a bool entry needs an int ref");
  }

  void check_ins(IrRef r, const IrIns& x) {
    const IrOpInfo& info = op_info(x.op);
    const IrRef ops[3] = {x.a, x.b, x.c};
    for (int i = 0; i < 3; ++i) check_operand(r, x, i, ops[i]);
    // Result type.
    IrType want = IrType::Void;
    bool decl = false;
    switch (info.result) {
      case TypeRule::Void:
        want = IrType::Void;
        break;
      case TypeRule::Int:
        want = IrType::Int;
        break;
      case TypeRule::Dbl:
        want = IrType::Dbl;
        break;
      case TypeRule::Ref:
        want = IrType::Ref;
        break;
      case TypeRule::A:
        want = t_.type_of(x.a);
        break;
      case TypeRule::Decl:
        decl = true;
        break;
    }
    if (decl) {
      if ((x.op == IrOp::LOAD || x.op == IrOp::INPUT) && x.type == IrType::Void)
        error(r, std::string(op_name(x.op)) + " needs a result type");
    } else if (x.type != want) {
      error(r, "result type " + std::string(type_name(x.type)) + ", rule says " +
                   std::string(type_name(want)));
    }
    if (x.op == IrOp::PHI && loop_ < 0) error(r, "PHI without LOOP");
    // Guards and snapshots.
    if (info.flags & kGuard) {
      if (x.snap < 0 || size_t(x.snap) >= t_.snapshots().size()) {
        error(r, "guard without a valid snapshot");
        return;
      }
      const std::string what = "snap " + std::to_string(x.snap);
      auto frames = t_.snapshots().frames(uint32_t(x.snap));
      if (frames.empty()) error(r, what + ": no frames");
      for (const SnapEntry& e : t_.snapshots().entries(uint32_t(x.snap))) {
        if (e.frame >= frames.size()) error(r, what + ": entry names a frame the snapshot lacks");
        // A guard's snapshot describes the state before the guard: refs < r.
        check_snap_value(r, e.kind, e.ref, r, what);
      }
    } else if (x.snap != kNoSnap) {
      error(r, "snapshot on a non-guard");
    }
  }

  const Trace& t_;
  IrRef loop_ = -1, jump_ = -1;
  std::string out_;
};

}  // namespace

std::string verify_trace(const Trace& t) { return Verifier(t).run(); }

}  // namespace kestrel::jit
