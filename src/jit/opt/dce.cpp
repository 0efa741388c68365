// Dead-code elimination and compaction of the trace.
// (Placeholder: the pass is being written; it leaves the trace unchanged.)
#include "jit/opt/passes.h"

namespace kestrel::jit::opt {

bool eliminate_dead_code(Trace& /*t*/) { return false; }

}  // namespace kestrel::jit::opt
