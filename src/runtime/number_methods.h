// Helpers shared by the dunder methods of int and float (int.cpp, float.cpp):
// the method-name tables (BinOp / CmpOp order) and the argument-count check
// with CPython's "expected N argument(s), got M" message.
#pragma once

#include <cstddef>
#include <string>

#include "runtime/errors.h"

namespace kestrel {

inline void check_method_args(const char* name, size_t nargs, size_t expected) {
  if (nargs != expected)
    raise_type_error(std::string(name) + " expected " + std::to_string(expected - 1) + " argument" +
                     (expected == 2 ? "" : "s") + ", got " + std::to_string(nargs - 1));
}

inline constexpr const char* kBinopDunder[13] = {
    "__add__", "__and__", "__floordiv__", "__lshift__", "__matmul__",  "__mul__", "__mod__",
    "__or__",  "__pow__", "__rshift__",   "__sub__",    "__truediv__", "__xor__"};
inline constexpr const char* kBinopRDunder[13] = {
    "__radd__", "__rand__", "__rfloordiv__", "__rlshift__", "__rmatmul__",  "__rmul__", "__rmod__",
    "__ror__",  "__rpow__", "__rrshift__",   "__rsub__",    "__rtruediv__", "__rxor__"};
inline constexpr const char* kCmpDunder[6] = {"__lt__", "__le__", "__eq__",
                                              "__ne__", "__gt__", "__ge__"};

}  // namespace kestrel
