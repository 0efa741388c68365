// Assembler: turns the compiler's linear IR (with labels and SETUP_*/POP_BLOCK
// pseudo-instructions) into a CodeProto: stack-depth flow analysis, 3.11-style
// exception table, dead code removal, jump resolution. Also the code verifier.
#include <algorithm>
#include <bit>
#include <stdexcept>
#include <string>

#include "front/compiler.h"

namespace kestrel {

int stack_effect(Op op, uint32_t arg, bool jump) {
  const int n = int(arg);
  switch (op) {
    case Op::NOP:
    case Op::SWAP:
    case Op::UNARY_POSITIVE:
    case Op::UNARY_NEGATIVE:
    case Op::UNARY_NOT:
    case Op::UNARY_INVERT:
    case Op::GET_ITER:
    case Op::JUMP_FORWARD:
    case Op::JUMP_BACKWARD:
    case Op::JUMP_BACKWARD_NO_INTERRUPT:
    case Op::DELETE_NAME:
    case Op::DELETE_GLOBAL:
    case Op::DELETE_FAST:
    case Op::MAKE_CELL:
    case Op::COPY_FREE_VARS:
    case Op::DELETE_DEREF:
    case Op::LOAD_ATTR:
    case Op::LIST_TO_TUPLE:
    case Op::CHECK_EXC_MATCH:
    case Op::SETUP_ANNOTATIONS:
    case Op::GET_YIELD_FROM_ITER:
    case Op::YIELD_VALUE:
      return 0;
    case Op::POP_TOP:
    case Op::BINARY_OP:
    case Op::COMPARE_OP:
    case Op::IS_OP:
    case Op::CONTAINS_OP:
    case Op::BINARY_SUBSCR:
    case Op::POP_JUMP_IF_FALSE:
    case Op::POP_JUMP_IF_TRUE:
    case Op::POP_JUMP_IF_NONE:
    case Op::POP_JUMP_IF_NOT_NONE:
    case Op::RETURN_VALUE:
    case Op::STORE_NAME:
    case Op::STORE_GLOBAL:
    case Op::STORE_FAST:
    case Op::STORE_DEREF:
    case Op::DELETE_ATTR:
    case Op::LIST_APPEND:
    case Op::SET_ADD:
    case Op::LIST_EXTEND:
    case Op::SET_UPDATE:
    case Op::DICT_UPDATE:
    case Op::DICT_MERGE:
    case Op::RERAISE:
    case Op::POP_EXCEPT:
    case Op::IMPORT_NAME:
    case Op::IMPORT_STAR:
      return -1;
    case Op::PUSH_NULL:
    case Op::COPY:
    case Op::LOAD_CONST:
    case Op::LOAD_NAME:
    case Op::LOAD_GLOBAL:
    case Op::LOAD_FAST:
    case Op::LOAD_CLOSURE:
    case Op::LOAD_DEREF:
    case Op::LOAD_CLASSDEREF:
    case Op::LOAD_METHOD:
    case Op::PUSH_EXC_INFO:
    case Op::WITH_EXCEPT_START:
    case Op::BEFORE_WITH:
    case Op::LOAD_ASSERTION_ERROR:
    case Op::LOAD_BUILD_CLASS:
    case Op::IMPORT_FROM:
      return 1;
    case Op::STORE_SUBSCR:
      return -3;
    case Op::DELETE_SUBSCR:
    case Op::STORE_ATTR:
    case Op::MAP_ADD:
      return -2;
    case Op::BUILD_SLICE:
      return 1 - n;
    case Op::FOR_ITER:
      return jump ? -1 : 1;  // exhausted: the iterator is popped
    case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP:
      return jump ? 0 : -1;
    case Op::SEND:
      return jump ? -1 : 0;  // [receiver, value] -> [result] when the receiver returns
    case Op::CALL:
      return -n - 1;
    case Op::CALL_KW:
      return -n - 2;
    case Op::CALL_FUNCTION_EX:
      return -2 - (n & 1);
    case Op::MAKE_FUNCTION:
      return -std::popcount(arg & 0xFu);
    case Op::BUILD_TUPLE:
    case Op::BUILD_LIST:
    case Op::BUILD_SET:
    case Op::BUILD_STRING:
      return 1 - n;
    case Op::BUILD_MAP:
      return 1 - 2 * n;
    case Op::BUILD_CONST_KEY_MAP:
      return -n;
    case Op::UNPACK_SEQUENCE:
      return n - 1;
    case Op::UNPACK_EX:
      return (n & 0xff) + (n >> 8);
    case Op::FORMAT_VALUE:
      return (n & 4) ? -1 : 0;
    case Op::RAISE_VARARGS:
      return -n;
  }
  return 0;
}

namespace {

bool is_terminator(int op) {
  return op == int(Op::RETURN_VALUE) || op == int(Op::RAISE_VARARGS) || op == int(Op::RERAISE) ||
         op == int(Op::JUMP_FORWARD) || op == int(Op::JUMP_BACKWARD) ||
         op == int(Op::JUMP_BACKWARD_NO_INTERRUPT) || op == front_internal::kJump ||
         op == front_internal::kJumpNoInterrupt;
}

[[noreturn]] void internal_error(const std::string& what) {
  throw std::logic_error("kestrel assembler: " + what);
}

}  // namespace

namespace front_internal {

// Replaces an unconditional jump to a small artificial block that leaves the
// function (<= 4 instructions without line numbers ending in RETURN_VALUE /
// RERAISE / RAISE_VARARGS) with a copy of that block, as CPython's
// extend_block does.
void inline_exit_blocks(IrCode& ir) {
  constexpr int kMaxCopySize = 4;
  auto& ins = ir.instrs;
  const int n = int(ins.size());
  std::vector<char> label_here(n + 1, 0);
  for (int p : ir.label_pos)
    if (p >= 0 && p <= n) label_here[p] = 1;
  // Length (in IR instructions) of the exit block starting at p, or 0.
  auto exit_block_len = [&](int p) {
    int real = 0;
    for (int k = p; k < n; ++k) {
      if (k > p && label_here[k]) return 0;
      int op = ins[k].op;
      if (op == int(Op::NOP)) continue;
      if (op >= 256 || op_arg_kind(Op(op)) == ArgKind::Jump) return 0;
      // Only artificial blocks (like the implicit `return None`) are copied.
      if (ins[k].pos.line > 0) return 0;
      if (++real > kMaxCopySize) return 0;
      if (op == int(Op::RETURN_VALUE) || op == int(Op::RERAISE) || op == int(Op::RAISE_VARARGS))
        return k - p + 1;
    }
    return 0;
  };
  std::vector<IrInstr> out;
  out.reserve(ins.size());
  std::vector<int> new_pos(n + 1, 0);
  bool changed = false;
  for (int i = 0; i < n; ++i) {
    new_pos[i] = int(out.size());
    const IrInstr& in = ins[i];
    if (in.op == kJump) {
      int t = ir.label_pos.at(in.target);
      // A jump to the very next instruction just disappears later instead.
      bool to_next = t > i;
      for (int k = i + 1; k < t && to_next; ++k) to_next = ins[k].op == int(Op::NOP);
      int len = t >= 0 && t < n && !to_next ? exit_block_len(t) : 0;
      if (len > 0) {
        for (int k = t; k < t + len; ++k)
          if (ins[k].op != int(Op::NOP)) out.push_back(ins[k]);
        changed = true;
        continue;
      }
    }
    out.push_back(in);
  }
  if (!changed) return;
  new_pos[n] = int(out.size());
  for (int& p : ir.label_pos)
    if (p >= 0) p = new_pos[p];
  ins = std::move(out);
}

// Jump threading (CPython's optimize_basic_block): a jump whose target is an
// unconditional jump goes straight to the final target. Conditional jumps
// are only threaded forwards (Kestrel has no backward conditional jumps).
void thread_jumps(IrCode& ir) {
  auto& ins = ir.instrs;
  const int n = int(ins.size());
  // The first non-NOP instruction at or after `pos` if it is an unconditional
  // jump, else -1.
  auto jump_at = [&](int pos) {
    while (pos < n && ins[pos].op == int(Op::NOP)) ++pos;
    return pos < n && ins[pos].op == kJump ? pos : -1;
  };
  for (int i = 0; i < n; ++i) {
    IrInstr& in = ins[i];
    bool conditional =
        in.op < 256 && op_arg_kind(Op(in.op)) == ArgKind::Jump &&
        (in.op == int(Op::POP_JUMP_IF_FALSE) || in.op == int(Op::POP_JUMP_IF_TRUE) ||
         in.op == int(Op::POP_JUMP_IF_NONE) || in.op == int(Op::POP_JUMP_IF_NOT_NONE));
    if (in.op != kJump && !conditional) continue;
    int label = in.target;
    for (int hops = 0; hops < 8; ++hops) {
      int j = jump_at(ir.label_pos.at(label));
      if (j < 0 || j == i || ins[j].target == label) break;
      int next = ins[j].target;
      if (conditional && ir.label_pos.at(next) <= i) break;
      label = next;
    }
    in.target = label;
  }
}

void assemble(IrCode& ir, CodeProto& out) {
  thread_jumps(ir);
  inline_exit_blocks(ir);
  auto& ins = ir.instrs;
  const int n = int(ins.size());
  auto target_of = [&](const IrInstr& in) {
    int pos = ir.label_pos.at(in.target);
    if (pos < 0 || pos > n) internal_error("unplaced label");
    return pos;
  };

  // --- Flow analysis: stack depth and the active exception handler of every
  // reachable instruction (CPython's stackdepth + label_exception_targets).
  struct Handler {
    int label_pos, depth;
    bool lasti;
    int parent;
  };
  std::vector<Handler> handlers;
  std::vector<int> depth_at(n + 1, -1), exc_at(n + 1, -1);
  std::vector<int> work;
  int max_depth = 0;
  auto visit = [&](int i, int depth, int exc) {
    if (depth < 0) internal_error("negative stack depth in " + out.qualname);
    if (i >= n) internal_error("control falls off the end of " + out.qualname);
    if (depth_at[i] >= 0) {
      if (depth_at[i] != depth)
        internal_error("inconsistent stack depth at " + std::to_string(i) + " in " + out.qualname);
      return;
    }
    depth_at[i] = depth;
    exc_at[i] = exc;
    max_depth = std::max(max_depth, depth);
    work.push_back(i);
  };
  if (n > 0) visit(0, 0, -1);
  while (!work.empty()) {
    int i = work.back();
    work.pop_back();
    const IrInstr& in = ins[i];
    int depth = depth_at[i], exc = exc_at[i];
    switch (in.op) {
      case kSetupFinally:
      case kSetupCleanup:
      case kSetupWith: {
        int extra = in.op == kSetupCleanup ? 2 : 1;
        int target = target_of(in);
        // The handler runs under the enclosing handler; it receives the stack
        // cut to `depth` (SETUP_WITH: `depth`-1, below __enter__'s result).
        int base = in.op == kSetupWith ? depth - 1 : depth;
        visit(target, depth + extra, exc);
        handlers.push_back(Handler{target, base, in.op != kSetupFinally, exc});
        visit(i + 1, depth, int(handlers.size()) - 1);
        continue;
      }
      case kPopBlock:
        if (exc < 0) internal_error("POP_BLOCK without handler in " + out.qualname);
        visit(i + 1, depth, handlers[exc].parent);
        continue;
      case kJump:
      case kJumpNoInterrupt:
        visit(target_of(in), depth, exc);
        continue;
      default:
        break;
    }
    Op op = Op(in.op);
    if (op_arg_kind(op) == ArgKind::Jump) {
      visit(target_of(in), depth + stack_effect(op, in.arg, true), exc);
    }
    int next = depth + stack_effect(op, in.arg, false);
    if (next < 0) internal_error("stack underflow at " + std::to_string(i) + " in " + out.qualname);
    max_depth = std::max(max_depth, next);
    if (!is_terminator(in.op)) visit(i + 1, next, exc);
  }

  // --- Liveness, then drop jumps to the next live instruction (walking
  // backwards so that chains of such jumps all disappear).
  std::vector<char> live(n, 0);
  for (int i = 0; i < n; ++i) {
    int op = ins[i].op;
    live[i] = depth_at[i] >= 0 && op != int(Op::NOP) &&
              (op < 256 || op == kJump || op == kJumpNoInterrupt);
  }
  std::vector<int> next_live(n + 1, n);  // first live index >= i
  for (int i = n - 1; i >= 0; --i) {
    if (live[i] && (ins[i].op == kJump || ins[i].op == kJumpNoInterrupt)) {
      int t = target_of(ins[i]);
      if (t > i && next_live[t] == next_live[i + 1]) live[i] = 0;
    }
    next_live[i] = live[i] ? i : next_live[i + 1];
  }
  std::vector<int> final_index(n + 1, -1);
  int count = 0;
  for (int i = 0; i < n; ++i)
    if (live[i]) final_index[i] = count++;
  final_index[n] = count;
  auto resolve = [&](int pos) { return final_index[next_live[pos]]; };

  // --- Emit.
  out.code.clear();
  out.positions.clear();
  out.code.reserve(count);
  out.positions.reserve(count);
  std::vector<int> handler_of;  // per final instruction: index into handlers or -1
  handler_of.reserve(count);
  SourcePos prev{out.first_line, out.first_line, -1, -1};
  for (int i = 0; i < n; ++i) {
    if (!live[i]) continue;
    const IrInstr& in = ins[i];
    int op = in.op;
    uint32_t arg = in.arg;
    int self = final_index[i];
    if (op == kJump || op == kJumpNoInterrupt) {
      int t = resolve(target_of(in));
      if (t > self)
        op = int(Op::JUMP_FORWARD);
      else
        op = int(op == kJump ? Op::JUMP_BACKWARD : Op::JUMP_BACKWARD_NO_INTERRUPT);
      arg = uint32_t(t);
    } else if (op_arg_kind(Op(op)) == ArgKind::Jump) {
      int t = resolve(target_of(in));
      if (t <= self) internal_error("backward conditional jump in " + out.qualname);
      arg = uint32_t(t);
    }
    if (arg > Instr::kMaxArg) internal_error("argument too large");
    out.code.push_back(Instr(Op(op), arg));
    SourcePos pos = in.pos;
    if (pos.line <= 0) pos = prev;  // artificial instruction: inherit the location
    out.positions.push_back(pos);
    prev = pos;
    handler_of.push_back(exc_at[i]);
  }
  out.max_stack = max_depth;

  // --- Exception table: maximal runs of instructions with the same handler.
  out.exception_table.clear();
  auto same = [&](int a, int b) {
    if (a < 0 || b < 0) return a == b;
    const Handler& x = handlers[a];
    const Handler& y = handlers[b];
    return resolve(x.label_pos) == resolve(y.label_pos) && x.depth == y.depth && x.lasti == y.lasti;
  };
  for (int i = 0; i < count;) {
    int h = handler_of[i];
    int j = i + 1;
    while (j < count && same(handler_of[j], h)) ++j;
    if (h >= 0) {
      const Handler& hd = handlers[h];
      out.exception_table.push_back(ExceptionEntry{
          uint32_t(i), uint32_t(j), uint32_t(resolve(hd.label_pos)), uint16_t(hd.depth), hd.lasti});
    }
    i = j;
  }

  // --- Drop constants no live instruction uses (index 0 stays: it may be
  // the docstring), as CPython's remove_unused_consts.
  if (!out.consts.empty()) {
    std::vector<int> remap(out.consts.size(), -1);
    remap[0] = 0;
    for (auto& in : out.code)
      if (op_arg_kind(in.op()) == ArgKind::Const) remap.at(in.arg()) = 0;
    size_t used = size_t(std::count(remap.begin(), remap.end(), 0));
    if (used != out.consts.size()) {
      std::vector<Constant> kept;
      for (size_t k = 0; k < remap.size(); ++k) {
        if (remap[k] < 0) continue;
        remap[k] = int(kept.size());
        kept.push_back(std::move(out.consts[k]));
      }
      for (auto& in : out.code)
        if (op_arg_kind(in.op()) == ArgKind::Const) in = Instr(in.op(), uint32_t(remap[in.arg()]));
      out.consts = std::move(kept);
    }
  }
}

}  // namespace front_internal

// ---------------------------------------------------------------- verifier

std::string verify_code(const CodeProto& code) {
  const int n = int(code.code.size());
  const std::string where = " in " + code.qualname;
  if (code.positions.size() != code.code.size()) return "positions/code size mismatch" + where;
  if (code.localsplus_kinds.size() != code.localsplus_names.size())
    return "localsplus kinds/names size mismatch" + where;
  if (n == 0) return "empty code" + where;
  for (int i = 0; i < n; ++i) {
    Instr in = code.code[i];
    if (int(in.op()) >= kOpCount) return "bad opcode at " + std::to_string(i) + where;
    uint32_t a = in.arg();
    std::string at = " at " + std::to_string(i) + where;
    switch (op_arg_kind(in.op())) {
      case ArgKind::Jump:
        if (a >= uint32_t(n)) return "jump target out of range" + at;
        if (in.op() == Op::JUMP_BACKWARD || in.op() == Op::JUMP_BACKWARD_NO_INTERRUPT) {
          if (int(a) > i) return "JUMP_BACKWARD goes forward" + at;
        } else if (int(a) <= i) {
          return "backward jump with a forward-only opcode" + at;
        }
        break;
      case ArgKind::Const:
        if (a >= code.consts.size()) return "const index out of range" + at;
        break;
      case ArgKind::Name:
        if (a >= code.names.size()) return "name index out of range" + at;
        break;
      case ArgKind::Local:
        if (a >= code.localsplus_names.size()) return "local index out of range" + at;
        break;
      case ArgKind::Cmp:
        if (a > 5) return "bad comparison" + at;
        break;
      case ArgKind::BinOp:
        if (a >= uint32_t(2 * kBinOpCount)) return "bad binary op" + at;
        break;
      default:
        break;
    }
  }
  // Exception table: sorted, non-overlapping, in range.
  uint32_t prev_end = 0;
  for (auto& e : code.exception_table) {
    if (e.start >= e.end || e.end > uint32_t(n) || e.target >= uint32_t(n))
      return "bad exception entry" + where;
    if (e.start < prev_end) return "exception entries overlap or are unsorted" + where;
    prev_end = e.end;
  }
  std::vector<const ExceptionEntry*> handler_of(n, nullptr);
  for (auto& e : code.exception_table)
    for (uint32_t i = e.start; i < e.end; ++i) handler_of[i] = &e;
  auto handler_at = [&](int i) { return handler_of[i]; };
  // Stack depth on every path, including exceptional edges.
  std::vector<int> depth(n, -1);
  std::vector<int> work;
  std::string problem;
  auto visit = [&](int i, int d) {
    if (!problem.empty()) return;
    if (i < 0 || i >= n) {
      problem = "control leaves the code" + where;
    } else if (d < 0) {
      problem = "negative stack depth at " + std::to_string(i) + where;
    } else if (d > code.max_stack) {
      problem = "stack depth above max_stack at " + std::to_string(i) + where;
    } else if (depth[i] < 0) {
      depth[i] = d;
      work.push_back(i);
    } else if (depth[i] != d) {
      problem = "inconsistent stack depth at " + std::to_string(i) + where;
    }
  };
  visit(0, 0);
  while (!work.empty() && problem.empty()) {
    int i = work.back();
    work.pop_back();
    Instr in = code.code[i];
    int d = depth[i];
    if (const ExceptionEntry* e = handler_at(i)) {
      if (e->depth > d) problem = "handler depth above stack depth at " + std::to_string(i) + where;
      visit(int(e->target), e->depth + (e->push_lasti ? 2 : 1));
    }
    if (op_arg_kind(in.op()) == ArgKind::Jump)
      visit(int(in.arg()), d + stack_effect(in.op(), in.arg(), true));
    if (!is_terminator(int(in.op())))
      visit(i + 1, d + stack_effect(in.op(), in.arg(), false));
    else if (d + stack_effect(in.op(), in.arg(), false) < 0)
      problem = "stack underflow at " + std::to_string(i) + where;
  }
  return problem;
}

std::string verify_code_recursive(const CodeProto& code) {
  std::string r = verify_code(code);
  if (!r.empty()) return r;
  for (auto& c : code.consts) {
    if (c.kind == Constant::Kind::Code && c.code) {
      r = verify_code_recursive(*c.code);
      if (!r.empty()) return r;
    }
  }
  return r;
}

}  // namespace kestrel
