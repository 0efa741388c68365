// caret_anchors: the operator / bracket ranges CPython 3.11's traceback.c
// marks with '^' inside a failing expression (offsets checked against
// CPython's printed caret lines).
#include <gtest/gtest.h>

#include <string>

#include "front/frontend.h"

namespace kestrel {
namespace {

// The caret text for `segment` the way the traceback draws it: secondary '^'
// between the anchors, '~' (or '^') elsewhere; "" when there are no anchors.
std::string carets(const std::string& segment) {
  int left = -1, right = -1;
  bool tildes = false;
  if (!caret_anchors(segment, &left, &right, &tildes)) return "";
  std::string out;
  for (int i = 0; i < int(segment.size()); ++i)
    out += (i >= left && i < right) ? '^' : (tildes ? '~' : '^');
  return out;
}

TEST(CaretAnchors, BinaryOperators) {
  EXPECT_EQ(carets("a + b"), "~~^~~");
  EXPECT_EQ(carets("a // b"), "~~^^~~");
  EXPECT_EQ(carets("a + b + c"), "~~~~~~^~~");
  EXPECT_EQ(carets("(a + b) * c"), "~~~~~~~~^~~");  // skips the left operand's ')'
  EXPECT_EQ(carets("a+(b)"), "~^^~~");              // CPython takes '+(' as a 2-char operator
  EXPECT_EQ(carets("x ** 2"), "~~^^~~");
}

TEST(CaretAnchors, Subscripts) {
  EXPECT_EQ(carets("row[index]"), "~~~^^^^^^^");
  EXPECT_EQ(carets("x [ 'b' ]"), "~~^^^^^^^");
  EXPECT_EQ(carets("x[('b')]"), "~^^^^^^^");
  EXPECT_EQ(carets("{}['missing']"), "~~^^^^^^^^^^^");
}

TEST(CaretAnchors, NoAnchors) {
  EXPECT_EQ(carets("f(x)"), "");
  EXPECT_EQ(carets("a.b"), "");
  EXPECT_EQ(carets("1 + 2"), "");  // folded to a constant by CPython's AST optimiser
  EXPECT_EQ(carets("x = a + b"), "");
  EXPECT_EQ(carets("a +"), "");  // not parseable
  EXPECT_EQ(carets("a; b + c"), "");
}

}  // namespace
}  // namespace kestrel
