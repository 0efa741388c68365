// The `builtins` module: every builtin name (types, exceptions, constants,
// functions) bound in one Module that each module's globals see as
// __builtins__. Also owns the process's standard streams (see flush below).
#pragma once

#include "runtime/object.h"

namespace kestrel {

Value make_builtins_module();

// Flushes the buffered C stdio streams print() and sys.stdout/stderr write
// into. main() must call it before exiting (also before printing a
// traceback to stderr when stdout is a terminal, to keep the order).
void flush_std_streams();

}  // namespace kestrel
