// Instance attribute storage through hidden-class layouts, with a
// dictionary-mode fallback for instances whose __dict__ is taken or that lose
// attributes (deletion would otherwise split the layout tree).
#include "runtime/dict.h"
#include "runtime/gc.h"
#include "runtime/layout.h"
#include "runtime/str.h"

namespace kestrel {

// Past this many attributes an instance is not worth a layout chain.
constexpr size_t kMaxLayoutSlots = 64;

Layout* layout_root(Type* owner) {
  auto* l = new Layout{owner, nullptr, {}, {}, false, nullptr};
  return l;
}

Layout* layout_dictionary(Type* owner) {
  Layout* root = owner->root_layout;
  if (!root) root = owner->root_layout = layout_root(owner);
  if (!root->dict_layout) root->dict_layout = new Layout{owner, nullptr, {}, {}, true, nullptr};
  return root->dict_layout;
}

Layout* layout_add(Layout* from, Str* name) {
  for (auto& [n, l] : from->transitions)
    if (n == name) return l;
  auto* l = new Layout{from->owner, from, from->names, {}, false, nullptr};
  l->names.push_back(name);
  from->transitions.emplace_back(name, l);
  return l;
}

static InstanceAttrs* ensure_attrs(Object* obj) {
  InstanceAttrs* a = attrs_of(obj);
  if (!a->layout) {
    Type* t = obj->type;
    if (!t->root_layout) t->root_layout = layout_root(t);
    a->layout = t->root_layout;
  }
  return a;
}

Value instance_get_attr(Object* obj, Str* name) {
  InstanceAttrs* a = attrs_of(obj);
  if (!a || !a->layout) return Value();
  if (a->layout->dictionary_mode) return a->dict ? dict_get_str(a->dict, name) : Value();
  if (!name->interned) name = intern_str(name);
  int i = a->layout->find(name);
  return i >= 0 ? a->slots[i] : Value();
}

static void to_dictionary_mode(Object* obj, InstanceAttrs* a) {
  Dict* d = dict_new();
  Layout* l = a->layout;
  for (size_t i = 0; i < l->names.size(); ++i)
    if (!a->slots[i].empty()) dict_set_str(d, l->names[i], a->slots[i]);
  gc_free_external(a->slots, a->capacity * sizeof(Value));
  a->slots = nullptr;
  a->capacity = 0;
  a->dict = d;
  a->layout = layout_dictionary(obj->type);
}

void instance_set_attr(Object* obj, Str* name, Value v) {
  InstanceAttrs* a = ensure_attrs(obj);
  if (a->layout->dictionary_mode) {
    if (!a->dict) a->dict = dict_new();
    dict_set_str(a->dict, name, v);
    return;
  }
  if (!name->interned) name = intern_str(name);
  int i = a->layout->find(name);
  if (i >= 0) {
    a->slots[i] = v;
    return;
  }
  if (a->layout->names.size() >= kMaxLayoutSlots) {
    to_dictionary_mode(obj, a);
    if (!a->dict) a->dict = dict_new();
    dict_set_str(a->dict, name, v);
    return;
  }
  Layout* next = layout_add(a->layout, name);
  size_t need = next->names.size();
  if (need > a->capacity) {
    uint32_t cap = a->capacity ? a->capacity * 2 : 4;
    while (cap < need) cap *= 2;
    auto* slots = static_cast<Value*>(
        gc_realloc_external(a->slots, a->capacity * sizeof(Value), cap * sizeof(Value)));
    for (uint32_t k = a->capacity; k < cap; ++k) slots[k] = Value();
    a = attrs_of(obj);  // (the realloc may have collected; obj is still live)
    a->slots = slots;
    a->capacity = cap;
  }
  a->slots[need - 1] = v;
  a->layout = next;
}

bool instance_del_attr(Object* obj, Str* name) {
  InstanceAttrs* a = attrs_of(obj);
  if (!a || !a->layout) return false;
  if (!a->layout->dictionary_mode) {
    if (!name->interned) name = intern_str(name);
    if (a->layout->find(name) < 0) return false;
    to_dictionary_mode(obj, a);
  }
  return a->dict && dict_delete(a->dict, Value(name));
}

Dict* instance_dict(Object* obj) {
  InstanceAttrs* a = ensure_attrs(obj);
  if (!a->layout->dictionary_mode) to_dictionary_mode(obj, a);
  if (!a->dict) a->dict = dict_new();
  return a->dict;
}

void trace_instance_attrs(Object* obj, Tracer& tracer) {
  InstanceAttrs* a = attrs_of(obj);
  if (!a) return;
  tracer.mark(a->dict);
  if (a->slots && a->layout) tracer.mark_range(a->slots, a->slots + a->layout->names.size());
}

void free_instance_attrs(Object* obj) {
  InstanceAttrs* a = attrs_of(obj);
  if (a && a->slots) {
    gc_free_external(a->slots, a->capacity * sizeof(Value));
    a->slots = nullptr;
  }
}

}  // namespace kestrel
