// Symbol table construction (pass 1: collect flags per block) and analysis
// (pass 2: resolve scopes, cells and free variables), following CPython 3.11's
// Python/symtable.c closely, including its error messages and locations.
#include "front/symtable.h"

#include <algorithm>
#include <unordered_set>

#include "front/frontend.h"

namespace kestrel {

using NameSet = std::unordered_set<std::string>;

Symbol& SymtableEntry::lookup_or_insert(const std::string& name) {
  auto [it, inserted] = index.emplace(name, int(symbols.size()));
  if (inserted) symbols.push_back(Symbol{name, 0, Scope::Unknown});
  return symbols[it->second];
}

std::string mangle(const std::string& private_name, const std::string& name) {
  if (private_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return name;
  // Dunder names and dotted import names are never mangled.
  if (name.size() >= 4 && name[name.size() - 1] == '_' && name[name.size() - 2] == '_') return name;
  if (name.find('.') != std::string::npos) return name;
  size_t i = 0;
  while (i < private_name.size() && private_name[i] == '_') ++i;
  if (i == private_name.size()) return name;  // class name is all underscores
  return "_" + private_name.substr(i) + name;
}

namespace {

[[noreturn]] void raise_at(const std::string& filename, const std::string& msg,
                           const ast::Loc& loc) {
  SyntaxErrorInfo err;
  err.msg = msg;
  err.filename = filename;
  err.lineno = loc.line;
  err.offset = loc.col + 1;
  err.end_lineno = loc.end_line;
  err.end_offset = loc.end_col + 1;
  throw err;
}

class Builder {
 public:
  Builder(Symtable& st, const std::string& filename) : st_(st), filename_(filename) {}

  void build(const ast::Module& mod) {
    enter_block("top", BlockType::Module, &mod, ast::Loc{1, 0, 1, 0});
    st_.top = cur_;
    for (auto& s : mod.body) visit_stmt(*s);
    exit_block();
  }

 private:
  Symtable& st_;
  const std::string& filename_;
  std::vector<SymtableEntry*> stack_;
  SymtableEntry* cur_ = nullptr;
  std::string private_;

  [[noreturn]] void error(const std::string& msg, const ast::Loc& loc) {
    raise_at(filename_, msg, loc);
  }

  void enter_block(const std::string& name, BlockType type, const void* node, const ast::Loc& loc) {
    auto ste = std::make_unique<SymtableEntry>();
    ste->type = type;
    ste->name = name;
    ste->node = node;
    ste->loc = loc;
    if (cur_ && (cur_->nested || cur_->type == BlockType::Function)) ste->nested = true;
    SymtableEntry* raw = ste.get();
    st_.entries.push_back(std::move(ste));
    st_.by_node[node] = raw;
    if (cur_) cur_->children.push_back(raw);
    stack_.push_back(raw);
    cur_ = raw;
  }

  void exit_block() {
    stack_.pop_back();
    cur_ = stack_.empty() ? nullptr : stack_.back();
  }

  void add_def(const std::string& name, uint32_t flag, const ast::Loc& loc) {
    add_def_helper(name, flag, cur_, loc);
  }

  void add_def_helper(const std::string& name, uint32_t flag, SymtableEntry* ste,
                      const ast::Loc& loc) {
    std::string mangled = mangle(private_, name);
    Symbol& sym = ste->lookup_or_insert(mangled);
    uint32_t val = sym.flags;
    if ((flag & kDefParam) && (val & kDefParam))
      error("duplicate argument '" + name + "' in function definition", loc);
    val |= flag;
    if (ste->comp_iter_target) {
      if (val & (kDefGlobal | kDefNonlocal))
        error("comprehension inner loop cannot rebind assignment expression target '" + name + "'",
              loc);
      val |= kDefCompIter;
    }
    sym.flags = val;
    if (flag & kDefParam) {
      ste->varnames.push_back(mangled);
    } else if (flag & kDefGlobal) {
      // As CPython: a global declaration anywhere also marks the module's symbol.
      st_.top->lookup_or_insert(mangled).flags |= flag;
    }
  }

  uint32_t lookup(const std::string& name) { return cur_->flags_of(mangle(private_, name)); }

  // ------------------------------------------------------------ statements

  void visit_body(const ast::StmtList& body) {
    for (auto& s : body) visit_stmt(*s);
  }

  void visit_stmt(const ast::Stmt& s) {
    using K = ast::StmtKind;
    switch (s.kind) {
      case K::FunctionDef: {
        auto& f = static_cast<const ast::FunctionDef&>(s);
        add_def(f.name, kDefLocal, s.loc);
        for (auto& d : f.args->defaults) visit_expr(*d);
        for (auto& d : f.args->kw_defaults)
          if (d) visit_expr(*d);
        visit_annotations(*f.args, f.returns.get());
        for (auto& d : f.decorator_list) visit_expr(*d);
        enter_block(f.name, BlockType::Function, &f, s.loc);
        visit_params(*f.args);
        visit_body(f.body);
        exit_block();
        break;
      }
      case K::ClassDef: {
        auto& c = static_cast<const ast::ClassDef&>(s);
        add_def(c.name, kDefLocal, s.loc);
        for (auto& b : c.bases) visit_expr(*b);
        for (auto& k : c.keywords) visit_expr(*k.value);
        for (auto& d : c.decorator_list) visit_expr(*d);
        enter_block(c.name, BlockType::Class, &c, s.loc);
        std::string saved = private_;
        private_ = c.name;
        visit_body(c.body);
        private_ = saved;
        exit_block();
        break;
      }
      case K::Return: {
        auto& r = static_cast<const ast::Return&>(s);
        if (r.value) {
          visit_expr(*r.value);
          cur_->returns_value = true;
        }
        break;
      }
      case K::Delete:
        for (auto& t : static_cast<const ast::Delete&>(s).targets)
          visit_expr(*t, ast::ExprContext::Del);
        break;
      case K::Assign: {
        auto& a = static_cast<const ast::Assign&>(s);
        for (auto& t : a.targets) visit_expr(*t, ast::ExprContext::Store);
        visit_expr(*a.value);
        break;
      }
      case K::AnnAssign: {
        auto& a = static_cast<const ast::AnnAssign&>(s);
        if (auto* n = a.target->as<ast::Name>()) {
          uint32_t cur = lookup(n->id);
          if ((cur & (kDefGlobal | kDefNonlocal)) && cur_ != st_.top && a.simple) {
            error(std::string("annotated name '") + n->id + "' can't be " +
                      ((cur & kDefGlobal) ? "global" : "nonlocal"),
                  s.loc);
          }
          if (a.simple) {
            add_def(n->id, kDefAnnot | kDefLocal, n->loc);
          } else if (a.value) {
            add_def(n->id, kDefLocal, n->loc);
          }
        } else {
          visit_expr(*a.target, ast::ExprContext::Store);
        }
        visit_expr(*a.annotation);
        if (a.value) visit_expr(*a.value);
        break;
      }
      case K::AugAssign: {
        auto& a = static_cast<const ast::AugAssign&>(s);
        visit_expr(*a.target, ast::ExprContext::Store);
        visit_expr(*a.value);
        break;
      }
      case K::For: {
        auto& f = static_cast<const ast::For&>(s);
        visit_expr(*f.target, ast::ExprContext::Store);
        visit_expr(*f.iter);
        visit_body(f.body);
        visit_body(f.orelse);
        break;
      }
      case K::While: {
        auto& w = static_cast<const ast::While&>(s);
        visit_expr(*w.test);
        visit_body(w.body);
        visit_body(w.orelse);
        break;
      }
      case K::If: {
        auto& i = static_cast<const ast::If&>(s);
        visit_expr(*i.test);
        visit_body(i.body);
        visit_body(i.orelse);
        break;
      }
      case K::With: {
        auto& w = static_cast<const ast::With&>(s);
        for (auto& item : w.items) {
          visit_expr(*item.context_expr);
          if (item.optional_vars) visit_expr(*item.optional_vars, ast::ExprContext::Store);
        }
        visit_body(w.body);
        break;
      }
      case K::Raise: {
        auto& r = static_cast<const ast::Raise&>(s);
        if (r.exc) {
          visit_expr(*r.exc);
          if (r.cause) visit_expr(*r.cause);
        }
        break;
      }
      case K::Try: {
        auto& t = static_cast<const ast::Try&>(s);
        visit_body(t.body);
        visit_body(t.orelse);
        for (auto& h : t.handlers) {
          if (h.type) visit_expr(*h.type);
          if (!h.name.empty()) add_def(h.name, kDefLocal, h.loc);
          visit_body(h.body);
        }
        visit_body(t.finalbody);
        break;
      }
      case K::Assert: {
        auto& a = static_cast<const ast::Assert&>(s);
        visit_expr(*a.test);
        if (a.msg) visit_expr(*a.msg);
        break;
      }
      case K::Import:
        for (auto& a : static_cast<const ast::Import&>(s).names) visit_alias(a, s.loc);
        break;
      case K::ImportFrom:
        for (auto& a : static_cast<const ast::ImportFrom&>(s).names) visit_alias(a, s.loc);
        break;
      case K::Global:
        for (auto& name : static_cast<const ast::Global&>(s).names) {
          uint32_t cur = lookup(name);
          if (cur & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
            std::string msg;
            if (cur & kDefParam) {
              msg = "name '" + name + "' is parameter and global";
            } else if (cur & kUse) {
              msg = "name '" + name + "' is used prior to global declaration";
            } else if (cur & kDefAnnot) {
              msg = "annotated name '" + name + "' can't be global";
            } else {
              msg = "name '" + name + "' is assigned to before global declaration";
            }
            error(msg, s.loc);
          }
          add_def(name, kDefGlobal, s.loc);
          cur_->directives.emplace_back(mangle(private_, name), s.loc);
        }
        break;
      case K::Nonlocal:
        for (auto& name : static_cast<const ast::Nonlocal&>(s).names) {
          uint32_t cur = lookup(name);
          if (cur & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
            std::string msg;
            if (cur & kDefParam) {
              msg = "name '" + name + "' is parameter and nonlocal";
            } else if (cur & kUse) {
              msg = "name '" + name + "' is used prior to nonlocal declaration";
            } else if (cur & kDefAnnot) {
              msg = "annotated name '" + name + "' can't be nonlocal";
            } else {
              msg = "name '" + name + "' is assigned to before nonlocal declaration";
            }
            error(msg, s.loc);
          }
          add_def(name, kDefNonlocal, s.loc);
          cur_->directives.emplace_back(mangle(private_, name), s.loc);
        }
        break;
      case K::Expr:
        visit_expr(*static_cast<const ast::ExprStmt&>(s).value);
        break;
      case K::Pass:
      case K::Break:
      case K::Continue:
        break;
      case K::AsyncFunctionDef:
      case K::AsyncFor:
      case K::AsyncWith:
      case K::Match:
      case K::TryStar:
        error("this statement is not supported by Kestrel", s.loc);
    }
  }

  void visit_alias(const ast::Alias& a, const ast::Loc& stmt_loc) {
    std::string store = a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname;
    if (a.name == "*") {
      if (cur_->type != BlockType::Module)
        error("import * only allowed at module level", a.loc.line ? a.loc : stmt_loc);
      return;
    }
    add_def(store, kDefImport, a.loc.line ? a.loc : stmt_loc);
  }

  void visit_annotations(const ast::Arguments& args, const ast::Expr* returns) {
    auto visit_list = [&](const std::vector<ast::Arg>& v) {
      for (auto& a : v)
        if (a.annotation) visit_expr(*a.annotation);
    };
    visit_list(args.posonlyargs);
    visit_list(args.args);
    if (args.vararg && args.vararg->annotation) visit_expr(*args.vararg->annotation);
    if (args.kwarg && args.kwarg->annotation) visit_expr(*args.kwarg->annotation);
    visit_list(args.kwonlyargs);
    if (returns) visit_expr(*returns);
  }

  void visit_params(const ast::Arguments& args) {
    for (auto& a : args.posonlyargs) add_def(a.name, kDefParam, a.loc);
    for (auto& a : args.args) add_def(a.name, kDefParam, a.loc);
    for (auto& a : args.kwonlyargs) add_def(a.name, kDefParam, a.loc);
    if (args.vararg) {
      add_def(args.vararg->name, kDefParam, args.vararg->loc);
      cur_->varargs = true;
    }
    if (args.kwarg) {
      add_def(args.kwarg->name, kDefParam, args.kwarg->loc);
      cur_->varkeywords = true;
    }
  }

  // ------------------------------------------------------------ expressions

  void visit_exprs(const ast::ExprList& v) {
    for (auto& e : v)
      if (e) visit_expr(*e);
  }

  // `ctx` is passed down explicitly (rather than read from the node) so that
  // targets are classified by the statement that binds them.
  void visit_expr(const ast::Expr& e, ast::ExprContext ctx = ast::ExprContext::Load) {
    using K = ast::ExprKind;
    switch (e.kind) {
      case K::BoolOp:
        visit_exprs(static_cast<const ast::BoolOp&>(e).values);
        break;
      case K::NamedExpr: {
        auto& n = static_cast<const ast::NamedExpr&>(e);
        if (cur_->comp_iter_expr > 0)
          error("assignment expression cannot be used in a comprehension iterable expression",
                e.loc);
        visit_expr(*n.value);
        auto* target = n.target->as<ast::Name>();
        if (target && cur_->comprehension != CompKind::None) extend_namedexpr_scope(*target);
        visit_expr(*n.target, ast::ExprContext::Store);
        break;
      }
      case K::BinOp: {
        auto& b = static_cast<const ast::BinOp&>(e);
        visit_expr(*b.left);
        visit_expr(*b.right);
        break;
      }
      case K::UnaryOp:
        visit_expr(*static_cast<const ast::UnaryOp&>(e).operand);
        break;
      case K::Lambda: {
        auto& l = static_cast<const ast::Lambda&>(e);
        for (auto& d : l.args->defaults) visit_expr(*d);
        for (auto& d : l.args->kw_defaults)
          if (d) visit_expr(*d);
        enter_block("lambda", BlockType::Function, &l, e.loc);
        visit_params(*l.args);
        visit_expr(*l.body);
        exit_block();
        break;
      }
      case K::IfExp: {
        auto& i = static_cast<const ast::IfExp&>(e);
        visit_expr(*i.test);
        visit_expr(*i.body);
        visit_expr(*i.orelse);
        break;
      }
      case K::Dict: {
        auto& d = static_cast<const ast::Dict&>(e);
        visit_exprs(d.keys);
        visit_exprs(d.values);
        break;
      }
      case K::Set:
        visit_exprs(static_cast<const ast::Set&>(e).elts);
        break;
      case K::ListComp: {
        auto& c = static_cast<const ast::ListComp&>(e);
        handle_comprehension(e, "listcomp", c.generators, *c.elt, nullptr, CompKind::List);
        break;
      }
      case K::SetComp: {
        auto& c = static_cast<const ast::SetComp&>(e);
        handle_comprehension(e, "setcomp", c.generators, *c.elt, nullptr, CompKind::Set);
        break;
      }
      case K::DictComp: {
        auto& c = static_cast<const ast::DictComp&>(e);
        handle_comprehension(e, "dictcomp", c.generators, *c.key, c.value.get(), CompKind::Dict);
        break;
      }
      case K::GeneratorExp: {
        auto& c = static_cast<const ast::GeneratorExp&>(e);
        handle_comprehension(e, "genexpr", c.generators, *c.elt, nullptr, CompKind::Generator);
        break;
      }
      case K::Await:
        visit_expr(*static_cast<const ast::Await&>(e).value);
        break;
      case K::Yield:
      case K::YieldFrom: {
        const ast::Expr* value = e.kind == K::Yield
                                     ? static_cast<const ast::Yield&>(e).value.get()
                                     : static_cast<const ast::YieldFrom&>(e).value.get();
        if (value) visit_expr(*value);
        raise_if_comprehension(e);
        cur_->generator = true;
        break;
      }
      case K::Compare: {
        auto& c = static_cast<const ast::Compare&>(e);
        visit_expr(*c.left);
        visit_exprs(c.comparators);
        break;
      }
      case K::Call: {
        auto& c = static_cast<const ast::Call&>(e);
        visit_expr(*c.func);
        visit_exprs(c.args);
        for (auto& k : c.keywords) visit_expr(*k.value);
        break;
      }
      case K::FormattedValue: {
        auto& f = static_cast<const ast::FormattedValue&>(e);
        visit_expr(*f.value);
        if (f.format_spec) visit_expr(*f.format_spec);
        break;
      }
      case K::JoinedStr:
        visit_exprs(static_cast<const ast::JoinedStr&>(e).values);
        break;
      case K::Constant:
        break;
      case K::Attribute:
        visit_expr(*static_cast<const ast::Attribute&>(e).value);
        break;
      case K::Subscript: {
        auto& s = static_cast<const ast::Subscript&>(e);
        visit_expr(*s.value);
        visit_expr(*s.slice);
        break;
      }
      case K::Starred:
        visit_expr(*static_cast<const ast::Starred&>(e).value, ctx);
        break;
      case K::Slice: {
        auto& s = static_cast<const ast::Slice&>(e);
        if (s.lower) visit_expr(*s.lower);
        if (s.upper) visit_expr(*s.upper);
        if (s.step) visit_expr(*s.step);
        break;
      }
      case K::Name: {
        auto& n = static_cast<const ast::Name&>(e);
        add_def(n.id, ctx == ast::ExprContext::Load ? kUse : kDefLocal, e.loc);
        // A function that calls super() needs the implicit __class__ cell.
        if (ctx == ast::ExprContext::Load && cur_->type == BlockType::Function && n.id == "super")
          add_def("__class__", kUse, e.loc);
        break;
      }
      case K::List:
        for (auto& x : static_cast<const ast::List&>(e).elts) visit_expr(*x, ctx);
        break;
      case K::Tuple:
        for (auto& x : static_cast<const ast::Tuple&>(e).elts) visit_expr(*x, ctx);
        break;
    }
  }

  void raise_if_comprehension(const ast::Expr& e) {
    const char* what = nullptr;
    switch (cur_->comprehension) {
      case CompKind::None:
        return;
      case CompKind::List:
        what = "'yield' inside list comprehension";
        break;
      case CompKind::Set:
        what = "'yield' inside set comprehension";
        break;
      case CompKind::Dict:
        what = "'yield' inside dict comprehension";
        break;
      case CompKind::Generator:
        what = "'yield' inside generator expression";
        break;
    }
    error(what, e.loc);
  }

  // A walrus inside a comprehension binds in the nearest enclosing function
  // (or module) scope: mark it nonlocal/global in the comprehension.
  void extend_namedexpr_scope(const ast::Name& target) {
    const std::string& name = target.id;
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      SymtableEntry* ste = *it;
      if (ste->comprehension != CompKind::None) {
        if (ste->flags_of(mangle(private_, name)) & kDefCompIter)
          error(
              "assignment expression cannot rebind comprehension iteration variable '" + name + "'",
              target.loc);
        continue;
      }
      if (ste->type == BlockType::Function) {
        if (ste->flags_of(mangle(private_, name)) & kDefGlobal)
          add_def(name, kDefGlobal, target.loc);
        else
          add_def(name, kDefNonlocal, target.loc);
        cur_->directives.emplace_back(mangle(private_, name), target.loc);
        add_def_helper(name, kDefLocal, ste, target.loc);
        return;
      }
      if (ste->type == BlockType::Module) {
        add_def(name, kDefGlobal, target.loc);
        cur_->directives.emplace_back(mangle(private_, name), target.loc);
        add_def_helper(name, kDefGlobal, ste, target.loc);
        return;
      }
      error("assignment expression within a comprehension cannot be used in a class body",
            target.loc);
    }
  }

  void handle_comprehension(const ast::Expr& e, const char* name,
                            const std::vector<ast::Comprehension>& gens, const ast::Expr& elt,
                            const ast::Expr* value, CompKind kind) {
    const ast::Comprehension& outer = gens.at(0);
    // The outermost iterable is evaluated in the enclosing scope.
    cur_->comp_iter_expr++;
    visit_expr(*outer.iter);
    cur_->comp_iter_expr--;
    enter_block(name, BlockType::Function, &e, e.loc);
    if (outer.is_async) cur_->coroutine = true;
    cur_->comprehension = kind;
    add_def(".0", kDefParam, e.loc);
    cur_->comp_iter_target = true;
    visit_expr(*outer.target, ast::ExprContext::Store);
    cur_->comp_iter_target = false;
    visit_exprs(outer.ifs);
    for (size_t i = 1; i < gens.size(); ++i) {
      cur_->comp_iter_target = true;
      visit_expr(*gens[i].target, ast::ExprContext::Store);
      cur_->comp_iter_target = false;
      cur_->comp_iter_expr++;
      visit_expr(*gens[i].iter);
      cur_->comp_iter_expr--;
      visit_exprs(gens[i].ifs);
    }
    if (value) visit_expr(*value);
    visit_expr(elt);
    if (kind == CompKind::Generator) cur_->generator = true;
    exit_block();
  }
};

// ---------------------------------------------------------------- analysis

class Analyzer {
 public:
  explicit Analyzer(const std::string& filename) : filename_(filename) {}

  void analyze(SymtableEntry* top) {
    NameSet free, global;
    analyze_block(top, nullptr, free, global);
  }

 private:
  const std::string& filename_;

  [[noreturn]] void error_at_directive(SymtableEntry* ste, const std::string& name,
                                       const std::string& msg) {
    for (auto& [n, loc] : ste->directives)
      if (n == name) raise_at(filename_, msg, loc);
    raise_at(filename_, msg, ste->loc);
  }

  void analyze_name(SymtableEntry* ste, std::unordered_map<std::string, Scope>& scopes,
                    const std::string& name, uint32_t flags, NameSet* bound, NameSet& local,
                    NameSet& free, NameSet& global) {
    if (flags & kDefGlobal) {
      if (flags & kDefNonlocal)
        error_at_directive(ste, name, "name '" + name + "' is nonlocal and global");
      scopes[name] = Scope::GlobalExplicit;
      global.insert(name);
      // Children must not see an enclosing binding of a name declared global here.
      if (bound) bound->erase(name);
      return;
    }
    if (flags & kDefNonlocal) {
      if (!bound) error_at_directive(ste, name, "nonlocal declaration not allowed at module level");
      if (!bound->count(name))
        error_at_directive(ste, name, "no binding for nonlocal '" + name + "' found");
      scopes[name] = Scope::Free;
      ste->has_free = true;
      free.insert(name);
      return;
    }
    if (flags & kDefBound) {
      scopes[name] = Scope::Local;
      local.insert(name);
      global.erase(name);
      return;
    }
    if (bound && bound->count(name)) {
      scopes[name] = Scope::Free;
      ste->has_free = true;
      free.insert(name);
      return;
    }
    if (global.count(name)) {
      scopes[name] = Scope::GlobalImplicit;
      return;
    }
    if (ste->nested) ste->has_free = true;
    scopes[name] = Scope::GlobalImplicit;
  }

  // `bound` is null for the module block (CPython passes NULL there).
  void analyze_block(SymtableEntry* ste, NameSet* bound, NameSet& free, NameSet& global) {
    NameSet local, newbound, newfree, newglobal;
    std::unordered_map<std::string, Scope> scopes;
    if (ste->type == BlockType::Class) {
      // Class names are not visible to nested functions, but globals are.
      newglobal = global;
      if (bound) newbound = *bound;
    }
    for (auto& sym : ste->symbols)
      analyze_name(ste, scopes, sym.name, sym.flags, bound, local, free, global);
    if (ste->type != BlockType::Class) {
      if (ste->type == BlockType::Function) newbound.insert(local.begin(), local.end());
      if (bound) newbound.insert(bound->begin(), bound->end());
      newglobal.insert(global.begin(), global.end());
    } else {
      newbound.insert("__class__");
    }
    NameSet allfree;
    for (SymtableEntry* child : ste->children) {
      NameSet temp_bound = newbound, temp_free = newfree, temp_global = newglobal;
      analyze_block(child, &temp_bound, temp_free, temp_global);
      allfree.insert(temp_free.begin(), temp_free.end());
      if (child->has_free || child->child_free) ste->child_free = true;
    }
    newfree.insert(allfree.begin(), allfree.end());
    if (ste->type == BlockType::Function) {
      for (auto& [name, scope] : scopes) {
        if (scope == Scope::Local && newfree.count(name)) {
          scope = Scope::Cell;
          newfree.erase(name);
        }
      }
    } else if (ste->type == BlockType::Class) {
      if (newfree.erase("__class__")) ste->needs_class_closure = true;
    }
    update_symbols(ste, scopes, bound, newfree, ste->type == BlockType::Class);
    free.insert(newfree.begin(), newfree.end());
  }

  void update_symbols(SymtableEntry* ste, const std::unordered_map<std::string, Scope>& scopes,
                      const NameSet* bound, const NameSet& free, bool classflag) {
    for (auto& sym : ste->symbols) sym.scope = scopes.at(sym.name);
    // Iterate `free` in a deterministic order so symbol order is reproducible.
    std::vector<std::string> names(free.begin(), free.end());
    std::sort(names.begin(), names.end());
    for (auto& name : names) {
      auto it = ste->index.find(name);
      if (it != ste->index.end()) {
        Symbol& sym = ste->symbols[it->second];
        if (classflag && (sym.flags & (kDefBound | kDefGlobal))) sym.flags |= kDefFreeClass;
        continue;
      }
      if (bound && !bound->count(name)) continue;  // a global
      Symbol& sym = ste->lookup_or_insert(name);
      sym.scope = Scope::Free;
    }
  }
};

}  // namespace

std::unique_ptr<Symtable> build_symtable(const ast::Module& mod, const std::string& filename) {
  auto st = std::make_unique<Symtable>();
  Builder(*st, filename).build(mod);
  Analyzer(filename).analyze(st->top);
  return st;
}

}  // namespace kestrel
