// Internal declarations shared by the parser's translation units
// (parser.cpp: statements, parser_expr.cpp: expressions). Not a public header.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "front/ast.h"
#include "front/frontend.h"
#include "front/string_literal.h"
#include "front/tokenizer.h"

namespace kestrel {

// A SyntaxError found by the parser itself (as opposed to the tokenizer):
// CPython lets later tokenizer errors take priority over these.
struct ParserError {
  SyntaxErrorInfo info;
};

class Parser final : public FStringExprParser {
 public:
  Parser(std::string_view source, const std::string& filename);
  // Sub-parser for an f-string replacement field (source[begin, end)).
  Parser(std::string_view source, const std::string& filename, uint32_t begin, uint32_t end,
         int line, int col, int depth);

  std::unique_ptr<ast::Module> parse_file();
  ast::ExprPtr parse_fstring_expr(uint32_t begin, uint32_t end, int line, int col) override;
  // Parses the whole (sub-)input as "(" text ")" would be parsed.
  ast::ExprPtr parse_fstring_field();

  // ------------------------------------------------------------ token access
  const Token& peek(size_t k = 0) {
    size_t want = pos_ + k;
    while (toks_.size() <= want) fill();
    if (want > furthest_) furthest_ = want;
    return toks_[want];
  }
  Tok kind(size_t k = 0) { return peek(k).kind; }
  bool at(Tok k) { return kind() == k; }
  const Token& advance() {
    peek();
    return toks_[pos_++];
  }
  bool accept(Tok k) {
    if (!at(k)) return false;
    ++pos_;
    return true;
  }
  const Token& expect(Tok k);
  const Token& prev() const { return toks_[pos_ - 1]; }
  void fill();

  // ------------------------------------------------------------ errors
  [[noreturn]] void invalid_syntax();  // at the furthest token looked at
  [[noreturn]] void error_at(const Token& t, std::string msg);
  [[noreturn]] void error_at(const Token& t, const char* type, std::string msg);
  [[noreturn]] void error_range(const ast::Loc& loc, std::string msg);
  [[noreturn]] void error_tok_range(const Token& a, const Token& b, std::string msg);
  [[noreturn]] void error_raw(const char* type, std::string msg, int line, int col, int end_line,
                              int end_col);

  // ------------------------------------------------------------ statements
  void statements_until(Tok end, ast::StmtList& out);
  void statement(ast::StmtList& out);
  void simple_stmts(ast::StmtList& out);
  ast::StmtPtr simple_stmt();
  ast::StmtPtr expr_or_assign_stmt();
  ast::StmtList block(const char* what, int what_line);
  ast::StmtPtr if_stmt(bool is_elif);
  ast::StmtPtr while_stmt();
  ast::StmtPtr for_stmt();
  ast::StmtPtr with_stmt();
  ast::StmtPtr try_stmt();
  ast::StmtPtr def_stmt(ast::ExprList decorators);
  ast::StmtPtr class_stmt(ast::ExprList decorators);
  ast::StmtPtr decorated();
  ast::StmtPtr import_stmt();
  ast::StmtPtr from_import_stmt();
  ast::StmtPtr del_stmt();
  void check_unsupported_statement();
  std::unique_ptr<ast::Arguments> parameters(Tok close, bool allow_annotations);

  // ------------------------------------------------------------ expressions
  ast::ExprPtr star_expressions();
  ast::ExprPtr star_expression();
  ast::ExprPtr star_named_expression();
  ast::ExprPtr named_expression();
  ast::ExprPtr expression();
  ast::ExprPtr disjunction();
  ast::ExprPtr conjunction();
  ast::ExprPtr inversion();
  ast::ExprPtr comparison();
  ast::ExprPtr bitwise_or() { return binary(1); }
  ast::ExprPtr binary(int min_prec);
  ast::ExprPtr factor();
  ast::ExprPtr power();
  ast::ExprPtr primary();
  ast::ExprPtr atom();
  ast::ExprPtr lambda();
  ast::ExprPtr yield_expr();
  ast::ExprPtr yield_or_star_expressions();
  ast::ExprPtr paren_atom();
  ast::ExprPtr list_atom();
  ast::ExprPtr brace_atom();
  ast::ExprPtr strings();
  ast::ExprPtr number(const Token& t);
  ast::ExprPtr slices();
  ast::ExprPtr slice();
  void call_arguments(ast::ExprList& args, std::vector<ast::Keyword>& keywords, Tok close,
                      const Token& open);
  std::vector<ast::Comprehension> comprehension_clauses();
  ast::ExprPtr star_targets();  // for-loop / comprehension targets (Store)
  ast::ExprPtr star_target();
  bool starts_expression(Tok k);
  void maybe_forgot_comma(const ast::Expr& a);
  void check_named_expression_assign(const ast::Expr& a);

  // ------------------------------------------------------------ targets
  enum class TargetKind { Star, Del, For };
  void set_context(ast::Expr& e, ast::ExprContext ctx, TargetKind kind);
  static const ast::Expr* invalid_target(const ast::Expr& e, TargetKind kind);
  static const char* expr_name(const ast::Expr& e);

  // ------------------------------------------------------------ helpers
  static ast::Loc span(const ast::Loc& a, const ast::Loc& b) {
    return {a.line, a.col, b.end_line, b.end_col};
  }
  static ast::Loc span(const Token& a, const Token& b) {
    return {a.line, a.col, b.end_line, b.end_col};
  }
  static ast::Loc span(const Token& a, const ast::Loc& b) {
    return {a.line, a.col, b.end_line, b.end_col};
  }
  static ast::Loc span(const ast::Loc& a, const Token& b) {
    return {a.line, a.col, b.end_line, b.end_col};
  }
  static ast::Loc loc_of(const Token& t) { return {t.line, t.col, t.end_line, t.end_col}; }
  template <class T>
  static std::unique_ptr<T> node(const ast::Loc& loc) {
    auto n = std::make_unique<T>();
    n->loc = loc;
    return n;
  }
  ast::ExprPtr name_expr(const Token& t);
  std::string text(const Token& t) const {
    return std::string(src_.substr(t.start, t.end - t.start));
  }

  // Guards the C++ stack against absurdly nested input.
  struct DepthGuard {
    Parser* p;
    explicit DepthGuard(Parser* parser) : p(parser) {
      if (++p->depth_ > kMaxDepth) p->too_deep();
    }
    ~DepthGuard() { --p->depth_; }
  };
  static constexpr int kMaxDepth = 1500;
  [[noreturn]] void too_deep();

  std::string_view src_;
  std::string filename_;
  Tokenizer tk_;
  std::deque<Token> toks_;  // a deque keeps Token references valid while filling
  size_t pos_ = 0, furthest_ = 0;
  int depth_ = 0;
  bool fstring_mode_ = false;
  uint32_t fstring_begin_ = 0, fstring_end_ = 0;
  int fstring_col_ = 0;
};

}  // namespace kestrel
