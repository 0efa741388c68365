// CodeProto: what the compiler produces for one function/module/class body.
// It is plain C++ data with no dependency on the runtime heap, so the front
// end can be built and tested on its own; the runtime turns a CodeProto into a
// heap Code object when a module is loaded (runtime/code.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bytecode/opcodes.h"

namespace kestrel {

struct CodeProto;

// A compile-time constant (LOAD_CONST operand, kwnames tuples, docstrings...).
struct Constant {
  // Complex is an imaginary literal: real part 0, imaginary part in float_value.
  enum class Kind : uint8_t { None, True, False, Ellipsis, Int, BigInt, Float, Str, Bytes, Tuple, Code, Complex };
  Kind kind = Kind::None;
  int64_t int_value = 0;          // Int
  double float_value = 0;         // Float; Complex: the imaginary part
  std::string text;               // BigInt: decimal digits with optional '-'; Str: UTF-8; Bytes: raw
  std::vector<Constant> items;    // Tuple
  std::shared_ptr<CodeProto> code;  // Code

  static Constant none() { return {}; }
  static Constant boolean(bool b) { Constant c; c.kind = b ? Kind::True : Kind::False; return c; }
  static Constant integer(int64_t v) { Constant c; c.kind = Kind::Int; c.int_value = v; return c; }
  static Constant real(double v) { Constant c; c.kind = Kind::Float; c.float_value = v; return c; }
  static Constant imaginary(double v) { Constant c; c.kind = Kind::Complex; c.float_value = v; return c; }
  static Constant str(std::string s) { Constant c; c.kind = Kind::Str; c.text = std::move(s); return c; }
};

// Code flags, CPython's CO_* values.
enum CodeFlags : uint32_t {
  kCoOptimized = 0x0001,
  kCoNewLocals = 0x0002,
  kCoVarargs = 0x0004,
  kCoVarkeywords = 0x0008,
  kCoNested = 0x0010,
  kCoGenerator = 0x0020,
};

// Kinds of a localsplus slot (CPython 3.11's CO_FAST_* values). An argument
// captured by an inner function is kFastLocal|kFastCell.
enum LocalKind : uint8_t { kFastLocal = 0x20, kFastCell = 0x40, kFastFree = 0x80 };

// Zero-cost exception handling, as in CPython 3.11: an exception raised by an
// instruction in [start, end) pops the value stack down to `depth`, pushes the
// index of the raising instruction if `push_lasti`, then pushes the exception
// and jumps to `target`. Entries do not overlap; the innermost handler wins.
struct ExceptionEntry {
  uint32_t start, end, target;
  uint16_t depth;
  bool push_lasti;
};

// Source range of one instruction (1-based lines, 0-based UTF-8 byte columns,
// as CPython's co_positions()); used for tracebacks and trace locations.
struct SourcePos {
  int32_t line = 0, end_line = 0;
  int32_t col = -1, end_col = -1;
};

struct CodeProto {
  std::string name;      // co_name
  std::string qualname;  // co_qualname
  std::string filename;
  int first_line = 1;
  int argcount = 0;         // positional args, including positional-only
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  uint32_t flags = 0;
  int max_stack = 0;

  std::vector<Instr> code;
  std::vector<SourcePos> positions;  // one per instruction
  std::vector<Constant> consts;
  std::vector<std::string> names;   // attribute/global names
  // localsplus: arguments first (positional, kw-only, *args, **kwargs), then
  // other locals, then cells that are not arguments, then free variables.
  std::vector<std::string> localsplus_names;
  std::vector<uint8_t> localsplus_kinds;
  std::vector<ExceptionEntry> exception_table;

  int nlocalsplus() const { return int(localsplus_names.size()); }
};

}  // namespace kestrel
