// Renders indicator systems and limit sets for people (`grate show`, `grate systems`): the
// resolved criteria tree with maximums and derived weights, rules, conditions and references.
#pragma once

#include "core/emissions/limit_set.hpp"
#include "core/system.hpp"
#include "core/text.hpp"

#include <string>
#include <vector>

namespace grate::io {

std::string render_system_markdown(const IndicatorSystem& system, Language language);
std::string render_limit_set_markdown(const emissions::LimitSet& set, Language language);
std::string render_catalogue_markdown(const std::vector<IndicatorSystem>& systems,
                                      const std::vector<emissions::LimitSet>& sets,
                                      Language language);
std::string render_catalogue_json(const std::vector<IndicatorSystem>& systems,
                                  const std::vector<emissions::LimitSet>& sets);

/// One line describing a rule ("steps: ≥ 3 → 1, ≥ 2 → 0.5, otherwise 0").
std::string describe_rule(const ScoringRule& rule);
/// One line describing a condition ("fact 'operating_years' ≥ 1").
std::string describe_condition(const Condition& condition);

} // namespace grate::io
