// The table of grate's commands. Each command lives in its own cli/cmd_<name>.cpp and is a
// function from its arguments (after the command name) to an exit code.
#pragma once

#include "cli/cli_common.hpp"

namespace grate::cli {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const Args& args);
};

int run_evaluate(const Args& args);
int run_check(const Args& args);
int run_systems(const Args& args);
int run_show(const Args& args);
int run_weights(const Args& args);
int run_rank(const Args& args);
int run_emissions(const Args& args);
int run_batch(const Args& args);
int run_compare(const Args& args);
int run_explain(const Args& args);

inline constexpr Command commands[] = {
    {"evaluate", "grade one plant against an indicator system", run_evaluate},
    {"check", "validate indicator systems, limit sets, plant sheets and CEMS files", run_check},
    {"systems", "list the bundled indicator systems and limit sets", run_systems},
    {"show", "print one indicator system or limit set, resolved, with references", run_show},
    {"weights", "criterion weights: AHP (with consistency), entropy, CRITIC", run_weights},
    {"rank", "rank alternatives of a decision table by TOPSIS or VIKOR", run_rank},
    {"emissions", "judge CEMS data: daily means, exceedances, furnace blocks, exempt hours",
     run_emissions},
    {"batch", "evaluate many plants in parallel: summary, failures, TOPSIS ranking", run_batch},
    {"compare", "year-over-year: what moved between two JSON reports, by how much, why",
     run_compare},
    {"explain", "points lost per criterion and the cheapest way to the next grade", run_explain},
};

} // namespace grate::cli
