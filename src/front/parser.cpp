// Statement half of the hand-written recursive-descent parser, the entry
// point parse_module(), and error reporting (which mimics how CPython 3.11's
// PEG parser picks the message and location of a SyntaxError).
#include "front/parser.h"

#include <cstring>

#include "front/parser_impl.h"

namespace kestrel {

using ast::ExprPtr;
using ast::StmtPtr;

Parser::Parser(std::string_view source, const std::string& filename)
    : src_(source), filename_(filename), tk_(source, filename) {}

Parser::Parser(std::string_view source, const std::string& filename, uint32_t begin, uint32_t end,
               int line, int col, int depth)
    : src_(source),
      filename_(filename),
      tk_(source, filename, begin, end, line, col),
      depth_(depth),
      fstring_mode_(true),
      fstring_begin_(begin),
      fstring_end_(end),
      fstring_col_(col) {}

void Parser::fill() { toks_.push_back(tk_.next()); }

const Token& Parser::expect(Tok k) {
  if (!at(k)) invalid_syntax();
  return advance();
}

// ---------------------------------------------------------------- errors

void Parser::error_raw(const char* type, std::string msg, int line, int col, int end_line,
                       int end_col) {
  throw ParserError{tk_.make_error(type, std::move(msg), line, col, end_line, end_col)};
}

void Parser::error_at(const Token& t, std::string msg) {
  error_at(t, "SyntaxError", std::move(msg));
}

void Parser::error_at(const Token& t, const char* type, std::string msg) {
  if (t.kind == Tok::EndMarker && fstring_mode_) {
    // The field is parsed as "(" text ")": EOF is the 1-wide ')'.
    error_raw(type, std::move(msg), t.line, t.col, t.line, t.col + 1);
  }
  if ((t.kind == Tok::EndMarker || t.kind == Tok::Dedent) && pos_ > 0 &&
      (t.line > prev().end_line || t.kind == Tok::EndMarker)) {
    // CPython's DEDENT/ENDMARKER tokens have no position: errors at them
    // point past the end of the last line read.
    size_t k = pos_ - 1;
    while (k > 0 && toks_[k].kind == Tok::Dedent) --k;
    const Token& p = toks_[k];
    error_raw(type, std::move(msg), p.end_line, int(tk_.line_text(p.end_line).size()), p.end_line,
              Tokenizer::kNoEnd);
  }
  error_raw(type, std::move(msg), t.line, t.col, t.end_line, t.end_col);
}

void Parser::error_range(const ast::Loc& loc, std::string msg) {
  error_raw("SyntaxError", std::move(msg), loc.line, loc.col, loc.end_line, loc.end_col);
}

void Parser::error_tok_range(const Token& a, const Token& b, std::string msg) {
  error_raw("SyntaxError", std::move(msg), a.line, a.col, b.end_line, b.end_col);
}

void Parser::too_deep() {
  const Token& t = peek();
  throw tk_.make_error("SyntaxError", "too many nested expressions", t.line, t.col, t.line, t.col);
}

// The generic error goes to the furthest token the parser looked at, as
// CPython reports it at the last token its (memoising) parser fetched.
void Parser::invalid_syntax() {
  const Token& t = toks_[furthest_];
  if (t.kind == Tok::EndMarker && !tk_.open_parens().empty() && !fstring_mode_) {
    const auto& p = tk_.open_parens().back();
    throw tk_.make_error("SyntaxError", std::string("'") + p.ch + "' was never closed", p.line,
                         p.col, p.line, Tokenizer::kZeroEnd);
  }
  if (t.kind == Tok::Indent) {
    throw tk_.make_error("IndentationError", "unexpected indent", t.line, t.col - 1, t.line,
                         Tokenizer::kNoEnd);
  }
  if (t.kind == Tok::Dedent) {
    throw tk_.make_error("IndentationError", "unexpected unindent", t.line, t.col - 1, t.line,
                         Tokenizer::kNoEnd);
  }
  error_at(t, "invalid syntax");
}

// ---------------------------------------------------------------- entry points

std::unique_ptr<ast::Module> Parser::parse_file() {
  auto module = std::make_unique<ast::Module>();
  try {
    statements_until(Tok::EndMarker, module->body);
  } catch (ParserError& e) {
    // Like _PyPegen_tokenize_full_source_to_check_for_errors: a tokenizer
    // error anywhere later in the file wins over a parser error, and so does
    // a bracket left open on an earlier line.
    try {
      for (;;) {
        if (tk_.next().kind == Tok::EndMarker) break;
      }
    } catch (SyntaxErrorInfo& later) {
      if (later.type_name == "SyntaxError") throw;
    }
    if (!tk_.open_parens().empty()) {
      const auto& p = tk_.open_parens().back();
      // CPython compares with the line of the last token it fetched.
      if (toks_.back().line > p.line) {
        throw tk_.make_error("SyntaxError", std::string("'") + p.ch + "' was never closed", p.line,
                             p.col, p.line, Tokenizer::kZeroEnd);
      }
    }
    throw e.info;
  }
  return module;
}

ExprPtr Parser::parse_fstring_expr(uint32_t begin, uint32_t end, int line, int col) {
  Parser sub(src_, filename_, begin, end, line, col, depth_);
  try {
    return sub.parse_fstring_field();
  } catch (ParserError& e) {
    // CPython parses the field as the separate string "(" + text + ")", so
    // its errors are located within that string.
    SyntaxErrorInfo& info = e.info;
    info.msg = "f-string: " + info.msg;
    std::string field(src_.substr(begin, end - begin));
    if (info.lineno == line) {
      std::string line_text = tk_.line_text(line);
      int col_chars = 0;
      for (int i = 0; i < col && i < int(line_text.size()); ++i) {
        if ((static_cast<unsigned char>(line_text[i]) & 0xC0) != 0x80) ++col_chars;
      }
      info.offset -= col_chars - 1;
      if (info.end_offset > 0) info.end_offset -= col_chars - 1;
    }
    info.text = "(" + field + ")";
    throw;
  }
}

ExprPtr Parser::parse_fstring_field() {
  ExprPtr e = at(Tok::KwYield) ? yield_expr() : star_expressions();
  if (e->kind == ast::ExprKind::Starred) {
    error_range(e->loc, "cannot use starred expression here");
  }
  if (e->kind == ast::ExprKind::Tuple && e->loc.line == e->loc.end_line) {
    // CPython parses "(" text ")", so a bare tuple takes in the braces.
    e->loc.col -= 1;
    e->loc.end_col += 1;
  }
  if (!at(Tok::EndMarker)) {
    maybe_forgot_comma(*e);
    invalid_syntax();
  }
  return e;
}

// ---------------------------------------------------------------- statements

void Parser::statements_until(Tok end, ast::StmtList& out) {
  while (!at(end)) statement(out);
}

void Parser::check_unsupported_statement() {
  // `match` is a soft keyword: only a line shaped like `match <expr> ... :`
  // is a match statement; `match = 3` or `match(x)` stay ordinary code.
  if (!at(Tok::Name) || text(peek()) != "match") return;
  Tok next = kind(1);
  if (!starts_expression(next) || next == Tok::Star || next == Tok::Minus || next == Tok::Plus ||
      next == Tok::Tilde) {
    return;
  }
  size_t save_far = furthest_;
  int depth = 0;
  Tok last = Tok::EndMarker;
  for (size_t k = 1;; ++k) {
    Tok t = kind(k);
    if (t == Tok::EndMarker || (t == Tok::Newline && depth == 0)) break;
    if (t == Tok::LPar || t == Tok::LSqb || t == Tok::LBrace) ++depth;
    if (t == Tok::RPar || t == Tok::RSqb || t == Tok::RBrace) --depth;
    last = t;
  }
  furthest_ = save_far;
  if (last == Tok::Colon) error_at(peek(), "match statements are not supported");
}

void Parser::statement(ast::StmtList& out) {
  switch (kind()) {
    case Tok::KwDef:
      out.push_back(def_stmt({}));
      return;
    case Tok::KwIf:
      out.push_back(if_stmt(false));
      return;
    case Tok::KwClass:
      out.push_back(class_stmt({}));
      return;
    case Tok::KwWith:
      out.push_back(with_stmt());
      return;
    case Tok::KwFor:
      out.push_back(for_stmt());
      return;
    case Tok::KwTry:
      out.push_back(try_stmt());
      return;
    case Tok::KwWhile:
      out.push_back(while_stmt());
      return;
    case Tok::At:
      out.push_back(decorated());
      return;
    case Tok::KwAsync:
      error_at(peek(), "'async' statements are not supported");
    case Tok::Indent:
      invalid_syntax();
    case Tok::Name:
      check_unsupported_statement();
      break;
    default:
      break;
  }
  simple_stmts(out);
}

void Parser::simple_stmts(ast::StmtList& out) {
  for (;;) {
    out.push_back(simple_stmt());
    if (!accept(Tok::Semi)) break;
    if (at(Tok::Newline)) break;
  }
  if (!at(Tok::Newline)) invalid_syntax();
  advance();
}

StmtPtr Parser::simple_stmt() {
  const Token start = peek();
  switch (start.kind) {
    case Tok::KwPass:
      advance();
      return node<ast::Pass>(loc_of(start));
    case Tok::KwBreak:
      advance();
      return node<ast::Break>(loc_of(start));
    case Tok::KwContinue:
      advance();
      return node<ast::Continue>(loc_of(start));
    case Tok::KwReturn: {
      advance();
      auto r = node<ast::Return>(loc_of(start));
      if (starts_expression(kind())) {
        r->value = star_expressions();
        r->loc = span(start, prev());
      }
      return r;
    }
    case Tok::KwRaise: {
      advance();
      auto r = node<ast::Raise>(loc_of(start));
      if (starts_expression(kind()) && !at(Tok::Star)) {
        r->exc = expression();
        if (accept(Tok::KwFrom)) r->cause = expression();
        r->loc = span(start, prev());
      }
      return r;
    }
    case Tok::KwGlobal:
    case Tok::KwNonlocal: {
      advance();
      std::vector<std::string> names;
      do {
        names.push_back(text(expect(Tok::Name)));
      } while (accept(Tok::Comma));
      ast::Loc l = span(start, prev());
      if (start.kind == Tok::KwGlobal) {
        auto g = node<ast::Global>(l);
        g->names = std::move(names);
        return g;
      }
      auto n = node<ast::Nonlocal>(l);
      n->names = std::move(names);
      return n;
    }
    case Tok::KwAssert: {
      advance();
      auto a = node<ast::Assert>(loc_of(start));
      a->test = expression();
      if (accept(Tok::Comma)) a->msg = expression();
      a->loc = span(start, prev());
      return a;
    }
    case Tok::KwDel:
      return del_stmt();
    case Tok::KwImport:
      return import_stmt();
    case Tok::KwFrom:
      return from_import_stmt();
    case Tok::KwYield: {
      ExprPtr y = yield_expr();
      auto s = node<ast::ExprStmt>(y->loc);
      s->value = std::move(y);
      return s;
    }
    default:
      return expr_or_assign_stmt();
  }
}

namespace {

bool augmented_operator(Tok k, ast::Operator* op) {
  switch (k) {
    case Tok::PlusEqual:
      *op = ast::Operator::Add;
      return true;
    case Tok::MinEqual:
      *op = ast::Operator::Sub;
      return true;
    case Tok::StarEqual:
      *op = ast::Operator::Mult;
      return true;
    case Tok::AtEqual:
      *op = ast::Operator::MatMult;
      return true;
    case Tok::SlashEqual:
      *op = ast::Operator::Div;
      return true;
    case Tok::PercentEqual:
      *op = ast::Operator::Mod;
      return true;
    case Tok::AmperEqual:
      *op = ast::Operator::BitAnd;
      return true;
    case Tok::VBarEqual:
      *op = ast::Operator::BitOr;
      return true;
    case Tok::CircumflexEqual:
      *op = ast::Operator::BitXor;
      return true;
    case Tok::LeftShiftEqual:
      *op = ast::Operator::LShift;
      return true;
    case Tok::RightShiftEqual:
      *op = ast::Operator::RShift;
      return true;
    case Tok::DoubleStarEqual:
      *op = ast::Operator::Pow;
      return true;
    case Tok::DoubleSlashEqual:
      *op = ast::Operator::FloorDiv;
      return true;
    default:
      return false;
  }
}

bool is_simple_target(const ast::Expr& e) {
  return e.kind == ast::ExprKind::Name || e.kind == ast::ExprKind::Attribute ||
         e.kind == ast::ExprKind::Subscript;
}

}  // namespace

StmtPtr Parser::expr_or_assign_stmt() {
  const Token start = peek();
  ExprPtr first = star_expressions();
  if (at(Tok::Colon)) {
    // Annotated assignment.
    if (first->kind == ast::ExprKind::Tuple) {
      // Unparenthesised `a, b: int` is reported at its first element.
      const ast::Expr& where =
          start.kind == Tok::LPar ? *first : *static_cast<ast::Tuple&>(*first).elts[0];
      error_range(where.loc, "only single target (not tuple) can be annotated");
    }
    if (first->kind == ast::ExprKind::List) {
      error_range(first->loc, "only single target (not list) can be annotated");
    }
    if (!is_simple_target(*first)) error_range(first->loc, "illegal target for annotation");
    advance();
    auto a = node<ast::AnnAssign>(first->loc);
    // `(x): int` is not "simple": the name is not stored in __annotations__.
    a->simple = first->kind == ast::ExprKind::Name && start.kind != Tok::LPar;
    set_context(*first, ast::ExprContext::Store, TargetKind::Star);
    a->target = std::move(first);
    a->annotation = expression();
    if (accept(Tok::Equal)) a->value = yield_or_star_expressions();
    a->loc = span(start, prev());
    return a;
  }
  ast::Operator op;
  if (augmented_operator(kind(), &op)) {
    if (!is_simple_target(*first)) {
      error_range(first->loc, std::string("'") + expr_name(*first) +
                                  "' is an illegal expression for augmented assignment");
    }
    advance();
    set_context(*first, ast::ExprContext::Store, TargetKind::Star);
    auto a = node<ast::AugAssign>(first->loc);
    a->target = std::move(first);
    a->op = op;
    a->value = yield_or_star_expressions();
    a->loc = span(start, prev());
    return a;
  }
  if (at(Tok::Equal)) {
    ast::ExprList targets;
    targets.push_back(std::move(first));
    Tok rhs_start = Tok::EndMarker;
    while (accept(Tok::Equal)) {
      rhs_start = kind();
      targets.push_back(yield_or_star_expressions());
    }
    ExprPtr value = std::move(targets.back());
    targets.pop_back();
    for (size_t i = 0; i < targets.size(); ++i) {
      ast::Expr& t = *targets[i];
      const ast::Expr* bad = invalid_target(t, TargetKind::Star);
      if (!bad) continue;
      // `f() = 3` gets the "Maybe you meant '=='" hint (CPython's
      // invalid_named_expression), chains like `f() = x = 3` do not.
      using K = ast::ExprKind;
      bool hint = targets.size() == 1 && bad == &t && rhs_start != Tok::KwYield &&
                  rhs_start != Tok::Star && rhs_start != Tok::KwNot && rhs_start != Tok::KwLambda;
      switch (t.kind) {
        case K::List:
        case K::Tuple:
        case K::GeneratorExp:
        case K::BoolOp:
        case K::Compare:
        case K::IfExp:
        case K::Lambda:
        case K::NamedExpr:
        case K::Yield:
        case K::YieldFrom:
          hint = false;
          break;
        case K::UnaryOp:
          if (static_cast<const ast::UnaryOp&>(t).op == ast::UnaryOpKind::Not) hint = false;
          break;
        case K::Constant: {
          auto ck = static_cast<const ast::ConstantExpr&>(t).value.kind;
          if (ck == Constant::Kind::True || ck == Constant::Kind::False ||
              ck == Constant::Kind::None) {
            hint = false;
          }
          break;
        }
        default:
          break;
      }
      std::string msg = std::string("cannot assign to ") + expr_name(*bad);
      if (hint) msg += " here. Maybe you meant '==' instead of '='?";
      error_range(bad->loc, msg);
    }
    for (auto& t : targets) set_context(*t, ast::ExprContext::Store, TargetKind::Star);
    auto a = node<ast::Assign>(span(start, prev()));
    a->targets = std::move(targets);
    a->value = std::move(value);
    return a;
  }
  if (auto n = first->as<ast::Name>()) {
    if ((n->id == "print" || n->id == "exec") && starts_expression(kind()) && !at(Tok::Star) &&
        !at(Tok::Minus) && !at(Tok::Plus) && !at(Tok::LPar) && !at(Tok::LSqb)) {
      size_t save = pos_, save_far = furthest_;
      ExprPtr arg;
      try {
        arg = star_expressions();
      } catch (ParserError&) {
        pos_ = save;
        furthest_ = save_far;
      }
      if (arg) {
        error_range(span(first->loc, arg->loc), "Missing parentheses in call to '" + n->id +
                                                    "'. Did you mean " + n->id + "(...)?");
      }
    }
  }
  auto s = node<ast::ExprStmt>(span(start, prev()));
  s->value = std::move(first);
  return s;
}

ast::StmtList Parser::block(const char* what, int what_line) {
  DepthGuard guard(this);
  if (!at(Tok::Colon)) {
    // CPython's grammar forces the ':' after def/try/else/finally (any token
    // gets "expected ':'"); elsewhere only a NEWLINE in its place does.
    bool forced = what[0] == 'f' || !strcmp(what, "'try' statement") ||
                  !strcmp(what, "'else' statement") || !strcmp(what, "'finally' statement");
    if (forced || at(Tok::Newline)) error_at(peek(), "expected ':'");
    invalid_syntax();
  }
  advance();
  ast::StmtList body;
  if (accept(Tok::Newline)) {
    if (!at(Tok::Indent)) {
      try {
        error_at(peek(), "IndentationError",
                 std::string("expected an indented block after ") + what + " on line " +
                     std::to_string(what_line));
      } catch (ParserError& e) {
        throw e.info;  // not subject to the tokenizer re-check
      }
    }
    advance();
    statements_until(Tok::Dedent, body);
    advance();
  } else {
    simple_stmts(body);
  }
  return body;
}

StmtPtr Parser::if_stmt(bool is_elif) {
  Token kw = advance();
  auto s = node<ast::If>(loc_of(kw));
  s->test = named_expression();
  s->body = block(is_elif ? "'elif' statement" : "'if' statement", kw.line);
  if (at(Tok::KwElif)) {
    s->orelse.push_back(if_stmt(true));
  } else if (at(Tok::KwElse)) {
    Token e = advance();
    s->orelse = block("'else' statement", e.line);
  }
  const auto& last = s->orelse.empty() ? s->body.back() : s->orelse.back();
  s->loc = span(s->loc, last->loc);
  return s;
}

StmtPtr Parser::while_stmt() {
  Token kw = advance();
  auto s = node<ast::While>(loc_of(kw));
  s->test = named_expression();
  s->body = block("'while' statement", kw.line);
  if (at(Tok::KwElse)) {
    Token e = advance();
    s->orelse = block("'else' statement", e.line);
  }
  const auto& last = s->orelse.empty() ? s->body.back() : s->orelse.back();
  s->loc = span(s->loc, last->loc);
  return s;
}

StmtPtr Parser::for_stmt() {
  Token kw = advance();
  auto s = node<ast::For>(loc_of(kw));
  s->target = star_targets();
  expect(Tok::KwIn);
  s->iter = star_expressions();
  s->body = block("'for' statement", kw.line);
  if (at(Tok::KwElse)) {
    Token e = advance();
    s->orelse = block("'else' statement", e.line);
  }
  const auto& last = s->orelse.empty() ? s->body.back() : s->orelse.back();
  s->loc = span(s->loc, last->loc);
  return s;
}

StmtPtr Parser::with_stmt() {
  Token kw = advance();
  auto s = node<ast::With>(loc_of(kw));
  auto item = [&]() {
    ast::WithItem it;
    it.context_expr = expression();
    if (accept(Tok::KwAs)) {
      it.optional_vars = star_target();
      set_context(*it.optional_vars, ast::ExprContext::Store, TargetKind::Star);
    }
    s->items.push_back(std::move(it));
  };
  // `with (a as b, c):` -- parenthesised items -- is recognised by the ':'
  // right after the matching ')'; otherwise the '(' starts an expression.
  bool parenthesised = false;
  if (at(Tok::LPar)) {
    size_t save_far = furthest_;
    int depth = 0;
    for (size_t k = 0;; ++k) {
      Tok t = kind(k);
      if (t == Tok::EndMarker || t == Tok::Newline) break;
      if (t == Tok::LPar || t == Tok::LSqb || t == Tok::LBrace) ++depth;
      if (t == Tok::RPar || t == Tok::RSqb || t == Tok::RBrace) {
        if (--depth == 0) {
          parenthesised = kind(k + 1) == Tok::Colon;
          break;
        }
      }
    }
    furthest_ = save_far;
  }
  if (parenthesised) {
    advance();
    do {
      if (at(Tok::RPar)) break;
      item();
    } while (accept(Tok::Comma));
    expect(Tok::RPar);
  } else {
    do {
      item();
    } while (accept(Tok::Comma));
  }
  s->body = block("'with' statement", kw.line);
  s->loc = span(s->loc, s->body.back()->loc);
  return s;
}

StmtPtr Parser::try_stmt() {
  Token kw = advance();
  auto s = node<ast::Try>(loc_of(kw));
  s->body = block("'try' statement", kw.line);
  while (at(Tok::KwExcept)) {
    Token e = advance();
    if (at(Tok::Star)) error_at(peek(), "'except*' is not supported");
    ast::ExceptHandler h;
    if (!at(Tok::Colon)) {
      h.type = expression();
      if (at(Tok::Comma)) {
        // `except A, B:` -- CPython 3.11 asks for parentheses.
        size_t save = pos_;
        advance();
        ExprPtr second = expression();
        if (at(Tok::Colon) || at(Tok::KwAs) || at(Tok::Comma)) {
          error_range(span(h.type->loc, second->loc),
                      "multiple exception types must be parenthesized");
        }
        pos_ = save;
      }
      if (accept(Tok::KwAs)) h.name = text(expect(Tok::Name));
    }
    h.body = block("'except' statement", e.line);
    h.loc = span(e, h.body.back()->loc);
    s->handlers.push_back(std::move(h));
  }
  if (!s->handlers.empty() && at(Tok::KwElse)) {
    Token e = advance();
    s->orelse = block("'else' statement", e.line);
  }
  if (at(Tok::KwFinally)) {
    Token f = advance();
    s->finalbody = block("'finally' statement", f.line);
  }
  if (s->handlers.empty() && s->finalbody.empty()) {
    error_at(peek(), "expected 'except' or 'finally' block");
  }
  const ast::StmtList& last = !s->finalbody.empty() ? s->finalbody
                              : !s->orelse.empty()  ? s->orelse
                                                    : s->handlers.back().body;
  s->loc = span(s->loc, last.back()->loc);
  return s;
}

StmtPtr Parser::decorated() {
  ast::ExprList decorators;
  while (accept(Tok::At)) {
    decorators.push_back(named_expression());
    expect(Tok::Newline);
  }
  if (at(Tok::KwDef)) return def_stmt(std::move(decorators));
  if (at(Tok::KwClass)) return class_stmt(std::move(decorators));
  if (at(Tok::KwAsync)) error_at(peek(), "'async' statements are not supported");
  invalid_syntax();
}

StmtPtr Parser::def_stmt(ast::ExprList decorators) {
  Token kw = advance();
  auto f = node<ast::FunctionDef>(loc_of(kw));
  f->name = text(expect(Tok::Name));
  if (!at(Tok::LPar)) error_at(peek(), "expected '('");
  advance();
  f->args = parameters(Tok::RPar, true);
  expect(Tok::RPar);
  if (accept(Tok::RArrow)) f->returns = expression();
  f->body = block("function definition", kw.line);
  f->decorator_list = std::move(decorators);
  f->loc = span(f->loc, f->body.back()->loc);
  return f;
}

StmtPtr Parser::class_stmt(ast::ExprList decorators) {
  Token kw = advance();
  auto c = node<ast::ClassDef>(loc_of(kw));
  c->name = text(expect(Tok::Name));
  if (at(Tok::LPar)) {
    Token open = advance();
    call_arguments(c->bases, c->keywords, Tok::RPar, open);
    expect(Tok::RPar);
  }
  c->body = block("class definition", kw.line);
  c->decorator_list = std::move(decorators);
  c->loc = span(c->loc, c->body.back()->loc);
  return c;
}

std::unique_ptr<ast::Arguments> Parser::parameters(Tok close, bool allow_annotations) {
  auto args = std::make_unique<ast::Arguments>();
  std::vector<ast::Arg> positional;
  bool seen_slash = false, seen_star = false;
  Token bare_star{};
  bool bare = false;
  auto param = [&]() {
    const Token& name = expect(Tok::Name);
    ast::Arg a;
    a.name = text(name);
    a.loc = loc_of(name);
    if (allow_annotations && accept(Tok::Colon)) {
      a.annotation = expression();
      a.loc = span(a.loc, prev());
    }
    return a;
  };
  while (!at(close)) {
    if (args->kwarg) {
      error_at(peek(), "arguments cannot follow var-keyword argument");
    }
    if (at(Tok::Slash)) {
      Token t = advance();
      if (seen_slash) error_at(t, "/ may appear only once");
      if (seen_star) error_at(t, "/ must be ahead of *");
      if (positional.empty()) error_at(t, "at least one argument must precede /");
      args->posonlyargs = std::move(positional);
      positional.clear();
      seen_slash = true;
    } else if (at(Tok::Star)) {
      Token t = advance();
      if (seen_star) error_at(t, "* argument may appear only once");
      seen_star = true;
      if (at(Tok::Comma) || at(close)) {
        bare = true;
        bare_star = t;
      } else {
        args->vararg = std::make_unique<ast::Arg>(param());
      }
    } else if (at(Tok::DoubleStar)) {
      advance();
      args->kwarg = std::make_unique<ast::Arg>(param());
    } else {
      ast::Arg a = param();
      ExprPtr def;
      if (accept(Tok::Equal)) def = expression();
      if (!seen_star) {
        if (def) {
          args->defaults.push_back(std::move(def));
        } else if (!args->defaults.empty()) {
          error_range(a.loc, "non-default argument follows default argument");
        }
        positional.push_back(std::move(a));
      } else {
        args->kwonlyargs.push_back(std::move(a));
        args->kw_defaults.push_back(std::move(def));
      }
    }
    if (!accept(Tok::Comma)) break;
  }
  if (bare && args->kwonlyargs.empty()) error_at(bare_star, "named arguments must follow bare *");
  args->args = std::move(positional);
  return args;
}

StmtPtr Parser::import_stmt() {
  Token kw = advance();
  auto s = node<ast::Import>(loc_of(kw));
  do {
    Token first = expect(Tok::Name);
    ast::Alias a;
    a.name = text(first);
    while (accept(Tok::Dot)) a.name += "." + text(expect(Tok::Name));
    if (accept(Tok::KwAs)) a.asname = text(expect(Tok::Name));
    a.loc = span(first, prev());
    s->names.push_back(std::move(a));
  } while (accept(Tok::Comma));
  s->loc = span(kw, prev());
  return s;
}

StmtPtr Parser::from_import_stmt() {
  Token kw = advance();
  auto s = node<ast::ImportFrom>(loc_of(kw));
  for (;;) {
    if (accept(Tok::Dot)) {
      s->level += 1;
    } else if (accept(Tok::Ellipsis)) {
      s->level += 3;
    } else {
      break;
    }
  }
  if (at(Tok::Name) || s->level == 0) {
    s->module = text(expect(Tok::Name));
    while (accept(Tok::Dot)) s->module += "." + text(expect(Tok::Name));
  }
  expect(Tok::KwImport);
  if (at(Tok::Star)) {
    Token star = advance();
    ast::Alias a;
    a.name = "*";
    a.loc = loc_of(star);
    s->names.push_back(std::move(a));
  } else {
    bool parens = accept(Tok::LPar);
    do {
      if (parens && at(Tok::RPar) && !s->names.empty()) break;
      if (!parens && !s->names.empty() && at(Tok::Newline)) {
        error_at(peek(), "trailing comma not allowed without surrounding parentheses");
      }
      Token name = expect(Tok::Name);
      ast::Alias a;
      a.name = text(name);
      if (accept(Tok::KwAs)) a.asname = text(expect(Tok::Name));
      a.loc = span(name, prev());
      s->names.push_back(std::move(a));
    } while (accept(Tok::Comma));
    if (parens) expect(Tok::RPar);
  }
  s->loc = span(kw, prev());
  return s;
}

StmtPtr Parser::del_stmt() {
  Token kw = advance();
  auto s = node<ast::Delete>(loc_of(kw));
  do {
    if (!starts_expression(kind())) break;
    ExprPtr t = star_expression();
    set_context(*t, ast::ExprContext::Del, TargetKind::Del);
    s->targets.push_back(std::move(t));
  } while (accept(Tok::Comma));
  if (s->targets.empty()) invalid_syntax();
  s->loc = span(kw, prev());
  return s;
}

std::unique_ptr<ast::Module> parse_module(std::string_view source, const std::string& filename) {
  Parser p(source, filename);
  return p.parse_file();
}

}  // namespace kestrel
