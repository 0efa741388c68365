#include "jit/opt/passes.h"
namespace kestrel::jit::opt {
bool peel_loop(Trace&) { return false; }
}  // namespace kestrel::jit::opt
