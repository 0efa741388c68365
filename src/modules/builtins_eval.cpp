// eval(), exec() and compile(): source text goes through the ordinary front
// end (compile_eval for eval mode, compile_module otherwise) and the code
// object runs as a module-level body with the given globals and locals.
#include <string>

#include "front/frontend.h"
#include "interp/frame.h"
#include "interp/interpreter.h"
#include "modules/builtins_internal.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/function.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

Value current_globals();
Value current_locals();
[[noreturn]] void raise_syntax_error(const SyntaxErrorInfo& info);  // interp/import.cpp

namespace {

enum class Mode { Exec, Eval };

// The source text of a str / bytes-like argument; false for anything else.
bool source_text(Value v, std::string* out) {
  if (is_str(v)) {
    *out = str_to_utf8(v.as<Str>());
  } else if (is_instance(v, bytes_type)) {
    *out = std::string(v.as<Bytes>()->view());
  } else {
    return false;
  }
  if (out->find('\0') != std::string::npos)
    raise(value_error_type, "source code string cannot contain null bytes");
  return true;
}

Code* compile_text(const std::string& text, const std::string& filename, Mode mode) {
  std::shared_ptr<CodeProto> proto;
  try {
    proto = mode == Mode::Eval ? compile_eval(text, filename) : compile_module(text, filename);
  } catch (const SyntaxErrorInfo& info) {
    raise_syntax_error(info);
  }
  return code_from_proto(proto);
}

// The code object for eval/exec's first argument.
Code* code_argument(const char* fname, Value source, Mode mode) {
  if (type_of(source) == code_type) return source.as<Code>();
  std::string text;
  if (!source_text(source, &text))
    raise_type_error(std::string(fname) + "() arg 1 must be a string, bytes or code object");
  return compile_text(text, "<string>", mode);
}

// Runs `code` with CPython's defaults: no globals means the caller's globals
// and locals; globals without locals means globals for both. A globals dict
// without "__builtins__" gets the current builtins (as CPython does).
Value run_with_namespaces(Code* code, Value globals, Value locals) {
  if (globals.empty() || is_none(globals)) {
    globals = current_globals();
    if (locals.empty() || is_none(locals)) locals = current_locals();
  } else if (locals.empty() || is_none(locals)) {
    locals = globals;
  }
  Dict* g = globals.as<Dict>();
  static Str* const builtins_name = intern("__builtins__");
  if (dict_get_str(g, builtins_name).empty())
    dict_set_str(g, builtins_name, Value(g_thread.builtins));
  return run_code(code, g, locals);
}

bool is_mapping(Value v) { return is_dict(v) || !py_getattr_opt(v, intern("__getitem__")).empty(); }

Value builtin_eval(Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  parse_args("eval", args, nargs, kwnames, {"source", "globals", "locals"}, 1, a, 3);
  if (!a[1].empty() && !is_none(a[1]) && !is_dict(a[1]))
    raise_type_error(is_mapping(a[1]) ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                      : "globals must be a dict");
  if (!a[2].empty() && !is_none(a[2]) && !is_mapping(a[2]))
    raise_type_error("locals must be a mapping");
  Code* code = code_argument("eval", a[0], Mode::Eval);
  return run_with_namespaces(code, a[1], a[2]);
}

Value builtin_exec(Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  parse_args("exec", args, nargs, kwnames, {"source", "globals", "locals"}, 1, a, 3);
  if (!a[1].empty() && !is_none(a[1]) && !is_dict(a[1]))
    raise_type_error("exec() globals must be a dict, not " + type_name_str(a[1]));
  if (!a[2].empty() && !is_none(a[2]) && !is_mapping(a[2]))
    raise_type_error("locals must be a mapping or None, not " + type_name_str(a[2]));
  Code* code = code_argument("exec", a[0], Mode::Exec);
  run_with_namespaces(code, a[1], a[2]);
  return none();
}

// compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1):
// flags and optimize are accepted and ignored; 'single' compiles like 'exec'.
Value builtin_compile(Value* args, size_t nargs, Tuple* kwnames) {
  Value a[6];
  parse_args("compile", args, nargs, kwnames,
             {"source", "filename", "mode", "flags", "dont_inherit", "optimize"}, 3, a);
  if (type_of(a[0]) == code_type) return a[0];
  std::string text;
  if (!source_text(a[0], &text))
    raise_type_error("compile() arg 1 must be a string, bytes or AST object");
  if (!is_str(a[1]))
    raise_type_error("compile() argument 'filename' must be str, not " + type_name_str(a[1]));
  std::string mode = is_str(a[2]) ? str_to_utf8(a[2].as<Str>()) : "";
  if (mode != "exec" && mode != "eval" && mode != "single")
    raise(value_error_type, "compile() mode must be 'exec', 'eval' or 'single'");
  return Value(
      compile_text(text, str_to_utf8(a[1].as<Str>()), mode == "eval" ? Mode::Eval : Mode::Exec));
}

}  // namespace

void add_eval_builtins(Value module) {
  module_set(module, "eval", new_builtin_function("eval", builtin_eval, module));
  module_set(module, "exec", new_builtin_function("exec", builtin_exec, module));
  module_set(module, "compile", new_builtin_function("compile", builtin_compile, module));
}

}  // namespace kestrel
