// The native `math` module.
#pragma once

#include "runtime/object.h"

namespace kestrel {

Value make_math_module();

}  // namespace kestrel
