// Symbol table tests: scope classification (local / global implicit and
// explicit / free / cell) in nested functions, classes and comprehensions,
// and the errors CPython's symtable.c reports.
#include "front/symtable.h"

#include <gtest/gtest.h>

#include "front/parser.h"

namespace kestrel {
namespace {

struct Parsed {
  std::unique_ptr<ast::Module> mod;
  std::unique_ptr<Symtable> st;
};

Parsed analyze(const std::string& src) {
  Parsed p;
  p.mod = parse_module(src, "t.py");
  p.st = build_symtable(*p.mod, "t.py");
  return p;
}

// Finds a block by a path of names, e.g. {"f", "g"}.
const SymtableEntry* block(const Parsed& p, std::initializer_list<std::string> path) {
  const SymtableEntry* cur = p.st->top;
  for (auto& name : path) {
    const SymtableEntry* next = nullptr;
    for (auto* child : cur->children)
      if (child->name == name) next = child;
    if (!next) return nullptr;
    cur = next;
  }
  return cur;
}

SyntaxErrorInfo st_error(const std::string& src) {
  try {
    analyze(src);
  } catch (SyntaxErrorInfo& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << src;
  return {};
}

TEST(Symtable, ModuleNamesAreImplicitGlobalsOrLocals) {
  auto p = analyze("x = 1\nprint(x)\n");
  EXPECT_EQ(p.st->top->type, BlockType::Module);
  EXPECT_EQ(p.st->top->scope_of("x"), Scope::Local);
  EXPECT_EQ(p.st->top->scope_of("print"), Scope::GlobalImplicit);
}

TEST(Symtable, FunctionLocalsParamsAndGlobals) {
  auto p = analyze("def f(a, *args, b, **kw):\n    c = a\n    return d\n");
  auto* f = block(p, {"f"});
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->varnames, (std::vector<std::string>{"a", "b", "args", "kw"}));
  EXPECT_EQ(f->scope_of("a"), Scope::Local);
  EXPECT_EQ(f->scope_of("c"), Scope::Local);
  EXPECT_EQ(f->scope_of("d"), Scope::GlobalImplicit);
  EXPECT_TRUE(f->varargs);
  EXPECT_TRUE(f->varkeywords);
  EXPECT_TRUE(f->returns_value);
  EXPECT_FALSE(f->nested);
}

TEST(Symtable, CellAndFree) {
  auto p = analyze("def f():\n    x = 1\n    def g():\n        return x\n    return g\n");
  auto* f = block(p, {"f"});
  auto* g = block(p, {"f", "g"});
  EXPECT_EQ(f->scope_of("x"), Scope::Cell);
  EXPECT_EQ(f->scope_of("g"), Scope::Local);
  EXPECT_EQ(g->scope_of("x"), Scope::Free);
  EXPECT_TRUE(g->nested);
  EXPECT_TRUE(f->child_free);
}

TEST(Symtable, FreeVariablePassesThroughIntermediateScope) {
  auto p = analyze(
      "def f():\n    x = 1\n    def g():\n        def h():\n            return x\n"
      "        return h\n    return g\n");
  EXPECT_EQ(block(p, {"f"})->scope_of("x"), Scope::Cell);
  EXPECT_EQ(block(p, {"f", "g"})->scope_of("x"), Scope::Free);  // implicit pass-through
  EXPECT_EQ(block(p, {"f", "g", "h"})->scope_of("x"), Scope::Free);
}

TEST(Symtable, GlobalStatement) {
  auto p = analyze("def f():\n    global x\n    x = 1\n");
  EXPECT_EQ(block(p, {"f"})->scope_of("x"), Scope::GlobalExplicit);
  // CPython also marks the module-level symbol as explicitly global.
  EXPECT_EQ(p.st->top->scope_of("x"), Scope::GlobalExplicit);
}

TEST(Symtable, GlobalHidesEnclosingBindingFromChildren) {
  auto p = analyze(
      "def f():\n    x = 1\n    def g():\n        global x\n        def h():\n"
      "            return x\n");
  EXPECT_EQ(block(p, {"f"})->scope_of("x"), Scope::Local);
  EXPECT_EQ(block(p, {"f", "g", "h"})->scope_of("x"), Scope::GlobalImplicit);
}

TEST(Symtable, Nonlocal) {
  auto p = analyze("def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n");
  EXPECT_EQ(block(p, {"f"})->scope_of("x"), Scope::Cell);
  EXPECT_EQ(block(p, {"f", "g"})->scope_of("x"), Scope::Free);
}

TEST(Symtable, ClassScopeIsNotVisibleToMethods) {
  auto p = analyze("class C:\n    x = 1\n    def m(self):\n        return x\n");
  auto* c = block(p, {"C"});
  EXPECT_EQ(c->type, BlockType::Class);
  EXPECT_EQ(c->scope_of("x"), Scope::Local);
  EXPECT_EQ(block(p, {"C", "m"})->scope_of("x"), Scope::GlobalImplicit);
}

TEST(Symtable, ClassFreeVariableAlsoBoundInClass) {
  auto p = analyze(
      "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n"
      "            return x\n");
  auto* c = block(p, {"f", "C"});
  EXPECT_EQ(c->scope_of("x"), Scope::Local);
  EXPECT_TRUE(c->flags_of("x") & kDefFreeClass);
  EXPECT_EQ(block(p, {"f"})->scope_of("x"), Scope::Cell);
  EXPECT_EQ(block(p, {"f", "C", "m"})->scope_of("x"), Scope::Free);
}

TEST(Symtable, SuperNeedsClassCell) {
  auto p = analyze("class C:\n    def m(self):\n        return super().m()\n");
  EXPECT_TRUE(block(p, {"C"})->needs_class_closure);
  EXPECT_EQ(block(p, {"C", "m"})->scope_of("__class__"), Scope::Free);
  auto q = analyze("class C:\n    def m(self):\n        return 1\n");
  EXPECT_FALSE(block(q, {"C"})->needs_class_closure);
  auto r = analyze("class C:\n    def m(self):\n        return __class__\n");
  EXPECT_TRUE(block(r, {"C"})->needs_class_closure);
}

TEST(Symtable, ComprehensionIsAFunctionScope) {
  auto p = analyze("def f(n):\n    return [i * n for i in range(n)]\n");
  auto* lc = block(p, {"f", "listcomp"});
  ASSERT_NE(lc, nullptr);
  EXPECT_EQ(lc->type, BlockType::Function);
  EXPECT_EQ(lc->comprehension, CompKind::List);
  EXPECT_EQ(lc->varnames, (std::vector<std::string>{".0"}));
  EXPECT_EQ(lc->scope_of("i"), Scope::Local);
  EXPECT_EQ(lc->scope_of("n"), Scope::Free);
  // `range(n)` is evaluated in f: range is not a symbol of the comprehension.
  EXPECT_EQ(lc->scope_of("range"), Scope::Unknown);
  EXPECT_EQ(block(p, {"f"})->scope_of("n"), Scope::Cell);
}

TEST(Symtable, GeneratorExpressionIsGenerator) {
  auto p = analyze("g = (x for x in y)\n");
  auto* ge = block(p, {"genexpr"});
  ASSERT_NE(ge, nullptr);
  EXPECT_TRUE(ge->generator);
  EXPECT_FALSE(ge->nested);
}

TEST(Symtable, WalrusInComprehension) {
  auto p = analyze("def f(d):\n    return [y for x in d if (y := x)]\n");
  EXPECT_EQ(block(p, {"f"})->scope_of("y"), Scope::Cell);
  EXPECT_EQ(block(p, {"f", "listcomp"})->scope_of("y"), Scope::Free);
  auto m = analyze("r = [y for x in d if (y := x)]\n");
  EXPECT_EQ(block(m, {"listcomp"})->scope_of("y"), Scope::GlobalExplicit);
}

TEST(Symtable, LambdaAndYield) {
  auto p = analyze("def f():\n    yield 1\nl = lambda a: a + b\n");
  EXPECT_TRUE(block(p, {"f"})->generator);
  auto* l = block(p, {"lambda"});
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->scope_of("a"), Scope::Local);
  EXPECT_EQ(l->scope_of("b"), Scope::GlobalImplicit);
}

TEST(Symtable, ImportsBindFirstComponent) {
  auto p = analyze("def f():\n    import a.b.c\n    import d.e as g\n    from h import i\n");
  auto* f = block(p, {"f"});
  EXPECT_EQ(f->scope_of("a"), Scope::Local);
  EXPECT_EQ(f->scope_of("g"), Scope::Local);
  EXPECT_EQ(f->scope_of("i"), Scope::Local);
  EXPECT_EQ(f->scope_of("d"), Scope::Unknown);
}

TEST(Symtable, ExceptAsNameIsLocal) {
  auto p = analyze("def f():\n    try:\n        pass\n    except E as e:\n        pass\n");
  EXPECT_EQ(block(p, {"f"})->scope_of("e"), Scope::Local);
  EXPECT_EQ(block(p, {"f"})->scope_of("E"), Scope::GlobalImplicit);
}

TEST(Symtable, PrivateNamesAreMangled) {
  auto p = analyze("class C:\n    __x = 1\n    def m(self, __y):\n        return __y\n");
  EXPECT_EQ(block(p, {"C"})->scope_of("_C__x"), Scope::Local);
  EXPECT_EQ(block(p, {"C", "m"})->varnames, (std::vector<std::string>{"self", "_C__y"}));
  EXPECT_EQ(mangle("C", "__x"), "_C__x");
  EXPECT_EQ(mangle("_C", "__x"), "_C__x");
  EXPECT_EQ(mangle("C", "__x__"), "__x__");
  EXPECT_EQ(mangle("___", "__x"), "__x");
  EXPECT_EQ(mangle("", "__x"), "__x");
}

// ------------------------------------------------------------ errors

TEST(SymtableErrors, NonlocalWithoutBinding) {
  auto e = st_error("def f():\n    def g():\n        nonlocal x\n");
  EXPECT_EQ(e.msg, "no binding for nonlocal 'x' found");
  EXPECT_EQ(e.lineno, 3);
  EXPECT_EQ(e.offset, 9);
}

TEST(SymtableErrors, NonlocalAtModuleLevel) {
  auto e = st_error("y = 1\nnonlocal x\n");
  EXPECT_EQ(e.msg, "nonlocal declaration not allowed at module level");
  EXPECT_EQ(e.lineno, 2);
  EXPECT_EQ(e.offset, 1);
}

TEST(SymtableErrors, ParameterAndGlobal) {
  auto e = st_error("def f(x):\n    global x\n");
  EXPECT_EQ(e.msg, "name 'x' is parameter and global");
  EXPECT_EQ(e.lineno, 2);
  EXPECT_EQ(e.offset, 5);
  e = st_error("def f(x):\n    nonlocal x\n");
  EXPECT_EQ(e.msg, "name 'x' is parameter and nonlocal");
}

TEST(SymtableErrors, UsedOrAssignedBeforeGlobal) {
  auto e = st_error("def f():\n    print(x)\n    global x\n");
  EXPECT_EQ(e.msg, "name 'x' is used prior to global declaration");
  EXPECT_EQ(e.lineno, 3);
  e = st_error("def f():\n    x = 1\n    global x\n");
  EXPECT_EQ(e.msg, "name 'x' is assigned to before global declaration");
}

TEST(SymtableErrors, NonlocalAndGlobal) {
  auto e = st_error("def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n");
  EXPECT_EQ(e.msg, "name 'x' is nonlocal and global");
}

TEST(SymtableErrors, DuplicateArgument) {
  auto e = st_error("def f(a, b, a):\n    pass\n");
  EXPECT_EQ(e.msg, "duplicate argument 'a' in function definition");
  EXPECT_EQ(e.lineno, 1);
  EXPECT_EQ(e.offset, 13);
}

TEST(SymtableErrors, YieldInsideComprehension) {
  auto e = st_error("def f():\n    return [(yield x) for x in y]\n");
  EXPECT_EQ(e.msg, "'yield' inside list comprehension");
  e = st_error("def f():\n    return ((yield x) for x in y)\n");
  EXPECT_EQ(e.msg, "'yield' inside generator expression");
}

TEST(SymtableErrors, WalrusRebindsIterationVariable) {
  auto e = st_error("x = [i for i in y if (i := 1)]\n");
  EXPECT_EQ(e.msg, "assignment expression cannot rebind comprehension iteration variable 'i'");
  e = st_error("class C:\n    x = [(j := i) for i in y]\n");
  EXPECT_EQ(e.msg, "assignment expression within a comprehension cannot be used in a class body");
  e = st_error("x = [i for i in (j := y)]\n");
  EXPECT_EQ(e.msg, "assignment expression cannot be used in a comprehension iterable expression");
}

TEST(SymtableErrors, ImportStarInFunction) {
  auto e = st_error("def f():\n    from m import *\n");
  EXPECT_EQ(e.msg, "import * only allowed at module level");
  EXPECT_EQ(e.lineno, 2);
  EXPECT_EQ(e.offset, 19);
}

}  // namespace
}  // namespace kestrel
