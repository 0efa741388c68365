// Struct sequences (CPython's PyStructSequence): tuple subclasses such as
// sys.version_info, sys.float_info and time.struct_time whose items are also
// readable as named attributes.
#include <string>
#include <unordered_map>
#include <vector>

#include "modules/builtins_internal.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

namespace {

struct StructSeqInfo {
  std::string qualified_name;  // "sys.version_info", used by repr
  std::vector<std::string> fields;
  size_t visible;
};

// Struct sequence types are few and immortal; this side table keeps their
// field names out of the GC heap.
std::unordered_map<const Type*, StructSeqInfo>& infos() {
  static auto* m = new std::unordered_map<const Type*, StructSeqInfo>();
  return *m;
}

// A read-only attribute reading item `index` of the struct sequence.
struct FieldDescr : Object {
  int64_t index;
  Str* name;
};
Type* field_descr_type;

Value field_get(Value self, Value obj, Value) {
  if (obj.empty()) return self;
  auto* f = self.as<FieldDescr>();
  return obj.as<Tuple>()->items[f->index];
}
void field_set(Value, Value, Value) { raise(attribute_error_type, "readonly attribute"); }
void field_trace(Object* obj, Tracer& tracer) { tracer.mark(static_cast<FieldDescr*>(obj)->name); }

// Items beyond `size` (the attribute-only fields) are traced too: their
// count is kept in the object's flags word.
void struct_seq_trace(Object* obj, Tracer& tracer) {
  auto* t = static_cast<Tuple*>(obj);
  int64_t n = t->size > int64_t(obj->flags) ? t->size : int64_t(obj->flags);
  tracer.mark_range(t->items, t->items + n);
}

Value struct_seq_repr(Value self) {
  const StructSeqInfo& info = infos().at(type_of(self));
  Tuple* t = self.as<Tuple>();
  std::string s = info.qualified_name + "(";
  for (size_t i = 0; i < info.visible; ++i) {
    if (i) s += ", ";
    s += info.fields[i] + "=" + repr_utf8(t->items[i]);
  }
  return Value(str_new(s + ")"));
}

}  // namespace

Type* make_struct_seq_type(const char* qualified_name, std::initializer_list<const char*> fields,
                           size_t visible) {
  if (!field_descr_type) {
    field_descr_type = new_builtin_type("member_descriptor", nullptr, sizeof(FieldDescr));
    field_descr_type->descr_get = field_get;
    field_descr_type->descr_set = field_set;
    field_descr_type->trace = field_trace;
  }
  std::string qn(qualified_name);
  size_t dot = qn.rfind('.');
  std::string short_name = dot == std::string::npos ? qn : qn.substr(dot + 1);
  Type* t = new_builtin_type(short_name.c_str(), tuple_type, sizeof(Tuple));
  // Builtin types do not inherit slots: take tuple's behaviour wholesale.
  Type* b = tuple_type;
  t->hash = b->hash;
  t->richcompare = b->richcompare;
  t->binary = b->binary;
  t->truthy = b->truthy;
  t->length = b->length;
  t->iter = b->iter;
  t->getitem = b->getitem;
  t->contains = b->contains;
  t->trace = struct_seq_trace;
  t->repr = struct_seq_repr;
  if (dot != std::string::npos) add_type_attr(t, "__module__", Value(intern(qn.substr(0, dot))));
  StructSeqInfo info{qn, {}, visible};
  int64_t i = 0;
  for (const char* f : fields) {
    info.fields.emplace_back(f);
    auto* d = gc_new<FieldDescr>(field_descr_type);
    d->index = i++;
    d->name = intern(f);
    add_type_attr(t, f, Value(d));
  }
  add_type_attr(t, "n_sequence_fields", Value::small(int64_t(visible)));
  add_type_attr(t, "n_fields", Value::small(int64_t(info.fields.size())));
  infos().emplace(t, std::move(info));
  return t;
}

Value struct_seq_new(Type* type, const Value* items, size_t nitems) {
  const StructSeqInfo& info = infos().at(type);
  size_t total = info.fields.size();
  auto* t = gc_new<Tuple>(type, total * sizeof(Value));
  t->flags = uint32_t(total);
  t->size = int64_t(info.visible);
  for (size_t i = 0; i < total; ++i) t->items[i] = i < nitems ? items[i] : none();
  return Value(t);
}

}  // namespace kestrel
