// The abstract object protocol: what the interpreter and the builtins call to
// operate on any value (CPython's abstract.c / object.c). Fast paths for the
// common builtin types are inline in interp/semantics.h; these functions are
// the general path and dispatch through Type slots and dunder methods.
#pragma once

#include <string>

#include "runtime/object.h"

namespace kestrel {

struct Str;
struct Tuple;
struct Dict;

// Conversion to text.
Value py_repr(Value v);  // returns a Str
Value py_str(Value v);   // returns a Str
std::string repr_utf8(Value v);
std::string str_utf8(Value v);
Value py_format(Value v, Value spec);  // format(v, spec); spec is a Str

// Truth, hashing, comparison.
bool py_truthy(Value v);
int64_t py_hash(Value v);  // raises TypeError "unhashable type: 'list'"
Value py_richcompare(Value a, Value b, int cmp);  // full dispatch incl. reflection
bool py_compare_bool(Value a, Value b, int cmp);  // same, then truth of the result
bool py_equal(Value a, Value b);  // identity shortcut, then ==
bool py_less(Value a, Value b);   // < (used by sort, min, max)

// Arithmetic (op is a BinOp number, +13 for in-place forms).
Value py_binary(Value a, Value b, int op);
Value py_negative(Value v);
Value py_positive(Value v);
Value py_invert(Value v);
Value py_absolute(Value v);
Value py_not(Value v);

// Attributes. name must be a Str (interned preferred).
Value py_getattr(Value obj, Str* name);           // raises AttributeError
Value py_getattr_opt(Value obj, Str* name);       // empty Value when missing
void py_setattr(Value obj, Str* name, Value v);
void py_delattr(Value obj, Str* name);
bool py_hasattr(Value obj, Str* name);
// object.__getattribute__ / __setattr__ (instance attrs + type MRO + descriptors).
Value generic_getattr(Value obj, Str* name);      // empty Value when missing
void generic_setattr(Value obj, Str* name, Value v);  // v empty = delete
// Finds `name` in the MRO of `type` (no descriptor binding); empty if absent.
Value type_lookup(Type* type, Str* name);

// Calls.
Value py_call(Value callable, Value* args, size_t nargs, Tuple* kwnames = nullptr);
Value py_call0(Value callable);
Value py_call1(Value callable, Value a);
Value py_call2(Value callable, Value a, Value b);
// Calls obj.name(args...) (method lookup without creating a bound method).
Value py_call_method(Value obj, Str* name, Value* args, size_t nargs);
// Looks up a special method on the TYPE (never the instance), like CPython's
// _PyObject_LookupSpecial; empty when absent.
Value lookup_special(Value obj, Str* name);

// Containers and iteration.
Value py_iter(Value v);   // raises TypeError "'int' object is not iterable"
Value py_next(Value it);  // empty Value when exhausted (StopIteration swallowed)
int64_t py_len(Value v);  // raises TypeError "object of type 'int' has no len()"
Value py_getitem(Value obj, Value key);
void py_setitem(Value obj, Value key, Value v);
void py_delitem(Value obj, Value key);
bool py_contains(Value container, Value item);
// Collects an iterable into a new vector-like list object (List*).
Value py_list_of(Value iterable);

// int(x) / float(x) / index conversions honouring __int__, __index__, __float__.
Value py_index(Value v);  // int via __index__, TypeError otherwise

}  // namespace kestrel
