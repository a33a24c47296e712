#include "io/evaluation_pipeline.hpp"

#include "core/emissions/measures.hpp"
#include "io/cems_reader.hpp"
#include "io/limit_set_reader.hpp"
#include "io/plant_reader.hpp"
#include "io/system_reader.hpp"

#include <fmt/format.h>
#include <map>
#include <set>

namespace grate::io {

namespace {

void collect_limit_refs(const Condition& condition, std::vector<LimitRef>& out) {
  if (const auto* ref = std::get_if<LimitRef>(&condition.threshold.value))
    out.push_back(*ref);
  for (const auto& child : condition.children)
    collect_limit_refs(child, out);
}

void collect_limit_refs(const ScoringRule& rule, std::vector<LimitRef>& out) {
  if (rule.type == ScoringRule::Type::RatioToLimit)
    out.push_back(rule.limit);
  for (const auto& c : rule.condition)
    collect_limit_refs(c, out);
  for (const auto& inner : rule.class_rules)
    collect_limit_refs(inner, out);
}

std::vector<LimitRef> limit_refs(const IndicatorSystem& system) {
  std::vector<LimitRef> refs;
  for (const auto* node : flatten(system))
    if (node->scoring)
      collect_limit_refs(*node->scoring, refs);
  for (const auto* list : {&system.conditions, &system.eligibility})
    for (const auto& c : *list)
      collect_limit_refs(c.condition, refs);
  for (const auto& v : system.vetoes)
    collect_limit_refs(v.check.condition, refs);
  return refs;
}

} // namespace

const emissions::LimitSet* LimitSetCache::get(const std::string& id_or_file,
                                              Diagnostics& diagnostics,
                                              const SourceLocation& where) {
  auto [it, inserted] = sets_.try_emplace(id_or_file);
  if (inserted) {
    Diagnostics local;
    it->second = load_limit_set(id_or_file, sources_, local);
    for (auto d : local.items()) {
      if (!d.where.known() && where.known())
        d.where = where;
      diagnostics.add(d.code, d.where, d.message) = d;
    }
  }
  return it->second ? &*it->second : nullptr;
}

LimitTable resolve_limits(const IndicatorSystem& system, const Date& as_of,
                          LimitSetCache& limit_sets, Diagnostics& diagnostics) {
  LimitTable table;
  for (const auto& ref : limit_refs(system)) {
    const emissions::LimitSet* set = limit_sets.get(ref.limit_set, diagnostics, ref.where);
    if (!set)
      continue;
    const auto averaging = emissions::parse_averaging(ref.averaging);
    if (!averaging) {
      diagnostics.add("E508", ref.where,
                      fmt::format("unknown averaging period '{}'", ref.averaging));
      continue;
    }
    const emissions::Limit* limit = set->find(ref.pollutant, *averaging);
    const auto* entry = limit ? limit->entry_on(as_of) : nullptr;
    if (!entry) {
      diagnostics.add("E508", ref.where,
                      fmt::format("limit set '{}' has no {} limit for '{}' in force on {}",
                                  ref.limit_set, ref.averaging, ref.pollutant, as_of.iso()));
      continue;
    }
    table[ref.key()] = LimitValue{entry->value, limit->unit,
                                  entry->reference.empty() ? limit->reference : entry->reference,
                                  limit->provisional || set->provisional};
  }
  return table;
}

Measures derive_measures(const PlantSheet& sheet, const Date& as_of, LimitSetCache& limit_sets,
                         energy::EnergyResult& energy_out,
                         std::optional<emissions::EmissionsResult>& emissions_out,
                         Diagnostics& diagnostics) {
  Measures measures;
  if (!sheet.cems.empty()) {
    const emissions::LimitSet* primary = limit_sets.get("gb18485-2014", diagnostics);
    if (primary) {
      EmissionsRequest request;
      request.primary = primary;
      for (const char* id : {"eu-ied-2010", "eu-bat-2019-new", "eu-bat-2019-existing"})
        if (const auto* set = limit_sets.get(id, diagnostics))
          request.comparisons.push_back(set);
      emissions_out = evaluate_emissions(sheet, request, diagnostics);
      if (emissions_out)
        measures = emissions::emission_measures(*emissions_out, sheet.stack_tests);
    }
  } else {
    measures = emissions::stack_test_measures(sheet.stack_tests);
  }
  if (sheet.energy_where) {
    energy::EnergyOptions options;
    options.evaluation_date = as_of;
    energy_out = energy::compute(sheet, options);
    for (auto& [name, measure] : energy::energy_measures(energy_out))
      measures[name] = measure;
  }
  return measures;
}

std::map<std::string, std::string, std::less<>>
absent_measure_reasons(const PlantSheet& sheet, const Measures& measures,
                       const energy::EnergyResult& energy) {
  std::map<std::string, std::string, std::less<>> reasons;
  for (const auto& name : energy::measure_names()) {
    if (measures.count(name))
      continue;
    if (!sheet.energy_where) {
      reasons[name] = "the sheet has no 'energy:' block";
      continue;
    }
    std::string why;
    const Diagnostics causes = energy::why_missing(energy, name);
    for (const auto& d : causes.items())
      why += (why.empty() ? "" : "; ") + d.message;
    if (!why.empty())
      reasons[name] = why;
  }
  return reasons;
}

std::optional<EvaluationReport> evaluate_plant(const std::string& plant_path,
                                               const EvaluateOptions& options,
                                               SourceRegistry& sources, Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.error_count();
  auto sheet = read_plant_sheet(plant_path, sources, diagnostics);
  auto system = load_indicator_system(options.system, sources, diagnostics);
  std::optional<IndicatorSystem> rating_system;
  if (!options.rating.empty())
    rating_system = load_indicator_system(options.rating, sources, diagnostics);
  if (!sheet || !system || (!options.rating.empty() && !rating_system))
    return std::nullopt;
  // The default rating is for incineration plants: rate other facility types only when asked.
  if (rating_system && !options.rating_explicit && rating_system->facility != system->facility)
    rating_system.reset();

  EvaluationReport report{std::move(*system), std::move(*sheet), {}, {}, {}, {}, {}, {}, {}, {}};
  report.as_of = options.as_of.value_or(report.sheet.period.to);
  LimitSetCache limit_sets(sources);
  report.measures = derive_measures(report.sheet, report.as_of, limit_sets, report.energy,
                                    report.emissions, diagnostics);
  if (!report.sheet.cems.empty() && !report.emissions)
    return std::nullopt;
  report.limits = resolve_limits(report.system, report.as_of, limit_sets, diagnostics);
  if (diagnostics.error_count() > errors_before)
    return std::nullopt;

  report.absent_measures = absent_measure_reasons(report.sheet, report.measures, report.energy);
  EvaluationContext context{report.system,         report.sheet,           report.measures,
                            report.limits,         report.as_of,           options.language,
                            options.allow_missing, &report.absent_measures};
  report.evaluation = evaluate(context);
  diagnostics.append(report.evaluation.diagnostics);
  if (rating_system) {
    LimitTable rating_limits =
        resolve_limits(*rating_system, report.as_of, limit_sets, diagnostics);
    for (auto& [key, value] : rating_limits)
      report.limits[key] = value;
    EvaluationContext rating_context{*rating_system, report.sheet,           report.measures,
                                     report.limits,  report.as_of,           options.language,
                                     true,           &report.absent_measures};
    Evaluation rated = evaluate(rating_context);
    // Missing data only keeps a level from being met; the report says which data were missing.
    report.rating = RatingReport{std::move(*rating_system), std::move(rated)};
  }
  if (diagnostics.error_count() > errors_before)
    return std::nullopt;
  return report;
}

} // namespace grate::io
