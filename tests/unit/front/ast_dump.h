// Test helper: renders a Kestrel AST exactly like CPython 3.11's
// `ast.dump(tree, include_attributes=...)`, so expectations can be pasted
// straight from /usr/bin/python3.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "front/ast.h"

namespace kestrel::test {

class AstDumper {
 public:
  explicit AstDumper(bool attrs) : attrs_(attrs) {}

  std::string module(const ast::Module& m) {
    out_ = "Module(body=";
    stmts(m.body);
    out_ += ", type_ignores=[])";
    return out_;
  }
  std::string expression(const ast::Expr& e) {
    out_.clear();
    expr(&e);
    return out_;
  }

 private:
  void loc(const ast::Loc& l) {
    if (!attrs_) return;
    out_ += ", lineno=" + std::to_string(l.line) + ", col_offset=" + std::to_string(l.col) +
            ", end_lineno=" + std::to_string(l.end_line) +
            ", end_col_offset=" + std::to_string(l.end_col);
  }
  void stmts(const ast::StmtList& list) {
    out_ += "[";
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out_ += ", ";
      stmt(*list[i]);
    }
    out_ += "]";
  }
  void exprs(const ast::ExprList& list) {
    out_ += "[";
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out_ += ", ";
      expr(list[i].get());
    }
    out_ += "]";
  }
  void field(const char* name, const ast::Expr* e) {
    if (!e) return;
    out_ += std::string(", ") + name + "=";
    expr(e);
  }
  void str_repr(const std::string& s, bool bytes) {
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char q = has_single && !has_double ? '"' : '\'';
    if (bytes) out_ += 'b';
    out_ += q;
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = s[i];
      char buf[8];
      if (c == '\\') {
        out_ += "\\\\";
      } else if (c == static_cast<unsigned char>(q)) {
        out_ += '\\';
        out_ += char(c);
      } else if (c == '\n') {
        out_ += "\\n";
      } else if (c == '\r') {
        out_ += "\\r";
      } else if (c == '\t') {
        out_ += "\\t";
      } else if (!bytes && c >= 0xC0) {
        // Non-printable code points are escaped as Python's repr does (a
        // rough isprintable(): C1 controls, format/separator characters,
        // private use).
        int n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        uint32_t cp = n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
        for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
        bool printable = !(cp <= 0xA0 || cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) ||
                           (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0xE000 && cp <= 0xF8FF) ||
                           cp == 0xFEFF || cp >= 0xF0000);
        if (printable) {
          out_.append(s, i, size_t(n));
        } else if (cp <= 0xFF) {
          snprintf(buf, sizeof buf, "\\x%02x", cp);
          out_ += buf;
        } else if (cp <= 0xFFFF) {
          snprintf(buf, sizeof buf, "\\u%04x", cp);
          out_ += buf;
        } else {
          char big[16];
          snprintf(big, sizeof big, "\\U%08x", cp);
          out_ += big;
        }
        i += size_t(n) - 1;
      } else if (c < 0x20 || c == 0x7F || (bytes && c >= 0x80)) {
        snprintf(buf, sizeof buf, "\\x%02x", c);
        out_ += buf;
      } else {
        out_ += char(c);
      }
    }
    out_ += q;
  }
  void float_repr(double v) {
    if (std::isinf(v)) {
      out_ += v > 0 ? "inf" : "-inf";
      return;
    }
    char buf[64];
    int prec = 1;
    for (; prec <= 17; ++prec) {
      snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
      if (strtod(buf, nullptr) == v) break;
    }
    // buf = d.ddde[+-]XX; rebuild in Python's repr style.
    std::string s = buf;
    size_t e = s.find('e');
    std::string mant = s.substr(0, e);
    int exp = atoi(s.c_str() + e + 1);
    std::string digits;
    for (char c : mant) {
      if (c >= '0' && c <= '9') digits += c;
    }
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    std::string r;
    if (exp >= -4 && exp < 16) {
      if (exp < 0) {
        r = "0." + std::string(size_t(-exp - 1), '0') + digits;
      } else if (size_t(exp) + 1 >= digits.size()) {
        r = digits + std::string(size_t(exp) + 1 - digits.size(), '0') + ".0";
      } else {
        r = digits.substr(0, size_t(exp) + 1) + "." + digits.substr(size_t(exp) + 1);
      }
    } else {
      r = digits.substr(0, 1);
      if (digits.size() > 1) r += "." + digits.substr(1);
      char eb[16];
      snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
      r += eb;
    }
    if (v < 0 || (v == 0 && std::signbit(v))) r = "-" + r;
    out_ += r;
  }
  void constant(const Constant& c) {
    switch (c.kind) {
      case Constant::Kind::None:
        out_ += "None";
        break;
      case Constant::Kind::True:
        out_ += "True";
        break;
      case Constant::Kind::False:
        out_ += "False";
        break;
      case Constant::Kind::Ellipsis:
        out_ += "Ellipsis";
        break;
      case Constant::Kind::Int:
        out_ += std::to_string(c.int_value);
        break;
      case Constant::Kind::BigInt:
        out_ += c.text;
        break;
      case Constant::Kind::Float:
        float_repr(c.float_value);
        break;
      case Constant::Kind::Str:
        str_repr(c.text, false);
        break;
      case Constant::Kind::Bytes:
        str_repr(c.text, true);
        break;
      default:
        out_ += "?";
        break;
    }
  }
  static const char* ctx(ast::ExprContext c) {
    return c == ast::ExprContext::Load    ? "Load()"
           : c == ast::ExprContext::Store ? "Store()"
                                          : "Del()";
  }
  static const char* op(ast::Operator o) {
    static const char* names[] = {"Add()",  "BitAnd()", "FloorDiv()", "LShift()", "MatMult()",
                                  "Mult()", "Mod()",    "BitOr()",    "Pow()",    "RShift()",
                                  "Sub()",  "Div()",    "BitXor()"};
    return names[int(o)];
  }
  static const char* cmpop(ast::CmpOpKind o) {
    static const char* names[] = {"Eq()",  "NotEq()", "Lt()",    "LtE()", "Gt()",
                                  "GtE()", "Is()",    "IsNot()", "In()",  "NotIn()"};
    return names[int(o)];
  }
  void comprehensions(const std::vector<ast::Comprehension>& gens) {
    out_ += ", generators=[";
    for (size_t i = 0; i < gens.size(); ++i) {
      if (i) out_ += ", ";
      out_ += "comprehension(target=";
      expr(gens[i].target.get());
      out_ += ", iter=";
      expr(gens[i].iter.get());
      out_ += ", ifs=";
      exprs(gens[i].ifs);
      out_ += ", is_async=0)";
    }
    out_ += "]";
  }
  void arg(const ast::Arg& a) {
    out_ += "arg(arg='" + a.name + "'";
    field("annotation", a.annotation.get());
    loc(a.loc);
    out_ += ")";
  }
  void args_list(const char* name, const std::vector<ast::Arg>& list) {
    out_ += name;
    out_ += "=[";
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out_ += ", ";
      arg(list[i]);
    }
    out_ += "]";
  }
  void arguments(const ast::Arguments& a) {
    out_ += "arguments(";
    args_list("posonlyargs", a.posonlyargs);
    out_ += ", ";
    args_list("args", a.args);
    if (a.vararg) {
      out_ += ", vararg=";
      arg(*a.vararg);
    }
    out_ += ", ";
    args_list("kwonlyargs", a.kwonlyargs);
    out_ += ", kw_defaults=";
    exprs(a.kw_defaults);
    if (a.kwarg) {
      out_ += ", kwarg=";
      arg(*a.kwarg);
    }
    out_ += ", defaults=";
    exprs(a.defaults);
    out_ += ")";
  }
  void keywords(const std::vector<ast::Keyword>& kws) {
    out_ += ", keywords=[";
    for (size_t i = 0; i < kws.size(); ++i) {
      if (i) out_ += ", ";
      out_ += "keyword(";
      if (!kws[i].arg.empty()) out_ += "arg='" + kws[i].arg + "', ";
      out_ += "value=";
      expr(kws[i].value.get());
      loc(kws[i].loc);
      out_ += ")";
    }
    out_ += "]";
  }
  void expr(const ast::Expr* e) {
    if (!e) {
      out_ += "None";
      return;
    }
    using K = ast::ExprKind;
    switch (e->kind) {
      case K::BoolOp: {
        auto& n = static_cast<const ast::BoolOp&>(*e);
        out_ += std::string("BoolOp(op=") + (n.op == ast::BoolOpKind::And ? "And()" : "Or()") +
                ", values=";
        exprs(n.values);
        break;
      }
      case K::NamedExpr: {
        auto& n = static_cast<const ast::NamedExpr&>(*e);
        out_ += "NamedExpr(target=";
        expr(n.target.get());
        field("value", n.value.get());
        break;
      }
      case K::BinOp: {
        auto& n = static_cast<const ast::BinOp&>(*e);
        out_ += "BinOp(left=";
        expr(n.left.get());
        out_ += std::string(", op=") + op(n.op);
        field("right", n.right.get());
        break;
      }
      case K::UnaryOp: {
        auto& n = static_cast<const ast::UnaryOp&>(*e);
        static const char* names[] = {"Invert()", "Not()", "UAdd()", "USub()"};
        out_ += std::string("UnaryOp(op=") + names[int(n.op)] + ", operand=";
        expr(n.operand.get());
        break;
      }
      case K::Lambda: {
        auto& n = static_cast<const ast::Lambda&>(*e);
        out_ += "Lambda(args=";
        arguments(*n.args);
        field("body", n.body.get());
        break;
      }
      case K::IfExp: {
        auto& n = static_cast<const ast::IfExp&>(*e);
        out_ += "IfExp(test=";
        expr(n.test.get());
        field("body", n.body.get());
        field("orelse", n.orelse.get());
        break;
      }
      case K::Dict: {
        auto& n = static_cast<const ast::Dict&>(*e);
        out_ += "Dict(keys=";
        exprs(n.keys);
        out_ += ", values=";
        exprs(n.values);
        break;
      }
      case K::Set: {
        out_ += "Set(elts=";
        exprs(static_cast<const ast::Set&>(*e).elts);
        break;
      }
      case K::ListComp:
      case K::SetComp:
      case K::GeneratorExp: {
        const ast::Expr* elt;
        const std::vector<ast::Comprehension>* gens;
        if (e->kind == K::ListComp) {
          out_ += "ListComp(elt=";
          elt = static_cast<const ast::ListComp&>(*e).elt.get();
          gens = &static_cast<const ast::ListComp&>(*e).generators;
        } else if (e->kind == K::SetComp) {
          out_ += "SetComp(elt=";
          elt = static_cast<const ast::SetComp&>(*e).elt.get();
          gens = &static_cast<const ast::SetComp&>(*e).generators;
        } else {
          out_ += "GeneratorExp(elt=";
          elt = static_cast<const ast::GeneratorExp&>(*e).elt.get();
          gens = &static_cast<const ast::GeneratorExp&>(*e).generators;
        }
        expr(elt);
        comprehensions(*gens);
        break;
      }
      case K::DictComp: {
        auto& n = static_cast<const ast::DictComp&>(*e);
        out_ += "DictComp(key=";
        expr(n.key.get());
        field("value", n.value.get());
        comprehensions(n.generators);
        break;
      }
      case K::Await: {
        out_ += "Await(value=";
        expr(static_cast<const ast::Await&>(*e).value.get());
        break;
      }
      case K::Yield: {
        auto& n = static_cast<const ast::Yield&>(*e);
        out_ += "Yield(";
        if (n.value) {
          out_ += "value=";
          expr(n.value.get());
        }
        if (!attrs_) break;
        if (!n.value) {
          // No leading ", " when there are no fields before the attributes.
          size_t mark = out_.size();
          loc(e->loc);
          out_.erase(mark, 2);
          out_ += ")";
          return;
        }
        break;
      }
      case K::YieldFrom: {
        out_ += "YieldFrom(value=";
        expr(static_cast<const ast::YieldFrom&>(*e).value.get());
        break;
      }
      case K::Compare: {
        auto& n = static_cast<const ast::Compare&>(*e);
        out_ += "Compare(left=";
        expr(n.left.get());
        out_ += ", ops=[";
        for (size_t i = 0; i < n.ops.size(); ++i) {
          if (i) out_ += ", ";
          out_ += cmpop(n.ops[i]);
        }
        out_ += "], comparators=";
        exprs(n.comparators);
        break;
      }
      case K::Call: {
        auto& n = static_cast<const ast::Call&>(*e);
        out_ += "Call(func=";
        expr(n.func.get());
        out_ += ", args=";
        exprs(n.args);
        keywords(n.keywords);
        break;
      }
      case K::FormattedValue: {
        auto& n = static_cast<const ast::FormattedValue&>(*e);
        out_ += "FormattedValue(value=";
        expr(n.value.get());
        out_ += ", conversion=" + std::to_string(n.conversion);
        field("format_spec", n.format_spec.get());
        break;
      }
      case K::JoinedStr: {
        out_ += "JoinedStr(values=";
        exprs(static_cast<const ast::JoinedStr&>(*e).values);
        break;
      }
      case K::Constant: {
        out_ += "Constant(value=";
        constant(static_cast<const ast::ConstantExpr&>(*e).value);
        break;
      }
      case K::Attribute: {
        auto& n = static_cast<const ast::Attribute&>(*e);
        out_ += "Attribute(value=";
        expr(n.value.get());
        out_ += ", attr='" + n.attr + "', ctx=" + ctx(n.ctx);
        break;
      }
      case K::Subscript: {
        auto& n = static_cast<const ast::Subscript&>(*e);
        out_ += "Subscript(value=";
        expr(n.value.get());
        field("slice", n.slice.get());
        out_ += std::string(", ctx=") + ctx(n.ctx);
        break;
      }
      case K::Starred: {
        auto& n = static_cast<const ast::Starred&>(*e);
        out_ += "Starred(value=";
        expr(n.value.get());
        out_ += std::string(", ctx=") + ctx(n.ctx);
        break;
      }
      case K::Name: {
        auto& n = static_cast<const ast::Name&>(*e);
        out_ += "Name(id='" + n.id + "', ctx=" + ctx(n.ctx);
        break;
      }
      case K::List: {
        auto& n = static_cast<const ast::List&>(*e);
        out_ += "List(elts=";
        exprs(n.elts);
        out_ += std::string(", ctx=") + ctx(n.ctx);
        break;
      }
      case K::Tuple: {
        auto& n = static_cast<const ast::Tuple&>(*e);
        out_ += "Tuple(elts=";
        exprs(n.elts);
        out_ += std::string(", ctx=") + ctx(n.ctx);
        break;
      }
      case K::Slice: {
        auto& n = static_cast<const ast::Slice&>(*e);
        out_ += "Slice(";
        size_t mark = out_.size();
        field("lower", n.lower.get());
        field("upper", n.upper.get());
        field("step", n.step.get());
        loc(e->loc);
        if (out_.size() > mark) out_.erase(mark, 2);  // drop the first ", "
        out_ += ")";
        return;
      }
    }
    loc(e->loc);
    out_ += ")";
  }
  void stmt(const ast::Stmt& s) {
    using K = ast::StmtKind;
    switch (s.kind) {
      case K::FunctionDef: {
        auto& n = static_cast<const ast::FunctionDef&>(s);
        out_ += "FunctionDef(name='" + n.name + "', args=";
        arguments(*n.args);
        out_ += ", body=";
        stmts(n.body);
        out_ += ", decorator_list=";
        exprs(n.decorator_list);
        field("returns", n.returns.get());
        break;
      }
      case K::ClassDef: {
        auto& n = static_cast<const ast::ClassDef&>(s);
        out_ += "ClassDef(name='" + n.name + "', bases=";
        exprs(n.bases);
        keywords(n.keywords);
        out_ += ", body=";
        stmts(n.body);
        out_ += ", decorator_list=";
        exprs(n.decorator_list);
        break;
      }
      case K::Return: {
        auto& n = static_cast<const ast::Return&>(s);
        out_ += "Return(";
        size_t mark = out_.size();
        field("value", n.value.get());
        loc(s.loc);
        if (out_.size() > mark) out_.erase(mark, 2);
        out_ += ")";
        return;
      }
      case K::Delete: {
        out_ += "Delete(targets=";
        exprs(static_cast<const ast::Delete&>(s).targets);
        break;
      }
      case K::Assign: {
        auto& n = static_cast<const ast::Assign&>(s);
        out_ += "Assign(targets=";
        exprs(n.targets);
        field("value", n.value.get());
        break;
      }
      case K::AugAssign: {
        auto& n = static_cast<const ast::AugAssign&>(s);
        out_ += "AugAssign(target=";
        expr(n.target.get());
        out_ += std::string(", op=") + op(n.op);
        field("value", n.value.get());
        break;
      }
      case K::AnnAssign: {
        auto& n = static_cast<const ast::AnnAssign&>(s);
        out_ += "AnnAssign(target=";
        expr(n.target.get());
        field("annotation", n.annotation.get());
        field("value", n.value.get());
        out_ += std::string(", simple=") + (n.simple ? "1" : "0");
        break;
      }
      case K::For: {
        auto& n = static_cast<const ast::For&>(s);
        out_ += "For(target=";
        expr(n.target.get());
        field("iter", n.iter.get());
        out_ += ", body=";
        stmts(n.body);
        out_ += ", orelse=";
        stmts(n.orelse);
        break;
      }
      case K::While:
      case K::If: {
        const ast::Expr* test;
        const ast::StmtList *body, *orelse;
        if (s.kind == K::While) {
          auto& n = static_cast<const ast::While&>(s);
          out_ += "While(test=";
          test = n.test.get(), body = &n.body, orelse = &n.orelse;
        } else {
          auto& n = static_cast<const ast::If&>(s);
          out_ += "If(test=";
          test = n.test.get(), body = &n.body, orelse = &n.orelse;
        }
        expr(test);
        out_ += ", body=";
        stmts(*body);
        out_ += ", orelse=";
        stmts(*orelse);
        break;
      }
      case K::With: {
        auto& n = static_cast<const ast::With&>(s);
        out_ += "With(items=[";
        for (size_t i = 0; i < n.items.size(); ++i) {
          if (i) out_ += ", ";
          out_ += "withitem(context_expr=";
          expr(n.items[i].context_expr.get());
          field("optional_vars", n.items[i].optional_vars.get());
          out_ += ")";
        }
        out_ += "], body=";
        stmts(n.body);
        break;
      }
      case K::Raise: {
        auto& n = static_cast<const ast::Raise&>(s);
        out_ += "Raise(";
        size_t mark = out_.size();
        field("exc", n.exc.get());
        field("cause", n.cause.get());
        loc(s.loc);
        if (out_.size() > mark) out_.erase(mark, 2);
        out_ += ")";
        return;
      }
      case K::Try: {
        auto& n = static_cast<const ast::Try&>(s);
        out_ += "Try(body=";
        stmts(n.body);
        out_ += ", handlers=[";
        for (size_t i = 0; i < n.handlers.size(); ++i) {
          const auto& h = n.handlers[i];
          if (i) out_ += ", ";
          out_ += "ExceptHandler(";
          if (h.type) {
            out_ += "type=";
            expr(h.type.get());
            out_ += ", ";
          }
          if (!h.name.empty()) out_ += "name='" + h.name + "', ";
          out_ += "body=";
          stmts(h.body);
          loc(h.loc);
          out_ += ")";
        }
        out_ += "], orelse=";
        stmts(n.orelse);
        out_ += ", finalbody=";
        stmts(n.finalbody);
        break;
      }
      case K::Assert: {
        auto& n = static_cast<const ast::Assert&>(s);
        out_ += "Assert(test=";
        expr(n.test.get());
        field("msg", n.msg.get());
        break;
      }
      case K::Import:
      case K::ImportFrom: {
        const std::vector<ast::Alias>* names;
        if (s.kind == K::Import) {
          out_ += "Import(names=[";
          names = &static_cast<const ast::Import&>(s).names;
        } else {
          auto& n = static_cast<const ast::ImportFrom&>(s);
          out_ += "ImportFrom(";
          if (!n.module.empty()) out_ += "module='" + n.module + "', ";
          out_ += "names=[";
          names = &n.names;
        }
        for (size_t i = 0; i < names->size(); ++i) {
          if (i) out_ += ", ";
          out_ += "alias(name='" + (*names)[i].name + "'";
          if (!(*names)[i].asname.empty()) out_ += ", asname='" + (*names)[i].asname + "'";
          loc((*names)[i].loc);
          out_ += ")";
        }
        out_ += "]";
        if (s.kind == K::ImportFrom) {
          out_ += ", level=" + std::to_string(static_cast<const ast::ImportFrom&>(s).level);
        }
        break;
      }
      case K::Global:
      case K::Nonlocal: {
        const auto& names = s.kind == K::Global ? static_cast<const ast::Global&>(s).names
                                                : static_cast<const ast::Nonlocal&>(s).names;
        out_ += s.kind == K::Global ? "Global(names=[" : "Nonlocal(names=[";
        for (size_t i = 0; i < names.size(); ++i) {
          if (i) out_ += ", ";
          out_ += "'" + names[i] + "'";
        }
        out_ += "]";
        break;
      }
      case K::Expr: {
        out_ += "Expr(value=";
        expr(static_cast<const ast::ExprStmt&>(s).value.get());
        break;
      }
      case K::Pass:
      case K::Break:
      case K::Continue: {
        out_ += s.kind == K::Pass ? "Pass(" : s.kind == K::Break ? "Break(" : "Continue(";
        size_t mark = out_.size();
        loc(s.loc);
        if (out_.size() > mark) out_.erase(mark, 2);
        out_ += ")";
        return;
      }
      default:
        out_ += "Unsupported(";
        break;
    }
    loc(s.loc);
    out_ += ")";
  }

  bool attrs_;
  std::string out_;
};

inline std::string dump(const ast::Module& m, bool attrs = false) {
  return AstDumper(attrs).module(m);
}

}  // namespace kestrel::test
