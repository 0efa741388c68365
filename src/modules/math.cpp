// The `math` module. Float functions call the same libm as CPython with
// CPython's error mapping (math_1/math_2/is_error) and its own algorithms
// where it has them (gamma, lgamma, hypot, fsum, remainder), so results are
// bit-identical; integer functions are exact (GMP).
#include "modules/math.h"

#include <gmp.h>

#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <string>
#include <vector>

#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

namespace {

constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kLogPi = 1.144729885849400174143427351353058711647;
constexpr int kMultiply = 5, kTrueDivide = 11;

struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  operator mpz_ptr() { return z; }  // NOLINT: implicit for GMP calls
};

// Like PyFloat_AsDouble with fast paths for exact floats and ints.
inline double arg_double(Value v) {
  if (is_exact(v, float_type)) return float_value(v);
  if (v.is_small()) return double(v.small_value());
  return to_double(v);
}

// CPython's is_error: errno != 0 is the precondition. Returns false when the
// error is an ignorable underflow.
bool check_errno(double r) {
  if (errno == EDOM) raise_value_error("math domain error");
  if (errno == ERANGE) {
    if (std::fabs(r) < 1.5) return false;
    raise_overflow_error("math range error");
  }
  raise_value_error("math domain error");
}

double math_1(Value arg, double (*func)(double), bool can_overflow) {
  double x = arg_double(arg);
  errno = 0;
  double r = func(x);
  if (std::isnan(r) && !std::isnan(x)) raise_value_error("math domain error");
  if (std::isinf(r) && std::isfinite(x)) {
    if (can_overflow) raise_overflow_error("math range error");
    raise_value_error("math domain error");
  }
  if (std::isfinite(r) && errno) check_errno(r);
  return r;
}

double math_1a(Value arg, double (*func)(double)) {
  double x = arg_double(arg);
  errno = 0;
  double r = func(x);
  if (errno) check_errno(r);
  return r;
}

double math_2(Value a, Value b, double (*func)(double, double)) {
  double x = arg_double(a), y = arg_double(b);
  errno = 0;
  double r = func(x, y);
  if (std::isnan(r)) {
    errno = (!std::isnan(x) && !std::isnan(y)) ? EDOM : 0;
  } else if (std::isinf(r)) {
    errno = (std::isfinite(x) && std::isfinite(y)) ? ERANGE : 0;
  }
  if (errno) check_errno(r);
  return r;
}

// ---------------------------------------------------------------- CPython's own float algorithms

// sin(pi*x), exact at integers; finite x only.
double m_sinpi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int n = int(std::round(2.0 * y));
  double r;
  switch (n) {
    case 0:
      r = std::sin(kPi * y);
      break;
    case 1:
      r = std::cos(kPi * (y - 0.5));
      break;
    case 2:
      r = std::sin(kPi * (1.0 - y));
      break;  // not -sin(pi*(y-1)): sign of zero
    case 3:
      r = -std::cos(kPi * (y - 1.5));
      break;
    default:
      r = std::sin(kPi * (y - 2.0));
      break;
  }
  return std::copysign(1.0, x) * r;
}

// Lanczos approximation (N=13, g=6.024680040776729583740234375), as a
// rational function; the coefficients are those CPython and Boost use.
constexpr int kLanczosN = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kLanczosNum[kLanczosN] = {23531376880.410759688572007674451636754734846804940,
                                           42919803642.649098768957899047001988850926355848959,
                                           35711959237.355668049440185451547166705960488635843,
                                           17921034426.037209699919755754458931112671403265390,
                                           6039542586.3520280050642916443072979210699388420708,
                                           1439720407.3117216736632230727949123939715485786772,
                                           248874557.86205415651146038641322942321632125127801,
                                           31426415.585400194380614231628318205362874684987640,
                                           2876370.6289353724412254090516208496135991145378768,
                                           186056.26539522349504029498971604569928220784236328,
                                           8071.6720023658162106380029022722506138218516325024,
                                           210.82427775157934587250973392071336271166969580291,
                                           2.5066282746310002701649081771338373386264310793408};
// x*(x+1)*...*(x+11) expanded
constexpr double kLanczosDen[kLanczosN] = {
    0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0, 357423.0,   32670.0,     1925.0,      66.0,        1.0};
constexpr int kGammaIntegral = 23;
constexpr double kGammaIntegralValues[kGammaIntegral] = {
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
};

double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  // For large x evaluate as a rational function in 1/x to avoid overflow.
  if (x < 5.0) {
    for (int i = kLanczosN; --i >= 0;) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {
    for (int i = 0; i < kLanczosN; i++) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

double m_tgamma(double x) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
  }
  if (x == 0.0) {
    errno = EDOM;
    return std::copysign(HUGE_VAL, x);
  }
  if (x == std::floor(x)) {
    if (x < 0.0) {
      errno = EDOM;
      return NAN;
    }
    if (x <= kGammaIntegral) return kGammaIntegralValues[int(x) - 1];
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    if (std::isinf(r)) errno = ERANGE;
    return r;
  }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / m_sinpi(x);
    errno = ERANGE;
    return HUGE_VAL;
  }
  double y = absx + kLanczosGMinusHalf;
  // z: the rounding error of y, used for a first-order correction.
  double z;
  if (absx > kLanczosGMinusHalf) {
    double q = y - absx;
    z = q - kLanczosGMinusHalf;
  } else {
    double q = y - kLanczosGMinusHalf;
    z = q - absx;
  }
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -kPi / m_sinpi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (std::isinf(r)) errno = ERANGE;
  return r;
}

double m_lgamma(double x) {
  if (!std::isfinite(x)) return std::isnan(x) ? x : HUGE_VAL;
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      errno = EDOM;
      return HUGE_VAL;
    }
    return 0.0;
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return -std::log(absx);
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = kLogPi - std::log(std::fabs(m_sinpi(absx))) - std::log(absx) - r;
  if (std::isinf(r)) errno = ERANGE;
  return r;
}

double m_atan2(double y, double x) {
  if (std::isnan(x) || std::isnan(y)) return NAN;
  if (std::isinf(y)) {
    if (std::isinf(x)) {
      return std::copysign(std::copysign(1., x) == 1. ? 0.25 * kPi : 0.75 * kPi, y);
    }
    return std::copysign(0.5 * kPi, y);
  }
  if (std::isinf(x) || y == 0.) {
    return std::copysign(1., x) == 1. ? std::copysign(0., y) : std::copysign(kPi, y);
  }
  return std::atan2(y, x);
}

// IEEE 754 remainder, exact (CPython's m_remainder).
double m_remainder(double x, double y) {
  if (std::isfinite(x) && std::isfinite(y)) {
    if (y == 0.0) return NAN;
    double absx = std::fabs(x), absy = std::fabs(y);
    double m = std::fmod(absx, absy);
    // Compare m with c = absy - m rather than with 0.5*absy (which may be inexact).
    double c = absy - m, r;
    if (m < c) {
      r = m;
    } else if (m > c) {
      r = -c;
    } else {
      r = m - 2.0 * std::fmod(0.5 * (absx - m), absy);  // halfway: pick the even multiple
    }
    return std::copysign(1.0, x) * r;
  }
  if (std::isnan(x)) return x;
  if (std::isnan(y)) return y;
  if (std::isinf(x)) return NAN;
  return x;
}

double m_log(double x) {
  if (std::isfinite(x)) {
    if (x > 0.0) return std::log(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
  }
  if (std::isnan(x) || x > 0.0) return x;
  errno = EDOM;
  return NAN;
}

double m_log2(double x) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
  }
  if (x > 0.0) return std::log2(x);
  errno = EDOM;
  return x == 0.0 ? -HUGE_VAL : NAN;
}

double m_log10(double x) {
  if (std::isfinite(x)) {
    if (x > 0.0) return std::log10(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
  }
  if (std::isnan(x) || x > 0.0) return x;
  errno = EDOM;
  return NAN;
}

double m_log1p(double x) { return std::log1p(x); }

// CPython's vector_norm: scaled, Veltkamp-Dekker split squares with
// compensated summation and a differential correction of the square root.
double vector_norm(size_t n, const double* vec, double max, bool found_nan) {
  const double T27 = 134217729.0;  // 2**27 + 1
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || n <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0, oldcsum, x, t, hi, lo;
  if (max_e >= -1023) {
    double scale = std::ldexp(1.0, -max_e);
    for (size_t i = 0; i < n; i++) {
      x = vec[i] * scale;
      t = x * T27;
      hi = t - (t - x);
      lo = x - hi;
      x = hi * hi;
      oldcsum = csum;
      csum += x;
      frac1 += (oldcsum - csum) + x;
      x = 2.0 * hi * lo;
      oldcsum = csum;
      csum += x;
      frac2 += (oldcsum - csum) + x;
      frac3 += lo * lo;
    }
    double h = std::sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    x = h;
    t = x * T27;
    hi = t - (t - x);
    lo = x - hi;
    x = -hi * hi;
    oldcsum = csum;
    csum += x;
    frac1 += (oldcsum - csum) + x;
    x = -2.0 * hi * lo;
    oldcsum = csum;
    csum += x;
    frac2 += (oldcsum - csum) + x;
    x = -lo * lo;
    oldcsum = csum;
    csum += x;
    frac3 += (oldcsum - csum) + x;
    x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
  }
  // Tiny max: ldexp(1, -max_e) would overflow, so divide by max instead.
  for (size_t i = 0; i < n; i++) {
    x = vec[i] / max;
    x = x * x;
    oldcsum = csum;
    csum += x;
    frac1 += (oldcsum - csum) + x;
  }
  return max * std::sqrt(csum - 1.0 + frac1);
}

// ---------------------------------------------------------------- wrappers

Value fresult(double d) { return float_new(d); }

void one_arg(const char* name, size_t nargs, Tuple* kwnames) {
  check_no_kwargs(name, kwnames);
  check_nargs(name, nargs, 1, 1);
}
void two_args(const char* qualname, const char* name, size_t nargs, Tuple* kwnames) {
  check_no_kwargs(qualname, kwnames);
  if (nargs != 2)
    raise_type_error(std::string(name) + " expected 2 arguments, got " + std::to_string(nargs));
}

#define MATH_FUNC1(pyname, func, can_overflow)                \
  Value math_##pyname(Value* args, size_t nargs, Tuple* kw) { \
    one_arg("math." #pyname, nargs, kw);                      \
    return fresult(math_1(args[0], func, can_overflow));      \
  }
#define MATH_FUNC1A(pyname, func)                             \
  Value math_##pyname(Value* args, size_t nargs, Tuple* kw) { \
    one_arg("math." #pyname, nargs, kw);                      \
    return fresult(math_1a(args[0], func));                   \
  }
#define MATH_FUNC2(pyname, func)                              \
  Value math_##pyname(Value* args, size_t nargs, Tuple* kw) { \
    two_args("math." #pyname, #pyname, nargs, kw);            \
    return fresult(math_2(args[0], args[1], func));           \
  }

double c_acos(double x) { return std::acos(x); }
double c_acosh(double x) { return std::acosh(x); }
double c_asin(double x) { return std::asin(x); }
double c_asinh(double x) { return std::asinh(x); }
double c_atan(double x) { return std::atan(x); }
double c_atanh(double x) { return std::atanh(x); }
double c_cbrt(double x) { return std::cbrt(x); }
double c_cos(double x) { return std::cos(x); }
double c_cosh(double x) { return std::cosh(x); }
double c_erf(double x) { return std::erf(x); }
double c_erfc(double x) { return std::erfc(x); }
double c_exp(double x) { return std::exp(x); }
double c_exp2(double x) { return std::exp2(x); }
double c_expm1(double x) { return std::expm1(x); }
double c_fabs(double x) { return std::fabs(x); }
double c_sin(double x) { return std::sin(x); }
double c_sinh(double x) { return std::sinh(x); }
double c_sqrt(double x) { return std::sqrt(x); }
double c_tan(double x) { return std::tan(x); }
double c_tanh(double x) { return std::tanh(x); }
double c_copysign(double x, double y) { return std::copysign(x, y); }

MATH_FUNC1(acos, c_acos, false)
MATH_FUNC1(acosh, c_acosh, false)
MATH_FUNC1(asin, c_asin, false)
MATH_FUNC1(asinh, c_asinh, false)
MATH_FUNC1(atan, c_atan, false)
MATH_FUNC1(atanh, c_atanh, false)
MATH_FUNC1(cbrt, c_cbrt, false)
MATH_FUNC1(cos, c_cos, false)
MATH_FUNC1(cosh, c_cosh, true)
MATH_FUNC1A(erf, c_erf)
MATH_FUNC1A(erfc, c_erfc)
MATH_FUNC1(exp, c_exp, true)
MATH_FUNC1(exp2, c_exp2, true)
MATH_FUNC1(expm1, c_expm1, true)
MATH_FUNC1(fabs, c_fabs, false)
MATH_FUNC1A(gamma, m_tgamma)
MATH_FUNC1A(lgamma, m_lgamma)
MATH_FUNC1(log1p, m_log1p, false)
MATH_FUNC1(sin, c_sin, false)
MATH_FUNC1(sinh, c_sinh, true)
MATH_FUNC1(sqrt, c_sqrt, false)
MATH_FUNC1(tan, c_tan, false)
MATH_FUNC1(tanh, c_tanh, false)
MATH_FUNC2(atan2, m_atan2)
MATH_FUNC2(copysign, c_copysign)
MATH_FUNC2(remainder, m_remainder)

// log of an int of any size, via frexp for ints beyond the float range (loghelper).
Value loghelper(Value arg, double (*func)(double)) {
  if (is_int(arg)) {
    if (int_sign(arg) <= 0) raise_value_error("math domain error");
    int64_t e;
    double m = int_frexp(arg, &e);
    if (e > 1024) return fresult(func(m) + func(2.0) * double(e));
    return fresult(func(int_to_double(arg)));
  }
  return fresult(math_1(arg, func, false));
}

Value math_log(Value* args, size_t nargs, Tuple* kw) {
  check_no_kwargs("log", kw);
  check_nargs("log", nargs, 1, 2);
  Value num = loghelper(args[0], m_log);
  if (nargs == 1) return num;
  Value den = loghelper(args[1], m_log);
  return py_binary(num, den, kTrueDivide);
}
Value math_log2(Value* args, size_t nargs, Tuple* kw) {
  one_arg("math.log2", nargs, kw);
  return loghelper(args[0], m_log2);
}
Value math_log10(Value* args, size_t nargs, Tuple* kw) {
  one_arg("math.log10", nargs, kw);
  return loghelper(args[0], m_log10);
}

Value math_floor(Value* args, size_t nargs, Tuple* kw) {
  one_arg("math.floor", nargs, kw);
  Value v = args[0];
  if (v.is_small()) return v;
  if (!is_exact(v, float_type)) {
    Value f = lookup_special(v, names::dunder_floor);
    if (!f.empty()) return py_call0(f);
  }
  return int_from_double(std::floor(arg_double(v)));
}
Value math_ceil(Value* args, size_t nargs, Tuple* kw) {
  one_arg("math.ceil", nargs, kw);
  Value v = args[0];
  if (v.is_small()) return v;
  if (!is_exact(v, float_type)) {
    Value f = lookup_special(v, names::dunder_ceil);
    if (!f.empty()) return py_call0(f);
  }
  return int_from_double(std::ceil(arg_double(v)));
}
Value math_trunc(Value* args, size_t nargs, Tuple* kw) {
  one_arg("math.trunc", nargs, kw);
  Value v = args[0];
  if (v.is_small()) return v;
  if (is_exact(v, float_type)) return int_from_double(float_value(v));
  Value f = lookup_special(v, names::dunder_trunc);
  if (f.empty()) raise_type_error("type " + type_name_str(v) + " doesn't define __trunc__ method");
  return py_call0(f);
}

Value math_fmod(Value* args, size_t nargs, Tuple* kw) {
  two_args("math.fmod", "fmod", nargs, kw);
  double x = arg_double(args[0]), y = arg_double(args[1]);
  if (std::isinf(y) && std::isfinite(x)) return fresult(x);
  errno = 0;
  double r = std::fmod(x, y);
  if (std::isnan(r)) errno = (!std::isnan(x) && !std::isnan(y)) ? EDOM : 0;
  if (errno) check_errno(r);
  return fresult(r);
}

Value math_modf(Value* args, size_t nargs, Tuple* kw) {
  one_arg("math.modf", nargs, kw);
  double x = arg_double(args[0]);
  if (std::isinf(x)) return Value(tuple_of({fresult(std::copysign(0., x)), fresult(x)}));
  if (std::isnan(x)) return Value(tuple_of({fresult(x), fresult(x)}));
  double ip;
  double fp = std::modf(x, &ip);
  Value a = fresult(fp);
  Value b = fresult(ip);
  return Value(tuple_of({a, b}));
}

Value math_frexp(Value* args, size_t nargs, Tuple* kw) {
  one_arg("math.frexp", nargs, kw);
  double x = arg_double(args[0]);
  int e = 0;
  if (!(std::isnan(x) || std::isinf(x) || x == 0.0)) x = std::frexp(x, &e);
  Value m = fresult(x);
  return Value(tuple_of({m, Value::small(e)}));
}

Value math_ldexp(Value* args, size_t nargs, Tuple* kw) {
  two_args("math.ldexp", "ldexp", nargs, kw);
  double x = arg_double(args[0]);
  if (!is_int(args[1])) raise_type_error("Expected an int as second argument to ldexp.");
  int64_t exp;
  if (!int_to_i64(args[1], &exp)) exp = int_sign(args[1]) < 0 ? INT64_MIN : INT64_MAX;
  double r;
  errno = 0;
  if (x == 0. || !std::isfinite(x)) {
    r = x;
  } else if (exp > INT_MAX) {
    r = std::copysign(HUGE_VAL, x);
    errno = ERANGE;
  } else if (exp < INT_MIN) {
    r = std::copysign(0., x);
  } else {
    r = std::ldexp(x, int(exp));
    if (std::isinf(r)) errno = ERANGE;
  }
  if (errno) check_errno(r);
  return fresult(r);
}

Value math_pow(Value* args, size_t nargs, Tuple* kw) {
  two_args("math.pow", "pow", nargs, kw);
  double x = arg_double(args[0]), y = arg_double(args[1]);
  double r = 0.;
  errno = 0;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) {
      r = y == 0. ? 1. : x;
    } else if (std::isnan(y)) {
      r = x == 1. ? 1. : y;
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.) {
        r = odd_y ? x : std::fabs(x);
      } else if (y == 0.) {
        r = 1.;
      } else {
        r = odd_y ? std::copysign(0., x) : 0.;
      }
    } else {  // y infinite
      if (std::fabs(x) == 1.0) {
        r = 1.;
      } else if (y > 0. && std::fabs(x) > 1.0) {
        r = y;
      } else if (y < 0. && std::fabs(x) < 1.0) {
        r = -y;
      } else {
        r = 0.;
      }
    }
  } else {
    r = std::pow(x, y);
    if (!std::isfinite(r)) {
      if (std::isnan(r)) {
        errno = EDOM;
      } else {
        errno = x == 0. ? EDOM : ERANGE;
      }
    } else {
      errno = 0;
    }
  }
  if (errno) check_errno(r);
  return fresult(r);
}

Value math_degrees(Value* args, size_t nargs, Tuple* kw) {
  one_arg("math.degrees", nargs, kw);
  static const double rad_to_deg = 180.0 / kPi;
  return fresult(arg_double(args[0]) * rad_to_deg);
}
Value math_radians(Value* args, size_t nargs, Tuple* kw) {
  one_arg("math.radians", nargs, kw);
  static const double deg_to_rad = kPi / 180.0;
  return fresult(arg_double(args[0]) * deg_to_rad);
}
Value math_isfinite(Value* args, size_t nargs, Tuple* kw) {
  one_arg("math.isfinite", nargs, kw);
  return py_bool(std::isfinite(arg_double(args[0])));
}
Value math_isinf(Value* args, size_t nargs, Tuple* kw) {
  one_arg("math.isinf", nargs, kw);
  return py_bool(std::isinf(arg_double(args[0])));
}
Value math_isnan(Value* args, size_t nargs, Tuple* kw) {
  one_arg("math.isnan", nargs, kw);
  return py_bool(std::isnan(arg_double(args[0])));
}

Value math_isclose(Value* args, size_t nargs, Tuple* kw) {
  if (nargs > 2)
    raise_type_error("isclose() takes exactly 2 positional arguments (" + std::to_string(nargs) +
                     " given)");
  Value a[4];
  parse_args("isclose", args, nargs, kw, {"a", "b", "rel_tol", "abs_tol"}, 2, a);
  double x = arg_double(a[0]), y = arg_double(a[1]);
  double rel_tol = a[2].empty() ? 1e-09 : arg_double(a[2]);
  double abs_tol = a[3].empty() ? 0.0 : arg_double(a[3]);
  if (rel_tol < 0.0 || abs_tol < 0.0) raise_value_error("tolerances must be non-negative");
  if (x == y) return py_bool(true);
  if (std::isinf(x) || std::isinf(y)) return py_bool(false);
  double diff = std::fabs(y - x);
  return py_bool((diff <= std::fabs(rel_tol * y)) || (diff <= std::fabs(rel_tol * x)) ||
                 (diff <= abs_tol));
}

Value math_hypot(Value* args, size_t nargs, Tuple* kw) {
  check_no_kwargs("hypot", kw);
  std::vector<double> coords(nargs);
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < nargs; i++) {
    double x = std::fabs(arg_double(args[i]));
    coords[i] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return fresult(vector_norm(nargs, coords.data(), max, found_nan));
}

Value math_dist(Value* args, size_t nargs, Tuple* kw) {
  two_args("math.dist", "dist", nargs, kw);
  Tuple* p = is_tuple(args[0]) ? args[0].as<Tuple>() : tuple_from_iterable(args[0]);
  Tuple* q = is_tuple(args[1]) ? args[1].as<Tuple>() : tuple_from_iterable(args[1]);
  if (p->size != q->size) raise_value_error("both points must have the same number of dimensions");
  std::vector<double> diffs(size_t(p->size));
  double max = 0.0;
  bool found_nan = false;
  for (int64_t i = 0; i < p->size; i++) {
    double px = arg_double(p->items[i]);
    double qx = arg_double(q->items[i]);
    double x = std::fabs(px - qx);
    diffs[size_t(i)] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return fresult(vector_norm(diffs.size(), diffs.data(), max, found_nan));
}

// Shewchuk/Hettinger exact summation with CPython's final half-even fix-up.
Value math_fsum(Value* args, size_t nargs, Tuple* kw) {
  one_arg("math.fsum", nargs, kw);
  Value it = py_iter(args[0]);
  std::vector<double> p;
  double special_sum = 0.0, inf_sum = 0.0;
  volatile double hi, yr, lo = 0.0;
  for (Value item = py_next(it); !item.empty(); item = py_next(it)) {
    double x = arg_double(item), y, t;
    double xsave = x;
    size_t i = 0;
    for (size_t j = 0; j < p.size(); j++) {
      y = p[j];
      if (std::fabs(x) < std::fabs(y)) {
        t = x;
        x = y;
        y = t;
      }
      hi = x + y;
      yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    p.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        // From an inf/nan summand, or from intermediate overflow.
        if (std::isfinite(xsave)) raise_overflow_error("intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        p.clear();
      } else {
        p.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) raise_value_error("-inf + inf in fsum");
    return fresult(special_sum);
  }
  hi = 0.0;
  size_t n = p.size();
  if (n > 0) {
    hi = p[--n];
    double x, y;
    while (n > 0) {
      x = hi;
      y = p[--n];
      hi = x + y;
      yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      y = lo * 2.0;
      x = hi + y;
      yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return fresult(hi);
}

Value index_arg(Value v) { return is_int(v) ? v : py_index(v); }

Value math_factorial(Value* args, size_t nargs, Tuple* kw) {
  one_arg("math.factorial", nargs, kw);
  Value v = index_arg(args[0]);
  int64_t n;
  if (!int_to_i64(v, &n)) {
    if (int_sign(v) > 0)
      raise_overflow_error("factorial() argument should not exceed 9223372036854775807");
    n = -1;
  }
  if (n < 0) raise_value_error("factorial() not defined for negative values");
  Mpz r;
  mpz_fac_ui(r, (unsigned long)n);
  return int_from_mpz(r.z);
}

Value math_isqrt(Value* args, size_t nargs, Tuple* kw) {
  one_arg("math.isqrt", nargs, kw);
  Value v = index_arg(args[0]);
  if (int_sign(v) < 0) raise_value_error("isqrt() argument must be nonnegative");
  Mpz z;
  int_to_mpz(v, z);
  mpz_sqrt(z, z);
  return int_from_mpz(z.z);
}

Value math_gcd(Value* args, size_t nargs, Tuple* kw) {
  check_no_kwargs("gcd", kw);
  Mpz r, t;
  for (size_t i = 0; i < nargs; i++) {
    int_to_mpz(index_arg(args[i]), t);
    mpz_gcd(r, r, t);
  }
  return int_from_mpz(r.z);
}

Value math_lcm(Value* args, size_t nargs, Tuple* kw) {
  check_no_kwargs("lcm", kw);
  Mpz r, t;
  mpz_set_ui(r, 1);
  for (size_t i = 0; i < nargs; i++) {
    int_to_mpz(index_arg(args[i]), t);
    mpz_lcm(r, r, t);
  }
  return int_from_mpz(r.z);
}

Value math_comb(Value* args, size_t nargs, Tuple* kw) {
  two_args("math.comb", "comb", nargs, kw);
  Value nv = index_arg(args[0]), kv = index_arg(args[1]);
  if (int_sign(nv) < 0) raise_value_error("n must be a non-negative integer");
  if (int_sign(kv) < 0) raise_value_error("k must be a non-negative integer");
  Mpz n, k, nk, r;
  int_to_mpz(nv, n);
  int_to_mpz(kv, k);
  if (mpz_cmp(k, n) > 0) return Value::small(0);
  mpz_sub(nk, n, k);
  if (mpz_cmp(nk, k) < 0) mpz_set(k, nk);
  if (!mpz_fits_slong_p(k))
    raise_overflow_error("min(n - k, k) must not exceed 9223372036854775807");
  mpz_bin_ui(r, n, mpz_get_ui(k));
  return int_from_mpz(r.z);
}

Value math_perm(Value* args, size_t nargs, Tuple* kw) {
  check_no_kwargs("perm", kw);
  check_nargs("perm", nargs, 1, 2);
  if (nargs == 1 || is_none(args[1])) return math_factorial(args, 1, nullptr);
  Value nv = index_arg(args[0]), kv = index_arg(args[1]);
  if (int_sign(nv) < 0) raise_value_error("n must be a non-negative integer");
  if (int_sign(kv) < 0) raise_value_error("k must be a non-negative integer");
  Mpz n, k, r, f;
  int_to_mpz(nv, n);
  int_to_mpz(kv, k);
  if (mpz_cmp(k, n) > 0) return Value::small(0);
  if (!mpz_fits_slong_p(k)) raise_overflow_error("k must not exceed 9223372036854775807");
  unsigned long kk = mpz_get_ui(k);
  // n! / (n-k)! = comb(n, k) * k!
  mpz_bin_ui(r, n, kk);
  mpz_fac_ui(f, kk);
  mpz_mul(r, r, f);
  return int_from_mpz(r.z);
}

Value math_prod(Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  if (nargs > 1)
    raise_type_error("prod() takes exactly 1 positional argument (" + std::to_string(nargs) +
                     " given)");
  parse_args("prod", args, nargs, kw, {"iterable", "start"}, 1, a, 1);
  Value result = a[1].empty() ? Value::small(1) : a[1];
  Value it = py_iter(a[0]);
  for (Value item = py_next(it); !item.empty(); item = py_next(it)) {
    result = py_binary(result, item, kMultiply);
  }
  return result;
}

Value math_nextafter(Value* args, size_t nargs, Tuple* kw) {
  two_args("math.nextafter", "nextafter", nargs, kw);
  return fresult(std::nextafter(arg_double(args[0]), arg_double(args[1])));
}

Value math_ulp(Value* args, size_t nargs, Tuple* kw) {
  one_arg("math.ulp", nargs, kw);
  double x = arg_double(args[0]);
  if (std::isnan(x)) return fresult(x);
  x = std::fabs(x);
  if (std::isinf(x)) return fresult(x);
  double x2 = std::nextafter(x, HUGE_VAL);
  if (std::isinf(x2)) return fresult(x - std::nextafter(x, -HUGE_VAL));
  return fresult(x2 - x);
}

}  // namespace

Value make_math_module() {
  Value m = new_module("math");
  auto def = [&](const char* name, NativeFn fn) {
    module_set(m, name, new_builtin_function(name, fn, m));
  };
  def("acos", math_acos);
  def("acosh", math_acosh);
  def("asin", math_asin);
  def("asinh", math_asinh);
  def("atan", math_atan);
  def("atan2", math_atan2);
  def("atanh", math_atanh);
  def("cbrt", math_cbrt);
  def("ceil", math_ceil);
  def("comb", math_comb);
  def("copysign", math_copysign);
  def("cos", math_cos);
  def("cosh", math_cosh);
  def("degrees", math_degrees);
  def("dist", math_dist);
  def("erf", math_erf);
  def("erfc", math_erfc);
  def("exp", math_exp);
  def("exp2", math_exp2);
  def("expm1", math_expm1);
  def("fabs", math_fabs);
  def("factorial", math_factorial);
  def("floor", math_floor);
  def("fmod", math_fmod);
  def("frexp", math_frexp);
  def("fsum", math_fsum);
  def("gamma", math_gamma);
  def("gcd", math_gcd);
  def("hypot", math_hypot);
  def("isclose", math_isclose);
  def("isfinite", math_isfinite);
  def("isinf", math_isinf);
  def("isnan", math_isnan);
  def("isqrt", math_isqrt);
  def("lcm", math_lcm);
  def("ldexp", math_ldexp);
  def("lgamma", math_lgamma);
  def("log", math_log);
  def("log10", math_log10);
  def("log1p", math_log1p);
  def("log2", math_log2);
  def("modf", math_modf);
  def("nextafter", math_nextafter);
  def("perm", math_perm);
  def("pow", math_pow);
  def("prod", math_prod);
  def("radians", math_radians);
  def("remainder", math_remainder);
  def("sin", math_sin);
  def("sinh", math_sinh);
  def("sqrt", math_sqrt);
  def("tan", math_tan);
  def("tanh", math_tanh);
  def("trunc", math_trunc);
  def("ulp", math_ulp);
  module_set(m, "pi", float_new(kPi));
  module_set(m, "e", float_new(2.718281828459045235360287471352662498));
  module_set(m, "tau", float_new(6.283185307179586476925286766559005768));
  module_set(m, "inf", float_new(HUGE_VAL));
  module_set(m, "nan", float_new(NAN));
  return m;
}

}  // namespace kestrel
