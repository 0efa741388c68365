// Integer range analysis: overflow checks that cannot fail become plain ops.
// (Placeholder: the pass is being written; it leaves the trace unchanged.)
#include "jit/opt/passes.h"

namespace kestrel::jit::opt {

bool narrow_overflow_checks(Trace& /*t*/) { return false; }

}  // namespace kestrel::jit::opt
