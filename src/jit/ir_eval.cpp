// The reference IR evaluator (see ir_eval.h). Deliberately simple: a switch
// over every op (-Wswitch, on with -Wall, reports an op of ir.def missing
// here) computing on uint64_t bit patterns, with C++ doing the arithmetic:
// doubles use plain `a + b` etc., which is what the backend must match bit
// for bit (the build uses -ffp-contract=off, so no FMA).
#include "jit/ir_eval.h"

#include <bit>
#include <cstring>

#include "runtime/value.h"

namespace kestrel::jit {

namespace {

inline double as_dbl(uint64_t b) { return std::bit_cast<double>(b); }
inline uint64_t from_dbl(double d) { return std::bit_cast<uint64_t>(d); }

// cvttsd2si: NaN and out-of-range values give the "integer indefinite" INT64_MIN.
inline int64_t truncate_to_i64(double d) {
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return INT64_MIN;
  return int64_t(d);
}

}  // namespace

uint64_t call_helper(const void* addr, IrType ret, const uint64_t* args, const IrType* types,
                     int n) {
  // System V assigns int and double arguments to separate register sequences,
  // so calling through a prototype with 6 int and 8 double parameters passes
  // each argument in the register the real prototype expects; unused
  // registers carry garbage the callee never reads. (Formally undefined in
  // C++, well-defined at the ABI level we are testing.)
  uint64_t g[6] = {};
  double x[8] = {};
  int ng = 0, nx = 0;
  for (int i = 0; i < n; ++i) {
    if (types[i] == IrType::Dbl)
      x[nx++] = as_dbl(args[i]);
    else
      g[ng++] = args[i];
  }
  if (ret == IrType::Dbl) {
    using Fn = double (*)(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, double,
                          double, double, double, double, double, double, double);
    auto f = reinterpret_cast<Fn>(const_cast<void*>(addr));
    return from_dbl(
        f(g[0], g[1], g[2], g[3], g[4], g[5], x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]));
  }
  using Fn = uint64_t (*)(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, double,
                          double, double, double, double, double, double, double);
  auto f = reinterpret_cast<Fn>(const_cast<void*>(addr));
  uint64_t r =
      f(g[0], g[1], g[2], g[3], g[4], g[5], x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]);
  return ret == IrType::Void ? 0 : r;
}

uint64_t eval_value(const Trace& t, const EvalResult& r, IrRef ref) {
  if (is_const(ref)) return t.constant(ref).bits;
  return r.ref_values[size_t(ref)];
}

EvalResult evaluate(const Trace& t, const uint64_t* slots, const EvalOptions& opts) {
  EvalResult res;
  const auto& ins = t.instructions();
  std::vector<uint64_t>& v = res.ref_values;
  v.assign(ins.size(), 0);
  auto val = [&](IrRef r) -> uint64_t { return is_const(r) ? t.constant(r).bits : v[size_t(r)]; };
  auto ival = [&](IrRef r) { return int64_t(val(r)); };
  auto dval = [&](IrRef r) { return as_dbl(val(r)); };

  const IrRef loop = t.loop_ref();
  IrRef body = loop + 1;  // first instruction after the PHIs
  if (loop >= 0)
    while (size_t(body) < ins.size() &&
           (ins[size_t(body)].op == IrOp::PHI || ins[size_t(body)].op == IrOp::NOP))
      ++body;
  std::vector<uint64_t> phi_tmp;

  auto exit_at = [&](IrRef r) {
    res.kind = EvalResult::Kind::Exit;
    res.at = r;
    res.snap = uint32_t(ins[size_t(r)].snap);
    for (const SnapEntry& e : t.snapshots().entries(res.snap))
      res.entry_values.push_back(e.kind == SnapKind::Virtual ? 0 : val(e.ref));
    return res;
  };

  size_t i = 0;
  while (i < ins.size()) {
    const IrIns& x = ins[i];
    IrRef r = IrRef(i);
    uint64_t out = 0;
    bool fail = false;  // guard condition false: exit
    switch (x.op) {
      case IrOp::NOP:
      case IrOp::LOOP:
        break;
      case IrOp::PHI:
        out = val(x.a);
        break;  // first entry; JUMP assigns later values
      case IrOp::JUMP: {
        if (++res.iterations > opts.max_iterations) {
          res.kind = EvalResult::Kind::IterationLimit;
          return res;
        }
        // All PHIs take their back-edge values at once (a parallel assignment).
        phi_tmp.clear();
        for (IrRef p = loop + 1; p < body; ++p)
          phi_tmp.push_back(ins[size_t(p)].op == IrOp::PHI ? val(ins[size_t(p)].b) : 0);
        for (IrRef p = loop + 1; p < body; ++p)
          if (ins[size_t(p)].op == IrOp::PHI) v[size_t(p)] = phi_tmp[size_t(p - loop - 1)];
        i = size_t(body);
        continue;
      }
      case IrOp::EXIT:
        return exit_at(r);
      case IrOp::LINK:
        res.kind = EvalResult::Kind::Link;
        res.at = r;
        return res;
      case IrOp::LOADSLOT:
        out = slots[x.a];
        break;
      case IrOp::INPUT:
        if (size_t(x.a) >= opts.inputs.size()) {
          res.error = "INPUT " + std::to_string(x.a) + " without a value";
          return res;
        }
        out = opts.inputs[size_t(x.a)];
        break;
      case IrOp::STORESLOT:
        res.slot_stores.push_back({x.a, val(x.b)});
        break;
      case IrOp::UNTAG:
        out = uint64_t(ival(x.a) >> 1);
        break;
      case IrOp::TAG:
        out = (val(x.a) << 1) | 1;
        break;
      case IrOp::TAGOV:
        fail = !Value::fits_small(ival(x.a));
        out = (val(x.a) << 1) | 1;
        break;
      case IrOp::GUARD_SMALLINT:
        fail = (val(x.a) & 1) == 0;
        break;
      case IrOp::GUARD_CLASS: {
        uint64_t p = val(x.a);
        if ((p & 1) != 0 || p == 0) {
          fail = true;
        } else {
          uint64_t cls;
          std::memcpy(&cls, reinterpret_cast<const void*>(p), 8);
          fail = cls != val(x.b);
        }
        break;
      }
      case IrOp::GUARD_TRUE:
        fail = val(x.a) == 0;
        break;
      case IrOp::GUARD_FALSE:
        fail = val(x.a) != 0;
        break;
      case IrOp::GUARD_EQ:
        fail = val(x.a) != val(x.b);
        break;
      case IrOp::GUARD_NE:
        fail = val(x.a) == val(x.b);
        break;
      case IrOp::ADD:
      case IrOp::ADDR:
        out = val(x.a) + val(x.b);
        break;
      case IrOp::SUB:
        out = val(x.a) - val(x.b);
        break;
      case IrOp::MUL:
        out = val(x.a) * val(x.b);
        break;
      case IrOp::ADDOV: {
        int64_t o;
        fail = __builtin_add_overflow(ival(x.a), ival(x.b), &o);
        out = uint64_t(o);
        break;
      }
      case IrOp::SUBOV: {
        int64_t o;
        fail = __builtin_sub_overflow(ival(x.a), ival(x.b), &o);
        out = uint64_t(o);
        break;
      }
      case IrOp::MULOV: {
        int64_t o;
        fail = __builtin_mul_overflow(ival(x.a), ival(x.b), &o);
        out = uint64_t(o);
        break;
      }
      case IrOp::AND:
        out = val(x.a) & val(x.b);
        break;
      case IrOp::OR:
        out = val(x.a) | val(x.b);
        break;
      case IrOp::XOR:
        out = val(x.a) ^ val(x.b);
        break;
      case IrOp::SHL:
        out = val(x.a) << (val(x.b) & 63);
        break;
      case IrOp::SAR:
        out = uint64_t(ival(x.a) >> (val(x.b) & 63));
        break;
      case IrOp::SHR:
        out = val(x.a) >> (val(x.b) & 63);
        break;
      case IrOp::NEG:
        out = 0 - val(x.a);
        break;
      case IrOp::NOT:
        out = ~val(x.a);
        break;
      case IrOp::LT:
        out = ival(x.a) < ival(x.b);
        break;
      case IrOp::LE:
        out = ival(x.a) <= ival(x.b);
        break;
      case IrOp::EQ:
        out = val(x.a) == val(x.b);
        break;
      case IrOp::NE:
        out = val(x.a) != val(x.b);
        break;
      case IrOp::GT:
        out = ival(x.a) > ival(x.b);
        break;
      case IrOp::GE:
        out = ival(x.a) >= ival(x.b);
        break;
      case IrOp::ULT:
        out = val(x.a) < val(x.b);
        break;
      case IrOp::FADD:
        out = from_dbl(dval(x.a) + dval(x.b));
        break;
      case IrOp::FSUB:
        out = from_dbl(dval(x.a) - dval(x.b));
        break;
      case IrOp::FMUL:
        out = from_dbl(dval(x.a) * dval(x.b));
        break;
      case IrOp::FDIV:
        out = from_dbl(dval(x.a) / dval(x.b));
        break;
      case IrOp::FNEG:
        out = val(x.a) ^ (uint64_t(1) << 63);
        break;
      case IrOp::FLT:
        out = dval(x.a) < dval(x.b);
        break;
      case IrOp::FLE:
        out = dval(x.a) <= dval(x.b);
        break;
      case IrOp::FEQ:
        out = dval(x.a) == dval(x.b);
        break;
      case IrOp::FNE:
        out = dval(x.a) != dval(x.b);
        break;
      case IrOp::FGT:
        out = dval(x.a) > dval(x.b);
        break;
      case IrOp::FGE:
        out = dval(x.a) >= dval(x.b);
        break;
      case IrOp::I2D:
        out = from_dbl(double(ival(x.a)));
        break;
      case IrOp::D2I:
        out = uint64_t(truncate_to_i64(dval(x.a)));
        break;
      case IrOp::DBITS:
      case IrOp::BITSD:
        out = val(x.a);
        break;
      case IrOp::LOAD:
        std::memcpy(&out, reinterpret_cast<const char*>(val(x.a)) + x.b, 8);
        break;
      case IrOp::STORE:
      case IrOp::STOREF: {
        uint64_t w = val(x.c);
        std::memcpy(reinterpret_cast<char*>(val(x.a)) + x.b, &w, 8);
        break;
      }
      case IrOp::CALLP:
      case IrOp::CALL: {
        const CallDesc& d = t.calls()[size_t(x.a)];
        uint64_t args[kMaxCallArgs];
        IrType types[kMaxCallArgs];
        for (int j = 0; j < d.nargs; ++j) {
          args[j] = val(d.args[j]);
          types[j] = t.type_of(d.args[j]);
        }
        out = call_helper(d.addr, x.type, args, types, d.nargs);
        break;
      }
    }
    if (fail) return exit_at(r);
    v[i] = out;
    ++i;
  }
  res.kind = EvalResult::Kind::Error;
  res.error = "ran off the end of the trace";
  return res;
}

}  // namespace kestrel::jit
