// Common-subexpression elimination (with peeling: loop-invariant code motion).
// (Placeholder: the pass is being written; it leaves the trace unchanged.)
#include "jit/opt/passes.h"

namespace kestrel::jit::opt {

bool eliminate_common_subexpressions(Trace& /*t*/) { return false; }

}  // namespace kestrel::jit::opt
