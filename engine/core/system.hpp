// The indicator system (`indicator-system/1`, DESIGN §2) as a model: criteria tree with weights,
// points or AHP, scoring rules, classes, named conditions, eligibility gates, vetoes, grade bands
// and rating levels. Every node keeps the SourceLocation it was read from. Values only.
#pragma once

#include "core/date.hpp"
#include "core/diagnostic.hpp"
#include "core/text.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace grate {

/// A number a regulation may change: one value, or values by date of effect, each citing its
/// reference. `at(date)` picks the value in force (the latest entry whose date ≤ date).
struct DatedNumber {
  struct Entry {
    std::optional<Date> from; ///< nullopt: undated (always in force)
    double value = 0;
    std::string reference;
    SourceLocation where;
  };
  std::vector<Entry> entries; ///< sorted by date
  SourceLocation where;

  [[nodiscard]] bool dated() const {
    return entries.size() > 1 || (entries.size() == 1 && entries[0].from);
  }
  [[nodiscard]] const Entry* at(const Date& date) const;
  static DatedNumber constant(double value, SourceLocation where = {});
};

/// Where a leaf's or a condition's value comes from.
struct ValueSource {
  enum class Kind { Fact, Plant, Measure, Findings };
  Kind kind = Kind::Fact;
  std::string name;
  std::string fallback_fact; ///< for measures: the fact used when the measure is absent
  std::string unit;          ///< convert a fact given in a compatible unit to this one
  SourceLocation where;

  [[nodiscard]] std::string describe() const; ///< "fact 'x'", "measure 'emissions.nox.mean'"
};

/// A limit looked up in a limit set, usable as a threshold.
struct LimitRef {
  std::string limit_set;
  std::string pollutant;
  std::string averaging; ///< half_hour, hour, day, test …
  SourceLocation where;

  [[nodiscard]] std::string key() const { return limit_set + "/" + pollutant + "/" + averaging; }
};

enum class Comparison { Equals, AtLeast, AtMost, GreaterThan, LessThan };

/// "=", "≥", "≤", ">", "<".
const char* comparison_symbol(Comparison comparison);

struct Threshold {
  std::variant<DatedNumber, bool, std::string, LimitRef> value;
  SourceLocation where;
};

struct Condition {
  enum class Kind { Compare, All, Any, Not };
  Kind kind = Kind::Compare;
  ValueSource subject;
  Comparison comparison = Comparison::Equals;
  Threshold threshold;
  std::vector<Condition> children;
  SourceLocation where;
};

/// A top-level named condition (`conditions:`, `eligibility:`) or a veto.
struct NamedCondition {
  std::string id;
  LocalText title;
  Condition condition;
  std::string reference;
  std::string clause;
  bool provisional = false;
  SourceLocation where;
};

struct Veto {
  NamedCondition check;
  bool voids = false; ///< effect {void: true}
  std::string cap;    ///< effect {cap: GRADE}
  SourceLocation effect_where;
};

struct GradeBand {
  std::string grade;
  DatedNumber min_score;
  std::vector<std::string> requires_ids;
  std::vector<SourceLocation> requires_where;
  SourceLocation where;
};

struct RatingLevel {
  std::string id;
  LocalText title;
  std::vector<std::string> requires_ids;
  std::vector<SourceLocation> requires_where;
  SourceLocation where;
};

struct ClassBand {
  std::optional<double> at_least; ///< nullopt: `otherwise`
  std::string class_name;
  SourceLocation where;
};

struct ClassDefinition {
  std::string id;
  ValueSource from;
  std::vector<ClassBand> bands;
  SourceLocation where;
};

struct Step {
  enum class Bound { AtLeast, AtMost, Otherwise };
  Bound bound = Bound::Otherwise;
  DatedNumber threshold;
  double score = 0;
  SourceLocation where;
};

struct ScoringRule {
  enum class Type { Linear, Steps, Levels, Deductions, PassFail, Scale, ByClass, RatioToLimit };
  Type type = Type::Steps;
  SourceLocation where;
  DatedNumber best, worst;                            ///< linear
  std::vector<Step> steps;                            ///< steps
  std::vector<std::pair<std::string, double>> levels; ///< levels: name → fraction
  std::vector<std::pair<std::string, double>> per;    ///< deductions: defect → points
  std::vector<Condition> condition;                   ///< pass_fail (one element)
  DatedNumber min, max;                               ///< scale
  std::string class_id;                               ///< by_class
  std::vector<std::string> class_names;               ///< by_class, parallel to class_rules
  std::vector<ScoringRule> class_rules;
  LimitRef limit; ///< ratio_to_limit
  double best_ratio = 0.5, worst_ratio = 1.0;

  [[nodiscard]] static const char* type_name(Type type);
};

/// Weights derived from a pairwise comparison matrix on a group (`ahp:`).
struct AhpSpec {
  std::vector<std::string> order;
  std::vector<std::vector<double>> matrix; ///< row i over column j
  bool allow_inconsistent = false;
  std::string method = "eigenvector";
  std::string ri_table = "saaty1980";
  SourceLocation where;
  // Derived by check_system():
  std::vector<double> weights;
  double lambda_max = 0, ci = 0, cr = 0, ri = 0;
  bool consistent = true;
};

struct Criterion {
  std::string id;
  std::string path; ///< dotted ids from the root, e.g. "construction.weighbridges"
  LocalText title;
  LocalText description;
  std::optional<double> weight;
  std::optional<double> points;
  bool normalize_weights = false; ///< `weights: normalize` on this group
  std::optional<AhpSpec> ahp;
  std::vector<Criterion> children;
  std::optional<ValueSource> indicator;
  std::optional<ScoringRule> scoring;
  std::string reference;
  std::string clause;
  bool provisional = false;
  SourceLocation where;
  SourceLocation weight_where;
  // Derived by check_system(): the node's maximum on the 0–100 scale of the whole system, and
  // its share of its parent's maximum.
  double max_score = 0;
  double share = 0;

  [[nodiscard]] bool is_leaf() const { return children.empty(); }
};

struct Reference {
  std::string id;
  std::string title;
  std::string url;
  SourceLocation where;
};

struct IndicatorSystem {
  std::string file;
  std::string id;
  LocalText title;
  std::string edition;
  std::string facility;
  LocalText description;
  std::vector<Reference> references;
  bool provisional = false;
  LocalText provisional_reason;
  std::optional<Date> last_verified_on;
  std::vector<ClassDefinition> classes;
  std::vector<NamedCondition> conditions;
  std::vector<NamedCondition> eligibility;
  std::vector<Veto> vetoes;
  std::vector<GradeBand> grading;
  std::vector<RatingLevel> rating;
  std::vector<Criterion> criteria;
  SourceLocation where;

  [[nodiscard]] const NamedCondition* find_condition(std::string_view id) const;
  [[nodiscard]] const ClassDefinition* find_class(std::string_view id) const;
  [[nodiscard]] const Reference* find_reference(std::string_view id) const;
  /// Index of `grade` in `grading` (0 = best), or -1.
  [[nodiscard]] int grade_rank(std::string_view grade) const;
};

/// Every criterion in declaration order (pre-order), for flat reports.
std::vector<const Criterion*> flatten(const IndicatorSystem& system);

} // namespace grate
