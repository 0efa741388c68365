// Symbol table: classifies every name of every scope (module, class, function,
// lambda, comprehension) as CPython 3.11's Python/symtable.c does, so that the
// compiler can pick LOAD_FAST / LOAD_DEREF / LOAD_GLOBAL / LOAD_NAME.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "front/ast.h"

namespace kestrel {

// Symbol flags (CPython's DEF_* values; only relative meaning matters).
enum SymFlag : uint32_t {
  kDefGlobal = 1,      // global statement
  kDefLocal = 2,       // assignment in this block
  kDefParam = 4,       // formal parameter
  kDefNonlocal = 8,    // nonlocal statement
  kUse = 16,           // name is read
  kDefFree = 32,       // unused (kept for parity with CPython)
  kDefFreeClass = 64,  // free in a nested scope, bound in this class
  kDefImport = 128,    // bound by import
  kDefAnnot = 256,     // annotated (AnnAssign simple target)
  kDefCompIter = 512,  // comprehension iteration variable
  kDefBound = kDefLocal | kDefParam | kDefImport,
};

// Resolved scope of a name (CPython's LOCAL .. CELL; 0 = not in this block).
enum class Scope : uint8_t { Unknown = 0, Local, GlobalExplicit, GlobalImplicit, Free, Cell };

enum class BlockType : uint8_t { Function, Class, Module };

// 0 = not a comprehension.
enum class CompKind : uint8_t { None, List, Set, Dict, Generator };

struct Symbol {
  std::string name;
  uint32_t flags = 0;
  Scope scope = Scope::Unknown;
};

struct SymtableEntry {
  BlockType type = BlockType::Module;
  std::string name;
  const void* node = nullptr;
  ast::Loc loc;
  std::vector<Symbol> symbols;  // in order of first mention
  std::unordered_map<std::string, int> index;
  std::vector<std::string> varnames;  // parameters, in order
  std::vector<SymtableEntry*> children;
  std::vector<std::pair<std::string, ast::Loc>> directives;  // global/nonlocal, for errors
  bool nested = false;
  bool generator = false;
  bool coroutine = false;
  bool varargs = false;
  bool varkeywords = false;
  bool returns_value = false;
  bool needs_class_closure = false;  // class body must create the __class__ cell
  bool child_free = false;
  bool has_free = false;
  bool comp_iter_target = false;
  int comp_iter_expr = 0;
  CompKind comprehension = CompKind::None;

  // Flags of `name` (already mangled), 0 when absent.
  uint32_t flags_of(const std::string& name) const {
    auto it = index.find(name);
    return it == index.end() ? 0 : symbols[it->second].flags;
  }
  Scope scope_of(const std::string& name) const {
    auto it = index.find(name);
    return it == index.end() ? Scope::Unknown : symbols[it->second].scope;
  }
  Symbol& lookup_or_insert(const std::string& name);
};

struct Symtable {
  std::vector<std::unique_ptr<SymtableEntry>> entries;
  std::unordered_map<const void*, SymtableEntry*> by_node;
  SymtableEntry* top = nullptr;

  SymtableEntry* lookup(const void* node) const {
    auto it = by_node.find(node);
    return it == by_node.end() ? nullptr : it->second;
  }
};

// Builds and analyzes the symbol table of a module. Throws SyntaxErrorInfo
// (without `text`; compile_module fills it in).
std::unique_ptr<Symtable> build_symtable(const ast::Module& mod, const std::string& filename);

// CPython's _Py_Mangle: `__x` inside class `C` becomes `_C__x`.
std::string mangle(const std::string& private_name, const std::string& name);

}  // namespace kestrel
