// Start-up of the object world: creates every builtin type and module object
// the interpreter needs before it runs the first instruction.
#pragma once

namespace kestrel {

void init_runtime();

}  // namespace kestrel
