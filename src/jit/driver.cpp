// The JIT driver (jit.h): the life of a hot loop. JUMP_BACKWARD counts; at
// the threshold the loop is recorded (recorder.cpp), optimized (opt/),
// compiled (x64/) and entered; an exit hands the frame back to the
// interpreter through the guard's snapshot (deopt.cpp). A loop whose
// recording aborts is retried after a back-off that doubles each time, up to
// a cap: never blacklisted forever (docs/jit.md, "Driver").
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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

// Everything the JIT keeps about one loop (code object + header position).
struct Loop {
  Code* code = nullptr;
  uint32_t header = 0;
  uint32_t last_backedge = 0;  // the loop body is [header, last_backedge]
  Dict* globals = nullptr;     // the traces were specialised for these globals
  // Traces for the loop, each specialised to the types seen when it was
  // recorded (a loop whose counter turns into a bignum gets a second one).
  std::vector<std::unique_ptr<CompiledLoop>> variants;
  int aborts = 0;   // consecutive failed attempts (drives the back-off)
  int misfits = 0;  // entries no variant accepted since the last recording
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
void back_off(Loop* loop, int32_t* counter) {
  int shift = loop->aborts < 12 ? loop->aborts : 12;
  int64_t wait = int64_t(jit_options().threshold) << shift;
  if (wait > (1 << 20)) wait = 1 << 20;
  *counter = int32_t(g_jit_threshold - wait);
  loop->aborts++;
}

void record_abort(Loop* loop, const std::string& reason, uint32_t pc, const Code* where = nullptr) {
  JitStats& st = jit_stats();
  st.aborts++;
  st.abort_reasons[reason]++;
  if (FILE* log = log_file())
    std::fprintf(log, "---- abort: %s: %s (loop at %s)\n",
                 location(where ? where : loop->code, pc).c_str(),
                 reason.c_str(), location(loop->code, loop->header).c_str());
}

// Records, optimizes and compiles the loop, adding a variant on success.
// The frame moves either way: the recorder executes the program as it records.
void record_and_compile(Loop* loop, Frame* f, int32_t* counter) {
  JitStats& st = jit_stats();
  auto start = std::chrono::steady_clock::now();
  st.recordings++;
  RecordOutcome outcome =
      record_loop(f, loop->header, loop->last_backedge, jit_options().max_trace_length);
  if (!outcome.closed) {
    record_abort(loop, outcome.abort_reason, outcome.abort_pc, outcome.abort_code);
    back_off(loop, counter);
    st.compile_ns += uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                  std::chrono::steady_clock::now() - start)
                                  .count());
    return;
  }
  auto compiled = std::make_unique<CompiledLoop>();
  compiled->recorded = outcome.trace;
  compiled->ir = std::move(outcome.trace);
  for (Value v : outcome.constants) compiled->roots.vec().push_back(v);
  std::string error = opt::optimize(compiled->ir, jit_options().passes);
  if (error.empty()) {
    compiled->code = x64::compile_trace(compiled->ir, &error);
    if (!compiled->code && error.empty()) error = "backend failed";
  } else {
    error = "optimizer: " + error;
  }
  st.compile_ns += uint64_t(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start)
          .count());
  if (!error.empty()) {
    record_abort(loop, error, loop->header);
    back_off(loop, counter);
    return;
  }
  st.loops_compiled++;
  st.code_bytes += compiled->code->code_size();
  compiled->exit_counts.assign(compiled->ir.snapshots().size(), 0);
  compiled->number = st.loops_compiled;
  if (FILE* log = log_file()) {
    std::fprintf(log, "==== trace %u: loop at %s, pc %u\n", compiled->number,
                 location(loop->code, loop->header).c_str(), loop->header);
    std::fprintf(log, "---- recorded IR\n%s", print_trace(compiled->recorded).c_str());
    std::fprintf(log, "---- optimized IR\n%s", print_trace(compiled->ir).c_str());
    std::fprintf(log, "---- machine code (%zu bytes)\n%s\n", compiled->code->code_size(),
                 compiled->code->disassemble().c_str());
    std::fflush(log);
  }
  compiled->recorded = Trace();  // only needed for the log
  compiled->entry_exit.assign(compiled->ir.snapshots().size(), false);
  for (IrRef r = 0; r < IrRef(compiled->ir.size()); ++r) {
    const IrIns& x = compiled->ir[r];
    if (x.op == IrOp::LOOP || op_has(x.op, kEffect)) break;
    if (x.op == IrOp::GUARD_SMALLINT || x.op == IrOp::GUARD_CLASS)
      compiled->entry_exit[size_t(x.snap)] = true;
  }
  loop->globals = f->globals;
  loop->aborts = 0;
  loop->variants.push_back(std::move(compiled));
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
    record_and_compile(loop, f, counter);
    return true;
  }
  if (f->globals != loop->globals) return false;
  const Instr* header_ip = code->code + header;
  for (auto& variant : loop->variants) {
    uint32_t snap = enter_trace(*variant, f);
    if (!variant->entry_exit[snap] || f->ip != header_ip) return true;
  }
  // No variant fits the values at the header.
  if (loop->variants.size() < kMaxVariants) {
    if (++loop->misfits >= kMisfitsBeforeRecording) {
      loop->misfits = 0;
      record_and_compile(loop, f, counter);
    }
  } else {
    back_off(loop, counter);
  }
  return true;
}

void jit_finish() {
  if (jit_options().stats) print_jit_stats(stderr);
  if (FILE* log = log_file()) std::fclose(log);
}

}  // namespace kestrel::jit
