// Traceback caret anchors (PEP 657): which part of a failing expression gets
// `^` and which gets `~`. CPython 3.11 (Python/traceback.c) parses the source
// text of the failing instruction and specialises two shapes: a binary
// operation marks its operator, a subscript its brackets.
#include <optional>

#include "front/compiler.h"
#include "front/frontend.h"
#include "front/parser.h"

namespace kestrel {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// The constant an expression folds to (CPython runs its AST optimiser on the
// segment first, so a foldable operation has no anchors).
std::optional<Constant> folded(const ast::Expr* e) {
  if (auto* c = e->as<ast::ConstantExpr>()) return c->value;
  if (auto* b = e->as<ast::BinOp>()) {
    auto l = folded(b->left.get());
    if (!l) return std::nullopt;
    auto r = folded(b->right.get());
    if (!r) return std::nullopt;
    return front_internal::fold_binop(*l, b->op, *r);
  }
  if (auto* u = e->as<ast::UnaryOp>()) {
    auto v = folded(u->operand.get());
    if (!v) return std::nullopt;
    return front_internal::fold_unary(u->op, *v);
  }
  return std::nullopt;
}

}  // namespace

bool caret_anchors(std::string_view segment, int* left, int* right, bool* tildes) {
  *tildes = true;
  std::unique_ptr<ast::Module> mod;
  try {
    mod = parse_module(segment, "<traceback>");
  } catch (const SyntaxErrorInfo&) {
    return false;
  }
  if (mod->body.size() != 1) return false;
  auto* stmt = mod->body[0]->as<ast::ExprStmt>();
  if (!stmt) return false;
  const ast::Expr* e = stmt->value.get();
  if (folded(e)) return false;
  const int n = int(segment.size());
  if (auto* b = e->as<ast::BinOp>()) {
    // The first non-blank character between the operands, skipping closing
    // parentheses of the left operand; two characters if the next is not blank.
    int end = b->right->loc.col;
    bool found = false;
    *tildes = false;  // (CPython: only a loop that ends on an operator switches to '~')
    for (int i = b->left->loc.end_col; i < end && i < n; ++i) {
      if (is_blank(segment[size_t(i)])) continue;
      *left = i;
      *right = i + 1;
      if (i + 1 < end && !is_blank(segment[size_t(i) + 1])) ++*right;
      found = true;
      if (i + 1 < end && segment[size_t(i)] == ')') continue;
      *tildes = true;
      break;
    }
    return found;
  }
  if (auto* s = e->as<ast::Subscript>()) {
    // From the '[' after the value to the ']' after the slice.
    int l = s->value->loc.end_col;
    int r = s->slice->loc.end_col + 1;
    while (l < n && segment[size_t(l)] != '[') ++l;
    while (r < n && segment[size_t(r)] != ']') ++r;
    if (r < n) ++r;
    *left = l;
    *right = r;
    return true;
  }
  return false;
}

}  // namespace kestrel
