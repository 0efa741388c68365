// Compile-time constant folding (CPython 3.11's ast_opt.c rules and size
// limits): unary and binary operators on int/float/str/bytes/bool constants.
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "front/compiler.h"

namespace kestrel::front_internal {
namespace {

constexpr size_t kMaxFoldedStr = 4096;

}  // namespace

bool is_true_constant(const Constant& c) {
  using K = Constant::Kind;
  switch (c.kind) {
    case K::None:
    case K::False:
      return false;
    case K::True:
    case K::Ellipsis:
    case K::Code:
      return true;
    case K::Int:
      return c.int_value != 0;
    case K::BigInt:
      return true;  // big ints are never zero
    case K::Float:
    case K::Complex:
      return c.float_value != 0.0;
    case K::Str:
    case K::Bytes:
      return !c.text.empty();
    case K::Tuple:
      return !c.items.empty();
  }
  return true;
}

namespace {

// Python floor division / modulo on int64 (b != 0, no INT64_MIN / -1).
int64_t py_floordiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
int64_t py_mod(int64_t a, int64_t b) {
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

// Integers for folding: sign + 128-bit magnitude. CPython folds integer
// results only up to MAX_INT_SIZE (128) bits, so this is always enough.
struct Wide {
  bool neg = false;
  unsigned __int128 mag = 0;
};
using U128 = unsigned __int128;
constexpr int kMaxIntBits = 128;

int bit_length(U128 v) {
  int n = 0;
  while (v) {
    v >>= 1;
    ++n;
  }
  return n;
}

std::optional<Wide> to_wide(const Constant& c) {
  if (c.kind == Constant::Kind::Int) {
    Wide w;
    w.neg = c.int_value < 0;
    // |INT64_MIN| computed without signed overflow.
    w.mag = w.neg ? U128(-(c.int_value + 1)) + 1 : U128(c.int_value);
    return w;
  }
  if (c.kind != Constant::Kind::BigInt) return std::nullopt;
  Wide w;
  size_t i = 0;
  if (!c.text.empty() && c.text[0] == '-') {
    w.neg = true;
    i = 1;
  }
  const U128 limit = ~U128(0) / 10;
  for (; i < c.text.size(); ++i) {
    if (c.text[i] < '0' || c.text[i] > '9') return std::nullopt;
    if (w.mag > limit) return std::nullopt;
    U128 next = w.mag * 10 + U128(c.text[i] - '0');
    if (next < w.mag * 10) return std::nullopt;
    w.mag = next;
  }
  if (w.mag == 0) w.neg = false;
  return w;
}

Constant from_wide(const Wide& w) {
  if (!w.neg && w.mag <= U128(INT64_MAX)) return Constant::integer(int64_t(w.mag));
  if (w.neg && w.mag <= U128(INT64_MAX) + 1) return Constant::integer(int64_t(-(w.mag - 1)) - 1);
  std::string digits;
  U128 v = w.mag;
  while (v) {
    digits += char('0' + int(v % 10));
    v /= 10;
  }
  if (w.neg) digits += '-';
  Constant c;
  c.kind = Constant::Kind::BigInt;
  c.text.assign(digits.rbegin(), digits.rend());
  return c;
}

std::optional<Wide> wide_add(Wide a, Wide b) {
  if (a.neg == b.neg) {
    if (a.mag > ~U128(0) - b.mag) return std::nullopt;
    return Wide{a.neg, a.mag + b.mag};
  }
  if (a.mag >= b.mag) return Wide{a.mag == b.mag ? false : a.neg, a.mag - b.mag};
  return Wide{b.neg, b.mag - a.mag};
}

// +, -, *, ** and << on integers that may exceed int64 (CPython's safe_*
// size limits). Other operators are folded on int64 only.
std::optional<Constant> fold_wide(const Constant& l, ast::Operator op, const Constant& r) {
  using O = ast::Operator;
  auto a = to_wide(l), b = to_wide(r);
  if (!a || !b) return std::nullopt;
  std::optional<Wide> res;
  switch (op) {
    case O::Add:
      res = wide_add(*a, *b);
      break;
    case O::Sub:
      res = wide_add(*a, Wide{b->mag != 0 && !b->neg, b->mag});
      break;
    case O::Mult:
      if (a->mag && b->mag && bit_length(a->mag) + bit_length(b->mag) > kMaxIntBits)
        return std::nullopt;
      res = Wide{a->neg != b->neg && a->mag && b->mag, a->mag * b->mag};
      break;
    case O::Pow: {
      if (b->neg) return std::nullopt;  // float result: left to the runtime
      if (a->mag && b->mag && U128(bit_length(a->mag)) * b->mag > U128(kMaxIntBits))
        return std::nullopt;
      U128 acc = 1;
      for (U128 i = 0; i < b->mag; ++i) acc *= a->mag;
      res = Wide{a->neg && (b->mag & 1) && acc, acc};
      break;
    }
    case O::LShift:
      if (b->neg) return std::nullopt;
      if (a->mag &&
          (b->mag > U128(kMaxIntBits) || U128(bit_length(a->mag)) > U128(kMaxIntBits) - b->mag))
        return std::nullopt;
      res = Wide{a->neg, a->mag ? a->mag << int(b->mag) : 0};
      break;
    default:
      return std::nullopt;
  }
  if (!res) return std::nullopt;
  return from_wide(*res);
}

std::optional<Constant> fold_binop_num(const Constant& l, ast::Operator op, const Constant& r);

bool to_i128(const Constant& c, __int128* out) {
  auto w = to_wide(c);
  if (!w || (w->mag >> 127)) return false;
  *out = w->neg ? -static_cast<__int128>(w->mag) : static_cast<__int128>(w->mag);
  return true;
}

Constant from_i128(__int128 v) {
  Wide w;
  w.neg = v < 0;
  w.mag = w.neg ? U128(-(v + 1)) + 1 : U128(v);
  return from_wide(w);
}

// //, %, >>, &, |, ^ on integers beyond int64 (results never grow).
std::optional<Constant> fold_i128(const Constant& l, ast::Operator op, const Constant& r) {
  using O = ast::Operator;
  __int128 a, b;
  if (!to_i128(l, &a) || !to_i128(r, &b)) return std::nullopt;
  switch (op) {
    case O::FloorDiv:
    case O::Mod: {
      if (b == 0) return std::nullopt;
      __int128 q = a / b, m = a % b;
      if (m != 0 && ((m < 0) != (b < 0))) {
        --q;
        m += b;
      }
      return from_i128(op == O::FloorDiv ? q : m);
    }
    case O::RShift:
      if (b < 0) return std::nullopt;
      return from_i128(b >= 127 ? (a < 0 ? -1 : 0) : (a >> int(b)));
    case O::BitAnd:
      return from_i128(a & b);
    case O::BitOr:
      return from_i128(a | b);
    case O::BitXor:
      return from_i128(a ^ b);
    default:
      return std::nullopt;
  }
}

}  // namespace

// Bools are ints for arithmetic, but &, |, ^ of two bools stay bools.
std::optional<Constant> fold_binop(const Constant& l, ast::Operator op, const Constant& r) {
  using K = Constant::Kind;
  using O = ast::Operator;
  auto is_bool = [](const Constant& c) { return c.kind == K::True || c.kind == K::False; };
  if (is_bool(l) && is_bool(r) && (op == O::BitAnd || op == O::BitOr || op == O::BitXor)) {
    bool a = l.kind == K::True, b = r.kind == K::True;
    return Constant::boolean(op == O::BitAnd ? (a && b) : op == O::BitOr ? (a || b) : (a != b));
  }
  auto as_int = [&](const Constant& c) {
    return is_bool(c) ? Constant::integer(c.kind == K::True) : c;
  };
  return fold_binop_num(as_int(l), op, as_int(r));
}

namespace {

// Python's float modulo and floor division (Objects/floatobject.c).
void py_float_divmod(double vx, double wx, double* floordiv, double* modulo) {
  double mod = std::fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, wx);
  }
  double fd;
  if (div) {
    fd = std::floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = std::copysign(0.0, vx / wx);
  }
  *floordiv = fd;
  *modulo = mod;
}

std::optional<Constant> fold_binop_num(const Constant& l, ast::Operator op, const Constant& r) {
  using K = Constant::Kind;
  using O = ast::Operator;
  bool lint = l.kind == K::Int || l.kind == K::BigInt;
  bool rint = r.kind == K::Int || r.kind == K::BigInt;
  bool negative_power = op == O::Pow && r.kind == K::Int && r.int_value < 0 && l.kind == K::Int;
  if (lint && rint && !negative_power &&
      (op == O::Add || op == O::Sub || op == O::Mult || op == O::Pow || op == O::LShift))
    return fold_wide(l, op, r);
  if (lint && rint &&
      (l.kind == K::BigInt || r.kind == K::BigInt || op == O::FloorDiv || op == O::Mod)) {
    if (auto res = fold_i128(l, op, r)) return res;
  }
  if (l.kind == K::Int && r.kind == K::Int) {
    int64_t a = l.int_value, b = r.int_value, res = 0;
    switch (op) {
      case O::Add:
        if (__builtin_add_overflow(a, b, &res)) return std::nullopt;
        return Constant::integer(res);
      case O::Sub:
        if (__builtin_sub_overflow(a, b, &res)) return std::nullopt;
        return Constant::integer(res);
      case O::Mult:
        if (__builtin_mul_overflow(a, b, &res)) return std::nullopt;
        return Constant::integer(res);
      case O::FloorDiv:
        if (b == 0 || (a == INT64_MIN && b == -1)) return std::nullopt;
        return Constant::integer(py_floordiv(a, b));
      case O::Mod:
        if (b == 0 || (a == INT64_MIN && b == -1)) return std::nullopt;
        return Constant::integer(py_mod(a, b));
      case O::Pow: {
        if (b < 0) {  // float result, as Python's int.__pow__
          const int64_t lim = int64_t(1) << 53;
          if (a == 0 || a > lim || a < -lim || b < -lim) return std::nullopt;
          return Constant::real(std::pow(double(a), double(b)));
        }
        if (b > 128) return std::nullopt;
        int64_t acc = 1;
        for (int64_t i = 0; i < b; ++i)
          if (__builtin_mul_overflow(acc, a, &acc)) return std::nullopt;
        return Constant::integer(acc);
      }
      case O::LShift:
        if (b < 0 || b >= 63) return std::nullopt;
        if (a != 0 && (a > (INT64_MAX >> b) || a < (INT64_MIN >> b))) return std::nullopt;
        return Constant::integer(int64_t(uint64_t(a) << b));
      case O::RShift:
        if (b < 0) return std::nullopt;
        return Constant::integer(b >= 63 ? (a < 0 ? -1 : 0) : (a >> b));
      case O::BitAnd:
        return Constant::integer(a & b);
      case O::BitOr:
        return Constant::integer(a | b);
      case O::BitXor:
        return Constant::integer(a ^ b);
      case O::Div: {
        // Exact operands give a correctly rounded quotient, as Python's.
        const int64_t lim = int64_t(1) << 53;
        if (b == 0 || a > lim || a < -lim || b > lim || b < -lim) return std::nullopt;
        return Constant::real(double(a) / double(b));
      }
      default:
        return std::nullopt;
    }
  }
  // A big int mixes with a float by converting to float first (as Python);
  // int/int true division of big ints is not folded (it rounds only once).
  bool lnum = l.kind == K::Int || l.kind == K::Float || (l.kind == K::BigInt && r.kind == K::Float);
  bool rnum = r.kind == K::Int || r.kind == K::Float || (r.kind == K::BigInt && l.kind == K::Float);
  if (lnum && rnum) {
    const int64_t lim = int64_t(1) << 53;
    auto to_d = [&](const Constant& c, double* out) {
      if (c.kind == K::Float) {
        *out = c.float_value;
        return true;
      }
      if (c.kind == K::BigInt) {
        // Round-to-nearest-even, as Python's int.__float__.
        __int128 v;
        if (!to_i128(c, &v)) return false;
        *out = double(v);
        return true;
      }
      if (c.int_value > lim || c.int_value < -lim) return false;
      *out = double(c.int_value);
      return true;
    };
    double a, b;
    if (!to_d(l, &a) || !to_d(r, &b)) return std::nullopt;
    switch (op) {
      case O::Add:
        return Constant::real(a + b);
      case O::Sub:
        return Constant::real(a - b);
      case O::Mult:
        return Constant::real(a * b);
      case O::Div:
        if (b == 0) return std::nullopt;
        return Constant::real(a / b);
      case O::FloorDiv:
      case O::Mod: {
        if (b == 0) return std::nullopt;
        double fd, md;
        py_float_divmod(a, b, &fd, &md);
        return Constant::real(op == O::FloorDiv ? fd : md);
      }
      case O::Pow: {
        // Only the unexceptional cases; the runtime reports the others.
        if (!std::isfinite(a) || !std::isfinite(b)) return std::nullopt;
        if (a == 0 && b < 0) return std::nullopt;
        if (a < 0 && b != std::floor(b)) return std::nullopt;
        double res = std::pow(a, b);
        if (!std::isfinite(res)) return std::nullopt;
        return Constant::real(res);
      }
      default:
        return std::nullopt;
    }
  }
  if (op == O::Add && l.kind == r.kind && (l.kind == K::Str || l.kind == K::Bytes)) {
    Constant c = l;
    c.text += r.text;
    return c;
  }
  if (op == O::Mult) {
    const Constant* s = nullptr;
    const Constant* k = nullptr;
    if ((l.kind == K::Str || l.kind == K::Bytes) && r.kind == K::Int) s = &l, k = &r;
    if ((r.kind == K::Str || r.kind == K::Bytes) && l.kind == K::Int) s = &r, k = &l;
    if (s) {
      int64_t times = k->int_value;
      if (times > 0 && !s->text.empty() && size_t(times) > kMaxFoldedStr / s->text.size())
        return std::nullopt;
      Constant c;
      c.kind = s->kind;
      for (int64_t i = 0; i < times; ++i) c.text += s->text;
      return c;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Constant> fold_unary(ast::UnaryOpKind op, const Constant& v) {
  using K = Constant::Kind;
  switch (op) {
    case ast::UnaryOpKind::Not:
      return Constant::boolean(!is_true_constant(v));
    case ast::UnaryOpKind::USub:
      if (v.kind == K::True || v.kind == K::False)
        return Constant::integer(v.kind == K::True ? -1 : 0);
      if (v.kind == K::Int) {
        if (v.int_value == INT64_MIN) {
          Constant c;
          c.kind = K::BigInt;
          c.text = "9223372036854775808";
          return c;
        }
        return Constant::integer(-v.int_value);
      }
      if (v.kind == K::Float) return Constant::real(-v.float_value);
      if (v.kind == K::BigInt) {
        if (v.text == "9223372036854775808") return Constant::integer(INT64_MIN);
        Constant c = v;
        if (!c.text.empty() && c.text[0] == '-')
          c.text.erase(0, 1);
        else
          c.text.insert(0, "-");
        return c;
      }
      return std::nullopt;
    case ast::UnaryOpKind::UAdd:
      if (v.kind == K::True || v.kind == K::False) return Constant::integer(v.kind == K::True);
      if (v.kind == K::Int || v.kind == K::Float || v.kind == K::BigInt) return v;
      return std::nullopt;
    case ast::UnaryOpKind::Invert:
      if (v.kind == K::True || v.kind == K::False)
        return Constant::integer(v.kind == K::True ? -2 : -1);
      if (v.kind == K::Int) return Constant::integer(~v.int_value);
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace kestrel::front_internal
