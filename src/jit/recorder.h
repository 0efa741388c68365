// The trace recorder: executes one iteration of a hot loop on the real
// interpreter frame and records, beside every operation, the IR that
// computes it, with a guard for every assumption (docs/jit.md, "Recorder").
//
// One source of semantics. The opcode semantics in interp/semantics.h are
// templates over an execution context; the interpreter instantiates them with
// InterpCx, the recorder with RecordCx below. RecordCx's value types carry a
// concrete value (what the interpreter would compute) and an IR reference
// (how the trace computes it):
//   TV  a Python value: a Value word plus its IR ref and representation
//       (a boxed ref, an unboxed int64, an unboxed double or a 0/1 bool);
//   TI  an int64, TD a double, TB a truth value.
// Arithmetic on TI/TD emits IR; a type question (is_small, class_of) emits a
// type guard the first time it is asked about a ref; converting a TB to bool
// (an `if` in the template) emits GUARD_TRUE/GUARD_FALSE for the direction
// the concrete execution takes. The stack shuffling opcodes (LOAD_FAST, POP_TOP,
// jumps) are frame plumbing, not language semantics, and are handled by the
// recorder's own small dispatch.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "interp/frame.h"
#include "interp/semantics.h"
#include "jit/ir.h"
#include "runtime/gc.h"

namespace kestrel::jit {

class Recorder;
Recorder& current_recorder();  // valid only while recording

// How a traced value's IR ref represents it.
enum class Rep : uint8_t {
  Ref,   // a Value word
  Int,   // an int64 (a Python int in int64 range)
  Dbl,   // a double (a Python float)
  Bool,  // int 0/1 (a Python bool)
};

struct TI {
  int64_t v;
  IrRef ref;
  TI() : v(0), ref(0) {}
  TI(int64_t value, IrRef r) : v(value), ref(r) {}
  TI(int64_t constant);  // NOLINT: literals in the templates become IR constants
};
struct TD {
  double v;
  IrRef ref;
  TD() : v(0), ref(0) {}
  TD(double value, IrRef r) : v(value), ref(r) {}
  TD(double constant);  // NOLINT
};
// A truth value: `ref` computes the truth of `v` (int 0/1).
struct TB {
  bool v;
  IrRef ref;
  TB(bool value, IrRef r) : v(value), ref(r) {}
  TB(bool constant);  // NOLINT
  // Branching on a traced truth value guards the direction taken.
  explicit operator bool() const;
  TB operator!() const;
};
struct TV {
  Value v;
  IrRef ref;
  Rep rep;
  TV();  // the null value (FOR_ITER's "exhausted"): ref is the constant 0
  TV(Value value, IrRef r, Rep rp) : v(value), ref(r), rep(rp) {}
};

TI operator+(TI a, TI b);
TI operator-(TI a, TI b);
TI operator*(TI a, TI b);
TI operator&(TI a, TI b);
TI operator|(TI a, TI b);
TI operator^(TI a, TI b);
TB operator<(TI a, TI b);
TB operator<=(TI a, TI b);
TB operator==(TI a, TI b);
TB operator!=(TI a, TI b);
TB operator>(TI a, TI b);
TB operator>=(TI a, TI b);
TD operator+(TD a, TD b);
TD operator-(TD a, TD b);
TD operator*(TD a, TD b);
TD operator/(TD a, TD b);
TB operator<(TD a, TD b);
TB operator<=(TD a, TD b);
TB operator==(TD a, TD b);
TB operator!=(TD a, TD b);
TB operator>(TD a, TD b);
TB operator>=(TD a, TD b);
// `a && b` on TBs is the built-in operator: each operand is converted to
// bool in turn, so each emits its own guard, in evaluation order.

// The recording context for the semantics templates. Every method records
// and also performs the concrete operation.
struct RecordCx {
  using V = TV;
  using I = TI;
  using D = TD;
  using B = TB;

  bool is_small(const TV& v);
  bool is_exact_float(const TV& v);
  Type* class_of(const TV& v);
  TB is_null(const TV& v);
  bool is_bool(const TV& v);
  TB bool_of(const TV& v);
  bool is_none(const TV& v);

  TI small_value(const TV& v);
  TD float_of(const TV& v);
  TD to_double(TI x);
  TV box_int(TI v);
  TV box_float(TD d);
  TV box_bool(TB b);

  bool add_overflows(TI a, TI b, TI* r);
  bool sub_overflows(TI a, TI b, TI* r);
  bool mul_overflows(TI a, TI b, TI* r);
  TI floordiv_pos(TI x, TI y);
  TI mod_pos(TI x, TI y);

  TI load_i64(const TV& obj, size_t off);
  void store_i64(const TV& obj, size_t off, TI v);
  TV load_value(const TV& obj, size_t off);
  void store_value(const TV& obj, size_t off, const TV& v);
  TV list_item(const TV& list, TI i);
  TV tuple_item(const TV& tuple, TI i);
  void list_store(const TV& list, TI i, const TV& v);

  // The general protocol: a helper call for builtin numbers (bignums,
  // mixed int/float); for anything else the recorder aborts the trace here,
  // before anything has happened (see semantics.h's rules).
  TV binary(const TV& a, const TV& b, int op);
  TV compare(const TV& a, const TV& b, int cmp);
  TV getitem(const TV& c, const TV& k);
  void setitem(const TV& c, const TV& k, const TV& v);
  TV next(const TV& it);
  TB truthy(const TV& v);
};

// Why recording stopped.
struct RecordOutcome {
  bool closed = false;         // the loop closed: `trace` holds a runnable loop
  std::string abort_reason;    // else: why not
  uint32_t abort_pc = 0;       // the instruction where it gave up
  bool at_loop_end = false;    // ... the loop's header, which found the loop done
  Code* abort_code = nullptr;  // ... in this code (an inlined callee's, or the loop's)
  Trace trace;
  std::vector<Value> constants;  // objects the trace refers to (kept alive by its owner)
  // The trace ends with LINK into this compiled loop (a CompiledLoop of
  // another tree on the same frame), or null: its own tree's root.
  const void* link = nullptr;
};

// The driver's answer to "does the loop at `pc` of `code` have a compiled
// trace a recording may LINK to?" (its first variant, or null). A trace that
// reaches another loop's header hands over to that loop's trace there.
const void* linkable_loop(const Code* code, uint32_t pc, const Dict* globals);

// Records one iteration of the loop whose header is `header_pc`, starting
// with `f` stopped at the header (f->ip, f->sp saved). `backedge_pc` is the
// JUMP_BACKWARD that closes it. On return the frame is consistent: either back
// at the header (closed) or at the instruction where recording gave up (the
// interpreter continues from there). Python exceptions raised by the concrete
// execution propagate with the frame stopped at the raising instruction.
RecordOutcome record_loop(Frame* f, uint32_t header_pc, uint32_t backedge_pc, size_t max_length);

// Records one call of f's function, f being its fresh frame (current, at
// its first instruction), up to the RETURN_VALUE that ends the call: the
// trace ends with an EXIT whose snapshot has the result on top of the stack.
// The frame is left at that RETURN_VALUE (or where recording gave up).
RecordOutcome record_function(Frame* f, size_t max_length);
bool recording();  // a recording is in progress

// Where a bridge starts (docs/jit.md, "Bridges"): a parent trace's exit,
// after the deoptimiser rebuilt its frames (g_thread.current is the
// innermost, `frames` the parent snapshot's, the root frame first). Each
// entry of the parent's snapshot becomes a known slot value: a constant or
// one of the bridge's INPUTs (the parent's register or spill slot).
struct BridgeValue {
  uint8_t frame;
  uint16_t slot;
  Rep rep;        // how the parent held it
  IrType type;    // its IR type (Int for Rep::Int and Rep::Bool)
  bool is_const;  // a constant with these bits, else INPUT number `input`
  uint64_t bits;
  uint32_t input;
};
struct BridgeStart {
  std::vector<SnapFrame> frames;
  std::vector<BridgeValue> values;
  std::vector<IrType> input_types;  // per INPUT number
  // What ends the bridge: the loop's back edge to `header` (then the bridge
  // writes the frame and LINKs to the root trace) or, for a function trace,
  // the root frame's RETURN_VALUE (an EXIT, as record_function's).
  bool function = false;
  uint32_t header = 0, backedge = 0, entry_depth = 0;
};
RecordOutcome record_bridge(const BridgeStart& start, size_t max_length);

// Well-known helpers called from traces (also recognised by the optimizer).
uint64_t jit_box_int(int64_t v);
uint64_t jit_box_float(double d);
uint64_t jit_box_bool(int64_t b);
int64_t jit_floordiv_pos(int64_t x, int64_t y);
int64_t jit_mod_pos(int64_t x, int64_t y);
void jit_instance_set_attr(uint64_t obj, uint64_t name, uint64_t v);
uint64_t jit_build_tuple(int64_t n, uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e);
uint64_t jit_build_list(int64_t n, uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e);
void jit_list_append_n(uint64_t list, int64_t n, uint64_t a, uint64_t b, uint64_t c, uint64_t d);
uint64_t jit_list_to_tuple(uint64_t list);
int64_t jit_contains(uint64_t container, uint64_t item);
uint64_t jit_call_python0(uint64_t f);  // f: a Python function (not a generator)
uint64_t jit_call_python1(uint64_t f, uint64_t a);
uint64_t jit_call_python2(uint64_t f, uint64_t a, uint64_t b);
uint64_t jit_call_python3(uint64_t f, uint64_t a, uint64_t b, uint64_t c);
uint64_t jit_call0(uint64_t c);
uint64_t jit_call1(uint64_t c, uint64_t a);
uint64_t jit_call2(uint64_t c, uint64_t a, uint64_t b);
uint64_t jit_call3(uint64_t c, uint64_t a, uint64_t b, uint64_t d);
uint64_t jit_call4(uint64_t c, uint64_t a, uint64_t b, uint64_t d, uint64_t e);
uint64_t jit_call5(uint64_t c, uint64_t a, uint64_t b, uint64_t d, uint64_t e, uint64_t g);
uint64_t jit_getitem(uint64_t container, uint64_t key);                 // 0: raised
uint64_t jit_binary_any(uint64_t a, uint64_t b, int64_t op);            // 0: raised
uint64_t jit_compare_any(uint64_t a, uint64_t b, int64_t cmp);          // 0: raised
int64_t jit_setitem(uint64_t container, uint64_t key, uint64_t value);  // 0: raised
uint64_t jit_get_iter(uint64_t iterable);                               // 0: raised
uint64_t jit_build_slice(uint64_t start, uint64_t stop, uint64_t step);
// The next item, 0 when exhausted, or jit_next_raised() when it raised (parked).
uint64_t jit_next(uint64_t iterator);
uint64_t jit_next_raised();
void jit_list_append(uint64_t list, uint64_t item);
uint64_t jit_format_value(uint64_t v, int64_t flags, uint64_t spec);  // 0: raised
uint64_t jit_build_string(int64_t n, uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e);
// The exception a call from a trace raised (at most one), raised by the exit.
ValueVector& jit_pending_exception();
enum class BoxKind { None, Int, Float, Bool };
// Which box helper the instruction at `r` calls (None if it is not a box).
BoxKind box_kind(const Trace& t, IrRef r);
// Emits a box of `payload` (Int / Dbl / 0-1 bool).
IrRef emit_box(Trace& t, BoxKind kind, IrRef payload);

}  // namespace kestrel::jit
