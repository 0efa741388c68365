// Exits (deopt.h). The trace never writes the frame, so leaving it means
// writing each snapshot entry's value into its slot, boxed by the entry's kind
// and its ref's IR type, then pointing the frame at the snapshot's pc.
#include "jit/deopt.h"

#include <bit>

#include "interp/interpreter.h"
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

uint32_t enter_trace(CompiledLoop& loop, Frame* f) {
  JitStats& st = jit_stats();
  st.trace_entries++;
  // On the native stack: the collector scans it conservatively, so values in
  // the exit state stay alive while the exit boxes others.
  x64::ExitState exit;
  uint32_t snap = loop.code->run(reinterpret_cast<uint64_t*>(f->slots), &exit);
  st.guard_failures++;
  loop.exit_counts[snap]++;
  const Trace& t = loop.ir;
  auto frames = t.snapshots().frames(snap);
  auto entries = t.snapshots().entries(snap);
  // Inlined calls live at the exit get real frames, as the interpreter's
  // CALL would have made them: each caller stopped at its CALL with the
  // callable and arguments popped, the callee blank until its entries are
  // written. Frames come from the VM stack (no collection can happen).
  Frame* stack[kMaxSnapFrames];
  size_t nframes = frames.size() < kMaxSnapFrames ? frames.size() : kMaxSnapFrames;
  stack[0] = f;
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
  // A call from the trace raised: the exit's state is the one before CALL,
  // and the exception propagates from there as the interpreter's would.
  std::vector<Value>& pending = jit_pending_exception().vec();
  if (!pending.empty()) {
    Value exc = pending.back();
    pending.clear();
    throw PyException{exc};
  }
  return snap;
}

}  // namespace kestrel::jit
