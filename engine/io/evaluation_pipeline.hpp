// The whole `grate evaluate` pipeline for one plant (DESIGN §1): read the sheet and the system,
// check them, resolve the evaluation date, derive measures (CEMS, energy, stack tests), resolve
// limits, score, grade and rate. Returns everything a report needs; renders nothing.
#pragma once

#include "core/emissions/limit_set.hpp"
#include "core/emissions/result.hpp"
#include "core/energy.hpp"
#include "core/evaluate.hpp"
#include "core/measures.hpp"
#include "core/plant.hpp"
#include "core/system.hpp"
#include "io/files.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace grate::io {

struct EvaluateOptions {
  std::string system = "cn-msw-incineration-grade"; ///< id or file
  std::string rating = "cn-clean-incineration";     ///< id or file; "" for none
  /// The rating was named on the command line: apply it whatever the system's facility type
  /// (the default rating applies only to systems of its own facility type).
  bool rating_explicit = false;
  std::optional<Date> as_of; ///< default: end of the sheet's period
  Language language = Language::En;
  bool allow_missing = false;
};

struct RatingReport {
  IndicatorSystem system;
  Evaluation evaluation;
};

struct EvaluationReport {
  IndicatorSystem system;
  PlantSheet sheet;
  Date as_of;
  Measures measures;
  std::map<std::string, std::string, std::less<>> absent_measures; ///< why a measure has no value
  LimitTable limits;
  energy::EnergyResult energy;
  std::optional<emissions::EmissionsResult> emissions;
  Evaluation evaluation;
  std::optional<RatingReport> rating;
};

/// Runs the pipeline on the sheet at `plant_path`. nullopt when any error was found (all are in
/// `diagnostics`); warnings may be present either way.
std::optional<EvaluationReport> evaluate_plant(const std::string& plant_path,
                                               const EvaluateOptions& options,
                                               SourceRegistry& sources, Diagnostics& diagnostics);

/// Limit sets read once per run (by bundled id or file), however many systems and CEMS
/// judgements ask for them.
class LimitSetCache {
public:
  explicit LimitSetCache(SourceRegistry& sources) : sources_(sources) {}
  /// The set, read on first use — its diagnostics are added then, placed at `where` when they
  /// have no location of their own —, or nullptr when it could not be read.
  const emissions::LimitSet* get(const std::string& id_or_file, Diagnostics& diagnostics,
                                 const SourceLocation& where = {});

private:
  SourceRegistry& sources_;
  std::map<std::string, std::optional<emissions::LimitSet>, std::less<>> sets_;
};

/// Resolves every limit that `system` refers to (ratio_to_limit rules, limit thresholds in
/// conditions) for `as_of`, reading the limit sets it names through `limit_sets`.
LimitTable resolve_limits(const IndicatorSystem& system, const Date& as_of,
                          LimitSetCache& limit_sets, Diagnostics& diagnostics);

/// Why each measure a system may use has no value for this sheet ("the sheet has no CEMS files",
/// the energy keys it lacks …).
std::map<std::string, std::string, std::less<>>
absent_measure_reasons(const PlantSheet& sheet, const Measures& measures,
                       const energy::EnergyResult& energy);

/// Derived measures of a sheet: CEMS judgement (when it has CEMS files), energy, stack tests.
Measures derive_measures(const PlantSheet& sheet, const Date& as_of, LimitSetCache& limit_sets,
                         energy::EnergyResult& energy_out,
                         std::optional<emissions::EmissionsResult>& emissions_out,
                         Diagnostics& diagnostics);

} // namespace grate::io
