// Builtin function objects (builtin_function_or_method) and the argument
// checking helpers native code uses, with CPython's error messages.
#include "runtime/native.h"

#include <cstring>
#include <string>

#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

Value new_builtin_function(const char* name, NativeFn fn, Value module) {
  auto* f = gc_new<BuiltinFunction>(builtin_function_type);
  f->fn = fn;
  f->name = name;
  f->kind = kBuiltinFunction;
  f->module = module;
  return Value(f);
}

void check_no_kwargs(const char* fname, Tuple* kwnames) {
  if (kwnames && kwnames->size) raise_type_error(std::string(fname) + "() takes no keyword arguments");
}

void check_nargs(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return;
  std::string f(fname);
  if (min == max) {
    if (min == 0) raise_type_error(f + "() takes no arguments (" + std::to_string(nargs) + " given)");
    if (min == 1) raise_type_error(f + "() takes exactly one argument (" + std::to_string(nargs) + " given)");
    raise_type_error(f + " expected " + std::to_string(min) + " arguments, got " + std::to_string(nargs));
  }
  if (nargs < min)
    raise_type_error(f + " expected at least " + std::to_string(min) + " argument" + (min == 1 ? "" : "s") +
                     ", got " + std::to_string(nargs));
  raise_type_error(f + " expected at most " + std::to_string(max) + " argument" + (max == 1 ? "" : "s") +
                   ", got " + std::to_string(nargs));
}

void parse_args(const char* fname, Value* args, size_t nargs, Tuple* kwnames,
                std::initializer_list<const char*> names, size_t required, Value* out,
                size_t npositional_only) {
  size_t n = names.size();
  for (size_t i = 0; i < n; ++i) out[i] = Value();
  if (nargs > n) {
    raise_type_error(std::string(fname) + "() takes at most " + std::to_string(n) + " argument" +
                     (n == 1 ? "" : "s") + " (" + std::to_string(nargs) + " given)");
  }
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  if (kwnames) {
    for (int64_t k = 0; k < kwnames->size; ++k) {
      Str* kw = kwnames->items[k].as<Str>();
      size_t idx = 0;
      bool found = false;
      for (const char* name : names) {
        if (idx >= npositional_only && str_equal_ascii(kw, name)) {
          found = true;
          break;
        }
        ++idx;
      }
      if (!found)
        raise_type_error(std::string(fname) + "() got an unexpected keyword argument '" + str_to_utf8(kw) + "'");
      if (!out[idx].empty())
        raise_type_error(std::string(fname) + "() got multiple values for argument '" + str_to_utf8(kw) + "'");
      out[idx] = args[nargs + size_t(k)];
    }
  }
  size_t idx = 0;
  for (const char* name : names) {
    if (idx < required && out[idx].empty()) {
      raise_type_error(std::string(fname) + "() missing required argument '" + name + "' (pos " +
                       std::to_string(idx + 1) + ")");
    }
    ++idx;
  }
}

}  // namespace kestrel
