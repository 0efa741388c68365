// The JIT driver (jit.h): the life of a hot loop. JUMP_BACKWARD counts; at
// the threshold the loop is recorded (recorder.cpp), optimized (opt/),
// compiled (x64/) and entered; an exit hands the frame back to the
// interpreter through the guard's snapshot (deopt.cpp). A loop whose
// recording aborts is retried after a back-off that doubles each time, up to
// a cap: never blacklisted forever (docs/jit.md, "Driver").
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <memory>
#include <unordered_map>

#include "bytecode/opcodes.h"
#include "jit/deopt.h"
#include "jit/jit.h"
#include "jit/recorder.h"
#include "jit/stats.h"
#include "jit/x64/backend.h"
#include "runtime/gc.h"
#include "runtime/str.h"

namespace kestrel::jit {

int32_t g_jit_threshold = 1000;

JitOptions& jit_options() {
  static JitOptions options;
  return options;
}

void jit_configure() {
  JitOptions& o = jit_options();
  const char* env = std::getenv("KESTREL_JIT");
  if (env && (std::strcmp(env, "off") == 0 || std::strcmp(env, "0") == 0)) o.enabled = false;
  if (o.threshold < 1) o.threshold = 1;
  g_jit_threshold = o.enabled ? o.threshold : INT32_MAX;
}

namespace {

// Compile time is CPU time (this thread's), compared with the process's CPU
// time: a loaded machine slows both alike.
uint64_t clock_ns(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return uint64_t(ts.tv_sec) * 1'000'000'000u + uint64_t(ts.tv_nsec);
}
uint64_t thread_cpu_ns() { return clock_ns(CLOCK_THREAD_CPUTIME_ID); }
uint64_t elapsed_ns(uint64_t start) { return thread_cpu_ns() - start; }

// The compile-time budget: recording and compiling may take at most
// --jit-compile-budget percent of the run so far (5 by default), plus 10 ms
// to get going (writing --jit-log does not count). Megamorphic code asks for
// trace after bridge after trace; over budget, recordings wait (they are
// asked for again later), so the JIT never costs more than it can win back.
// 0 turns the budget off.
bool over_compile_budget() {
  int64_t percent = jit_options().compile_budget;
  if (percent <= 0) return false;
  uint64_t run_ns = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
  const JitStats& st = jit_stats();
  return st.compile_ns - st.log_ns > run_ns / 100 * uint64_t(percent) + 10'000'000;
}

// Everything the JIT keeps about one loop (code object + header position).
struct Loop {
  Code* code = nullptr;
  uint32_t header = 0;
  uint32_t last_backedge = 0;  // the loop body is [header, last_backedge]
  Dict* globals = nullptr;     // the traces were specialised for these globals
  // Traces for the loop, each specialised to the types seen when it was
  // recorded (a loop whose counter turns into a bignum gets a second one).
  std::vector<std::unique_ptr<CompiledLoop>> variants;
  int aborts = 0;          // consecutive failed attempts (drives the back-off)
  int misfits = 0;         // entries no variant accepted since the last recording
  int unprofitable = 0;    // consecutive windows of entries that left in the first iteration
  int ended_at_start = 0;  // recordings that found the loop done at once (see record_and_compile)
};

std::map<std::pair<const Code*, uint32_t>, std::unique_ptr<Loop>>& loops() {
  static std::map<std::pair<const Code*, uint32_t>, std::unique_ptr<Loop>> table;
  return table;
}

Loop* find_loop(Code* code, uint32_t header) {
  auto& slot = loops()[{code, header}];
  if (!slot) {
    // The table is keyed by address: keep the code object alive so that a
    // new code object can never reuse the address of one with a trace.
    static ValueVector codes;
    codes.vec().push_back(Value(code));
    slot = std::make_unique<Loop>();
    slot->code = code;
    slot->header = header;
    // `continue` adds back-edges; the body ends at the last one.
    for (uint32_t pc = header; pc < code->ninstrs; ++pc) {
      Instr in = code->code[pc];
      if (in.op() == Op::JUMP_BACKWARD && in.arg() == header) slot->last_backedge = pc;
    }
  }
  return slot.get();
}

constexpr uint32_t kFunctionEntry = UINT32_MAX;

// Aborts whose cause is the code's shape, not its values (a loop on a
// function trace's path, a bridge that leads out of the loop's function),
// back off 2**4 times longer.
constexpr int kStructuralBackOff = 4;  // record_abort's "header" of a function trace

int line_at(const Code* code, uint32_t pc) {
  const auto& pos = (*code->proto)->positions;
  return pc < pos.size() ? pos[pc].line : int(code->first_line);
}

std::string location(const Code* code, uint32_t pc) {
  return str_to_utf8(code->filename) + ":" + std::to_string(line_at(code, pc)) + " (" +
         str_to_utf8(code->name) + ")";
}

FILE* log_file() {
  static FILE* file = nullptr;
  static bool opened = false;
  if (!opened) {
    opened = true;
    const std::string& path = jit_options().log_path;
    if (!path.empty()) file = std::fopen(path.c_str(), "w");
  }
  return file;
}

// Back-off after a failed attempt: wait threshold * 2**aborts more
// iterations (capped), so a loop that aborts for a transient reason (an
// exception on the first iteration, a type that settles later) is retried.
void back_off(int* aborts, int32_t* counter) {
  int shift = *aborts < 12 ? *aborts : 12;
  int64_t wait = int64_t(jit_options().threshold) << shift;
  if (wait > (1 << 20)) wait = 1 << 20;
  *counter = int32_t(g_jit_threshold - wait);
  ++*aborts;
}

// `code`/`header`: the trace's loop header or function; `pc` in `where`
// (an inlined callee, else `code`): where recording gave up.
void record_abort(const Code* code, uint32_t header, const std::string& reason, uint32_t pc,
                  const Code* where = nullptr) {
  JitStats& st = jit_stats();
  st.aborts++;
  st.abort_reasons[reason]++;
  if (FILE* log = log_file())
    std::fprintf(log, "---- abort: %s: %s (%s at %s)\n", location(where ? where : code, pc).c_str(),
                 reason.c_str(), header == kFunctionEntry ? "function" : "loop",
                 location(code, header == kFunctionEntry ? 0 : header).c_str());
}

// Exits after which a bridge may be recorded (docs/jit.md, "Bridges").
uint32_t bridge_threshold() {
  const JitOptions& o = jit_options();
  return uint32_t(std::max(1, std::min(o.threshold, o.bridge_threshold)));
}

// Optimizes and compiles a recorded trace; on failure returns null with
// the reason in *error. `what` names the trace in the log. A bridge is
// compiled for its parent's frame and registers (`bridge`), and belongs to
// the parent's tree.
std::unique_ptr<CompiledLoop> compile(RecordOutcome& outcome, const std::string& what,
                                      std::string* error, bool function,
                                      const x64::BridgeInfo* bridge = nullptr,
                                      CompiledLoop* parent = nullptr) {
  JitStats& st = jit_stats();
  auto compiled = std::make_unique<CompiledLoop>();
  compiled->function = function;
  if (parent) {
    compiled->root = parent->root;
    compiled->header = parent->header;
    compiled->backedge = parent->backedge;
    compiled->entry_depth = parent->entry_depth;
  }
  compiled->recorded = outcome.trace;
  compiled->ir = std::move(outcome.trace);
  for (Value v : outcome.constants) compiled->roots.vec().push_back(v);
  const auto* link = static_cast<const CompiledLoop*>(outcome.link);
  *error = opt::optimize(compiled->ir, jit_options().passes);
  if (error->empty()) {
    compiled->code = x64::compile_trace(compiled->ir, error,
                                        uint64_t(reinterpret_cast<uintptr_t>(compiled.get())),
                                        bridge, link ? link->code.get() : nullptr);
    if (!compiled->code && error->empty()) *error = "backend failed";
  } else {
    *error = "optimizer: " + *error;
  }
  if (!error->empty()) return nullptr;
  st.code_bytes += compiled->code->code_size();
  const Trace& t = compiled->ir;
  const size_t nsnaps = t.snapshots().size();
  compiled->exit_counts.assign(nsnaps, 0);
  compiled->number = uint32_t(st.loops_compiled + st.functions_compiled + st.bridges_compiled + 1);
  // Exits that never get a bridge: a guard on a helper's result fails only
  // when the helper raised, after its effects (the exit raises; a bridge
  // would run the call again), and a function trace's return.
  compiled->bridge_at.assign(nsnaps, jit_options().bridges ? bridge_threshold() : UINT32_MAX);
  for (IrRef r = 0; r < IrRef(t.size()); ++r) {
    const IrIns& x = t[r];
    if (!is_guard(x.op)) continue;
    bool on_call =
        !is_const(x.a) && x.a >= 0 && (t[x.a].op == IrOp::CALL || t[x.a].op == IrOp::CALLP);
    bool raised = on_call && (x.op == IrOp::GUARD_NE || x.op == IrOp::GUARD_EQ);
    // (jit_next's other guards exit after FOR_ITER: those may get bridges.)
    if (on_call && t.calls()[size_t(t[x.a].a)].addr == reinterpret_cast<const void*>(&jit_next))
      raised = x.op == IrOp::GUARD_NE && is_const(x.b) && t.constant(x.b).bits == jit_next_raised();
    if (x.op == IrOp::EXIT || raised) compiled->bridge_at[size_t(x.snap)] = UINT32_MAX;
    for (const SnapEntry& e : t.snapshots().entries(uint32_t(x.snap)))
      if (e.kind == SnapKind::Virtual) compiled->bridge_at[size_t(x.snap)] = UINT32_MAX;
  }
  // A function trace (or bridge) ends with the EXIT of its RETURN_VALUE:
  // the result is the top of the root frame's stack (the recorder wrote it,
  // so the final snapshot lists it).
  if (compiled->function && t[IrRef(t.size() - 1)].op == IrOp::EXIT) {
    uint32_t snap = uint32_t(t[IrRef(t.size() - 1)].snap);
    const SnapFrame& frame = t.snapshots().frames(snap)[0];
    uint32_t top = static_cast<const Code*>(frame.code)->nlocalsplus + frame.depth - 1;
    for (const SnapEntry& e : t.snapshots().entries(snap))
      if (e.frame == 0 && e.slot == top) {
        compiled->return_value = e;
        compiled->return_snap = int32_t(snap);
        if (!is_const(e.ref))
          compiled->return_loc = compiled->code->allocation().loc[size_t(e.ref)];
      }
  }
  if (FILE* log = log_file()) {
    uint64_t log_start = thread_cpu_ns();
    std::string links = link ? ", links to trace " + std::to_string(link->number) : "";
    std::fprintf(log, "==== trace %u: %s%s\n", compiled->number, what.c_str(), links.c_str());
    std::fprintf(log, "---- recorded IR\n%s", print_trace(compiled->recorded).c_str());
    std::fprintf(log, "---- optimized IR\n%s", print_trace(compiled->ir).c_str());
    std::fprintf(log, "---- machine code (%zu bytes)\n%s\n", compiled->code->code_size(),
                 compiled->code->disassemble().c_str());
    std::fflush(log);
    st.log_ns += elapsed_ns(log_start);
  }
  compiled->recorded = Trace();  // only needed for the log
  // (A trace that ends with LINK has no preamble: it is all one pass.)
  compiled->preamble_exit.assign(compiled->ir.snapshots().size(), false);
  for (IrRef r = 0; t.loop_ref() >= 0 && r < t.loop_ref(); ++r)
    if (is_guard(t[r].op)) compiled->preamble_exit[size_t(t[r].snap)] = true;
  // A loop's entry exits are for the driver's variants, not for bridges (a
  // function trace's get bridges: a call with other argument types).
  compiled->entry_exit.assign(compiled->ir.snapshots().size(), false);
  for (IrRef r = 0; !bridge && r < IrRef(t.size()); ++r) {
    const IrIns& x = t[r];
    if (x.op == IrOp::LOOP || op_has(x.op, kEffect)) break;
    if (x.op == IrOp::GUARD_SMALLINT || x.op == IrOp::GUARD_CLASS) {
      compiled->entry_exit[size_t(x.snap)] = true;
      if (!function) compiled->bridge_at[size_t(x.snap)] = UINT32_MAX;
    }
  }
  return compiled;
}

// Records, optimizes and compiles the loop, adding a variant on success.
// The frame moves either way: the recorder executes the program as it records.
void record_and_compile(Loop* loop, Frame* f, int32_t* counter) {
  JitStats& st = jit_stats();
  uint64_t start = thread_cpu_ns();
  st.recordings++;
  const uint32_t entry_depth = uint32_t(f->sp - f->stack_base());
  RecordOutcome outcome =
      record_loop(f, loop->header, loop->last_backedge, jit_options().max_trace_length);
  if (!outcome.closed) {
    record_abort(loop->code, loop->header, outcome.abort_reason, outcome.abort_pc,
                 outcome.abort_code);
    // A loop found done at the header: record again at the next back edge
    // (another run's first iterations), a few times before backing off.
    if (outcome.at_loop_end && ++loop->ended_at_start <= 16)
      *counter = g_jit_threshold - 1;
    else
      back_off(&loop->aborts, counter);
    st.compile_ns += elapsed_ns(start);
    return;
  }
  loop->ended_at_start = 0;
  std::string error;
  auto compiled = compile(
      outcome,
      "loop at " + location(loop->code, loop->header) + ", pc " + std::to_string(loop->header),
      &error, false);
  st.compile_ns += elapsed_ns(start);
  if (!compiled) {
    record_abort(loop->code, loop->header, error, loop->header);
    back_off(&loop->aborts, counter);
    return;
  }
  compiled->header = loop->header;
  compiled->backedge = loop->last_backedge;
  compiled->entry_depth = entry_depth;
  st.loops_compiled++;
  loop->globals = f->globals;
  loop->aborts = 0;
  loop->variants.push_back(std::move(compiled));
}

// Without bridges, a trace whose entries nearly all leave during its first
// iteration (a branch that goes the other way, another class) costs an entry
// and an exit for less than one iteration: slower than the interpreter. Per
// window of entries, if 9 in 10 left in the preamble, the loop backs off
// (interpreted for a while, then entered again: never blacklisted).
constexpr uint32_t kProfitWindow = 500;

void note_profit(Loop* loop, CompiledLoop& trace, uint32_t snap, int32_t* counter) {
  trace.window_entries++;
  if (trace.preamble_exit[snap]) trace.window_early++;
  if (trace.window_entries < kProfitWindow) return;
  if (trace.window_early * 10 >= trace.window_entries * 9) {
    jit_stats().unprofitable++;
    back_off(&loop->unprofitable, counter);
  } else {
    loop->unprofitable = 0;
  }
  trace.window_entries = trace.window_early = 0;
}

// Variants per loop, and how many entries no variant accepts before another
// is recorded: a loop whose types changed for good gets a new trace quickly,
// a megamorphic one stops growing and falls back to the interpreter.
constexpr size_t kMaxVariants = 4;
constexpr int kMisfitsBeforeRecording = 3;

}  // namespace

bool on_hot_loop(Frame* f, InlineCache* cache, uint32_t backedge_pc) {
  Code* code = f->code;
  uint32_t header = code->code[backedge_pc].arg();
  auto* loop = reinterpret_cast<Loop*>(cache->key1);
  if (!loop) {
    loop = find_loop(code, header);
    cache->key1 = reinterpret_cast<uint64_t>(loop);
  }
  int32_t* counter = &cache->counter;
  if (loop->variants.empty()) {
    if (over_compile_budget()) {
      *counter = 0;  // asks again after another `threshold` iterations
      return false;
    }
    record_and_compile(loop, f, counter);
    return true;
  }
  if (f->globals != loop->globals) return false;
  const Instr* header_ip = code->code + header;
  for (auto& variant : loop->variants) {
    TraceExit exit = enter_trace(*variant, f);
    bool root_exit = exit.trace == variant.get();
    if (root_exit && variant->entry_exit[exit.snap] && f->ip == header_ip) continue;
    if (root_exit) note_profit(loop, *variant, exit.snap, counter);
    maybe_record_bridge(*exit.trace, exit.snap);
    return true;
  }
  // No variant fits the values at the header.
  if (loop->variants.size() < kMaxVariants) {
    if (++loop->misfits >= kMisfitsBeforeRecording && !over_compile_budget()) {
      loop->misfits = 0;
      record_and_compile(loop, f, counter);
    }
  } else {
    back_off(&loop->aborts, counter);
  }
  return true;
}

namespace {

// Function traces: at most one live trace per code object; a function whose
// calls keep missing its trace's entry types gets it re-recorded, a few times.
struct FunctionInfo {
  int aborts = 0;
  int recordings = 0;
  std::vector<std::unique_ptr<CompiledLoop>> traces;  // the live one last
};
constexpr int kMaxFunctionRecordings = 4;

std::unordered_map<const Code*, FunctionInfo>& functions() {
  static std::unordered_map<const Code*, FunctionInfo> table;
  return table;
}

bool can_trace_function(const Frame* f) {
  const Code* co = f->code;
  if (!f->func || (co->flags & (kCoGenerator | kCoVarargs | kCoVarkeywords)) || co->kwonlyargcount)
    return false;
  Op first = co->ninstrs ? co->code[0].op() : Op::NOP;
  return first != Op::MAKE_CELL && first != Op::COPY_FREE_VARS;
}

}  // namespace

void on_hot_function(Frame* f) {
  Code* co = f->code;
  if (!jit_options().enabled || !jit_options().functions) {
    co->jit_calls = INT32_MIN;  // (only counts up again after 2**32 calls)
    return;
  }
  // Not while another trace is being recorded (its concrete execution may
  // call this function), and only for plain positional parameters.
  if (recording() || !can_trace_function(f)) {
    co->jit_calls = INT32_MIN;
    return;
  }
  auto [it, fresh] = functions().try_emplace(co);
  FunctionInfo& info = it->second;
  if (fresh) {
    static ValueVector codes;  // the table is keyed by address: keep the code alive
    codes.vec().push_back(Value(co));
  }
  if (info.recordings >= kMaxFunctionRecordings) {
    co->jit_calls = INT32_MIN;
    return;
  }
  if (over_compile_budget()) {
    co->jit_calls = 0;  // asks again after another `threshold` calls
    return;
  }
  JitStats& st = jit_stats();
  uint64_t start = thread_cpu_ns();
  st.recordings++;
  info.recordings++;
  RecordOutcome outcome = record_function(f, jit_options().max_trace_length);
  if (!outcome.closed) {
    record_abort(co, kFunctionEntry, outcome.abort_reason, outcome.abort_pc, outcome.abort_code);
    info.recordings--;
    // A loop on the call's path will abort every recording the same way
    // (the loop gets its own trace): wait much longer before the next try.
    if (outcome.abort_reason == "loop in a function trace") info.aborts += kStructuralBackOff;
    back_off(&info.aborts, &co->jit_calls);
    st.compile_ns += elapsed_ns(start);
    return;
  }
  std::string error;
  auto compiled = compile(outcome, "function " + location(co, 0), &error, true);
  if (compiled) compiled->backedge = co->ninstrs;  // (bridges end at the return)
  st.compile_ns += elapsed_ns(start);
  if (!compiled) {
    record_abort(co, kFunctionEntry, error, 0);
    back_off(&info.aborts, &co->jit_calls);
    return;
  }
  st.functions_compiled++;
  info.aborts = 0;
  co->jit_function = compiled.get();
  info.traces.push_back(std::move(compiled));
}

const void* linkable_loop(const Code* code, uint32_t pc, const Dict* globals) {
  auto it = loops().find({code, pc});
  if (it == loops().end() || it->second->variants.empty() || it->second->globals != globals)
    return nullptr;
  return it->second->variants.front().get();
}

namespace {

constexpr size_t kMaxBridgesPerTree = 16;

// The parent's snapshot as the bridge's starting values: constants stay
// constants (a compare fused into its guard has a known value there), the
// rest become INPUTs read from the parent's registers and spill slots.
bool bridge_start(const CompiledLoop& parent, uint32_t snap, x64::BridgeInfo* info,
                  BridgeStart* start) {
  const Trace& t = parent.ir;
  const x64::Allocation& al = parent.code->allocation();
  auto frames = t.snapshots().frames(snap);
  start->frames.assign(frames.begin(), frames.end());
  std::unordered_map<IrRef, uint32_t> input_of;
  for (const SnapEntry& e : t.snapshots().entries(snap)) {
    if (e.kind == SnapKind::Virtual) return false;
    BridgeValue v{};
    v.frame = e.frame;
    v.slot = e.slot;
    v.type = t.type_of(e.ref);
    v.rep = e.kind == SnapKind::Bool ? Rep::Bool
            : v.type == IrType::Int  ? Rep::Int
            : v.type == IrType::Dbl  ? Rep::Dbl
                                     : Rep::Ref;
    if (is_const(e.ref)) {
      v.is_const = true;
      v.bits = t.constant(e.ref).bits;
    } else {
      const x64::Loc& l = al.loc[size_t(e.ref)];
      if (l.kind == x64::LocKind::Known) {
        v.is_const = true;
        v.bits = l.index;
      } else if (l.kind == x64::LocKind::None) {
        return false;
      } else {
        auto [it, fresh] = input_of.try_emplace(e.ref, uint32_t(info->inputs.size()));
        if (fresh) {
          info->inputs.push_back(l);
          start->input_types.push_back(v.type);
        }
        v.input = it->second;
      }
    }
    start->values.push_back(v);
  }
  const CompiledLoop& root = *parent.root;
  start->function = root.function;
  start->header = root.header;
  start->backedge = root.backedge;
  start->entry_depth = root.entry_depth;
  info->parent = parent.code.get();
  info->root = root.code.get();
  return true;
}

}  // namespace

bool maybe_record_bridge(CompiledLoop& exited, uint32_t snap) {
  if (exited.exit_counts[snap] < exited.bridge_at[snap]) return false;
  CompiledLoop& root = *exited.root;
  // Not while another trace records (its concrete execution ran this one),
  // nor over the compile-time budget (asked again at the next exit).
  if (recording() || over_compile_budget()) return false;
  exited.bridge_at[snap] = UINT32_MAX;
  if (root.bridges.size() >= kMaxBridgesPerTree) return false;
  x64::BridgeInfo info;
  BridgeStart start;
  if (!bridge_start(exited, snap, &info, &start)) return false;
  JitStats& st = jit_stats();
  uint64_t begin = thread_cpu_ns();
  st.recordings++;
  const SnapFrame& top = start.frames.back();
  const Code* where = static_cast<const Code*>(top.code);
  auto give_up = [&](const std::string& reason, uint32_t pc, const Code* code) {
    record_abort(code, top.pc, "bridge: " + reason, pc, code);
    // Tried again later, after more exits (never blacklisted); much later
    // when the exit leads out of the loop's function (every try would end so).
    int shift = std::min(root.bridge_failures++, 12);
    if (reason == "return from the loop's function")
      shift = std::min(shift + kStructuralBackOff, 16);
    exited.bridge_at[snap] = exited.exit_counts[snap] + (bridge_threshold() << shift);
  };
  RecordOutcome outcome;
  try {
    outcome = record_bridge(start, jit_options().max_trace_length);
  } catch (...) {
    give_up("exception while recording", top.pc, where);
    st.compile_ns += elapsed_ns(begin);
    throw;
  }
  if (!outcome.closed) {
    give_up(outcome.abort_reason, outcome.abort_pc,
            outcome.abort_code ? outcome.abort_code : where);
    st.compile_ns += elapsed_ns(begin);
    return true;
  }
  std::string error;
  std::string what = "bridge from trace " + std::to_string(exited.number) + " exit " +
                     std::to_string(snap) + " at " + location(where, top.pc);
  auto bridge = compile(outcome, what, &error, root.function, &info, &exited);
  if (bridge && !exited.code->patch_exit(snap, bridge->code->code())) {
    error = "bridge out of jump range";
    bridge = nullptr;
  }
  st.compile_ns += elapsed_ns(begin);
  if (!bridge) {
    give_up(error, top.pc, where);
    return true;
  }
  st.bridges_compiled++;
  root.bridges.push_back(std::move(bridge));
  return true;
}

void function_trace_misfits(Code* co) {
  // Calls often leave the trace early (other types, the other branch): drop
  // it; the counter records another one later (a few times at most).
  co->jit_function = nullptr;
  FunctionInfo& info = functions()[co];
  back_off(&info.aborts, &co->jit_calls);
}

namespace {

// --jit-log's closing summary: how often each trace ran and where it left,
// the hottest exits first (a hot exit is where a bridge would go).
void log_exit_profile(FILE* log, const CompiledLoop& t, const std::string& what) {
  uint64_t total = 0;
  std::vector<std::pair<uint32_t, uint32_t>> exits;  // (count, snapshot)
  for (size_t s = 0; s < t.exit_counts.size(); ++s)
    if (t.exit_counts[s]) {
      total += t.exit_counts[s];
      exits.push_back({t.exit_counts[s], uint32_t(s)});
    }
  std::sort(exits.rbegin(), exits.rend());
  std::fprintf(log, "trace %u (%s): %llu exits\n", t.number, what.c_str(),
               static_cast<unsigned long long>(total));
  for (size_t i = 0; i < exits.size() && i < 3; ++i) {
    auto frames = t.ir.snapshots().frames(exits[i].second);
    const SnapFrame& top = frames[frames.size() - 1];
    std::fprintf(log, "  snap %u: %u exits at %s\n", exits[i].second, exits[i].first,
                 location(static_cast<const Code*>(top.code), top.pc).c_str());
  }
}

}  // namespace

void jit_finish() {
  if (jit_options().stats) print_jit_stats(stderr);
  if (FILE* log = log_file()) {
    std::fprintf(log, "==== exit profile\n");
    auto tree = [&](const CompiledLoop& t, const std::string& what) {
      log_exit_profile(log, t, what);
      for (auto& b : t.bridges) log_exit_profile(log, *b, "bridge of " + what);
    };
    for (auto& [key, loop] : loops())
      for (auto& v : loop->variants) tree(*v, "loop at " + location(loop->code, loop->header));
    for (auto& [code, info] : functions())
      for (auto& v : info.traces) tree(*v, "function " + location(code, 0));
    std::fclose(log);
  }
}

}  // namespace kestrel::jit
