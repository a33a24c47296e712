// Renders the `energy` block of an evaluation report: a JSON object (keys r1, ccf, r1_corrected,
// r1_threshold, r1_pass, net_export_kwh_per_t, own_use_rate, the BAT efficiencies, and why any of
// them is null) and a Markdown section in English or Chinese. Formatting only, no computation.
#pragma once

#include "core/energy.hpp"
#include "core/text.hpp"

#include <string>

namespace grate::io {

/// The `energy` object of `grate-report/1`, one line, no trailing newline. Numbers have at most
/// six decimals; `r1_pass` is a boolean; an indicator without a value is `null` and listed under
/// `unavailable` with its reason and missing keys.
std::string render_energy_json(const energy::EnergyResult& result);

/// A Markdown section ("## Energy efficiency" / "## 能源效率" at `heading_level` 2) with one
/// table row per indicator, its value and the basis it was computed on; ends with a newline.
std::string render_energy_markdown(const energy::EnergyResult& result, Language language,
                                   int heading_level = 2);

} // namespace grate::io
