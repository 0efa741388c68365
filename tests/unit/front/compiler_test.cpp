// Compiler tests: instruction shapes of key constructs (compared with CPython
// 3.11's `dis` modulo Kestrel's documented differences), stack depth,
// exception tables, localsplus layout, constants, errors, and a sweep that
// compiles and verifies every program under tests/programs.
#include "front/compiler.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "front/frontend.h"

namespace kestrel {
namespace {

std::shared_ptr<CodeProto> compile(const std::string& src) {
  auto code = compile_module(src, "t.py");
  std::string v = verify_code_recursive(*code);
  EXPECT_EQ(v, "") << src;
  return code;
}

// Finds a nested code object by qualname (depth-first).
const CodeProto* find_code(const CodeProto& root, const std::string& qualname) {
  if (root.qualname == qualname) return &root;
  for (auto& c : root.consts) {
    if (c.kind == Constant::Kind::Code && c.code) {
      if (auto* r = find_code(*c.code, qualname)) return r;
    }
  }
  return nullptr;
}

std::string simple_repr(const Constant& c) {
  switch (c.kind) {
    case Constant::Kind::None:
      return "None";
    case Constant::Kind::True:
      return "True";
    case Constant::Kind::False:
      return "False";
    case Constant::Kind::Int:
      return std::to_string(c.int_value);
    case Constant::Kind::BigInt:
      return c.text;
    case Constant::Kind::Str:
      return "'" + c.text + "'";
    case Constant::Kind::Code:
      return "<code " + c.code->name + ">";
    case Constant::Kind::Tuple: {
      std::string s = "(";
      for (size_t i = 0; i < c.items.size(); ++i) s += (i ? ", " : "") + simple_repr(c.items[i]);
      return s + (c.items.size() == 1 ? ",)" : ")");
    }
    case Constant::Kind::Float: {
      std::ostringstream os;
      os << c.float_value;
      return os.str();
    }
    default:
      return "?";
  }
}

// One line per instruction: "OPNAME arg" with names/consts resolved and jump
// targets as "->N".
std::string listing(const CodeProto& code) {
  std::string out;
  for (auto in : code.code) {
    out += std::string(op_name(in.op()));
    uint32_t a = in.arg();
    switch (op_arg_kind(in.op())) {
      case ArgKind::None:
        break;
      case ArgKind::Const:
        out += " " + simple_repr(code.consts[a]);
        break;
      case ArgKind::Name:
        out += " " + code.names[a];
        break;
      case ArgKind::Local:
        out += " " + code.localsplus_names[a];
        break;
      case ArgKind::Jump:
        out += " ->" + std::to_string(a);
        break;
      default:
        out += " " + std::to_string(a);
        break;
    }
    out += "\n";
  }
  return out;
}

std::string listing_of(const std::string& src, const std::string& qualname = "<module>") {
  auto code = compile(src);
  const CodeProto* c = find_code(*code, qualname);
  EXPECT_NE(c, nullptr) << qualname;
  return c ? listing(*c) : "";
}

SyntaxErrorInfo compile_error(const std::string& src) {
  try {
    compile_module(src, "t.py");
  } catch (SyntaxErrorInfo& e) {
    return e;
  }
  ADD_FAILURE() << "no SyntaxError for: " << src;
  return {};
}

// ------------------------------------------------------------ simple shapes

TEST(Compiler, ModuleAssignment) {
  EXPECT_EQ(listing_of("x = 1\n"), "LOAD_CONST 1\nSTORE_NAME x\nLOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, EmptyModule) {
  auto code = compile("");
  EXPECT_EQ(listing(*code), "LOAD_CONST None\nRETURN_VALUE\n");
  EXPECT_EQ(code->max_stack, 1);
  EXPECT_EQ(code->qualname, "<module>");
  EXPECT_EQ(code->name, "<module>");
}

TEST(Compiler, ModuleDocstring) {
  EXPECT_EQ(listing_of("'doc'\nx = 2\n"),
            "LOAD_CONST 'doc'\nSTORE_NAME __doc__\nLOAD_CONST 2\nSTORE_NAME x\n"
            "LOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, FunctionLocalsAndGlobals) {
  std::string src = "def f(a):\n    b = a + g\n    return b\n";
  EXPECT_EQ(listing_of(src, "f"),
            "LOAD_FAST a\nLOAD_GLOBAL g\nBINARY_OP 0\nSTORE_FAST b\nLOAD_FAST b\nRETURN_VALUE\n");
  auto code = compile(src);
  const CodeProto* f = find_code(*code, "f");
  EXPECT_EQ(f->argcount, 1);
  EXPECT_EQ(f->flags, uint32_t(kCoOptimized | kCoNewLocals));
  EXPECT_EQ(f->consts[0].kind, Constant::Kind::None);  // no docstring -> None first
  EXPECT_EQ(f->max_stack, 2);
}

TEST(Compiler, FunctionDocstringIsFirstConst) {
  auto code = compile("def f():\n    'hello'\n    return 1\n");
  const CodeProto* f = find_code(*code, "f");
  ASSERT_GE(f->consts.size(), 2u);
  EXPECT_EQ(f->consts[0].kind, Constant::Kind::Str);
  EXPECT_EQ(f->consts[0].text, "hello");
  EXPECT_EQ(listing(*f), "LOAD_CONST 1\nRETURN_VALUE\n");
}

TEST(Compiler, CallShapes) {
  EXPECT_EQ(listing_of("f(1, x=2)\n"),
            "PUSH_NULL\nLOAD_NAME f\nLOAD_CONST 1\nLOAD_CONST 2\nLOAD_CONST ('x',)\nCALL_KW 2\n"
            "POP_TOP\nLOAD_CONST None\nRETURN_VALUE\n");
  EXPECT_EQ(listing_of("o.m(1)\n"),
            "LOAD_NAME o\nLOAD_METHOD m\nLOAD_CONST 1\nCALL 1\nPOP_TOP\nLOAD_CONST None\n"
            "RETURN_VALUE\n");
}

TEST(Compiler, StarArgsCall) {
  EXPECT_EQ(listing_of("f(a, *b, k=1, **d)\n"),
            "PUSH_NULL\nLOAD_NAME f\nLOAD_NAME a\nBUILD_LIST 1\nLOAD_NAME b\nLIST_EXTEND 1\n"
            "LIST_TO_TUPLE\nLOAD_CONST 'k'\nLOAD_CONST 1\nBUILD_MAP 1\nLOAD_NAME d\nDICT_MERGE 1\n"
            "CALL_FUNCTION_EX 1\nPOP_TOP\nLOAD_CONST None\nRETURN_VALUE\n");
  EXPECT_EQ(listing_of("f(*b)\n"),
            "PUSH_NULL\nLOAD_NAME f\nLOAD_NAME b\nCALL_FUNCTION_EX 0\nPOP_TOP\n"
            "LOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, ConstantFolding) {
  EXPECT_EQ(listing_of("x = -1\ny = 2 ** 10\nz = (1, 2, 3)\nw = 'ab' * 2\n"),
            "LOAD_CONST -1\nSTORE_NAME x\nLOAD_CONST 1024\nSTORE_NAME y\nLOAD_CONST (1, 2, 3)\n"
            "STORE_NAME z\nLOAD_CONST 'abab'\nSTORE_NAME w\nLOAD_CONST None\nRETURN_VALUE\n");
  // Overflowing folds are left to the runtime.
  EXPECT_EQ(listing_of("x = 2 ** 100\n"),
            "LOAD_CONST 2\nLOAD_CONST 100\nBINARY_OP 8\nSTORE_NAME x\nLOAD_CONST None\n"
            "RETURN_VALUE\n");
  EXPECT_EQ(listing_of("x = 1 / 0\n"),
            "LOAD_CONST 1\nLOAD_CONST 0\nBINARY_OP 11\nSTORE_NAME x\nLOAD_CONST None\n"
            "RETURN_VALUE\n");
}

TEST(Compiler, ConstantsAreDeduplicated) {
  auto code = compile("a = 1\nb = 1\nc = 1.0\nd = True\ne = 'x'\nf = 'x'\n");
  // 1, 1.0 and True are distinct constants; 'x' appears once.
  EXPECT_EQ(code->consts.size(), 5u);  // 1, 1.0, True, 'x', None
}

TEST(Compiler, ListDisplays) {
  EXPECT_EQ(listing_of("x = [1, 2, 3]\n"),
            "BUILD_LIST 0\nLOAD_CONST (1, 2, 3)\nLIST_EXTEND 1\nSTORE_NAME x\nLOAD_CONST None\n"
            "RETURN_VALUE\n");
  EXPECT_EQ(listing_of("x = [a, *b, c]\n"),
            "LOAD_NAME a\nBUILD_LIST 1\nLOAD_NAME b\nLIST_EXTEND 1\nLOAD_NAME c\nLIST_APPEND 1\n"
            "STORE_NAME x\nLOAD_CONST None\nRETURN_VALUE\n");
  EXPECT_EQ(listing_of("x = (a, b)\n"),
            "LOAD_NAME a\nLOAD_NAME b\nBUILD_TUPLE 2\nSTORE_NAME x\nLOAD_CONST None\n"
            "RETURN_VALUE\n");
}

TEST(Compiler, DictDisplays) {
  EXPECT_EQ(listing_of("x = {'a': 1, 'b': y}\n"),
            "LOAD_CONST 1\nLOAD_NAME y\nLOAD_CONST ('a', 'b')\nBUILD_CONST_KEY_MAP 2\n"
            "STORE_NAME x\nLOAD_CONST None\nRETURN_VALUE\n");
  EXPECT_EQ(listing_of("x = {k: 1, **d}\n"),
            "LOAD_NAME k\nLOAD_CONST 1\nBUILD_MAP 1\nLOAD_NAME d\nDICT_UPDATE 1\nSTORE_NAME x\n"
            "LOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, SliceAndSubscript) {
  EXPECT_EQ(listing_of("x = a[1:2]\ny = a[::k]\n"),
            "LOAD_NAME a\nLOAD_CONST 1\nLOAD_CONST 2\nBUILD_SLICE 2\nBINARY_SUBSCR\n"
            "STORE_NAME x\nLOAD_NAME a\nLOAD_CONST None\nLOAD_CONST None\nLOAD_NAME k\n"
            "BUILD_SLICE 3\nBINARY_SUBSCR\nSTORE_NAME y\nLOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, FString) {
  EXPECT_EQ(listing_of("x = f'a{b!r}c{d:>4}'\n"),
            "LOAD_CONST 'a'\nLOAD_NAME b\nFORMAT_VALUE 2\nLOAD_CONST 'c'\nLOAD_NAME d\n"
            "LOAD_CONST '>4'\nFORMAT_VALUE 4\nBUILD_STRING 4\nSTORE_NAME x\nLOAD_CONST None\n"
            "RETURN_VALUE\n");
}

TEST(Compiler, Unpacking) {
  EXPECT_EQ(listing_of("a, *b, c = x\n"),
            "LOAD_NAME x\nUNPACK_EX 257\nSTORE_NAME a\nSTORE_NAME b\nSTORE_NAME c\n"
            "LOAD_CONST None\nRETURN_VALUE\n");
  // `a, b = b, a` swaps without building a tuple.
  EXPECT_EQ(listing_of("a, b = b, a\n"),
            "LOAD_NAME b\nLOAD_NAME a\nSWAP 2\nSTORE_NAME a\nSTORE_NAME b\nLOAD_CONST None\n"
            "RETURN_VALUE\n");
  EXPECT_EQ(listing_of("a = b = c\n"),
            "LOAD_NAME c\nCOPY 1\nSTORE_NAME a\nSTORE_NAME b\nLOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, AugmentedAssignment) {
  EXPECT_EQ(listing_of("a.b += 1\n"),
            "LOAD_NAME a\nCOPY 1\nLOAD_ATTR b\nLOAD_CONST 1\nBINARY_OP 13\nSWAP 2\nSTORE_ATTR b\n"
            "LOAD_CONST None\nRETURN_VALUE\n");
  EXPECT_EQ(listing_of("a[i] -= 1\n"),
            "LOAD_NAME a\nLOAD_NAME i\nCOPY 2\nCOPY 2\nBINARY_SUBSCR\nLOAD_CONST 1\n"
            "BINARY_OP 23\nSWAP 3\nSWAP 2\nSTORE_SUBSCR\nLOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, ChainedComparison) {
  EXPECT_EQ(listing_of("x = a < b < c\n"),
            "LOAD_NAME a\nLOAD_NAME b\nSWAP 2\nCOPY 2\nCOMPARE_OP 0\nJUMP_IF_FALSE_OR_POP ->9\n"
            "LOAD_NAME c\nCOMPARE_OP 0\nJUMP_FORWARD ->11\nSWAP 2\nPOP_TOP\nSTORE_NAME x\n"
            "LOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, BoolOps) {
  EXPECT_EQ(listing_of("x = a and b or c\n"),
            "LOAD_NAME a\nJUMP_IF_FALSE_OR_POP ->3\nLOAD_NAME b\nJUMP_IF_TRUE_OR_POP ->5\n"
            "LOAD_NAME c\nSTORE_NAME x\nLOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, IsNoneJump) {
  EXPECT_EQ(listing_of("if x is None:\n    y = 1\n"),
            "LOAD_NAME x\nPOP_JUMP_IF_NOT_NONE ->4\nLOAD_CONST 1\nSTORE_NAME y\nLOAD_CONST None\n"
            "RETURN_VALUE\n");
}

TEST(Compiler, NotInCondition) {
  EXPECT_EQ(listing_of("if not x:\n    y = 1\n"),
            "LOAD_NAME x\nPOP_JUMP_IF_TRUE ->4\nLOAD_CONST 1\nSTORE_NAME y\nLOAD_CONST None\n"
            "RETURN_VALUE\n");
}

TEST(Compiler, ConstantConditionsRemoveDeadCode) {
  EXPECT_EQ(listing_of("if 0:\n    y = 1\nz = 2\n"),
            "LOAD_CONST 2\nSTORE_NAME z\nLOAD_CONST None\nRETURN_VALUE\n");
  // Unused constants of dead code are dropped too.
  auto code = compile("z = 2\nif 0:\n    y = 12345\n");
  for (auto& c : code->consts) EXPECT_FALSE(c.kind == Constant::Kind::Int && c.int_value == 12345);
}

// ------------------------------------------------------------ loops

TEST(Compiler, WhileLoopJumpsBackwardOnce) {
  EXPECT_EQ(listing_of("while x:\n    f()\n"),
            "LOAD_NAME x\nPOP_JUMP_IF_FALSE ->7\nPUSH_NULL\nLOAD_NAME f\nCALL 0\nPOP_TOP\n"
            "JUMP_BACKWARD ->0\n"
            "LOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, WhileTrueHasNoTest) {
  EXPECT_EQ(
      listing_of("while True:\n    if x: break\n"),
      "LOAD_NAME x\nPOP_JUMP_IF_FALSE ->4\nLOAD_CONST None\nRETURN_VALUE\nJUMP_BACKWARD ->0\n");
}

TEST(Compiler, ForLoopWithElse) {
  EXPECT_EQ(listing_of("for i in y:\n    continue\nelse:\n    z = 1\n"),
            "LOAD_NAME y\nGET_ITER\nFOR_ITER ->5\nSTORE_NAME i\nJUMP_BACKWARD ->2\n"
            "LOAD_CONST 1\nSTORE_NAME z\nLOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, ForOverConstantListUsesTuple) {
  EXPECT_EQ(listing_of("for i in [1, 2]:\n    pass\n"),
            "LOAD_CONST (1, 2)\nGET_ITER\nFOR_ITER ->5\nSTORE_NAME i\nJUMP_BACKWARD ->2\n"
            "LOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, BreakOutOfForPopsIterator) {
  EXPECT_EQ(listing_of("def f(y):\n    for i in y:\n        break\n", "f"),
            "LOAD_FAST y\nGET_ITER\nFOR_ITER ->7\nSTORE_FAST i\nPOP_TOP\nLOAD_CONST None\n"
            "RETURN_VALUE\nLOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, ReturnInsideForPopsIterator) {
  EXPECT_EQ(listing_of("def f(y):\n    for i in y:\n        return i\n", "f"),
            "LOAD_FAST y\nGET_ITER\nFOR_ITER ->8\nSTORE_FAST i\nLOAD_FAST i\nSWAP 2\nPOP_TOP\n"
            "RETURN_VALUE\nLOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, OnlyBackwardJumpsAreJumpBackward) {
  auto code = compile(
      "for a in b:\n  while c:\n    if d: continue\n    for e in f:\n      if g: break\n"
      "  else:\n    pass\n");
  for (size_t i = 0; i < code->code.size(); ++i) {
    Instr in = code->code[i];
    if (op_arg_kind(in.op()) != ArgKind::Jump) continue;
    if (in.arg() <= i) {
      EXPECT_TRUE(in.op() == Op::JUMP_BACKWARD || in.op() == Op::JUMP_BACKWARD_NO_INTERRUPT) << i;
    }
  }
}

// ------------------------------------------------------------ exceptions

TEST(Compiler, TryExceptShapeAndTable) {
  std::string src = "def f():\n    try:\n        g()\n    except E:\n        h()\n";
  EXPECT_EQ(listing_of(src, "f"),
            "PUSH_NULL\nLOAD_GLOBAL g\nCALL 0\nPOP_TOP\nLOAD_CONST None\nRETURN_VALUE\n"   // 0-5
            "PUSH_EXC_INFO\nLOAD_GLOBAL E\nCHECK_EXC_MATCH\nPOP_JUMP_IF_FALSE ->18\n"      // 6-9
            "POP_TOP\nPUSH_NULL\nLOAD_GLOBAL h\nCALL 0\nPOP_TOP\nPOP_EXCEPT\n"             // 10-15
            "LOAD_CONST None\nRETURN_VALUE\nRERAISE 0\nCOPY 3\nPOP_EXCEPT\nRERAISE 1\n");  // 16-21
  auto code = compile(src);
  const CodeProto* f = find_code(*code, "f");
  ASSERT_EQ(f->exception_table.size(), 3u);
  auto e0 = f->exception_table[0];
  EXPECT_EQ(e0.start, 0u);
  EXPECT_EQ(e0.end, 4u);
  EXPECT_EQ(e0.target, 6u);
  EXPECT_EQ(e0.depth, 0);
  EXPECT_FALSE(e0.push_lasti);
  auto e1 = f->exception_table[1];
  EXPECT_EQ(e1.start, 6u);
  EXPECT_EQ(e1.end, 15u);  // POP_EXCEPT and the return after it are unprotected
  EXPECT_EQ(e1.target, 19u);
  EXPECT_EQ(e1.depth, 1);
  EXPECT_TRUE(e1.push_lasti);
  auto e2 = f->exception_table[2];
  EXPECT_EQ(e2.start, 18u);  // RERAISE 0 of an unmatched exception
  EXPECT_EQ(e2.end, 19u);
  EXPECT_EQ(e2.target, 19u);
}

TEST(Compiler, ExceptAsNameIsDeleted) {
  std::string src = "def f():\n    try:\n        g()\n    except E as e:\n        h(e)\n";
  std::string l = listing_of(src, "f");
  EXPECT_NE(l.find("STORE_FAST e\nPUSH_NULL\nLOAD_GLOBAL h\nLOAD_FAST e\nCALL 1\nPOP_TOP\n"
                   "POP_EXCEPT\nLOAD_CONST None\nSTORE_FAST e\nDELETE_FAST e\nLOAD_CONST "
                   "None\nRETURN_VALUE\n"),
            std::string::npos)
      << l;
  EXPECT_NE(l.find("LOAD_CONST None\nSTORE_FAST e\nDELETE_FAST e\nRERAISE 1\nRERAISE 0\n"
                   "COPY 3\nPOP_EXCEPT\nRERAISE 1\n"),
            std::string::npos)
      << l;
  auto code = compile(src);
  const CodeProto* f = find_code(*code, "f");
  // try body, handler header, handler body (nested cleanup, depth 1), cleanup tail.
  ASSERT_EQ(f->exception_table.size(), 4u);
  EXPECT_EQ(f->exception_table[2].depth, 1);
  EXPECT_TRUE(f->exception_table[2].push_lasti);
}

TEST(Compiler, TryFinallyDuplicatesFinallyBody) {
  std::string src = "def f():\n    try:\n        g()\n    finally:\n        h()\n";
  EXPECT_EQ(listing_of(src, "f"),
            "PUSH_NULL\nLOAD_GLOBAL g\nCALL 0\nPOP_TOP\n"                                 // 0-3
            "PUSH_NULL\nLOAD_GLOBAL h\nCALL 0\nPOP_TOP\nLOAD_CONST None\nRETURN_VALUE\n"  // 4-9
            "PUSH_EXC_INFO\nPUSH_NULL\nLOAD_GLOBAL h\nCALL 0\nPOP_TOP\nRERAISE 0\n"       // 10-15
            "COPY 3\nPOP_EXCEPT\nRERAISE 1\n");
  auto code = compile(src);
  const CodeProto* f = find_code(*code, "f");
  ASSERT_EQ(f->exception_table.size(), 2u);
  EXPECT_EQ(f->exception_table[0].start, 0u);
  EXPECT_EQ(f->exception_table[0].end, 4u);
  EXPECT_EQ(f->exception_table[0].target, 10u);
  EXPECT_EQ(f->exception_table[0].depth, 0);
  EXPECT_EQ(f->exception_table[1].start, 10u);
  EXPECT_EQ(f->exception_table[1].end, 16u);
  EXPECT_EQ(f->exception_table[1].target, 16u);
  EXPECT_EQ(f->exception_table[1].depth, 1);
  EXPECT_TRUE(f->exception_table[1].push_lasti);
}

TEST(Compiler, ReturnThroughFinallyRunsFinallyBody) {
  std::string src = "def f():\n    try:\n        return g()\n    finally:\n        h()\n";
  std::string l = listing_of(src, "f");
  EXPECT_EQ(l.substr(0, l.find("PUSH_EXC_INFO")),
            "PUSH_NULL\nLOAD_GLOBAL g\nCALL 0\nPUSH_NULL\nLOAD_GLOBAL h\nCALL 0\nPOP_TOP\n"
            "RETURN_VALUE\n");
  auto code = compile(src);
  const CodeProto* f = find_code(*code, "f");
  // The finally body copy on the return path is not protected by the handler.
  EXPECT_EQ(f->exception_table[0].start, 0u);
  EXPECT_EQ(f->exception_table[0].end, 3u);
}

TEST(Compiler, BreakThroughFinallyAndExcept) {
  std::string src =
      "def f():\n    for x in y:\n        try:\n            break\n        finally:\n"
      "            g()\n    for x in y:\n        try:\n            pass\n        except:\n"
      "            continue\n";
  auto code = compile(src);
  EXPECT_NE(find_code(*code, "f"), nullptr);
}

TEST(Compiler, WithStatementShapeAndTable) {
  std::string src = "def f():\n    with a as b:\n        g()\n";
  EXPECT_EQ(listing_of(src, "f"),
            "LOAD_GLOBAL a\nBEFORE_WITH\nSTORE_FAST b\nPUSH_NULL\nLOAD_GLOBAL g\nCALL 0\nPOP_TOP\n"
            "LOAD_CONST None\nLOAD_CONST None\nLOAD_CONST None\nCALL 2\nPOP_TOP\n"
            "LOAD_CONST None\nRETURN_VALUE\n"                                       // 12-13
            "PUSH_EXC_INFO\nWITH_EXCEPT_START\nPOP_JUMP_IF_TRUE ->21\nRERAISE 2\n"  // 14-17
            "COPY 3\nPOP_EXCEPT\nRERAISE 1\n"                                       // 18-20
            "POP_TOP\nPOP_EXCEPT\nPOP_TOP\nPOP_TOP\nLOAD_CONST None\nRETURN_VALUE\n");
  auto code = compile(src);
  const CodeProto* f = find_code(*code, "f");
  ASSERT_EQ(f->exception_table.size(), 3u);
  auto e = f->exception_table[0];
  EXPECT_EQ(e.start, 2u);
  EXPECT_EQ(e.end, 7u);
  EXPECT_EQ(e.target, 14u);
  EXPECT_EQ(e.depth, 1);  // __exit__ stays on the stack
  EXPECT_TRUE(e.push_lasti);
  EXPECT_EQ(f->exception_table[1].start, 14u);
  EXPECT_EQ(f->exception_table[1].end, 18u);
  EXPECT_EQ(f->exception_table[1].target, 18u);
  EXPECT_EQ(f->exception_table[1].depth, 3);
  EXPECT_EQ(f->exception_table[2].start, 21u);  // POP_TOP of the suppressed exception
  EXPECT_EQ(f->exception_table[2].end, 22u);
}

TEST(Compiler, ReturnInsideWithCallsExit) {
  std::string src = "def f():\n    with a:\n        return 1\n";
  EXPECT_EQ(listing_of(src, "f").substr(0, 90),
            std::string("LOAD_GLOBAL a\nBEFORE_WITH\nPOP_TOP\nLOAD_CONST None\nLOAD_CONST None\n"
                        "LOAD_CONST None\nCALL 2\nPOP_TOP\nLOAD_CONST 1\nRETURN_VALUE\n")
                .substr(0, 90));
}

TEST(Compiler, NestedWithAndTryHaveConsistentDepths) {
  auto code = compile(
      "def f():\n  with a as x, b as y:\n    try:\n      for i in z:\n        with c:\n"
      "          if i: return i\n          continue\n    except E as e:\n      raise X from e\n"
      "    finally:\n      return 2\n");
  const CodeProto* f = find_code(*code, "f");
  ASSERT_NE(f, nullptr);
  EXPECT_GE(f->max_stack, 5);
}

TEST(Compiler, RaiseForms) {
  EXPECT_EQ(listing_of("raise\n"), "RAISE_VARARGS 0\n");
  EXPECT_EQ(listing_of("raise E\n"), "LOAD_NAME E\nRAISE_VARARGS 1\n");
  EXPECT_EQ(listing_of("raise E from C\n"), "LOAD_NAME E\nLOAD_NAME C\nRAISE_VARARGS 2\n");
}

TEST(Compiler, Assert) {
  EXPECT_EQ(listing_of("assert x, 'm'\n"),
            "LOAD_NAME x\nPOP_JUMP_IF_TRUE ->6\nLOAD_ASSERTION_ERROR\nLOAD_CONST 'm'\nCALL 0\n"
            "RAISE_VARARGS 1\nLOAD_CONST None\nRETURN_VALUE\n");
}

// ------------------------------------------------------------ scopes

TEST(Compiler, ClosureLayout) {
  std::string src = "def f(a, b):\n    c = 1\n    def g():\n        return a + c\n    return g\n";
  auto code = compile(src);
  const CodeProto* f = find_code(*code, "f");
  ASSERT_NE(f, nullptr);
  // a is an argument cell (Local|Cell in its arg slot); c is a plain cell.
  EXPECT_EQ(f->localsplus_names, (std::vector<std::string>{"a", "b", "g", "c"}));
  EXPECT_EQ(f->localsplus_kinds,
            (std::vector<uint8_t>{kFastLocal | kFastCell, kFastLocal, kFastLocal, kFastCell}));
  EXPECT_EQ(listing(*f),
            "MAKE_CELL a\nMAKE_CELL c\nLOAD_CONST 1\nSTORE_DEREF c\nLOAD_CLOSURE a\n"
            "LOAD_CLOSURE c\nBUILD_TUPLE 2\nLOAD_CONST <code g>\nMAKE_FUNCTION 8\nSTORE_FAST g\n"
            "LOAD_FAST g\nRETURN_VALUE\n");
  const CodeProto* g = find_code(*code, "f.<locals>.g");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->localsplus_names, (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(g->localsplus_kinds, (std::vector<uint8_t>{kFastFree, kFastFree}));
  EXPECT_EQ(listing(*g),
            "COPY_FREE_VARS 2\nLOAD_DEREF a\nLOAD_DEREF c\nBINARY_OP 0\nRETURN_VALUE\n");
  EXPECT_TRUE(g->flags & kCoNested);
}

TEST(Compiler, NonlocalStoresDeref) {
  std::string src =
      "def f():\n    x = 0\n    def g():\n        nonlocal x\n        x += 1\n    return g\n";
  EXPECT_EQ(listing_of(src, "f.<locals>.g"),
            "COPY_FREE_VARS 1\nLOAD_DEREF x\nLOAD_CONST 1\nBINARY_OP 13\nSTORE_DEREF x\n"
            "LOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, GlobalStatementInFunction) {
  EXPECT_EQ(listing_of("def f():\n    global x\n    x = 1\n", "f"),
            "LOAD_CONST 1\nSTORE_GLOBAL x\nLOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, ClassBody) {
  std::string src = "class C(B, metaclass=M):\n    x = 1\n    def m(self):\n        return x\n";
  EXPECT_EQ(listing_of(src),
            "PUSH_NULL\nLOAD_BUILD_CLASS\nLOAD_CONST <code C>\nMAKE_FUNCTION 0\nLOAD_CONST 'C'\n"
            "LOAD_NAME B\nLOAD_NAME M\nLOAD_CONST ('metaclass',)\nCALL_KW 4\nSTORE_NAME C\n"
            "LOAD_CONST None\nRETURN_VALUE\n");
  EXPECT_EQ(listing_of(src, "C"),
            "LOAD_NAME __name__\nSTORE_NAME __module__\nLOAD_CONST 'C'\nSTORE_NAME __qualname__\n"
            "LOAD_CONST 1\nSTORE_NAME x\nLOAD_CONST <code m>\nMAKE_FUNCTION 0\nSTORE_NAME m\n"
            "LOAD_CONST None\nRETURN_VALUE\n");
  EXPECT_EQ(listing_of(src, "C.m"), "LOAD_GLOBAL x\nRETURN_VALUE\n");
}

TEST(Compiler, SuperCreatesClassCell) {
  std::string src = "class C:\n    def m(self):\n        return super().m()\n";
  auto code = compile(src);
  const CodeProto* c = find_code(*code, "C");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->localsplus_names, (std::vector<std::string>{"__class__"}));
  EXPECT_EQ(c->localsplus_kinds, (std::vector<uint8_t>{kFastCell}));
  std::string l = listing(*c);
  EXPECT_EQ(l.substr(0, 12), "MAKE_CELL __");
  EXPECT_NE(l.find("LOAD_CLOSURE __class__\nBUILD_TUPLE 1\nLOAD_CONST <code m>\nMAKE_FUNCTION 8"),
            std::string::npos);
  EXPECT_NE(l.find("LOAD_CLOSURE __class__\nCOPY 1\nSTORE_NAME __classcell__\nRETURN_VALUE\n"),
            std::string::npos);
  const CodeProto* m = find_code(*code, "C.m");
  EXPECT_EQ(listing(*m),
            "COPY_FREE_VARS 1\nPUSH_NULL\nLOAD_GLOBAL super\nCALL 0\nLOAD_METHOD m\nCALL 0\n"
            "RETURN_VALUE\n");
}

TEST(Compiler, ClassDerefForFreeNames) {
  std::string src = "def f():\n    y = 1\n    class C:\n        z = y\n    return C\n";
  EXPECT_EQ(listing_of(src, "f.<locals>.C").find("LOAD_CLASSDEREF y\nSTORE_NAME z"),
            listing_of(src, "f.<locals>.C").find("LOAD_CLASSDEREF"));
}

TEST(Compiler, NameMangling) {
  std::string src = "class C:\n    __x = 1\n    def m(self):\n        return self.__y\n";
  EXPECT_NE(listing_of(src, "C").find("STORE_NAME _C__x"), std::string::npos);
  EXPECT_EQ(listing_of(src, "C.m"), "LOAD_FAST self\nLOAD_ATTR _C__y\nRETURN_VALUE\n");
}

TEST(Compiler, Qualnames) {
  auto code = compile(
      "def f():\n    def g():\n        return lambda: 1\n    class K:\n        def m(self):\n"
      "            return [x for x in self]\n    return g\n");
  EXPECT_NE(find_code(*code, "f.<locals>.g.<locals>.<lambda>"), nullptr);
  EXPECT_NE(find_code(*code, "f.<locals>.K.m.<locals>.<listcomp>"), nullptr);
}

TEST(Compiler, DefaultsAndKwDefaults) {
  EXPECT_EQ(listing_of("def f(a, b=1, *, c=2, d):\n    pass\n"),
            "LOAD_CONST (1,)\nLOAD_CONST 2\nLOAD_CONST ('c',)\nBUILD_CONST_KEY_MAP 1\n"
            "LOAD_CONST <code f>\nMAKE_FUNCTION 3\nSTORE_NAME f\nLOAD_CONST None\nRETURN_VALUE\n");
  auto code = compile("def f(a, /, b, *args, c, **kw):\n    pass\n");
  const CodeProto* f = find_code(*code, "f");
  EXPECT_EQ(f->argcount, 2);
  EXPECT_EQ(f->posonlyargcount, 1);
  EXPECT_EQ(f->kwonlyargcount, 1);
  EXPECT_TRUE(f->flags & kCoVarargs);
  EXPECT_TRUE(f->flags & kCoVarkeywords);
  EXPECT_EQ(f->localsplus_names, (std::vector<std::string>{"a", "b", "c", "args", "kw"}));
}

TEST(Compiler, Decorators) {
  EXPECT_EQ(listing_of("@d1\n@d2\ndef f():\n    pass\n"),
            "LOAD_NAME d1\nLOAD_NAME d2\nLOAD_CONST <code f>\nMAKE_FUNCTION 0\nCALL 0\nCALL 0\n"
            "STORE_NAME f\nLOAD_CONST None\nRETURN_VALUE\n");
  auto code = compile("@d1\n\ndef f():\n    pass\n");
  EXPECT_EQ(find_code(*code, "f")->first_line, 1);
}

TEST(Compiler, ListComprehension) {
  std::string src = "x = [a * 2 for a in b if a]\n";
  EXPECT_EQ(listing_of(src),
            "LOAD_CONST <code <listcomp>>\nMAKE_FUNCTION 0\nLOAD_NAME b\nGET_ITER\nCALL 0\n"
            "STORE_NAME x\nLOAD_CONST None\nRETURN_VALUE\n");
  EXPECT_EQ(listing_of(src, "<listcomp>"),
            "BUILD_LIST 0\nLOAD_FAST .0\nFOR_ITER ->11\nSTORE_FAST a\nLOAD_FAST a\n"
            "POP_JUMP_IF_FALSE ->10\nLOAD_FAST a\nLOAD_CONST 2\nBINARY_OP 5\nLIST_APPEND 2\n"
            "JUMP_BACKWARD ->2\nRETURN_VALUE\n");
  auto code = compile(src);
  const CodeProto* lc = find_code(*code, "<listcomp>");
  EXPECT_EQ(lc->argcount, 1);
}

TEST(Compiler, DictAndSetComprehensionsAndNested) {
  std::string src = "x = {k: v for k, v in d}\ny = {a for b in c for a in b}\n";
  EXPECT_NE(listing_of(src, "<dictcomp>").find("MAP_ADD 2"), std::string::npos);
  EXPECT_NE(listing_of(src, "<setcomp>").find("SET_ADD 3"), std::string::npos);
}

TEST(Compiler, GeneratorExpression) {
  std::string src = "g = (x for x in y)\n";
  auto code = compile(src);
  const CodeProto* ge = find_code(*code, "<genexpr>");
  ASSERT_NE(ge, nullptr);
  EXPECT_TRUE(ge->flags & kCoGenerator);
  EXPECT_EQ(listing(*ge),
            "LOAD_FAST .0\nFOR_ITER ->7\nSTORE_FAST x\nLOAD_FAST x\nYIELD_VALUE\nPOP_TOP\n"
            "JUMP_BACKWARD ->1\nLOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, ComprehensionClosesOverFunctionLocal) {
  std::string src = "def f(n):\n    return [i * n for i in range(3)]\n";
  auto code = compile(src);
  const CodeProto* f = find_code(*code, "f");
  EXPECT_EQ(f->localsplus_kinds[0], kFastLocal | kFastCell);
  const CodeProto* lc = find_code(*code, "f.<locals>.<listcomp>");
  ASSERT_NE(lc, nullptr);
  EXPECT_EQ(lc->localsplus_names, (std::vector<std::string>{".0", "i", "n"}));
}

TEST(Compiler, WalrusInComprehensionBindsOutside) {
  std::string src = "def f(d):\n    r = [y for x in d if (y := x)]\n    return y\n";
  auto code = compile(src);
  const CodeProto* f = find_code(*code, "f");
  EXPECT_EQ(listing(*f).substr(0, 11), "MAKE_CELL y");
  const CodeProto* lc = find_code(*code, "f.<locals>.<listcomp>");
  EXPECT_NE(listing(*lc).find("COPY 1\nSTORE_DEREF y"), std::string::npos);
  // At module level the target is global.
  auto m = compile("r = [y for x in d if (y := x)]\n");
  EXPECT_NE(listing(*find_code(*m, "<listcomp>")).find("STORE_GLOBAL y"), std::string::npos);
}

TEST(Compiler, GeneratorFunctionAndYieldFrom) {
  std::string src = "def g(x):\n    y = yield x\n    yield from y\n";
  auto code = compile(src);
  const CodeProto* g = find_code(*code, "g");
  EXPECT_TRUE(g->flags & kCoGenerator);
  EXPECT_EQ(listing(*g),
            "LOAD_FAST x\nYIELD_VALUE\nSTORE_FAST y\nLOAD_FAST y\nGET_YIELD_FROM_ITER\n"
            "LOAD_CONST None\nSEND ->9\nYIELD_VALUE\nJUMP_BACKWARD_NO_INTERRUPT ->6\nPOP_TOP\n"
            "LOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, LambdaHasNoneFirst) {
  auto code = compile("f = lambda a, b=2: a\n");
  const CodeProto* l = find_code(*code, "<lambda>");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->consts.size(), 1u);
  EXPECT_EQ(l->consts[0].kind, Constant::Kind::None);
  EXPECT_EQ(listing(*l), "LOAD_FAST a\nRETURN_VALUE\n");
}

// ------------------------------------------------------------ imports

TEST(Compiler, Imports) {
  EXPECT_EQ(listing_of("import a.b.c\n"),
            "LOAD_CONST 0\nLOAD_CONST None\nIMPORT_NAME a.b.c\nSTORE_NAME a\nLOAD_CONST None\n"
            "RETURN_VALUE\n");
  EXPECT_EQ(listing_of("import a.b.c as d\n"),
            "LOAD_CONST 0\nLOAD_CONST None\nIMPORT_NAME a.b.c\nIMPORT_FROM b\nSWAP 2\nPOP_TOP\n"
            "IMPORT_FROM c\nSTORE_NAME d\nPOP_TOP\nLOAD_CONST None\nRETURN_VALUE\n");
  EXPECT_EQ(listing_of("from .m import x as y, z\n"),
            "LOAD_CONST 1\nLOAD_CONST ('x', 'z')\nIMPORT_NAME m\nIMPORT_FROM x\nSTORE_NAME y\n"
            "IMPORT_FROM z\nSTORE_NAME z\nPOP_TOP\nLOAD_CONST None\nRETURN_VALUE\n");
  EXPECT_EQ(listing_of("from m import *\n"),
            "LOAD_CONST 0\nLOAD_CONST ('*',)\nIMPORT_NAME m\nIMPORT_STAR\nLOAD_CONST None\n"
            "RETURN_VALUE\n");
}

TEST(Compiler, AnnotationsAtModuleLevel) {
  EXPECT_EQ(listing_of("x: int = 1\n"),
            "SETUP_ANNOTATIONS\nLOAD_CONST 1\nSTORE_NAME x\nLOAD_NAME int\n"
            "LOAD_NAME __annotations__\nLOAD_CONST 'x'\nSTORE_SUBSCR\nLOAD_CONST None\n"
            "RETURN_VALUE\n");
  // Inside a function the annotation is not evaluated.
  EXPECT_EQ(listing_of("def f():\n    x: int = 1\n", "f"),
            "LOAD_CONST 1\nSTORE_FAST x\nLOAD_CONST None\nRETURN_VALUE\n");
}

TEST(Compiler, DeleteTargets) {
  EXPECT_EQ(listing_of("del a, b.c, d[e]\n"),
            "DELETE_NAME a\nLOAD_NAME b\nDELETE_ATTR c\nLOAD_NAME d\nLOAD_NAME e\nDELETE_SUBSCR\n"
            "LOAD_CONST None\nRETURN_VALUE\n");
}

// ------------------------------------------------------------ positions, stack

TEST(Compiler, PositionsPerInstruction) {
  auto code = compile("x = 1\n\ny = (2 +\n     z)\n");
  ASSERT_EQ(code->positions.size(), code->code.size());
  EXPECT_EQ(code->positions[0].line, 1);
  EXPECT_EQ(code->positions[2].line, 3);  // LOAD_CONST 2
  EXPECT_EQ(code->positions[3].line, 4);  // LOAD_NAME z
  EXPECT_EQ(code->positions[3].col, 5);
  EXPECT_EQ(code->positions[4].line, 3);  // BINARY_OP spans the expression
  EXPECT_EQ(code->positions[4].end_line, 4);
}

TEST(Compiler, MaxStackOfDeepExpression) {
  auto code = compile("x = f(a, b, (c, d, e + (g * h)))\n");
  // NULL, f, a, b, c, d, e, g, h
  EXPECT_EQ(code->max_stack, 9);
}

TEST(Compiler, ManyArgumentsUseExCall) {
  std::string args;
  for (int i = 0; i < 40; ++i) args += (i ? ", " : "") + std::string("a") + std::to_string(i);
  auto code = compile("f(" + args + ")\n");
  EXPECT_NE(listing(*code).find("CALL_FUNCTION_EX 0"), std::string::npos);
  EXPECT_LE(code->max_stack, 8);
}

// ------------------------------------------------------------ errors

TEST(CompilerErrors, ReturnOutsideFunction) {
  auto e = compile_error("x = 1\nreturn x\n");
  EXPECT_EQ(e.msg, "'return' outside function");
  EXPECT_EQ(e.lineno, 2);
  EXPECT_EQ(e.offset, 1);
  EXPECT_EQ(e.text, "return x");
}

TEST(CompilerErrors, BreakContinueOutsideLoop) {
  auto e = compile_error("if x:\n    break\n");
  EXPECT_EQ(e.msg, "'break' outside loop");
  EXPECT_EQ(e.lineno, 2);
  EXPECT_EQ(e.offset, 5);
  e = compile_error("def f():\n    continue\n");
  EXPECT_EQ(e.msg, "'continue' not properly in loop");
  // A loop outside the function does not count.
  e = compile_error("for x in y:\n    def f():\n        break\n");
  EXPECT_EQ(e.msg, "'break' outside loop");
}

TEST(CompilerErrors, YieldAndAwaitOutsideFunction) {
  auto e = compile_error("x = (yield)\n");
  EXPECT_EQ(e.msg, "'yield' outside function");
  EXPECT_EQ(e.offset, 6);
  e = compile_error("class C:\n    yield from x\n");
  EXPECT_EQ(e.msg, "'yield' outside function");
  // (`await` itself may already be rejected by the parser.)
  e = compile_error("await x\n");
  EXPECT_FALSE(e.msg.empty());
}

TEST(CompilerErrors, DefaultExceptMustBeLast) {
  auto e = compile_error("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n");
  EXPECT_EQ(e.msg, "default 'except:' must be last");
  EXPECT_EQ(e.lineno, 3);
}

TEST(CompilerErrors, StarredOutsideTarget) {
  auto e = compile_error("x = *a\n");
  EXPECT_FALSE(e.msg.empty());
}

// ------------------------------------------------------------ disassembler

TEST(Disassembler, MatchesDisLayout) {
  auto code = compile("x = 1\nif x:\n    y = 'a'\n");
  std::string d = disassemble(*code);
  EXPECT_EQ(d,
            "  1           0 LOAD_CONST               0 (1)\n"
            "              1 STORE_NAME               0 (x)\n"
            "\n"
            "  2           2 LOAD_NAME                0 (x)\n"
            "              3 POP_JUMP_IF_FALSE        6 (to 6)\n"
            "\n"
            "  3           4 LOAD_CONST               1 ('a')\n"
            "              5 STORE_NAME               1 (y)\n"
            "        >>    6 LOAD_CONST               2 (None)\n"
            "              7 RETURN_VALUE\n");
}

TEST(Disassembler, NestedCodeAndExceptionTable) {
  auto code = compile("def f():\n    try:\n        pass\n    finally:\n        g()\n");
  std::string d = disassemble(*code);
  EXPECT_NE(d.find("\nDisassembly of <code object f at 0x0, file \"t.py\", line 1>:\n"),
            std::string::npos)
      << d;
  EXPECT_NE(d.find("ExceptionTable:\n  6 to 11 -> 12 [1] lasti\n"), std::string::npos) << d;
}

TEST(Disassembler, ConstantReprs) {
  auto code = compile(
      "a = 0.1\nb = 1e16\nc = 1.0\nd = 1e-05\ne = \"it's\"\nf = b'\\x00a'\ng = (1,)\n"
      "h = 123456789012345678901234567890\ni = -0.0\nj = 1.5e300\nk = 'q\"\\n'\n");
  std::string d = disassemble(*code);
  for (const char* s :
       {"(0.1)", "(1e+16)", "(1.0)", "(1e-05)", "(\"it's\")", "(b'\\x00a')", "((1,))",
        "(123456789012345678901234567890)", "(-0.0)", "(1.5e+300)", "('q\"\\n')"}) {
    EXPECT_NE(d.find(s), std::string::npos) << s << "\n" << d;
  }
}

TEST(Disassembler, OperatorReprs) {
  std::string d = disassemble(*compile("x = a + b\ny = a < b\nz = a is not b\nf'{a!r:x}'\n"));
  EXPECT_NE(d.find("BINARY_OP                0 (+)"), std::string::npos) << d;
  EXPECT_NE(d.find("COMPARE_OP               0 (<)"), std::string::npos) << d;
  EXPECT_NE(d.find("IS_OP                    1\n"), std::string::npos) << d;
  EXPECT_NE(d.find("FORMAT_VALUE             6 (repr, with format)"), std::string::npos) << d;
}

// ------------------------------------------------------------ verifier

TEST(Verifier, RejectsBrokenCode) {
  auto code = compile("x = 1\n");
  CodeProto bad = *code;
  bad.code.insert(bad.code.begin(), Instr(Op::POP_TOP, 0));
  bad.positions.insert(bad.positions.begin(), SourcePos{});
  EXPECT_NE(verify_code(bad), "");
  bad = *code;
  bad.code[0] = Instr(Op::LOAD_CONST, 99);
  EXPECT_NE(verify_code(bad), "");
  bad = *code;
  bad.max_stack = 0;
  EXPECT_NE(verify_code(bad), "");
  bad = *code;
  bad.positions.pop_back();
  EXPECT_NE(verify_code(bad), "");
}

// ------------------------------------------------------------ all test programs

TEST(CompilerPrograms, EveryProgramCompilesAndVerifies) {
  namespace fs = std::filesystem;
  fs::path root = fs::path(__FILE__).parent_path().parent_path().parent_path() / "programs";
  if (!fs::exists(root)) GTEST_SKIP() << "no tests/programs";
  int compiled = 0, parse_failures = 0, expected_errors = 0;
  for (auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".py") continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    // Programs whose expected stderr is a SyntaxError must fail to compile.
    bool is_error_test = false;
    {
      fs::path err = entry.path();
      err.replace_extension(".err");
      std::ifstream ein(err);
      std::string line;
      while (std::getline(ein, line)) {
        if (line.rfind("SyntaxError", 0) == 0 || line.rfind("IndentationError", 0) == 0 ||
            line.rfind("TabError", 0) == 0)
          is_error_test = true;
      }
    }
    try {
      auto code = compile_module(ss.str(), entry.path().string());
      EXPECT_FALSE(is_error_test) << entry.path();
      EXPECT_EQ(verify_code_recursive(*code), "") << entry.path();
      ++compiled;
    } catch (SyntaxErrorInfo& e) {
      if (is_error_test) {
        ++expected_errors;
      } else {
        // Parser limitations (e.g. complex literals) are counted, not failed.
        ++parse_failures;
        std::cerr << "  [not compiled] " << entry.path() << ": " << e.msg << "\n";
      }
    }
  }
  std::cerr << "  compiled " << compiled << ", expected errors " << expected_errors
            << ", not compiled " << parse_failures << "\n";
  EXPECT_GT(compiled, 0);
}

}  // namespace
}  // namespace kestrel

namespace kestrel {
namespace {

TEST(CompilerPeephole, ImportedModuleCallsUseLoadAttr) {
  // CPython 3.11 does not use LOAD_METHOD on names imported at module level.
  EXPECT_EQ(listing_of("import math\nmath.floor(x)\n"),
            "LOAD_CONST 0\nLOAD_CONST None\nIMPORT_NAME math\nSTORE_NAME math\nPUSH_NULL\n"
            "LOAD_NAME math\nLOAD_ATTR floor\nLOAD_NAME x\nCALL 1\nPOP_TOP\nLOAD_CONST None\n"
            "RETURN_VALUE\n");
}

TEST(CompilerPeephole, BigIntegerFolding) {
  EXPECT_EQ(listing_of("x = 2 ** 64\ny = 10 ** 20 - 1\nz = 1 << 100\nw = -2 ** 63\n"),
            "LOAD_CONST 18446744073709551616\nSTORE_NAME x\nLOAD_CONST 99999999999999999999\n"
            "STORE_NAME y\nLOAD_CONST 1267650600228229401496703205376\nSTORE_NAME z\n"
            "LOAD_CONST -9223372036854775808\nSTORE_NAME w\nLOAD_CONST None\nRETURN_VALUE\n");
  auto code = compile("w = -2 ** 63\n");
  EXPECT_EQ(code->consts[0].kind, Constant::Kind::Int);  // fits int64 again
  // CPython's 128-bit limit: 2 ** 65 is computed at run time.
  EXPECT_NE(listing_of("x = 2 ** 65\n").find("BINARY_OP 8"), std::string::npos);
}

TEST(CompilerPeephole, ConstantBoolOperands) {
  EXPECT_EQ(listing_of("x = 0 or y\n"),
            "LOAD_NAME y\nSTORE_NAME x\nLOAD_CONST None\nRETURN_VALUE\n");
  EXPECT_EQ(listing_of("x = 3 or y\n"),
            "LOAD_CONST 3\nSTORE_NAME x\nLOAD_CONST None\nRETURN_VALUE\n");
  EXPECT_EQ(listing_of("x = a and 0 and b\n"),
            "LOAD_NAME a\nJUMP_IF_FALSE_OR_POP ->3\nLOAD_CONST 0\nSTORE_NAME x\nLOAD_CONST None\n"
            "RETURN_VALUE\n");
}

TEST(CompilerPeephole, InListBecomesTuple) {
  EXPECT_EQ(listing_of("x = a in [b, c]\nfor i in [b]: pass\n"),
            "LOAD_NAME a\nLOAD_NAME b\nLOAD_NAME c\nBUILD_TUPLE 2\nCONTAINS_OP 0\nSTORE_NAME x\n"
            "LOAD_NAME b\nBUILD_TUPLE 1\nGET_ITER\nFOR_ITER ->12\nSTORE_NAME i\nJUMP_BACKWARD ->9\n"
            "LOAD_CONST None\nRETURN_VALUE\n");
}

TEST(CompilerPeephole, FloatAndBoolFolding) {
  EXPECT_EQ(
      listing_of("x = (True + True, 7.5 // 2, -7.5 % 2, 2 ** -1, True & False, 2.0 ** 0.5)\n"),
      "LOAD_CONST (2, 3, 0.5, 0.5, False, 1.41421)\nSTORE_NAME x\nLOAD_CONST None\n"
      "RETURN_VALUE\n");
}

TEST(CompilerPeephole, OnlyArtificialExitBlocksAreCopied) {
  // `return n` has a line number: the IfExp's jump to it stays a jump.
  EXPECT_EQ(listing_of("def f(n):\n    return n if n else 2\n", "f"),
            "LOAD_FAST n\nPOP_JUMP_IF_FALSE ->4\nLOAD_FAST n\nJUMP_FORWARD ->5\nLOAD_CONST 2\n"
            "RETURN_VALUE\n");
}

TEST(CompilerPeephole, ConstantArgumentTuple) {
  EXPECT_EQ(listing_of("f(*(), **k)\n"),
            "PUSH_NULL\nLOAD_NAME f\nLOAD_CONST ()\nBUILD_MAP 0\nLOAD_NAME k\nDICT_MERGE 1\n"
            "CALL_FUNCTION_EX 1\nPOP_TOP\nLOAD_CONST None\nRETURN_VALUE\n");
}

}  // namespace
}  // namespace kestrel

namespace kestrel {
namespace {

TEST(CompilerPeephole, JumpThreading) {
  // The try/finally exit jump goes straight to the loop's back edge.
  std::string src =
      "def f(n):\n    for i in n:\n        try:\n            g()\n        finally:\n"
      "            h()\n";
  std::string l = listing_of(src, "f");
  EXPECT_EQ(l.find("JUMP_FORWARD"), std::string::npos) << l;
  EXPECT_EQ(l.substr(0, 120).find("POP_TOP\nJUMP_BACKWARD ->2\nPUSH_EXC_INFO"),
            l.substr(0, 120).find("POP_TOP\nJUMP_BACKWARD"))
      << l;
}

TEST(Compiler, DebugIsConstantTrue) {
  EXPECT_EQ(listing_of("x = __debug__\n"),
            "LOAD_CONST True\nSTORE_NAME x\nLOAD_CONST None\nRETURN_VALUE\n");
}

TEST(CompilerErrors, KeywordArgumentRepeated) {
  auto e = compile_error("f(a=1, a=2)\n");
  EXPECT_EQ(e.msg, "keyword argument repeated: a");
  EXPECT_EQ(e.lineno, 1);
  EXPECT_EQ(e.offset, 8);
}

TEST(CompilerErrors, CompileErrorHasSourceText) {
  auto e = compile_error("def f():\n    pass\nwhile x:\n    pass\ncontinue\n");
  EXPECT_EQ(e.msg, "'continue' not properly in loop");
  EXPECT_EQ(e.lineno, 5);
  EXPECT_EQ(e.text, "continue");
  EXPECT_EQ(e.filename, "t.py");
}

}  // namespace
}  // namespace kestrel

namespace kestrel {
namespace {

TEST(CompilerPeephole, PercentFormatBecomesFString) {
  EXPECT_EQ(listing_of("s = 'a%sb%-3r%5.2s' % (x, y, z)\n"),
            "LOAD_CONST 'a'\nLOAD_NAME x\nFORMAT_VALUE 1\nLOAD_CONST 'b'\nLOAD_NAME y\n"
            "LOAD_CONST '3'\nFORMAT_VALUE 6\nLOAD_NAME z\nLOAD_CONST '>5.2'\nFORMAT_VALUE 5\n"
            "BUILD_STRING 5\nSTORE_NAME s\nLOAD_CONST None\nRETURN_VALUE\n");
  // %d and mismatched counts keep the BINARY_OP.
  EXPECT_NE(listing_of("s = '%d' % (x,)\n").find("BINARY_OP 6"), std::string::npos);
  EXPECT_NE(listing_of("s = '%s %s' % (x,)\n").find("BINARY_OP 6"), std::string::npos);
}

TEST(CompilerPeephole, StaticSwapOfFastStores) {
  EXPECT_EQ(listing_of("def f(a, b):\n    a, b = b, a\n", "f"),
            "LOAD_FAST b\nLOAD_FAST a\nSTORE_FAST b\nSTORE_FAST a\nLOAD_CONST None\n"
            "RETURN_VALUE\n");
  EXPECT_EQ(listing_of("def f(a, b, c):\n    a, a = b, c\n", "f"),
            "LOAD_FAST b\nLOAD_FAST c\nSWAP 2\nSTORE_FAST a\nSTORE_FAST a\nLOAD_CONST None\n"
            "RETURN_VALUE\n");
}

}  // namespace
}  // namespace kestrel

namespace kestrel {
namespace {

TEST(CompilerFuture, AnnotationsAreStrings) {
  std::string src =
      "'doc'\nfrom __future__ import annotations\nx: Undefined[int] = 1\n"
      "def f(p: Bar) -> Qux:\n    pass\n";
  std::string l = listing_of(src);
  EXPECT_NE(l.find("LOAD_CONST 'Undefined[int]'\nLOAD_NAME __annotations__\nLOAD_CONST 'x'\n"
                   "STORE_SUBSCR"),
            std::string::npos)
      << l;
  EXPECT_NE(l.find("LOAD_CONST ('p', 'Bar', 'return', 'Qux')\nLOAD_CONST <code f>\n"
                   "MAKE_FUNCTION 4"),
            std::string::npos)
      << l;
}

TEST(CompilerFuture, PlacementAndUnknownFeatures) {
  auto e = compile_error("import os\nfrom __future__ import annotations\n");
  EXPECT_EQ(e.msg, "from __future__ imports must occur at the beginning of the file");
  EXPECT_EQ(e.lineno, 2);
  e = compile_error("from __future__ import nope\n");
  EXPECT_EQ(e.msg, "future feature nope is not defined");
  e = compile_error("from __future__ import braces\n");
  EXPECT_EQ(e.msg, "not a chance");
}

}  // namespace
}  // namespace kestrel

namespace kestrel {
namespace {

TEST(CompilerPeephole, WideIntegerDivisionAndBitwise) {
  EXPECT_EQ(listing_of("x = (-9223372036854775808 // -1, -10**25 // 7, 10**25 % 7, "
                       "-1 & 18446744073709551615, 9223372036854775808 + 0.0)\n"),
            "LOAD_CONST (9223372036854775808, -1428571428571428571428572, 3, "
            "18446744073709551615, 9.22337e+18)\nSTORE_NAME x\nLOAD_CONST None\nRETURN_VALUE\n");
}

}  // namespace
}  // namespace kestrel
