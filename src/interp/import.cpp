// The import system: native modules (builtins, sys, math, time) and Python
// source modules/packages found on sys.path, cached in sys.modules; plus
// __build_class__, which runs a class body and calls the metaclass.
#include <sys/stat.h>

#include <cstdio>
#include <string>

#include "front/frontend.h"
#include "interp/frame.h"
#include "interp/interpreter.h"
#include "modules/builtins.h"
#include "modules/sys.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

Value make_math_module();
Value make_time_module();
Value make_posix_module();

namespace {

struct NativeModule {
  const char* name;
  Value (*make)();
};
const NativeModule kNativeModules[] = {
    {"math", make_math_module},
    {"time", make_time_module},
    {"_posix", make_posix_module},
};

bool file_exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool read_file(const std::string& path, std::string* out) {
  FILE* fp = std::fopen(path.c_str(), "rb");
  if (!fp) return false;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, fp)) > 0) out->append(buf, n);
  std::fclose(fp);
  return true;
}

}  // namespace

// Raises the SyntaxError (or subclass) that `info` describes.
[[noreturn]] void raise_syntax_error(const SyntaxErrorInfo& info) {
  Type* t = exception_type_by_name(info.type_name.c_str());
  if (!t) t = syntax_error_type;
  Value details(tuple_of({Value(str_new(info.filename)), Value::small(info.lineno), Value::small(info.offset),
                          Value(str_new(info.text)), Value::small(info.end_lineno),
                          Value::small(info.end_offset)}));
  Value args[2] = {Value(str_new(info.msg)), details};
  Value exc = exception_new(t, args, 2);
  py_setattr(exc, intern("msg"), args[0]);
  py_setattr(exc, intern("filename"), Value(str_new(info.filename)));
  py_setattr(exc, intern("lineno"), Value::small(info.lineno));
  py_setattr(exc, intern("offset"), Value::small(info.offset));
  py_setattr(exc, intern("text"), Value(str_new(info.text)));
  py_setattr(exc, intern("end_lineno"), Value::small(info.end_lineno));
  py_setattr(exc, intern("end_offset"), Value::small(info.end_offset));
  raise_exception(exc);
}

Code* compile_source(const std::string& source, const std::string& filename) {
  std::shared_ptr<CodeProto> proto;
  try {
    proto = compile_module(source, filename);
  } catch (const SyntaxErrorInfo& info) {
    raise_syntax_error(info);
  }
  return code_from_proto(proto);
}

// Runs a module's source in a fresh module object registered in sys.modules.
Value exec_module_source(Module* m, const std::string& source, const std::string& filename) {
  Code* code = compile_source(source, filename);
  run_code(code, m->dict, Value());
  return Value(m);
}

static Value load_source_module(Str* fullname, const std::string& path, bool is_package,
                                const std::string& pkg_dir) {
  std::string source;
  if (!read_file(path, &source)) raise(import_error_type, "cannot read " + path);
  Module* m = module_new(fullname);
  dict_set_str(m->dict, names::dunder_file, Value(str_new(path)));
  dict_set_str(m->dict, names::dunder_builtins, Value(g_thread.builtins));
  std::string name = str_to_utf8(fullname);
  if (is_package) {
    dict_set_str(m->dict, names::dunder_path, Value(list_from(std::initializer_list<Value>{Value(str_new(pkg_dir))}.begin(), 1)));
    dict_set_str(m->dict, names::dunder_package, Value(fullname));
  } else {
    size_t dot = name.rfind('.');
    dict_set_str(m->dict, names::dunder_package, Value(intern(dot == std::string::npos ? "" : name.substr(0, dot))));
  }
  Dict* modules = sys_modules();
  dict_set_str(modules, fullname, Value(m));
  try {
    exec_module_source(m, source, path);
  } catch (PyException&) {
    dict_delete(modules, Value(fullname));
    throw;
  }
  // A module may replace itself in sys.modules while executing.
  Value final_m = dict_get_str(modules, fullname);
  return final_m.empty() ? Value(m) : final_m;
}

// Finds and loads `fullname` (a dotted name whose parent is already loaded).
static Value find_and_load(Str* fullname) {
  std::string name = str_to_utf8(fullname);
  for (const NativeModule& nm : kNativeModules) {
    if (name == nm.name) {
      Value m = nm.make();
      dict_set_str(sys_modules(), fullname, m);
      return m;
    }
  }
  size_t dot = name.rfind('.');
  Value search_path;
  std::string leaf = name;
  if (dot != std::string::npos) {
    Value parent = dict_get_str(sys_modules(), intern(name.substr(0, dot)));
    leaf = name.substr(dot + 1);
    search_path = parent.empty() ? Value() : py_getattr_opt(parent, names::dunder_path);
    if (search_path.empty())
      raise(module_not_found_error_type, "No module named '" + name + "'; '" + name.substr(0, dot) +
                                             "' is not a package");
  } else {
    Value sys = dict_get_str(sys_modules(), intern("sys"));
    search_path = py_getattr(sys, intern("path"));
  }
  Value it = py_iter(search_path);
  for (Value dirv = py_next(it); !dirv.empty(); dirv = py_next(it)) {
    if (!is_str(dirv)) continue;
    std::string dir = str_to_utf8(dirv.as<Str>());
    if (dir.empty()) dir = ".";
    std::string base = dir + "/" + leaf;
    if (file_exists(base + "/__init__.py")) return load_source_module(fullname, base + "/__init__.py", true, base);
    if (file_exists(base + ".py")) return load_source_module(fullname, base + ".py", false, "");
  }
  Value exc_msg(str_new("No module named '" + name + "'"));
  Value exc = exception_new(module_not_found_error_type, &exc_msg, 1);
  py_setattr(exc, intern("name"), Value(fullname));
  raise_exception(exc);
}

static Value import_absolute(const std::string& name) {
  Dict* modules = sys_modules();
  Value m;
  size_t start = 0;
  for (;;) {
    size_t dot = name.find('.', start);
    std::string prefix = name.substr(0, dot);
    Str* key = intern(prefix);
    m = dict_get_str(modules, key);
    if (m.empty() || is_none(m)) {
      m = find_and_load(key);
      if (dot != std::string::npos || true) {
        size_t pdot = prefix.rfind('.');
        if (pdot != std::string::npos) {
          Value parent = dict_get_str(modules, intern(prefix.substr(0, pdot)));
          if (!parent.empty()) py_setattr(parent, intern(prefix.substr(pdot + 1)), m);
        }
      }
    }
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return m;
}

static std::string resolve_relative(const std::string& name, Value globals, int level) {
  Dict* g = globals.as<Dict>();
  Value pkg = dict_get_str(g, names::dunder_package);
  std::string package;
  if (!pkg.empty() && is_str(pkg)) {
    package = str_to_utf8(pkg.as<Str>());
  } else {
    Value modname = dict_get_str(g, names::dunder_name);
    package = modname.empty() ? "" : str_to_utf8(modname.as<Str>());
    if (dict_get_str(g, names::dunder_path).empty()) {
      size_t dot = package.rfind('.');
      package = dot == std::string::npos ? "" : package.substr(0, dot);
    }
  }
  if (package.empty()) raise(import_error_type, "attempted relative import with no known parent package");
  for (int i = 1; i < level; ++i) {
    size_t dot = package.rfind('.');
    if (dot == std::string::npos) raise(import_error_type, "attempted relative import beyond top-level package");
    package = package.substr(0, dot);
  }
  return name.empty() ? package : package + "." + name;
}

Value import_module_level(Str* name_str, Value globals, Value fromlist, int level) {
  std::string name = str_to_utf8(name_str);
  std::string fullname = level > 0 ? resolve_relative(name, globals, level) : name;
  if (fullname.empty()) raise_value_error("Empty module name");
  Value leaf = import_absolute(fullname);
  bool has_fromlist = !fromlist.empty() && !is_none(fromlist) && py_truthy(fromlist);
  if (has_fromlist) {
    // `from pkg import sub` may name submodules: import them too.
    if (!py_getattr_opt(leaf, names::dunder_path).empty()) {
      Value it = py_iter(fromlist);
      for (Value x = py_next(it); !x.empty(); x = py_next(it)) {
        if (!is_str(x) || str_equal_ascii(x.as<Str>(), "*")) continue;
        if (py_getattr_opt(leaf, x.as<Str>()).empty()) {
          try {
            import_absolute(fullname + "." + str_to_utf8(x.as<Str>()));
          } catch (PyException& e) {
            if (!is_instance(e.exc, module_not_found_error_type)) throw;
          }
        }
      }
    }
    return leaf;
  }
  if (level > 0 && name.empty()) return leaf;
  size_t dot = fullname.find('.');
  if (dot == std::string::npos) return leaf;
  if (level > 0) {
    // `from . import x` handled above; `import .a.b` is not valid syntax.
    return leaf;
  }
  return dict_get_str(sys_modules(), intern(fullname.substr(0, dot)));
}

Value import_from(Value module, Str* name) {
  Value v = py_getattr_opt(module, name);
  if (!v.empty()) return v;
  Value modname = py_getattr_opt(module, names::dunder_name);
  if (!modname.empty() && is_str(modname)) {
    std::string full = str_to_utf8(modname.as<Str>()) + "." + str_to_utf8(name);
    Value sub = dict_get_str(sys_modules(), intern(full));
    if (!sub.empty()) return sub;
  }
  std::string mname = modname.empty() ? "<unknown module name>" : str_utf8(modname);
  Value file = py_getattr_opt(module, names::dunder_file);
  std::string where = file.empty() ? "unknown location" : str_utf8(file);
  Value msg(str_new("cannot import name '" + str_to_utf8(name) + "' from '" + mname + "' (" + where + ")"));
  Value exc = exception_new(import_error_type, &msg, 1);
  py_setattr(exc, intern("msg"), msg);
  py_setattr(exc, intern("name"), modname.empty() ? none() : modname);
  py_setattr(exc, intern("path"), file.empty() ? none() : file);
  raise_exception(exc);
}

void import_star(Value module, Frame* f) {
  Value all = py_getattr_opt(module, names::dunder_all);
  Dict* target = f->locals.empty() ? f->globals : f->locals.as<Dict>();
  if (!all.empty()) {
    Value it = py_iter(all);
    for (Value n = py_next(it); !n.empty(); n = py_next(it))
      dict_set(target, n, py_getattr(module, n.as<Str>()));
    return;
  }
  Value d = py_getattr(module, names::dunder_dict);
  int64_t pos = 0;
  Value k, v;
  while (dict_next(d.as<Dict>(), &pos, &k, &v)) {
    if (is_str(k) && k.as<Str>()->length > 0 && k.as<Str>()->at(0) == '_') continue;
    dict_set(target, k, v);
  }
}

// __build_class__(func, name, *bases, metaclass=None, **kwds)
Value build_class(Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 2) raise_type_error("__build_class__: not enough arguments");
  Value func = args[0];
  Value name = args[1];
  if (type_of(func) != function_type) raise_type_error("__build_class__: func must be a function");
  if (!is_str(name)) raise_type_error("__build_class__: name is not a string");
  Tuple* bases = tuple_from(args + 2, int64_t(nargs - 2));
  Value meta;
  ValueVector kwvals;
  ValueVector kwkeys;
  if (kwnames) {
    for (int64_t i = 0; i < kwnames->size; ++i) {
      if (kwnames->items[i].as<Str>() == names::metaclass) meta = args[nargs + size_t(i)];
      else {
        kwkeys.push_back(kwnames->items[i]);
        kwvals.push_back(args[nargs + size_t(i)]);
      }
    }
  }
  if (meta.empty()) meta = bases->size ? Value(type_of(bases->items[0])) : Value(type_type);
  // The most derived metaclass among the bases wins.
  if (is_type(meta)) {
    for (int64_t i = 0; i < bases->size; ++i) {
      Type* bt = type_of(bases->items[i]);
      if (is_subtype(bt, meta.as<Type>())) meta = Value(bt);
      else if (!is_subtype(meta.as<Type>(), bt))
        raise_type_error("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
    }
  }
  Value ns;
  Value prepare = py_getattr_opt(meta, names::dunder_prepare);
  if (!prepare.empty()) {
    ValueVector pargs;
    pargs.push_back(name);
    pargs.push_back(Value(bases));
    for (size_t i = 0; i < kwvals.size(); ++i) pargs.push_back(kwvals[i]);
    Tuple* pkw = kwkeys.empty() ? nullptr : tuple_from(kwkeys.data(), int64_t(kwkeys.size()));
    ns = py_call(prepare, pargs.data(), 2, pkw);
  } else {
    ns = Value(dict_new());
  }
  Function* fn = func.as<Function>();
  Value cell = run_code(fn->code, fn->globals, ns, fn);
  ValueVector callargs;
  callargs.push_back(name);
  callargs.push_back(Value(bases));
  callargs.push_back(ns);
  for (size_t i = 0; i < kwvals.size(); ++i) callargs.push_back(kwvals[i]);
  Tuple* kwn = kwkeys.empty() ? nullptr : tuple_from(kwkeys.data(), int64_t(kwkeys.size()));
  Value cls = py_call(meta, callargs.data(), 3, kwn);
  if (type_of(cell) == cell_type && cell.as<Cell>()->value.empty()) cell.as<Cell>()->value = cls;
  // Keyword arguments go to __init_subclass__ of the parent.
  if (is_type(cls) && bases->size) {
    Type* t = cls.as<Type>();
    Tuple* mro = t->mro;
    if (mro && mro->size > 1) {
      Value sup = py_call2(Value(super_type), cls, cls);
      Value init_sub = py_getattr_opt(sup, names::dunder_init_subclass);
      if (!init_sub.empty()) py_call(init_sub, kwvals.data(), 0, kwn);
    }
  }
  return cls;
}

}  // namespace kestrel
