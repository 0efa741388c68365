// Hidden classes ("layouts", PyPy's maps): an immutable description of which
// attribute lives in which slot of an instance. Instances that gain the same
// attributes in the same order share a layout, so the interpreter's inline
// caches and JIT traces can turn `obj.x` into a layout compare plus a load.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "runtime/object.h"

namespace kestrel {

struct Layout {
  Type* owner;               // each class has its own tree of layouts
  Layout* parent;            // null for the root
  std::vector<Str*> names;   // slot i holds attribute names[i] (interned)
  std::vector<std::pair<Str*, Layout*>> transitions;
  bool dictionary_mode;      // attributes live in InstanceAttrs::dict instead
  Layout* dict_layout;       // the class's dictionary-mode layout (shared)

  int find(const Str* name) const {
    for (size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) return int(i);
    return -1;
  }
};

// Layouts are immortal (they are few: one per class per attribute order), so
// they are plain C++ objects and hold only interned (immortal) names.
Layout* layout_root(Type* owner);
Layout* layout_add(Layout* from, Str* name);  // the layout after adding `name`
Layout* layout_dictionary(Type* owner);

// Instance attribute storage operations (runtime/instance.cpp).
Value instance_get_attr(Object* obj, Str* name);       // empty when absent
void instance_set_attr(Object* obj, Str* name, Value v);
bool instance_del_attr(Object* obj, Str* name);         // false when absent
Dict* instance_dict(Object* obj);                        // switches to dictionary mode
// Whether `name` (already mangled) is declared in the __slots__ of a class on owner's MRO.
bool layout_declares_slot(Type* owner, Str* name);
void trace_instance_attrs(Object* obj, Tracer& tracer);
void free_instance_attrs(Object* obj);

}  // namespace kestrel
