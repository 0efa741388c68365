#include "jit/opt/passes.h"
namespace kestrel::jit::opt {
bool remove_allocations(Trace&) { return false; }
}  // namespace kestrel::jit::opt
