// Derived measures from judged CEMS data and stack tests, for indicator systems
// (`{measure: emissions.nox.exceedance_days}`). Combines lines as documented in docs/emissions.md:
// counts are summed, means and percentiles are taken over all lines' valid days, maxima over lines.
// A measure without data (e.g. a mean with no valid day) is absent, never zero.
#pragma once

#include "core/emissions/result.hpp"
#include "core/measures.hpp"
#include "core/plant.hpp"

#include <vector>

namespace grate::emissions {

/// Measures of DESIGN §2/§5: emissions.exceedance_days_total, emissions.<p>.exceedance_days,
/// .mean, .p95_daily, .max_daily, .valid_day_share, .share_days_within.<limit-set>,
/// emissions.hourly_alarms_total, furnace.violation_days, furnace.low_temperature_blocks,
/// operation.exempt_hours, operation.exempt_budget_exceeded (0/1),
/// operation.longest_exempt_episode_hours; and stack_tests.<p>.max from `stack_tests` (values
/// corrected to 11 % O2 when the test gives its O2).
Measures emission_measures(const EmissionsResult& result,
                           const std::vector<StackTest>& stack_tests = {});

/// Only the stack-test measures (for sheets without CEMS data).
Measures stack_test_measures(const std::vector<StackTest>& stack_tests);

} // namespace grate::emissions
