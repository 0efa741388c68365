// The lazy iterator classes of builtins (enumerate, zip, map, filter,
// reversed, callable_iterator) and the iter()/next() functions.
#include <string>

#include "modules/builtins_internal.h"
#include "runtime/errors.h"
#include "runtime/function.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

namespace {

Type* enumerate_type;
Type* zip_type;
Type* map_type;
Type* filter_type;
Type* reversed_type;
Type* callable_iter_type;

struct Enumerate : Object {
  Value iter;   // empty once exhausted
  Value index;  // int
};

struct Zip : Object {
  Tuple* iters;  // null once exhausted
  bool strict;
};

struct Map : Object {
  Value func;
  Tuple* iters;
};

struct Filter : Object {
  Value func;  // None = truthiness
  Value iter;
};

struct Reversed : Object {
  Value seq;  // empty once exhausted
  int64_t index;
};

struct CallableIter : Object {
  Value callable;  // empty once exhausted
  Value sentinel;
};

// Every iterator class returns itself from __iter__ and exposes __next__ as
// a method that raises StopIteration.
Value self_iter(Value self) { return self; }
Value iter_method(Value* args, size_t nargs, Tuple*) {
  check_nargs("__iter__", nargs, 1, 1);
  return args[0];
}
Value next_method(Value* args, size_t nargs, Tuple*) {
  check_nargs("__next__", nargs, 1, 1);
  Value v = type_of(args[0])->next(args[0]);
  if (v.empty()) raise_stop_iteration(Value());
  return v;
}

Type* make_iter_type(const char* name, size_t size, TraceFn trace, Value (*next)(Value),
                     Value (*new_)(Type*, Value*, size_t, Tuple*)) {
  Type* t = new_builtin_type(name, nullptr, size);
  t->trace = trace;
  t->iter = self_iter;
  t->next = next;
  t->new_ = new_;
  add_method(t, "__iter__", iter_method);
  add_method(t, "__next__", next_method);
  return t;
}

// ------------------------------------------------------------ enumerate

void enumerate_trace(Object* obj, Tracer& tracer) {
  auto* e = static_cast<Enumerate*>(obj);
  tracer.mark(e->iter);
  tracer.mark(e->index);
}
Value enumerate_next(Value self) {
  auto* e = self.as<Enumerate>();
  if (e->iter.empty()) return Value();
  Value item = py_next(e->iter);
  if (item.empty()) {
    e->iter = Value();
    return Value();
  }
  Value index = e->index;
  if (index.is_small() && index.small_value() < Value::kSmallMax)
    e->index = Value::small(index.small_value() + 1);
  else
    e->index = int_binary(index, Value::small(1), 0);
  return Value(tuple_of({index, item}));
}
Value enumerate_new(Type* type, Value* args, size_t nargs, Tuple* kwnames) {
  Value iterable, start;
  if (nargs > 2)
    raise_type_error("enumerate() takes at most 2 arguments (" + std::to_string(nargs) + " given)");
  if (nargs > 0) iterable = args[0];
  if (nargs > 1) start = args[1];
  if (kwnames) {
    for (int64_t k = 0; k < kwnames->size; ++k) {
      Str* kw = kwnames->items[k].as<Str>();
      Value v = args[nargs + size_t(k)];
      if (str_equal_ascii(kw, "iterable") && iterable.empty())
        iterable = v;
      else if (str_equal_ascii(kw, "start") && start.empty())
        start = v;
      else if (str_equal_ascii(kw, "iterable") || str_equal_ascii(kw, "start"))
        raise_type_error("argument for enumerate() given by name ('" + str_to_utf8(kw) +
                         "') and position (" + (str_equal_ascii(kw, "iterable") ? "1" : "2") + ")");
      else
        raise_type_error("enumerate() got an unexpected keyword argument '" + str_to_utf8(kw) +
                         "'");
    }
  }
  if (iterable.empty()) raise_type_error("enumerate() missing required argument 'iterable'");
  Value it = py_iter(iterable);
  Value index = Value::small(0);
  if (!start.empty()) index = py_index(start);
  auto* e = gc_new<Enumerate>(type);
  e->iter = it;
  e->index = index;
  return Value(e);
}

// ------------------------------------------------------------ zip

void zip_trace(Object* obj, Tracer& tracer) { tracer.mark(static_cast<Zip*>(obj)->iters); }

std::string arguments_upto(int64_t i) {  // "argument 1" / "arguments 1-3"
  return i == 1 ? "argument 1" : "arguments 1-" + std::to_string(i);
}

Value zip_next(Value self) {
  auto* z = self.as<Zip>();
  Tuple* iters = z->iters;
  if (!iters || iters->size == 0) return Value();
  int64_t n = iters->size;
  Tuple* result = tuple_new(n);
  for (int64_t i = 0; i < n; ++i) {
    Value v = py_next(iters->items[i]);
    if (v.empty()) {
      z->iters = nullptr;
      if (z->strict) {
        if (i > 0)
          raise_value_error("zip() argument " + std::to_string(i + 1) + " is shorter than " +
                            arguments_upto(i));
        for (int64_t j = 1; j < n; ++j) {
          if (!py_next(iters->items[j]).empty())
            raise_value_error("zip() argument " + std::to_string(j + 1) + " is longer than " +
                              arguments_upto(j));
        }
      }
      return Value();
    }
    result->items[i] = v;
  }
  return Value(result);
}
Value zip_new(Type* type, Value* args, size_t nargs, Tuple* kwnames) {
  bool strict = false;
  if (kwnames) {
    for (int64_t k = 0; k < kwnames->size; ++k) {
      Str* kw = kwnames->items[k].as<Str>();
      if (!str_equal_ascii(kw, "strict"))
        raise_type_error("'" + str_to_utf8(kw) + "' is an invalid keyword argument for zip()");
      strict = py_truthy(args[nargs + size_t(k)]);
    }
  }
  Tuple* iters = tuple_new(int64_t(nargs));
  for (size_t i = 0; i < nargs; ++i) iters->items[i] = Value();
  for (size_t i = 0; i < nargs; ++i) iters->items[i] = py_iter(args[i]);
  auto* z = gc_new<Zip>(type);
  z->iters = iters;
  z->strict = strict;
  return Value(z);
}

// ------------------------------------------------------------ map

void map_trace(Object* obj, Tracer& tracer) {
  auto* m = static_cast<Map*>(obj);
  tracer.mark(m->func);
  tracer.mark(m->iters);
}
Value map_next(Value self) {
  auto* m = self.as<Map>();
  Tuple* iters = m->iters;
  if (!iters) return Value();
  int64_t n = iters->size;
  if (n == 1) {
    Value v = py_next(iters->items[0]);
    if (v.empty()) return Value();
    return py_call1(m->func, v);
  }
  ValueVector items{};
  items.resize(size_t(n));
  for (int64_t i = 0; i < n; ++i) {
    Value v = py_next(iters->items[i]);
    if (v.empty()) return Value();
    items[size_t(i)] = v;
  }
  return py_call(m->func, items.data(), size_t(n));
}
Value map_new(Type* type, Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) raise_type_error("map() takes no keyword arguments");
  if (nargs < 2) raise_type_error("map() must have at least two arguments.");
  Tuple* iters = tuple_new(int64_t(nargs - 1));
  for (size_t i = 1; i < nargs; ++i) iters->items[i - 1] = Value();
  for (size_t i = 1; i < nargs; ++i) iters->items[i - 1] = py_iter(args[i]);
  auto* m = gc_new<Map>(type);
  m->func = args[0];
  m->iters = iters;
  return Value(m);
}

// ------------------------------------------------------------ filter

void filter_trace(Object* obj, Tracer& tracer) {
  auto* f = static_cast<Filter*>(obj);
  tracer.mark(f->func);
  tracer.mark(f->iter);
}
Value filter_next(Value self) {
  auto* f = self.as<Filter>();
  bool truth_only = is_none(f->func) || f->func == Value(bool_type);
  for (;;) {
    Value v = py_next(f->iter);
    if (v.empty()) return Value();
    bool ok = truth_only ? py_truthy(v) : py_truthy(py_call1(f->func, v));
    if (ok) return v;
  }
}
Value filter_new(Type* type, Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) raise_type_error("filter() takes no keyword arguments");
  check_nargs("filter", nargs, 2, 2);
  Value it = py_iter(args[1]);
  auto* f = gc_new<Filter>(type);
  f->func = args[0];
  f->iter = it;
  return Value(f);
}

// ------------------------------------------------------------ reversed

void reversed_trace(Object* obj, Tracer& tracer) { tracer.mark(static_cast<Reversed*>(obj)->seq); }
Value reversed_next(Value self) {
  auto* r = self.as<Reversed>();
  if (r->seq.empty() || r->index < 0) {
    r->seq = Value();
    return Value();
  }
  Value item;
  try {
    item = py_getitem(r->seq, int_from_i64(r->index));
  } catch (PyException& e) {
    if (is_instance(e.exc, index_error_type) || is_instance(e.exc, stop_iteration_type)) {
      r->seq = Value();
      return Value();
    }
    throw;
  }
  --r->index;
  return item;
}
Value reversed_new(Type* type, Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) raise_type_error("reversed() takes no keyword arguments");
  if (nargs != 1) raise_type_error("reversed expected 1 argument, got " + std::to_string(nargs));
  Value seq = args[0];
  if (type == reversed_type) {
    Value m = lookup_special(seq, names::dunder_reversed);
    if (!m.empty()) {
      if (is_none(m)) raise_type_error("'" + type_name_str(seq) + "' object is not reversible");
      return py_call0(m);
    }
  }
  // The sequence protocol; dicts and sets are not sequences even though
  // they support []/len.
  Type* st = type_of(seq);
  bool has_getitem = st->getitem != nullptr || !lookup_special(seq, names::dunder_getitem).empty();
  if (!has_getitem || is_dict(seq) || is_subtype(st, set_type) || is_subtype(st, frozenset_type))
    raise_type_error("'" + type_name_str(seq) + "' object is not reversible");
  int64_t n = py_len(seq);
  auto* r = gc_new<Reversed>(type);
  r->seq = seq;
  r->index = n - 1;
  return Value(r);
}
Value reversed_length_hint(Value* args, size_t nargs, Tuple*) {
  check_nargs("__length_hint__", nargs, 1, 1);
  auto* r = args[0].as<Reversed>();
  if (r->seq.empty() || r->index < 0) return Value::small(0);
  return int_from_i64(r->index + 1);
}

// ------------------------------------------------------------ callable_iterator

void callable_iter_trace(Object* obj, Tracer& tracer) {
  auto* c = static_cast<CallableIter*>(obj);
  tracer.mark(c->callable);
  tracer.mark(c->sentinel);
}
Value callable_iter_next(Value self) {
  auto* c = self.as<CallableIter>();
  if (c->callable.empty()) return Value();
  Value v;
  try {
    v = py_call0(c->callable);
  } catch (PyException& e) {
    if (is_instance(e.exc, stop_iteration_type)) {
      c->callable = Value();
      return Value();
    }
    throw;
  }
  if (py_equal(v, c->sentinel)) {
    c->callable = Value();
    return Value();
  }
  return v;
}

bool is_callable(Value v) {
  Type* t = type_of(v);
  return t->call != nullptr || t == function_type || t == method_type ||
         t == builtin_function_type || is_type(v) || !lookup_special(v, names::dunder_call).empty();
}

// ------------------------------------------------------------ iter / next

Value builtin_iter(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("iter", kwnames);
  check_nargs("iter", nargs, 1, 2);
  if (nargs == 1) return py_iter(args[0]);
  if (!is_callable(args[0])) raise_type_error("iter(v, w): v must be callable");
  auto* c = gc_new<CallableIter>(callable_iter_type);
  c->callable = args[0];
  c->sentinel = args[1];
  return Value(c);
}

Value builtin_next(Value* args, size_t nargs, Tuple* kwnames) {
  check_no_kwargs("next", kwnames);
  check_nargs("next", nargs, 1, 2);
  Value it = args[0];
  Type* t = type_of(it);
  if (!t->next && lookup_special(it, names::dunder_next).empty())
    raise_type_error("'" + type_name_str(it) + "' object is not an iterator");
  Value v = py_next(it);
  if (!v.empty()) return v;
  if (nargs == 2) return args[1];
  raise_stop_iteration(Value());
}

}  // namespace

void add_iter_builtins(Value module) {
  if (!enumerate_type) {
    enumerate_type = make_iter_type("enumerate", sizeof(Enumerate), enumerate_trace, enumerate_next,
                                    enumerate_new);
    zip_type = make_iter_type("zip", sizeof(Zip), zip_trace, zip_next, zip_new);
    map_type = make_iter_type("map", sizeof(Map), map_trace, map_next, map_new);
    filter_type = make_iter_type("filter", sizeof(Filter), filter_trace, filter_next, filter_new);
    reversed_type =
        make_iter_type("reversed", sizeof(Reversed), reversed_trace, reversed_next, reversed_new);
    add_method(reversed_type, "__length_hint__", reversed_length_hint);
    callable_iter_type = make_iter_type("callable_iterator", sizeof(CallableIter),
                                        callable_iter_trace, callable_iter_next, nullptr);
  }
  module_set(module, "enumerate", Value(enumerate_type));
  module_set(module, "zip", Value(zip_type));
  module_set(module, "map", Value(map_type));
  module_set(module, "filter", Value(filter_type));
  module_set(module, "reversed", Value(reversed_type));
  module_set(module, "iter", new_builtin_function("iter", builtin_iter, module));
  module_set(module, "next", new_builtin_function("next", builtin_next, module));
}

}  // namespace kestrel
