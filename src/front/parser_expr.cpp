// Expression half of the recursive-descent parser: precedence levels follow
// CPython 3.11's Grammar/python.gram (disjunction ... power, primary, atom),
// with binary operators handled by precedence climbing.
#include <cstdlib>
#include <cstring>

#include "front/parser_impl.h"

namespace kestrel {

using ast::ExprPtr;

namespace {

// Binding power of binary operators between bitwise_or and term (0: none).
int binary_precedence(Tok k) {
  switch (k) {
    case Tok::VBar:
      return 1;
    case Tok::Circumflex:
      return 2;
    case Tok::Amper:
      return 3;
    case Tok::LeftShift:
    case Tok::RightShift:
      return 4;
    case Tok::Plus:
    case Tok::Minus:
      return 5;
    case Tok::Star:
    case Tok::Slash:
    case Tok::DoubleSlash:
    case Tok::Percent:
    case Tok::At:
      return 6;
    default:
      return 0;
  }
}

ast::Operator binary_operator(Tok k) {
  switch (k) {
    case Tok::VBar:
      return ast::Operator::BitOr;
    case Tok::Circumflex:
      return ast::Operator::BitXor;
    case Tok::Amper:
      return ast::Operator::BitAnd;
    case Tok::LeftShift:
      return ast::Operator::LShift;
    case Tok::RightShift:
      return ast::Operator::RShift;
    case Tok::Plus:
      return ast::Operator::Add;
    case Tok::Minus:
      return ast::Operator::Sub;
    case Tok::Star:
      return ast::Operator::Mult;
    case Tok::Slash:
      return ast::Operator::Div;
    case Tok::DoubleSlash:
      return ast::Operator::FloorDiv;
    case Tok::Percent:
      return ast::Operator::Mod;
    default:
      return ast::Operator::MatMult;
  }
}

}  // namespace

bool Parser::starts_expression(Tok k) {
  switch (k) {
    case Tok::Name:
    case Tok::Number:
    case Tok::String:
    case Tok::LPar:
    case Tok::LSqb:
    case Tok::LBrace:
    case Tok::Minus:
    case Tok::Plus:
    case Tok::Tilde:
    case Tok::KwNot:
    case Tok::KwLambda:
    case Tok::KwNone:
    case Tok::KwTrue:
    case Tok::KwFalse:
    case Tok::Ellipsis:
    case Tok::Star:
    case Tok::KwAwait:
      return true;
    default:
      return false;
  }
}

ExprPtr Parser::name_expr(const Token& t) {
  auto n = node<ast::Name>(loc_of(t));
  n->id = text(t);
  return n;
}

// `a b` inside brackets: CPython's invalid_expression rule suggests a comma
// when another expression directly follows.
void Parser::maybe_forgot_comma(const ast::Expr& a) {
  if (!starts_expression(kind()) || at(Tok::Star) || at(Tok::Minus) || at(Tok::Plus)) return;
  if (a.kind == ast::ExprKind::Name && at(Tok::String)) return;
  if (a.kind == ast::ExprKind::Lambda || a.kind == ast::ExprKind::IfExp) return;
  size_t save = pos_, save_far = furthest_;
  ExprPtr b;
  try {
    b = expression();
  } catch (ParserError&) {
    // `b` does not parse either: keep the generic error.
    pos_ = save;
    furthest_ = save_far;
    return;
  }
  error_range(span(a.loc, b->loc), "invalid syntax. Perhaps you forgot a comma?");
}

// `x = 1` where an expression is expected (if/while conditions, displays...):
// CPython's invalid_named_expression messages.
void Parser::check_named_expression_assign(const ast::Expr& a) {
  if (!at(Tok::Equal)) return;
  using K = ast::ExprKind;
  if (a.kind == K::List || a.kind == K::Tuple || a.kind == K::GeneratorExp) return;
  if (auto c = a.as<ast::ConstantExpr>()) {
    auto ck = c->value.kind;
    if (ck == Constant::Kind::True || ck == Constant::Kind::False || ck == Constant::Kind::None) {
      return;
    }
  }
  switch (a.kind) {
    case K::BoolOp:
    case K::Compare:
    case K::IfExp:
    case K::Lambda:
    case K::NamedExpr:
    case K::Yield:
    case K::YieldFrom:
    case K::Starred:
      return;
    case K::UnaryOp:
      if (static_cast<const ast::UnaryOp&>(a).op == ast::UnaryOpKind::Not) return;
      break;
    default:
      break;
  }
  size_t save = pos_, save_far = furthest_;
  advance();
  if (starts_expression(kind()) && !at(Tok::Star) && !at(Tok::KwNot) && !at(Tok::KwLambda)) {
    ExprPtr b;
    try {
      b = bitwise_or();
    } catch (ParserError&) {
      pos_ = save;
      furthest_ = save_far;
      return;
    }
    if (!at(Tok::Equal) && !at(Tok::ColonEqual)) {
      if (a.kind == K::Name) {
        error_range(span(a.loc, b->loc),
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
      error_range(a.loc, std::string("cannot assign to ") + expr_name(a) +
                             " here. Maybe you meant '==' instead of '='?");
    }
  }
  pos_ = save;
  furthest_ = save_far;
}

ExprPtr Parser::star_expressions() {
  const Token start = peek();
  ExprPtr first = star_expression();
  if (!at(Tok::Comma)) return first;
  auto t = node<ast::Tuple>(first->loc);
  t->elts.push_back(std::move(first));
  while (accept(Tok::Comma)) {
    if (!starts_expression(kind())) break;
    t->elts.push_back(star_expression());
  }
  t->loc = span(start, prev());
  return t;
}

ExprPtr Parser::star_expression() {
  if (at(Tok::Star)) {
    const Token& star = advance();
    ast::Loc start = loc_of(star);
    ExprPtr value = bitwise_or();
    auto s = node<ast::Starred>(span(start, prev()));
    s->value = std::move(value);
    return s;
  }
  return expression();
}

ExprPtr Parser::star_named_expression() {
  if (at(Tok::Star)) return star_expression();
  return named_expression();
}

ExprPtr Parser::named_expression() {
  if (at(Tok::Name) && kind(1) == Tok::ColonEqual) {
    ExprPtr target = name_expr(advance());
    static_cast<ast::Name&>(*target).ctx = ast::ExprContext::Store;
    advance();
    ExprPtr value = expression();
    auto n = node<ast::NamedExpr>(span(target->loc, prev()));
    n->target = std::move(target);
    n->value = std::move(value);
    return n;
  }
  ExprPtr e = expression();
  if (at(Tok::ColonEqual)) {
    error_range(e->loc, std::string("cannot use assignment expressions with ") + expr_name(*e));
  }
  check_named_expression_assign(*e);
  return e;
}

ExprPtr Parser::expression() {
  if (at(Tok::KwLambda)) return lambda();
  DepthGuard guard(this);
  const Token start = peek();
  ExprPtr body = disjunction();
  if (!at(Tok::KwIf)) return body;
  advance();
  ExprPtr test = disjunction();
  if (!accept(Tok::KwElse)) {
    if (!at(Tok::Colon))
      error_range(span(body->loc, test->loc), "expected 'else' after 'if' expression");
    invalid_syntax();
  }
  ExprPtr orelse = expression();
  auto e = node<ast::IfExp>(span(start, prev()));
  e->test = std::move(test);
  e->body = std::move(body);
  e->orelse = std::move(orelse);
  return e;
}

ExprPtr Parser::disjunction() {
  const Token start = peek();
  ExprPtr first = conjunction();
  if (!at(Tok::KwOr)) return first;
  auto b = node<ast::BoolOp>(first->loc);
  b->op = ast::BoolOpKind::Or;
  b->values.push_back(std::move(first));
  while (accept(Tok::KwOr)) b->values.push_back(conjunction());
  b->loc = span(start, prev());
  return b;
}

ExprPtr Parser::conjunction() {
  const Token start = peek();
  ExprPtr first = inversion();
  if (!at(Tok::KwAnd)) return first;
  auto b = node<ast::BoolOp>(first->loc);
  b->op = ast::BoolOpKind::And;
  b->values.push_back(std::move(first));
  while (accept(Tok::KwAnd)) b->values.push_back(inversion());
  b->loc = span(start, prev());
  return b;
}

ExprPtr Parser::inversion() {
  if (!at(Tok::KwNot)) return comparison();
  DepthGuard guard(this);
  const Token& t = advance();
  ast::Loc start = loc_of(t);
  ExprPtr operand = inversion();
  auto u = node<ast::UnaryOp>(span(start, prev()));
  u->op = ast::UnaryOpKind::Not;
  u->operand = std::move(operand);
  return u;
}

ExprPtr Parser::comparison() {
  const Token start = peek();
  ExprPtr left = bitwise_or();
  std::unique_ptr<ast::Compare> cmp;
  for (;;) {
    ast::CmpOpKind op;
    switch (kind()) {
      case Tok::Less:
        op = ast::CmpOpKind::Lt;
        break;
      case Tok::Greater:
        op = ast::CmpOpKind::Gt;
        break;
      case Tok::EqEqual:
        op = ast::CmpOpKind::Eq;
        break;
      case Tok::NotEqual:
        op = ast::CmpOpKind::NotEq;
        break;
      case Tok::LessEqual:
        op = ast::CmpOpKind::LtE;
        break;
      case Tok::GreaterEqual:
        op = ast::CmpOpKind::GtE;
        break;
      case Tok::KwIn:
        op = ast::CmpOpKind::In;
        break;
      case Tok::KwIs:
        if (kind(1) == Tok::KwNot) {
          advance();
          op = ast::CmpOpKind::IsNot;
        } else {
          op = ast::CmpOpKind::Is;
        }
        break;
      case Tok::KwNot:
        if (kind(1) != Tok::KwIn) goto done;
        advance();
        op = ast::CmpOpKind::NotIn;
        break;
      default:
        goto done;
    }
    advance();
    if (!cmp) {
      cmp = node<ast::Compare>(left->loc);
      cmp->left = std::move(left);
    }
    cmp->ops.push_back(op);
    cmp->comparators.push_back(bitwise_or());
  }
done:
  if (!cmp) return left;
  cmp->loc = span(start, prev());
  return cmp;
}

ExprPtr Parser::binary(int min_prec) {
  const Token start = peek();
  ExprPtr left = factor();
  for (;;) {
    int prec = binary_precedence(kind());
    if (prec == 0 || prec < min_prec) return left;
    ast::Operator op = binary_operator(advance().kind);
    ExprPtr right = binary(prec + 1);
    auto b = node<ast::BinOp>(span(start, prev()));
    b->left = std::move(left);
    b->op = op;
    b->right = std::move(right);
    left = std::move(b);
  }
}

ExprPtr Parser::factor() {
  Tok k = kind();
  if (k != Tok::Minus && k != Tok::Plus && k != Tok::Tilde) return power();
  DepthGuard guard(this);
  ast::Loc start = loc_of(advance());
  ExprPtr operand = factor();
  auto u = node<ast::UnaryOp>(span(start, prev()));
  u->op = k == Tok::Minus  ? ast::UnaryOpKind::USub
          : k == Tok::Plus ? ast::UnaryOpKind::UAdd
                           : ast::UnaryOpKind::Invert;
  u->operand = std::move(operand);
  return u;
}

ExprPtr Parser::power() {
  if (at(Tok::KwAwait)) error_at(peek(), "'await' expressions are not supported");
  const Token start = peek();
  ExprPtr base = primary();
  if (!accept(Tok::DoubleStar)) return base;
  // The exponent is a factor, so `2**-1` works and `-2**2` is -(2**2).
  ExprPtr exp = factor();
  auto b = node<ast::BinOp>(span(start, prev()));
  b->left = std::move(base);
  b->op = ast::Operator::Pow;
  b->right = std::move(exp);
  return b;
}

ExprPtr Parser::primary() {
  // Trailers span from the primary's first token, so `(a).b` starts at '('.
  const Token start = peek();
  ExprPtr e = atom();
  for (;;) {
    switch (kind()) {
      case Tok::Dot: {
        advance();
        const Token& name = expect(Tok::Name);
        auto a = node<ast::Attribute>(span(start, name));
        a->value = std::move(e);
        a->attr = text(name);
        e = std::move(a);
        break;
      }
      case Tok::LPar: {
        Token open = advance();
        auto c = node<ast::Call>(e->loc);
        c->func = std::move(e);
        call_arguments(c->args, c->keywords, Tok::RPar, open);
        c->loc = span(start, expect(Tok::RPar));
        e = std::move(c);
        break;
      }
      case Tok::LSqb: {
        advance();
        auto s = node<ast::Subscript>(e->loc);
        s->value = std::move(e);
        s->slice = slices();
        if (!at(Tok::RSqb)) maybe_forgot_comma(*s->slice);
        s->loc = span(start, expect(Tok::RSqb));
        e = std::move(s);
        break;
      }
      default:
        return e;
    }
  }
}

void Parser::call_arguments(ast::ExprList& args, std::vector<ast::Keyword>& keywords, Tok close,
                            const Token& open) {
  bool seen_keyword = false, seen_kw_unpack = false;
  while (!at(close)) {
    if (at(Tok::Star)) {
      Token star = advance();
      ExprPtr value = expression();
      if (seen_kw_unpack) {
        error_at(star, "iterable argument unpacking follows keyword argument unpacking");
      }
      auto s = node<ast::Starred>(span(star, prev()));
      s->value = std::move(value);
      args.push_back(std::move(s));
    } else if (at(Tok::DoubleStar)) {
      Token stars = advance();
      ExprPtr value = expression();
      ast::Keyword kw;
      kw.loc = span(stars, prev());
      kw.value = std::move(value);
      keywords.push_back(std::move(kw));
      seen_kw_unpack = true;
    } else if (at(Tok::Name) && kind(1) == Tok::Equal) {
      Token name = advance();
      advance();
      ExprPtr value = expression();
      ast::Keyword kw;
      kw.arg = text(name);
      kw.loc = span(name, prev());
      kw.value = std::move(value);
      keywords.push_back(std::move(kw));
      seen_keyword = true;
    } else {
      ExprPtr e;
      if (at(Tok::Name) && kind(1) == Tok::ColonEqual) {
        e = named_expression();
      } else {
        e = expression();
        if (at(Tok::Equal)) {
          // `f(a.b=1)`, `f(True=1)`: CPython's invalid_kwarg messages.
          if (auto c = e->as<ast::ConstantExpr>()) {
            auto ck = c->value.kind;
            if (ck == Constant::Kind::True || ck == Constant::Kind::False ||
                ck == Constant::Kind::None) {
              error_range(span(e->loc, peek()), std::string("cannot assign to ") + expr_name(*e));
            }
          }
          ast::Loc l = span(e->loc, peek());
          error_range(l, "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
      }
      if (at(Tok::KwFor)) {
        ast::Loc start = e->loc;
        auto g = node<ast::GeneratorExp>(start);
        g->elt = std::move(e);
        g->generators = comprehension_clauses();
        if (!args.empty() || !keywords.empty() || !at(close)) {
          error_range(span(start, prev()), "Generator expression must be parenthesized");
        }
        // A sole generator argument takes the call's parentheses.
        g->loc = span(open, peek());
        args.push_back(std::move(g));
        continue;
      }
      // CPython points these at the token after the argument.
      if (seen_kw_unpack) {
        error_at(peek(), "positional argument follows keyword argument unpacking");
      }
      if (seen_keyword) error_at(peek(), "positional argument follows keyword argument");
      args.push_back(std::move(e));
    }
    if (!accept(Tok::Comma)) {
      if (!at(close)) {
        const ast::Expr* last = nullptr;
        if (!args.empty()) last = args.back().get();
        if (!keywords.empty() && (!last || keywords.back().loc.line > last->loc.line ||
                                  (keywords.back().loc.line == last->loc.line &&
                                   keywords.back().loc.col > last->loc.col))) {
          last = keywords.back().value.get();
        }
        if (last) maybe_forgot_comma(*last);
      }
      break;
    }
  }
}

ExprPtr Parser::slices() {
  const Token start = peek();
  ExprPtr first = slice();
  if (!at(Tok::Comma) && first->kind != ast::ExprKind::Starred) return first;
  auto t = node<ast::Tuple>(first->loc);
  t->elts.push_back(std::move(first));
  while (accept(Tok::Comma)) {
    if (at(Tok::RSqb)) break;
    t->elts.push_back(slice());
  }
  t->loc = span(start, prev());
  return t;
}

ExprPtr Parser::slice() {
  Token start = peek();
  if (at(Tok::Star)) return star_expression();
  ExprPtr lower;
  if (!at(Tok::Colon)) {
    lower = named_expression();
    if (!at(Tok::Colon)) return lower;
  }
  advance();  // ':'
  auto s = node<ast::Slice>(loc_of(start));
  s->lower = std::move(lower);
  if (!at(Tok::Colon) && !at(Tok::Comma) && !at(Tok::RSqb)) s->upper = expression();
  if (accept(Tok::Colon)) {
    if (!at(Tok::Comma) && !at(Tok::RSqb)) s->step = expression();
  }
  s->loc = span(s->loc, prev());
  return s;
}

ExprPtr Parser::atom() {
  const Token& t = peek();
  switch (t.kind) {
    case Tok::Name:
      return name_expr(advance());
    case Tok::Number:
      return number(advance());
    case Tok::String:
      return strings();
    case Tok::KwTrue:
    case Tok::KwFalse:
    case Tok::KwNone:
    case Tok::Ellipsis: {
      auto c = node<ast::ConstantExpr>(loc_of(t));
      c->value.kind = t.kind == Tok::KwTrue    ? Constant::Kind::True
                      : t.kind == Tok::KwFalse ? Constant::Kind::False
                      : t.kind == Tok::KwNone  ? Constant::Kind::None
                                               : Constant::Kind::Ellipsis;
      advance();
      return c;
    }
    case Tok::LPar:
      return paren_atom();
    case Tok::LSqb:
      return list_atom();
    case Tok::LBrace:
      return brace_atom();
    default:
      invalid_syntax();
  }
}

ExprPtr Parser::paren_atom() {
  DepthGuard guard(this);
  Token open = advance();
  if (at(Tok::RPar)) {
    return node<ast::Tuple>(span(open, advance()));
  }
  if (at(Tok::KwYield)) {
    ExprPtr y = yield_expr();
    expect(Tok::RPar);
    return y;
  }
  ExprPtr first = star_named_expression();
  if (at(Tok::KwFor)) {
    if (first->kind == ast::ExprKind::Starred) {
      error_range(first->loc, "iterable unpacking cannot be used in comprehension");
    }
    auto g = node<ast::GeneratorExp>(loc_of(open));
    g->elt = std::move(first);
    g->generators = comprehension_clauses();
    g->loc = span(open, expect(Tok::RPar));
    return g;
  }
  if (at(Tok::RPar)) {
    if (first->kind == ast::ExprKind::Starred) {
      error_range(first->loc, "cannot use starred expression here");
    }
    advance();
    return first;  // a parenthesised expression keeps its own location
  }
  if (!at(Tok::Comma)) {
    maybe_forgot_comma(*first);
    invalid_syntax();
  }
  auto t = node<ast::Tuple>(loc_of(open));
  t->elts.push_back(std::move(first));
  while (accept(Tok::Comma)) {
    if (at(Tok::RPar)) break;
    t->elts.push_back(star_named_expression());
  }
  if (!at(Tok::RPar)) maybe_forgot_comma(*t->elts.back());
  t->loc = span(open, expect(Tok::RPar));
  return t;
}

ExprPtr Parser::list_atom() {
  DepthGuard guard(this);
  Token open = advance();
  auto l = node<ast::List>(loc_of(open));
  if (accept(Tok::RSqb)) {
    l->loc = span(open, prev());
    return l;
  }
  ExprPtr first = star_named_expression();
  if (at(Tok::KwFor)) {
    if (first->kind == ast::ExprKind::Starred) {
      error_range(first->loc, "iterable unpacking cannot be used in comprehension");
    }
    auto c = node<ast::ListComp>(loc_of(open));
    c->elt = std::move(first);
    c->generators = comprehension_clauses();
    c->loc = span(open, expect(Tok::RSqb));
    return c;
  }
  l->elts.push_back(std::move(first));
  while (accept(Tok::Comma)) {
    if (at(Tok::RSqb)) break;
    l->elts.push_back(star_named_expression());
  }
  if (!at(Tok::RSqb)) maybe_forgot_comma(*l->elts.back());
  l->loc = span(open, expect(Tok::RSqb));
  return l;
}

ExprPtr Parser::brace_atom() {
  DepthGuard guard(this);
  Token open = advance();
  if (accept(Tok::RBrace)) return node<ast::Dict>(span(open, prev()));
  ExprPtr first_key, first_value;
  if (accept(Tok::DoubleStar)) {
    first_value = bitwise_or();
  } else {
    first_key = star_named_expression();
    if (accept(Tok::Colon)) {
      if (first_key->kind == ast::ExprKind::Starred) invalid_syntax();
      first_value = expression();
    }
  }
  if (!first_value) {
    // A set display or set comprehension.
    if (at(Tok::KwFor)) {
      if (first_key->kind == ast::ExprKind::Starred) {
        error_range(first_key->loc, "iterable unpacking cannot be used in comprehension");
      }
      auto c = node<ast::SetComp>(loc_of(open));
      c->elt = std::move(first_key);
      c->generators = comprehension_clauses();
      c->loc = span(open, expect(Tok::RBrace));
      return c;
    }
    auto s = node<ast::Set>(loc_of(open));
    s->elts.push_back(std::move(first_key));
    while (accept(Tok::Comma)) {
      if (at(Tok::RBrace)) break;
      s->elts.push_back(star_named_expression());
    }
    if (!at(Tok::RBrace)) maybe_forgot_comma(*s->elts.back());
    s->loc = span(open, expect(Tok::RBrace));
    return s;
  }
  if (first_key && at(Tok::KwFor)) {
    auto c = node<ast::DictComp>(loc_of(open));
    c->key = std::move(first_key);
    c->value = std::move(first_value);
    c->generators = comprehension_clauses();
    c->loc = span(open, expect(Tok::RBrace));
    return c;
  }
  auto d = node<ast::Dict>(loc_of(open));
  d->keys.push_back(std::move(first_key));
  d->values.push_back(std::move(first_value));
  while (accept(Tok::Comma)) {
    if (at(Tok::RBrace)) break;
    if (accept(Tok::DoubleStar)) {
      d->keys.push_back(nullptr);
      d->values.push_back(bitwise_or());
      continue;
    }
    ExprPtr key = expression();
    if (!accept(Tok::Colon)) {
      if (at(Tok::Comma) || at(Tok::RBrace)) {
        error_raw("SyntaxError", "':' expected after dictionary key", key->loc.line, key->loc.col,
                  key->loc.line, Tokenizer::kZeroEnd);
      }
      invalid_syntax();
    }
    d->keys.push_back(std::move(key));
    d->values.push_back(expression());
  }
  if (!at(Tok::RBrace) && !d->values.empty()) maybe_forgot_comma(*d->values.back());
  d->loc = span(open, expect(Tok::RBrace));
  return d;
}

std::vector<ast::Comprehension> Parser::comprehension_clauses() {
  std::vector<ast::Comprehension> gens;
  while (at(Tok::KwFor) || at(Tok::KwAsync)) {
    if (at(Tok::KwAsync)) error_at(peek(), "asynchronous comprehensions are not supported");
    advance();
    ast::Comprehension c;
    c.target = star_targets();
    expect(Tok::KwIn);
    c.iter = disjunction();
    while (accept(Tok::KwIf)) c.ifs.push_back(disjunction());
    gens.push_back(std::move(c));
  }
  return gens;
}

ExprPtr Parser::star_target() {
  if (at(Tok::Star)) {
    Token star = advance();
    if (at(Tok::Star)) invalid_syntax();
    ExprPtr value = star_target();
    auto s = node<ast::Starred>(span(star, prev()));
    s->value = std::move(value);
    return s;
  }
  return bitwise_or();
}

ExprPtr Parser::star_targets() {
  const Token start = peek();
  ExprPtr first = star_target();
  ExprPtr result;
  if (!at(Tok::Comma)) {
    result = std::move(first);
  } else {
    auto t = node<ast::Tuple>(first->loc);
    t->elts.push_back(std::move(first));
    while (accept(Tok::Comma)) {
      if (!starts_expression(kind())) break;
      t->elts.push_back(star_target());
    }
    t->loc = span(start, prev());
    result = std::move(t);
  }
  set_context(*result, ast::ExprContext::Store, TargetKind::For);
  return result;
}

ExprPtr Parser::lambda() {
  Token kw = advance();
  auto l = node<ast::Lambda>(loc_of(kw));
  l->args = parameters(Tok::Colon, false);
  expect(Tok::Colon);
  l->body = expression();
  l->loc = span(kw, prev());
  return l;
}

ExprPtr Parser::yield_expr() {
  Token kw = advance();
  if (accept(Tok::KwFrom)) {
    ExprPtr value = expression();
    auto y = node<ast::YieldFrom>(span(kw, prev()));
    y->value = std::move(value);
    return y;
  }
  auto y = node<ast::Yield>(loc_of(kw));
  if (starts_expression(kind())) {
    y->value = star_expressions();
    y->loc = span(kw, prev());
  }
  return y;
}

ExprPtr Parser::yield_or_star_expressions() {
  if (at(Tok::KwYield)) return yield_expr();
  return star_expressions();
}

ExprPtr Parser::strings() {
  std::vector<Token> parts;
  while (at(Tok::String)) parts.push_back(advance());
  return decode_string_tokens(parts.data(), parts.size(), tk_, *this);
}

ExprPtr Parser::number(const Token& t) {
  auto c = node<ast::ConstantExpr>(loc_of(t));
  std::string s;
  s.reserve(t.end - t.start);
  for (uint32_t i = t.start; i < t.end; ++i) {
    if (src_[i] != '_') s += src_[i];
  }
  if (!s.empty() && (s.back() == 'j' || s.back() == 'J')) {
    // Imaginary literal (decimal only): the tokenizer accepted the digits.
    s.pop_back();
    c->value = Constant::imaginary(strtod(s.c_str(), nullptr));
    return c;
  }
  int base = 10;
  std::string_view digits = s;
  if (s.size() > 1 && s[0] == '0') {
    char p = char(s[1] | 0x20);
    if (p == 'x') base = 16;
    if (p == 'o') base = 8;
    if (p == 'b') base = 2;
    if (base != 10) digits.remove_prefix(2);
  }
  if (base == 10 && s.find_first_of(".eE") != std::string::npos) {
    // glibc's strtod is correctly rounded, as CPython's float parsing is.
    c->value = Constant::real(strtod(s.c_str(), nullptr));
    return c;
  }
  while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
  uint64_t v = 0;
  bool overflow = false;
  for (char ch : digits) {
    uint64_t d = ch <= '9' ? uint64_t(ch - '0') : uint64_t((ch | 0x20) - 'a' + 10);
    if (v > (uint64_t(INT64_MAX) - d) / uint64_t(base)) {
      overflow = true;
      break;
    }
    v = v * uint64_t(base) + d;
  }
  if (!overflow) {
    c->value = Constant::integer(int64_t(v));
  } else {
    c->value.kind = Constant::Kind::BigInt;
    c->value.text = base == 10 ? std::string(digits) : digits_to_decimal(digits, base);
  }
  return c;
}

// ---------------------------------------------------------------- targets

const char* Parser::expr_name(const ast::Expr& e) {
  using K = ast::ExprKind;
  switch (e.kind) {
    case K::Attribute:
      return "attribute";
    case K::Subscript:
      return "subscript";
    case K::Starred:
      return "starred";
    case K::Name:
      return "name";
    case K::List:
      return "list";
    case K::Tuple:
      return "tuple";
    case K::Lambda:
      return "lambda";
    case K::Call:
      return "function call";
    case K::BoolOp:
    case K::BinOp:
    case K::UnaryOp:
      return "expression";
    case K::GeneratorExp:
      return "generator expression";
    case K::Yield:
    case K::YieldFrom:
      return "yield expression";
    case K::Await:
      return "await expression";
    case K::ListComp:
      return "list comprehension";
    case K::SetComp:
      return "set comprehension";
    case K::DictComp:
      return "dict comprehension";
    case K::Dict:
      return "dict literal";
    case K::Set:
      return "set display";
    case K::JoinedStr:
    case K::FormattedValue:
      return "f-string expression";
    case K::Constant: {
      switch (static_cast<const ast::ConstantExpr&>(e).value.kind) {
        case Constant::Kind::None:
          return "None";
        case Constant::Kind::True:
          return "True";
        case Constant::Kind::False:
          return "False";
        case Constant::Kind::Ellipsis:
          return "ellipsis";
        default:
          return "literal";
      }
    }
    case K::Compare:
      return "comparison";
    case K::IfExp:
      return "conditional expression";
    case K::NamedExpr:
      return "named expression";
    case K::Slice:
      return "slice";
  }
  return "expression";
}

// The first sub-expression that cannot be a target (CPython's
// _PyPegen_get_invalid_target), or null if `e` is a valid target.
const ast::Expr* Parser::invalid_target(const ast::Expr& e, TargetKind kind) {
  using K = ast::ExprKind;
  switch (e.kind) {
    case K::Name:
    case K::Attribute:
    case K::Subscript:
      return nullptr;
    case K::Tuple:
    case K::List: {
      const auto& elts = e.kind == K::Tuple ? static_cast<const ast::Tuple&>(e).elts
                                            : static_cast<const ast::List&>(e).elts;
      for (const auto& elt : elts) {
        if (const ast::Expr* bad = invalid_target(*elt, kind)) return bad;
      }
      return nullptr;
    }
    case K::Starred:
      if (kind == TargetKind::Del) return &e;
      return invalid_target(*static_cast<const ast::Starred&>(e).value, kind);
    case K::Compare: {
      // `for x in y in z`: the target is the part before the first `in`.
      const auto& c = static_cast<const ast::Compare&>(e);
      if (kind == TargetKind::For && c.ops[0] == ast::CmpOpKind::In) {
        return invalid_target(*c.left, kind);
      }
      return &e;
    }
    default:
      return &e;
  }
}

void Parser::set_context(ast::Expr& e, ast::ExprContext ctx, TargetKind kind) {
  if (const ast::Expr* bad = invalid_target(e, kind)) {
    error_range(bad->loc,
                std::string(kind == TargetKind::Del ? "cannot delete " : "cannot assign to ") +
                    expr_name(*bad));
  }
  using K = ast::ExprKind;
  switch (e.kind) {
    case K::Name:
      static_cast<ast::Name&>(e).ctx = ctx;
      break;
    case K::Attribute:
      static_cast<ast::Attribute&>(e).ctx = ctx;
      break;
    case K::Subscript:
      static_cast<ast::Subscript&>(e).ctx = ctx;
      break;
    case K::Starred: {
      auto& s = static_cast<ast::Starred&>(e);
      s.ctx = ctx;
      set_context(*s.value, ctx, kind);
      break;
    }
    case K::Tuple: {
      auto& t = static_cast<ast::Tuple&>(e);
      t.ctx = ctx;
      for (auto& elt : t.elts) set_context(*elt, ctx, kind);
      break;
    }
    case K::List: {
      auto& l = static_cast<ast::List&>(e);
      l.ctx = ctx;
      for (auto& elt : l.elts) set_context(*elt, ctx, kind);
      break;
    }
    default:
      break;
  }
}

}  // namespace kestrel
