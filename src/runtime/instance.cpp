// Instance attribute storage through hidden-class layouts, with a
// dictionary-mode fallback for instances whose __dict__ is taken or that lose
// attributes (deletion would otherwise split the layout tree).
#include <string>
#include <vector>

#include "runtime/dict.h"
#include "runtime/gc.h"
#include "runtime/layout.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

// Past this many attributes an instance is not worth a layout chain.
constexpr size_t kMaxLayoutSlots = 64;

Layout* layout_root(Type* owner) {
  auto* l = new Layout{owner, nullptr, {}, {}, false, nullptr};
  return l;
}

// The names declared in __slots__ by the classes of `owner`'s MRO (private
// names mangled, `__dict__`/`__weakref__` left out). In dictionary mode these
// stay in the instance's slot array, so __dict__ never shows them (CPython
// stores them in member-descriptor slots outside the instance dict).
static std::vector<Str*> declared_slot_names(Type* owner) {
  std::vector<Str*> out;
  if (!owner->mro) return out;
  for (int64_t k = owner->mro->size - 1; k >= 0; --k) {
    Type* t = owner->mro->items[k].as<Type>();
    if (!(t->type_flags & kTypeHeap) || !(t->type_flags & kTypeHasSlotsDecl)) continue;
    Value slots = dict_get_str(t->dict, intern("__slots__"));
    if (slots.empty()) continue;
    auto add = [&](Value s) {
      if (!is_str(s)) return;
      std::string name = str_to_utf8(s.as<Str>());
      if (name == "__dict__" || name == "__weakref__") return;
      if (name.size() > 2 && name.compare(0, 2, "__") == 0 &&
          name.compare(name.size() - 2, 2, "__") != 0) {
        std::string cls = str_to_utf8(t->name);
        size_t i = cls.find_first_not_of('_');
        if (i != std::string::npos) name = "_" + cls.substr(i) + name;
      }
      Str* interned = intern(name);
      for (Str* n : out)
        if (n == interned) return;
      out.push_back(interned);
    };
    if (is_str(slots)) {
      add(slots);
      continue;
    }
    Value it = py_iter(slots);
    for (Value s = py_next(it); !s.empty(); s = py_next(it)) add(s);
  }
  return out;
}

Layout* layout_dictionary(Type* owner) {
  Layout* root = owner->root_layout;
  if (!root) root = owner->root_layout = layout_root(owner);
  if (!root->dict_layout)
    root->dict_layout = new Layout{owner, nullptr, declared_slot_names(owner), {}, true, nullptr};
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

bool layout_declares_slot(Type* owner, Str* name) {
  if (!name->interned) name = intern_str(name);
  return layout_dictionary(owner)->find(name) >= 0;
}

// In dictionary mode the layout's names are the declared __slots__ names
// (usually none), kept in the slot array; every other attribute is in the dict.
Value instance_get_attr(Object* obj, Str* name) {
  InstanceAttrs* a = attrs_of(obj);
  if (!a || !a->layout) return Value();
  if (a->layout->dictionary_mode && a->layout->names.empty())
    return a->dict ? dict_get_str(a->dict, name) : Value();
  if (!name->interned) name = intern_str(name);
  int i = a->layout->find(name);
  if (i >= 0) return a->slots[i];
  if (a->layout->dictionary_mode && a->dict) return dict_get_str(a->dict, name);
  return Value();
}

static void to_dictionary_mode(Object* obj, InstanceAttrs* a) {
  Layout* target = layout_dictionary(obj->type);
  size_t kept = target->names.size();
  Value* kept_slots = nullptr;
  if (kept) {
    kept_slots = static_cast<Value*>(gc_realloc_external(nullptr, 0, kept * sizeof(Value)));
    for (size_t k = 0; k < kept; ++k) kept_slots[k] = Value();
  }
  Dict* d = dict_new();
  Layout* l = a->layout;
  for (size_t i = 0; i < l->names.size(); ++i) {
    if (a->slots[i].empty()) continue;
    int j = target->find(l->names[i]);
    if (j >= 0)
      kept_slots[j] = a->slots[i];
    else
      dict_set_str(d, l->names[i], a->slots[i]);
  }
  gc_free_external(a->slots, a->capacity * sizeof(Value));
  a->slots = kept_slots;
  a->capacity = uint32_t(kept);
  a->dict = d;
  a->layout = target;
}

void instance_set_attr(Object* obj, Str* name, Value v) {
  InstanceAttrs* a = ensure_attrs(obj);
  if (a->layout->dictionary_mode) {
    if (!a->layout->names.empty()) {
      if (!name->interned) name = intern_str(name);
      int i = a->layout->find(name);
      if (i >= 0) {
        a->slots[i] = v;
        return;
      }
    }
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
    instance_set_attr(obj, name, v);
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
    a = attrs_of(obj);
  }
  if (!a->layout->names.empty()) {
    if (!name->interned) name = intern_str(name);
    int i = a->layout->find(name);
    if (i >= 0) {
      if (a->slots[i].empty()) return false;
      a->slots[i] = Value();
      return true;
    }
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
