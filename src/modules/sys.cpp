// The native sys module: interpreter facts (version, platform, limits),
// argv/path/modules, the standard streams and a few introspection helpers.
#include "modules/sys.h"

#include <unistd.h>

#include <cfloat>
#include <climits>
#include <cstdlib>
#include <string>

#include "interp/interpreter.h"
#include "modules/builtins.h"
#include "modules/builtins_internal.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/range.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

// The exception being handled by the innermost active except block (empty
// or None when none); provided by the interpreter.
Value current_handled_exception();

int g_int_max_str_digits = 4300;

namespace {

Dict* g_sys_modules;
Value g_sys_module;
List* g_sys_path;
bool g_have_script;  // sys.argv[0] names a script file (not -c, -m, stdin)

Type* namespace_type;

// types.SimpleNamespace-like: attributes live in a dict.
struct Namespace : Object {
  Dict* dict;
};

void namespace_trace(Object* obj, Tracer& tracer) {
  tracer.mark(static_cast<Namespace*>(obj)->dict);
}
Value namespace_getattr(Value self, Str* name) {
  Value v = dict_get_str(self.as<Namespace>()->dict, name);
  if (!v.empty()) return v;
  if (name == names::dunder_dict) return Value(self.as<Namespace>()->dict);
  return generic_getattr(self, name);
}
void namespace_setattr(Value self, Str* name, Value v) {
  Dict* d = self.as<Namespace>()->dict;
  if (v.empty()) {
    if (!dict_delete(d, Value(name))) raise_attribute_error(self, name);
  } else {
    dict_set_str(d, name, v);
  }
}
Value namespace_repr(Value self) {
  std::string s = "namespace(";
  Dict* d = self.as<Namespace>()->dict;
  int64_t pos = 0;
  Value k, v;
  bool first = true;
  while (dict_next(d, &pos, &k, &v)) {
    if (!first) s += ", ";
    first = false;
    s += str_as_utf8(k) + "=" + repr_utf8(v);
  }
  return Value(str_new(s + ")"));
}

// ------------------------------------------------------------ functions

Value sys_exit(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("exit", kwnames);
  check_nargs("exit", nargs, 0, 1);
  raise_with_args(system_exit_type, args, nargs);
}

Value sys_getrecursionlimit(Value*, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("getrecursionlimit", kwnames);
  check_nargs("getrecursionlimit", nargs, 0, 0);
  return Value::small(interpreter_options().recursion_limit);
}

Value sys_setrecursionlimit(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("setrecursionlimit", kwnames);
  check_nargs("setrecursionlimit", nargs, 1, 1);
  if (is_float(args[0])) raise_type_error("'float' object cannot be interpreted as an integer");
  Value v = py_index(args[0]);
  int64_t n;
  if (!int_to_i64(v, &n) || n > INT_MAX)
    raise_overflow_error("Python int too large to convert to C int");
  if (n < 1) raise_value_error("recursion limit must be greater or equal than 1");
  interpreter_options().recursion_limit = int(n);
  return none();
}

// A rough size: the object's fixed struct plus its variable part, in the
// spirit of CPython's numbers (never exact).
Value sys_getsizeof(Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  parse_args("getsizeof", args, nargs, kwnames, {"object", "default"}, 1, a);
  Value v = a[0];
  int64_t size;
  if (v.is_small()) {
    size = 28;
  } else {
    Type* t = type_of(v);
    size = t->instance_size ? int64_t(t->instance_size) : 16;
    if (is_str(v))
      size = 49 + v.as<Str>()->length * v.as<Str>()->kind;
    else if (is_tuple(v))
      size = 40 + 8 * v.as<Tuple>()->size;
    else if (is_list(v))
      size = 56 + 8 * v.as<List>()->capacity;
    else if (is_instance(v, bytes_type))
      size = 33 + v.as<Bytes>()->length;
    else if (is_dict(v))
      size = 64 + 24 * v.as<Dict>()->capacity;
    else if (is_exact(v, int_type))
      size = 28 + 4 * int64_t(mpz_size(v.as<BigInt>()->value)) * 2;
  }
  return int_from_i64(size);
}

Value sys_intern(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("intern", kwnames);
  check_nargs("intern", nargs, 1, 1);
  if (!is_exact(args[0], str_type)) {
    raise_type_error("intern() argument must be str, not " + type_name_str(args[0]));
  }
  return Value(intern_str(args[0].as<Str>()));
}

Value sys_exc_info(Value*, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("exc_info", kwnames);
  check_nargs("exc_info", nargs, 0, 0);
  Value e = current_handled_exception();
  if (e.empty() || is_none(e)) return Value(tuple_of({none(), none(), none()}));
  static Str* tb = intern("__traceback__");
  Value t = py_getattr_opt(e, tb);
  return Value(tuple_of({Value(type_of(e)), e, t.empty() ? none() : t}));
}

Value sys_get_int_max_str_digits(Value*, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("get_int_max_str_digits", kwnames);
  check_nargs("get_int_max_str_digits", nargs, 0, 0);
  return Value::small(g_int_max_str_digits);
}

Value sys_set_int_max_str_digits(Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  parse_args("set_int_max_str_digits", args, nargs, kwnames, {"maxdigits"}, 1, a);
  Value v = py_index(a[0]);
  int64_t n;
  if (!int_to_i64(v, &n) || n > INT_MAX || n < INT_MIN)
    raise_overflow_error("Python int too large to convert to C int");
  if (n != 0 && n < 640) raise_value_error("maxdigits must be 0 or larger than 640");
  g_int_max_str_digits = int(n);
  return none();
}

Value sys_getdefaultencoding(Value*, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("getdefaultencoding", kwnames);
  check_nargs("getdefaultencoding", nargs, 0, 0);
  return Value(intern("utf-8"));
}

Value sys_getfilesystemencoding(Value*, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("getfilesystemencoding", kwnames);
  check_nargs("getfilesystemencoding", nargs, 0, 0);
  return Value(intern("utf-8"));
}

// Kestrel has no reference counts; a constant keeps programs that print
// it for information running.
Value sys_getrefcount(Value*, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("getrefcount", kwnames);
  check_nargs("getrefcount", nargs, 1, 1);
  return Value::small(2);
}

std::string executable_path() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  return std::string(buf, size_t(n));
}

void set(Value m, const char* name, Value v) { module_set(m, name, v); }
void bind_fn(Value m, const char* name, NativeFn fn) {
  module_set(m, name, new_builtin_function(name, fn, m));
}

}  // namespace

Dict* sys_modules() {
  if (!g_sys_modules) {
    g_sys_modules = dict_new();
    gc_add_root(reinterpret_cast<Object**>(&g_sys_modules));
  }
  return g_sys_modules;
}

Dict* sys_dict_or_null() {
  return g_sys_module.empty() ? nullptr : g_sys_module.as<Module>()->dict;
}

void sys_set_path0(const std::string& dir) {
  if (!g_sys_path) return;
  // CPython stores the script's directory as a real absolute path; "" stays
  // "" (-c and the REPL search the current directory).
  // A script given without a directory lives in the current one.
  std::string path = dir.empty() && g_have_script ? "." : dir;
  if (!path.empty()) {
    if (char* real = realpath(path.c_str(), nullptr)) {
      path = real;
      free(real);
    }
  }
  Value d(str_new(path));
  if (g_sys_path->size == 0)
    list_append(g_sys_path, d);
  else
    g_sys_path->items[0] = d;
}

Value make_sys_module(int argc_after_script, char** argv_for_python) {
  init_std_streams();
  Value m = new_module("sys");
  if (g_sys_module.empty()) gc_add_root(&g_sys_module);
  g_sys_module = m;
  if (!g_sys_path) gc_add_root(reinterpret_cast<Object**>(&g_sys_path));

  List* argv = list_new(0);
  for (int i = 0; i < argc_after_script; ++i) list_append(argv, Value(str_new(argv_for_python[i])));
  if (argc_after_script == 0) list_append(argv, Value(intern("")));
  set(m, "argv", Value(argv));
  set(m, "orig_argv", Value(list_from(argv->items, argv->size)));

  g_sys_path = list_new(0);
  std::string script_dir;
  if (argc_after_script > 0) {
    std::string script = argv_for_python[0];
    if (script != "-c" && script != "-m" && script != "-" && !script.empty()) {
      g_have_script = true;
      size_t slash = script.rfind('/');
      script_dir = slash == std::string::npos ? "." : script.substr(0, slash == 0 ? 1 : slash);
    }
  }
  sys_set_path0(script_dir);
  const char* lib = std::getenv("KESTREL_LIB");
#ifdef KESTREL_LIB_DIR
  if (!lib || !*lib) lib = KESTREL_LIB_DIR;
#endif
  if (lib && *lib) list_append(g_sys_path, Value(str_new(lib)));
  set(m, "path", Value(g_sys_path));
  set(m, "modules", Value(sys_modules()));
  set(m, "meta_path", Value(list_new(0)));
  set(m, "path_hooks", Value(list_new(0)));
  set(m, "path_importer_cache", Value(dict_new()));
  set(m, "warnoptions", Value(list_new(0)));
  set(m, "builtin_module_names",
      Value(tuple_of({Value(intern("builtins")), Value(intern("sys")), Value(intern("time"))})));

  set(m, "stdin", std_stream(0));
  set(m, "stdout", std_stream(1));
  set(m, "stderr", std_stream(2));
  set(m, "__stdin__", std_stream(0));
  set(m, "__stdout__", std_stream(1));
  set(m, "__stderr__", std_stream(2));

  set(m, "maxsize", int_from_i64(INT64_MAX));
  set(m, "maxunicode", Value::small(0x10FFFF));
  set(m, "byteorder", Value(intern("little")));
  set(m, "platform", Value(intern("linux")));
  set(m, "version", Value(str_new("3.11.0 (Kestrel) [GCC " __VERSION__ "]")));
  set(m, "hexversion", Value::small(0x030B00F0));
  set(m, "api_version", Value::small(1013));
  set(m, "copyright", Value(str_new("Copyright (c) Kestrel authors.")));
  set(m, "float_repr_style", Value(intern("short")));
  set(m, "dont_write_bytecode", py_bool(true));
  set(m, "prefix", Value(intern("/usr")));
  set(m, "exec_prefix", Value(intern("/usr")));
  set(m, "base_prefix", Value(intern("/usr")));
  set(m, "base_exec_prefix", Value(intern("/usr")));
  set(m, "executable", Value(str_new(executable_path())));
  set(m, "_base_executable", Value(str_new(executable_path())));

  static Type* version_info_type = make_struct_seq_type(
      "sys.version_info", {"major", "minor", "micro", "releaselevel", "serial"}, 5);
  Value vi[5] = {Value::small(3), Value::small(11), Value::small(0), Value(intern("final")),
                 Value::small(0)};
  set(m, "version_info", struct_seq_new(version_info_type, vi, 5));

  static Type* float_info_type =
      make_struct_seq_type("sys.float_info",
                           {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
                            "mant_dig", "epsilon", "radix", "rounds"},
                           11);
  Value fi[11] = {float_new(DBL_MAX),
                  Value::small(DBL_MAX_EXP),
                  Value::small(DBL_MAX_10_EXP),
                  float_new(DBL_MIN),
                  Value::small(DBL_MIN_EXP),
                  Value::small(DBL_MIN_10_EXP),
                  Value::small(DBL_DIG),
                  Value::small(DBL_MANT_DIG),
                  float_new(DBL_EPSILON),
                  Value::small(FLT_RADIX),
                  Value::small(1)};
  set(m, "float_info", struct_seq_new(float_info_type, fi, 11));

  static Type* int_info_type = make_struct_seq_type(
      "sys.int_info",
      {"bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"},
      4);
  Value ii[4] = {Value::small(30), Value::small(4), Value::small(4300), Value::small(640)};
  set(m, "int_info", struct_seq_new(int_info_type, ii, 4));

  static Type* hash_info_type = make_struct_seq_type(
      "sys.hash_info",
      {"width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"},
      9);
  Value hi[9] = {Value::small(64),      int_from_i64((int64_t(1) << 61) - 1),
                 Value::small(314159),  Value::small(0),
                 Value::small(1000003), Value(intern("siphash13")),
                 Value::small(64),      Value::small(128),
                 Value::small(0)};
  set(m, "hash_info", struct_seq_new(hash_info_type, hi, 9));

  static Type* flags_type = make_struct_seq_type(
      "sys.flags",
      {"debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site",
       "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization",
       "isolated", "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path",
       "int_max_str_digits"},
      18);
  Value fl[18];
  for (Value& v : fl) v = Value::small(0);
  fl[4] = Value::small(1);   // dont_write_bytecode
  fl[11] = Value::small(1);  // hash_randomization
  fl[14] = Value::small(1);  // utf8_mode
  fl[17] = Value::small(-1);
  set(m, "flags", struct_seq_new(flags_type, fl, 18));

  if (!namespace_type) {
    namespace_type = new_builtin_type("SimpleNamespace", nullptr, sizeof(Namespace));
    add_type_attr(namespace_type, "__module__", Value(intern("types")));
    namespace_type->trace = namespace_trace;
    namespace_type->getattr = namespace_getattr;
    namespace_type->setattr = namespace_setattr;
    namespace_type->repr = namespace_repr;
  }
  auto* impl = gc_new<Namespace>(namespace_type);
  impl->dict = dict_new();
  dict_set_str(impl->dict, intern("name"), Value(intern("kestrel")));
  dict_set_str(impl->dict, intern("cache_tag"), none());
  dict_set_str(impl->dict, intern("version"), struct_seq_new(version_info_type, vi, 5));
  dict_set_str(impl->dict, intern("hexversion"), Value::small(0x030B00F0));
  set(m, "implementation", Value(impl));

  bind_fn(m, "exit", sys_exit);
  bind_fn(m, "getrecursionlimit", sys_getrecursionlimit);
  bind_fn(m, "setrecursionlimit", sys_setrecursionlimit);
  bind_fn(m, "getsizeof", sys_getsizeof);
  bind_fn(m, "intern", sys_intern);
  bind_fn(m, "exc_info", sys_exc_info);
  bind_fn(m, "get_int_max_str_digits", sys_get_int_max_str_digits);
  bind_fn(m, "set_int_max_str_digits", sys_set_int_max_str_digits);
  bind_fn(m, "getdefaultencoding", sys_getdefaultencoding);
  bind_fn(m, "getfilesystemencoding", sys_getfilesystemencoding);
  bind_fn(m, "getrefcount", sys_getrefcount);
  return m;
}

}  // namespace kestrel
