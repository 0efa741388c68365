// The optimizer's pass order and the --jit-opt switch list (passes.h).
#include <sstream>

#include "jit/opt/passes.h"

namespace kestrel::jit::opt {

namespace {

struct PassFlag {
  const char* name;
  bool PassOptions::*flag;
};
constexpr PassFlag kPassFlags[] = {
    {"peel", &PassOptions::peel},
    {"fold", &PassOptions::fold},
    {"cse", &PassOptions::cse},
    {"guards", &PassOptions::guards},
    {"allocations", &PassOptions::allocations},
    {"intbounds", &PassOptions::intbounds},
    {"dce", &PassOptions::dce},
};

}  // namespace

bool parse_pass_list(const std::string& text, PassOptions* opts, std::string* error) {
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (item.empty()) continue;
    if (item == "all" || item == "none") {
      for (const PassFlag& p : kPassFlags) opts->*p.flag = item == "all";
      continue;
    }
    bool on = item[0] != '-';
    std::string name = on ? item : item.substr(1);
    if (name == "verify") {
      opts->verify = on;
      continue;
    }
    bool found = false;
    for (const PassFlag& p : kPassFlags) {
      if (name == p.name) {
        opts->*p.flag = on;
        found = true;
      }
    }
    if (!found) {
      *error = "unknown optimization pass '" + name + "'";
      return false;
    }
  }
  return true;
}

// Order: peeling first (it creates the preamble the other passes exploit),
// then simplification and CSE (loop-invariant code motion), guard removal,
// unboxing through PHIs (needs the peeled shape), a second round of folding
// and CSE for what unboxing exposed, bounds, and finally DCE, which also
// compacts the trace for the backend. The verifier runs after every pass.
std::string optimize(Trace& t, const PassOptions& o) {
  struct Step {
    bool enabled;
    bool (*pass)(Trace&);
    const char* name;
  };
  const Step steps[] = {
      {o.peel, peel_loop, "peel"},
      {o.fold, fold_constants, "fold"},
      {o.cse, eliminate_common_subexpressions, "cse"},
      {o.guards, remove_redundant_guards, "guards"},
      {o.allocations, remove_allocations, "allocations"},
      {o.fold, fold_constants, "fold"},
      {o.cse, eliminate_common_subexpressions, "cse"},
      {o.guards, remove_redundant_guards, "guards"},
      {o.intbounds, narrow_overflow_checks, "intbounds"},
      {o.dce, eliminate_dead_code, "dce"},
  };
  std::string problems = verify_trace(t);
  if (!problems.empty()) return "recorded trace: " + problems;
  for (const Step& s : steps) {
    if (!s.enabled) continue;
    s.pass(t);
    if (!o.verify) continue;
    problems = verify_trace(t);
    if (!problems.empty()) return std::string("after ") + s.name + ": " + problems;
  }
  problems = o.verify ? "" : verify_trace(t);
  if (!problems.empty()) return "after the passes: " + problems;
  return "";
}

}  // namespace kestrel::jit::opt
