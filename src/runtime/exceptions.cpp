// The builtin exception hierarchy and raising from C++.
#include "runtime/exceptions.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "front/frontend.h"
#include "modules/sys.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/function.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/layout.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type_internal.h"

namespace kestrel {

Type* base_exception_type;
Type* exception_type;
Type* system_exit_type;
Type* keyboard_interrupt_type;
Type* generator_exit_type;
Type* stop_iteration_type;
Type* arithmetic_error_type;
Type* zero_division_error_type;
Type* overflow_error_type;
Type* assertion_error_type;
Type* attribute_error_type;
Type* lookup_error_type;
Type* index_error_type;
Type* key_error_type;
Type* name_error_type;
Type* unbound_local_error_type;
Type* type_error_type;
Type* value_error_type;
Type* unicode_error_type;
Type* unicode_decode_error_type;
Type* unicode_encode_error_type;
Type* runtime_error_type;
Type* recursion_error_type;
Type* not_implemented_error_type;
Type* import_error_type;
Type* module_not_found_error_type;
Type* memory_error_type;
Type* os_error_type;
Type* file_not_found_error_type;
Type* eof_error_type;
Type* syntax_error_type;
Type* indentation_error_type;
Type* tab_error_type;
Type* warning_type;
Type* deprecation_warning_type;
Type* user_warning_type;
Type* runtime_warning_type;

namespace {
Value g_in_flight;  // GC root for the exception being thrown
Value g_memory_error;  // preallocated: raising it must not allocate
std::vector<Type*>* g_all_exception_types;
}  // namespace

// ------------------------------------------------------------ raising

void raise_exception(Value exc) {
  g_in_flight = exc;
  throw PyException{exc};
}

Value exception_new(Type* type, Value* args, size_t nargs) {
  auto* e = static_cast<ExceptionObject*>(gc_alloc(type->instance_size, type));
  e->args = nargs ? tuple_from(args, int64_t(nargs)) : empty_tuple();
  return Value(e);
}

void raise_with_args(Type* type, Value* args, size_t nargs) {
  if (type->type_flags & kTypeHeap) raise_exception(py_call(Value(type), args, nargs));
  raise_exception(exception_new(type, args, nargs));
}

void raise(Type* type, const std::string& msg) {
  Value m(str_new(msg));
  raise_with_args(type, &m, 1);
}

void raise_type_error(const std::string& msg) { raise(type_error_type, msg); }
void raise_value_error(const std::string& msg) { raise(value_error_type, msg); }
void raise_index_error(const std::string& msg) { raise(index_error_type, msg); }
void raise_key_error(Value key) { raise_with_args(key_error_type, &key, 1); }
void raise_zero_division(const std::string& msg) { raise(zero_division_error_type, msg); }
void raise_overflow_error(const std::string& msg) { raise(overflow_error_type, msg); }
void raise_not_implemented(const std::string& what) {
  raise(not_implemented_error_type, what + " is not supported by Kestrel yet");
}
void raise_memory_error() {
  if (g_memory_error.empty()) throw PyException{Value()};
  raise_exception(g_memory_error);
}
void raise_stop_iteration(Value value) {
  if (value.empty()) raise_with_args(stop_iteration_type, nullptr, 0);
  raise_with_args(stop_iteration_type, &value, 1);
}
void raise_attribute_error(Value obj, Str* name) {
  std::string msg;
  if (is_type(obj)) {
    msg = "type object '" + str_to_utf8(obj.as<Type>()->name) + "' has no attribute '" +
          str_to_utf8(name) + "'";
  } else if (type_of(obj) == module_type) {
    msg = "module '" + str_to_utf8(obj.as<Module>()->name) + "' has no attribute '" +
          str_to_utf8(name) + "'";
  } else {
    msg = "'" + type_name_str(obj) + "' object has no attribute '" + str_to_utf8(name) + "'";
  }
  // CPython 3.11 records name and obj; the "Did you mean" suggestion uses them.
  Value m(str_new(msg));
  Value exc = exception_new(attribute_error_type, &m, 1);
  static Str* const name_attr = intern("name");
  static Str* const obj_attr = intern("obj");
  instance_set_attr(exc.obj(), name_attr, Value(name));
  instance_set_attr(exc.obj(), obj_attr, obj);
  raise_exception(exc);
}

const char* type_name(Value v) {
  // Names of types are interned and immortal, so the pointer stays valid.
  Str* n = type_of(v)->name;
  return n->ascii ? reinterpret_cast<const char*>(n + 1) : "?";
}
std::string type_name_str(Value v) { return str_to_utf8(type_of(v)->name); }

// ------------------------------------------------------------ messages

std::string exception_message(Value exc) {
  ExceptionObject* e = exc.as<ExceptionObject>();
  Type* t = type_of(exc);
  if (t->str && t->str != base_exception_type->str) return str_utf8(exc);
  Tuple* args = e->args;
  if (!args || args->size == 0) return "";
  if (is_subtype(t, key_error_type) && args->size == 1) return repr_utf8(args->items[0]);
  if (args->size == 1) return str_utf8(args->items[0]);
  return repr_utf8(Value(args));
}

void exception_add_traceback(Value exc, Object* code, uint32_t index) {
  if (!is_exception(exc)) return;
  ExceptionObject* e = exc.as<ExceptionObject>();
  if (!e->traceback) e->traceback = list_new(0);
  Value entry(tuple_of({Value(code), Value::small(index)}));
  list_append(e->traceback, entry);
}

// ------------------------------------------------------------ traceback text

// Line `lineno` of a source file as CPython's traceback reads it: universal
// newlines, the line ending removed, everything else (indentation, trailing
// blanks) kept. False when the file cannot be read or is too short.
static bool read_source_line(const std::string& filename, int lineno, std::string* out) {
  if (lineno <= 0 || filename.empty()) return false;
  if (filename.front() == '<' && filename.back() == '>') return false;  // <string>, <stdin>
  FILE* fp = std::fopen(filename.c_str(), "rb");
  if (!fp) return false;
  std::string line;
  int current = 1;
  bool found = false;
  int c;
  while ((c = std::fgetc(fp)) != EOF) {
    if (c == '\r') {  // \r and \r\n end a line too
      int next = std::fgetc(fp);
      if (next != '\n' && next != EOF) std::ungetc(next, fp);
      c = '\n';
    }
    if (current == lineno) {
      found = true;
      if (c == '\n') break;
      line.push_back(char(c));
    } else if (c == '\n') {
      ++current;
      if (current == lineno) found = true;  // (an empty last line still exists)
    }
  }
  std::fclose(fp);
  if (!found) return false;
  *out = std::move(line);
  return true;
}

// Number of code points in the first `bytes` bytes of UTF-8 text (clamped).
static int64_t char_offset(const std::string& text, int64_t bytes) {
  if (bytes > int64_t(text.size())) bytes = int64_t(text.size());
  int64_t n = 0;
  for (int64_t i = 0; i < bytes; ++i)
    if ((static_cast<unsigned char>(text[size_t(i)]) & 0xC0) != 0x80) ++n;
  return n;
}

static bool is_blank_char(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// The PEP 657 line under a source line, or "" when CPython prints none
// (unknown columns, or a plain range covering the whole stripped line).
static std::string caret_line(const SourcePos& pos, const std::string& line, int64_t indent) {
  if (pos.line < 0 || pos.end_line < 0 || pos.col < 0 || pos.end_col < 0) return "";
  int64_t start = char_offset(line, pos.col);
  int64_t end = char_offset(line, pos.end_col);
  int64_t length = char_offset(line, int64_t(line.size()));
  int64_t left = -1, right = -1;
  bool tildes = false;
  if (pos.line == pos.end_line) {
    if (pos.col <= pos.end_col && size_t(pos.end_col) <= line.size()) {
      std::string segment = line.substr(size_t(pos.col), size_t(pos.end_col - pos.col));
      int l = 0, r = 0;
      if (caret_anchors(segment, &l, &r, &tildes)) {
        left = char_offset(segment, l) + start;
        right = char_offset(segment, r) + start;
      }
    }
  } else {
    // A multi-line expression: mark up to the last non-blank character.
    int64_t i = int64_t(line.size());
    while (--i >= 0)
      if (!is_blank_char(line[size_t(i)])) break;
    end = char_offset(line, i + 1);
  }
  bool anchored = left != -1 || right != -1;
  if (end - start == length - indent && !anchored) return "";
  const char* primary = anchored && tildes ? "~" : "^";
  std::string out;  // (the loop also writes the 4-column margin)
  for (int64_t offset = indent - 4; ++offset <= end;) {
    if (offset <= start)
      out += ' ';
    else if (anchored && left < offset && offset <= right)
      out += '^';
    else
      out += primary;
  }
  out += '\n';
  return out;
}

std::string format_traceback_entry(Object* code_obj, uint32_t index, int* lineno) {
  Code* code = static_cast<Code*>(code_obj);
  const auto& positions = (*code->proto)->positions;
  SourcePos pos;
  if (index < positions.size())
    pos = positions[index];
  else
    pos.line = pos.end_line = int32_t(code->first_line);
  *lineno = pos.line;
  std::string filename = str_to_utf8(code->filename);
  std::string text = "  File \"" + filename + "\", line " + std::to_string(pos.line) + ", in " +
                     str_to_utf8(code->name) + "\n";
  std::string line;
  if (!read_source_line(filename, pos.line, &line)) return text;
  int64_t indent = 0;
  while (size_t(indent) < line.size() && is_blank_char(line[size_t(indent)])) ++indent;
  text += "    " + line.substr(size_t(indent)) + "\n";
  text += caret_line(pos, line, indent);
  return text;
}

// CPython 3.11's print_error_text (Python/pythonrun.c): the offending line
// without its indentation, then carets from `offset` to `end_offset` (1-based
// columns); none when the offset falls inside the stripped indentation.
// Subclasses (IndentationError, TabError) always get a single caret.
std::string format_syntax_error_text(Value exc) {
  Value text_v = py_getattr_opt(exc, intern("text"));
  if (text_v.empty() || !is_str(text_v)) return "";
  auto int_attr = [&](const char* name, int64_t dflt) {
    Value v = py_getattr_opt(exc, intern(name));
    return !v.empty() && v.is_small() ? v.small_value() : dflt;
  };
  std::string text = str_to_utf8(text_v.as<Str>());
  int64_t lineno = int_attr("lineno", 0);
  int64_t offset = int_attr("offset", 0);
  int64_t end_lineno = lineno, end_offset = -1;
  if (type_of(exc) == syntax_error_type) {
    end_lineno = int_attr("end_lineno", lineno);
    end_offset = int_attr("end_offset", -1);
  }
  int64_t size = int64_t(text.size());
  if (end_lineno > lineno) end_offset = size;  // highlight to the end of the first line
  if (end_offset > size + 1) end_offset = size + 1;
  int64_t carets = end_offset > 0 && end_offset > offset ? end_offset - offset : 1;
  --offset;  // 0-based
  size_t start = 0;
  while (start < text.size() && is_blank_char(text[start])) {
    ++start;
    --offset;
  }
  std::string rest = text.substr(start);
  int64_t len = int64_t(rest.size());
  if (len > 0 && rest[size_t(len) - 1] == '\n') --len;
  if (offset > len) offset = len;
  for (;;) {  // skip lines before the offset in a multi-line text
    size_t nl = rest.find('\n');
    if (nl == std::string::npos || int64_t(nl) >= offset) break;
    rest.erase(0, nl + 1);
    len -= int64_t(nl) + 1;
    offset -= int64_t(nl) + 1;
  }
  std::string out = "    " + rest;
  if (size_t(len) >= rest.size() || rest[size_t(len)] != '\n') out += '\n';
  if (offset < 0) return out;
  out += "    " + std::string(size_t(offset), ' ') + std::string(size_t(carets), '^') + "\n";
  return out;
}

// ------------------------------------------------------------ "Did you mean"

// CPython 3.11's Python/suggestions.c: a Levenshtein distance where a case
// change costs 1 and any other edit 2, candidates within a third of the
// characters, the first closest one wins.
namespace {

constexpr size_t kMaxCandidates = 750;
constexpr size_t kMaxNameSize = 40;
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;

size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if (a >= 'A' && a <= 'Z') a = char(a + ('a' - 'A'));
  if (b >= 'A' && b <= 'Z') b = char(b + ('a' - 'A'));
  return a == b ? kCaseCost : kMoveCost;
}

size_t edit_distance(std::string_view a, std::string_view b, size_t max_cost) {
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxNameSize || b.size() > kMaxNameSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  size_t row[kMaxNameSize];
  for (size_t i = 0; i < a.size(); ++i) row[i] = (i + 1) * kMoveCost;
  size_t result = 0;
  for (size_t j = 0; j < b.size(); ++j) {
    size_t diagonal = j * kMoveCost;  // cost(b[:j], a[:0])
    result = diagonal;
    size_t minimum = SIZE_MAX;
    for (size_t i = 0; i < a.size(); ++i) {
      size_t substitute = diagonal + substitution_cost(b[j], a[i]);
      diagonal = row[i];
      result = std::min(std::min(result, diagonal) + kMoveCost, substitute);
      row[i] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

// The best candidate for `name` among `names` (str Values), or "".
std::string closest_name(const std::vector<Value>& names, const std::string& name) {
  if (names.size() >= kMaxCandidates) return "";
  std::string best;
  size_t best_distance = SIZE_MAX;
  for (Value v : names) {
    if (!is_str(v)) continue;
    std::string item = str_to_utf8(v.as<Str>());
    if (item == name) continue;
    size_t max_distance = (name.size() + item.size() + 3) * kMoveCost / 6;
    if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
    size_t d = edit_distance(name, item, max_distance);
    if (d > max_distance) continue;
    if (best.empty() || d < best_distance) {
      best = item;
      best_distance = d;
    }
  }
  return best;
}

std::vector<Value> dict_keys_of(Dict* d) {
  std::vector<Value> keys;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v)) keys.push_back(k);
  return keys;
}

// The globals of the module whose code `code` is (matched by file name).
Dict* module_globals_for(Code* code) {
  Dict* modules = sys_modules();
  if (!modules) return nullptr;
  static Str* const file_name = intern("__file__");
  int64_t pos = 0;
  Value k, v;
  while (dict_next(modules, &pos, &k, &v)) {
    if (type_of(v) != module_type) continue;
    Dict* g = v.as<Module>()->dict;
    Value file = dict_get_str(g, file_name);
    if (!file.empty() && is_str(file) && str_equal(file.as<Str>(), code->filename)) return g;
  }
  return nullptr;
}

Dict* builtins_globals() {
  Dict* modules = sys_modules();
  if (!modules) return nullptr;
  Value b = dict_get_str(modules, intern("builtins"));
  return !b.empty() && type_of(b) == module_type ? b.as<Module>()->dict : nullptr;
}

}  // namespace

std::string exception_suggestion(Value exc) {
  try {
    Type* t = type_of(exc);
    std::string best;
    if (is_subtype(t, attribute_error_type)) {
      Value name = py_getattr_opt(exc, intern("name"));
      Value obj = py_getattr_opt(exc, intern("obj"));
      if (name.empty() || obj.empty() || type_of(name) != str_type) return "";
      // dir(obj), sorted: a class lists its MRO's attributes (type.__dir__),
      // anything else type(obj).__dir__(obj).
      std::vector<std::pair<std::string, Value>> sorted;
      auto add = [&](Value s) {
        if (is_str(s)) sorted.emplace_back(str_to_utf8(s.as<Str>()), s);
      };
      if (is_type(obj)) {
        Tuple* mro = obj.as<Type>()->mro;
        for (int64_t i = 0; mro && i < mro->size; ++i)
          for (Value key : dict_keys_of(mro->items[i].as<Type>()->dict)) add(key);
      } else {
        Value dir_method = lookup_special(obj, intern("__dir__"));
        if (dir_method.empty()) return "";
        Value it = py_iter(py_call(dir_method, nullptr, 0, nullptr));
        for (Value s = py_next(it); !s.empty(); s = py_next(it)) add(s);
      }
      std::sort(sorted.begin(), sorted.end(), [](auto& x, auto& y) { return x.first < y.first; });
      sorted.erase(std::unique(sorted.begin(), sorted.end(),
                               [](auto& x, auto& y) { return x.first == y.first; }),
                   sorted.end());
      std::vector<Value> names;
      for (auto& [text, v] : sorted) names.push_back(v);
      best = closest_name(names, str_to_utf8(name.as<Str>()));
    } else if (is_subtype(t, name_error_type) && !is_subtype(t, unbound_local_error_type)) {
      // The interpreter does not record NameError.name yet: take it from the message.
      Value name = py_getattr_opt(exc, intern("name"));
      std::string n;
      if (!name.empty() && is_str(name)) {
        n = str_to_utf8(name.as<Str>());
      } else {
        std::string msg = exception_message(exc);
        const std::string prefix = "name '", suffix = "' is not defined";
        if (msg.size() <= prefix.size() + suffix.size() ||
            msg.compare(0, prefix.size(), prefix) != 0 ||
            msg.compare(msg.size() - suffix.size(), suffix.size(), suffix) != 0)
          return "";
        n = msg.substr(prefix.size(), msg.size() - prefix.size() - suffix.size());
      }
      ExceptionObject* e = exc.as<ExceptionObject>();
      if (!e->traceback || !e->traceback->size) return "";
      Code* code = e->traceback->items[0].as<Tuple>()->items[0].as<Code>();  // innermost frame
      std::vector<Value> locals;
      const auto& kinds = (*code->proto)->localsplus_kinds;
      for (uint32_t i = 0; i < code->nlocalsplus && i < kinds.size(); ++i)
        if (kinds[i] & kFastLocal) locals.push_back(code->localsplus_names->items[i]);
      best = closest_name(locals, n);
      if (best.empty())
        if (Dict* g = module_globals_for(code)) best = closest_name(dict_keys_of(g), n);
      if (best.empty())
        if (Dict* b = builtins_globals()) best = closest_name(dict_keys_of(b), n);
    }
    return best.empty() ? "" : ". Did you mean: '" + best + "'?";
  } catch (PyException&) {
    return "";
  }
}

// ------------------------------------------------------------ BaseException

static void exc_trace(Object* obj, Tracer& tracer) {
  auto* e = static_cast<ExceptionObject*>(obj);
  tracer.mark(e->args);
  tracer.mark(e->traceback);
  tracer.mark(e->cause);
  tracer.mark(e->context);
  trace_instance_attrs(obj, tracer);
}
static void exc_finalize(Object* obj) { free_instance_attrs(obj); }

static Value exc_new(Type* type, Value* args, size_t nargs, Tuple*) {
  return exception_new(type, args, nargs);
}
static void exc_init(Value self, Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size)
    raise_type_error(type_name_str(self) + "() takes no keyword arguments");
  self.as<ExceptionObject>()->args = nargs ? tuple_from(args, int64_t(nargs)) : empty_tuple();
}
static Value exc_str(Value self) {
  Tuple* args = self.as<ExceptionObject>()->args;
  if (!args || args->size == 0) return Value(intern(""));
  if (args->size == 1) return py_str(args->items[0]);
  return py_str(Value(args));
}
static Value exc_repr(Value self) {
  Tuple* args = self.as<ExceptionObject>()->args;
  std::string s = str_to_utf8(type_of(self)->name);
  if (args && args->size == 1) s += "(" + repr_utf8(args->items[0]) + ")";
  else if (args && args->size > 1) s += repr_utf8(Value(args));
  else s += "()";
  return Value(str_new(s));
}
static Value key_error_str(Value self) {
  Tuple* args = self.as<ExceptionObject>()->args;
  if (args && args->size == 1) return py_repr(args->items[0]);
  return exc_str(self);
}

// OSError(errno, strerror[, filename]) sets those attributes and its str.
static void os_error_init(Value self, Value* args, size_t nargs, Tuple* kwnames) {
  exc_init(self, args, nargs, kwnames);
  if (nargs >= 2 && nargs <= 5) {
    py_setattr(self, intern("errno"), args[0]);
    py_setattr(self, intern("strerror"), args[1]);
    if (nargs >= 3) py_setattr(self, intern("filename"), args[2]);
  }
}
static Value os_error_str(Value self) {
  Value err = py_getattr_opt(self, intern("errno"));
  Value strerror = py_getattr_opt(self, intern("strerror"));
  Value filename = py_getattr_opt(self, intern("filename"));
  if (!err.empty() && !is_none(err) && !strerror.empty() && !is_none(strerror)) {
    std::string s = "[Errno " + str_utf8(err) + "] " + str_utf8(strerror);
    if (!filename.empty() && !is_none(filename)) s += ": " + repr_utf8(filename);
    return Value(str_new(s));
  }
  return exc_str(self);
}
// ImportError(*args, name=None, path=None).
static void import_error_init(Value self, Value* args, size_t nargs, Tuple* kwnames) {
  self.as<ExceptionObject>()->args = nargs ? tuple_from(args, int64_t(nargs)) : empty_tuple();
  if (kwnames) {
    for (int64_t i = 0; i < kwnames->size; ++i) {
      Str* k = kwnames->items[i].as<Str>();
      if (!str_equal_ascii(k, "name") && !str_equal_ascii(k, "path"))
        raise_type_error("'" + str_to_utf8(k) + "' is an invalid keyword argument for " + type_name_str(self) + "()");
      py_setattr(self, intern_str(k), args[nargs + size_t(i)]);
    }
  }
  py_setattr(self, intern("msg"), nargs == 1 ? args[0] : none());
}

static Value exc_get_args(Value self) {
  Tuple* a = self.as<ExceptionObject>()->args;
  return a ? Value(a) : Value(empty_tuple());
}
static Value exc_get_cause(Value self) {
  Value c = self.as<ExceptionObject>()->cause;
  return c.empty() ? none() : c;
}
static Value exc_get_context(Value self) {
  Value c = self.as<ExceptionObject>()->context;
  return c.empty() ? none() : c;
}
static Value exc_get_traceback(Value self) {
  List* tb = self.as<ExceptionObject>()->traceback;
  return tb ? Value(tb) : none();
}
static Value exc_get_suppress(Value self) { return py_bool(self.as<ExceptionObject>()->suppress_context); }
static Value stop_iteration_value(Value self) {
  Tuple* a = self.as<ExceptionObject>()->args;
  return a && a->size ? a->items[0] : none();
}
static Value system_exit_code(Value self) {
  Tuple* a = self.as<ExceptionObject>()->args;
  if (!a || a->size == 0) return none();
  if (a->size == 1) return a->items[0];
  return Value(a);
}

static Value exc_with_traceback(Value* args, size_t nargs, Tuple*) {
  check_nargs("with_traceback", nargs, 2, 2);
  ExceptionObject* e = args[0].as<ExceptionObject>();
  if (is_none(args[1])) e->traceback = nullptr;
  else if (is_list(args[1])) e->traceback = args[1].as<List>();
  return args[0];
}

// Data descriptors for the writable exception attributes.
struct ExcField : Object {
  int which;  // 0 cause, 1 context, 2 suppress_context, 3 args, 4 traceback
};
static Type* exc_field_type;

static Value exc_field_get(Value self, Value obj, Value) {
  if (obj.empty()) return self;
  switch (self.as<ExcField>()->which) {
    case 0: return exc_get_cause(obj);
    case 1: return exc_get_context(obj);
    case 2: return exc_get_suppress(obj);
    case 3: return exc_get_args(obj);
    default: return exc_get_traceback(obj);
  }
}
static void exc_field_set(Value self, Value obj, Value v) {
  ExceptionObject* e = obj.as<ExceptionObject>();
  switch (self.as<ExcField>()->which) {
    case 0:
      if (!v.empty() && !is_none(v) && !is_exception(v))
        raise_type_error("exception cause must be None or derive from BaseException");
      e->cause = (v.empty() || is_none(v)) ? Value() : v;
      e->suppress_context = true;
      break;
    case 1: e->context = (v.empty() || is_none(v)) ? Value() : v; break;
    case 2: e->suppress_context = !v.empty() && py_truthy(v); break;
    case 3: e->args = tuple_from_iterable(v); break;
    default: e->traceback = (v.empty() || !is_list(v)) ? nullptr : v.as<List>(); break;
  }
}

static void add_field(Type* t, const char* name, int which) {
  auto* f = gc_new<ExcField>(exc_field_type);
  f->which = which;
  add_type_attr(t, name, Value(f));
}

Type* exception_type_by_name(const char* name) {
  for (Type* t : *g_all_exception_types)
    if (str_equal_ascii(t->name, name)) return t;
  return nullptr;
}

static Type* make_exc(const char* name, Type* base) {
  Type* t = new_builtin_type(name, base, sizeof(ExceptionObject), kTypeExcSubclass | kTypeBaseType);
  t->attrs_offset = offsetof(ExceptionObject, attrs);
  t->trace = exc_trace;
  t->finalize = exc_finalize;
  t->new_ = exc_new;
  // Subclasses of OSError/ImportError/KeyError keep their base's init and str.
  bool exc_base = base != object_type && base->init;
  t->init = exc_base ? base->init : exc_init;
  t->str = exc_base ? base->str : exc_str;
  t->repr = exc_repr;
  g_all_exception_types->push_back(t);
  return t;
}

void init_exceptions() {
  g_all_exception_types = new std::vector<Type*>();
  gc_add_root(&g_in_flight);
  gc_add_root(&g_memory_error);
  exc_field_type = new_builtin_type("getset_descriptor", nullptr, sizeof(ExcField));
  exc_field_type->descr_get = exc_field_get;
  exc_field_type->descr_set = exc_field_set;

  base_exception_type = make_exc("BaseException", object_type);
  add_field(base_exception_type, "__cause__", 0);
  add_field(base_exception_type, "__context__", 1);
  add_field(base_exception_type, "__suppress_context__", 2);
  add_field(base_exception_type, "args", 3);
  add_field(base_exception_type, "__traceback__", 4);
  add_method(base_exception_type, "with_traceback", exc_with_traceback);

  system_exit_type = make_exc("SystemExit", base_exception_type);
  add_getter(system_exit_type, "code", system_exit_code);
  keyboard_interrupt_type = make_exc("KeyboardInterrupt", base_exception_type);
  generator_exit_type = make_exc("GeneratorExit", base_exception_type);
  exception_type = make_exc("Exception", base_exception_type);
  stop_iteration_type = make_exc("StopIteration", exception_type);
  add_getter(stop_iteration_type, "value", stop_iteration_value);
  make_exc("StopAsyncIteration", exception_type);
  arithmetic_error_type = make_exc("ArithmeticError", exception_type);
  zero_division_error_type = make_exc("ZeroDivisionError", arithmetic_error_type);
  overflow_error_type = make_exc("OverflowError", arithmetic_error_type);
  make_exc("FloatingPointError", arithmetic_error_type);
  assertion_error_type = make_exc("AssertionError", exception_type);
  attribute_error_type = make_exc("AttributeError", exception_type);
  make_exc("BufferError", exception_type);
  eof_error_type = make_exc("EOFError", exception_type);
  import_error_type = make_exc("ImportError", exception_type);
  import_error_type->init = import_error_init;
  for (const char* a : {"name", "path", "msg"}) add_type_attr(import_error_type, a, none());
  module_not_found_error_type = make_exc("ModuleNotFoundError", import_error_type);
  lookup_error_type = make_exc("LookupError", exception_type);
  index_error_type = make_exc("IndexError", lookup_error_type);
  key_error_type = make_exc("KeyError", lookup_error_type);
  key_error_type->str = key_error_str;
  memory_error_type = make_exc("MemoryError", exception_type);
  name_error_type = make_exc("NameError", exception_type);
  add_type_attr(name_error_type, "name", none());
  unbound_local_error_type = make_exc("UnboundLocalError", name_error_type);
  os_error_type = make_exc("OSError", exception_type);
  os_error_type->init = os_error_init;
  os_error_type->str = os_error_str;
  for (const char* a : {"errno", "strerror", "filename", "filename2"}) add_type_attr(os_error_type, a, none());
  file_not_found_error_type = make_exc("FileNotFoundError", os_error_type);
  make_exc("FileExistsError", os_error_type);
  make_exc("PermissionError", os_error_type);
  make_exc("IsADirectoryError", os_error_type);
  make_exc("NotADirectoryError", os_error_type);
  make_exc("TimeoutError", os_error_type);
  runtime_error_type = make_exc("RuntimeError", exception_type);
  recursion_error_type = make_exc("RecursionError", runtime_error_type);
  not_implemented_error_type = make_exc("NotImplementedError", runtime_error_type);
  syntax_error_type = make_exc("SyntaxError", exception_type);
  indentation_error_type = make_exc("IndentationError", syntax_error_type);
  tab_error_type = make_exc("TabError", indentation_error_type);
  make_exc("SystemError", exception_type);
  type_error_type = make_exc("TypeError", exception_type);
  value_error_type = make_exc("ValueError", exception_type);
  unicode_error_type = make_exc("UnicodeError", value_error_type);
  unicode_decode_error_type = make_exc("UnicodeDecodeError", unicode_error_type);
  unicode_encode_error_type = make_exc("UnicodeEncodeError", unicode_error_type);
  warning_type = make_exc("Warning", exception_type);
  deprecation_warning_type = make_exc("DeprecationWarning", warning_type);
  user_warning_type = make_exc("UserWarning", warning_type);
  runtime_warning_type = make_exc("RuntimeWarning", warning_type);
  make_exc("SyntaxWarning", warning_type);
  make_exc("FutureWarning", warning_type);
  make_exc("PendingDeprecationWarning", warning_type);
  make_exc("ImportWarning", warning_type);
  make_exc("UnicodeWarning", warning_type);
  make_exc("BytesWarning", warning_type);
  make_exc("ResourceWarning", warning_type);

  g_memory_error = exception_new(memory_error_type, nullptr, 0);
}

const std::vector<Type*>& all_exception_types() { return *g_all_exception_types; }

}  // namespace kestrel
