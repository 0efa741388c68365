// Constant folding and algebraic simplification.
// (Placeholder: the pass is being written; it leaves the trace unchanged.)
#include "jit/opt/passes.h"

namespace kestrel::jit::opt {

bool fold_constants(Trace& /*t*/) { return false; }

}  // namespace kestrel::jit::opt
