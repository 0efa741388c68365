// Python float: a boxed double. repr is the shortest string that round-trips,
// formatted exactly as CPython's float_repr.
#pragma once

#include <string>
#include <string_view>

#include "runtime/gc.h"
#include "runtime/object.h"

namespace kestrel {

struct Float : Object {
  double value;
};

// Inline: boxing a float result is the commonest allocation of numeric code.
inline Value float_new(double v) {
  Float* f = gc_new<Float>(float_type);
  f->value = v;
  return Value(f);
}
inline double float_value(Value v) { return v.as<Float>()->value; }  // precondition: is_float(v)
std::string float_repr(double v);  // "0.1", "1e+16", "inf", "-0.0", "nan"
int64_t float_hash(double v);      // CPython's numeric hash, equal to int_hash for integral values
// Converts an int or float (or an object with __float__) to double; raises TypeError otherwise.
double to_double(Value v);
Value float_from_string(std::string_view text);       // float('...'), ValueError on bad input
Value float_binary(Value a, Value b, int op);         // NotImplemented unless both are int/float
Value float_format(double v, std::string_view spec);  // format(float, spec)
// Compare an int with a double exactly (no rounding), as CPython does:
// -1, 0, 1, or 2 when d is a NaN (unordered).
int compare_int_double(Value i, double d);
Value float_divmod(Value a, Value b);  // divmod() as a tuple; NotImplemented unless int/float
Value float_new_of_type(Type* type, double v);  // float or a float subclass instance
Value float_from_number(Value v);               // float(v): __float__, __index__, str, bytes

// CPython's PyOS_double_to_string: code 'e' 'E' 'f' 'F' 'g' 'G' or 'r'
// (repr; precision ignored). For %-formatting and format().
std::string double_to_string(double v, char code, int precision, bool always_sign = false,
                             bool add_dot_0 = false, bool alt = false, bool no_neg_0 = false);

void init_float_type();

}  // namespace kestrel
