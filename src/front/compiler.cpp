// Code generation: walks the AST of each scope and emits the linear IR that
// assembler.cpp lays out, instruction for instruction as CPython 3.11's
// Python/compile.c (adapted to Kestrel's instruction set, see opcodes.def).
#include "front/compiler.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "front/frontend.h"
#include "front/parser.h"
#include "front/symtable.h"

namespace kestrel {
namespace {

using namespace front_internal;

// Keep the value stack small, as CPython's STACK_USE_GUIDELINE.
constexpr int kStackUseGuideline = 30;
// Cell/free operands are emitted as kDerefTag | (cell index, or ncells + free
// index) and patched to localsplus slots once all plain locals are known.
constexpr uint32_t kDerefTag = 1u << 23;

enum class ScopeType { Module, Class, Function, Lambda, Comprehension };
enum class Ctx { Load, Store, Del };
enum class CompType { List, Set, Dict, Gen };

enum class FBlockType {
  WhileLoop,
  ForLoop,
  TryExcept,
  FinallyTry,
  FinallyEnd,
  With,
  HandlerCleanup,
  PopValue,
  ExceptionHandler
};

struct FBlock {
  FBlockType type = FBlockType::WhileLoop;
  int block = -1;  // loop start (continue target)
  int exit = -1;   // loop exit (break target)
  const ast::StmtList* finally_body = nullptr;
  const ast::Stmt* with_stmt = nullptr;
  std::string handler_name;  // `except E as name`: name to clear on unwind
  bool has_name = false;
};

FBlock make_fblock(FBlockType type, int block = -1, int exit = -1) {
  FBlock fb;
  fb.type = type;
  fb.block = block;
  fb.exit = exit;
  return fb;
}

std::string const_key(const Constant& c) {
  using K = Constant::Kind;
  std::string key(1, char('a' + int(c.kind)));
  switch (c.kind) {
    case K::Int:
      key += std::to_string(c.int_value);
      break;
    case K::Float:
    case K::Complex: {  // the kind letter keeps 1.0 and 1j apart
      uint64_t bits;
      std::memcpy(&bits, &c.float_value, sizeof bits);
      key += std::to_string(bits);
      break;
    }
    case K::BigInt:
    case K::Str:
    case K::Bytes:
      key += c.text;
      break;
    case K::Tuple:
      key += std::to_string(c.items.size()) + "(";
      for (auto& it : c.items) {
        std::string k = const_key(it);
        key += std::to_string(k.size()) + ":" + k;
      }
      break;
    case K::Code:
      key += std::to_string(reinterpret_cast<uintptr_t>(c.code.get()));
      break;
    default:
      break;
  }
  return key;
}

struct Unit {
  SymtableEntry* ste = nullptr;
  ScopeType scope_type = ScopeType::Module;
  std::string private_name;
  std::shared_ptr<CodeProto> code;
  IrCode ir;
  std::unordered_map<std::string, int> const_index, name_index, var_index, cell_index, free_index;
  std::vector<std::string> varnames, cellvars, freevars;
  std::vector<FBlock> fblocks;
  SourcePos loc;
};

class Compiler {
 public:
  Compiler(const std::string& filename, Symtable& st, std::string_view source)
      : filename_(filename), st_(st), source_(source) {
    line_start_.push_back(0);
    for (size_t i = 0; i < source.size(); ++i)
      if (source[i] == '\n') line_start_.push_back(i + 1);
  }

  std::shared_ptr<CodeProto> compile_module(const ast::Module& mod) {
    enter_scope("<module>", ScopeType::Module, &mod, 1);
    check_future_imports(mod);
    if (!mod.body.empty()) set_loc(mod.body[0]->loc);
    compile_body(mod.body);
    return exit_scope();
  }

  // eval() mode: the module's single expression statement, its value returned.
  std::shared_ptr<CodeProto> compile_expression(const ast::Module& mod, const ast::Expr& e) {
    enter_scope("<module>", ScopeType::Module, &mod, e.loc.line);
    set_loc(e.loc);
    compile_expr(e);
    emit(Op::RETURN_VALUE);
    return exit_scope();
  }

 private:
  const std::string& filename_;
  Symtable& st_;
  std::vector<std::unique_ptr<Unit>> units_;
  Unit* u_ = nullptr;
  std::unordered_map<const ast::Expr*, std::optional<Constant>> fold_cache_;
  std::string_view source_;
  std::vector<size_t> line_start_;  // byte offset of each source line
  bool future_annotations_ = false;

  // `from __future__ import ...` must come first (after the docstring) and
  // name known features (CPython's future.c). Only `annotations` changes
  // code generation: annotations are then stored as source strings.
  void check_future_imports(const ast::Module& mod) {
    static const char* const kFeatures[] = {
        "nested_scopes",  "generators",       "division",       "absolute_import", "with_statement",
        "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",  "annotations"};
    bool at_start = true;
    for (size_t i = 0; i < mod.body.size(); ++i) {
      const ast::Stmt& st = *mod.body[i];
      auto* imp = st.as<ast::ImportFrom>();
      bool is_future = imp && imp->module == "__future__" && imp->level == 0;
      if (!is_future) {
        if (!(i == 0 && docstring_of(mod.body))) at_start = false;
        continue;
      }
      set_loc(st.loc);
      if (!at_start) error("from __future__ imports must occur at the beginning of the file");
      for (auto& alias : imp->names) {
        if (alias.name == "braces") error("not a chance");
        bool known = false;
        for (const char* f : kFeatures) known |= alias.name == f;
        if (!known) error("future feature " + alias.name + " is not defined");
        if (alias.name == "annotations") future_annotations_ = true;
      }
    }
  }

  // The source text of an annotation (what `from __future__ import
  // annotations` stores; CPython unparses the AST, which normalizes spacing).
  bool annotation_string(const ast::Expr& e, std::string* out) {
    const ast::Loc& l = e.loc;
    if (source_.empty() || l.line < 1 || l.end_line < l.line ||
        size_t(l.end_line) > line_start_.size())
      return false;
    size_t begin = line_start_[l.line - 1] + size_t(l.col);
    size_t end = line_start_[l.end_line - 1] + size_t(l.end_col);
    if (begin > end || end > source_.size()) return false;
    *out = std::string(source_.substr(begin, end - begin));
    return true;
  }

  // Pushes an annotation's value: evaluated, or its source text under
  // `from __future__ import annotations`.
  void compile_annotation(const ast::Expr& e) {
    std::string text;
    if (future_annotations_ && annotation_string(e, &text)) {
      load_const(Constant::str(text));
      return;
    }
    compile_expr(e);
  }

  // ------------------------------------------------------------ errors

  [[noreturn]] void error(const std::string& msg) {
    SyntaxErrorInfo err;
    err.msg = msg;
    err.filename = filename_;
    err.lineno = u_->loc.line;
    err.offset = u_->loc.col + 1;
    err.end_lineno = u_->loc.end_line;
    err.end_offset = u_->loc.end_col + 1;
    throw err;
  }

  // ------------------------------------------------------------ emission

  void set_loc(const ast::Loc& l) { u_->loc = SourcePos{l.line, l.end_line, l.col, l.end_col}; }
  // Artificial instructions take the location of the preceding instruction.
  void unset_loc() { u_->loc = SourcePos{-1, -1, -1, -1}; }

  void emit(Op op, uint32_t arg = 0) {
    u_->ir.instrs.push_back(IrInstr{int(op), arg, -1, u_->loc});
  }
  void emit_pseudo(int op, int label = -1) {
    u_->ir.instrs.push_back(IrInstr{op, 0, label, u_->loc});
  }
  void emit_jump(Op op, int label) { u_->ir.instrs.push_back(IrInstr{int(op), 0, label, u_->loc}); }
  void jump(int label) { emit_pseudo(kJump, label); }
  int new_label() {
    u_->ir.label_pos.push_back(-1);
    return int(u_->ir.label_pos.size()) - 1;
  }
  void use_label(int label) { u_->ir.label_pos[label] = int(u_->ir.instrs.size()); }

  int add_const(const Constant& c) {
    auto [it, inserted] = u_->const_index.emplace(const_key(c), int(u_->code->consts.size()));
    if (inserted) u_->code->consts.push_back(c);
    return it->second;
  }
  void load_const(const Constant& c) { emit(Op::LOAD_CONST, add_const(c)); }
  void load_none() { load_const(Constant::none()); }
  int add_name(const std::string& name) {
    auto [it, inserted] = u_->name_index.emplace(name, int(u_->code->names.size()));
    if (inserted) u_->code->names.push_back(name);
    return it->second;
  }
  void emit_name(Op op, const std::string& name) { emit(op, add_name(name)); }
  std::string mangled(const std::string& name) { return mangle(u_->private_name, name); }

  int var_index(const std::string& name) {
    auto [it, inserted] = u_->var_index.emplace(name, int(u_->varnames.size()));
    if (inserted) u_->varnames.push_back(name);
    return it->second;
  }
  uint32_t cell_arg(const std::string& name) {
    auto it = u_->cell_index.find(name);
    if (it == u_->cell_index.end()) throw std::logic_error("kestrel compiler: no cell " + name);
    return kDerefTag | uint32_t(it->second);
  }
  uint32_t free_arg(const std::string& name) {
    auto it = u_->free_index.find(name);
    if (it == u_->free_index.end()) throw std::logic_error("kestrel compiler: no free var " + name);
    return kDerefTag | uint32_t(u_->cellvars.size() + it->second);
  }

  // ------------------------------------------------------------ scopes

  void enter_scope(const std::string& name, ScopeType type, const void* node, int first_line) {
    auto unit = std::make_unique<Unit>();
    Unit* parent = u_;
    unit->ste = st_.lookup(node);
    if (!unit->ste) throw std::logic_error("kestrel compiler: no symbol table for " + name);
    unit->scope_type = type;
    unit->code = std::make_shared<CodeProto>();
    unit->code->name = name;
    unit->code->filename = filename_;
    unit->code->first_line = first_line;
    if (parent) unit->private_name = parent->private_name;
    SymtableEntry* ste = unit->ste;
    for (auto& v : ste->varnames) {
      unit->var_index.emplace(v, int(unit->varnames.size()));
      unit->varnames.push_back(v);
    }
    for (auto& sym : ste->symbols) {
      if (sym.scope == Scope::Cell) unit->cellvars.push_back(sym.name);
      if (sym.scope == Scope::Free || (sym.flags & kDefFreeClass))
        unit->freevars.push_back(sym.name);
    }
    std::sort(unit->cellvars.begin(), unit->cellvars.end());
    std::sort(unit->freevars.begin(), unit->freevars.end());
    if (ste->needs_class_closure) unit->cellvars.insert(unit->cellvars.begin(), "__class__");
    for (size_t i = 0; i < unit->cellvars.size(); ++i) unit->cell_index[unit->cellvars[i]] = int(i);
    for (size_t i = 0; i < unit->freevars.size(); ++i) unit->free_index[unit->freevars[i]] = int(i);
    unit->code->qualname = qualname_for(name, type, parent);
    unit->loc = SourcePos{first_line, first_line, -1, -1};
    units_.push_back(std::move(unit));
    u_ = units_.back().get();

    // Prefix (CPython's insert_prefix_instructions): COPY_FREE_VARS, then
    // MAKE_CELL in localsplus order (argument cells first).
    unset_loc();
    if (!u_->freevars.empty()) emit(Op::COPY_FREE_VARS, uint32_t(u_->freevars.size()));
    std::vector<std::pair<size_t, size_t>> order;  // (slot order key, cell index)
    const size_t nargs = u_->varnames.size();
    for (size_t i = 0; i < u_->cellvars.size(); ++i) {
      auto it = u_->var_index.find(u_->cellvars[i]);
      order.emplace_back(it != u_->var_index.end() ? size_t(it->second) : nargs + i, i);
    }
    std::sort(order.begin(), order.end());
    for (auto& [key, i] : order) emit(Op::MAKE_CELL, kDerefTag | uint32_t(i));
    u_->loc = SourcePos{first_line, first_line, -1, -1};
  }

  // CPython's compiler_set_qualname.
  std::string qualname_for(const std::string& name, ScopeType type, Unit* parent) {
    if (!parent) return name;
    if (type == ScopeType::Function || type == ScopeType::Class) {
      Scope s = parent->ste->scope_of(mangle(parent->private_name, name));
      if (s == Scope::GlobalExplicit) return name;
    }
    if (parent->scope_type == ScopeType::Module) return name;
    const std::string& pq = parent->code->qualname;
    if (parent->scope_type == ScopeType::Function || parent->scope_type == ScopeType::Lambda)
      return pq + ".<locals>." + name;
    return pq + "." + name;
  }

  std::shared_ptr<CodeProto> exit_scope() {
    Unit& u = *u_;
    auto& ins = u.ir.instrs;
    bool label_at_end = false;
    for (int p : u.ir.label_pos)
      if (p == int(ins.size())) label_at_end = true;
    if (ins.empty() || ins.back().op != int(Op::RETURN_VALUE) || label_at_end) {
      unset_loc();
      load_none();
      emit(Op::RETURN_VALUE);
    }
    CodeProto& code = *u.code;
    SymtableEntry* ste = u.ste;
    if (ste->type == BlockType::Function) {
      code.flags |= kCoOptimized | kCoNewLocals;
      if (ste->nested) code.flags |= kCoNested;
      if (ste->generator) code.flags |= kCoGenerator;
      if (ste->varargs) code.flags |= kCoVarargs;
      if (ste->varkeywords) code.flags |= kCoVarkeywords;
    }
    // localsplus: plain locals (arguments first), non-argument cells, frees.
    code.localsplus_names = u.varnames;
    code.localsplus_kinds.assign(u.varnames.size(), kFastLocal);
    std::vector<uint32_t> deref_slot;
    for (auto& name : u.cellvars) {
      auto it = u.var_index.find(name);
      if (it != u.var_index.end()) {
        code.localsplus_kinds[it->second] |= kFastCell;
        deref_slot.push_back(uint32_t(it->second));
      } else {
        deref_slot.push_back(uint32_t(code.localsplus_names.size()));
        code.localsplus_names.push_back(name);
        code.localsplus_kinds.push_back(kFastCell);
      }
    }
    for (auto& name : u.freevars) {
      deref_slot.push_back(uint32_t(code.localsplus_names.size()));
      code.localsplus_names.push_back(name);
      code.localsplus_kinds.push_back(kFastFree);
    }
    for (auto& in : ins) {
      if (in.op < 256 && op_arg_kind(Op(in.op)) == ArgKind::Local && (in.arg & kDerefTag))
        in.arg = deref_slot.at(in.arg & ~kDerefTag);
    }
    assemble(u.ir, code);
    auto result = u.code;
    units_.pop_back();
    u_ = units_.empty() ? nullptr : units_.back().get();
    return result;
  }

  bool in_function() const { return u_->ste->type == BlockType::Function; }

  // ------------------------------------------------------------ names

  void name_op(const std::string& name, Ctx ctx) {
    std::string m = mangled(name);
    enum { kName, kFast, kDeref, kGlobal } kind = kName;
    bool is_free = false;
    switch (u_->ste->scope_of(m)) {
      case Scope::Free:
        kind = kDeref;
        is_free = true;
        break;
      case Scope::Cell:
        kind = kDeref;
        break;
      case Scope::Local:
        if (in_function()) kind = kFast;
        break;
      case Scope::GlobalImplicit:
        if (in_function()) kind = kGlobal;
        break;
      case Scope::GlobalExplicit:
        kind = kGlobal;
        break;
      case Scope::Unknown:
        break;
    }
    switch (kind) {
      case kDeref: {
        uint32_t arg = is_free ? free_arg(m) : cell_arg(m);
        if (ctx == Ctx::Load)
          emit(u_->ste->type == BlockType::Class ? Op::LOAD_CLASSDEREF : Op::LOAD_DEREF, arg);
        else
          emit(ctx == Ctx::Store ? Op::STORE_DEREF : Op::DELETE_DEREF, arg);
        return;
      }
      case kFast:
        emit(ctx == Ctx::Load    ? Op::LOAD_FAST
             : ctx == Ctx::Store ? Op::STORE_FAST
                                 : Op::DELETE_FAST,
             var_index(m));
        return;
      case kGlobal:
        emit_name(ctx == Ctx::Load    ? Op::LOAD_GLOBAL
                  : ctx == Ctx::Store ? Op::STORE_GLOBAL
                                      : Op::DELETE_GLOBAL,
                  m);
        return;
      case kName:
        emit_name(ctx == Ctx::Load    ? Op::LOAD_NAME
                  : ctx == Ctx::Store ? Op::STORE_NAME
                                      : Op::DELETE_NAME,
                  m);
        return;
    }
  }

  // ------------------------------------------------------------ bodies

  static const std::string* docstring_of(const ast::StmtList& body) {
    if (body.empty()) return nullptr;
    auto* es = body[0]->as<ast::ExprStmt>();
    if (!es) return nullptr;
    auto* c = es->value->as<ast::ConstantExpr>();
    if (!c || c->value.kind != Constant::Kind::Str) return nullptr;
    return &c->value.text;
  }

  static bool find_ann(const ast::StmtList& stmts) {
    for (auto& s : stmts) {
      switch (s->kind) {
        case ast::StmtKind::AnnAssign:
          return true;
        case ast::StmtKind::For: {
          auto& f = static_cast<const ast::For&>(*s);
          if (find_ann(f.body) || find_ann(f.orelse)) return true;
          break;
        }
        case ast::StmtKind::While: {
          auto& w = static_cast<const ast::While&>(*s);
          if (find_ann(w.body) || find_ann(w.orelse)) return true;
          break;
        }
        case ast::StmtKind::If: {
          auto& i = static_cast<const ast::If&>(*s);
          if (find_ann(i.body) || find_ann(i.orelse)) return true;
          break;
        }
        case ast::StmtKind::With:
          if (find_ann(static_cast<const ast::With&>(*s).body)) return true;
          break;
        case ast::StmtKind::Try: {
          auto& t = static_cast<const ast::Try&>(*s);
          for (auto& h : t.handlers)
            if (find_ann(h.body)) return true;
          if (find_ann(t.body) || find_ann(t.finalbody) || find_ann(t.orelse)) return true;
          break;
        }
        default:
          break;
      }
    }
    return false;
  }

  // Module and class bodies (CPython's compiler_body).
  void compile_body(const ast::StmtList& body) {
    if (find_ann(body)) emit(Op::SETUP_ANNOTATIONS);
    size_t i = 0;
    if (docstring_of(body)) {
      i = 1;
      set_loc(body[0]->loc);
      compile_expr(*static_cast<const ast::ExprStmt&>(*body[0]).value);
      unset_loc();
      name_op("__doc__", Ctx::Store);
    }
    for (; i < body.size(); ++i) compile_stmt(*body[i]);
  }

  // ------------------------------------------------------------ functions

  // Returns the MAKE_FUNCTION flags for defaults (1) and kw-defaults (2).
  uint32_t compile_default_arguments(const ast::Arguments& args) {
    uint32_t flags = 0;
    if (!args.defaults.empty()) {
      // CPython's peephole folds an all-constant BUILD_TUPLE into one constant.
      if (auto folded = const_tuple(args.defaults)) {
        load_const(*folded);
      } else {
        for (auto& d : args.defaults) compile_expr(*d);
        emit(Op::BUILD_TUPLE, uint32_t(args.defaults.size()));
      }
      flags |= 1;
    }
    Constant keys;
    keys.kind = Constant::Kind::Tuple;
    for (size_t i = 0; i < args.kwonlyargs.size(); ++i) {
      const ast::Expr* d = i < args.kw_defaults.size() ? args.kw_defaults[i].get() : nullptr;
      if (!d) continue;
      keys.items.push_back(Constant::str(mangled(args.kwonlyargs[i].name)));
      compile_expr(*d);
    }
    if (!keys.items.empty()) {
      uint32_t n = uint32_t(keys.items.size());
      load_const(keys);
      emit(Op::BUILD_CONST_KEY_MAP, n);
      flags |= 2;
    }
    return flags;
  }

  // Pushes the (name, annotation, ...) tuple; returns false if there is none.
  bool compile_annotations(const ast::Arguments& args, const ast::Expr* returns) {
    std::vector<std::pair<std::string, const ast::Expr*>> anns;
    auto one = [&](const std::string& name, const ast::Expr* ann) {
      if (ann) anns.emplace_back(mangled(name), ann);
    };
    for (auto& a : args.args) one(a.name, a.annotation.get());
    for (auto& a : args.posonlyargs) one(a.name, a.annotation.get());
    if (args.vararg) one(args.vararg->name, args.vararg->annotation.get());
    for (auto& a : args.kwonlyargs) one(a.name, a.annotation.get());
    if (args.kwarg) one(args.kwarg->name, args.kwarg->annotation.get());
    one("return", returns);
    if (anns.empty()) return false;
    if (future_annotations_) {
      // All strings: one constant tuple (CPython folds this BUILD_TUPLE).
      Constant t;
      t.kind = Constant::Kind::Tuple;
      std::string text;
      for (auto& [name, ann] : anns) {
        if (!annotation_string(*ann, &text)) break;
        t.items.push_back(Constant::str(name));
        t.items.push_back(Constant::str(text));
      }
      if (t.items.size() == 2 * anns.size()) {
        load_const(t);
        return true;
      }
    }
    for (auto& [name, ann] : anns) {
      load_const(Constant::str(name));
      compile_annotation(*ann);
    }
    emit(Op::BUILD_TUPLE, uint32_t(2 * anns.size()));
    return true;
  }

  void make_closure(const std::shared_ptr<CodeProto>& code, uint32_t flags) {
    uint32_t nfree = 0;
    for (size_t i = 0; i < code->localsplus_names.size(); ++i) {
      if (!(code->localsplus_kinds[i] & kFastFree)) continue;
      const std::string& name = code->localsplus_names[i];
      bool cell = (u_->scope_type == ScopeType::Class && name == "__class__") ||
                  u_->ste->scope_of(name) == Scope::Cell;
      emit(Op::LOAD_CLOSURE, cell ? cell_arg(name) : free_arg(name));
      ++nfree;
    }
    if (nfree) {
      flags |= 8;
      emit(Op::BUILD_TUPLE, nfree);
    }
    Constant c;
    c.kind = Constant::Kind::Code;
    c.code = code;
    load_const(c);
    emit(Op::MAKE_FUNCTION, flags);
  }

  void set_arg_counts(const ast::Arguments& args) {
    u_->code->argcount = int(args.posonlyargs.size() + args.args.size());
    u_->code->posonlyargcount = int(args.posonlyargs.size());
    u_->code->kwonlyargcount = int(args.kwonlyargs.size());
  }

  void compile_function(const ast::FunctionDef& f) {
    for (auto& d : f.decorator_list) compile_expr(*d);
    int first_line = f.decorator_list.empty() ? f.loc.line : f.decorator_list[0]->loc.line;
    uint32_t flags = compile_default_arguments(*f.args);
    if (compile_annotations(*f.args, f.returns.get())) flags |= 4;
    enter_scope(f.name, ScopeType::Function, &f, first_line);
    const std::string* doc = docstring_of(f.body);
    add_const(doc ? Constant::str(*doc) : Constant::none());
    set_arg_counts(*f.args);
    for (size_t i = doc ? 1 : 0; i < f.body.size(); ++i) compile_stmt(*f.body[i]);
    auto code = exit_scope();
    set_loc(f.loc);
    make_closure(code, flags);
    apply_decorators(f.decorator_list, f.loc);
    name_op(f.name, Ctx::Store);
  }

  // Calls the decorators, innermost first, each at its own position (CPython's
  // compiler_apply_decorators: a failing decorator's traceback shows its line).
  void apply_decorators(const ast::ExprList& decorators, const ast::Loc& stmt_loc) {
    for (size_t i = decorators.size(); i-- > 0;) {
      set_loc(decorators[i]->loc);
      emit(Op::CALL, 0);
    }
    set_loc(stmt_loc);
  }

  void compile_class(const ast::ClassDef& c) {
    for (auto& d : c.decorator_list) compile_expr(*d);
    int first_line = c.decorator_list.empty() ? c.loc.line : c.decorator_list[0]->loc.line;
    enter_scope(c.name, ScopeType::Class, &c, first_line);
    u_->private_name = c.name;
    set_loc(c.loc);
    name_op("__name__", Ctx::Load);
    name_op("__module__", Ctx::Store);
    load_const(Constant::str(u_->code->qualname));
    name_op("__qualname__", Ctx::Store);
    compile_body(c.body);
    unset_loc();
    if (u_->ste->needs_class_closure) {
      emit(Op::LOAD_CLOSURE, cell_arg("__class__"));
      emit(Op::COPY, 1);
      name_op("__classcell__", Ctx::Store);
    } else {
      load_none();
    }
    emit(Op::RETURN_VALUE);
    auto code = exit_scope();
    set_loc(c.loc);
    emit(Op::PUSH_NULL);
    emit(Op::LOAD_BUILD_CLASS);
    make_closure(code, 0);
    load_const(Constant::str(c.name));
    call_helper(2, c.bases, c.keywords);
    apply_decorators(c.decorator_list, c.loc);
    name_op(c.name, Ctx::Store);
  }

  void compile_lambda(const ast::Lambda& l) {
    uint32_t flags = compile_default_arguments(*l.args);
    enter_scope("<lambda>", ScopeType::Lambda, &l, l.loc.line);
    add_const(Constant::none());  // a lambda has no docstring
    set_arg_counts(*l.args);
    set_loc(l.body->loc);
    compile_expr(*l.body);
    emit(Op::RETURN_VALUE);
    auto code = exit_scope();
    make_closure(code, flags);
  }

  // ------------------------------------------------------------ comprehensions

  void compile_comprehension(const ast::Expr& e, CompType type, const char* name,
                             const std::vector<ast::Comprehension>& gens, const ast::Expr& elt,
                             const ast::Expr* val) {
    if (gens.empty()) throw std::logic_error("kestrel compiler: comprehension without for");
    for (auto& g : gens)
      if (g.is_async) error("asynchronous comprehensions are not supported");
    enter_scope(name, ScopeType::Comprehension, &e, e.loc.line);
    set_loc(e.loc);
    if (type == CompType::List) emit(Op::BUILD_LIST, 0);
    if (type == CompType::Set) emit(Op::BUILD_SET, 0);
    if (type == CompType::Dict) emit(Op::BUILD_MAP, 0);
    comprehension_generator(gens, 0, 0, elt, val, type);
    if (type != CompType::Gen) emit(Op::RETURN_VALUE);
    auto code = exit_scope();
    make_closure(code, 0);
    compile_iterable(*gens[0].iter);
    emit(Op::GET_ITER);
    emit(Op::CALL, 0);
  }

  void comprehension_generator(const std::vector<ast::Comprehension>& gens, size_t index,
                               uint32_t depth, const ast::Expr& elt, const ast::Expr* val,
                               CompType type) {
    const ast::Comprehension& gen = gens[index];
    int start = new_label(), if_cleanup = new_label(), anchor = new_label();
    bool has_start = true;
    if (index == 0) {
      u_->code->argcount = 1;
      emit(Op::LOAD_FAST, 0);  // the implicit `.0` argument: the outermost iterator
    } else {
      // `for y in [expr]` just binds y (CPython's fast path).
      const ast::ExprList* elts = nullptr;
      if (auto* l = gen.iter->as<ast::List>()) elts = &l->elts;
      if (auto* t = gen.iter->as<ast::Tuple>()) elts = &t->elts;
      if (elts && elts->size() == 1 && (*elts)[0]->kind != ast::ExprKind::Starred) {
        compile_expr(*(*elts)[0]);
        has_start = false;
      } else {
        compile_iterable(*gen.iter);
        emit(Op::GET_ITER);
      }
    }
    if (has_start) {
      ++depth;
      use_label(start);
      emit_jump(Op::FOR_ITER, anchor);
    }
    compile_store(*gen.target);
    for (auto& cond : gen.ifs) jump_if(*cond, if_cleanup, false);
    if (index + 1 < gens.size()) {
      comprehension_generator(gens, index + 1, depth, elt, val, type);
    } else {
      switch (type) {
        case CompType::Gen:
          compile_expr(elt);
          emit(Op::YIELD_VALUE);
          emit(Op::POP_TOP);
          break;
        case CompType::List:
          compile_expr(elt);
          emit(Op::LIST_APPEND, depth + 1);
          break;
        case CompType::Set:
          compile_expr(elt);
          emit(Op::SET_ADD, depth + 1);
          break;
        case CompType::Dict:
          compile_expr(elt);
          compile_expr(*val);
          emit(Op::MAP_ADD, depth + 1);
          break;
      }
    }
    use_label(if_cleanup);
    if (has_start) {
      jump(start);
      use_label(anchor);
    }
  }

  // ------------------------------------------------------------ statements

  void compile_stmts(const ast::StmtList& body) {
    for (auto& s : body) compile_stmt(*s);
  }

  void compile_stmt(const ast::Stmt& s) {
    set_loc(s.loc);
    using K = ast::StmtKind;
    switch (s.kind) {
      case K::FunctionDef:
        compile_function(static_cast<const ast::FunctionDef&>(s));
        break;
      case K::ClassDef:
        compile_class(static_cast<const ast::ClassDef&>(s));
        break;
      case K::Return:
        compile_return(static_cast<const ast::Return&>(s));
        break;
      case K::Delete:
        for (auto& t : static_cast<const ast::Delete&>(s).targets) compile_delete(*t);
        break;
      case K::Assign:
        compile_assign(static_cast<const ast::Assign&>(s));
        break;
      case K::AugAssign:
        compile_augassign(static_cast<const ast::AugAssign&>(s));
        break;
      case K::AnnAssign:
        compile_annassign(static_cast<const ast::AnnAssign&>(s));
        break;
      case K::For:
        compile_for(static_cast<const ast::For&>(s));
        break;
      case K::While:
        compile_while(static_cast<const ast::While&>(s));
        break;
      case K::If:
        compile_if(static_cast<const ast::If&>(s));
        break;
      case K::With:
        compile_with(static_cast<const ast::With&>(s), 0);
        break;
      case K::Raise: {
        auto& r = static_cast<const ast::Raise&>(s);
        uint32_t n = 0;
        if (r.exc) {
          compile_expr(*r.exc);
          ++n;
          if (r.cause) {
            compile_expr(*r.cause);
            ++n;
          }
        }
        emit(Op::RAISE_VARARGS, n);
        break;
      }
      case K::Try: {
        auto& t = static_cast<const ast::Try&>(s);
        if (!t.finalbody.empty())
          compile_try_finally(t);
        else
          compile_try_except(t);
        break;
      }
      case K::Assert:
        compile_assert(static_cast<const ast::Assert&>(s));
        break;
      case K::Import:
        compile_import(static_cast<const ast::Import&>(s));
        break;
      case K::ImportFrom:
        compile_from_import(static_cast<const ast::ImportFrom&>(s));
        break;
      case K::Global:
      case K::Nonlocal:
        break;
      case K::Expr: {
        auto& e = static_cast<const ast::ExprStmt&>(s);
        if (fold(*e.value)) {
          emit(Op::NOP);  // a constant statement does nothing
          break;
        }
        compile_expr(*e.value);
        unset_loc();
        emit(Op::POP_TOP);
        break;
      }
      case K::Pass:
        emit(Op::NOP);
        break;
      case K::Break:
        compile_break();
        break;
      case K::Continue:
        compile_continue();
        break;
      case K::AsyncFunctionDef:
      case K::AsyncFor:
      case K::AsyncWith:
      case K::Match:
      case K::TryStar:
        error("this statement is not supported by Kestrel");
    }
  }

  // True if every target is a distinct plain name stored with STORE_FAST, all
  // on one line (where reordering the stores is invisible).
  bool fast_distinct_same_line(const ast::ExprList& targets) {
    if (!in_function()) return false;
    for (size_t i = 0; i < targets.size(); ++i) {
      auto* n = targets[i]->as<ast::Name>();
      if (!n || n->loc.line != targets[0]->loc.line) return false;
      if (u_->ste->scope_of(mangled(n->id)) != Scope::Local) return false;
      for (size_t j = 0; j < i; ++j)
        if (targets[j]->as<ast::Name>()->id == n->id) return false;
    }
    return true;
  }

  void compile_assign(const ast::Assign& a) {
    // `a, b = x, y`: CPython's peephole turns BUILD_TUPLE n + UNPACK_SEQUENCE n
    // into nothing (n=1) or SWAP n (n=2,3).
    if (a.targets.size() == 1) {
      const ast::ExprList* telts = nullptr;
      if (auto* t = a.targets[0]->as<ast::Tuple>()) telts = &t->elts;
      if (auto* l = a.targets[0]->as<ast::List>()) telts = &l->elts;
      const ast::ExprList* velts = nullptr;
      if (auto* t = a.value->as<ast::Tuple>()) velts = &t->elts;
      if (telts && velts && telts->size() == velts->size() && telts->size() >= 1 &&
          telts->size() <= 3 && !fold(*a.value)) {
        bool starred = false;
        for (auto& e : *telts) starred |= e->kind == ast::ExprKind::Starred;
        for (auto& e : *velts) starred |= e->kind == ast::ExprKind::Starred;
        if (!starred) {
          for (auto& e : *velts) compile_expr(*e);
          set_loc(a.targets[0]->loc);
          size_t n = telts->size();
          if (n > 1 && fast_distinct_same_line(*telts)) {
            // CPython's apply_static_swaps: swap the first and last STORE_FAST
            // instead of the stack items.
            compile_store(*(*telts)[n - 1]);
            if (n == 3) compile_store(*(*telts)[1]);
            compile_store(*(*telts)[0]);
            return;
          }
          if (n > 1) emit(Op::SWAP, uint32_t(n));
          for (auto& e : *telts) compile_store(*e);
          return;
        }
      }
    }
    compile_expr(*a.value);
    for (size_t i = 0; i < a.targets.size(); ++i) {
      if (i + 1 < a.targets.size()) emit(Op::COPY, 1);
      compile_store(*a.targets[i]);
    }
  }

  void compile_augassign(const ast::AugAssign& a) {
    const ast::Expr& t = *a.target;
    set_loc(t.loc);
    switch (t.kind) {
      case ast::ExprKind::Attribute: {
        auto& at = static_cast<const ast::Attribute&>(t);
        compile_expr(*at.value);
        emit(Op::COPY, 1);
        emit_name(Op::LOAD_ATTR, mangled(at.attr));
        break;
      }
      case ast::ExprKind::Subscript: {
        auto& sub = static_cast<const ast::Subscript&>(t);
        compile_expr(*sub.value);
        compile_expr(*sub.slice);
        emit(Op::COPY, 2);
        emit(Op::COPY, 2);
        emit(Op::BINARY_SUBSCR);
        break;
      }
      case ast::ExprKind::Name:
        name_op(static_cast<const ast::Name&>(t).id, Ctx::Load);
        break;
      default:
        error("illegal expression for augmented assignment");
    }
    compile_expr(*a.value);
    set_loc(a.loc);
    emit(Op::BINARY_OP, uint32_t(a.op) + kInplaceOffset);
    set_loc(t.loc);
    switch (t.kind) {
      case ast::ExprKind::Attribute:
        emit(Op::SWAP, 2);
        emit_name(Op::STORE_ATTR, mangled(static_cast<const ast::Attribute&>(t).attr));
        break;
      case ast::ExprKind::Subscript:
        emit(Op::SWAP, 3);
        emit(Op::SWAP, 2);
        emit(Op::STORE_SUBSCR);
        break;
      default:
        name_op(static_cast<const ast::Name&>(t).id, Ctx::Store);
        break;
    }
  }

  void compile_annassign(const ast::AnnAssign& a) {
    const ast::Expr& t = *a.target;
    if (a.value) {
      compile_expr(*a.value);
      compile_store(t);
    }
    bool module_or_class =
        u_->scope_type == ScopeType::Module || u_->scope_type == ScopeType::Class;
    switch (t.kind) {
      case ast::ExprKind::Name:
        if (a.simple && module_or_class) {
          compile_annotation(*a.annotation);
          emit_name(Op::LOAD_NAME, "__annotations__");
          load_const(Constant::str(mangled(static_cast<const ast::Name&>(t).id)));
          emit(Op::STORE_SUBSCR);
        }
        break;
      case ast::ExprKind::Attribute:
        if (!a.value) {
          compile_expr(*static_cast<const ast::Attribute&>(t).value);
          emit(Op::POP_TOP);
        }
        break;
      case ast::ExprKind::Subscript:
        if (!a.value) {
          auto& sub = static_cast<const ast::Subscript&>(t);
          compile_expr(*sub.value);
          emit(Op::POP_TOP);
          compile_expr(*sub.slice);
          emit(Op::POP_TOP);
        }
        break;
      default:
        error("invalid annotation target");
    }
    if (!a.simple && module_or_class && !future_annotations_) {
      compile_expr(*a.annotation);
      emit(Op::POP_TOP);
    }
  }

  void compile_if(const ast::If& s) {
    int end = new_label();
    int next = s.orelse.empty() ? end : new_label();
    jump_if(*s.test, next, false);
    compile_stmts(s.body);
    if (!s.orelse.empty()) {
      unset_loc();
      jump(end);
      use_label(next);
      compile_stmts(s.orelse);
    }
    use_label(end);
  }

  // Loops are laid out test-at-top with one JUMP_BACKWARD at the bottom
  // (Kestrel forbids backward conditional jumps; see opcodes.def).
  void compile_while(const ast::While& s) {
    int loop = new_label(), anchor = new_label(), exit = new_label();
    use_label(loop);
    u_->fblocks.push_back(make_fblock(FBlockType::WhileLoop, loop, exit));
    jump_if(*s.test, anchor, false);
    compile_stmts(s.body);
    set_loc(s.loc);
    jump(loop);
    u_->fblocks.pop_back();
    use_label(anchor);
    compile_stmts(s.orelse);
    use_label(exit);
  }

  void compile_for(const ast::For& s) {
    int start = new_label(), cleanup = new_label(), end = new_label();
    u_->fblocks.push_back(make_fblock(FBlockType::ForLoop, start, end));
    compile_iterable(*s.iter);
    emit(Op::GET_ITER);
    use_label(start);
    emit_jump(Op::FOR_ITER, cleanup);
    compile_store(*s.target);
    compile_stmts(s.body);
    unset_loc();
    jump(start);
    use_label(cleanup);
    u_->fblocks.pop_back();
    compile_stmts(s.orelse);
    use_label(end);
  }

  // A list display that is iterated or tested with `in` is built as a tuple
  // (a constant one when possible), as CPython's AST optimizer does.
  void compile_iterable(const ast::Expr& e) {
    if (auto* l = e.as<ast::List>()) {
      bool starred = false;
      for (auto& x : l->elts) starred |= x->kind == ast::ExprKind::Starred;
      if (!starred) {
        SourcePos saved = u_->loc;
        set_loc(e.loc);
        starunpack_helper(l->elts, 0, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true);
        u_->loc = saved;
        return;
      }
    }
    compile_expr(e);
  }

  std::optional<Constant> const_tuple(const ast::ExprList& elts) {
    Constant t;
    t.kind = Constant::Kind::Tuple;
    for (auto& x : elts) {
      if (x->kind == ast::ExprKind::Starred) return std::nullopt;
      auto c = fold(*x);
      if (!c) return std::nullopt;
      t.items.push_back(std::move(*c));
    }
    return t;
  }

  void compile_return(const ast::Return& s) {
    if (!in_function()) error("'return' outside function");
    // A constant return value is loaded after unwinding (nothing to preserve).
    std::optional<Constant> const_value;
    if (s.value) const_value = fold(*s.value);
    bool preserve_tos = s.value && !const_value;
    if (preserve_tos) {
      compile_expr(*s.value);
    } else if (s.value) {
      set_loc(s.value->loc);
      emit(Op::NOP);
    }
    if (!s.value || s.value->loc.line != s.loc.line) {
      set_loc(s.loc);
      emit(Op::NOP);
    }
    unwind_fblock_stack(preserve_tos, nullptr);
    if (!s.value)
      load_none();
    else if (!preserve_tos)
      load_const(*const_value);
    emit(Op::RETURN_VALUE);
  }

  void compile_break() {
    const ast::Loc here{u_->loc.line, u_->loc.col, u_->loc.end_line, u_->loc.end_col};
    emit(Op::NOP);
    FBlock* loop = nullptr;
    FBlock saved;
    unwind_fblock_stack(false, &saved, &loop);
    if (!loop) {
      set_loc(here);
      error("'break' outside loop");
    }
    unwind_fblock(saved, false);
    jump(saved.exit);
  }

  void compile_continue() {
    const ast::Loc here{u_->loc.line, u_->loc.col, u_->loc.end_line, u_->loc.end_col};
    emit(Op::NOP);
    FBlock* loop = nullptr;
    FBlock saved;
    unwind_fblock_stack(false, &saved, &loop);
    if (!loop) {
      set_loc(here);
      error("'continue' not properly in loop");
    }
    jump(saved.block);
  }

  // Emits the code that leaves the innermost frame blocks (CPython's
  // compiler_unwind_fblock_stack). With `loop`, stops at the innermost loop
  // and copies it to `*found`.
  void unwind_fblock_stack(bool preserve_tos, FBlock* found, FBlock** loop = nullptr) {
    auto& fb = u_->fblocks;
    if (fb.empty()) return;
    FBlock top = fb.back();
    if (loop && (top.type == FBlockType::WhileLoop || top.type == FBlockType::ForLoop)) {
      *found = top;
      *loop = found;
      return;
    }
    fb.pop_back();
    unwind_fblock(top, preserve_tos);
    unwind_fblock_stack(preserve_tos, found, loop);
    fb.push_back(top);
  }

  void call_exit_with_nones() {
    load_none();
    load_none();
    load_none();
    // [__exit__, None, None, None]: CALL 2 calls __exit__(None, None, None)
    // (the bound method sits in the "method" slot, the first None is "self").
    emit(Op::CALL, 2);
  }

  void unwind_fblock(const FBlock& info, bool preserve_tos) {
    switch (info.type) {
      case FBlockType::WhileLoop:
      case FBlockType::ExceptionHandler:
        return;
      case FBlockType::ForLoop:
        if (preserve_tos) emit(Op::SWAP, 2);
        emit(Op::POP_TOP);  // the iterator
        return;
      case FBlockType::TryExcept:
        emit_pseudo(kPopBlock);
        return;
      case FBlockType::FinallyTry:
        emit_pseudo(kPopBlock);
        if (preserve_tos) u_->fblocks.push_back(make_fblock(FBlockType::PopValue));
        compile_stmts(*info.finally_body);
        if (preserve_tos) u_->fblocks.pop_back();
        unset_loc();
        return;
      case FBlockType::FinallyEnd:
        if (preserve_tos) emit(Op::SWAP, 2);
        emit(Op::POP_TOP);  // exc_value
        if (preserve_tos) emit(Op::SWAP, 2);
        emit_pseudo(kPopBlock);
        emit(Op::POP_EXCEPT);
        return;
      case FBlockType::With:
        set_loc(info.with_stmt->loc);
        emit_pseudo(kPopBlock);
        if (preserve_tos) emit(Op::SWAP, 2);
        call_exit_with_nones();
        emit(Op::POP_TOP);
        unset_loc();
        return;
      case FBlockType::HandlerCleanup:
        if (info.has_name) emit_pseudo(kPopBlock);
        if (preserve_tos) emit(Op::SWAP, 2);
        emit_pseudo(kPopBlock);
        emit(Op::POP_EXCEPT);
        if (info.has_name) {
          load_none();
          name_op(info.handler_name, Ctx::Store);
          name_op(info.handler_name, Ctx::Del);
        }
        return;
      case FBlockType::PopValue:
        if (preserve_tos) emit(Op::SWAP, 2);
        emit(Op::POP_TOP);
        return;
    }
  }

  void pop_except_and_reraise() {
    emit(Op::COPY, 3);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE, 1);
  }

  void compile_try_except(const ast::Try& s) {
    int except = new_label(), end = new_label(), cleanup = new_label();
    emit_pseudo(kSetupFinally, except);
    u_->fblocks.push_back(make_fblock(FBlockType::TryExcept));
    compile_stmts(s.body);
    u_->fblocks.pop_back();
    unset_loc();
    emit_pseudo(kPopBlock);
    compile_stmts(s.orelse);
    unset_loc();
    jump(end);
    use_label(except);
    unset_loc();
    emit_pseudo(kSetupCleanup, cleanup);
    emit(Op::PUSH_EXC_INFO);
    u_->fblocks.push_back(make_fblock(FBlockType::ExceptionHandler));
    for (size_t i = 0; i < s.handlers.size(); ++i) {
      const ast::ExceptHandler& h = s.handlers[i];
      set_loc(h.loc);
      if (!h.type && i + 1 < s.handlers.size()) error("default 'except:' must be last");
      int next_except = new_label();
      if (h.type) {
        compile_expr(*h.type);
        emit(Op::CHECK_EXC_MATCH);
        emit_jump(Op::POP_JUMP_IF_FALSE, next_except);
      }
      if (!h.name.empty()) {
        int cleanup_end = new_label();
        name_op(h.name, Ctx::Store);
        // try: body finally: name = None; del name
        emit_pseudo(kSetupCleanup, cleanup_end);
        FBlock fb = make_fblock(FBlockType::HandlerCleanup);
        fb.handler_name = h.name;
        fb.has_name = true;
        u_->fblocks.push_back(fb);
        compile_stmts(h.body);
        u_->fblocks.pop_back();
        unset_loc();
        emit_pseudo(kPopBlock);
        emit_pseudo(kPopBlock);
        emit(Op::POP_EXCEPT);
        load_none();
        name_op(h.name, Ctx::Store);
        name_op(h.name, Ctx::Del);
        jump(end);
        use_label(cleanup_end);
        unset_loc();
        load_none();
        name_op(h.name, Ctx::Store);
        name_op(h.name, Ctx::Del);
        emit(Op::RERAISE, 1);
      } else {
        emit(Op::POP_TOP);  // exc_value
        u_->fblocks.push_back(make_fblock(FBlockType::HandlerCleanup));
        compile_stmts(h.body);
        u_->fblocks.pop_back();
        unset_loc();
        emit_pseudo(kPopBlock);
        emit(Op::POP_EXCEPT);
        jump(end);
      }
      use_label(next_except);
    }
    unset_loc();
    u_->fblocks.pop_back();
    emit(Op::RERAISE, 0);
    use_label(cleanup);
    pop_except_and_reraise();
    use_label(end);
  }

  void compile_try_finally(const ast::Try& s) {
    int end = new_label(), exit = new_label(), cleanup = new_label();
    emit_pseudo(kSetupFinally, end);
    FBlock fb = make_fblock(FBlockType::FinallyTry);
    fb.finally_body = &s.finalbody;
    u_->fblocks.push_back(fb);
    if (!s.handlers.empty())
      compile_try_except(s);
    else
      compile_stmts(s.body);
    unset_loc();
    emit_pseudo(kPopBlock);
    u_->fblocks.pop_back();
    compile_stmts(s.finalbody);
    unset_loc();
    jump(exit);
    use_label(end);
    unset_loc();
    emit_pseudo(kSetupCleanup, cleanup);
    emit(Op::PUSH_EXC_INFO);
    u_->fblocks.push_back(make_fblock(FBlockType::FinallyEnd));
    compile_stmts(s.finalbody);
    u_->fblocks.pop_back();
    unset_loc();
    emit(Op::RERAISE, 0);
    use_label(cleanup);
    pop_except_and_reraise();
    use_label(exit);
  }

  void compile_with(const ast::With& s, size_t pos) {
    const ast::WithItem& item = s.items.at(pos);
    int final_label = new_label(), exit = new_label(), cleanup = new_label();
    compile_expr(*item.context_expr);
    set_loc(s.loc);
    emit(Op::BEFORE_WITH);  // pushes bound __exit__, then __enter__()'s result
    emit_pseudo(kSetupWith, final_label);
    FBlock fb = make_fblock(FBlockType::With);
    fb.with_stmt = &s;
    u_->fblocks.push_back(fb);
    if (item.optional_vars)
      compile_store(*item.optional_vars);
    else
      emit(Op::POP_TOP);
    if (pos + 1 == s.items.size())
      compile_stmts(s.body);
    else
      compile_with(s, pos + 1);
    unset_loc();
    emit_pseudo(kPopBlock);
    u_->fblocks.pop_back();
    set_loc(s.loc);
    call_exit_with_nones();
    emit(Op::POP_TOP);
    jump(exit);
    // Exceptional exit: [__exit__, lasti, exc].
    use_label(final_label);
    emit_pseudo(kSetupCleanup, cleanup);
    emit(Op::PUSH_EXC_INFO);
    emit(Op::WITH_EXCEPT_START);
    unset_loc();
    int suppress = new_label();
    emit_jump(Op::POP_JUMP_IF_TRUE, suppress);
    emit(Op::RERAISE, 2);
    use_label(cleanup);
    pop_except_and_reraise();
    use_label(suppress);
    emit(Op::POP_TOP);  // exc_value
    emit_pseudo(kPopBlock);
    emit(Op::POP_EXCEPT);
    emit(Op::POP_TOP);
    emit(Op::POP_TOP);
    use_label(exit);
  }

  void compile_assert(const ast::Assert& s) {
    int end = new_label();
    jump_if(*s.test, end, true);
    // CPython 3.11 leaves a comparison test's location in place for the
    // raise (tracebacks mark the test), else the statement's.
    set_loc(s.test->kind == ast::ExprKind::Compare ? s.test->loc : s.loc);
    emit(Op::LOAD_ASSERTION_ERROR);
    if (s.msg) {
      compile_expr(*s.msg);
      emit(Op::CALL, 0);  // [AssertionError, msg]: calls AssertionError(msg)
    }
    emit(Op::RAISE_VARARGS, 1);
    use_label(end);
  }

  void compile_import(const ast::Import& s) {
    for (auto& alias : s.names) {
      load_const(Constant::integer(0));
      load_none();
      emit_name(Op::IMPORT_NAME, alias.name);
      size_t dot = alias.name.find('.');
      if (!alias.asname.empty()) {
        if (dot != std::string::npos) {
          // `import a.b.c as d` binds d to a.b.c via IMPORT_FROM b, c.
          size_t pos = dot + 1;
          while (true) {
            size_t next = alias.name.find('.', pos);
            emit_name(
                Op::IMPORT_FROM,
                alias.name.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
            if (next == std::string::npos) break;
            emit(Op::SWAP, 2);
            emit(Op::POP_TOP);
            pos = next + 1;
          }
          name_op(alias.asname, Ctx::Store);
          emit(Op::POP_TOP);
        } else {
          name_op(alias.asname, Ctx::Store);
        }
      } else {
        name_op(alias.name.substr(0, dot), Ctx::Store);
      }
    }
  }

  void compile_from_import(const ast::ImportFrom& s) {
    load_const(Constant::integer(s.level));
    Constant names;
    names.kind = Constant::Kind::Tuple;
    for (auto& a : s.names) names.items.push_back(Constant::str(a.name));
    load_const(names);
    emit_name(Op::IMPORT_NAME, s.module);
    for (size_t i = 0; i < s.names.size(); ++i) {
      const ast::Alias& a = s.names[i];
      if (i == 0 && a.name == "*") {
        emit(Op::IMPORT_STAR);
        return;
      }
      emit_name(Op::IMPORT_FROM, a.name);
      name_op(a.asname.empty() ? a.name : a.asname, Ctx::Store);
    }
    emit(Op::POP_TOP);  // the module
  }

  // ------------------------------------------------------------ targets

  void compile_store(const ast::Expr& e) {
    SourcePos saved = u_->loc;
    set_loc(e.loc);
    switch (e.kind) {
      case ast::ExprKind::Name:
        name_op(static_cast<const ast::Name&>(e).id, Ctx::Store);
        break;
      case ast::ExprKind::Attribute: {
        auto& a = static_cast<const ast::Attribute&>(e);
        compile_expr(*a.value);
        emit_name(Op::STORE_ATTR, mangled(a.attr));
        break;
      }
      case ast::ExprKind::Subscript: {
        auto& sub = static_cast<const ast::Subscript&>(e);
        compile_expr(*sub.value);
        compile_expr(*sub.slice);
        emit(Op::STORE_SUBSCR);
        break;
      }
      case ast::ExprKind::Tuple:
        assignment_helper(static_cast<const ast::Tuple&>(e).elts);
        break;
      case ast::ExprKind::List:
        assignment_helper(static_cast<const ast::List&>(e).elts);
        break;
      case ast::ExprKind::Starred:
        error("starred assignment target must be in a list or tuple");
      default:
        error("cannot assign to expression");
    }
    u_->loc = saved;
  }

  void assignment_helper(const ast::ExprList& elts) {
    bool seen_star = false;
    size_t n = elts.size();
    for (size_t i = 0; i < n; ++i) {
      if (elts[i]->kind != ast::ExprKind::Starred) continue;
      if (seen_star) {
        set_loc(elts[i]->loc);
        error("multiple starred expressions in assignment");
      }
      if (i >= (1u << 8) || n - i - 1 >= (1u << 15))
        error("too many expressions in star-unpacking assignment");
      emit(Op::UNPACK_EX, uint32_t(i + ((n - i - 1) << 8)));
      seen_star = true;
    }
    if (!seen_star) emit(Op::UNPACK_SEQUENCE, uint32_t(n));
    for (auto& x : elts) {
      if (auto* st = x->as<ast::Starred>())
        compile_store(*st->value);
      else
        compile_store(*x);
    }
  }

  void compile_delete(const ast::Expr& e) {
    SourcePos saved = u_->loc;
    set_loc(e.loc);
    switch (e.kind) {
      case ast::ExprKind::Name:
        name_op(static_cast<const ast::Name&>(e).id, Ctx::Del);
        break;
      case ast::ExprKind::Attribute: {
        auto& a = static_cast<const ast::Attribute&>(e);
        compile_expr(*a.value);
        emit_name(Op::DELETE_ATTR, mangled(a.attr));
        break;
      }
      case ast::ExprKind::Subscript: {
        auto& sub = static_cast<const ast::Subscript&>(e);
        compile_expr(*sub.value);
        compile_expr(*sub.slice);
        emit(Op::DELETE_SUBSCR);
        break;
      }
      case ast::ExprKind::Tuple:
        for (auto& x : static_cast<const ast::Tuple&>(e).elts) compile_delete(*x);
        break;
      case ast::ExprKind::List:
        for (auto& x : static_cast<const ast::List&>(e).elts) compile_delete(*x);
        break;
      default:
        error("cannot delete expression");
    }
    u_->loc = saved;
  }

  // ------------------------------------------------------------ conditions

  // Jumps to `next` when the truth of `e` equals `cond` (CPython's
  // compiler_jump_if), folding constant tests and `x is None`.
  void jump_if(const ast::Expr& e, int next, bool cond) {
    SourcePos saved = u_->loc;
    set_loc(e.loc);
    switch (e.kind) {
      case ast::ExprKind::UnaryOp: {
        auto& un = static_cast<const ast::UnaryOp&>(e);
        if (un.op == ast::UnaryOpKind::Not && !fold(e)) {
          jump_if(*un.operand, next, !cond);
          u_->loc = saved;
          return;
        }
        break;
      }
      case ast::ExprKind::BoolOp: {
        auto& b = static_cast<const ast::BoolOp&>(e);
        bool cond2 = b.op == ast::BoolOpKind::Or;
        int next2 = next;
        if (cond2 != cond) next2 = new_label();
        for (size_t i = 0; i + 1 < b.values.size(); ++i) jump_if(*b.values[i], next2, cond2);
        jump_if(*b.values.back(), next, cond);
        if (next2 != next) use_label(next2);
        u_->loc = saved;
        return;
      }
      case ast::ExprKind::IfExp: {
        auto& ie = static_cast<const ast::IfExp&>(e);
        int end = new_label(), next2 = new_label();
        jump_if(*ie.test, next2, false);
        jump_if(*ie.body, next, cond);
        unset_loc();
        jump(end);
        use_label(next2);
        jump_if(*ie.orelse, next, cond);
        use_label(end);
        u_->loc = saved;
        return;
      }
      case ast::ExprKind::Compare: {
        auto& c = static_cast<const ast::Compare&>(e);
        size_t n = c.ops.size();
        if (n > 1) {
          int cleanup = new_label();
          compile_expr(*c.left);
          for (size_t i = 0; i + 1 < n; ++i) {
            compile_expr(*c.comparators[i]);
            emit(Op::SWAP, 2);
            emit(Op::COPY, 2);
            emit_compare(c.ops[i]);
            emit_jump(Op::POP_JUMP_IF_FALSE, cleanup);
          }
          compile_expr(*c.comparators.back());
          emit_compare(c.ops.back());
          emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, next);
          int end = new_label();
          unset_loc();
          jump(end);
          use_label(cleanup);
          emit(Op::POP_TOP);
          if (!cond) jump(next);
          use_label(end);
          u_->loc = saved;
          return;
        }
        // `x is None` / `x is not None` -> POP_JUMP_IF_(NOT_)NONE.
        auto* rc = c.comparators[0]->as<ast::ConstantExpr>();
        if ((c.ops[0] == ast::CmpOpKind::Is || c.ops[0] == ast::CmpOpKind::IsNot) && rc &&
            rc->value.kind == Constant::Kind::None) {
          compile_expr(*c.left);
          bool is_none = (c.ops[0] == ast::CmpOpKind::Is) == cond;
          emit_jump(is_none ? Op::POP_JUMP_IF_NONE : Op::POP_JUMP_IF_NOT_NONE, next);
          u_->loc = saved;
          return;
        }
        break;
      }
      default:
        break;
    }
    if (auto c = fold(e)) {
      // Constant test: jump unconditionally or not at all.
      if (is_true_constant(*c) == cond) jump(next);
      u_->loc = saved;
      return;
    }
    compile_expr(e);
    emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, next);
    u_->loc = saved;
  }

  void emit_compare(ast::CmpOpKind op) {
    using C = ast::CmpOpKind;
    switch (op) {
      case C::Eq:
        emit(Op::COMPARE_OP, uint32_t(CmpOp::Eq));
        break;
      case C::NotEq:
        emit(Op::COMPARE_OP, uint32_t(CmpOp::Ne));
        break;
      case C::Lt:
        emit(Op::COMPARE_OP, uint32_t(CmpOp::Lt));
        break;
      case C::LtE:
        emit(Op::COMPARE_OP, uint32_t(CmpOp::Le));
        break;
      case C::Gt:
        emit(Op::COMPARE_OP, uint32_t(CmpOp::Gt));
        break;
      case C::GtE:
        emit(Op::COMPARE_OP, uint32_t(CmpOp::Ge));
        break;
      case C::Is:
        emit(Op::IS_OP, 0);
        break;
      case C::IsNot:
        emit(Op::IS_OP, 1);
        break;
      case C::In:
        emit(Op::CONTAINS_OP, 0);
        break;
      case C::NotIn:
        emit(Op::CONTAINS_OP, 1);
        break;
    }
  }

  // ------------------------------------------------------------ folding

  std::optional<Constant> fold(const ast::Expr& e) {
    switch (e.kind) {
      case ast::ExprKind::Constant:
        return static_cast<const ast::ConstantExpr&>(e).value;
      case ast::ExprKind::UnaryOp:
      case ast::ExprKind::BinOp:
      case ast::ExprKind::Tuple:
        break;
      default:
        return std::nullopt;
    }
    auto it = fold_cache_.find(&e);
    if (it != fold_cache_.end()) return it->second;
    std::optional<Constant> result;
    if (auto* un = e.as<ast::UnaryOp>()) {
      if (auto v = fold(*un->operand)) result = fold_unary(un->op, *v);
    } else if (auto* bin = e.as<ast::BinOp>()) {
      auto l = fold(*bin->left);
      if (l) {
        if (auto r = fold(*bin->right)) result = fold_binop(*l, bin->op, *r);
      }
    } else if (auto* t = e.as<ast::Tuple>()) {
      result = const_tuple(t->elts);
    }
    fold_cache_.emplace(&e, result);
    return result;
  }

  // ------------------------------------------------------------ expressions

  void compile_expr(const ast::Expr& e) {
    SourcePos saved = u_->loc;
    set_loc(e.loc);
    compile_expr1(e);
    u_->loc = saved;
  }

  void compile_expr1(const ast::Expr& e) {
    using K = ast::ExprKind;
    if (auto c = fold(e)) {
      load_const(*c);
      return;
    }
    switch (e.kind) {
      case K::BoolOp: {
        auto& b = static_cast<const ast::BoolOp&>(e);
        Op j = b.op == ast::BoolOpKind::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
        int end = new_label();
        bool jumps_on_true = b.op == ast::BoolOpKind::Or;
        for (size_t i = 0; i + 1 < b.values.size(); ++i) {
          // A constant operand decides statically (CPython's peephole): it
          // is either the result or skipped.
          if (auto c = fold(*b.values[i])) {
            if (is_true_constant(*c) == jumps_on_true) {
              load_const(*c);
              use_label(end);
              return;
            }
            continue;
          }
          compile_expr(*b.values[i]);
          emit_jump(j, end);
        }
        compile_expr(*b.values.back());
        use_label(end);
        break;
      }
      case K::NamedExpr: {
        auto& n = static_cast<const ast::NamedExpr&>(e);
        compile_expr(*n.value);
        emit(Op::COPY, 1);
        compile_store(*n.target);
        break;
      }
      case K::BinOp: {
        auto& b = static_cast<const ast::BinOp&>(e);
        if (b.op == ast::Operator::Mod && compile_percent_format(b)) break;
        compile_expr(*b.left);
        compile_expr(*b.right);
        emit(Op::BINARY_OP, uint32_t(b.op));
        break;
      }
      case K::UnaryOp: {
        auto& un = static_cast<const ast::UnaryOp&>(e);
        compile_expr(*un.operand);
        switch (un.op) {
          case ast::UnaryOpKind::Invert:
            emit(Op::UNARY_INVERT);
            break;
          case ast::UnaryOpKind::Not:
            emit(Op::UNARY_NOT);
            break;
          case ast::UnaryOpKind::UAdd:
            emit(Op::UNARY_POSITIVE);
            break;
          case ast::UnaryOpKind::USub:
            emit(Op::UNARY_NEGATIVE);
            break;
        }
        break;
      }
      case K::Lambda:
        compile_lambda(static_cast<const ast::Lambda&>(e));
        break;
      case K::IfExp: {
        auto& ie = static_cast<const ast::IfExp&>(e);
        int end = new_label(), next = new_label();
        jump_if(*ie.test, next, false);
        compile_expr(*ie.body);
        unset_loc();
        jump(end);
        use_label(next);
        compile_expr(*ie.orelse);
        use_label(end);
        break;
      }
      case K::Dict:
        compile_dict(static_cast<const ast::Dict&>(e));
        break;
      case K::Set:
        starunpack_helper(static_cast<const ast::Set&>(e).elts, 0, Op::BUILD_SET, Op::SET_ADD,
                          Op::SET_UPDATE, false);
        break;
      case K::ListComp: {
        auto& c = static_cast<const ast::ListComp&>(e);
        compile_comprehension(e, CompType::List, "<listcomp>", c.generators, *c.elt, nullptr);
        break;
      }
      case K::SetComp: {
        auto& c = static_cast<const ast::SetComp&>(e);
        compile_comprehension(e, CompType::Set, "<setcomp>", c.generators, *c.elt, nullptr);
        break;
      }
      case K::DictComp: {
        auto& c = static_cast<const ast::DictComp&>(e);
        compile_comprehension(e, CompType::Dict, "<dictcomp>", c.generators, *c.key, c.value.get());
        break;
      }
      case K::GeneratorExp: {
        auto& c = static_cast<const ast::GeneratorExp&>(e);
        compile_comprehension(e, CompType::Gen, "<genexpr>", c.generators, *c.elt, nullptr);
        break;
      }
      case K::Await:
        if (!in_function()) error("'await' outside function");
        error("'await' outside async function");
      case K::Yield: {
        if (!in_function()) error("'yield' outside function");
        auto& y = static_cast<const ast::Yield&>(e);
        if (y.value)
          compile_expr(*y.value);
        else
          load_none();
        emit(Op::YIELD_VALUE);
        break;
      }
      case K::YieldFrom: {
        if (!in_function()) error("'yield' outside function");
        compile_expr(*static_cast<const ast::YieldFrom&>(e).value);
        emit(Op::GET_YIELD_FROM_ITER);
        load_none();
        add_yield_from();
        break;
      }
      case K::Compare:
        compile_compare(static_cast<const ast::Compare&>(e));
        break;
      case K::Call:
        compile_call(static_cast<const ast::Call&>(e));
        break;
      case K::FormattedValue: {
        auto& f = static_cast<const ast::FormattedValue&>(e);
        compile_expr(*f.value);
        uint32_t arg = 0;
        switch (f.conversion) {
          case 's':
            arg = 1;
            break;
          case 'r':
            arg = 2;
            break;
          case 'a':
            arg = 3;
            break;
          default:
            arg = 0;
            break;
        }
        if (f.format_spec) {
          compile_expr(*f.format_spec);
          arg |= 4;
        }
        emit(Op::FORMAT_VALUE, arg);
        break;
      }
      case K::JoinedStr: {
        auto& j = static_cast<const ast::JoinedStr&>(e);
        if (j.values.size() > size_t(kStackUseGuideline)) {
          load_const(Constant::str(""));
          emit_name(Op::LOAD_METHOD, "join");
          emit(Op::BUILD_LIST, 0);
          for (auto& v : j.values) {
            compile_expr(*v);
            emit(Op::LIST_APPEND, 1);
          }
          emit(Op::CALL, 1);
        } else {
          for (auto& v : j.values) compile_expr(*v);
          if (j.values.size() != 1) emit(Op::BUILD_STRING, uint32_t(j.values.size()));
        }
        break;
      }
      case K::Constant:
        load_const(static_cast<const ast::ConstantExpr&>(e).value);
        break;
      case K::Attribute: {
        auto& a = static_cast<const ast::Attribute&>(e);
        compile_expr(*a.value);
        emit_name(Op::LOAD_ATTR, mangled(a.attr));
        break;
      }
      case K::Subscript: {
        auto& s = static_cast<const ast::Subscript&>(e);
        compile_expr(*s.value);
        compile_expr(*s.slice);
        emit(Op::BINARY_SUBSCR);
        break;
      }
      case K::Starred:
        error("can't use starred expression here");
      case K::Name:
        // __debug__ is a constant (assertions are always enabled).
        if (static_cast<const ast::Name&>(e).id == "__debug__") {
          load_const(Constant::boolean(true));
          break;
        }
        name_op(static_cast<const ast::Name&>(e).id, Ctx::Load);
        break;
      case K::List:
        starunpack_helper(static_cast<const ast::List&>(e).elts, 0, Op::BUILD_LIST, Op::LIST_APPEND,
                          Op::LIST_EXTEND, false);
        break;
      case K::Tuple:
        starunpack_helper(static_cast<const ast::Tuple&>(e).elts, 0, Op::BUILD_LIST,
                          Op::LIST_APPEND, Op::LIST_EXTEND, true);
        break;
      case K::Slice: {
        auto& s = static_cast<const ast::Slice&>(e);
        uint32_t n = 2;
        if (s.lower)
          compile_expr(*s.lower);
        else
          load_none();
        if (s.upper)
          compile_expr(*s.upper);
        else
          load_none();
        if (s.step) {
          compile_expr(*s.step);
          n = 3;
        }
        emit(Op::BUILD_SLICE, n);
        break;
      }
    }
  }

  // `'...%s...' % (a, b)` with only %s/%r/%a units becomes an f-string
  // (CPython 3.11's ast_opt optimize_format). Returns false if not applicable.
  bool compile_percent_format(const ast::BinOp& b) {
    auto* rhs = b.right->as<ast::Tuple>();
    if (!rhs) return false;
    for (auto& x : rhs->elts)
      if (x->kind == ast::ExprKind::Starred) return false;
    auto lhs = fold(*b.left);
    if (!lhs || lhs->kind != Constant::Kind::Str || fold(*b.right)) return false;
    const std::string& fmt = lhs->text;
    struct Piece {
      std::string literal;           // when arg < 0
      int arg = -1, conversion = 0;  // FORMAT_VALUE conversion (1 s, 2 r, 3 a)
      std::string spec;
    };
    std::vector<Piece> pieces;
    size_t pos = 0, cnt = 0;
    constexpr int kMaxDigits = 3;
    while (true) {
      std::string lit;
      while (pos < fmt.size()) {
        if (fmt[pos] != '%') {
          lit += fmt[pos++];
        } else if (pos + 1 < fmt.size() && fmt[pos + 1] == '%') {
          lit += '%';
          pos += 2;
        } else {
          break;
        }
      }
      if (!lit.empty()) {
        Piece p;
        p.literal = std::move(lit);
        pieces.push_back(std::move(p));
      }
      if (pos >= fmt.size()) break;
      if (cnt >= rhs->elts.size()) return false;  // more units than items
      ++pos;                                      // the '%'
      bool ljust = false;
      int width = -1, prec = -1;
      auto next = [&](char* ch) {
        if (pos >= fmt.size()) return false;
        *ch = fmt[pos++];
        return true;
      };
      char ch;
      if (!next(&ch)) return false;
      while (ch == '-' || ch == '+' || ch == ' ' || ch == '#' || ch == '0') {
        ljust |= ch == '-';
        if (!next(&ch)) return false;
      }
      if (ch >= '0' && ch <= '9') {
        width = 0;
        for (int digits = 0; ch >= '0' && ch <= '9';) {
          width = width * 10 + (ch - '0');
          if (!next(&ch) || ++digits >= kMaxDigits) return false;
        }
      }
      if (ch == '.') {
        if (!next(&ch)) return false;
        prec = 0;
        for (int digits = 0; ch >= '0' && ch <= '9';) {
          prec = prec * 10 + (ch - '0');
          if (!next(&ch) || ++digits >= kMaxDigits) return false;
        }
      }
      if (ch != 's' && ch != 'r' && ch != 'a') return false;
      Piece p;
      p.arg = int(cnt++);
      p.conversion = ch == 's' ? 1 : ch == 'r' ? 2 : 3;
      if (!ljust && width > 0) p.spec += '>';
      if (width >= 0) p.spec += std::to_string(width);
      if (prec >= 0) p.spec += "." + std::to_string(prec);
      pieces.push_back(std::move(p));
    }
    if (cnt < rhs->elts.size()) return false;  // more items than units
    for (auto& p : pieces) {
      if (p.arg < 0) {
        load_const(Constant::str(p.literal));
        continue;
      }
      compile_expr(*rhs->elts[p.arg]);
      uint32_t arg = uint32_t(p.conversion);
      if (!p.spec.empty()) {
        load_const(Constant::str(p.spec));
        arg |= 4;
      }
      emit(Op::FORMAT_VALUE, arg);
    }
    if (pieces.size() != 1) emit(Op::BUILD_STRING, uint32_t(pieces.size()));
    return true;
  }

  // [receiver, value] -> SEND loop -> [result] (CPython's compiler_add_yield_from).
  void add_yield_from() {
    int start = new_label(), exit = new_label();
    use_label(start);
    emit_jump(Op::SEND, exit);
    emit(Op::YIELD_VALUE);
    emit_pseudo(kJumpNoInterrupt, start);
    use_label(exit);
  }

  void compile_compare(const ast::Compare& c) {
    compile_expr(*c.left);
    size_t n = c.ops.size();
    auto comparator = [&](size_t i) {
      // `x in [1, 2]` tests against a constant tuple (last comparator only).
      if (i + 1 == n && (c.ops[i] == ast::CmpOpKind::In || c.ops[i] == ast::CmpOpKind::NotIn))
        compile_iterable(*c.comparators[i]);
      else
        compile_expr(*c.comparators[i]);
    };
    if (n == 1) {
      comparator(0);
      emit_compare(c.ops[0]);
      return;
    }
    int cleanup = new_label();
    for (size_t i = 0; i + 1 < n; ++i) {
      comparator(i);
      emit(Op::SWAP, 2);
      emit(Op::COPY, 2);
      emit_compare(c.ops[i]);
      emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
    }
    comparator(n - 1);
    emit_compare(c.ops.back());
    int end = new_label();
    unset_loc();
    jump(end);
    use_label(cleanup);
    emit(Op::SWAP, 2);
    emit(Op::POP_TOP);
    use_label(end);
  }

  // CPython's starunpack_helper. `pushed` items are already on the stack.
  void starunpack_helper(const ast::ExprList& elts, uint32_t pushed, Op build, Op add, Op extend,
                         bool tuple) {
    size_t n = elts.size();
    if (n > 2 && add != Op::SET_ADD) {
      if (auto folded = const_tuple(elts)) {
        if (tuple && pushed == 0) {
          load_const(*folded);
        } else {
          emit(build, pushed);
          load_const(*folded);
          emit(extend, 1);
          if (tuple) emit(Op::LIST_TO_TUPLE);
        }
        return;
      }
    }
    bool big = n + pushed > size_t(kStackUseGuideline);
    bool seen_star = false;
    for (auto& x : elts) seen_star |= x->kind == ast::ExprKind::Starred;
    if (!seen_star && !big) {
      if (tuple && pushed == 0) {
        if (auto folded = const_tuple(elts)) {  // CPython folds this BUILD_TUPLE
          load_const(*folded);
          return;
        }
      }
      for (auto& x : elts) compile_expr(*x);
      emit(tuple ? Op::BUILD_TUPLE : build, uint32_t(n + pushed));
      return;
    }
    bool built = false;
    if (big) {
      emit(build, pushed);
      built = true;
    }
    for (size_t i = 0; i < n; ++i) {
      const ast::Expr& x = *elts[i];
      if (auto* st = x.as<ast::Starred>()) {
        if (!built) {
          emit(build, uint32_t(i + pushed));
          built = true;
        }
        compile_expr(*st->value);
        emit(extend, 1);
      } else {
        compile_expr(x);
        if (built) emit(add, 1);
      }
    }
    if (tuple) emit(Op::LIST_TO_TUPLE);
  }

  void compile_subdict(const ast::Dict& d, size_t begin, size_t end) {
    size_t n = end - begin;
    bool big = n * 2 > size_t(kStackUseGuideline);
    if (n > 1 && !big) {
      Constant keys;
      keys.kind = Constant::Kind::Tuple;
      bool all_const = true;
      for (size_t i = begin; i < end && all_const; ++i) {
        auto k = fold(*d.keys[i]);
        if (k)
          keys.items.push_back(std::move(*k));
        else
          all_const = false;
      }
      if (all_const) {
        for (size_t i = begin; i < end; ++i) compile_expr(*d.values[i]);
        load_const(keys);
        emit(Op::BUILD_CONST_KEY_MAP, uint32_t(n));
        return;
      }
    }
    if (big) emit(Op::BUILD_MAP, 0);
    for (size_t i = begin; i < end; ++i) {
      compile_expr(*d.keys[i]);
      compile_expr(*d.values[i]);
      if (big) emit(Op::MAP_ADD, 1);
    }
    if (!big) emit(Op::BUILD_MAP, uint32_t(n));
  }

  void compile_dict(const ast::Dict& d) {
    size_t n = d.values.size(), elements = 0;
    bool have_dict = false;
    for (size_t i = 0; i < n; ++i) {
      if (!d.keys[i]) {  // `**mapping`
        if (elements) {
          compile_subdict(d, i - elements, i);
          if (have_dict) emit(Op::DICT_UPDATE, 1);
          have_dict = true;
          elements = 0;
        }
        if (!have_dict) {
          emit(Op::BUILD_MAP, 0);
          have_dict = true;
        }
        compile_expr(*d.values[i]);
        emit(Op::DICT_UPDATE, 1);
      } else if (elements * 2 > size_t(kStackUseGuideline)) {
        compile_subdict(d, i - elements, i + 1);
        if (have_dict) emit(Op::DICT_UPDATE, 1);
        have_dict = true;
        elements = 0;
      } else {
        ++elements;
      }
    }
    if (elements) {
      compile_subdict(d, n - elements, n);
      if (have_dict) emit(Op::DICT_UPDATE, 1);
      have_dict = true;
    }
    if (!have_dict) emit(Op::BUILD_MAP, 0);
  }

  // ------------------------------------------------------------ calls

  void compile_call(const ast::Call& c) {
    if (maybe_method_call(c)) return;
    SourcePos saved = u_->loc;
    set_loc(c.func->loc);
    emit(Op::PUSH_NULL);
    u_->loc = saved;
    compile_expr(*c.func);
    call_helper(0, c.args, c.keywords);
  }

  bool maybe_method_call(const ast::Call& c) {
    auto* attr = c.func->as<ast::Attribute>();
    if (!attr) return false;
    // `module.func()` on a module-level import is a plain attribute call
    // (CPython 3.11's is_import_originated).
    if (auto* base = attr->value->as<ast::Name>()) {
      if (st_.top->flags_of(base->id) & kDefImport) return false;
    }
    size_t argsl = c.args.size(), kwdsl = c.keywords.size();
    if (argsl + kwdsl + (kwdsl != 0) >= size_t(kStackUseGuideline)) return false;
    for (auto& a : c.args)
      if (a->kind == ast::ExprKind::Starred) return false;
    for (auto& k : c.keywords)
      if (k.arg.empty()) return false;
    validate_keywords(c.keywords);
    compile_expr(*attr->value);
    SourcePos saved = u_->loc;
    set_loc(attr->loc);
    emit_name(Op::LOAD_METHOD, mangled(attr->attr));
    u_->loc = saved;
    for (auto& a : c.args) compile_expr(*a);
    for (auto& k : c.keywords) compile_expr(*k.value);
    emit_call(uint32_t(argsl + kwdsl), c.keywords);
    return true;
  }

  // CALL argc, or CALL_KW argc with the keyword names as a tuple on top.
  void emit_call(uint32_t argc, const std::vector<ast::Keyword>& kws) {
    if (kws.empty()) {
      emit(Op::CALL, argc);
      return;
    }
    Constant names;
    names.kind = Constant::Kind::Tuple;
    for (auto& k : kws) names.items.push_back(Constant::str(k.arg));
    load_const(names);
    emit(Op::CALL_KW, argc);
  }

  void validate_keywords(const std::vector<ast::Keyword>& kws) {
    if (kws.size() < 2) return;
    std::unordered_map<std::string_view, int> seen;
    for (auto& k : kws) {
      if (k.arg.empty()) continue;
      if (!seen.emplace(k.arg, 1).second) {
        set_loc(k.loc);
        error("keyword argument repeated: " + k.arg);
      }
    }
  }

  void call_helper(uint32_t n, const ast::ExprList& args, const std::vector<ast::Keyword>& kws) {
    validate_keywords(kws);
    size_t nelts = args.size(), nkw = kws.size();
    bool ex_call = nelts + nkw * 2 > size_t(kStackUseGuideline);
    for (auto& a : args) ex_call |= a->kind == ast::ExprKind::Starred;
    for (auto& k : kws) ex_call |= k.arg.empty();
    if (!ex_call) {
      for (auto& a : args) compile_expr(*a);
      for (auto& k : kws) compile_expr(*k.value);
      emit_call(uint32_t(n + nelts + nkw), kws);
      return;
    }
    // Positional arguments as one tuple.
    if (n == 0 && nelts == 1 && args[0]->kind == ast::ExprKind::Starred) {
      compile_expr(*static_cast<const ast::Starred&>(*args[0]).value);
    } else {
      starunpack_helper(args, n, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true);
    }
    // Keyword arguments as one dict.
    if (nkw) {
      bool have_dict = false;
      size_t nseen = 0;
      for (size_t i = 0; i < nkw; ++i) {
        if (kws[i].arg.empty()) {
          if (nseen) {
            compile_subkwargs(kws, i - nseen, i);
            if (have_dict) emit(Op::DICT_MERGE, 1);
            have_dict = true;
            nseen = 0;
          }
          if (!have_dict) {
            emit(Op::BUILD_MAP, 0);
            have_dict = true;
          }
          compile_expr(*kws[i].value);
          emit(Op::DICT_MERGE, 1);
        } else {
          ++nseen;
        }
      }
      if (nseen) {
        compile_subkwargs(kws, nkw - nseen, nkw);
        if (have_dict) emit(Op::DICT_MERGE, 1);
      }
    }
    emit(Op::CALL_FUNCTION_EX, nkw > 0 ? 1 : 0);
  }

  void compile_subkwargs(const std::vector<ast::Keyword>& kws, size_t begin, size_t end) {
    size_t n = end - begin;
    bool big = n * 2 > size_t(kStackUseGuideline);
    if (n > 1 && !big) {
      Constant keys;
      keys.kind = Constant::Kind::Tuple;
      for (size_t i = begin; i < end; ++i) {
        compile_expr(*kws[i].value);
        keys.items.push_back(Constant::str(kws[i].arg));
      }
      load_const(keys);
      emit(Op::BUILD_CONST_KEY_MAP, uint32_t(n));
      return;
    }
    if (big) emit(Op::BUILD_MAP, 0);
    for (size_t i = begin; i < end; ++i) {
      load_const(Constant::str(kws[i].arg));
      compile_expr(*kws[i].value);
      if (big) emit(Op::MAP_ADD, 1);
    }
    if (!big) emit(Op::BUILD_MAP, uint32_t(n));
  }
};

}  // namespace

std::shared_ptr<CodeProto> compile_ast(const ast::Module& mod, const std::string& filename,
                                       std::string_view source) {
  auto st = build_symtable(mod, filename);
  Compiler compiler(filename, *st, source);
  return compiler.compile_module(mod);
}

std::shared_ptr<CodeProto> compile_eval(std::string_view source, const std::string& filename) {
  // CPython strips leading blanks from eval() input; the rest must be one expression.
  size_t skip = 0;
  while (skip < source.size() && (source[skip] == ' ' || source[skip] == '\t')) ++skip;
  source.remove_prefix(skip);
  auto mod = parse_module(source, filename);
  const ast::ExprStmt* stmt = mod->body.size() == 1 ? mod->body[0]->as<ast::ExprStmt>() : nullptr;
  if (!stmt) {
    // CPython's eval-mode parser fails at the first token that cannot continue
    // an expression: the second statement, an assignment's '=', or the
    // statement's keyword. (An empty source reports line 0, column 0.)
    SyntaxErrorInfo err;
    err.msg = "invalid syntax";
    err.filename = filename;
    auto line_text = [&](int line) {
      size_t pos = 0;
      for (int l = 1; l < line && pos != std::string_view::npos; ++l) {
        pos = source.find('\n', pos);
        if (pos != std::string_view::npos) ++pos;
      }
      if (pos == std::string_view::npos) return std::string();
      size_t end = source.find('\n', pos);
      return std::string(source.substr(pos, end == std::string_view::npos ? end : end - pos));
    };
    if (mod->body.empty()) throw err;
    const ast::Stmt& bad = mod->body.size() > 1 ? *mod->body[1] : *mod->body[0];
    std::string text = line_text(bad.loc.line);
    int col = bad.loc.col, end = bad.loc.col;
    auto is_word = [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80);
    };
    const ast::Expr* target = nullptr;
    if (mod->body.size() == 1) {
      if (auto* a = bad.as<ast::Assign>())
        target = a->targets[0].get();
      else if (auto* a = bad.as<ast::AugAssign>())
        target = a->target.get();
      else if (auto* a = bad.as<ast::AnnAssign>())
        target = a->target.get();
    }
    if (target && target->loc.end_line == bad.loc.line) {
      col = target->loc.end_col;
      while (size_t(col) < text.size() && (text[size_t(col)] == ' ' || text[size_t(col)] == '\t'))
        ++col;
      end = col + 1;
      while (size_t(end) < text.size() && std::strchr("=+-*/%&|^<>@:", text[size_t(end)]) &&
             text[size_t(end) - 1] != '=')
        ++end;
    } else {
      while (size_t(end) < text.size() && is_word(text[size_t(end)])) ++end;
      if (end == col) ++end;
    }
    err.lineno = err.end_lineno = bad.loc.line;
    err.offset = col + 1;
    err.end_offset = end + 1;
    err.text = text;
    throw err;
  }
  auto st = build_symtable(*mod, filename);
  Compiler compiler(filename, *st, source);
  return compiler.compile_expression(*mod, *stmt->value);
}

std::shared_ptr<CodeProto> compile_module(std::string_view source, const std::string& filename) {
  try {
    auto mod = parse_module(source, filename);
    return compile_ast(*mod, filename, source);
  } catch (SyntaxErrorInfo& err) {
    // Errors found after parsing carry no source text yet: add the line.
    if (err.text.empty() && err.lineno > 0) {
      size_t pos = 0;
      for (int line = 1; line < err.lineno && pos != std::string_view::npos; ++line) {
        pos = source.find('\n', pos);
        if (pos != std::string_view::npos) ++pos;
      }
      if (pos != std::string_view::npos && pos <= source.size()) {
        size_t end = source.find('\n', pos);
        std::string_view line = source.substr(pos, end == std::string_view::npos ? end : end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        err.text = std::string(line);
      }
    }
    throw;
  }
}

}  // namespace kestrel
