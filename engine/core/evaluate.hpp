// Scoring a plant against an indicator system (DESIGN §2): resolve each leaf's value, apply its
// rule to get a fraction in [0, 1], roll up scores on the 0–100 scale, then eligibility → grade
// band (with `requires`) → vetoes, and the rating levels. Every node keeps a trace (value, unit,
// source, rule, fraction, score, maximum, reference). Pure: no files, no console.
#pragma once

#include "core/date.hpp"
#include "core/diagnostic.hpp"
#include "core/measures.hpp"
#include "core/plant.hpp"
#include "core/system.hpp"
#include "core/text.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace grate {

/// A limit resolved for the evaluation date, keyed by LimitRef::key() ("set/pollutant/averaging").
struct LimitValue {
  double value = 0;
  std::string unit;
  std::string reference;
  bool provisional = false;
};
using LimitTable = std::map<std::string, LimitValue, std::less<>>;

struct EvaluationContext {
  const IndicatorSystem& system;
  const PlantSheet& sheet;
  const Measures& measures;
  const LimitTable& limits;
  Date as_of;
  Language language = Language::En;
  /// Score a leaf with missing data as 0 (warning W601) instead of refusing (E501).
  bool allow_missing = false;
  /// Why a derived measure is absent (e.g. "energy: 'heating_degree_days' is missing"), by
  /// measure name; quoted where a missing measure is reported.
  const std::map<std::string, std::string, std::less<>>* absent_measures = nullptr;
};

/// A value as used: number, boolean or text, with unit and where it came from.
struct UsedValue {
  enum class Kind { Missing, Number, Bool, Text };
  Kind kind = Kind::Missing;
  double number = 0;
  bool boolean = false;
  std::string text;
  std::string unit;
  std::string origin; ///< "fact 'x' (lab report 2025-09)", "measure 'emissions.nox.mean' (CEMS …)"

  [[nodiscard]] std::string display() const; ///< "2.4 %", "true", "good", "missing"
};

struct ConditionOutcome {
  std::optional<bool> met; ///< nullopt: data missing
  std::string explanation; ///< "fact 'operating_years' = 6.5 ≥ 1"
  std::vector<std::string> missing;
};

struct NamedOutcome {
  std::string id;
  LocalText title;
  std::optional<bool> met;
  std::string explanation;
  std::string reference;
  bool provisional = false;
};

struct NodeResult {
  const Criterion* criterion = nullptr;
  double score = 0;
  double max = 0;
  double fraction = 0; ///< score / max (leaves: the rule's fraction)
  UsedValue value;     ///< leaves only
  std::string rule;    ///< "steps", "by_class(large) → steps" …
  std::string explanation;
  bool missing = false; ///< scored 0 for missing data (only with allow_missing)
};

struct VetoOutcome {
  std::string id;
  LocalText title;
  std::optional<bool> triggered;
  std::string effect; ///< "void" or "cap A"
  std::string explanation;
  std::string reference;
};

struct BandOutcome {
  std::string grade;
  double min_score = 0;
  bool score_reached = false;
  std::vector<NamedOutcome> requires_outcomes;
  bool granted = false; ///< the first band whose score and requires hold
};

struct LevelOutcome {
  std::string id;
  LocalText title;
  bool met = false; ///< its own conditions all hold
  std::vector<NamedOutcome> conditions;
};

struct RatingOutcome {
  std::optional<std::string> level; ///< highest level met cumulatively, nullopt when none
  std::vector<LevelOutcome> levels;
};

struct Evaluation {
  bool eligible = true;
  std::vector<NamedOutcome> eligibility;
  double score = 0;
  std::optional<std::string> band_grade; ///< before vetoes
  std::optional<std::string> grade;      ///< after vetoes; nullopt when ineligible or voided
  std::vector<BandOutcome> bands;
  std::vector<VetoOutcome> vetoes;
  std::vector<NodeResult> nodes;              ///< one per criterion, declaration order
  std::map<std::string, std::string> classes; ///< class id → the plant's class
  RatingOutcome rating;
  Diagnostics diagnostics; ///< E5xx (missing data, values a rule cannot use), W6xx
};

Evaluation evaluate(const EvaluationContext& context);

/// Evaluates one condition (exposed for tests and for `grate explain`).
ConditionOutcome evaluate_condition(const Condition& condition, const EvaluationContext& context);

} // namespace grate
