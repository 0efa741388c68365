// The opcode enum and per-opcode facts, generated from opcodes.def.
#pragma once

#include <cstdint>
#include <string_view>

namespace kestrel {

enum class Op : uint8_t {
#define OPCODE(name, kind) name,
#include "bytecode/opcodes.def"
#undef OPCODE
};

// How an instruction's argument is read (for the disassembler and verifier).
enum class ArgKind : uint8_t { None, Int, Jump, Const, Name, Local, Cmp, BinOp };

inline constexpr int kOpCount = 0
#define OPCODE(name, kind) +1
#include "bytecode/opcodes.def"
#undef OPCODE
    ;
static_assert(kOpCount <= 256, "opcodes must fit in one byte");

std::string_view op_name(Op op);
ArgKind op_arg_kind(Op op);

// BINARY_OP argument numbers: CPython 3.11's NB_* values, so `--dis` reads
// like `python3 -m dis`. In-place forms are the plain form + kInplaceOffset.
enum class BinOp : uint8_t {
  Add = 0, And = 1, FloorDivide = 2, LShift = 3, MatMul = 4, Multiply = 5,
  Remainder = 6, Or = 7, Power = 8, RShift = 9, Subtract = 10, TrueDivide = 11,
  Xor = 12,
};
inline constexpr int kInplaceOffset = 13;
inline constexpr int kBinOpCount = 13;

// COMPARE_OP argument numbers (CPython's Py_LT .. Py_GE).
enum class CmpOp : uint8_t { Lt = 0, Le = 1, Eq = 2, Ne = 3, Gt = 4, Ge = 5 };

std::string_view binop_symbol(int arg);  // "+", "+=", ...
std::string_view cmpop_symbol(int arg);  // "<", "==", ...

// One instruction: 8-bit opcode and 24-bit argument, packed in 32 bits.
struct Instr {
  uint32_t word;

  static constexpr uint32_t kMaxArg = (1u << 24) - 1;
  constexpr Instr() : word(0) {}
  constexpr Instr(Op op, uint32_t arg) : word(uint32_t(op) | (arg << 8)) {}
  constexpr Op op() const { return Op(word & 0xff); }
  constexpr uint32_t arg() const { return word >> 8; }
};
static_assert(sizeof(Instr) == 4);

}  // namespace kestrel
