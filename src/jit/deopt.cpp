// Exits (deopt.h). The trace never writes the frame, so leaving it means
// writing each snapshot entry's value into its slot, boxed by the entry's kind
// and its ref's IR type, then pointing the frame at the snapshot's pc.
#include "jit/deopt.h"

#include <bit>

#include "interp/interpreter.h"
#include "jit/jit.h"
#include "jit/recorder.h"
#include "jit/stats.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"

namespace kestrel::jit {

static Value box_exit_value(const Trace& t, const SnapEntry& e, uint64_t bits) {
  if (e.kind == SnapKind::Bool) return py_bool(bits != 0);
  switch (t.type_of(e.ref)) {
    case IrType::Int:
      return int_from_i64(int64_t(bits));
    case IrType::Dbl:
      return float_new(std::bit_cast<double>(bits));
    default:
      return Value::from_bits(bits);
  }
}

// Rebuilds the interpreter state of exit `snap` on top of `root` (the
// trace's own frame): inlined calls live at the exit get real frames, as the
// interpreter's CALL would have made them, each caller stopped at its CALL
// with the callable and arguments popped, the callee blank until its entries
// are written. Frames come from the VM stack (no collection can happen).
// Leaves g_thread.current at the innermost frame.
static void restore_frames(CompiledLoop& loop, x64::ExitState& exit, uint32_t snap, Frame* root) {
  const Trace& t = loop.ir;
  auto frames = t.snapshots().frames(snap);
  auto entries = t.snapshots().entries(snap);
  Frame* stack[kMaxSnapFrames];
  size_t nframes = frames.size() < kMaxSnapFrames ? frames.size() : kMaxSnapFrames;
  stack[0] = root;
  for (size_t k = 1; k < nframes; ++k) {
    Frame* caller = stack[k - 1];
    caller->ip = caller->code->code + frames[k - 1].pc;
    caller->sp = caller->stack_base() + frames[k - 1].depth;
    Frame* callee = push_blank_frame(static_cast<Function*>(const_cast<void*>(frames[k].func)));
    callee->back = caller;
    g_thread.current = callee;
    stack[k] = callee;
  }
  // Unboxed values first need no allocation; write words before boxing so
  // that every object the exit names is reachable from the frames or the
  // exit state whenever a box allocates.
  for (const SnapEntry& e : entries)
    if (e.kind == SnapKind::Value && t.type_of(e.ref) == IrType::Ref)
      stack[e.frame]->slots[e.slot] = Value::from_bits(loop.code->exit_value(exit, e.ref));
  for (const SnapEntry& e : entries)
    if (!(e.kind == SnapKind::Value && t.type_of(e.ref) == IrType::Ref))
      stack[e.frame]->slots[e.slot] = box_exit_value(t, e, loop.code->exit_value(exit, e.ref));
  Frame* top = stack[nframes - 1];
  top->ip = top->code->code + frames[nframes - 1].pc;
  top->sp = top->stack_base() + frames[nframes - 1].depth;
}

// The exception a call from the trace raised (empty if none).
static Value take_pending_exception() {
  std::vector<Value>& pending = jit_pending_exception().vec();
  if (pending.empty()) return Value();
  Value exc = pending.back();
  pending.clear();
  return exc;
}

// The trace of the tree whose exit stub ran (its tag is its CompiledLoop).
static CompiledLoop& exited_trace(const x64::ExitState& exit) {
  return *reinterpret_cast<CompiledLoop*>(exit.tag);
}

TraceExit enter_trace(CompiledLoop& loop, Frame* f) {
  JitStats& st = jit_stats();
  st.trace_entries++;
  // On the native stack: the collector scans it conservatively, so values in
  // the exit state stay alive while the exit boxes others.
  x64::ExitState exit;
  uint32_t snap = loop.code->run(reinterpret_cast<uint64_t*>(f->slots), &exit);
  CompiledLoop& exited = exited_trace(exit);
  st.guard_failures++;
  exited.exit_counts[snap]++;
  restore_frames(exited, exit, snap, f);
  // A call from the trace raised: the exit's state is the one before CALL,
  // and the exception propagates from there as the interpreter's would.
  Value exc = take_pending_exception();
  if (!exc.empty()) throw PyException{exc};
  return TraceExit{&exited, snap};
}

Value run_function_trace(Function* fn, Value* args) {
  auto& trace = *static_cast<CompiledLoop*>(fn->code->jit_function);
  // The call counts toward the recursion limit as its frame would.
  if (g_thread.depth >= interpreter_options().recursion_limit)
    raise(recursion_error_type, "maximum recursion depth exceeded");
  JitStats& st = jit_stats();
  st.trace_entries++;
  trace.calls++;
  x64::ExitState exit;
  g_thread.depth++;
  uint32_t snap = trace.code->run(reinterpret_cast<uint64_t*>(args), &exit);
  g_thread.depth--;
  CompiledLoop& exited = exited_trace(exit);
  if (int32_t(snap) == exited.return_snap) {
    // The common case first: a Value word or an int64 in a register.
    const x64::Loc& l = exited.return_loc;
    const SnapEntry& e = exited.return_value;
    if (l.kind == x64::LocKind::Gpr && e.kind == SnapKind::Value) {
      uint64_t bits = exit.gpr[l.index];
      return exited.ir.type_of(e.ref) == IrType::Int ? int_from_i64(int64_t(bits))
                                                     : Value::from_bits(bits);
    }
    return box_exit_value(exited.ir, e, exited.code->exit_value(exit, e.ref));
  }
  st.guard_failures++;
  exited.exit_counts[snap]++;
  // An exit costs more than interpreting the call: a trace whose calls
  // often leave it early, through exits that will not get a bridge, is
  // dropped (the driver may record another, from a later call's path, a few
  // times).
  bool waiting_for_bridge = exited.bridge_at[snap] != UINT32_MAX && trace.bridge_failures == 0;
  if (!waiting_for_bridge && ++trace.exits >= 100 && trace.exits * 8 > trace.calls)
    function_trace_misfits(fn->code);
  // The call goes on in the interpreter: its frame, with the arguments, and
  // the frames of inlined calls, rebuilt from the exit.
  Frame* root = push_blank_frame(fn);
  root->back = g_thread.current;
  g_thread.current = root;
  for (uint32_t i = 0; i < fn->code->argcount; ++i) root->slots[i] = args[i];
  restore_frames(exited, exit, snap, root);
  Value exc = take_pending_exception();
  if (exc.empty()) {
    try {
      maybe_record_bridge(exited, snap);
    } catch (PyException& e) {
      exc = e.exc;  // raised by the call as the bridge recorded it
    }
  }
  return resume_frames(root, exc);
}

}  // namespace kestrel::jit
