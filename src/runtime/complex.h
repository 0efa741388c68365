// Python complex: a boxed pair of doubles whose arithmetic, hashing, parsing
// and repr follow CPython's complexobject.c step by step, so results are
// bit-identical.
#pragma once

#include <string>

#include "runtime/object.h"

namespace kestrel {

struct Complex : Object {
  double real;
  double imag;
};

extern Type* complex_type;

Value complex_new(double real, double imag);
inline bool is_complex(Value v) { return v.is_object() && is_subtype(v.obj()->type, complex_type); }
std::string complex_repr(double real, double imag);  // "(1+2j)", "1j", "(-0-0j)"
// a ** b on complex operands, CPython's complex_pow (the small-integer
// exponent fast path included); float ** float with a negative base and a
// fractional exponent lands here too.
Value complex_power(double ar, double ai, double br, double bi);

void init_complex_type();

}  // namespace kestrel
