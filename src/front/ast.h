// The abstract syntax tree, shaped after CPython 3.11's Python.asdl so that
// the compiler can follow CPython's compile.c node for node. The parser builds
// it; the symbol table and the compiler read it. Nodes own their children.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bytecode/code_proto.h"  // Constant

namespace kestrel::ast {

// Source range of a node: 1-based lines, 0-based UTF-8 byte columns (as
// CPython's lineno/col_offset/end_lineno/end_col_offset).
struct Loc {
  int line = 0, col = 0, end_line = 0, end_col = 0;
};

enum class ExprContext : uint8_t { Load, Store, Del };
enum class BoolOpKind : uint8_t { And, Or };
// Values equal BinOp in bytecode/opcodes.h (CPython NB_* order).
enum class Operator : uint8_t {
  Add = 0, BitAnd = 1, FloorDiv = 2, LShift = 3, MatMult = 4, Mult = 5, Mod = 6,
  BitOr = 7, Pow = 8, RShift = 9, Sub = 10, Div = 11, BitXor = 12
};
enum class UnaryOpKind : uint8_t { Invert, Not, UAdd, USub };
enum class CmpOpKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using ExprList = std::vector<ExprPtr>;
using StmtList = std::vector<StmtPtr>;

// ---------------------------------------------------------------- expressions

enum class ExprKind : uint8_t {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp,
  DictComp, GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue,
  JoinedStr, Constant, Attribute, Subscript, Starred, Name, List, Tuple, Slice
};

struct Expr {
  const ExprKind kind;
  Loc loc;
  explicit Expr(ExprKind k) : kind(k) {}
  virtual ~Expr() = default;
  // Checked downcast: `e->as<Name>()` (returns nullptr on a kind mismatch).
  template <class T> T* as() { return kind == T::kKind ? static_cast<T*>(this) : nullptr; }
  template <class T> const T* as() const {
    return kind == T::kKind ? static_cast<const T*>(this) : nullptr;
  }
};

template <ExprKind K>
struct ExprOf : Expr {
  static constexpr ExprKind kKind = K;
  ExprOf() : Expr(K) {}
};

struct Arguments;
struct Comprehension {
  ExprPtr target, iter;
  ExprList ifs;
  bool is_async = false;
};
struct Keyword {
  std::string arg;  // empty for **kwargs
  ExprPtr value;
  Loc loc;
};

struct BoolOp : ExprOf<ExprKind::BoolOp> { BoolOpKind op; ExprList values; };
struct NamedExpr : ExprOf<ExprKind::NamedExpr> { ExprPtr target, value; };
struct BinOp : ExprOf<ExprKind::BinOp> { ExprPtr left; Operator op; ExprPtr right; };
struct UnaryOp : ExprOf<ExprKind::UnaryOp> { UnaryOpKind op; ExprPtr operand; };
struct Lambda : ExprOf<ExprKind::Lambda> { std::unique_ptr<Arguments> args; ExprPtr body; };
struct IfExp : ExprOf<ExprKind::IfExp> { ExprPtr test, body, orelse; };
// keys[i] is null for a `**mapping` entry.
struct Dict : ExprOf<ExprKind::Dict> { ExprList keys, values; };
struct Set : ExprOf<ExprKind::Set> { ExprList elts; };
struct ListComp : ExprOf<ExprKind::ListComp> { ExprPtr elt; std::vector<Comprehension> generators; };
struct SetComp : ExprOf<ExprKind::SetComp> { ExprPtr elt; std::vector<Comprehension> generators; };
struct DictComp : ExprOf<ExprKind::DictComp> { ExprPtr key, value; std::vector<Comprehension> generators; };
struct GeneratorExp : ExprOf<ExprKind::GeneratorExp> { ExprPtr elt; std::vector<Comprehension> generators; };
struct Await : ExprOf<ExprKind::Await> { ExprPtr value; };
struct Yield : ExprOf<ExprKind::Yield> { ExprPtr value; /* may be null */ };
struct YieldFrom : ExprOf<ExprKind::YieldFrom> { ExprPtr value; };
struct Compare : ExprOf<ExprKind::Compare> { ExprPtr left; std::vector<CmpOpKind> ops; ExprList comparators; };
struct Call : ExprOf<ExprKind::Call> { ExprPtr func; ExprList args; std::vector<Keyword> keywords; };
// conversion: -1 none, 's', 'r', 'a'. format_spec is a JoinedStr or null.
struct FormattedValue : ExprOf<ExprKind::FormattedValue> { ExprPtr value; int conversion = -1; ExprPtr format_spec; };
struct JoinedStr : ExprOf<ExprKind::JoinedStr> { ExprList values; };
// Only None/True/False/Ellipsis/Int/BigInt/Float/Complex/Str/Bytes kinds
// appear here (Complex: an imaginary literal such as `2j`).
struct ConstantExpr : ExprOf<ExprKind::Constant> { kestrel::Constant value; };
struct Attribute : ExprOf<ExprKind::Attribute> { ExprPtr value; std::string attr; ExprContext ctx = ExprContext::Load; };
struct Subscript : ExprOf<ExprKind::Subscript> { ExprPtr value, slice; ExprContext ctx = ExprContext::Load; };
struct Starred : ExprOf<ExprKind::Starred> { ExprPtr value; ExprContext ctx = ExprContext::Load; };
struct Name : ExprOf<ExprKind::Name> { std::string id; ExprContext ctx = ExprContext::Load; };
struct List : ExprOf<ExprKind::List> { ExprList elts; ExprContext ctx = ExprContext::Load; };
struct Tuple : ExprOf<ExprKind::Tuple> { ExprList elts; ExprContext ctx = ExprContext::Load; };
struct Slice : ExprOf<ExprKind::Slice> { ExprPtr lower, upper, step; /* each may be null */ };

// ---------------------------------------------------------------- arguments

struct Arg {
  std::string name;
  ExprPtr annotation;  // may be null; evaluated and ignored
  Loc loc;
};

struct Arguments {
  std::vector<Arg> posonlyargs, args;
  std::unique_ptr<Arg> vararg;  // *args, may be null
  std::vector<Arg> kwonlyargs;
  ExprList kw_defaults;  // one per kwonlyarg; null where there is no default
  std::unique_ptr<Arg> kwarg;  // **kwargs, may be null
  ExprList defaults;     // for the LAST len(defaults) of posonlyargs+args
};

// ---------------------------------------------------------------- statements

enum class StmtKind : uint8_t {
  FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign,
  AnnAssign, For, AsyncFor, While, If, With, AsyncWith, Match, Raise, Try,
  TryStar, Assert, Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break,
  Continue
};

struct Stmt {
  const StmtKind kind;
  Loc loc;
  explicit Stmt(StmtKind k) : kind(k) {}
  virtual ~Stmt() = default;
  template <class T> T* as() { return kind == T::kKind ? static_cast<T*>(this) : nullptr; }
  template <class T> const T* as() const {
    return kind == T::kKind ? static_cast<const T*>(this) : nullptr;
  }
};

template <StmtKind K>
struct StmtOf : Stmt {
  static constexpr StmtKind kKind = K;
  StmtOf() : Stmt(K) {}
};

struct WithItem { ExprPtr context_expr, optional_vars; /* vars may be null */ };
struct ExceptHandler {
  ExprPtr type;      // may be null (bare except)
  std::string name;  // empty when there is no `as name`
  StmtList body;
  Loc loc;
};
struct Alias {
  std::string name;    // dotted for `import a.b.c`, "*" for `from m import *`
  std::string asname;  // empty when absent
  Loc loc;
};

struct FunctionDef : StmtOf<StmtKind::FunctionDef> {
  std::string name;
  std::unique_ptr<Arguments> args;
  StmtList body;
  ExprList decorator_list;
  ExprPtr returns;  // may be null; ignored
};
struct ClassDef : StmtOf<StmtKind::ClassDef> {
  std::string name;
  ExprList bases;
  std::vector<Keyword> keywords;
  StmtList body;
  ExprList decorator_list;
};
struct Return : StmtOf<StmtKind::Return> { ExprPtr value; /* may be null */ };
struct Delete : StmtOf<StmtKind::Delete> { ExprList targets; };
struct Assign : StmtOf<StmtKind::Assign> { ExprList targets; ExprPtr value; };
struct AugAssign : StmtOf<StmtKind::AugAssign> { ExprPtr target; Operator op; ExprPtr value; };
struct AnnAssign : StmtOf<StmtKind::AnnAssign> { ExprPtr target, annotation, value; bool simple = true; };
struct For : StmtOf<StmtKind::For> { ExprPtr target, iter; StmtList body, orelse; };
struct While : StmtOf<StmtKind::While> { ExprPtr test; StmtList body, orelse; };
struct If : StmtOf<StmtKind::If> { ExprPtr test; StmtList body, orelse; };
struct With : StmtOf<StmtKind::With> { std::vector<WithItem> items; StmtList body; };
struct Raise : StmtOf<StmtKind::Raise> { ExprPtr exc, cause; /* each may be null */ };
struct Try : StmtOf<StmtKind::Try> {
  StmtList body;
  std::vector<ExceptHandler> handlers;
  StmtList orelse, finalbody;
};
struct Assert : StmtOf<StmtKind::Assert> { ExprPtr test, msg; };
struct Import : StmtOf<StmtKind::Import> { std::vector<Alias> names; };
struct ImportFrom : StmtOf<StmtKind::ImportFrom> { std::string module; /* may be empty */ std::vector<Alias> names; int level = 0; };
struct Global : StmtOf<StmtKind::Global> { std::vector<std::string> names; };
struct Nonlocal : StmtOf<StmtKind::Nonlocal> { std::vector<std::string> names; };
struct ExprStmt : StmtOf<StmtKind::Expr> { ExprPtr value; };
struct Pass : StmtOf<StmtKind::Pass> {};
struct Break : StmtOf<StmtKind::Break> {};
struct Continue : StmtOf<StmtKind::Continue> {};

struct Module {
  StmtList body;
};

}  // namespace kestrel::ast
