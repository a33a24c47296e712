// The one place that formats numbers for reports: fixed decimals at presentation only, trailing
// zeros trimmed, no "-0". Computation never rounds.
#pragma once

#include <string>

namespace grate {

/// `value` with at most `decimals` decimals, trailing zeros removed ("84.25", "3", "0.018").
std::string format_number(double value, int decimals = 4);

/// `value` with exactly `decimals` decimals ("84.25" → "84.25", 3 → "3.00").
std::string format_fixed(double value, int decimals);

} // namespace grate
