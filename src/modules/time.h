// The native `time` module: clocks, sleep and struct_time conversions.
#pragma once

#include "runtime/object.h"

namespace kestrel {

Value make_time_module();

}  // namespace kestrel
