// Python bytearray: mutable bytes in malloc'd storage. The mutating
// operations live here; the read-only methods shared with bytes (find, split,
// upper, ...) run bytes' own implementation on a snapshot and turn bytes
// results back into bytearrays, so both types answer identically.
#include "runtime/bytearray.h"

#include <cstring>
#include <string>
#include <utility>

#include "runtime/bytes.h"
#include "runtime/container_util.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/function.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/range.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

Type* bytearray_type = nullptr;
Type* memoryview_type = nullptr;

namespace {

Type* bytearray_iter_type = nullptr;

// ---------------------------------------------------------------- storage

// Grows the buffer for at least `need` bytes, over-allocating as CPython's
// bytearray_resize so that appends are amortised O(1).
void reserve(ByteArray* ba, int64_t need) {
  if (need <= ba->capacity) return;
  if (need > (int64_t(1) << 60)) raise_memory_error();
  int64_t alloc = need;
  if (need <= ba->capacity + (ba->capacity >> 3) + 8)
    alloc = need + (need >> 3) + (need < 9 ? 3 : 6);
  ba->data =
      static_cast<uint8_t*>(gc_realloc_external(ba->data, size_t(ba->capacity), size_t(alloc)));
  ba->capacity = alloc;
}

void resize(ByteArray* ba, int64_t n) {
  reserve(ba, n);
  if (n > ba->size) std::memset(ba->data + ba->size, 0, size_t(n - ba->size));
  ba->size = n;
}

// Replaces [lo, hi) by `src` (which must not alias the buffer).
void replace_range(ByteArray* ba, int64_t lo, int64_t hi, std::string_view src) {
  int64_t n = int64_t(src.size());
  int64_t old = ba->size;
  int64_t growth = n - (hi - lo);
  if (growth > 0) reserve(ba, old + growth);
  std::memmove(ba->data + hi + growth, ba->data + hi, size_t(old - hi));
  if (n) std::memcpy(ba->data + lo, src.data(), size_t(n));
  ba->size = old + growth;
}

void ba_finalize(Object* obj) {
  ByteArray* ba = static_cast<ByteArray*>(obj);
  if (ba->data) gc_free_external(ba->data, size_t(ba->capacity));
  ba->data = nullptr;
  ba->capacity = ba->size = 0;
}

ByteArray* alloc_bytearray(Type* type) {
  if (type == bytearray_type) return gc_new<ByteArray>(bytearray_type);
  return static_cast<ByteArray*>(alloc_container_instance(type, sizeof(ByteArray)));
}

inline ByteArray* as_ba(Value v) { return v.as<ByteArray>(); }
inline bool is_bytearray(Value v) { return is_instance(v, bytearray_type); }

ByteArray* self_ba(Value* args, const char* name) {
  if (!is_bytearray(args[0]))
    raise_type_error(std::string("descriptor '") + name +
                     "' for 'bytearray' objects doesn't apply to a '" + type_name_str(args[0]) +
                     "' object");
  return as_ba(args[0]);
}

// A byte value from an int-like ("'str' object cannot be interpreted as an
// integer"; ValueError "byte must be in range(0, 256)").
uint8_t byte_value(Value v) {
  int64_t c = arg_ssize(v);
  if (c < 0 || c > 255) raise_value_error("byte must be in range(0, 256)");
  return uint8_t(c);
}

// The bytes of an iterable of ints (bytearray(iterable), extend, slice
// assignment).
std::string bytes_of_iterable(Value it) {
  std::string out;
  for (Value x = py_next(it); !x.empty(); x = py_next(it)) out += char(byte_value(x));
  return out;
}

bool is_iterable(Value v) {
  static Str* iter_name = intern("__iter__");
  static Str* getitem_name = intern("__getitem__");
  return type_of(v)->iter || !lookup_special(v, iter_name).empty() ||
         !lookup_special(v, getitem_name).empty();
}

// ---------------------------------------------------------------- slots

Value ba_repr(Value self) {
  ByteArray* ba = as_ba(self);
  Bytes* tmp = bytes_new(ba->view());
  Value inner = bytes_repr(tmp);
  return Value(
      str_new(str_to_utf8(type_of(self)->name) + "(" + str_to_utf8(inner.as<Str>()) + ")"));
}

int64_t ba_length(Value self) { return as_ba(self)->size; }

Value ba_richcompare(Value a, Value b, int op) {
  std::string_view x, y;
  if (!bytes_like_view(a, &x) || !bytes_like_view(b, &y)) return not_implemented();
  if (op == 2 || op == 3) return py_bool((x == y) == (op == 2));
  int c = x.compare(y);
  switch (op) {
    case 0:
      return py_bool(c < 0);
    case 1:
      return py_bool(c <= 0);
    case 4:
      return py_bool(c > 0);
    default:
      return py_bool(c >= 0);
  }
}

Value repeat(std::string_view v, int64_t n) {
  ByteArray* r = bytearray_new({});
  if (n <= 0 || v.empty()) return r;
  if (int64_t(v.size()) > INT64_MAX / n) raise_memory_error();
  reserve(r, int64_t(v.size()) * n);
  for (int64_t i = 0; i < n; ++i) std::memcpy(r->data + i * int64_t(v.size()), v.data(), v.size());
  r->size = int64_t(v.size()) * n;
  return r;
}

bool defers_to(Value other, const char* dunder) {
  // A user class with the reflected method gets its chance (NotImplemented).
  return (type_of(other)->type_flags & kTypeHeap) && !lookup_special(other, intern(dunder)).empty();
}

Value ba_binary(Value a, Value b, int op) {
  bool inplace = op >= 13;
  if (inplace) op -= 13;
  bool aba = is_bytearray(a);
  switch (op) {
    case 0: {  // +
      if (!aba) return not_implemented();
      std::string_view y;
      if (!bytes_like_view(b, &y)) {
        if (defers_to(b, "__radd__")) return not_implemented();
        raise_type_error("can't concat " + type_name_str(b) + " to " + type_name_str(a));
      }
      ByteArray* x = as_ba(a);
      if (inplace) {
        std::string copy(y);  // b may be a itself
        bytearray_append_bytes(x, reinterpret_cast<const uint8_t*>(copy.data()),
                               int64_t(copy.size()));
        return a;
      }
      ByteArray* r = bytearray_new(x->view());
      bytearray_append_bytes(r, reinterpret_cast<const uint8_t*>(y.data()), int64_t(y.size()));
      return r;
    }
    case 5: {  // *
      Value seq = aba ? a : b, count = aba ? b : a;
      if (!has_index(count)) {
        if (defers_to(count, aba ? "__rmul__" : "__mul__")) return not_implemented();
        raise_type_error("can't multiply sequence by non-int of type '" + type_name_str(count) +
                         "'");
      }
      int64_t n = repeat_count(count);
      ByteArray* x = as_ba(seq);
      if (inplace && aba) {
        if (n <= 0) {
          x->size = 0;
        } else {
          int64_t len = x->size;
          if (len && len > INT64_MAX / n) raise_memory_error();
          reserve(x, len * n);
          for (int64_t i = 1; i < n; ++i) std::memcpy(x->data + i * len, x->data, size_t(len));
          x->size = len * n;
        }
        return a;
      }
      return repeat(x->view(), n);
    }
    case 6: {  // % formatting, with the result as a bytearray
      if (!aba) return not_implemented();
      Value r = bytes_mod(bytes_new(as_ba(a)->view()), b);
      return bytearray_new(r.as<Bytes>()->view());
    }
    default:
      return not_implemented();
  }
}

Value ba_getitem(Value self, Value key) {
  ByteArray* ba = as_ba(self);
  int64_t i;
  if (key.is_small()) {
    i = key.small_value();
  } else if (key.is_object() && key.obj()->type == slice_type) {
    int64_t start, stop, step;
    int64_t n = slice_indices(key.as<Slice>(), ba->size, &start, &stop, &step);
    ByteArray* r = bytearray_new({});
    if (n <= 0) return r;
    resize(r, n);
    for (int64_t k = 0; k < n; ++k) r->data[k] = ba->data[start + k * step];
    return r;
  } else if (has_index(key)) {
    i = index_value(key);
  } else {
    raise_indices_error("bytearray", key);
  }
  if (i < 0) i += ba->size;
  if (i < 0 || i >= ba->size) raise_index_error("bytearray index out of range");
  return Value::small(ba->data[i]);
}

// The bytes a slice assignment stores (CPython's bytearray_setslice rules).
std::string assigned_bytes(Value v) {
  std::string_view view;
  if (bytes_like_view(v, &view)) return std::string(view);  // copied: v may be self
  if (is_str(v) || has_index(v) || !is_iterable(v))
    raise_type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
  return bytes_of_iterable(py_iter(v));
}

void ba_setitem(Value self, Value key, Value v) {
  ByteArray* ba = as_ba(self);
  if (key.is_object() && key.obj()->type == slice_type) {
    int64_t start, stop, step;
    int64_t n = slice_indices(key.as<Slice>(), ba->size, &start, &stop, &step);
    if (v.empty()) {
      if (n <= 0) return;
      if (step == 1) {
        replace_range(ba, start, stop, {});
        return;
      }
      // Extended deletion: compact the kept bytes in one pass.
      if (step < 0) {
        start = start + step * (n - 1);
        step = -step;
      }
      int64_t w = start;
      for (int64_t r = start; r < ba->size; ++r) {
        bool removed = r >= start && (r - start) % step == 0 && (r - start) / step < n;
        if (!removed) ba->data[w++] = ba->data[r];
      }
      ba->size = w;
      return;
    }
    std::string src = assigned_bytes(v);
    // Re-read: converting v may have run Python code that resized self.
    n = slice_indices(key.as<Slice>(), ba->size, &start, &stop, &step);
    if (step == 1) {
      if (stop < start) stop = start;
      replace_range(ba, start, stop, src);
      return;
    }
    if (int64_t(src.size()) != n)
      raise_value_error("attempt to assign bytes of size " + std::to_string(src.size()) +
                        " to extended slice of size " + std::to_string(n));
    for (int64_t k = 0; k < n; ++k) ba->data[start + k * step] = uint8_t(src[size_t(k)]);
    return;
  }
  int64_t i;
  if (key.is_small())
    i = key.small_value();
  else if (has_index(key))
    i = index_value(key);
  else
    raise_indices_error("bytearray", key);
  uint8_t byte = v.empty() ? 0 : byte_value(v);
  if (i < 0) i += ba->size;
  if (i < 0 || i >= ba->size) raise_index_error("bytearray index out of range");
  if (v.empty()) {
    replace_range(ba, i, i + 1, {});
    return;
  }
  ba->data[i] = byte;
}

int ba_contains(Value self, Value item) {
  std::string_view v = as_ba(self)->view(), sub;
  if (bytes_like_view(item, &sub)) return v.find(sub) != std::string_view::npos;
  if (has_index(item)) return v.find(char(byte_value(item))) != std::string_view::npos;
  raise_type_error("a bytes-like object is required, not '" + type_name_str(item) + "'");
}

struct ByteArrayIter : Object {
  ByteArray* ba;  // null once exhausted
  int64_t index;
};

void ba_iter_trace(Object* obj, Tracer& tracer) {
  ByteArrayIter* it = static_cast<ByteArrayIter*>(obj);
  if (it->ba) tracer.mark(it->ba);
}

// Re-checks the size on every step, so it sees appends and deletions.
Value ba_iter_next(Value self) {
  ByteArrayIter* it = self.as<ByteArrayIter>();
  if (!it->ba) return Value();
  if (it->index < it->ba->size) return Value::small(it->ba->data[it->index++]);
  it->ba = nullptr;
  return Value();
}

Value iter_self(Value self) { return self; }

Value ba_iter(Value self) {
  ByteArrayIter* it = gc_new<ByteArrayIter>(bytearray_iter_type);
  it->ba = as_ba(self);
  it->index = 0;
  return it;
}

Value ba_new(Type* type, Value*, size_t, Tuple*) { return alloc_bytearray(type); }

// bytearray_init: the argument forms of bytes(), building into self.
void ba_init(Value self, Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  parse_args("bytearray", args, nargs, kwnames, {"source", "encoding", "errors"}, 0, a);
  ByteArray* ba = as_ba(self);
  Value src = a[0];
  std::string out;
  if (src.empty()) {
    if (!a[1].empty()) raise_type_error("encoding without a string argument");
    if (!a[2].empty()) raise_type_error("errors without a string argument");
  } else if (is_str(src)) {
    if (a[1].empty()) raise_type_error("string argument without an encoding");
    if (!is_str(a[1]))
      raise_type_error("bytearray() argument 'encoding' must be str, not " + type_name_str(a[1]));
    if (!a[2].empty() && !is_str(a[2]))
      raise_type_error("bytearray() argument 'errors' must be str, not " + type_name_str(a[2]));
    std::string enc = str_to_utf8(a[1].as<Str>());
    std::string err = a[2].empty() ? "" : str_to_utf8(a[2].as<Str>());
    Value b = str_encode(src.as<Str>(), enc.c_str(), a[2].empty() ? nullptr : err.c_str());
    out = std::string(b.as<Bytes>()->view());
  } else {
    if (!a[1].empty()) raise_type_error("encoding without a string argument");
    if (!a[2].empty()) raise_type_error("errors without a string argument");
    std::string_view view;
    if (bytes_like_view(src, &view)) {
      out = std::string(view);
    } else if (has_index(src)) {
      int64_t n = arg_ssize(src);
      if (n < 0) raise_value_error("negative count");
      out.assign(size_t(n), '\0');
    } else {
      if (!is_iterable(src))
        raise_type_error("cannot convert '" + type_name_str(src) + "' object to bytearray");
      out = bytes_of_iterable(py_iter(src));
    }
  }
  ba->size = 0;
  bytearray_append_bytes(ba, reinterpret_cast<const uint8_t*>(out.data()), int64_t(out.size()));
}

// ---------------------------------------------------------------- mutating methods

Value m_append(Value* args, size_t nargs, Tuple* kwnames) {
  ByteArray* ba = self_ba(args, "append");
  arg_onearg("bytearray.append", nargs - 1, kwnames);
  uint8_t c = byte_value(args[1]);
  bytearray_append_bytes(ba, &c, 1);
  return none();
}

Value m_extend(Value* args, size_t nargs, Tuple* kwnames) {
  ByteArray* ba = self_ba(args, "extend");
  arg_onearg("bytearray.extend", nargs - 1, kwnames);
  std::string_view view;
  std::string add;
  if (bytes_like_view(args[1], &view)) {
    add = std::string(view);
  } else {
    if (!is_iterable(args[1]))
      raise_type_error("can't extend bytearray with " + type_name_str(args[1]));
    add = bytes_of_iterable(py_iter(args[1]));
  }
  bytearray_append_bytes(ba, reinterpret_cast<const uint8_t*>(add.data()), int64_t(add.size()));
  return none();
}

Value m_insert(Value* args, size_t nargs, Tuple* kwnames) {
  ByteArray* ba = self_ba(args, "insert");
  arg_clinic_range("bytearray.insert", "insert", nargs - 1, kwnames, 2, 2);
  int64_t i = arg_ssize(args[1]);
  uint8_t c = byte_value(args[2]);
  int64_t n = ba->size;
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  replace_range(ba, i, i, std::string_view(reinterpret_cast<const char*>(&c), 1));
  return none();
}

Value m_pop(Value* args, size_t nargs, Tuple* kwnames) {
  ByteArray* ba = self_ba(args, "pop");
  arg_clinic_range("bytearray.pop", "pop", nargs - 1, kwnames, 0, 1);
  int64_t i = nargs > 1 ? arg_ssize(args[1]) : -1;
  if (ba->size == 0) raise_index_error("pop from empty bytearray");
  if (i < 0) i += ba->size;
  if (i < 0 || i >= ba->size) raise_index_error("pop index out of range");
  uint8_t c = ba->data[i];
  replace_range(ba, i, i + 1, {});
  return Value::small(c);
}

Value m_remove(Value* args, size_t nargs, Tuple* kwnames) {
  ByteArray* ba = self_ba(args, "remove");
  arg_onearg("bytearray.remove", nargs - 1, kwnames);
  uint8_t c = byte_value(args[1]);
  size_t at = ba->view().find(char(c));
  if (at == std::string_view::npos) raise_value_error("value not found in bytearray");
  replace_range(ba, int64_t(at), int64_t(at) + 1, {});
  return none();
}

Value m_clear(Value* args, size_t nargs, Tuple* kwnames) {
  ByteArray* ba = self_ba(args, "clear");
  arg_noargs("bytearray.clear", nargs - 1, kwnames);
  ba->size = 0;
  return none();
}

Value m_copy(Value* args, size_t nargs, Tuple* kwnames) {
  ByteArray* ba = self_ba(args, "copy");
  arg_noargs("bytearray.copy", nargs - 1, kwnames);
  return bytearray_new(ba->view());
}

Value m_reverse(Value* args, size_t nargs, Tuple* kwnames) {
  ByteArray* ba = self_ba(args, "reverse");
  arg_noargs("bytearray.reverse", nargs - 1, kwnames);
  for (int64_t i = 0, j = ba->size - 1; i < j; ++i, --j) std::swap(ba->data[i], ba->data[j]);
  return none();
}

Value m_alloc(Value* args, size_t nargs, Tuple* kwnames) {
  ByteArray* ba = self_ba(args, "__alloc__");
  arg_noargs("bytearray.__alloc__", nargs - 1, kwnames);
  // CPython counts the trailing NUL it always keeps.
  return Value::small(ba->capacity ? ba->capacity + 1 : 0);
}

Value m_reduce(Value* args, size_t nargs, Tuple* kwnames) {
  ByteArray* ba = self_ba(args, "__reduce__");
  (void)nargs;
  (void)kwnames;
  // (type, (contents as latin-1 str, 'latin-1'), state), as CPython.
  Value text = str_from_latin1(ba->data, ba->size);
  Value enc = str_new("latin-1");
  Value state = none();
  if (attrs_of(ba)) {  // a subclass instance: its __dict__, when not empty
    static Str* dict_name = intern("__dict__");
    Value d = py_getattr_opt(args[0], dict_name);
    if (!d.empty() && py_truthy(d)) state = d;
  }
  Value inner = tuple_of({text, enc});
  return Value(tuple_of({Value(type_of(args[0])), inner, state}));
}

// ---------------------------------------------------------------- methods shared with bytes

// bytes' methods that bytearray has too; each runs on a bytes snapshot.
constexpr const char* kShared[] = {
    "decode",       "hex",          "join",       "split",      "rsplit",    "splitlines",
    "strip",        "lstrip",       "rstrip",     "find",       "rfind",     "index",
    "rindex",       "count",        "startswith", "endswith",   "replace",   "upper",
    "lower",        "swapcase",     "capitalize", "title",      "isalpha",   "isdigit",
    "isspace",      "isalnum",      "isascii",    "isupper",    "islower",   "istitle",
    "ljust",        "rjust",        "center",     "zfill",      "partition", "rpartition",
    "removeprefix", "removesuffix", "translate",  "expandtabs",
};
constexpr size_t kNumShared = sizeof(kShared) / sizeof(kShared[0]);
NativeFn g_bytes_fns[kNumShared];

// bytes results become bytearrays (also inside the lists and tuples that
// split/partition return); everything else passes through.
Value convert_result(Value r) {
  if (is_exact(r, bytes_type)) return bytearray_new(r.as<Bytes>()->view());
  if (is_exact(r, list_type)) {
    List* l = r.as<List>();
    for (int64_t i = 0; i < l->size; ++i)
      if (is_exact(l->items[i], bytes_type))
        l->items[i] = bytearray_new(l->items[i].as<Bytes>()->view());
    return r;
  }
  if (is_exact(r, tuple_type)) {
    Tuple* t = r.as<Tuple>();
    Tuple* out = tuple_new(t->size);
    for (int64_t i = 0; i < t->size; ++i) out->items[i] = t->items[i];
    for (int64_t i = 0; i < t->size; ++i)
      if (is_exact(out->items[i], bytes_type))
        out->items[i] = bytearray_new(out->items[i].as<Bytes>()->view());
    return out;
  }
  return r;
}

template <size_t I>
Value shared_method(Value* args, size_t nargs, Tuple* kwnames) {
  ByteArray* ba = self_ba(args, kShared[I]);
  NativeFn fn = g_bytes_fns[I];
  // Copy the arguments (keyword values follow the positional ones) and put
  // a bytes snapshot of self in front; the caller's buffer stays untouched.
  size_t total = nargs + (kwnames ? size_t(kwnames->size) : 0);
  ValueVector argv(total);
  for (size_t i = 0; i < total; ++i) argv[i] = args[i];
  argv[0] = bytes_new(ba->view());
  return convert_result(fn(argv.data(), nargs, kwnames));
}

template <size_t... I>
void add_shared_methods(Type* t, std::index_sequence<I...>) {
  // Only the methods bytes actually has (looked up in g_bytes_fns first).
  ((g_bytes_fns[I] ? add_method(t, kShared[I], shared_method<I>) : void()), ...);
}

NativeFn bytes_method(const char* name) {
  Value f = type_lookup(bytes_type, intern(name));
  // Class and static methods sit in a classmethod/staticmethod wrapper.
  if (is_exact(f, classmethod_type) || is_exact(f, staticmethod_type))
    f = f.as<MethodWrapper>()->callable;
  if (f.empty() || !is_exact(f, builtin_function_type)) return nullptr;
  return f.as<BuiltinFunction>()->fn;
}

}  // namespace

ByteArray* bytearray_new(std::string_view data) {
  ByteArray* ba = gc_new<ByteArray>(bytearray_type);
  if (!data.empty())
    bytearray_append_bytes(ba, reinterpret_cast<const uint8_t*>(data.data()), int64_t(data.size()));
  return ba;
}

void bytearray_append_bytes(ByteArray* ba, const uint8_t* p, int64_t n) {
  if (n <= 0) return;
  reserve(ba, ba->size + n);
  std::memcpy(ba->data + ba->size, p, size_t(n));
  ba->size += n;
}

bool bytes_like_view(Value v, std::string_view* out) {
  if (!v.is_object()) return false;
  Type* t = v.obj()->type;
  if (t == bytes_type || is_subtype(t, bytes_type)) {
    *out = v.as<Bytes>()->view();
    return true;
  }
  if (t == bytearray_type || is_subtype(t, bytearray_type)) {
    *out = as_ba(v)->view();
    return true;
  }
  if (t == memoryview_type) {
    MemoryView* mv = v.as<MemoryView>();
    if (mv->released || (mv->step != 1 && mv->length > 1)) return false;
    std::string_view base;
    if (!bytes_like_view(mv->obj, &base)) return false;
    int64_t start = mv->start, len = mv->length;
    // The bytearray may have shrunk under the view.
    if (start > int64_t(base.size())) start = int64_t(base.size());
    if (len > int64_t(base.size()) - start) len = int64_t(base.size()) - start;
    *out = base.substr(size_t(start), size_t(len));
    return true;
  }
  return false;
}

void init_bytearray_types() {
  bytearray_type = new_builtin_type("bytearray", nullptr, sizeof(ByteArray), kTypeBaseType);
  Type* t = bytearray_type;
  t->finalize = ba_finalize;
  t->repr = ba_repr;
  t->richcompare = ba_richcompare;
  t->binary = ba_binary;
  t->length = ba_length;
  t->getitem = ba_getitem;
  t->setitem = ba_setitem;
  t->contains = ba_contains;
  t->iter = ba_iter;
  t->new_ = ba_new;
  t->init = ba_init;

  bytearray_iter_type = new_builtin_type("bytearray_iterator", nullptr, sizeof(ByteArrayIter));
  bytearray_iter_type->trace = ba_iter_trace;
  bytearray_iter_type->iter = iter_self;
  bytearray_iter_type->next = ba_iter_next;

  add_method(t, "append", m_append);
  add_method(t, "extend", m_extend);
  add_method(t, "insert", m_insert);
  add_method(t, "pop", m_pop);
  add_method(t, "remove", m_remove);
  add_method(t, "clear", m_clear);
  add_method(t, "copy", m_copy);
  add_method(t, "reverse", m_reverse);
  add_method(t, "__alloc__", m_alloc);
  add_method(t, "__reduce__", m_reduce);
  for (size_t i = 0; i < kNumShared; ++i) g_bytes_fns[i] = bytes_method(kShared[i]);
  add_shared_methods(t, std::make_index_sequence<kNumShared>());
  // fromhex builds bytes and then calls the class (bytearray(b'...')); maketrans
  // returns bytes for both types.
  if (NativeFn f = bytes_method("fromhex")) add_method(t, "fromhex", f, kBuiltinClassMethod);
  if (NativeFn f = bytes_method("maketrans")) add_method(t, "maketrans", f, kBuiltinStaticMethod);
  add_type_attr(t, "__hash__", none());  // unhashable, as CPython says: bytearray.__hash__ is None

  init_memoryview_type();
}

}  // namespace kestrel
