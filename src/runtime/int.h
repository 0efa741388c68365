// Python int: tagged small ints on the fast path (runtime/value.h), GMP
// bignums (BigInt) beyond 63 bits. Every function normalises its result:
// a value that fits in a small int is always returned as one.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace kestrel {

struct BigInt : Object {
  mpz_t value;  // freed by the type's finalizer
};

Value int_from_i64_big(int64_t v);  // precondition: !Value::fits_small(v)
inline Value int_from_i64(int64_t v) {
  return Value::fits_small(v) ? Value::small(v) : int_from_i64_big(v);
}
Value int_from_u64(uint64_t v);
Value int_from_mpz(const mpz_t v);  // copies
Value int_from_double(double d);    // OverflowError for inf, ValueError for nan
// Parses like int(text, base) (base 0 = literal rules); raises ValueError with
// CPython's message on bad input.
Value int_from_string(std::string_view text, int base);

// Precondition for all: is_int(v) (bool and int subclasses included).
bool int_fits_i64(Value v);
int64_t int_as_i64(Value v);             // raises OverflowError when it does not fit
bool int_to_i64(Value v, int64_t* out);  // false when it does not fit
double int_to_double(Value v);           // OverflowError "int too large to convert to float"
void int_to_mpz(Value v, mpz_t out);     // out must be initialised
int int_sign(Value v);
int int_compare(Value a, Value b);  // -1, 0, 1
int64_t int_hash(Value v);          // CPython's numeric hash (mod 2**61-1)
std::string int_to_decimal(Value v);
Str* int_to_decimal_str(Value v);  // str(v) for an exact int, without a UTF-8 round trip
std::string int_to_base(Value v, int base, bool prefix);  // bin/oct/hex
Value int_binary(Value a, Value b,
                 int op);  // any BinOp incl. in-place; NotImplemented if b is not an int
// int_binary for two exact ints (small or of type int exactly): the entry
// py_binary takes for them, with limb-level addition and subtraction.
Value int_binary_exact(Value a, Value b, int op);
Value int_negative(Value v);
Value int_power(Value base, Value exp, Value mod);  // 3-arg pow; mod may be empty
Value int_format(Value v, std::string_view spec);   // format(int, spec)
Value int_divmod(Value a, Value b);  // divmod(a, b) as a tuple; NotImplemented unless both ints
// |v| = m * 2**e with 0.5 <= m < 1 rounded half-even to 53 bits (0 -> 0.0, e 0);
// never overflows (math.log of huge ints uses it).
double int_frexp(Value v, int64_t* e);
Value int_exact(Value v);                    // same value as an exact int (bools, subclasses)
Value int_from_number(Value v);              // int(v): __int__, __index__, __trunc__, str, bytes
Value int_new_of_type(Type* type, Value v);  // an instance of int or an int subclass
// int()/float() text preprocessing: Unicode whitespace -> ' ', Unicode decimal
// digits -> ASCII digits, any other non-ASCII character -> '?'.
std::string number_text_to_ascii(std::string_view text);

// Slow paths the interpreter and the JIT call when a small-int fast path overflows.
Value int_add_slow(Value a, Value b);
Value int_sub_slow(Value a, Value b);
Value int_mul_slow(Value a, Value b);

void init_int_type();   // fills int_type's slots and methods, then calls init_bool_type()
void init_bool_type();  // runtime/bool.cpp

}  // namespace kestrel
