// Redundant-guard removal.
// (Placeholder: the pass is being written; it leaves the trace unchanged.)
#include "jit/opt/passes.h"

namespace kestrel::jit::opt {

bool remove_redundant_guards(Trace& /*t*/) { return false; }

}  // namespace kestrel::jit::opt
