// Raising Python exceptions from C++. A Python exception travels through the
// runtime as a C++ exception (PyException) and is turned back into Python
// state by the interpreter, which unwinds frames with each code object's
// exception table. Raising is rare; the non-raising path costs nothing.
#pragma once

#include <string>

#include "runtime/object.h"

namespace kestrel {

struct PyException {
  Value exc;  // an instance of BaseException (or a subclass)
};

// The in-flight exception is also kept in a GC root while it unwinds.
[[noreturn]] void raise_exception(Value exc);
// Instantiates `type` with a single str argument `msg` and raises it.
[[noreturn]] void raise(Type* type, const std::string& msg);
// Instantiates `type` with the given args (none if empty).
[[noreturn]] void raise_with_args(Type* type, Value* args, size_t nargs);

// Convenience raisers for the common cases, with CPython's wording
// composed by the caller.
[[noreturn]] void raise_type_error(const std::string& msg);
[[noreturn]] void raise_value_error(const std::string& msg);
[[noreturn]] void raise_index_error(const std::string& msg);
[[noreturn]] void raise_key_error(Value key);
[[noreturn]] void raise_attribute_error(Value obj, Str* name);  // CPython's message
[[noreturn]] void raise_zero_division(const std::string& msg);
[[noreturn]] void raise_overflow_error(const std::string& msg);
[[noreturn]] void raise_memory_error();
[[noreturn]] void raise_stop_iteration(Value value);  // value may be empty
[[noreturn]] void raise_not_implemented(const std::string& what);

// The name of a value's class, for messages ("'int' object is not iterable").
const char* type_name(Value v);
std::string type_name_str(Value v);

// Exception classes (runtime/exceptions.cpp).
extern Type* base_exception_type;
extern Type* exception_type;
extern Type* system_exit_type;
extern Type* keyboard_interrupt_type;
extern Type* generator_exit_type;
extern Type* stop_iteration_type;
extern Type* arithmetic_error_type;
extern Type* zero_division_error_type;
extern Type* overflow_error_type;
extern Type* assertion_error_type;
extern Type* attribute_error_type;
extern Type* lookup_error_type;
extern Type* index_error_type;
extern Type* key_error_type;
extern Type* name_error_type;
extern Type* unbound_local_error_type;
extern Type* type_error_type;
extern Type* value_error_type;
extern Type* unicode_error_type;
extern Type* unicode_decode_error_type;
extern Type* unicode_encode_error_type;
extern Type* runtime_error_type;
extern Type* recursion_error_type;
extern Type* not_implemented_error_type;
extern Type* import_error_type;
extern Type* module_not_found_error_type;
extern Type* memory_error_type;
extern Type* os_error_type;
extern Type* file_not_found_error_type;
extern Type* eof_error_type;
extern Type* syntax_error_type;
extern Type* indentation_error_type;
extern Type* tab_error_type;
extern Type* warning_type;
extern Type* deprecation_warning_type;
extern Type* user_warning_type;
extern Type* runtime_warning_type;

}  // namespace kestrel
