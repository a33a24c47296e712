// Transitional: commands whose implementation is in progress. Removed as each lands.
#include <cstdio>

#include "cli/commands.hpp"

namespace grate::cli {
static int pending(const char* name) {
  std::fprintf(stderr, "grate %s: not implemented yet\n", name);
  return ExitCode::InternalError;
}
int run_evaluate(const Args&) { return pending("evaluate"); }
int run_check(const Args&) { return pending("check"); }
int run_systems(const Args&) { return pending("systems"); }
int run_show(const Args&) { return pending("show"); }
}  // namespace grate::cli
