// Common-subexpression elimination, with heap load forwarding; on a peeled
// loop it also hoists invariant code.
//
// Design (LuaJIT lj_opt_fold.c's CSE chains and lj_opt_mem.c, PyPy
// optimizeopt/pure.py and heap.py). One forward pass keeps two tables:
//   * pure values: (op, type, operands) -> the first instruction computing
//     it. A kPure instruction (CALLP included, keyed by helper and
//     arguments) or a LOADSLOT found in the table is replaced by the earlier
//     one. PHIs are never merged (each is its own loop-carried value).
//     Operands of commutative ops are ordered in the key, so a+b meets b+a.
//   * memory facts: (base, offset, type) -> the value known to be at that
//     address, learnt from a LOAD (load-load) or a STORE/STOREF
//     (store-to-load forwarding). A LOAD that finds a fact is replaced by it.
// Why it is correct:
//   * LOADSLOT reads the entry frame, which traces never write: it behaves
//     as a pure op everywhere.
//   * Loop-invariant code motion falls out of the pure table: the preamble
//     dominates the body, and a body instruction with the same operands as a
//     preamble one computes the same value in every iteration (its operands
//     are the same SSA refs, defined once before LOOP), so the body reuses
//     the preamble's result. The pure table therefore lives across LOOP.
//   * Memory facts do NOT cross LOOP: the body repeats, and a store in
//     iteration k changes what the preamble read. They are reset there.
//   * Aliasing is judged conservatively: a STORE keeps only the facts about
//     the same base ref at a disjoint 8-byte range (two different base refs
//     may hold equal or overlapping addresses). CALL and any other effect
//     forget everything; CALLP (pure by contract) and guards keep facts.
//   * A forwarded value must have the load's type (a STOREF'd double is not
//     the int a LOAD.int reads, even though the bits are the same).
#include <array>
#include <cstdlib>
#include <unordered_map>
#include <vector>

#include "jit/opt/passes.h"
#include "jit/opt/rewrite.h"

namespace kestrel::jit::opt {

namespace {

// ---------------------------------------------------------------------------
// Pure values

struct PureKey {
  IrOp op;
  IrType type;
  IrRef a, b, c;
  const void* helper = nullptr;  // CALLP: the helper and its arguments
  uint8_t nargs = 0;
  std::array<IrRef, kMaxCallArgs> args{};
  friend bool operator==(const PureKey&, const PureKey&) = default;
};

struct PureKeyHash {
  size_t operator()(const PureKey& k) const {
    size_t h = std::hash<const void*>()(k.helper);
    auto mix = [&](uint64_t v) { h = (h ^ v) * 0x100000001b3ull; };
    mix(uint64_t(k.op) << 8 | uint64_t(k.type));
    mix(uint32_t(k.a));
    mix(uint32_t(k.b));
    mix(uint32_t(k.c));
    for (int j = 0; j < k.nargs; ++j) mix(uint32_t(k.args[size_t(j)]));
    return h;
  }
};

PureKey pure_key(const Trace& t, const IrIns& x) {
  PureKey k{x.op, x.type, x.a, x.b, x.c};
  if (op_has(x.op, kComm) && k.a > k.b) std::swap(k.a, k.b);
  if (x.op == IrOp::CALLP) {
    // The call index differs per instruction; what matters is what is called.
    const CallDesc& d = t.calls()[size_t(x.a)];
    k.a = 0;
    k.helper = d.addr;
    k.nargs = d.nargs;
    for (int j = 0; j < d.nargs; ++j) k.args[size_t(j)] = d.args[j];
  }
  return k;
}

// Instructions the pure table may merge.
bool is_mergeable_value(IrOp op) {
  if (op == IrOp::PHI) return false;
  return op_has(op, kPure) || op == IrOp::LOADSLOT;
}

// ---------------------------------------------------------------------------
// Memory facts

class MemoryFacts {
 public:
  // The value known at (base + offset) with type `type`, or kNoRef.
  IrRef find(IrRef base, int32_t offset, IrType type) const {
    for (const Fact& f : facts_)
      if (f.base == base && f.offset == offset && f.type == type) return f.value;
    return kNoRef;
  }
  void learn(IrRef base, int32_t offset, IrType type, IrRef value) {
    facts_.push_back({base, offset, type, value});
  }
  // A store to (base + offset) may change every fact except those about the
  // same base at a non-overlapping 8-byte range.
  void store(IrRef base, int32_t offset, IrType type, IrRef value) {
    std::erase_if(facts_, [&](const Fact& f) {
      bool disjoint = f.base == base && std::abs(int64_t(f.offset) - int64_t(offset)) >= 8;
      return !disjoint;
    });
    learn(base, offset, type, value);
  }
  void forget_all() { facts_.clear(); }

 private:
  struct Fact {
    IrRef base;
    int32_t offset;
    IrType type;
    IrRef value;
  };
  std::vector<Fact> facts_;  // a handful at a time: a linear scan is fine
};

class Cse {
 public:
  explicit Cse(Trace& t) : t_(t), names_(t) {}

  bool run() {
    for (IrRef r = 0; r < IrRef(t_.size()); ++r) {
      if (t_[r].op == IrOp::PHI) continue;  // back edges are renamed at the end
      names_.rename_operands(t_, r);
      visit(r);
    }
    names_.apply(t_);
    return names_.changed();
  }

 private:
  void visit(IrRef r) {
    const IrIns& x = t_[r];
    switch (x.op) {
      case IrOp::LOOP:
        memory_.forget_all();
        return;
      case IrOp::LOAD:
        visit_load(r);
        return;
      case IrOp::STORE:
      case IrOp::STOREF:
        memory_.store(x.a, x.b, t_.type_of(x.c), x.c);
        return;
      default:
        break;
    }
    if (is_mergeable_value(x.op)) {
      auto [it, inserted] = pure_.try_emplace(pure_key(t_, x), r);
      if (!inserted) replace(r, it->second);
    } else if (op_has(x.op, kEffect)) {
      memory_.forget_all();  // CALL, and any effect added later
    }
  }

  void visit_load(IrRef r) {
    const IrIns& x = t_[r];
    IrRef known = memory_.find(x.a, x.b, x.type);
    if (known != kNoRef) {
      replace(r, known);
    } else {
      memory_.learn(x.a, x.b, x.type, r);
    }
  }

  void replace(IrRef r, IrRef by) {
    names_.replace(r, by);
    make_nop(t_, r);
  }

  Trace& t_;
  RefRenaming names_;
  std::unordered_map<PureKey, IrRef, PureKeyHash> pure_;
  MemoryFacts memory_;
};

}  // namespace

bool eliminate_common_subexpressions(Trace& t) { return Cse(t).run(); }

}  // namespace kestrel::jit::opt
