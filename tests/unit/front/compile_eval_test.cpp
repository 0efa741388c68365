// compile_eval: eval() mode compiles one expression whose value is returned.
#include <gtest/gtest.h>

#include <string>

#include "front/frontend.h"

namespace kestrel {
namespace {

TEST(CompileEval, ReturnsTheExpression) {
  auto code = compile_eval("  a + 1\n", "<string>");
  ASSERT_FALSE(code->code.empty());
  EXPECT_EQ(code->code.back().op(), Op::RETURN_VALUE);
  EXPECT_EQ(code->name, "<module>");
  std::string dis = disassemble(*code);
  EXPECT_NE(dis.find("BINARY_OP"), std::string::npos) << dis;
  EXPECT_EQ(dis.find("POP_TOP"), std::string::npos) << dis;
}

TEST(CompileEval, StatementsAreSyntaxErrors) {
  for (const char* src : {"x = 1", "pass", "a\nb", "", "import os"}) {
    try {
      compile_eval(src, "<string>");
      ADD_FAILURE() << "no SyntaxError for " << src;
    } catch (const SyntaxErrorInfo& e) {
      EXPECT_EQ(e.type_name, "SyntaxError") << src;
      EXPECT_EQ(e.filename, "<string>");
    }
  }
}

}  // namespace
}  // namespace kestrel
