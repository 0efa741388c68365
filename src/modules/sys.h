// The native `sys` module: argv, path, modules, the standard streams,
// version information and interpreter knobs.
#pragma once

#include <string>

#include "runtime/object.h"

namespace kestrel {

struct Dict;

// argv_for_python[0] is the script path as given (or "-c"), then the
// script's arguments; argc_after_script counts them all.
Value make_sys_module(int argc_after_script, char** argv_for_python);

// sys.modules, filled by the import system (created on first use).
Dict* sys_modules();

// Sets sys.path[0] (the script's directory; "" for -c and the REPL).
void sys_set_path0(const std::string& dir);

// sys.get_int_max_str_digits() limit for int<->str conversions (0 = none).
extern int g_int_max_str_digits;

}  // namespace kestrel
