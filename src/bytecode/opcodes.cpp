// Name and argument-kind tables, generated from opcodes.def.
#include "bytecode/opcodes.h"

namespace kestrel {

namespace {
constexpr std::string_view kOpNames[] = {
#define OPCODE(name, kind) #name,
#include "bytecode/opcodes.def"
#undef OPCODE
};
constexpr ArgKind kOpArgKinds[] = {
#define OPCODE(name, kind) ArgKind::kind,
#include "bytecode/opcodes.def"
#undef OPCODE
};
constexpr std::string_view kBinOpSymbols[] = {
    "+",  "&",  "//",  "<<",  "@",  "*",  "%",  "|",  "**",  ">>",  "-",  "/",  "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};
constexpr std::string_view kCmpSymbols[] = {"<", "<=", "==", "!=", ">", ">="};
}  // namespace

std::string_view op_name(Op op) { return kOpNames[int(op)]; }
ArgKind op_arg_kind(Op op) { return kOpArgKinds[int(op)]; }

std::string_view binop_symbol(int arg) {
  return arg >= 0 && arg < 2 * kBinOpCount ? kBinOpSymbols[arg] : "?";
}
std::string_view cmpop_symbol(int arg) { return arg >= 0 && arg < 6 ? kCmpSymbols[arg] : "?"; }

}  // namespace kestrel
