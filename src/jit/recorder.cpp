// The trace recorder (recorder.h): RecordCx, the traced value types, the
// frame-plumbing opcodes, snapshots, and closing the loop into a runnable
// trace. docs/jit.md ("Recorder") describes the trace it produces.
#include "jit/recorder.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "bytecode/opcodes.h"
#include "interp/frame.h"
#include "interp/interpreter.h"
#include "jit/jit.h"
#include "jit/opt/copier.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/layout.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/range.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel::jit {

// ---------------------------------------------------------------------------
// Helpers called from traces. They never throw (a C++ exception must not
// unwind through machine code).

uint64_t jit_box_int(int64_t v) { return int_from_i64(v).bits(); }
uint64_t jit_box_float(double d) { return float_new(d).bits(); }
uint64_t jit_box_bool(int64_t b) { return py_bool(b != 0).bits(); }
int64_t jit_floordiv_pos(int64_t x, int64_t y) { return InterpCx::floordiv_pos(x, y); }
int64_t jit_mod_pos(int64_t x, int64_t y) { return InterpCx::mod_pos(x, y); }

// The general protocol for builtin numbers (int of any size, float, bool):
// no side effect but the result, so a failure (an exception: 0 returned) is
// handled by exiting before the instruction and letting the interpreter
// redo it and raise. Other types may run Python code and are not called.
uint64_t jit_binary_op(uint64_t a, uint64_t b, int64_t op) {
  try {
    return py_binary(Value::from_bits(a), Value::from_bits(b), int(op)).bits();
  } catch (PyException&) {
    return 0;
  }
}
uint64_t jit_compare_op(uint64_t a, uint64_t b, int64_t cmp) {
  try {
    return py_richcompare(Value::from_bits(a), Value::from_bits(b), int(cmp)).bits();
  } catch (PyException&) {
    return 0;
  }
}

BoxKind box_kind(const Trace& t, IrRef r) {
  if (is_const(r) || r == kNoRef) return BoxKind::None;
  const IrIns& x = t[r];
  if (x.op != IrOp::CALLP) return BoxKind::None;
  const void* addr = t.calls()[size_t(x.a)].addr;
  if (addr == reinterpret_cast<const void*>(&jit_box_int)) return BoxKind::Int;
  if (addr == reinterpret_cast<const void*>(&jit_box_float)) return BoxKind::Float;
  if (addr == reinterpret_cast<const void*>(&jit_box_bool)) return BoxKind::Bool;
  return BoxKind::None;
}

IrRef emit_box(Trace& t, BoxKind kind, IrRef payload) {
  switch (kind) {
    case BoxKind::Int:
      return t.call(true, IrType::Ref, reinterpret_cast<const void*>(&jit_box_int), "box_int",
                    {payload});
    case BoxKind::Float:
      return t.call(true, IrType::Ref, reinterpret_cast<const void*>(&jit_box_float), "box_float",
                    {payload});
    case BoxKind::Bool:
      return t.call(true, IrType::Ref, reinterpret_cast<const void*>(&jit_box_bool), "box_bool",
                    {payload});
    case BoxKind::None:
      break;
  }
  return payload;
}

// Calls from traces. The callee may do anything (run Python code, raise);
// an exception is parked in g_jit_pending_exception and the helper returns 0:
// the guard after the call exits to the state before CALL, and the exit
// raises the parked exception there, as the interpreter's CALL would.
ValueVector& jit_pending_exception() {
  static ValueVector pending;
  return pending;
}
// Runs f(), parking its exception: 0 when it raised.
template <class F>
static uint64_t parked(F&& f) {
  try {
    return f();
  } catch (PyException& e) {
    jit_pending_exception().vec().push_back(e.exc);
    return 0;
  }
}
static uint64_t call_helper(uint64_t callable, Value* args, size_t nargs) {
  return parked([&] { return py_call(Value::from_bits(callable), args, nargs).bits(); });
}
// A Python function (not inlined: recursion, too deep): straight to
// call_function, which runs the callee's function trace when it has one.
static uint64_t call_python(uint64_t fn, Value* args, size_t nargs) {
  return parked([&] {
    Function* f = Value::from_bits(fn).as<Function>();
    if (f->code->jit_function && nargs == f->code->argcount)
      return run_function_trace(f, args).bits();  // (what call_function does first)
    return call_function(f, args, nargs, nullptr).bits();
  });
}
uint64_t jit_call_python0(uint64_t f) { return call_python(f, nullptr, 0); }
uint64_t jit_call_python1(uint64_t f, uint64_t a) {
  Value args[] = {Value::from_bits(a)};
  return call_python(f, args, 1);
}
uint64_t jit_call_python2(uint64_t f, uint64_t a, uint64_t b) {
  Value args[] = {Value::from_bits(a), Value::from_bits(b)};
  return call_python(f, args, 2);
}
uint64_t jit_call_python3(uint64_t f, uint64_t a, uint64_t b, uint64_t c) {
  Value args[] = {Value::from_bits(a), Value::from_bits(b), Value::from_bits(c)};
  return call_python(f, args, 3);
}
uint64_t jit_call0(uint64_t c) { return call_helper(c, nullptr, 0); }
uint64_t jit_call1(uint64_t c, uint64_t a) {
  Value args[] = {Value::from_bits(a)};
  return call_helper(c, args, 1);
}
uint64_t jit_call2(uint64_t c, uint64_t a, uint64_t b) {
  Value args[] = {Value::from_bits(a), Value::from_bits(b)};
  return call_helper(c, args, 2);
}
uint64_t jit_call3(uint64_t c, uint64_t a, uint64_t b, uint64_t d) {
  Value args[] = {Value::from_bits(a), Value::from_bits(b), Value::from_bits(d)};
  return call_helper(c, args, 3);
}
uint64_t jit_call4(uint64_t c, uint64_t a, uint64_t b, uint64_t d, uint64_t e) {
  Value args[] = {Value::from_bits(a), Value::from_bits(b), Value::from_bits(d),
                  Value::from_bits(e)};
  return call_helper(c, args, 4);
}
uint64_t jit_call5(uint64_t c, uint64_t a, uint64_t b, uint64_t d, uint64_t e, uint64_t g) {
  Value args[] = {Value::from_bits(a), Value::from_bits(b), Value::from_bits(d),
                  Value::from_bits(e), Value::from_bits(g)};
  return call_helper(c, args, 5);
}

// The general protocols (they may run Python code, or raise: parked as for calls).
uint64_t jit_binary_any(uint64_t a, uint64_t b, int64_t op) {
  return parked(
      [&] { return py_binary(Value::from_bits(a), Value::from_bits(b), int(op)).bits(); });
}
uint64_t jit_compare_any(uint64_t a, uint64_t b, int64_t cmp) {
  return parked(
      [&] { return py_richcompare(Value::from_bits(a), Value::from_bits(b), int(cmp)).bits(); });
}
uint64_t jit_getitem(uint64_t c, uint64_t k) {
  return parked([&] { return py_getitem(Value::from_bits(c), Value::from_bits(k)).bits(); });
}
int64_t jit_setitem(uint64_t c, uint64_t k, uint64_t v) {
  return int64_t(parked([&] {
    py_setitem(Value::from_bits(c), Value::from_bits(k), Value::from_bits(v));
    return uint64_t(1);
  }));
}
uint64_t jit_get_iter(uint64_t o) {
  return parked([&] { return py_iter(Value::from_bits(o)).bits(); });
}
// (0 means "exhausted" here, so a raise returns this word instead: an
// address no Value can have.)
static const uint64_t g_next_raised = 0;
uint64_t jit_next_raised() { return uint64_t(reinterpret_cast<uintptr_t>(&g_next_raised)) | 2; }
uint64_t jit_next(uint64_t it) {
  try {
    return py_next(Value::from_bits(it)).bits();
  } catch (PyException& e) {
    jit_pending_exception().vec().push_back(e.exc);
    return jit_next_raised();
  }
}
uint64_t jit_format_value(uint64_t v, int64_t flags, uint64_t spec) {
  return parked([&] {
    return build_fstring_value(Value::from_bits(v), int(flags), Value::from_bits(spec)).bits();
  });
}
uint64_t jit_build_string(int64_t n, uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e) {
  const uint64_t parts[] = {a, b, c, d, e};
  StrBuilder sb;
  for (int64_t i = 0; i < n; ++i) sb.append(Value::from_bits(parts[i]).as<Str>());
  return Value(sb.build()).bits();
}
void jit_list_append(uint64_t list, uint64_t item) {
  list_append(Value::from_bits(list).as<List>(), Value::from_bits(item));
}
uint64_t jit_build_slice(uint64_t start, uint64_t stop, uint64_t step) {
  return Value(slice_new(Value::from_bits(start), Value::from_bits(stop), Value::from_bits(step)))
      .bits();
}

// A new attribute on an instance (a layout transition; may grow the slots).
void jit_instance_set_attr(uint64_t obj, uint64_t name, uint64_t v) {
  instance_set_attr(Value::from_bits(obj).obj(), Value::from_bits(name).as<Str>(),
                    Value::from_bits(v));
}

// BUILD_TUPLE / BUILD_LIST of at most 5 items (allocation only).
uint64_t jit_build_tuple(int64_t n, uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e) {
  Value items[] = {Value::from_bits(a), Value::from_bits(b), Value::from_bits(c),
                   Value::from_bits(d), Value::from_bits(e)};
  return Value(tuple_from(items, n)).bits();
}
// Longer displays: a list of the first 5, then runs of up to 4 appended.
void jit_list_append_n(uint64_t list, int64_t n, uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
  const uint64_t items[] = {a, b, c, d};
  for (int64_t i = 0; i < n; ++i)
    list_append(Value::from_bits(list).as<List>(), Value::from_bits(items[i]));
}
uint64_t jit_list_to_tuple(uint64_t list) {
  List* l = Value::from_bits(list).as<List>();
  return Value(tuple_from(l->items, l->size)).bits();
}
uint64_t jit_build_list(int64_t n, uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e) {
  Value items[] = {Value::from_bits(a), Value::from_bits(b), Value::from_bits(c),
                   Value::from_bits(d), Value::from_bits(e)};
  return Value(list_from(items, n)).bits();
}

// `item in container`: 0 or 1, or -1 with the exception parked (it may
// run Python code: __contains__, __eq__), raised by the exit as for calls.
int64_t jit_contains(uint64_t container, uint64_t item) {
  try {
    return py_contains(Value::from_bits(container), Value::from_bits(item)) ? 1 : 0;
  } catch (PyException& e) {
    jit_pending_exception().vec().push_back(e.exc);
    return -1;
  }
}

// ---------------------------------------------------------------------------
// The recorder

namespace {

// Thrown to stop recording. `before` = the current instruction has not been
// executed (the interpreter will run it); otherwise it has been completed.
struct Abort {
  std::string reason;
  bool completed = false;  // the instruction ran to completion before the abort
};

// What the recorder knows about a ref after guarding it.
struct RefInfo {
  Type* cls = nullptr;      // guarded class (int_type for a small int and for a BigInt)
  bool small = false;       // guarded to be a tagged small int
  IrRef untagged = kNoRef;  // UNTAG of it (small ints)
  IrRef unboxed = kNoRef;   // LOAD of the double (floats)
};

}  // namespace

class Recorder {
 public:
  // A loop (header..backedge) or, with `function`, one call of f's function
  // from its first instruction to its return.
  Recorder(Frame* f, uint32_t header, uint32_t backedge, size_t max_length, bool function = false)
      : f_(f),
        code_(f->code),
        header_(header),
        backedge_(backedge),
        max_length_(max_length),
        function_(function) {
    nlocals_ = code_->nlocalsplus;
    depth_ = uint32_t(f->sp - f->stack_base());
    entry_depth_ = depth_;
    shadow_.resize(nlocals_ + code_->max_stack + 1, TV(Value(), kNoRef, Rep::Ref));
    dirty_.assign(shadow_.size(), false);
    null_ref_ = t_.kref(0);
    // A function trace starts with a fresh frame: only the arguments are
    // entry values, every other slot is known to be empty.
    if (function_)
      for (size_t i = code_->argcount; i < shadow_.size(); ++i)
        shadow_[i] = TV(Value(), null_ref_, Rep::Ref);
  }

  // A bridge from a parent trace's exit (record_bridge).
  Recorder(const BridgeStart& start, size_t max_length);

  RecordOutcome run();

  Trace& trace() { return t_; }
  IrRef null_ref() const { return null_ref_; }

  // --- used by RecordCx and the traced types
  uint32_t snapshot();
  void guard(IrOp op, IrRef a, IrRef b = 0) {
    if (op == IrOp::GUARD_TRUE && is_const(a) && t_.constant(a).as_int() != 0) return;
    if (op == IrOp::GUARD_FALSE && is_const(a) && t_.constant(a).as_int() == 0) return;
    t_.guard(op, snapshot(), a, b);
  }
  [[noreturn]] void abort(std::string reason) { throw Abort{std::move(reason)}; }
  RefInfo& classify(const TV& v);
  IrRef as_ref(const TV& v);  // the value as a Value word (boxing if unboxed)
  IrRef kvalue(Value v) {
    if (v.is_object()) constants_.push_back(v);
    return t_.kref(v.bits());
  }
  TV constant(Value v);
  TV generic_next(const TV& it) {
    if (it.rep != Rep::Ref) abort("iteration over a number");
    if (code_->code[pc_].op() != Op::FOR_ITER) abort("next outside FOR_ITER");
    Value v = py_next(it.v);  // raises with the frame at FOR_ITER
    uint32_t snap = snapshot();
    IrRef depth = enter_inlined_depth();
    IrRef out =
        t_.call(false, IrType::Ref, reinterpret_cast<const void*>(&jit_next), "next", {it.ref});
    leave_inlined_depth(depth);
    t_.guard(IrOp::GUARD_NE, snap, out, t_.kref(jit_next_raised()));
    // The direction taken: an item, or the end. The other one exits after
    // FOR_ITER (the iterator has moved on: the interpreter must not call
    // next again).
    t_.guard(v.empty() ? IrOp::GUARD_EQ : IrOp::GUARD_NE, snapshot_after_for_iter(v.empty(), out),
             out, null_ref_);
    return v.empty() ? TV() : TV(v, out, Rep::Ref);
  }
  // The state just after this FOR_ITER: with `item` pushed (it gave one),
  // or at the loop's end with the iterator popped.
  uint32_t snapshot_after_for_iter(bool with_item, IrRef item) {
    const uint32_t saved_pc = pc_, saved_depth = depth_;
    const int32_t saved_snap = snap_;
    const uint32_t top = nlocals_ + depth_;
    const TV saved_top = shadow_[top];
    const bool saved_dirty = dirty_[top];
    if (with_item) {
      shadow_[top] = TV(Value(), item, Rep::Ref);
      dirty_[top] = true;
      depth_++;
      pc_ = pc_ + 1;
    } else {
      depth_--;
      pc_ = code_->code[pc_].arg();
    }
    snap_ = -1;
    uint32_t s = snapshot();
    pc_ = saved_pc;
    depth_ = saved_depth;
    shadow_[top] = saved_top;
    dirty_[top] = saved_dirty;
    snap_ = saved_snap;
    return s;
  }
  // A helper with effects that returns 0 when it raised (the exception
  // parked): the guard after it exits to the state before the instruction,
  // where the exit raises. Call after the concrete operation succeeded.
  IrRef protocol_call(const void* fn, const char* name, std::initializer_list<IrRef> args,
                      IrType type) {
    uint32_t snap = snapshot();
    IrRef depth = enter_inlined_depth();
    IrRef out = t_.call(false, type, fn, name, args);
    leave_inlined_depth(depth);
    t_.guard(IrOp::GUARD_NE, snap, out, type == IrType::Ref ? null_ref_ : t_.kint(0));
    return out;
  }

 private:
  void step(Instr in);
  TV& slot(uint32_t i);
  TV peek(uint32_t n) { return read(nlocals_ + depth_ - n); }
  TV read(uint32_t i);
  void write(uint32_t i, const TV& v) {
    shadow_[i] = v;
    dirty_[i] = true;
    f_->slots[i] = v.v;
  }
  void pop(uint32_t n) { depth_ -= n; }
  void push(const TV& v) { write(nlocals_ + depth_++, v); }
  void jump(uint32_t target) { next_pc_ = target; }
  void load_global(Str* name);
  void guard_dict_entry(Dict* d, Str* name, Value v);
  void load_method(Str* name);
  Layout* guard_instance(const TV& obj, Type* t);
  Value module_attr(const TV& module, Str* name);
  // Guards the version word at `offset` in the constant object `obj` (a
  // dict's or a class's): the trace assumes it is unchanged since recording.
  void guard_version(Object* obj, size_t offset, uint64_t version) {
    guard(IrOp::GUARD_EQ, t_.load(IrType::Int, kvalue(Value(obj)), int32_t(offset)),
          t_.kint(int64_t(version)));
  }
  void build(uint32_t n, bool list);
  void build_long(uint32_t n, bool list);
  IrRef enter_inlined_depth();
  void leave_inlined_depth(IrRef depth);
  void contains(bool negate);
  void load_attr(Str* name);
  void store_attr(Str* name);
  void call(uint32_t argc);
  bool can_inline(Function* fn, size_t nargs) const;
  void inline_call(Function* fn, uint32_t argc, size_t nargs);
  void return_value();
  void close_loop(RecordOutcome* out);
  void close_bridge(RecordOutcome* out, const void* link = nullptr);

  Frame* f_;
  Code* code_;
  uint32_t header_, backedge_;
  size_t max_length_;
  bool function_ = false;     // recording a function trace
  bool bridge_ = false;       // recording a bridge (starts at pc_, not the header)
  bool at_loop_end_ = false;  // aborted because the loop ended at its first instruction
  bool returned_ = false;     // ... which has reached its RETURN_VALUE
  uint32_t nlocals_ = 0;
  uint32_t depth_ = 0, entry_depth_ = 0;
  uint32_t pc_ = 0, next_pc_ = 0;
  int32_t snap_ = -1;  // the current instruction's snapshot, once made
  std::vector<TV> shadow_;
  std::vector<bool> dirty_;  // slot written by the trace (else: still its entry value)
  // Inlined calls. The members above describe the innermost frame being
  // recorded; callers_ holds the suspended ones, the loop's frame first.
  struct Caller {
    Frame* f;
    Code* code;
    Function* func;
    uint32_t nlocals, depth;  // depth: the stack without the call's callable and arguments
    uint32_t call_pc;         // its CALL instruction
    std::vector<TV> shadow;
    std::vector<bool> dirty;
  };
  std::vector<Caller> callers_;
  Function* func_ = nullptr;  // the innermost frame's function (null for the loop's frame)
  std::unordered_map<IrRef, RefInfo> info_;
  std::vector<Value> constants_;
  Trace t_;
  IrRef null_ref_;
};

static Recorder* g_recorder = nullptr;
Recorder& current_recorder() { return *g_recorder; }

// A snapshot lists every frame, the loop's first and the innermost inlined
// call last. A caller resumes at its CALL with the callable and arguments
// gone (as the interpreter's CALL leaves it while the callee runs). Inlined
// frames start blank on exit, so their written (dirty) slots are all there is.
uint32_t Recorder::snapshot() {
  if (snap_ >= 0) return uint32_t(snap_);
  std::vector<SnapEntry> entries;
  std::vector<SnapFrame> frames;
  auto add_frame = [&](Code* code, Function* fn, uint32_t pc, uint32_t nlocals, uint32_t depth,
                       const std::vector<TV>& shadow, const std::vector<bool>& dirty) {
    uint8_t level = uint8_t(frames.size());
    for (uint32_t i = 0; i < nlocals + depth; ++i) {
      if (!dirty[i]) continue;
      const TV& v = shadow[i];
      SnapKind kind = v.rep == Rep::Bool ? SnapKind::Bool : SnapKind::Value;
      entries.push_back(SnapEntry{uint16_t(i), level, kind, v.ref});
    }
    SnapFrame frame{pc, 0, code, depth};
    frame.func = fn;
    frames.push_back(frame);
  };
  for (const Caller& c : callers_)
    add_frame(c.code, c.func, c.call_pc, c.nlocals, c.depth, c.shadow, c.dirty);
  add_frame(code_, func_, pc_, nlocals_, depth_, shadow_, dirty_);
  snap_ = int32_t(t_.add_snapshot(frames, entries));
  return uint32_t(snap_);
}

TV Recorder::read(uint32_t i) {
  TV& v = shadow_[i];
  if (v.ref == kNoRef) {
    // First read of an entry value: the trace loads it from the frame.
    v = TV(f_->slots[i], t_.load_slot(int32_t(i)), Rep::Ref);
  }
  return v;
}

TV& Recorder::slot(uint32_t i) {
  read(i);
  return shadow_[i];
}

TV Recorder::constant(Value v) {
  if (v.is_small()) return TV(v, t_.kint(v.small_value()), Rep::Int);
  if (v.is_object() && v.obj()->type == float_type) return TV(v, t_.kdbl(float_value(v)), Rep::Dbl);
  if (v.is_object() && (v.obj() == true_object || v.obj() == false_object))
    return TV(v, t_.kint(v.obj() == true_object), Rep::Bool);
  return TV(v, kvalue(v), Rep::Ref);
}

RefInfo& Recorder::classify(const TV& v) {
  RefInfo& info = info_[v.ref];
  if (info.cls) return info;
  if (v.v.is_small()) {
    if (!is_const(v.ref)) guard(IrOp::GUARD_SMALLINT, v.ref);
    info.cls = int_type;
    info.small = true;
  } else {
    if (v.v.empty()) abort("null value");
    info.cls = v.v.obj()->type;
    constants_.push_back(Value(reinterpret_cast<Object*>(info.cls)));
    if (!is_const(v.ref)) guard(IrOp::GUARD_CLASS, v.ref, t_.kptr(info.cls));
  }
  return info;
}

IrRef Recorder::as_ref(const TV& v) {
  switch (v.rep) {
    case Rep::Ref:
      return v.ref;
    case Rep::Int:
      if (is_const(v.ref)) return kvalue(v.v);
      return emit_box(t_, BoxKind::Int, v.ref);
    case Rep::Dbl:
      return emit_box(t_, BoxKind::Float, v.ref);
    case Rep::Bool:
      if (is_const(v.ref)) return kvalue(v.v);
      return emit_box(t_, BoxKind::Bool, v.ref);
  }
  return v.ref;
}

// ---------------------------------------------------------------------------
// Traced types

TI::TI(int64_t constant) : v(constant), ref(g_recorder->trace().kint(constant)) {}
TD::TD(double constant) : v(constant), ref(g_recorder->trace().kdbl(constant)) {}
TB::TB(bool constant) : v(constant), ref(g_recorder->trace().kint(constant)) {}
TV::TV() : v(), ref(g_recorder->null_ref()), rep(Rep::Ref) {}

TB::operator bool() const {
  g_recorder->guard(v ? IrOp::GUARD_TRUE : IrOp::GUARD_FALSE, ref);
  return v;
}
TB TB::operator!() const {
  Trace& t = g_recorder->trace();
  return TB(!v, t.emit(IrOp::EQ, ref, t.kint(0)));
}

static Trace& tr() { return g_recorder->trace(); }

TI operator+(TI a, TI b) {
  return TI(int64_t(uint64_t(a.v) + uint64_t(b.v)), tr().emit(IrOp::ADD, a.ref, b.ref));
}
TI operator-(TI a, TI b) {
  return TI(int64_t(uint64_t(a.v) - uint64_t(b.v)), tr().emit(IrOp::SUB, a.ref, b.ref));
}
TI operator*(TI a, TI b) {
  return TI(int64_t(uint64_t(a.v) * uint64_t(b.v)), tr().emit(IrOp::MUL, a.ref, b.ref));
}
TI operator&(TI a, TI b) { return TI(a.v & b.v, tr().emit(IrOp::AND, a.ref, b.ref)); }
TI operator|(TI a, TI b) { return TI(a.v | b.v, tr().emit(IrOp::OR, a.ref, b.ref)); }
TI operator^(TI a, TI b) { return TI(a.v ^ b.v, tr().emit(IrOp::XOR, a.ref, b.ref)); }
TB operator<(TI a, TI b) { return TB(a.v < b.v, tr().emit(IrOp::LT, a.ref, b.ref)); }
TB operator<=(TI a, TI b) { return TB(a.v <= b.v, tr().emit(IrOp::LE, a.ref, b.ref)); }
TB operator==(TI a, TI b) { return TB(a.v == b.v, tr().emit(IrOp::EQ, a.ref, b.ref)); }
TB operator!=(TI a, TI b) { return TB(a.v != b.v, tr().emit(IrOp::NE, a.ref, b.ref)); }
TB operator>(TI a, TI b) { return TB(a.v > b.v, tr().emit(IrOp::GT, a.ref, b.ref)); }
TB operator>=(TI a, TI b) { return TB(a.v >= b.v, tr().emit(IrOp::GE, a.ref, b.ref)); }
TD operator+(TD a, TD b) { return TD(a.v + b.v, tr().emit(IrOp::FADD, a.ref, b.ref)); }
TD operator-(TD a, TD b) { return TD(a.v - b.v, tr().emit(IrOp::FSUB, a.ref, b.ref)); }
TD operator*(TD a, TD b) { return TD(a.v * b.v, tr().emit(IrOp::FMUL, a.ref, b.ref)); }
TD operator/(TD a, TD b) { return TD(a.v / b.v, tr().emit(IrOp::FDIV, a.ref, b.ref)); }
TB operator<(TD a, TD b) { return TB(a.v < b.v, tr().emit(IrOp::FLT, a.ref, b.ref)); }
TB operator<=(TD a, TD b) { return TB(a.v <= b.v, tr().emit(IrOp::FLE, a.ref, b.ref)); }
TB operator==(TD a, TD b) { return TB(a.v == b.v, tr().emit(IrOp::FEQ, a.ref, b.ref)); }
TB operator!=(TD a, TD b) { return TB(a.v != b.v, tr().emit(IrOp::FNE, a.ref, b.ref)); }
TB operator>(TD a, TD b) { return TB(a.v > b.v, tr().emit(IrOp::FGT, a.ref, b.ref)); }
TB operator>=(TD a, TD b) { return TB(a.v >= b.v, tr().emit(IrOp::FGE, a.ref, b.ref)); }

// ---------------------------------------------------------------------------
// RecordCx

bool RecordCx::is_small(const TV& v) {
  if (v.rep != Rep::Ref) return v.rep == Rep::Int;
  return g_recorder->classify(v).small;
}
bool RecordCx::is_exact_float(const TV& v) {
  if (v.rep != Rep::Ref) return v.rep == Rep::Dbl;
  return g_recorder->classify(v).cls == float_type;
}
Type* RecordCx::class_of(const TV& v) {
  switch (v.rep) {
    case Rep::Int:
      return int_type;
    case Rep::Dbl:
      return float_type;
    case Rep::Bool:
      return bool_type;
    case Rep::Ref:
      break;
  }
  return g_recorder->classify(v).cls;
}
bool RecordCx::is_bool(const TV& v) { return class_of(v) == bool_type; }
TB RecordCx::bool_of(const TV& v) {
  if (v.rep == Rep::Bool) return TB(v.v.obj() == true_object, v.ref);
  Trace& t = tr();
  return TB(v.v.obj() == true_object, t.emit(IrOp::EQ, v.ref, g_recorder->kvalue(py_bool(true))));
}
bool RecordCx::is_none(const TV& v) { return class_of(v) == none_type; }
TB RecordCx::is_null(const TV& v) {
  return TB(v.v.empty(), tr().emit(IrOp::EQ, g_recorder->as_ref(v), g_recorder->null_ref()));
}

TI RecordCx::small_value(const TV& v) {
  if (v.rep == Rep::Int) return TI(int_as_i64(v.v), v.ref);
  RefInfo& info = g_recorder->classify(v);
  if (info.untagged == kNoRef) info.untagged = tr().emit(IrOp::UNTAG, v.ref);
  return TI(v.v.small_value(), info.untagged);
}
TD RecordCx::float_of(const TV& v) {
  if (v.rep == Rep::Dbl) return TD(float_value(v.v), v.ref);
  RefInfo& info = g_recorder->classify(v);
  if (info.unboxed == kNoRef)
    info.unboxed = tr().load(IrType::Dbl, v.ref, int32_t(offsetof(Float, value)));
  return TD(float_value(v.v), info.unboxed);
}
TD RecordCx::to_double(TI x) { return TD(double(x.v), tr().emit(IrOp::I2D, x.ref)); }
TV RecordCx::box_int(TI v) { return TV(int_from_i64(v.v), v.ref, Rep::Int); }
TV RecordCx::box_float(TD d) { return TV(float_new(d.v), d.ref, Rep::Dbl); }
TV RecordCx::box_bool(TB b) { return TV(py_bool(b.v), b.ref, Rep::Bool); }

// The overflow questions: the trace takes the no-overflow path with an
// overflow-checking op (a guard); an overflow seen while recording is a path
// the trace does not handle.
bool RecordCx::add_overflows(TI a, TI b, TI* r) {
  int64_t v;
  if (__builtin_add_overflow(a.v, b.v, &v)) g_recorder->abort("int64 overflow while recording");
  *r = TI(v, tr().guard(IrOp::ADDOV, g_recorder->snapshot(), a.ref, b.ref));
  return false;
}
bool RecordCx::sub_overflows(TI a, TI b, TI* r) {
  int64_t v;
  if (__builtin_sub_overflow(a.v, b.v, &v)) g_recorder->abort("int64 overflow while recording");
  *r = TI(v, tr().guard(IrOp::SUBOV, g_recorder->snapshot(), a.ref, b.ref));
  return false;
}
bool RecordCx::mul_overflows(TI a, TI b, TI* r) {
  int64_t v;
  if (__builtin_mul_overflow(a.v, b.v, &v)) g_recorder->abort("int64 overflow while recording");
  *r = TI(v, tr().guard(IrOp::MULOV, g_recorder->snapshot(), a.ref, b.ref));
  return false;
}
TI RecordCx::floordiv_pos(TI x, TI y) {
  return TI(InterpCx::floordiv_pos(x.v, y.v),
            tr().call(true, IrType::Int, reinterpret_cast<const void*>(&jit_floordiv_pos),
                      "floordiv", {x.ref, y.ref}));
}
TI RecordCx::mod_pos(TI x, TI y) {
  return TI(InterpCx::mod_pos(x.v, y.v),
            tr().call(true, IrType::Int, reinterpret_cast<const void*>(&jit_mod_pos), "mod",
                      {x.ref, y.ref}));
}

TI RecordCx::load_i64(const TV& obj, size_t off) {
  return TI(InterpCx::load_i64(obj.v, off),
            tr().load(IrType::Int, g_recorder->as_ref(obj), int32_t(off)));
}
void RecordCx::store_i64(const TV& obj, size_t off, TI v) {
  InterpCx::store_i64(obj.v, off, v.v);
  tr().emit(IrOp::STORE, g_recorder->as_ref(obj), int32_t(off), v.ref);
}
TV RecordCx::load_value(const TV& obj, size_t off) {
  return TV(InterpCx::load_value(obj.v, off),
            tr().load(IrType::Ref, g_recorder->as_ref(obj), int32_t(off)), Rep::Ref);
}
void RecordCx::store_value(const TV& obj, size_t off, const TV& v) {
  IrRef value = g_recorder->as_ref(v);
  InterpCx::store_value(obj.v, off, v.v);
  tr().emit(IrOp::STORE, g_recorder->as_ref(obj), int32_t(off), value);
}
TV RecordCx::list_item(const TV& list, TI i) {
  Trace& t = tr();
  IrRef items = t.load(IrType::Int, list.ref, int32_t(offsetof(List, items)));
  IrRef addr = t.emit(IrOp::ADDR, items, t.emit(IrOp::SHL, i.ref, t.kint(3)));
  return TV(InterpCx::list_item(list.v, i.v), t.load(IrType::Ref, addr, 0), Rep::Ref);
}
TV RecordCx::tuple_item(const TV& tuple, TI i) {
  Trace& t = tr();
  IrRef addr = t.emit(IrOp::ADDR, tuple.ref, t.emit(IrOp::SHL, i.ref, t.kint(3)));
  return TV(InterpCx::tuple_item(tuple.v, i.v),
            t.load(IrType::Ref, addr, int32_t(offsetof(Tuple, items))), Rep::Ref);
}
void RecordCx::list_store(const TV& list, TI i, const TV& v) {
  Trace& t = tr();
  IrRef value = g_recorder->as_ref(v);
  IrRef items = t.load(IrType::Int, list.ref, int32_t(offsetof(List, items)));
  IrRef addr = t.emit(IrOp::ADDR, items, t.emit(IrOp::SHL, i.ref, t.kint(3)));
  t.emit(IrOp::STORE, addr, 0, value);
  InterpCx::list_store(list.v, i.v, v.v);
}

static std::string type_label(const TV& v) { return type_name_str(v.v); }
// Builtin numbers whose operations run no Python code.
static bool plain_number(Type* t) { return t == int_type || t == float_type || t == bool_type; }

// The protocol for two builtin numbers: done concretely now, and in the
// trace by `helper` (which returns 0 instead of raising; the guard then
// exits before the instruction and the interpreter raises).
static TV number_protocol(const TV& a, const TV& b, int arg, Value (*concrete)(Value, Value, int),
                          uint64_t (*helper)(uint64_t, uint64_t, int64_t), const char* name) {
  Value r;
  try {
    r = concrete(a.v, b.v, arg);
  } catch (PyException&) {
    g_recorder->abort("exception while recording");  // nothing happened yet
  }
  Recorder& rec = *g_recorder;
  Trace& t = tr();
  IrRef call = t.call(true, IrType::Ref, reinterpret_cast<const void*>(helper), name,
                      {rec.as_ref(a), rec.as_ref(b), t.kint(arg)});
  rec.guard(IrOp::GUARD_NE, call, rec.null_ref());
  return TV(r, call, Rep::Ref);
}

// Builtin types whose binary operators (but %, which formats arbitrary
// objects, and in-place forms on lists, which mutate) run no Python code and
// have no side effect but their result.
static bool plain_binary_operand(Type* t, int op) {
  if (plain_number(t)) return true;
  if (t == str_type || t == bytes_type || t == tuple_type)
    return op % kInplaceOffset != int(BinOp::Remainder);
  return t == list_type && op < kInplaceOffset;
}

// Operators that may run Python code (dunder methods) or have effects go
// through the protocol like a call: done once, concretely, and in the trace
// by a helper whose exception the exit raises at the instruction.
static TV effectful_protocol(const TV& a, const TV& b, int arg,
                             Value (*concrete)(Value, Value, int),
                             uint64_t (*helper)(uint64_t, uint64_t, int64_t), const char* name) {
  Recorder& rec = *g_recorder;
  Value r = concrete(a.v, b.v, arg);  // raises with the frame at this instruction
  IrRef out = rec.protocol_call(reinterpret_cast<const void*>(helper), name,
                                {rec.as_ref(a), rec.as_ref(b), tr().kint(arg)}, IrType::Ref);
  return TV(r, out, Rep::Ref);
}

TV RecordCx::binary(const TV& a, const TV& b, int op) {
  if (!plain_binary_operand(class_of(a), op) || !plain_binary_operand(class_of(b), op))
    return effectful_protocol(a, b, op, py_binary, jit_binary_any, "binary_any");
  return number_protocol(a, b, op, py_binary, jit_binary_op, "binary_op");
}
static bool plain_comparand(Type* t) { return plain_number(t) || t == str_type || t == bytes_type; }

TV RecordCx::compare(const TV& a, const TV& b, int cmp) {
  Type *ta = class_of(a), *tb = class_of(b);
  if (!plain_comparand(ta) || !plain_comparand(tb) || (plain_number(ta) != plain_number(tb)))
    return effectful_protocol(a, b, cmp, py_richcompare, jit_compare_any, "compare_any");
  // The result is a bool object: a later branch on it guards its class and
  // its identity with True.
  return number_protocol(a, b, cmp, py_richcompare, jit_compare_op, "compare_op");
}
// Subscripts beyond the list/tuple fast paths go through the protocol: a
// helper that may run Python code (__getitem__) or raise, like a call.
TV RecordCx::getitem(const TV& c, const TV& k) {
  Recorder& rec = *g_recorder;
  Value r = py_getitem(c.v, k.v);  // raises with the frame at this instruction
  IrRef out = rec.protocol_call(reinterpret_cast<const void*>(&jit_getitem), "getitem",
                                {rec.as_ref(c), rec.as_ref(k)}, IrType::Ref);
  return TV(r, out, Rep::Ref);
}
void RecordCx::setitem(const TV& c, const TV& k, const TV& v) {
  Recorder& rec = *g_recorder;
  py_setitem(c.v, k.v, v.v);
  rec.protocol_call(reinterpret_cast<const void*>(&jit_setitem), "setitem",
                    {rec.as_ref(c), rec.as_ref(k), rec.as_ref(v)}, IrType::Int);
}
// Other iterators (generators, zip, enumerate, dict views, ...): a helper
// that runs their `next`, whatever Python code that takes. A raise exits
// before FOR_ITER and raises there, as the interpreter's FOR_ITER would.
TV RecordCx::next(const TV& it) { return g_recorder->generic_next(it); }
// Containers are true when not empty: their length field, compared with 0.
TB RecordCx::truthy(const TV& v) {
  Type* t = class_of(v);
  size_t off;
  if (t == list_type)
    off = offsetof(List, size);
  else if (t == tuple_type)
    off = offsetof(Tuple, size);
  else if (t == dict_type)
    off = offsetof(Dict, used);
  else if (t == str_type)
    off = offsetof(Str, length);
  else
    g_recorder->abort("truth value of " + type_label(v));
  TI n = load_i64(v, off);
  return n != TI(0);
}

// ---------------------------------------------------------------------------
// Frame plumbing: one instruction

// The trace assumes `name` in dict `d` is still `v`: the dict's keys are
// unchanged (so the name keeps its entry) and that entry holds v. Rebinding
// another global (a module's `planner = Planner()`) leaves it valid.
void Recorder::guard_dict_entry(Dict* d, Str* name, Value v) {
  int64_t ix = 0;
  while (ix < d->nentries &&
         !(d->entries[ix].key == Value(name) ||
           (is_str(d->entries[ix].key) && str_equal(d->entries[ix].key.as<Str>(), name))))
    ++ix;
  if (ix == d->nentries || d->entries[ix].value != v) abort("global not found in its dict");
  guard_version(d, offsetof(Dict, keys_version), d->keys_version);
  IrRef entries = t_.load(IrType::Int, kvalue(Value(d)), int32_t(offsetof(Dict, entries)));
  IrRef value =
      t_.load(IrType::Ref, entries,
              int32_t(ix * int64_t(sizeof(DictEntry)) + int64_t(offsetof(DictEntry, value))));
  guard(IrOp::GUARD_EQ, value, kvalue(v));
}

void Recorder::load_global(Str* name) {
  Dict* g = f_->globals;
  Dict* b = f_->builtins;
  Value v = dict_get_str(g, name);
  if (!v.empty()) {
    guard_dict_entry(g, name, v);
  } else {
    v = dict_get_str(b, name);
    if (v.empty()) abort("undefined global");
    // Not in the globals: none added since (their keys are unchanged).
    guard_version(g, offsetof(Dict, keys_version), g->keys_version);
    guard_dict_entry(b, name, v);
  }
  push(constant(v));
}

// LOAD_METHOD. On an object of a builtin type the class guard fixes the
// method (builtin types never change). On an instance of a Python class the
// class's version guard fixes the function found on the class, and the
// layout guard proves the instance does not shadow it.
void Recorder::load_method(Str* name) {
  TV obj = peek(1);
  Type* t = RecordCx().class_of(obj);
  if (t->type_flags & kTypeHeap) {
    if (obj.rep != Rep::Ref || t->getattr || !t->attrs_offset)
      abort("method call on " + type_label(obj) + " object");
    Layout* layout = guard_instance(obj, t);
    Value f = type_lookup(t, name);
    if (f.empty() || type_of(f) != function_type)
      abort("method " + str_to_utf8(name) + " of " + type_label(obj) + " is not a function");
    if (layout->find(name) >= 0) abort("instance attribute shadows method");
    pop(1);
    push(constant(f));
    push(obj);
    return;
  }
  if (t == module_type && obj.rep == Rep::Ref) {
    // As the interpreter's LOAD_METHOD: [NULL, the attribute].
    Value v = module_attr(obj, name);
    pop(1);
    push(TV());
    push(constant(v));
    return;
  }
  if (t == module_type || t->getattr) abort("method call on " + type_label(obj) + " object");
  Value f = type_lookup(t, name);
  if (f.empty() || type_of(f) != builtin_function_type ||
      f.as<BuiltinFunction>()->kind != kBuiltinMethod || !f.as<BuiltinFunction>()->self.empty())
    abort("attribute access on " + type_label(obj));
  pop(1);
  push(constant(f));
  push(obj);
}

// Helpers that may run Python code from inside inlined calls must see the
// call depth the interpreter would have (the inlined frames are not
// pushed): the trace adds them around the call (recursion limit).
IrRef Recorder::enter_inlined_depth() {
  if (callers_.empty()) return kNoRef;
  IrRef addr = t_.kptr(&g_thread.depth);
  IrRef depth = t_.load(IrType::Int, addr, 0);
  t_.emit(IrOp::STORE, addr, 0, t_.emit(IrOp::ADD, depth, t_.kint(int64_t(callers_.size()))));
  return depth;
}
void Recorder::leave_inlined_depth(IrRef depth) {
  if (depth != kNoRef) t_.emit(IrOp::STORE, t_.kptr(&g_thread.depth), 0, depth);
}

// BUILD_TUPLE / BUILD_LIST: a helper allocates (a fresh object each time).
void Recorder::build(uint32_t n, bool list) {
  if (n > 32) abort("building a sequence of more than 32 items");
  if (n > 5) return build_long(n, list);
  std::vector<Value> items;
  std::vector<IrRef> refs = {t_.kint(n)};
  for (uint32_t i = 0; i < n; ++i) {
    TV v = peek(n - i);
    items.push_back(v.v);
    refs.push_back(as_ref(v));
  }
  while (refs.size() < 6) refs.push_back(null_ref_);
  Value r = list ? Value(list_from(items.data(), n)) : Value(tuple_from(items.data(), n));
  IrRef out = t_.call(false, IrType::Ref,
                      list ? reinterpret_cast<const void*>(&jit_build_list)
                           : reinterpret_cast<const void*>(&jit_build_tuple),
                      list ? "build_list" : "build_tuple", {});
  CallDesc& cd = t_.calls().back();
  cd.nargs = uint8_t(refs.size());
  for (size_t i = 0; i < refs.size(); ++i) cd.args[i] = refs[i];
  pop(n);
  push(TV(r, out, Rep::Ref));
}

// More than 5 items: a list of the first 5, runs of up to 4 appended, and
// for a tuple a copy at the end (helpers take at most 6 arguments).
void Recorder::build_long(uint32_t n, bool list) {
  std::vector<Value> items;
  std::vector<IrRef> refs;
  for (uint32_t i = 0; i < n; ++i) {
    TV v = peek(n - i);
    items.push_back(v.v);
    refs.push_back(as_ref(v));
  }
  Value r = list ? Value(list_from(items.data(), n)) : Value(tuple_from(items.data(), n));
  IrRef acc = t_.call(false, IrType::Ref, reinterpret_cast<const void*>(&jit_build_list),
                      "build_list", {t_.kint(5), refs[0], refs[1], refs[2], refs[3], refs[4]});
  for (uint32_t i = 5; i < n; i += 4) {
    IrRef args[4] = {null_ref_, null_ref_, null_ref_, null_ref_};
    uint32_t k = std::min<uint32_t>(4, n - i);
    for (uint32_t j = 0; j < k; ++j) args[j] = refs[i + j];
    t_.call(false, IrType::Void, reinterpret_cast<const void*>(&jit_list_append_n), "list_append_n",
            {acc, t_.kint(int64_t(k)), args[0], args[1], args[2], args[3]});
  }
  if (!list)
    acc = t_.call(false, IrType::Ref, reinterpret_cast<const void*>(&jit_list_to_tuple),
                  "list_to_tuple", {acc});
  pop(n);
  push(TV(r, acc, Rep::Ref));
}

// CONTAINS_OP through a helper; an exception it raises is raised by the
// exit at this instruction (the state before it), as for calls.
void Recorder::contains(bool negate) {
  TV container = peek(1), item = peek(2);
  uint32_t snap = snapshot();
  bool r = py_contains(container.v, item.v);  // raises with the frame at this instruction
  IrRef depth = enter_inlined_depth();
  IrRef out = t_.call(false, IrType::Int, reinterpret_cast<const void*>(&jit_contains), "contains",
                      {as_ref(container), as_ref(item)});
  leave_inlined_depth(depth);
  t_.guard(IrOp::GUARD_NE, snap, out, t_.kint(-1));
  IrRef truth = t_.emit(negate ? IrOp::EQ : IrOp::NE, out, t_.kint(0));
  pop(2);
  push(TV(py_bool(negate ? !r : r), truth, Rep::Bool));
}

// The instance part of `obj`, an instance of the heap class `t` (already
// class-guarded): guards the class's version (its dict and its bases' are
// unchanged, so lookups on it give what they gave while recording) and the
// instance's layout (which attributes it has, in which slots).
Layout* Recorder::guard_instance(const TV& obj, Type* t) {
  if (!(t->type_flags & kTypeHeap) || !t->attrs_offset || t->getattr)
    abort("attribute access on " + type_label(obj) + " object");
  guard_version(t, offsetof(Type, version), t->version);
  Layout* layout = attrs_of(obj.v.obj())->layout;
  if (!layout || layout->dictionary_mode) abort("instance in dictionary mode");
  guard(IrOp::GUARD_EQ,
        t_.load(IrType::Int, obj.ref, int32_t(t->attrs_offset + offsetof(InstanceAttrs, layout))),
        t_.kint(int64_t(reinterpret_cast<uintptr_t>(layout))));
  return layout;
}

// LOAD_ATTR: an attribute in the instance's slots (no data descriptor on
// the class overrides it) is a layout guard plus a load; a plain class
// attribute the instance does not shadow is a constant.
// An attribute of a module: the module pinned, its dict's version guarded,
// the value a constant.
Value Recorder::module_attr(const TV& module, Str* name) {
  if (!is_const(module.ref)) guard(IrOp::GUARD_EQ, module.ref, kvalue(module.v));
  Dict* d = module.v.as<Module>()->dict;
  Value v = dict_get_str(d, name);
  if (v.empty()) abort("missing module attribute " + str_to_utf8(name));
  guard_dict_entry(d, name, v);
  return v;
}

void Recorder::load_attr(Str* name) {
  TV obj = peek(1);
  Type* t = RecordCx().class_of(obj);
  if (obj.rep != Rep::Ref) abort("attribute of a number");
  if (t == module_type) {
    Value v = module_attr(obj, name);
    pop(1);
    push(constant(v));
    return;
  }
  Layout* layout = guard_instance(obj, t);
  Value d = type_lookup(t, name);
  if (!d.empty() && (type_of(d)->descr_set || type_of(d)->descr_get))
    abort("descriptor attribute " + str_to_utf8(name));
  int i = layout->find(name);
  TV r;
  if (i >= 0) {
    IrRef slots =
        t_.load(IrType::Int, obj.ref, int32_t(t->attrs_offset + offsetof(InstanceAttrs, slots)));
    Value v = attrs_of(obj.v.obj())->slots[i];
    if (v.empty()) abort("deleted attribute");
    r = TV(v, t_.load(IrType::Ref, slots, int32_t(i) * 8), Rep::Ref);
  } else if (!d.empty()) {
    r = constant(d);
  } else {
    abort("missing attribute " + str_to_utf8(name));
  }
  pop(1);
  push(r);
}

// STORE_ATTR on an instance of a class with the generic __setattr__: a
// store into the slot, or (a new attribute: a layout transition) a helper.
void Recorder::store_attr(Str* name) {
  TV obj = peek(1), v = peek(2);
  Type* t = RecordCx().class_of(obj);
  if (obj.rep != Rep::Ref) abort("attribute of a number");
  if (t->setattr || (t->type_flags & kTypeHasSlotsDecl))
    abort("attribute assignment on " + type_label(obj) + " object");
  Layout* layout = guard_instance(obj, t);
  Value d = type_lookup(t, name);
  if (!d.empty() && type_of(d)->descr_set) abort("descriptor attribute " + str_to_utf8(name));
  int i = layout->find(name);
  IrRef value = as_ref(v);
  if (i >= 0) {
    IrRef slots =
        t_.load(IrType::Int, obj.ref, int32_t(t->attrs_offset + offsetof(InstanceAttrs, slots)));
    t_.emit(IrOp::STORE, slots, int32_t(i) * 8, value);
  } else {
    t_.call(false, IrType::Void, reinterpret_cast<const void*>(&jit_instance_set_attr),
            "instance_set_attr", {obj.ref, kvalue(Value(name)), value});
  }
  instance_set_attr(obj.v.obj(), name, v.v);
  pop(2);
}

// CALL without keywords. A Python function with plain positional
// parameters is inlined: the recorder goes on recording in the callee's
// frame. Anything else is called through a helper with the callable pinned
// (an identity guard unless it is already a constant); the result is
// unknown until its class is guarded.
void Recorder::call(uint32_t argc) {
  TV meth = peek(argc + 2), self_or_callable = peek(argc + 1);
  bool method = !meth.v.empty();
  TV callable = method ? meth : self_or_callable;
  size_t nargs = argc + (method ? 1 : 0);
  if (!callable.v.is_object()) abort("call of a non-object");
  if (callable.rep != Rep::Ref) abort("call of a number");
  if (!is_const(callable.ref)) guard(IrOp::GUARD_EQ, callable.ref, kvalue(callable.v));
  if (type_of(callable.v) == function_type && can_inline(callable.v.as<Function>(), nargs)) {
    inline_call(callable.v.as<Function>(), argc, nargs);
    return;
  }
  if (nargs > 5) abort("call with more than 5 arguments");
  std::vector<Value> args;
  std::vector<IrRef> refs = {kvalue(callable.v)};
  for (size_t i = 0; i < nargs; ++i) {
    TV a = peek(uint32_t(nargs - i));
    args.push_back(a.v);
    refs.push_back(as_ref(a));
  }
  static const void* const kHelpers[] = {
      reinterpret_cast<const void*>(&jit_call0), reinterpret_cast<const void*>(&jit_call1),
      reinterpret_cast<const void*>(&jit_call2), reinterpret_cast<const void*>(&jit_call3),
      reinterpret_cast<const void*>(&jit_call4), reinterpret_cast<const void*>(&jit_call5)};
  static const void* const kPythonHelpers[] = {reinterpret_cast<const void*>(&jit_call_python0),
                                               reinterpret_cast<const void*>(&jit_call_python1),
                                               reinterpret_cast<const void*>(&jit_call_python2),
                                               reinterpret_cast<const void*>(&jit_call_python3)};
  const bool python = type_of(callable.v) == function_type && nargs <= 3 &&
                      !(callable.v.as<Function>()->code->flags & kCoGenerator);
  uint32_t snap = snapshot();
  // The concrete call: an exception propagates with the frame at this CALL,
  // exactly as in the interpreter.
  Value r = py_call(callable.v, args.data(), nargs);
  IrRef depth = enter_inlined_depth();
  IrRef out = t_.call(false, IrType::Ref, python ? kPythonHelpers[nargs] : kHelpers[nargs],
                      (python ? "call_python" : "call") + std::to_string(nargs), {});
  CallDesc& cd = t_.calls().back();
  cd.nargs = uint8_t(refs.size());
  for (size_t i = 0; i < refs.size(); ++i) cd.args[i] = refs[i];
  leave_inlined_depth(depth);
  t_.guard(IrOp::GUARD_NE, snap, out, null_ref_);
  pop(argc + 2);
  push(TV(r, out, Rep::Ref));
}

// Inlining limits: nesting depth, and no recursion (a recursive call goes
// through the helper, so a trace never unrolls a recursion).
constexpr size_t kMaxInlineDepth = 8;

bool Recorder::can_inline(Function* fn, size_t nargs) const {
  Code* co = fn->code;
  if (co->flags & (kCoGenerator | kCoVarargs | kCoVarkeywords)) return false;
  if (co->kwonlyargcount || nargs != co->argcount) return false;
  if (co->ninstrs > 0) {
    Op first = co->code[0].op();
    if (first == Op::MAKE_CELL || first == Op::COPY_FREE_VARS) return false;
  }
  if (callers_.size() >= kMaxInlineDepth) return false;
  if (co == code_) return false;
  for (const Caller& c : callers_)
    if (c.code == co) return false;
  return true;
}

void Recorder::inline_call(Function* fn, uint32_t argc, size_t nargs) {
  // The interpreter's CALL raises RecursionError when the call depth reaches
  // the limit; the trace's inlined frames do not count, so it checks
  // depth + (inlined frames so far) against the limit itself.
  IrRef depth = t_.load(IrType::Int, t_.kptr(&g_thread.depth), 0);
  IrRef limit = t_.load(IrType::Int, t_.kptr(&interpreter_options().recursion_limit), 0);
  IrRef level = t_.kint(int64_t(callers_.size()));
  guard(IrOp::GUARD_TRUE, t_.emit(IrOp::LT, t_.emit(IrOp::ADD, depth, level), limit));
  std::vector<TV> args;
  std::vector<Value> values;
  for (size_t i = 0; i < nargs; ++i) {
    args.push_back(peek(uint32_t(nargs - i)));
    values.push_back(args.back().v);
  }
  // The concrete call, as the interpreter's CALL makes it: the caller stays
  // at its CALL with the callable and arguments popped.
  uint32_t result_depth = depth_ - argc - 2;
  f_->ip = code_->code + pc_;
  f_->sp = f_->stack_base() + result_depth;
  Frame* callee = push_call_frame(fn, values.data(), nargs);
  callee->back = f_;
  g_thread.current = callee;
  callers_.push_back(
      Caller{f_, code_, func_, nlocals_, result_depth, pc_, std::move(shadow_), std::move(dirty_)});
  f_ = callee;
  code_ = fn->code;
  func_ = fn;
  nlocals_ = code_->nlocalsplus;
  depth_ = 0;
  // A blank frame: every slot is known to be empty (the constant 0), not an
  // entry value to load.
  shadow_.assign(nlocals_ + code_->max_stack + 1, TV(Value(), null_ref_, Rep::Ref));
  dirty_.assign(shadow_.size(), false);
  for (size_t i = 0; i < nargs; ++i) write(uint32_t(i), args[i]);
  // The callee's first instruction is next; pc_ must name the CALL in the
  // caller for the step that made the call, and 0 in the callee after it.
  next_pc_ = 0;
}

// RETURN_VALUE of an inlined call: back to the caller, which pushes the
// result and continues after its CALL.
void Recorder::return_value() {
  if (callers_.empty() && function_) {
    // The end of a function trace: an exit whose snapshot holds the result
    // on the stack; the driver's caller takes it from there. The frame stays
    // at RETURN_VALUE, which the interpreter executes.
    t_.guard(IrOp::EXIT, snapshot());
    returned_ = true;
    next_pc_ = pc_;
    return;
  }
  if (callers_.empty()) abort("return from the loop's function");
  TV result = peek(1);
  pop_call_frame(f_);
  Caller& c = callers_.back();
  g_thread.current = c.f;
  f_ = c.f;
  code_ = c.code;
  func_ = c.func;
  nlocals_ = c.nlocals;
  depth_ = c.depth;
  shadow_ = std::move(c.shadow);
  dirty_ = std::move(c.dirty);
  uint32_t call_pc = c.call_pc;
  callers_.pop_back();
  push(result);
  pc_ = call_pc;
  next_pc_ = call_pc + 1;
}

void Recorder::step(Instr in) {
  RecordCx cx;
  uint32_t arg = in.arg();
  switch (in.op()) {
    case Op::NOP:
      break;
    case Op::POP_TOP:
      pop(1);
      break;
    case Op::COPY:
      push(peek(arg));
      break;
    case Op::SWAP: {
      TV top = peek(1), other = peek(arg);
      write(nlocals_ + depth_ - 1, other);
      write(nlocals_ + depth_ - arg, top);
      break;
    }
    case Op::LOAD_FAST: {
      TV v = slot(arg);
      if (v.v.empty()) abort("unbound local");
      push(v);
      break;
    }
    case Op::STORE_FAST: {
      TV v = peek(1);
      pop(1);
      write(arg, v);
      break;
    }
    case Op::LOAD_CONST:
      push(constant(code_->consts->items[arg]));
      break;
    case Op::LOAD_GLOBAL:
      load_global(code_->names->items[arg].as<Str>());
      break;
    case Op::PUSH_NULL:
      push(TV());
      break;
    case Op::LOAD_METHOD:
      load_method(code_->names->items[arg].as<Str>());
      break;
    case Op::CALL:
      call(arg);
      break;
    case Op::RETURN_VALUE:
      return_value();
      break;
    case Op::BUILD_TUPLE:
    case Op::BUILD_LIST:
      build(arg, in.op() == Op::BUILD_LIST);
      break;
    case Op::CONTAINS_OP:
      contains(arg != 0);
      break;
    case Op::LOAD_DEREF: {
      TV cell = slot(arg);
      if (!cell.v.is_object() || type_of(cell.v) != cell_type) abort("not a cell");
      RecordCx().class_of(cell);  // (a cell never stops being one: a guard, once)
      Value v = cell.v.as<Cell>()->value;
      if (v.empty()) abort("unbound free variable");
      TV r(v, t_.load(IrType::Ref, cell.ref, int32_t(offsetof(Cell, value))), Rep::Ref);
      // Unbound later: the trace exits and the interpreter raises.
      guard(IrOp::GUARD_NE, r.ref, null_ref_);
      push(r);
      break;
    }
    case Op::STORE_DEREF: {
      TV cell = slot(arg), v = peek(1);
      if (!cell.v.is_object() || type_of(cell.v) != cell_type) abort("not a cell");
      RecordCx().class_of(cell);
      t_.emit(IrOp::STORE, cell.ref, int32_t(offsetof(Cell, value)), as_ref(v));
      cell.v.as<Cell>()->value = v.v;
      pop(1);
      break;
    }
    case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP: {
      bool truth = bool(op_truth(cx, peek(1)));
      if (truth == (in.op() == Op::JUMP_IF_TRUE_OR_POP))
        jump(arg);
      else
        pop(1);
      break;
    }
    case Op::LOAD_ATTR:
      load_attr(code_->names->items[arg].as<Str>());
      break;
    case Op::STORE_ATTR:
      store_attr(code_->names->items[arg].as<Str>());
      break;
    case Op::UNARY_NEGATIVE: {
      TV v = peek(1);
      TV r;
      if (cx.is_small(v)) {
        TI x = cx.small_value(v), z(0), out;
        if (cx.sub_overflows(z, x, &out)) abort("negation overflow");
        r = cx.box_int(out);
      } else if (cx.is_exact_float(v)) {
        TD x = cx.float_of(v);
        r = TV(float_new(-x.v), t_.emit(IrOp::FNEG, x.ref), Rep::Dbl);
      } else {
        abort("unary minus on " + type_label(v));
      }
      pop(1);
      push(r);
      break;
    }
    case Op::UNARY_NOT: {
      TV r = cx.box_bool(!op_truth(cx, peek(1)));
      pop(1);
      push(r);
      break;
    }
    case Op::BINARY_OP: {
      TV r = op_binary(cx, peek(2), peek(1), int(arg));
      pop(2);
      push(r);
      break;
    }
    case Op::COMPARE_OP: {
      TV r = op_compare(cx, peek(2), peek(1), int(arg));
      pop(2);
      push(r);
      break;
    }
    case Op::IS_OP: {
      TV a = peek(2), b = peek(1);
      bool same = a.v == b.v;
      IrRef r = t_.emit(arg ? IrOp::NE : IrOp::EQ, as_ref(a), as_ref(b));
      pop(2);
      push(TV(py_bool(arg ? !same : same), r, Rep::Bool));
      break;
    }
    case Op::BINARY_SUBSCR: {
      TV r = op_subscr(cx, peek(2), peek(1));
      pop(2);
      push(r);
      break;
    }
    case Op::STORE_SUBSCR: {
      op_store_subscr(cx, peek(2), peek(1), peek(3));
      pop(3);
      break;
    }
    case Op::FOR_ITER: {
      TV v = op_for_iter(cx, peek(1));
      if (v.v.empty()) {
        pop(1);
        jump(arg);
        // A bridge goes on after the loop (to a loop with a trace).
        if (!bridge_ || function_) {
          // The recording's very first instruction found the loop done: the
          // back edge that made it hot was the last iteration's (a short
          // loop whose trip count divides the threshold always looks so).
          if (!bridge_ && pc_ == header_ && callers_.empty()) at_loop_end_ = true;
          throw Abort{"loop exited while recording", true};
        }
        break;
      }
      push(v);
      break;
    }
    case Op::FORMAT_VALUE: {
      bool has_spec = (arg & 4) != 0;
      TV spec = has_spec ? peek(1) : TV();
      TV v = peek(has_spec ? 2 : 1);
      Value r = build_fstring_value(v.v, int(arg), spec.v);  // raises at this instruction
      IrRef out = protocol_call(reinterpret_cast<const void*>(&jit_format_value), "format_value",
                                {as_ref(v), t_.kint(int64_t(arg)), as_ref(spec)}, IrType::Ref);
      pop(has_spec ? 2 : 1);
      push(TV(r, out, Rep::Ref));
      break;
    }
    case Op::BUILD_STRING: {
      // The helper joins up to 5 parts; longer strings in runs of 5, each
      // run's result the first part of the next.
      StrBuilder sb;
      for (uint32_t i = 0; i < arg; ++i) sb.append(peek(arg - i).v.as<Str>());
      Value s(sb.build());
      IrRef acc = kNoRef;
      for (uint32_t i = 0; i < arg;) {
        std::vector<IrRef> refs = {0};
        if (acc != kNoRef) refs.push_back(acc);
        while (refs.size() < 6 && i < arg) refs.push_back(as_ref(peek(arg - i++)));
        refs[0] = t_.kint(int64_t(refs.size() - 1));
        while (refs.size() < 6) refs.push_back(null_ref_);
        acc = t_.call(true, IrType::Ref, reinterpret_cast<const void*>(&jit_build_string),
                      "build_string", {});
        CallDesc& cd = t_.calls().back();
        cd.nargs = uint8_t(refs.size());
        for (size_t k = 0; k < refs.size(); ++k) cd.args[k] = refs[k];
      }
      if (acc == kNoRef) acc = kvalue(s);  // no parts: ""
      pop(arg);
      push(TV(s, acc, Rep::Ref));
      break;
    }
    case Op::LIST_APPEND: {
      // (The list is a comprehension's own, made by BUILD_LIST.)
      TV item = peek(1), list = peek(arg + 1);
      if (type_of(list.v) != list_type) abort("LIST_APPEND to a " + type_label(list));
      t_.call(false, IrType::Void, reinterpret_cast<const void*>(&jit_list_append), "list_append",
              {as_ref(list), as_ref(item)});
      list_append(list.v.as<List>(), item.v);
      pop(1);
      break;
    }
    case Op::UNPACK_SEQUENCE: {
      // A tuple or list of exactly `arg` items (else the interpreter
      // raises, or unpacks another iterable): a class and a length guard,
      // then the items, the first on top.
      TV seq = peek(1);
      Type* t = cx.class_of(seq);
      if (seq.rep != Rep::Ref || (t != tuple_type && t != list_type))
        abort("unpacking a " + type_label(seq));
      TI size = cx.load_i64(seq, t == tuple_type ? offsetof(Tuple, size) : offsetof(List, size));
      if (!(size == TI(int64_t(arg)))) abort("unpacking the wrong number of items");
      std::vector<TV> items;
      for (uint32_t i = 0; i < arg; ++i)
        items.push_back(t == tuple_type ? cx.tuple_item(seq, TI(int64_t(i)))
                                        : cx.list_item(seq, TI(int64_t(i))));
      pop(1);
      for (uint32_t i = arg; i-- > 0;) push(items[i]);
      break;
    }
    case Op::GET_ITER: {
      TV v = peek(1);
      Value it = py_iter(v.v);  // raises with the frame at this instruction
      IrRef out = protocol_call(reinterpret_cast<const void*>(&jit_get_iter), "get_iter",
                                {as_ref(v)}, IrType::Ref);
      pop(1);
      push(TV(it, out, Rep::Ref));
      break;
    }
    case Op::BUILD_SLICE: {
      TV step = arg == 3 ? peek(1) : constant(Value(none_object));
      TV stop = peek(arg == 3 ? 2 : 1), start = peek(arg == 3 ? 3 : 2);
      Value s(slice_new(start.v, stop.v, step.v));
      IrRef out = t_.call(true, IrType::Ref, reinterpret_cast<const void*>(&jit_build_slice),
                          "build_slice", {as_ref(start), as_ref(stop), as_ref(step)});
      pop(arg);
      push(TV(s, out, Rep::Ref));
      break;
    }
    case Op::JUMP_FORWARD:
      jump(arg);
      break;
    case Op::JUMP_BACKWARD:
      if (!callers_.empty()) abort("loop in an inlined call");
      if (function_) abort("loop in a function trace");
      // A bridge may go on to another loop's header if that loop has a
      // trace (then it links to it there, see run).
      if (arg != header_ && !(bridge_ && linkable_loop(code_, arg, f_->globals)))
        abort("inner loop");
      jump(arg);
      break;
    case Op::POP_JUMP_IF_FALSE:
    case Op::POP_JUMP_IF_TRUE: {
      bool truth = bool(op_truth(cx, peek(1)));
      pop(1);
      if (truth == (in.op() == Op::POP_JUMP_IF_TRUE)) jump(arg);
      break;
    }
    case Op::POP_JUMP_IF_NONE:
    case Op::POP_JUMP_IF_NOT_NONE: {
      TV v = peek(1);
      bool none = v.rep == Rep::Ref && is_none(v.v);
      if (v.rep == Rep::Ref)
        guard(none ? IrOp::GUARD_EQ : IrOp::GUARD_NE, v.ref, kvalue(Value(none_object)));
      pop(1);
      if (none == (in.op() == Op::POP_JUMP_IF_NONE)) jump(arg);
      break;
    }
    default:
      abort(std::string("unsupported instruction ") + std::string(op_name(in.op())));
  }
}

// The parent's frames as the exit left them: the root frame's slots the
// parent's snapshot does not list still hold their values from the root
// trace's entry (LOADSLOT reads them), an inlined frame's are empty; the
// listed ones are the parent's values, so later snapshots list them too.
Recorder::Recorder(const BridgeStart& s, size_t max_length)
    : header_(s.header),
      backedge_(s.backedge),
      max_length_(max_length),
      function_(s.function),
      bridge_(true) {
  null_ref_ = t_.kref(0);
  std::vector<IrRef> inputs;
  for (size_t n = 0; n < s.input_types.size(); ++n)
    inputs.push_back(t_.emit_typed(IrOp::INPUT, s.input_types[n], IrRef(n)));
  const size_t nframes = s.frames.size();
  std::vector<Frame*> frames(nframes);
  Frame* fr = g_thread.current;
  for (size_t k = nframes; k-- > 0; fr = fr->back) frames[k] = fr;
  for (size_t k = 0; k < nframes; ++k) {
    Frame* f = frames[k];
    Code* code = f->code;
    const uint32_t nlocals = code->nlocalsplus;
    std::vector<TV> shadow(nlocals + code->max_stack + 1, TV(Value(), null_ref_, Rep::Ref));
    if (k == 0)
      for (size_t i = 0; i < shadow.size(); ++i)
        if (!function_ || i < code->argcount) shadow[i] = TV(Value(), kNoRef, Rep::Ref);
    std::vector<bool> dirty(shadow.size(), false);
    for (const BridgeValue& v : s.values) {
      if (v.frame != k) continue;
      IrRef ref;
      if (!v.is_const) {
        ref = inputs[v.input];
      } else if (v.type == IrType::Dbl) {
        ref = t_.kdbl(std::bit_cast<double>(v.bits));
      } else if (v.type == IrType::Int) {
        ref = t_.kint(int64_t(v.bits));
      } else {
        ref = kvalue(Value::from_bits(v.bits));
      }
      shadow[v.slot] = TV(f->slots[v.slot], ref, v.rep);
      dirty[v.slot] = true;
    }
    const SnapFrame& sf = s.frames[k];
    Function* fn = k == 0 ? nullptr : static_cast<Function*>(const_cast<void*>(sf.func));
    if (k + 1 < nframes) {
      callers_.push_back(
          Caller{f, code, fn, nlocals, sf.depth, sf.pc, std::move(shadow), std::move(dirty)});
      continue;
    }
    f_ = f;
    code_ = code;
    func_ = fn;
    nlocals_ = nlocals;
    depth_ = sf.depth;
    pc_ = sf.pc;
    shadow_ = std::move(shadow);
    dirty_ = std::move(dirty);
  }
  entry_depth_ = s.entry_depth;
}

RecordOutcome Recorder::run() {
  RecordOutcome out;
  Recorder* saved = g_recorder;
  g_recorder = this;
  if (!bridge_) {
    pc_ = header_;
    snapshot();  // snapshot 0: the entry state (see close_loop)
  }
  try {
    for (;;) {
      if (t_.size() > max_length_) abort("trace too long");
      // At the header of another loop that has a trace (an inner loop, or
      // the outer loop a bridge ran on to): hand over to it. (Not from a
      // function trace: its slots are the call's arguments, not a frame.)
      if (callers_.empty() && !function_ && pc_ != header_) {
        if (const void* target = linkable_loop(code_, pc_, f_->globals)) {
          close_bridge(&out, target);
          break;
        }
      }
      snap_ = -1;
      next_pc_ = pc_ + 1;
      // The collector scans a frame's stack up to f->sp: keep it exact.
      f_->ip = code_->code + pc_;
      f_->sp = f_->stack_base() + depth_;
      Instr in = code_->code[pc_];
      step(in);
      // (step may have entered or left an inlined call: the members now
      // describe the frame that runs next_pc_.)
      f_->sp = f_->stack_base() + depth_;
      pc_ = next_pc_;
      if (!callers_.empty()) continue;
      if (returned_) {
        out.trace = std::move(t_);
        out.closed = true;
        break;
      }
      if (function_) continue;
      if (pc_ == header_ && in.op() == Op::JUMP_BACKWARD) {
        if (bridge_)
          close_bridge(&out);
        else
          close_loop(&out);
        break;
      }
      if ((pc_ < header_ || pc_ > backedge_) && !bridge_) throw Abort{"left the loop"};
    }
  } catch (Abort& a) {
    // Handlers peek at their operands and commit only at the end, so an
    // abort leaves the frame at the start of pc_'s instruction, or (completed)
    // at the instruction it went on to.
    if (a.completed) pc_ = next_pc_;
    out.closed = false;
    out.abort_reason = a.reason;
    out.at_loop_end = at_loop_end_;
    out.abort_pc = pc_;
    out.abort_code = code_;
  } catch (...) {
    g_recorder = saved;
    f_->ip = code_->code + pc_;
    f_->sp = f_->stack_base() + depth_;
    throw;
  }
  g_recorder = saved;
  f_->ip = code_->code + pc_;
  f_->sp = f_->stack_base() + depth_;
  out.constants = std::move(constants_);
  return out;
}

// Builds the runnable loop from the recorded iteration:
//     LOADSLOT s               for every slot the iteration writes (carried)
//     LOOP
//     PHI s = (LOADSLOT s, box(value of s at the back edge))
//     the iteration, with reads of a carried slot's entry value -> its PHI,
//                    and every snapshot listing each carried slot
//     JUMP
// The PHIs hold Value words, so this trace runs without any optimization;
// peeling and allocation removal then unbox them (opt/peel.cpp, opt/allocations.cpp).
void Recorder::close_loop(RecordOutcome* out) {
  if (depth_ != entry_depth_) abort("stack depth differs at the back edge");
  const Trace& body = t_;
  opt::TraceCopier c(body);
  Trace& t = c.dst();
  std::vector<uint32_t> carried;
  for (uint32_t i = 0; i < nlocals_ + depth_; ++i)
    if (dirty_[i]) carried.push_back(i);
  std::vector<IrRef> entry(carried.size()), phi(carried.size());
  std::vector<int32_t> phi_of_slot(shadow_.size(), -1);
  for (size_t k = 0; k < carried.size(); ++k) {
    entry[k] = t.load_slot(int32_t(carried[k]));
    phi_of_slot[carried[k]] = int32_t(k);
  }
  // Slots the iteration only reads are invariant (traces never write
  // slots): load them once, before the loop.
  for (IrRef r = 0; r < IrRef(body.size()); ++r)
    if (body[r].op == IrOp::LOADSLOT && phi_of_slot[size_t(body[r].a)] < 0)
      c.set(r, t.load_slot(body[r].a));
  t.emit(IrOp::LOOP);
  for (size_t k = 0; k < carried.size(); ++k)
    phi[k] = t.emit_typed(IrOp::PHI, IrType::Ref, entry[k], 0);

  // Snapshots are copied lazily as guards refer to them; each lists every
  // carried slot live at its pc (the frame still holds the entry value).
  // Snapshot 0 stays the entry state (no entries; only the preamble may use
  // it): passes hoist the entry values' type guards to it.
  std::vector<int32_t> snap_map(body.snapshots().size(), -1);
  auto copy_snap = [&](int32_t s) -> int32_t {
    if (s < 0) return s;
    if (snap_map[size_t(s)] < 0) {
      uint32_t depth = body.snapshots().frames(uint32_t(s))[0].depth;
      auto add_phis = [&](std::vector<SnapEntry>& entries) {
        if (s == 0) return;
        std::vector<bool> listed(shadow_.size(), false);
        for (const SnapEntry& e : entries)
          if (e.frame == 0) listed[e.slot] = true;
        for (size_t k = 0; k < carried.size(); ++k)
          if (!listed[carried[k]] && carried[k] < nlocals_ + depth)
            entries.push_back(SnapEntry{uint16_t(carried[k]), 0, SnapKind::Value, phi[k]});
      };
      snap_map[size_t(s)] = int32_t(c.copy_snapshot(uint32_t(s), nullptr, add_phis));
    }
    return snap_map[size_t(s)];
  };
  copy_snap(0);
  for (IrRef r = 0; r < IrRef(body.size()); ++r) {
    if (body[r].op == IrOp::LOADSLOT) {
      int32_t k = phi_of_slot[size_t(body[r].a)];
      if (k >= 0) c.set(r, phi[size_t(k)]);  // else hoisted above
      continue;
    }
    c.copy(r, copy_snap(body[r].snap));
  }
  // Back edges: each carried slot's final value, as a Value word.
  for (size_t k = 0; k < carried.size(); ++k) {
    const TV& v = shadow_[carried[k]];
    IrRef ref = c.map(v.ref);
    BoxKind kind = v.rep == Rep::Int    ? BoxKind::Int
                   : v.rep == Rep::Dbl  ? BoxKind::Float
                   : v.rep == Rep::Bool ? BoxKind::Bool
                                        : BoxKind::None;
    if (is_const(ref) && kind != BoxKind::None) {
      if (v.v.is_object()) constants_.push_back(v.v);
      ref = t.kref(v.v.bits());
    } else {
      ref = emit_box(t, kind, ref);
    }
    t.at(phi[k]).b = ref;
  }
  t.emit(IrOp::JUMP);
  c.commit(out->trace);
  out->closed = true;
}

// A loop bridge ends at the back edge: the root trace re-enters from the
// frame, so every slot whose value the frame does not hold yet is written
// (boxed), then LINK jumps to the root's entry. A trace that reached the
// header of another loop with a trace (`link`) ends the same way, entering
// that loop's trace.
void Recorder::close_bridge(RecordOutcome* out, const void* link) {
  if (!link && depth_ != entry_depth_) abort("stack depth differs at the back edge");
  out->link = link;
  std::vector<std::pair<uint32_t, IrRef>> stores;
  for (uint32_t i = 0; i < nlocals_ + depth_; ++i)
    if (dirty_[i]) stores.push_back({i, as_ref(shadow_[i])});
  // (Boxing may allocate or fail a guard: the stores come after all of it.)
  for (auto [slot, ref] : stores) t_.emit(IrOp::STORESLOT, IrRef(slot), ref);
  t_.emit(IrOp::LINK);
  out->trace = std::move(t_);
  out->closed = true;
}

RecordOutcome record_bridge(const BridgeStart& start, size_t max_length) {
  Recorder r(start, max_length);
  return r.run();
}

RecordOutcome record_function(Frame* f, size_t max_length) {
  Recorder r(f, 0, f->code->ninstrs, max_length, true);
  return r.run();
}

bool recording() { return g_recorder != nullptr; }

RecordOutcome record_loop(Frame* f, uint32_t header_pc, uint32_t backedge_pc, size_t max_length) {
  Recorder r(f, header_pc, backedge_pc, max_length);
  return r.run();
}

}  // namespace kestrel::jit
