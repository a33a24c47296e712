// Renders the judgement of a sheet's CEMS data (`grate emissions`) as Markdown (English or
// Chinese headers), JSON (`grate-emissions/1`, the fixed keys of DESIGN §5 and more) or CSV (one
// row per line, day and pollutant). Formatting only; deterministic for the same input.
#pragma once

#include "core/emissions/limit_set.hpp"
#include "core/emissions/result.hpp"
#include "core/plant.hpp"
#include "core/text.hpp"

#include <string>
#include <vector>

namespace grate::io {

struct EmissionsReport {
  const PlantSheet* sheet = nullptr;
  const emissions::EmissionsResult* result = nullptr;
  std::vector<const emissions::LimitSet*> sets; ///< primary first, then the compared ones
};

std::string render_emissions_markdown(const EmissionsReport& report, Language language);
std::string render_emissions_json(const EmissionsReport& report);
std::string render_emissions_csv(const EmissionsReport& report);

} // namespace grate::io
