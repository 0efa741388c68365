// A minimal memoryview: one-dimensional views with format 'B' over bytes
// (read-only) and bytearray (writable, writes go through), with slicing,
// tobytes/tolist/hex, release and the context-manager protocol.
#include <cstring>
#include <string>

#include "runtime/bytearray.h"
#include "runtime/bytes.h"
#include "runtime/container_util.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/range.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

namespace {

Type* memoryview_iter_type = nullptr;

inline MemoryView* as_mv(Value v) { return v.as<MemoryView>(); }

MemoryView* live(Value v) {
  MemoryView* mv = as_mv(v);
  if (mv->released) raise_value_error("operation forbidden on released memoryview object");
  return mv;
}

bool is_readonly(const MemoryView* mv) {
  return mv->force_readonly || !is_instance(mv->obj, bytearray_type);
}

// The base buffer, re-read on every access (a bytearray may reallocate).
uint8_t* base_data(const MemoryView* mv, int64_t* size) {
  if (is_instance(mv->obj, bytearray_type)) {
    ByteArray* ba = mv->obj.as<ByteArray>();
    *size = ba->size;
    return ba->data;
  }
  Bytes* b = mv->obj.as<Bytes>();
  *size = b->length;
  return b->mutable_data();
}

// Address of item i, or IndexError when the bytearray shrank under the view.
uint8_t* item_ptr(const MemoryView* mv, int64_t i) {
  int64_t size;
  uint8_t* d = base_data(mv, &size);
  int64_t at = mv->start + i * mv->step;
  if (at < 0 || at >= size) raise_index_error("index out of bounds on dimension 1");
  return d + at;
}

std::string contents(const MemoryView* mv) {
  std::string out;
  out.reserve(size_t(mv->length));
  for (int64_t i = 0; i < mv->length; ++i) out += char(*item_ptr(mv, i));
  return out;
}

MemoryView* make_view(Value obj, int64_t start, int64_t length, int64_t step) {
  MemoryView* mv = gc_new<MemoryView>(memoryview_type);
  mv->obj = obj;
  mv->start = start;
  mv->length = length;
  mv->step = step;
  return mv;
}

void mv_trace(Object* obj, Tracer& tracer) { tracer.mark(static_cast<MemoryView*>(obj)->obj); }

Value mv_new(Type*, Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  parse_args("memoryview", args, nargs, kwnames, {"object"}, 1, a);
  Value obj = a[0];
  if (is_exact(obj, memoryview_type)) {
    MemoryView* src = live(obj);
    MemoryView* r = make_view(src->obj, src->start, src->length, src->step);
    r->force_readonly = src->force_readonly;
    return r;
  }
  if (is_instance(obj, bytes_type)) return make_view(obj, 0, obj.as<Bytes>()->length, 1);
  if (is_instance(obj, bytearray_type)) return make_view(obj, 0, obj.as<ByteArray>()->size, 1);
  raise_type_error("memoryview: a bytes-like object is required, not '" + type_name_str(obj) + "'");
}

Value mv_repr(Value self) {
  char buf[64];
  snprintf(buf, sizeof buf, as_mv(self)->released ? "<released memory at %p>" : "<memory at %p>",
           static_cast<void*>(self.obj()));
  return Value(str_new(buf));
}

int64_t mv_length(Value self) { return live(self)->length; }

Value mv_getitem(Value self, Value key) {
  MemoryView* mv = live(self);
  if (key.is_object() && key.obj()->type == slice_type) {
    int64_t start, stop, step;
    int64_t n = slice_indices(key.as<Slice>(), mv->length, &start, &stop, &step);
    MemoryView* r =
        make_view(mv->obj, mv->start + start * mv->step, n < 0 ? 0 : n, mv->step * step);
    r->force_readonly = mv->force_readonly;
    return r;
  }
  if (!has_index(key)) raise_type_error("memoryview: invalid slice key");
  int64_t i = index_value(key);
  if (i < 0) i += mv->length;
  if (i < 0 || i >= mv->length) raise_index_error("index out of bounds on dimension 1");
  return Value::small(*item_ptr(mv, i));
}

void mv_setitem(Value self, Value key, Value v) {
  MemoryView* mv = live(self);
  if (is_readonly(mv)) raise_type_error("cannot modify read-only memory");
  if (v.empty()) raise_type_error("cannot delete memory");
  if (key.is_object() && key.obj()->type == slice_type) {
    int64_t start, stop, step;
    int64_t n = slice_indices(key.as<Slice>(), mv->length, &start, &stop, &step);
    std::string_view src;
    if (!bytes_like_view(v, &src))
      raise_type_error("a bytes-like object is required, not '" + type_name_str(v) + "'");
    if (n < 0) n = 0;
    if (int64_t(src.size()) != n)
      raise_value_error("memoryview assignment: lvalue and rvalue have different structures");
    std::string copy(src);  // src may overlap the destination
    for (int64_t k = 0; k < n; ++k) *item_ptr(mv, start + k * step) = uint8_t(copy[size_t(k)]);
    return;
  }
  if (!has_index(key)) raise_type_error("memoryview: invalid slice key");
  int64_t i = index_value(key);
  if (i < 0) i += mv->length;
  if (i < 0 || i >= mv->length) raise_index_error("index out of bounds on dimension 1");
  if (!is_int(v)) raise_type_error("memoryview: invalid type for format 'B'");
  int64_t c;
  if (!int_to_i64(v, &c) || c < 0 || c > 255)
    raise_value_error("memoryview: invalid value for format 'B'");
  *item_ptr(mv, i) = uint8_t(c);
}

Value mv_richcompare(Value a, Value b, int op) {
  if (op != 2 && op != 3) return not_implemented();
  MemoryView* mv = as_mv(a);
  bool equal;
  if (a == b) {
    equal = true;
  } else {
    if (mv->released) return not_implemented();
    std::string mine = contents(mv);
    std::string other;
    if (is_exact(b, memoryview_type)) {
      if (as_mv(b)->released) return not_implemented();
      other = contents(as_mv(b));
    } else {
      std::string_view view;
      if (!bytes_like_view(b, &view)) return not_implemented();
      other = std::string(view);
    }
    equal = mine == other;
  }
  return py_bool(op == 2 ? equal : !equal);
}

int64_t mv_hash(Value self) {
  MemoryView* mv = live(self);
  if (!is_readonly(mv)) raise_value_error("cannot hash writable memoryview object");
  std::string c = contents(mv);
  return str_hash_bytes(reinterpret_cast<const uint8_t*>(c.data()), int64_t(c.size()));
}

struct MemoryViewIter : Object {
  MemoryView* view;  // null once exhausted
  int64_t index;
};

void mv_iter_trace(Object* obj, Tracer& tracer) {
  MemoryViewIter* it = static_cast<MemoryViewIter*>(obj);
  if (it->view) tracer.mark(it->view);
}

Value mv_iter_next(Value self) {
  MemoryViewIter* it = self.as<MemoryViewIter>();
  if (!it->view) return Value();
  MemoryView* mv = live(it->view);
  if (it->index < mv->length) return Value::small(*item_ptr(mv, it->index++));
  it->view = nullptr;
  return Value();
}

Value iter_self(Value self) { return self; }

Value mv_iter(Value self) {
  MemoryView* mv = live(self);
  MemoryViewIter* it = gc_new<MemoryViewIter>(memoryview_iter_type);
  it->view = mv;
  return it;
}

// ---------------------------------------------------------------- methods

MemoryView* self_mv(Value* args, const char* name) {
  if (!is_exact(args[0], memoryview_type))
    raise_type_error(std::string("descriptor '") + name +
                     "' for 'memoryview' objects doesn't apply to a '" + type_name_str(args[0]) +
                     "' object");
  return as_mv(args[0]);
}

Value m_tobytes(Value* args, size_t nargs, Tuple* kwnames) {
  MemoryView* mv = live(self_mv(args, "tobytes"));
  Value a[1];
  arg_keywords("tobytes", args + 1, nargs - 1, kwnames, {"order"}, a);
  return bytes_new(contents(mv));
}

Value m_tolist(Value* args, size_t nargs, Tuple* kwnames) {
  MemoryView* mv = live(self_mv(args, "tolist"));
  arg_noargs("memoryview.tolist", nargs - 1, kwnames);
  List* l = list_new(mv->length);
  for (int64_t i = 0; i < mv->length; ++i) l->items[i] = Value::small(*item_ptr(mv, i));
  return l;
}

Value m_hex(Value* args, size_t nargs, Tuple* kwnames) {
  MemoryView* mv = live(self_mv(args, "hex"));
  // bytes.hex on a snapshot: same separators and messages.
  static NativeFn bytes_hex = nullptr;
  if (!bytes_hex) bytes_hex = type_lookup(bytes_type, intern("hex")).as<BuiltinFunction>()->fn;
  size_t total = nargs + (kwnames ? size_t(kwnames->size) : 0);
  ValueVector argv(total);
  for (size_t i = 0; i < total; ++i) argv[i] = args[i];
  argv[0] = bytes_new(contents(mv));
  return bytes_hex(argv.data(), nargs, kwnames);
}

Value m_release(Value* args, size_t nargs, Tuple* kwnames) {
  MemoryView* mv = self_mv(args, "release");
  arg_noargs("memoryview.release", nargs - 1, kwnames);
  mv->released = true;
  return none();
}

Value m_toreadonly(Value* args, size_t nargs, Tuple* kwnames) {
  MemoryView* mv = live(self_mv(args, "toreadonly"));
  arg_noargs("memoryview.toreadonly", nargs - 1, kwnames);
  MemoryView* r = make_view(mv->obj, mv->start, mv->length, mv->step);
  r->force_readonly = true;
  return r;
}

Value m_enter(Value* args, size_t nargs, Tuple* kwnames) {
  live(self_mv(args, "__enter__"));
  arg_noargs("memoryview.__enter__", nargs - 1, kwnames);
  return args[0];
}

Value m_exit(Value* args, size_t nargs, Tuple*) {
  MemoryView* mv = self_mv(args, "__exit__");
  (void)nargs;
  mv->released = true;
  return none();
}

Value get_obj(Value self) { return live(self)->obj; }
Value get_nbytes(Value self) { return Value::small(live(self)->length); }
Value get_readonly(Value self) { return py_bool(is_readonly(live(self))); }
Value get_itemsize(Value self) {
  live(self);
  return Value::small(1);
}
Value get_format(Value self) {
  live(self);
  return Value(str_new("B"));
}
Value get_ndim(Value self) {
  live(self);
  return Value::small(1);
}
Value get_shape(Value self) { return Value(tuple_of({Value::small(live(self)->length)})); }
Value get_strides(Value self) { return Value(tuple_of({Value::small(live(self)->step)})); }
Value get_contiguous(Value self) {
  MemoryView* mv = live(self);
  return py_bool(mv->step == 1 || mv->length <= 1);
}

}  // namespace

void init_memoryview_type() {
  memoryview_type = new_builtin_type("memoryview", nullptr, sizeof(MemoryView));
  Type* t = memoryview_type;
  t->trace = mv_trace;
  t->repr = mv_repr;
  t->hash = mv_hash;
  t->richcompare = mv_richcompare;
  t->length = mv_length;
  t->getitem = mv_getitem;
  t->setitem = mv_setitem;
  t->iter = mv_iter;
  t->new_ = mv_new;

  memoryview_iter_type = new_builtin_type("memory_iterator", nullptr, sizeof(MemoryViewIter));
  memoryview_iter_type->trace = mv_iter_trace;
  memoryview_iter_type->iter = iter_self;
  memoryview_iter_type->next = mv_iter_next;

  add_method(t, "tobytes", m_tobytes);
  add_method(t, "tolist", m_tolist);
  add_method(t, "hex", m_hex);
  add_method(t, "release", m_release);
  add_method(t, "toreadonly", m_toreadonly);
  add_method(t, "__enter__", m_enter);
  add_method(t, "__exit__", m_exit);
  add_getter(t, "obj", get_obj);
  add_getter(t, "nbytes", get_nbytes);
  add_getter(t, "readonly", get_readonly);
  add_getter(t, "itemsize", get_itemsize);
  add_getter(t, "format", get_format);
  add_getter(t, "ndim", get_ndim);
  add_getter(t, "shape", get_shape);
  add_getter(t, "strides", get_strides);
  add_getter(t, "contiguous", get_contiguous);
  add_getter(t, "c_contiguous", get_contiguous);
  add_getter(t, "f_contiguous", get_contiguous);
}

}  // namespace kestrel
