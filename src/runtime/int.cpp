// Python int: tagged small ints with overflow-checked fast paths, GMP bignums
// beyond, normalised back to small ints whenever they fit. Arithmetic,
// hashing, conversions, text parsing/printing, the int type and its methods.
#include "runtime/int.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>

#include "modules/sys.h"  // g_int_max_str_digits: sys.set_int_max_str_digits()
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/number_methods.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/unicode_db.h"

namespace kestrel {

namespace {

constexpr int kAdd = 0, kAnd = 1, kFloorDiv = 2, kLShift = 3, kMatMul = 4, kMul = 5, kMod = 6,
              kOr = 7, kPow = 8, kRShift = 9, kSub = 10, kTrueDiv = 11, kXor = 12;
constexpr int64_t kHashModulus = (int64_t(1) << 61) - 1;

// The value of a small int or a bool; false for BigInt-layout objects (exact
// ints beyond the small range, and int subclass instances).
inline bool small_of(Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.small_value();
    return true;
  }
  if (v.obj()->type == bool_type) {
    *out = v.obj() == true_object;
    return true;
  }
  return false;
}

// mpz_sgn/mpz_odd_p are macros that need a real pointer expression.
inline int zsgn(mpz_srcptr z) { return mpz_sgn(z); }
inline bool zodd(mpz_srcptr z) { return mpz_odd_p(z); }

// An owned mpz temporary.
struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  operator mpz_ptr() { return z; }  // NOLINT: implicit for GMP calls
};

// Read-only mpz view of any int (a temporary for small values).
class MpzView {
 public:
  explicit MpzView(Value v) {
    int64_t s;
    if (small_of(v, &s)) {
      mpz_init_set_si(tmp_, long(s));
      p_ = tmp_;
      owned_ = true;
    } else {
      p_ = v.as<BigInt>()->value;
    }
  }
  ~MpzView() {
    if (owned_) mpz_clear(tmp_);
  }
  MpzView(const MpzView&) = delete;
  MpzView& operator=(const MpzView&) = delete;
  operator mpz_srcptr() const { return p_; }  // NOLINT: implicit for GMP calls

 private:
  mpz_t tmp_;
  mpz_srcptr p_;
  bool owned_ = false;
};

// ---------------------------------------------------------------- storage
//
// Up to kInlineLimbs limbs live inside the BigInt object, after its type's
// instance size (sizeof(BigInt) for exact ints, after the attribute storage
// for instances of int subclasses): one GC allocation per int of up to 256
// bits, in two size classes. Longer limb arrays are GMP's (a result's array
// moves into the int without a copy) and freed by the finalizer
// (Object::flags says which): ints of many different
// lengths inline would spread over a chunk per size class (pidigits' peak RSS
// went from 9.4 to 15.5 MB). value->_mp_d points at the limbs either way.
// BigInts are immutable, so no GMP function ever writes to (or reallocates)
// that mpz.

static_assert(sizeof(mp_limb_t) == 8 && GMP_NAIL_BITS == 0, "limbs are full 64-bit words");

constexpr mp_size_t kInlineLimbs = 4;
constexpr uint32_t kExternalLimbs = 1;  // Object::flags of a BigInt with malloc'd limbs

// Limbs of intermediate results computed on the stack before the result is
// allocated at its exact size (2048 bits).
constexpr mp_size_t kStackLimbs = 32;

void bigint_finalize(Object* obj) {
  if (obj->flags & kExternalLimbs) mpz_clear(static_cast<BigInt*>(obj)->value);
}

// GMP-allocated limbs (runtime/gmp_alloc.cpp counts them for the collector)
// for a BigInt just allocated with none.
[[gnu::noinline]] void attach_external_limbs(BigInt* b, mp_size_t nlimbs) {
  if (nlimbs > (mp_size_t(1) << 31) - 1) raise_memory_error();  // _mp_alloc is an int
  mpz_init2(b->value, mp_bitcnt_t(nlimbs) * GMP_NUMB_BITS);
  b->flags = kExternalLimbs;
}

BigInt* bigint_alloc(Type* type, mp_size_t nlimbs) {
  if (nlimbs < 1) nlimbs = 1;  // GMP reads limb 0 even of a zero
  size_t off = type->instance_size;
  if (nlimbs > kInlineLimbs) {
    auto* b = static_cast<BigInt*>(gc_alloc(off, type));
    attach_external_limbs(b, nlimbs);
    return b;
  }
  auto* b = static_cast<BigInt*>(gc_alloc(off + size_t(nlimbs) * sizeof(mp_limb_t), type));
  b->value->_mp_alloc = int(nlimbs);
  b->value->_mp_size = 0;
  b->value->_mp_d = reinterpret_cast<mp_limb_t*>(reinterpret_cast<char*>(b) + off);
  return b;
}

// A new exact BigInt of n limbs (n >= 1; sign and size set by the caller).
inline BigInt* exact_bigint_alloc(mp_size_t n) {
  if (n > kInlineLimbs) return bigint_alloc(int_type, n);
  // Every byte is written before the next allocation: the header here, the
  // size and limbs by the caller (the cell's slack beyond them is never read).
  auto* b = static_cast<BigInt*>(
      gc_alloc_unzeroed(sizeof(BigInt) + size_t(n) * sizeof(mp_limb_t), int_type));
  b->value->_mp_alloc = int(n);
  b->value->_mp_d = reinterpret_cast<mp_limb_t*>(b + 1);
  return b;
}

// Copies n limbs. Written out for the 1-4 limbs of typical sums: GCC turns a
// plain loop into a memcpy call, which costs more than the copy.
inline void copy_limbs(mp_limb_t* d, const mp_limb_t* s, mp_size_t n) {
  switch (n) {
    case 4:
      d[3] = s[3];
      [[fallthrough]];
    case 3:
      d[2] = s[2];
      [[fallthrough]];
    case 2:
      d[1] = s[1];
      [[fallthrough]];
    case 1:
      d[0] = s[0];
      [[fallthrough]];
    case 0:
      return;
    default:
      std::memcpy(d, s, size_t(n) * sizeof(mp_limb_t));
  }
}

// The exact int -|p[0..n)| or +|p[0..n)|; p may have high zero limbs.
inline Value int_from_limbs(const mp_limb_t* p, mp_size_t n, bool negative) {
  while (n > 0 && p[n - 1] == 0) --n;
  if (n <= 1) {
    uint64_t l = n ? p[0] : 0;
    if (l <= uint64_t(Value::kSmallMax)) return Value::small(negative ? -int64_t(l) : int64_t(l));
    if (negative && l == uint64_t(Value::kSmallMax) + 1) return Value::small(Value::kSmallMin);
  }
  BigInt* b = exact_bigint_alloc(n);
  copy_limbs(b->value->_mp_d, p, n);
  b->value->_mp_size = int(negative ? -n : n);
  return Value(b);
}

// z's value as a new exact int (small when it fits); z is unchanged.
Value copy_mpz(mpz_srcptr z) {
  int size = z->_mp_size;
  return int_from_limbs(z->_mp_d, size < 0 ? -size : size, size < 0);
}

// z's value as a new exact int; a long z's limb array moves into the int
// (no copy) and z is left 0.
Value take_mpz(mpz_ptr z) {
  int size = z->_mp_size;
  if ((size < 0 ? -size : size) <= kInlineLimbs) return copy_mpz(z);
  auto* b = static_cast<BigInt*>(gc_alloc(sizeof(BigInt), int_type));
  mpz_init(b->value);
  mpz_swap(b->value, z);
  b->flags = kExternalLimbs;
  return Value(b);
}

// The limbs of any int: a small int's magnitude goes to *buf. Sizes are
// signed as in an mpz.
inline void limbs_of(Value v, mp_limb_t* buf, const mp_limb_t** p, mp_size_t* size) {
  int64_t x;
  if (small_of(v, &x)) {
    *buf = x < 0 ? uint64_t(0) - uint64_t(x) : uint64_t(x);
    *p = buf;
    *size = (x > 0) - (x < 0);
    return;
  }
  mpz_srcptr z = v.as<BigInt>()->value;
  *p = z->_mp_d;
  *size = z->_mp_size;
}

// Keeps p (an object, or a pointer into one) in a register or stack slot up
// to this point: while only pointers to an int's GMP-allocated limbs are in
// use, a collection in an allocation must still find the int itself.
inline void keep_alive(const void* p) { asm volatile("" : : "g"(p) : "memory"); }

// a + y for a BigInt a of at least two limbs and |y| <= 2**63: the running
// sum's case. |a| >= 2**64 > |y|, so the result is a BigInt again and its
// length is known before it is allocated: the limbs are written once, into it.
Value add_small(mpz_srcptr z, int64_t y) {
  bool negative = z->_mp_size < 0;
  mp_size_t an = negative ? -mp_size_t(z->_mp_size) : z->_mp_size;
  const mp_limb_t* ap = z->_mp_d;
  uint64_t m = y < 0 ? uint64_t(0) - uint64_t(y) : uint64_t(y);
  mp_size_t i = 1, rn = an;
  if (negative == (y < 0)) {  // |a| + m: one more limb if the carry runs off the top
    mp_limb_t lo = ap[0] + m;
    if (lo < m) {
      mp_size_t j = 1;
      while (j < an && ap[j] == ~mp_limb_t(0)) ++j;
      if (j == an) rn = an + 1;
    }
    BigInt* b = exact_bigint_alloc(rn);
    mp_limb_t* d = b->value->_mp_d;
    d[0] = lo;
    for (bool carry = lo < m; carry && i < an; ++i) {
      d[i] = ap[i] + 1;
      carry = d[i] == 0;
    }
    if (rn > an) d[an] = 1;
    copy_limbs(d + i, ap + i, an - i);
    b->value->_mp_size = int(negative ? -rn : rn);
    keep_alive(z);
    return Value(b);
  }
  // |a| - m: one limb less if the borrow empties the top limb.
  mp_limb_t lo = ap[0] - m;
  if (ap[0] < m) {
    mp_size_t j = 1;
    while (ap[j] == 0) ++j;  // stops: |a| > m, so some higher limb is nonzero
    if (j == an - 1 && ap[j] == 1) rn = an - 1;
  }
  BigInt* b = exact_bigint_alloc(rn);
  mp_limb_t* d = b->value->_mp_d;
  d[0] = lo;
  for (bool borrow = ap[0] < m; borrow && i < an; ++i) {
    mp_limb_t l = ap[i] - 1;
    if (i < rn) d[i] = l;
    borrow = ap[i] == 0;
  }
  if (i < rn) copy_limbs(d + i, ap + i, rn - i);
  b->value->_mp_size = int(negative ? -rn : rn);
  keep_alive(z);
  return Value(b);
}

// a + b, or a - b when `subtract`, for any two ints, on limbs (mpn): the hot
// path of bignum sums, which through mpz paid for a temporary mpz per small
// operand, a result mpz and a separately allocated limb array per int.
Value add_ints(Value a, Value b, bool subtract) {
  mp_limb_t abuf, bbuf;
  const mp_limb_t *ap, *bp;
  mp_size_t as, bs;
  limbs_of(a, &abuf, &ap, &as);
  limbs_of(b, &bbuf, &bp, &bs);
  if (subtract) bs = -bs;
  mp_size_t an = as < 0 ? -as : as, bn = bs < 0 ? -bs : bs;
  if (an < bn) {
    std::swap(ap, bp);
    std::swap(as, bs);
    std::swap(an, bn);
  }
  if (bn == 0) return int_from_limbs(ap, an, as < 0);
  bool negative = as < 0;
  mp_limb_t stack[kStackLimbs];
  BigInt* big = nullptr;  // the result, allocated before computing when too long for the stack
  mp_limb_t* rp = stack;
  if (an + 1 > kStackLimbs) {
    big = bigint_alloc(int_type, an + 1);
    rp = big->value->_mp_d;
  }
  mp_size_t rn;
  if ((as < 0) == (bs < 0)) {
    rp[an] = mpn_add(rp, ap, an, bp, bn);
    rn = an + 1;
  } else {
    int cmp = an != bn ? 1 : mpn_cmp(ap, bp, an);
    if (cmp == 0) return Value::small(0);
    if (cmp < 0) {  // |a| < |b|, same length
      std::swap(ap, bp);
      negative = !negative;
    }
    mpn_sub(rp, ap, an, bp, bn);
    rn = an;
  }
  if (!big) return int_from_limbs(rp, rn, negative);
  // The operands' limbs are read after allocating the result.
  keep_alive(reinterpret_cast<const void*>(a.bits()));
  keep_alive(reinterpret_cast<const void*>(b.bits()));
  while (rn > 0 && rp[rn - 1] == 0) --rn;
  if (rn <= 1) return int_from_limbs(rp, rn, negative);  // tiny difference of huge ints
  big->value->_mp_size = int(negative ? -rn : rn);
  return Value(big);
}

// An instance of an int subclass (always BigInt layout) holding v.
Value new_int_subclass_instance(Type* type, Value v) {
  // Copy before allocating: the collector may not see v through the view's
  // interior pointer.
  Mpz tmp;
  {
    MpzView mv(v);
    mpz_set(tmp, mv);
  }
  mp_size_t n = mpz_size(tmp);
  BigInt* b = bigint_alloc(type, mp_size_t(n));
  if (n) std::memcpy(b->value->_mp_d, tmp.z->_mp_d, size_t(n) * sizeof(mp_limb_t));
  b->value->_mp_size = tmp.z->_mp_size;
  if (InstanceAttrs* attrs = attrs_of(b)) attrs->layout = type->root_layout;
  return Value(b);
}

// Exact int with the same value (for int(x) on bools and subclasses).
Value exact_int(Value v) {
  if (v.is_small()) return v;
  int64_t s;
  if (small_of(v, &s)) return Value::small(s);
  if (v.obj()->type == int_type) return v;
  return copy_mpz(v.as<BigInt>()->value);
}

[[noreturn]] void raise_str_digits_limit() {
  raise_value_error("Exceeds the limit (" + std::to_string(g_int_max_str_digits) +
                    " digits) for integer string conversion; use "
                    "sys.set_int_max_str_digits() to increase the limit");
}

// |z| = x * 2**e with 0.5 <= x < 1, x rounded half-even to 53 bits (CPython's
// _PyLong_Frexp). z must be nonzero.
double mpz_frexp(mpz_srcptr z, int64_t* e) {
  size_t nbits = mpz_sizeinbase(z, 2);
  if (nbits <= 53) {
    int ex;
    double x = std::frexp(std::fabs(mpz_get_d(z)), &ex);
    *e = ex;
    return x;
  }
  size_t shift = nbits - 55;
  Mpz t;
  mpz_abs(t, z);
  mpz_tdiv_q_2exp(t, t, shift);
  uint64_t top = mpz_get_ui(t);
  bool sticky = mpz_scan1(z, 0) < shift;
  uint64_t low = top & 3, r = top >> 2;
  if (low > 2 || (low == 2 && (sticky || (r & 1)))) ++r;
  double x = std::ldexp(double(r), -53);
  *e = int64_t(nbits);
  if (x == 1.0) {
    x = 0.5;
    ++*e;
  }
  return x;
}

Value small_pow(int64_t base, int64_t exp) {
  // exp >= 0: square-and-multiply with overflow checks, bignum on overflow.
  int64_t result = 1, b = base;
  int64_t e = exp;
  bool overflow = false;
  while (e > 0) {
    if (e & 1) {
      if (__builtin_mul_overflow(result, b, &result)) {
        overflow = true;
        break;
      }
    }
    e >>= 1;
    if (e && __builtin_mul_overflow(b, b, &b)) {
      overflow = true;
      break;
    }
  }
  if (!overflow) return int_from_i64(result);
  Mpz z;
  mpz_set_si(z, long(base));
  mpz_pow_ui(z, z, (unsigned long)exp);
  return take_mpz(z);
}

Value float_power_of_ints(Value a, Value b) {
  double x = int_to_double(a), y = int_to_double(b);
  return float_binary(float_new(x), float_new(y), kPow);
}

// Correctly rounded a / b for ints (CPython's long_true_divide).
Value int_true_divide(Value a, Value b) {
  int64_t x, y;
  if (small_of(a, &x) && small_of(b, &y)) {
    if (y == 0) raise_zero_division("division by zero");
    constexpr int64_t k53 = int64_t(1) << 53;
    if (x >= -k53 && x <= k53 && y >= -k53 && y <= k53) return float_new(double(x) / double(y));
  }
  MpzView A(a), B(b);
  if (zsgn(B) == 0) raise_zero_division("division by zero");
  bool negative = (zsgn(A) < 0) != (zsgn(B) < 0);
  if (zsgn(A) == 0) return float_new(negative ? -0.0 : 0.0);
  int64_t na = int64_t(mpz_sizeinbase(A, 2)), nb = int64_t(mpz_sizeinbase(B, 2));
  if (na - nb > 1025) raise_overflow_error("integer division result too large for a float");
  if (na - nb < -1080) return float_new(negative ? -0.0 : 0.0);
  // q = floor(|a| * 2**shift / |b|) has 55 or 56 bits; sticky records a
  // nonzero remainder so that rounding ties are broken correctly.
  int64_t shift = nb - na + 55;
  Mpz num, den, q, r;
  mpz_abs(num, A);
  mpz_abs(den, B);
  if (shift >= 0) {
    mpz_mul_2exp(num, num, (unsigned long)shift);
  } else {
    mpz_mul_2exp(den, den, (unsigned long)-shift);
  }
  mpz_tdiv_qr(q, r, num, den);
  bool sticky = zsgn(r) != 0;
  uint64_t qv = mpz_get_ui(q);
  int64_t nq = int64_t(mpz_sizeinbase(q, 2));
  int64_t p = std::min<int64_t>(53, nq - shift + 1074);  // bits the result keeps
  double result;
  if (p < 0) {
    result = 0.0;
  } else {
    int64_t drop = nq - p;
    uint64_t half = uint64_t(1) << (drop - 1);
    uint64_t low = qv & ((uint64_t(1) << drop) - 1);
    uint64_t rv = qv >> drop;
    if (low > half || (low == half && (sticky || (rv & 1)))) ++rv;
    result = std::ldexp(double(rv), int(drop - shift));
    if (std::isinf(result)) raise_overflow_error("integer division result too large for a float");
  }
  return float_new(negative ? -result : result);
}

// divmod with rounding to nearest, ties to even (CPython's _PyLong_DivmodNear); q, r out.
void divmod_near(mpz_srcptr a, mpz_srcptr b, mpz_ptr q, mpz_ptr r) {
  mpz_fdiv_qr(q, r, a, b);
  Mpz twice;
  mpz_mul_2exp(twice, r, 1);
  int c = mpz_cmp(twice, b);
  bool greater = zsgn(b) > 0 ? c > 0 : c < 0;
  bool exactly_half = c == 0;
  if (greater || (exactly_half && zodd(q))) {
    mpz_add_ui(q, q, 1);
    mpz_sub(r, r, b);
  }
}

Value big_binary(Value a, Value b, int op) {
  MpzView A(a), B(b);
  Mpz r;
  switch (op) {
    case kAdd:
      mpz_add(r, A, B);
      break;
    case kSub:
      mpz_sub(r, A, B);
      break;
    case kMul:
      mpz_mul(r, A, B);
      break;
    case kFloorDiv:
      if (zsgn(B) == 0) raise_zero_division("integer division or modulo by zero");
      mpz_fdiv_q(r, A, B);
      break;
    case kMod:
      if (zsgn(B) == 0) raise_zero_division("integer modulo by zero");
      mpz_fdiv_r(r, A, B);
      break;
    case kAnd:
      mpz_and(r, A, B);
      break;
    case kOr:
      mpz_ior(r, A, B);
      break;
    case kXor:
      mpz_xor(r, A, B);
      break;
    case kLShift: {
      if (zsgn(B) < 0) raise_value_error("negative shift count");
      if (zsgn(A) == 0) return Value::small(0);
      // Results beyond ~2**36 bits would need gigabytes: CPython fails with MemoryError too.
      if (!mpz_fits_ulong_p(B) || mpz_get_ui(B) > (uint64_t(1) << 36)) raise_memory_error();
      mpz_mul_2exp(r, A, mpz_get_ui(B));
      break;
    }
    case kRShift: {
      if (zsgn(B) < 0) raise_value_error("negative shift count");
      if (!mpz_fits_ulong_p(B)) return Value::small(zsgn(A) < 0 ? -1 : 0);
      mpz_fdiv_q_2exp(r, A, mpz_get_ui(B));
      break;
    }
    default:
      return not_implemented();
  }
  return take_mpz(r);
}

Value small_binary(int64_t x, int64_t y, Value a, Value b, int op) {
  int64_t r;
  switch (op) {
    case kAdd:
      return int_from_i64(x + y);
    case kSub:
      return int_from_i64(x - y);
    case kMul:
      if (__builtin_mul_overflow(x, y, &r)) return big_binary(a, b, op);
      return int_from_i64(r);
    case kFloorDiv: {
      if (y == 0) raise_zero_division("integer division or modulo by zero");
      int64_t q = x / y;
      if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
      return int_from_i64(q);
    }
    case kMod: {
      if (y == 0) raise_zero_division("integer modulo by zero");
      int64_t m = x % y;
      if (m != 0 && ((m < 0) != (y < 0))) m += y;
      return Value::small(m);
    }
    case kAnd:
      return Value::small(x & y);
    case kOr:
      return Value::small(x | y);
    case kXor:
      return Value::small(x ^ y);
    case kLShift:
      if (y < 0) raise_value_error("negative shift count");
      if (x == 0) return Value::small(0);
      if (y < 64) {
        __int128 w = __int128(x) << y;
        if ((w >> y) == x && w >= INT64_MIN && w <= INT64_MAX) return int_from_i64(int64_t(w));
      }
      return big_binary(a, b, op);
    case kRShift:
      if (y < 0) raise_value_error("negative shift count");
      return Value::small(y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
    default:
      return not_implemented();
  }
}

// Decimal digits (and sign) of a value known not to fit in 64 bits.
std::string mpz_decimal(mpz_srcptr z) {
  size_t est = mpz_sizeinbase(z, 10);
  if (g_int_max_str_digits > 0 && int64_t(est) > g_int_max_str_digits + 1) raise_str_digits_limit();
  std::string s(est + 2, '\0');
  mpz_get_str(s.data(), 10, z);
  s.resize(strlen(s.c_str()));
  if (g_int_max_str_digits > 0 && int64_t(s.size() - (s[0] == '-')) > g_int_max_str_digits)
    raise_str_digits_limit();
  return s;
}

// ---------------------------------------------------------------- parsing

// CPython's int() literal rules on ASCII-transformed text (non-ASCII
// whitespace -> ' ', Unicode decimal digits -> '0'..'9', other -> '?').
// Returns empty Value on a syntax error (the caller raises).
Value parse_int_ascii(std::string_view s, int base) {
  size_t i = 0, n = s.size();
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (i < n && space(s[i])) ++i;  // non-ASCII whitespace was mapped to ' '
  while (n > i && space(s[n - 1])) --n;
  bool neg = false;
  if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  bool error_if_nonzero = false;
  auto at = [&](size_t k) -> char { return k < n ? s[k] : '\0'; };
  if (base == 0) {
    char c1 = char(tolower(at(i + 1)));
    if (at(i) != '0') {
      base = 10;
    } else if (c1 == 'x') {
      base = 16;
    } else if (c1 == 'o') {
      base = 8;
    } else if (c1 == 'b') {
      base = 2;
    } else {
      error_if_nonzero = true;  // old-style octal "010" is invalid, "00" is zero
      base = 10;
    }
  }
  if (at(i) == '0') {
    char c1 = char(tolower(at(i + 1)));
    if ((base == 16 && c1 == 'x') || (base == 8 && c1 == 'o') || (base == 2 && c1 == 'b')) {
      i += 2;
      if (at(i) == '_') ++i;  // one underscore allowed after the prefix
    }
  }
  if (at(i) == '_') return Value();
  std::string digits;
  digits.reserve(n - i);
  bool prev_underscore = false;
  for (; i < n; ++i) {
    char c = s[i];
    if (c == '_') {
      if (prev_underscore) return Value();
      prev_underscore = true;
      continue;
    }
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (c >= 'a' && c <= 'z') {
      d = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'Z') {
      d = c - 'A' + 10;
    } else {
      return Value();
    }
    if (d >= base) return Value();
    prev_underscore = false;
    digits.push_back(c);
  }
  if (digits.empty() || prev_underscore) return Value();
  if ((base & (base - 1)) != 0 && g_int_max_str_digits > 0 &&
      int64_t(digits.size()) > g_int_max_str_digits) {
    raise_value_error("Exceeds the limit (" + std::to_string(g_int_max_str_digits) +
                      " digits) for integer string conversion: value has " +
                      std::to_string(digits.size()) +
                      " digits; use sys.set_int_max_str_digits() to increase the limit");
  }
  Value result;
  if (base == 10 && digits.size() <= 18) {
    int64_t v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    result = Value::small(neg ? -v : v);
  } else {
    Mpz z;
    mpz_set_str(z, digits.c_str(), base);
    if (neg) mpz_neg(z, z);
    result = take_mpz(z);
  }
  if (error_if_nonzero && int_sign(result) != 0) return Value();
  return result;
}

std::string to_ascii_digits(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    if (c < 0x80) {
      out.push_back(c >= 0x1c && c <= 0x1f ? ' ' : char(c));  // str.isspace() separators
      ++i;
      continue;
    }
    uint32_t cp;
    int len;
    if ((c >> 5) == 6) {
      cp = c & 0x1F, len = 2;
    } else if ((c >> 4) == 14) {
      cp = c & 0x0F, len = 3;
    } else {
      cp = c & 0x07, len = 4;
    }
    for (int k = 1; k < len && i + k < text.size(); ++k) cp = (cp << 6) | (text[i + k] & 0x3F);
    i += size_t(len);
    if (unicode::is_space(cp)) {
      out.push_back(' ');
    } else if (int d = unicode::decimal_value(cp); d >= 0) {
      out.push_back(char('0' + d));
    } else {
      out.push_back('?');
    }
  }
  return out;
}

[[noreturn]] void raise_invalid_literal(int base, Value original) {
  std::string r = repr_utf8(original);
  // %.200R: at most 200 code points of the repr.
  size_t cps = 0, cut = r.size();
  for (size_t k = 0; k < r.size(); ++k) {
    if ((static_cast<unsigned char>(r[k]) & 0xC0) != 0x80) {
      if (cps == 200) {
        cut = k;
        break;
      }
      ++cps;
    }
  }
  r.resize(cut);
  raise_value_error("invalid literal for int() with base " + std::to_string(base) + ": " + r);
}

// int('123'): an ASCII decimal of at most 18 digits with optional sign and
// surrounding whitespace, the common case, parsed without copying. False for
// anything else (underscores, other bases, errors, big values): the general
// path decides.
bool parse_small_decimal(std::string_view s, int64_t* out) {
  size_t i = 0, n = s.size();
  auto space = [](char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
  };
  while (i < n && space(s[i])) ++i;
  while (n > i && space(s[n - 1])) --n;
  bool neg = false;
  if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  if (i == n || n - i > 18) return false;
  int64_t v = 0;
  for (; i < n; ++i) {
    unsigned d = unsigned(s[i]) - '0';
    if (d > 9) return false;
    v = v * 10 + int64_t(d);
  }
  *out = neg ? -v : v;
  return true;
}

Value parse_int_value(Value text, int base) {
  std::string_view view;
  std::string tmp;
  if (is_str(text)) {
    Str* s = text.as<Str>();
    int64_t v;
    if (base == 10 && s->ascii && parse_small_decimal(s->ascii_view(), &v)) return Value::small(v);
    tmp = to_ascii_digits(s->ascii ? std::string(s->ascii_view()) : str_to_utf8(s));
    view = tmp;
  } else {
    view = text.as<Bytes>()->view();
  }
  Value r = parse_int_ascii(view, base);
  if (r.empty()) raise_invalid_literal(base, text);
  return r;
}

bool is_bytes_like(Value v) { return v.is_object() && is_subtype(v.obj()->type, bytes_type); }

// PyNumber_Long: int(x) with one argument.
Value number_to_int(Value x) {
  if (x.is_small()) return x;
  Type* t = type_of(x);
  if (t == int_type) return x;
  if (t == bool_type) return Value::small(x.obj() == true_object);
  if (t == float_type) return int_from_double(float_value(x));
  // Exact str and bytes have none of the dunders below.
  if (t == str_type || t == bytes_type) return parse_int_value(x, 10);
  Value f = lookup_special(x, names::dunder_int);
  if (!f.empty()) {
    Value r = py_call0(f);
    if (!is_int(r)) raise_type_error("__int__ returned non-int (type " + type_name_str(r) + ")");
    return exact_int(r);
  }
  f = lookup_special(x, names::dunder_index);
  if (!f.empty()) {
    Value r = py_call0(f);
    if (!is_int(r)) raise_type_error("__index__ returned non-int (type " + type_name_str(r) + ")");
    return exact_int(r);
  }
  f = lookup_special(x, names::dunder_trunc);
  if (!f.empty()) {
    Value r = py_call0(f);
    if (is_int(r)) return exact_int(r);
    if (lookup_special(r, names::dunder_index).empty())
      raise_type_error("__trunc__ returned non-Integral (type " + type_name_str(r) + ")");
    return exact_int(py_index(r));
  }
  if (is_str(x) || is_bytes_like(x)) return parse_int_value(x, 10);
  raise_type_error("int() argument must be a string, a bytes-like object or a real number, not '" +
                   type_name_str(x) + "'");
}

// ---------------------------------------------------------------- slots

Value int_repr_slot(Value self) { return Value(int_to_decimal_str(self)); }

int64_t int_hash_slot(Value self) { return int_hash(self); }

Value int_richcompare(Value a, Value b, int op) {
  int c;
  if (is_int(a) && is_int(b)) {
    c = int_compare(a, b);
  } else if (is_int(a) && is_exact(b, float_type)) {
    c = compare_int_double(a, float_value(b));
    if (c == 2) return py_bool(op == 3);
  } else if (is_int(b) && is_exact(a, float_type)) {
    c = compare_int_double(b, float_value(a));
    if (c == 2) return py_bool(op == 3);
    c = -c;
  } else {
    return not_implemented();
  }
  switch (op) {
    case 0:
      return py_bool(c < 0);
    case 1:
      return py_bool(c <= 0);
    case 2:
      return py_bool(c == 0);
    case 3:
      return py_bool(c != 0);
    case 4:
      return py_bool(c > 0);
    default:
      return py_bool(c >= 0);
  }
}

Value int_positive(Value v) { return exact_int(v); }

Value int_invert(Value v) {
  int64_t x;
  if (small_of(v, &x)) return int_from_i64(~x);
  Mpz r;
  mpz_com(r, v.as<BigInt>()->value);
  return take_mpz(r);
}

Value int_absolute(Value v) { return int_sign(v) < 0 ? int_negative(v) : exact_int(v); }

int int_truthy(Value v) { return int_sign(v) != 0; }

Value int_new(Type* type, Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  parse_args("int", args, nargs, kwnames, {"", "base"}, 0, a, 1);
  Value result;
  if (a[1].empty()) {
    result = a[0].empty() ? Value::small(0) : number_to_int(a[0]);
  } else {
    if (a[0].empty()) raise_type_error("int() missing string argument");
    Value bv = py_index(a[1]);
    int64_t base;
    if (!int_to_i64(bv, &base) || (base != 0 && base < 2) || base > 36)
      raise_value_error("int() base must be >= 2 and <= 36, or 0");
    if (!is_str(a[0]) && !is_bytes_like(a[0]))
      raise_type_error("int() can't convert non-string with explicit base");
    result = parse_int_value(a[0], int(base));
  }
  if (type != int_type) return new_int_subclass_instance(type, result);
  return result;
}

// ---------------------------------------------------------------- methods

template <int op>
Value int_dunder(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs(kBinopDunder[op], kwnames);
  check_method_args(kBinopDunder[op], nargs, 2);
  return int_binary(args[0], args[1], op);
}
template <int op>
Value int_rdunder(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs(kBinopRDunder[op], kwnames);
  check_method_args(kBinopRDunder[op], nargs, 2);
  return int_binary(args[1], args[0], op);
}
template <int op>
Value int_cmp_dunder(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs(kCmpDunder[op], kwnames);
  check_method_args(kCmpDunder[op], nargs, 2);
  if (!is_int(args[1])) return not_implemented();  // int.__eq__(1, 1.0) is NotImplemented
  return int_richcompare(args[0], args[1], op);
}

Value int_pow_method(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__pow__", kwnames);
  check_nargs("__pow__", nargs, 2, 3);
  if (!is_int(args[1])) return not_implemented();
  Value mod = nargs > 2 && !is_none(args[2]) ? args[2] : Value();
  return int_power(args[0], args[1], mod);
}
Value int_rpow_method(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__rpow__", kwnames);
  check_nargs("__rpow__", nargs, 2, 3);
  if (!is_int(args[1])) return not_implemented();
  Value mod = nargs > 2 && !is_none(args[2]) ? args[2] : Value();
  return int_power(args[1], args[0], mod);
}
Value int_divmod_method(Value* args, size_t nargs, Tuple*) {
  check_method_args("__divmod__", nargs, 2);
  return int_divmod(args[0], args[1]);
}
Value int_rdivmod_method(Value* args, size_t nargs, Tuple*) {
  check_method_args("__rdivmod__", nargs, 2);
  return int_divmod(args[1], args[0]);
}

#define UNARY_METHOD(fname, pyname, expr)                  \
  Value fname(Value* args, size_t nargs, Tuple* kwnames) { \
    check_no_kwargs(pyname, kwnames);                      \
    check_nargs(pyname, nargs - 1, 0, 0);                  \
    Value self = args[0];                                  \
    return expr;                                           \
  }

UNARY_METHOD(int_neg_method, "__neg__", int_negative(self))
UNARY_METHOD(int_pos_method, "__pos__", exact_int(self))
UNARY_METHOD(int_abs_method, "__abs__", int_absolute(self))
UNARY_METHOD(int_invert_method, "__invert__", int_invert(self))
UNARY_METHOD(int_bool_method, "__bool__", py_bool(int_sign(self) != 0))
UNARY_METHOD(int_int_method, "__int__", exact_int(self))
UNARY_METHOD(int_float_method, "__float__", float_new(int_to_double(self)))
UNARY_METHOD(int_repr_method, "__repr__", int_repr_slot(self))
UNARY_METHOD(int_hash_method, "__hash__", int_from_i64(int_hash(self)))
UNARY_METHOD(int_conjugate, "conjugate", exact_int(self))
UNARY_METHOD(int_getnewargs, "__getnewargs__", Value(tuple_of({exact_int(self)})))
UNARY_METHOD(int_as_integer_ratio, "as_integer_ratio",
             Value(tuple_of({exact_int(self), Value::small(1)})))

Value int_bit_length(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("int.bit_length", kwnames);
  check_nargs("int.bit_length", nargs - 1, 0, 0);
  int64_t x;
  if (small_of(args[0], &x)) {
    uint64_t u = x < 0 ? uint64_t(0) - uint64_t(x) : uint64_t(x);
    return Value::small(u ? 64 - __builtin_clzll(u) : 0);
  }
  mpz_srcptr z = args[0].as<BigInt>()->value;
  return Value::small(zsgn(z) ? int64_t(mpz_sizeinbase(z, 2)) : 0);
}

Value int_bit_count(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("int.bit_count", kwnames);
  check_nargs("int.bit_count", nargs - 1, 0, 0);
  int64_t x;
  if (small_of(args[0], &x)) {
    uint64_t u = x < 0 ? uint64_t(0) - uint64_t(x) : uint64_t(x);
    return Value::small(__builtin_popcountll(u));
  }
  Mpz a;
  mpz_abs(a, args[0].as<BigInt>()->value);
  return int_from_u64(mpz_popcount(a));
}

Value int_index_method(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__index__", kwnames);
  check_nargs("__index__", nargs - 1, 0, 0);
  return exact_int(args[0]);
}

Value int_round_method(Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  parse_args("__round__", args, nargs, kwnames, {"self", "ndigits"}, 1, a, 2);
  Value self = a[0];
  if (a[1].empty() || is_none(a[1])) return exact_int(self);
  Value nd = py_index(a[1]);
  if (int_sign(nd) >= 0) return exact_int(self);
  // result = self - divmod_near(self, 10**-ndigits)[1]
  MpzView s(self);
  Mpz k;
  {
    MpzView n(nd);
    mpz_neg(k, n);
  }
  // 10**k exceeds |self| * 2 once k > digits(self): the result is 0.
  if (mpz_cmp_ui(k.z, mpz_sizeinbase(s, 10) + 1) > 0) return Value::small(0);
  Mpz p, q, r, res;
  mpz_ui_pow_ui(p, 10, mpz_get_ui(k));
  divmod_near(s, p, q, r);
  mpz_sub(res, s, r);
  return take_mpz(res);
}

Value int_trunc_method(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__trunc__", kwnames);
  check_nargs("__trunc__", nargs - 1, 0, 0);
  return exact_int(args[0]);
}

Value int_format_method(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("__format__", kwnames);
  check_method_args("__format__", nargs, 2);
  if (!is_str(args[1]))
    raise_type_error("__format__() argument must be str, not " + type_name_str(args[1]));
  Str* spec = args[1].as<Str>();
  if (spec->ascii) return int_format(args[0], spec->ascii_view());
  return int_format(args[0], str_to_utf8(spec));
}

Value int_sizeof_method(Value* args, size_t, Tuple*) {
  int64_t x;
  if (small_of(args[0], &x)) return Value::small(x == 0 ? 24 : 28);
  return int_from_u64(24 + 4 * ((mpz_sizeinbase(args[0].as<BigInt>()->value, 2) + 29) / 30));
}

bool byteorder_is_little(Value v) {
  if (!is_str(v))
    raise_type_error("to_bytes() argument 'byteorder' must be str, not " + type_name_str(v));
  Str* s = v.as<Str>();
  if (str_equal_ascii(s, "little")) return true;
  if (str_equal_ascii(s, "big")) return false;
  raise_value_error("byteorder must be either 'little' or 'big'");
}

Value int_to_bytes(Value* args, size_t nargs, Tuple* kwnames) {
  Value a[4];
  parse_args("to_bytes", args, nargs, kwnames, {"self", "length", "byteorder", "signed"}, 1, a, 1);
  int64_t length = 1;
  if (!a[1].empty()) {
    Value l = py_index(a[1]);
    if (!int_to_i64(l, &length))
      raise_overflow_error("Python int too large to convert to C ssize_t");
    if (length < 0) raise_value_error("length argument must be non-negative");
  }
  bool little = a[2].empty() ? false : byteorder_is_little(a[2]);
  bool is_signed = !a[3].empty() && py_truthy(a[3]);
  MpzView v(a[0]);
  Mpz u;
  if (zsgn(v) < 0) {
    if (!is_signed) raise_overflow_error("can't convert negative int to unsigned");
    // Two's complement: v + 2**(8*length), which must not go below 2**(8*length-1).
    Mpz lim;
    mpz_setbit(lim, mp_bitcnt_t(8 * length));
    mpz_add(u, lim, v);
    Mpz half;
    if (length > 0) mpz_setbit(half, mp_bitcnt_t(8 * length - 1));
    if (length == 0 || mpz_cmp(u, half) < 0) raise_overflow_error("int too big to convert");
  } else {
    mpz_set(u, v);
    size_t bits = zsgn(u) ? mpz_sizeinbase(u, 2) : 0;
    if (int64_t(bits + (is_signed ? 1 : 0)) > 8 * length && !(bits == 0))
      raise_overflow_error("int too big to convert");
  }
  std::string buf(size_t(length), '\0');
  size_t count = 0;
  if (zsgn(u)) {
    std::string tmp((mpz_sizeinbase(u, 2) + 7) / 8, '\0');
    mpz_export(tmp.data(), &count, 1, 1, 1, 0, u);
    memcpy(buf.data() + (size_t(length) - count), tmp.data(), count);
  }
  if (little) std::reverse(buf.begin(), buf.end());
  return Value(bytes_new(buf));
}

Value int_from_bytes(Value* args, size_t nargs, Tuple* kwnames) {
  Value a[4];
  parse_args("from_bytes", args, nargs, kwnames, {"cls", "bytes", "byteorder", "signed"}, 2, a, 1);
  bool little = a[2].empty() ? false : byteorder_is_little(a[2]);
  bool is_signed = !a[3].empty() && py_truthy(a[3]);
  std::string data;
  if (is_bytes_like(a[1])) {
    data = std::string(a[1].as<Bytes>()->view());
  } else if (is_str(a[1]) || is_int(a[1])) {
    raise_type_error("cannot convert '" + type_name_str(a[1]) + "' object to bytes");
  } else {
    Value it = py_iter(a[1]);
    for (Value x = py_next(it); !x.empty(); x = py_next(it)) {
      Value i = py_index(x);
      int64_t b;
      if (!int_to_i64(i, &b) || b < 0 || b > 255)
        raise_value_error("bytes must be in range(0, 256)");
      data.push_back(char(b));
    }
  }
  if (little) std::reverse(data.begin(), data.end());
  Mpz z;
  if (!data.empty()) mpz_import(z, data.size(), 1, 1, 1, 0, data.data());
  if (is_signed && !data.empty() && (static_cast<unsigned char>(data[0]) & 0x80)) {
    Mpz lim;
    mpz_setbit(lim, mp_bitcnt_t(8 * data.size()));
    mpz_sub(z, z, lim);
  }
  Value result = take_mpz(z);
  Value cls = a[0];
  if (cls.obj() != int_type) return py_call1(cls, result);
  return result;
}

Value int_get_real(Value self) { return exact_int(self); }
Value int_get_imag(Value) { return Value::small(0); }
Value int_get_denominator(Value) { return Value::small(1); }

}  // namespace

// ---------------------------------------------------------------- public API

Value int_from_i64_big(int64_t v) {
  mp_limb_t l = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
  return int_from_limbs(&l, 1, v < 0);
}

Value int_from_u64(uint64_t v) {
  if (v <= uint64_t(Value::kSmallMax)) return Value::small(int64_t(v));
  mp_limb_t l = v;
  return int_from_limbs(&l, 1, false);
}

Value int_from_mpz(const mpz_t v) { return copy_mpz(v); }

Value int_from_double(double d) {
  if (std::isnan(d)) raise_value_error("cannot convert float NaN to integer");
  if (std::isinf(d)) raise_overflow_error("cannot convert float infinity to integer");
  double t = std::trunc(d);
  if (std::fabs(t) < 4611686018427387904.0) return Value::small(int64_t(t));  // 2**62
  Mpz z;
  mpz_set_d(z, t);
  return take_mpz(z);
}

Value int_from_string(std::string_view text, int base) {
  std::string ascii = to_ascii_digits(text);
  Value r = parse_int_ascii(ascii, base);
  if (r.empty()) raise_invalid_literal(base, Value(str_new(text)));
  return r;
}

bool int_fits_i64(Value v) {
  int64_t x;
  return int_to_i64(v, &x);
}

bool int_to_i64(Value v, int64_t* out) {
  if (small_of(v, out)) return true;
  mpz_srcptr z = v.as<BigInt>()->value;
  if (!mpz_fits_slong_p(z)) return false;
  *out = mpz_get_si(z);
  return true;
}

int64_t int_as_i64(Value v) {
  int64_t x;
  if (!int_to_i64(v, &x)) raise_overflow_error("Python int too large to convert to C long");
  return x;
}

double int_to_double(Value v) {
  int64_t x;
  if (small_of(v, &x)) return double(x);
  mpz_srcptr z = v.as<BigInt>()->value;
  if (zsgn(z) == 0) return 0.0;
  int64_t e;
  double m = mpz_frexp(z, &e);
  if (e > 1024) raise_overflow_error("int too large to convert to float");
  double r = std::ldexp(m, int(e));
  return zsgn(z) < 0 ? -r : r;
}

double int_frexp(Value v, int64_t* e) {
  MpzView z(v);
  if (zsgn(z) == 0) {
    *e = 0;
    return 0.0;
  }
  return mpz_frexp(z, e);
}

void int_to_mpz(Value v, mpz_t out) {
  MpzView z(v);
  mpz_set(out, z);
}

int int_sign(Value v) {
  int64_t x;
  if (small_of(v, &x)) return (x > 0) - (x < 0);
  return zsgn(v.as<BigInt>()->value);
}

int int_compare(Value a, Value b) {
  int64_t x, y;
  if (small_of(a, &x) && small_of(b, &y)) return (x > y) - (x < y);
  MpzView A(a), B(b);
  int c = mpz_cmp(A, B);
  return (c > 0) - (c < 0);
}

int64_t int_hash(Value v) {
  int64_t x;
  if (small_of(v, &x)) {
    // |x| < 2**62 here, so one reduction suffices.
    int64_t h = x < 0 ? -((-x) % kHashModulus) : x % kHashModulus;
    return h == -1 ? -2 : h;
  }
  mpz_srcptr z = v.as<BigInt>()->value;
  int64_t h = int64_t(mpz_tdiv_ui(z, (unsigned long)kHashModulus));  // |z| mod P
  if (zsgn(z) < 0) h = -h;
  return h == -1 ? -2 : h;
}

std::string int_to_decimal(Value v) {
  int64_t x;
  if (small_of(v, &x)) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, x);
    return std::string(buf, r.ptr);
  }
  mpz_srcptr z = v.as<BigInt>()->value;
  if (mpz_fits_slong_p(z)) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, int64_t(mpz_get_si(z)));
    return std::string(buf, r.ptr);
  }
  return mpz_decimal(z);
}

Str* int_to_decimal_str(Value v) {
  int64_t x;
  if (small_of(v, &x)) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, x);
    return str_from_ascii(std::string_view(buf, size_t(r.ptr - buf)));
  }
  return str_from_ascii(int_to_decimal(v));
}

std::string int_to_base(Value v, int base, bool prefix) {
  MpzView z(v);
  std::string s(mpz_sizeinbase(z, base) + 2, '\0');
  mpz_get_str(s.data(), base, z);
  s.resize(strlen(s.c_str()));
  if (prefix) {
    const char* p = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
    s.insert(s[0] == '-' ? 1 : 0, p);
  }
  return s;
}

Value int_binary(Value a, Value b, int op) {
  if (op >= 13) op -= 13;
  if (!is_int(a) || !is_int(b)) {
    // Exact floats are handled by float's slot; everything else is not ours.
    return not_implemented();
  }
  int64_t x, y;
  if (op == kTrueDiv) return int_true_divide(a, b);
  if (op == kPow) return int_power(a, b, Value());
  if (small_of(a, &x) && small_of(b, &y)) return small_binary(x, y, a, b, op);
  if (op == kAdd || op == kSub) return add_ints(a, b, op == kSub);
  return big_binary(a, b, op);
}

Value int_binary_exact(Value a, Value b, int op) {
  if (op >= 13) op -= 13;
  if (op == kAdd || op == kSub) {
    if (a.is_small() && b.is_small()) {
      int64_t x = a.small_value(), y = b.small_value();
      return int_from_i64(op == kAdd ? x + y : x - y);
    }
    // |y| <= 2**62 for a small y, so -y cannot overflow.
    if (b.is_small()) {
      mpz_srcptr z = a.as<BigInt>()->value;
      if (z->_mp_size >= 2 || z->_mp_size <= -2)
        return add_small(z, op == kAdd ? b.small_value() : -b.small_value());
    } else if (a.is_small() && op == kAdd) {
      mpz_srcptr z = b.as<BigInt>()->value;
      if (z->_mp_size >= 2 || z->_mp_size <= -2) return add_small(z, a.small_value());
    }
    return add_ints(a, b, op == kSub);
  }
  return int_binary(a, b, op);
}

Value int_negative(Value v) {
  int64_t x;
  if (small_of(v, &x)) return int_from_i64(-x);
  Mpz r;
  mpz_neg(r, v.as<BigInt>()->value);
  return take_mpz(r);
}

Value int_divmod(Value a, Value b) {
  if (!is_int(a) || !is_int(b)) return not_implemented();
  int64_t x, y;
  if (small_of(a, &x) && small_of(b, &y)) {
    if (y == 0) raise_zero_division("integer division or modulo by zero");
    int64_t q = x / y, m = x % y;
    if (m != 0 && ((m < 0) != (y < 0))) {
      m += y;
      --q;
    }
    return Value(tuple_of({int_from_i64(q), Value::small(m)}));
  }
  MpzView A(a), B(b);
  if (zsgn(B) == 0) raise_zero_division("integer division or modulo by zero");
  Mpz q, r;
  mpz_fdiv_qr(q, r, A, B);
  Value qv = take_mpz(q);
  Value rv = take_mpz(r);
  return Value(tuple_of({qv, rv}));
}

Value int_power(Value base, Value exp, Value mod) {
  if (!is_int(base) || !is_int(exp)) return not_implemented();
  if (!mod.empty() && !is_none(mod)) {
    if (!is_int(mod)) return not_implemented();
    MpzView M(mod);
    if (zsgn(M) == 0) raise_value_error("pow() 3rd argument cannot be 0");
    Mpz absm, b, e, r;
    mpz_abs(absm, M);
    MpzView B(base), E(exp);
    mpz_set(b, B);
    if (zsgn(E) < 0) {
      mpz_mod(b, b, absm);
      if (mpz_cmp_ui(absm.z, 1) == 0) {
        mpz_set_ui(b, 0);
      } else if (mpz_invert(b, b, absm) == 0) {
        raise_value_error("base is not invertible for the given modulus");
      }
      mpz_neg(e, E);
    } else {
      mpz_set(e, E);
    }
    mpz_powm(r, b, e, absm);
    if (zsgn(M) < 0 && zsgn(r) != 0) mpz_add(r, r, M);
    return take_mpz(r);
  }
  if (int_sign(exp) < 0) return float_power_of_ints(base, exp);
  int64_t x, y;
  bool small_base = small_of(base, &x);
  if (small_base && (x == 0 || x == 1)) return Value::small(int_sign(exp) == 0 ? 1 : x);
  if (small_base && x == -1) {
    MpzView E(exp);
    return Value::small(zodd(E) ? -1 : 1);
  }
  if (small_base && small_of(exp, &y)) {
    if (y == 0) return Value::small(1);
    if (y < 64) return small_pow(x, y);
  }
  MpzView B(base), E(exp);
  if (!mpz_fits_ulong_p(E)) raise_memory_error();
  unsigned long e = mpz_get_ui(E);
  // A result of more than ~2**37 bits cannot be allocated sensibly.
  if (double(mpz_sizeinbase(B, 2) - 1) * double(e) > double(uint64_t(1) << 37))
    raise_memory_error();
  Mpz r;
  mpz_pow_ui(r, B, e);
  return take_mpz(r);
}

Value int_add_slow(Value a, Value b) { return int_binary(a, b, kAdd); }
Value int_sub_slow(Value a, Value b) { return int_binary(a, b, kSub); }
Value int_mul_slow(Value a, Value b) { return int_binary(a, b, kMul); }

Value int_new_of_type(Type* type, Value v) {
  if (type == int_type) return exact_int(v);
  return new_int_subclass_instance(type, v);
}

Value int_exact(Value v) { return exact_int(v); }

Value int_from_number(Value v) { return number_to_int(v); }

std::string number_text_to_ascii(std::string_view text) { return to_ascii_digits(text); }

void init_int_type() {
  Type* t = int_type;
  t->finalize = bigint_finalize;
  t->repr = int_repr_slot;
  t->hash = int_hash_slot;
  t->richcompare = int_richcompare;
  t->binary = int_binary;
  t->negative = int_negative;
  t->positive = int_positive;
  t->invert = int_invert;
  t->absolute = int_absolute;
  t->truthy = int_truthy;
  t->new_ = int_new;

  add_method(t, kBinopDunder[0], int_dunder<0>);
  add_method(t, kBinopDunder[1], int_dunder<1>);
  add_method(t, kBinopDunder[2], int_dunder<2>);
  add_method(t, kBinopDunder[3], int_dunder<3>);
  add_method(t, kBinopDunder[5], int_dunder<5>);
  add_method(t, kBinopDunder[6], int_dunder<6>);
  add_method(t, kBinopDunder[7], int_dunder<7>);
  add_method(t, kBinopDunder[9], int_dunder<9>);
  add_method(t, kBinopDunder[10], int_dunder<10>);
  add_method(t, kBinopDunder[11], int_dunder<11>);
  add_method(t, kBinopDunder[12], int_dunder<12>);
  add_method(t, kBinopRDunder[0], int_rdunder<0>);
  add_method(t, kBinopRDunder[1], int_rdunder<1>);
  add_method(t, kBinopRDunder[2], int_rdunder<2>);
  add_method(t, kBinopRDunder[3], int_rdunder<3>);
  add_method(t, kBinopRDunder[5], int_rdunder<5>);
  add_method(t, kBinopRDunder[6], int_rdunder<6>);
  add_method(t, kBinopRDunder[7], int_rdunder<7>);
  add_method(t, kBinopRDunder[9], int_rdunder<9>);
  add_method(t, kBinopRDunder[10], int_rdunder<10>);
  add_method(t, kBinopRDunder[11], int_rdunder<11>);
  add_method(t, kBinopRDunder[12], int_rdunder<12>);
  add_method(t, "__pow__", int_pow_method);
  add_method(t, "__rpow__", int_rpow_method);
  add_method(t, "__divmod__", int_divmod_method);
  add_method(t, "__rdivmod__", int_rdivmod_method);
  add_method(t, kCmpDunder[0], int_cmp_dunder<0>);
  add_method(t, kCmpDunder[1], int_cmp_dunder<1>);
  add_method(t, kCmpDunder[2], int_cmp_dunder<2>);
  add_method(t, kCmpDunder[3], int_cmp_dunder<3>);
  add_method(t, kCmpDunder[4], int_cmp_dunder<4>);
  add_method(t, kCmpDunder[5], int_cmp_dunder<5>);
  add_method(t, "__neg__", int_neg_method);
  add_method(t, "__pos__", int_pos_method);
  add_method(t, "__abs__", int_abs_method);
  add_method(t, "__invert__", int_invert_method);
  add_method(t, "__bool__", int_bool_method);
  add_method(t, "__int__", int_int_method);
  add_method(t, "__float__", int_float_method);
  add_method(t, "__index__", int_index_method);
  add_method(t, "__trunc__", int_trunc_method);
  add_method(t, "__floor__", int_trunc_method);
  add_method(t, "__ceil__", int_trunc_method);
  add_method(t, "__round__", int_round_method);
  add_method(t, "__repr__", int_repr_method);
  add_method(t, "__hash__", int_hash_method);
  add_method(t, "__format__", int_format_method);
  add_method(t, "__getnewargs__", int_getnewargs);
  add_method(t, "__sizeof__", int_sizeof_method);
  add_method(t, "conjugate", int_conjugate);
  add_method(t, "bit_length", int_bit_length);
  add_method(t, "bit_count", int_bit_count);
  add_method(t, "to_bytes", int_to_bytes);
  add_method(t, "from_bytes", int_from_bytes, kBuiltinClassMethod);
  add_method(t, "as_integer_ratio", int_as_integer_ratio);
  add_getter(t, "real", int_get_real);
  add_getter(t, "imag", int_get_imag);
  add_getter(t, "numerator", int_get_real);
  add_getter(t, "denominator", int_get_denominator);

  init_bool_type();
}

}  // namespace kestrel
