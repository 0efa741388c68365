// Bytecode compiler (AST + symbol table -> CodeProto) and its assembler,
// modelled on CPython 3.11's Python/compile.c. Internal to the front end.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bytecode/code_proto.h"
#include "front/ast.h"

namespace kestrel {

// Compiles a parsed module (symbol table + code generation + assembly).
// Throws SyntaxErrorInfo for errors found by the symbol table or compiler.
// `source` (optional) supplies annotation strings under
// `from __future__ import annotations`.
std::shared_ptr<CodeProto> compile_ast(const ast::Module& mod, const std::string& filename,
                                       std::string_view source = {});

// Structural checks of one code object (not its nested code objects): jump
// targets in range, only JUMP_BACKWARD* go backwards, stack depth in
// [0, max_stack] on every path, exception table sorted and non-overlapping,
// one position per instruction, operands in range. Returns "" when valid,
// otherwise a description of the first problem.
std::string verify_code(const CodeProto& code);

// verify_code over `code` and every code object nested in its constants.
std::string verify_code_recursive(const CodeProto& code);

// Stack effect of a real instruction: on the fall-through path (jump=false)
// or when it jumps (jump=true). Shared by the assembler and the verifier.
int stack_effect(Op op, uint32_t arg, bool jump);

namespace front_internal {

// Pseudo-instructions used between code generation and assembly (as CPython
// 3.11's SETUP_* / POP_BLOCK / JUMP): never reach a CodeProto.
enum PseudoOp : int {
  kSetupFinally = 256,  // handler gets [exc]
  kSetupCleanup,        // handler gets [lasti, exc]
  kSetupWith,           // handler gets [lasti, exc] (stack restored below __enter__ result)
  kPopBlock,
  kJump,             // becomes JUMP_FORWARD or JUMP_BACKWARD
  kJumpNoInterrupt,  // becomes JUMP_FORWARD or JUMP_BACKWARD_NO_INTERRUPT
};

struct IrInstr {
  int op;
  uint32_t arg;
  int target;  // label id for jumps and SETUP_*, else -1
  SourcePos pos;
};

struct IrCode {
  std::vector<IrInstr> instrs;
  std::vector<int> label_pos;  // label id -> index into instrs (-1: not placed)
};

// Constant folding (compiler_fold.cpp). Each returns nullopt when CPython
// would not fold (size limits, errors such as division by zero).
bool is_true_constant(const Constant& c);
std::optional<Constant> fold_binop(const Constant& l, ast::Operator op, const Constant& r);
std::optional<Constant> fold_unary(ast::UnaryOpKind op, const Constant& v);

// Lays out `ir` into `out`: flow analysis (stack depth, exception handlers),
// dead-code and NOP removal, jump resolution, exception table, unused
// constant removal. `out` must already hold consts/names/localsplus.
void assemble(IrCode& ir, CodeProto& out);

}  // namespace front_internal
}  // namespace kestrel
