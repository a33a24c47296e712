#include "core/system_check.hpp"

#include "core/mcda/ahp.hpp"

#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>

namespace grate {

namespace {

constexpr double weight_tolerance = 1e-9; // DESIGN §2: siblings' weights sum to 1 within 1e-9

std::string number_text(double value) {
  return fmt::format("{}", value);
}

// --- ids and references ------------------------------------------------------------------------

void check_unique_children(const std::vector<Criterion>& nodes, Diagnostics& diagnostics) {
  std::map<std::string, const Criterion*> seen;
  for (const auto& node : nodes) {
    auto [it, inserted] = seen.emplace(node.id, &node);
    if (!inserted)
      diagnostics
          .add("E301", node.where, fmt::format("criterion id '{}' is used twice here", node.id))
          .notes.push_back(fmt::format("first used at line {}", it->second->where.line));
    check_unique_children(node.children, diagnostics);
  }
}

template <class Item, class Id>
void check_unique(const std::vector<Item>& items, Id id_of, const char* what,
                  Diagnostics& diagnostics) {
  std::map<std::string, int> seen;
  for (const auto& item : items) {
    const auto& [id, where] = id_of(item);
    auto [it, inserted] = seen.emplace(id, where.line);
    if (!inserted)
      diagnostics.add("E301", where, fmt::format("{} id '{}' is used twice", what, id))
          .notes.push_back(fmt::format("first used at line {}", it->second));
  }
}

void check_ids(IndicatorSystem& system, Diagnostics& diagnostics) {
  check_unique_children(system.criteria, diagnostics);
  auto named = [](const NamedCondition& c) { return std::pair{c.id, c.where}; };
  check_unique(system.conditions, named, "condition", diagnostics);
  check_unique(system.eligibility, named, "eligibility gate", diagnostics);
  check_unique(
      system.vetoes,
      [](const Veto& v) {
        return std::pair{v.check.id, v.check.where};
      },
      "veto", diagnostics);
  check_unique(
      system.grading,
      [](const GradeBand& b) {
        return std::pair{b.grade, b.where};
      },
      "grade", diagnostics);
  check_unique(
      system.references,
      [](const Reference& r) {
        return std::pair{r.id, r.where};
      },
      "reference", diagnostics);
  check_unique(
      system.rating,
      [](const RatingLevel& l) {
        return std::pair{l.id, l.where};
      },
      "rating level", diagnostics);
  check_unique(
      system.classes,
      [](const ClassDefinition& c) {
        return std::pair{c.id, c.where};
      },
      "class", diagnostics);
}

void check_reference_id(const IndicatorSystem& system, const std::string& id,
                        const SourceLocation& where, Diagnostics& diagnostics) {
  if (id.empty() || system.find_reference(id))
    return;
  std::vector<std::string> ids;
  for (const auto& r : system.references)
    ids.push_back(r.id);
  const std::string near = nearest_name(id, ids);
  auto& d = diagnostics.add(
      "E302", where,
      near.empty() ? fmt::format("unknown reference '{}'", id)
                   : fmt::format("unknown reference '{}'; did you mean '{}'?", id, near));
  d.hints.push_back("list it under 'references:' with an id and a title");
}

void check_references_in(const IndicatorSystem& system, const std::vector<Criterion>& nodes,
                         Diagnostics& diagnostics) {
  for (const auto& node : nodes) {
    check_reference_id(system, node.reference, node.where, diagnostics);
    check_references_in(system, node.children, diagnostics);
  }
}

void check_references(IndicatorSystem& system, Diagnostics& diagnostics) {
  check_references_in(system, system.criteria, diagnostics);
  for (const auto* list : {&system.conditions, &system.eligibility})
    for (const auto& c : *list)
      check_reference_id(system, c.reference, c.where, diagnostics);
  for (const auto& v : system.vetoes)
    check_reference_id(system, v.check.reference, v.check.where, diagnostics);
}

// --- structure, weights and points -------------------------------------------------------------

void check_leaf_shape(const Criterion& node, Diagnostics& diagnostics) {
  if (node.is_leaf()) {
    if (!node.scoring)
      diagnostics
          .add("E325", node.where,
               fmt::format("criterion '{}' has neither 'criteria' nor 'scoring'", node.path))
          .hints.push_back("a leaf needs 'indicator:' and 'scoring:'; a group needs 'criteria:'");
    else if (!node.indicator && node.scoring->type != ScoringRule::Type::PassFail)
      diagnostics.add(
          "E325", node.where,
          fmt::format("criterion '{}' has a scoring rule but no 'indicator'", node.path));
  } else {
    if (node.scoring || node.indicator)
      diagnostics
          .add("E325", node.where,
               fmt::format("criterion '{}' has both sub-criteria and a scoring rule", node.path))
          .hints.push_back("score the leaves; a group's score is the sum of its children's");
  }
  for (const auto& child : node.children)
    check_leaf_shape(child, diagnostics);
}

void apply_ahp(Criterion& parent, Diagnostics& diagnostics) {
  AhpSpec& spec = *parent.ahp;
  std::vector<std::string> ids;
  for (const auto& child : parent.children)
    ids.push_back(child.id);
  std::set<std::string> order_set(spec.order.begin(), spec.order.end());
  std::set<std::string> id_set(ids.begin(), ids.end());
  if (order_set != id_set || spec.order.size() != ids.size()) {
    auto& d = diagnostics.add(
        "E313", spec.where,
        fmt::format("'ahp.order' of '{}' must name each sub-criterion once", parent.path));
    d.notes.push_back("sub-criteria: " + quoted_list(ids));
    d.notes.push_back("order: " + quoted_list(spec.order));
    return;
  }
  const auto n = static_cast<Eigen::Index>(spec.order.size());
  if (spec.matrix.size() != spec.order.size())
    return; // the reader reported the shape
  Eigen::MatrixXd m(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j)
      m(i, j) = spec.matrix[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
  if (!mcda::validate_pairwise(m).empty())
    return; // the reader reported the cells
  const auto method = mcda::parse_ahp_method(spec.method).value_or(mcda::AhpMethod::Eigenvector);
  const auto table = mcda::parse_ri_table(spec.ri_table).value_or(mcda::RiTable::Saaty1980);
  const mcda::AhpResult result = mcda::ahp(m, method, table);
  spec.lambda_max = result.lambda_max;
  spec.ci = result.ci;
  spec.cr = result.cr;
  spec.ri = result.ri;
  spec.consistent = result.consistent;
  spec.weights.assign(spec.order.size(), 0);
  for (std::size_t k = 0; k < spec.order.size(); ++k) {
    for (auto& child : parent.children)
      if (child.id == spec.order[k]) {
        child.share = result.weights[k];
        spec.weights[k] = result.weights[k];
      }
  }
  if (!result.consistent && !spec.allow_inconsistent) {
    auto& d = diagnostics.add(
        "E314", spec.where,
        fmt::format("pairwise judgements of '{}' are inconsistent: CR = {:.4f} ≥ 0.10", parent.path,
                    result.cr));
    d.notes.push_back(fmt::format("λmax = {:.4f}, CI = {:.4f}, RI({}) = {} ({})", result.lambda_max,
                                  result.ci, n, result.ri, mcda::ri_table_name(table)));
    if (auto revision = mcda::suggest_revision(m, result))
      d.hints.push_back(
          fmt::format("revising '{}' over '{}' from {} to {:.3g} would lower CR to {:.4f}",
                      spec.order[revision->row], spec.order[revision->col], revision->current,
                      revision->scale_value, revision->cr_after_scale));
    d.hints.push_back("or set 'allow_inconsistent: true' on the group to accept it");
  }
}

/// Sets each child's share of its parent's maximum; reports mixed, missing or wrong sums.
void derive_shares(Criterion* parent, std::vector<Criterion>& children,
                   const std::string& where_name, const SourceLocation& parent_where,
                   Diagnostics& diagnostics) {
  if (children.empty())
    return;
  if (parent && parent->ahp) {
    for (const auto& child : children)
      if (child.weight || child.points)
        diagnostics.add(
            "E312", child.weight_where,
            fmt::format(
                "'{}' gets its weight from the AHP matrix of '{}'; remove its weight or points",
                child.path, parent->path));
    apply_ahp(*parent, diagnostics);
    return;
  }
  std::size_t weighted = 0, pointed = 0;
  for (const auto& child : children) {
    if (child.weight)
      ++weighted;
    if (child.points)
      ++pointed;
    if (child.weight && child.points)
      diagnostics.add("E312", child.weight_where,
                      fmt::format("'{}' has both 'weight' and 'points'", child.path));
    if ((child.weight && *child.weight <= 0) || (child.points && *child.points <= 0))
      diagnostics.add("E315", child.weight_where,
                      fmt::format("'{}' has a {} of {}; it must be positive", child.path,
                                  child.weight ? "weight" : "points",
                                  number_text(child.weight ? *child.weight : *child.points)));
  }
  if (weighted > 0 && pointed > 0) {
    auto& d =
        diagnostics.add("E312", children.front().where,
                        fmt::format("children of '{}' mix 'weight' and 'points'", where_name));
    d.hints.push_back("siblings use either weights (summing to 1) or points, not both");
    return;
  }
  if (weighted + pointed < children.size() && weighted + pointed > 0) {
    for (const auto& child : children)
      if (!child.weight && !child.points)
        diagnostics.add(
            "E312", child.where,
            fmt::format("'{}' has no 'weight' or 'points' but its siblings do", child.path));
    return;
  }
  if (weighted + pointed == 0) {
    if (children.size() == 1) {
      children.front().share = 1;
      return;
    }
    auto& d =
        diagnostics.add("E312", parent_where,
                        fmt::format("children of '{}' have no 'weight' or 'points'", where_name));
    d.hints.push_back("give each child a weight or points, or give the group an 'ahp:' matrix");
    return;
  }
  if (weighted > 0) {
    double sum = 0;
    for (const auto& child : children)
      sum += *child.weight;
    const bool normalize = parent && parent->normalize_weights;
    if (!normalize && std::fabs(sum - 1.0) > weight_tolerance) {
      // Point at the last child: that is where the sum is found wrong.
      const Criterion& last = children.back();
      auto& d = diagnostics.add("E310", last.weight_where,
                                fmt::format("weights under '{}' sum to {}, expected 1", where_name,
                                            number_text(std::round(sum * 1e12) / 1e12)));
      std::string parts;
      for (const auto& child : children)
        parts += fmt::format("{}{} = {} (line {})", parts.empty() ? "" : ", ", child.id,
                             number_text(*child.weight), child.weight_where.line);
      d.notes.push_back(fmt::format("children of '{}': {}", where_name, parts));
      d.hints.push_back(
          parent
              ? fmt::format("correct the weights, or set 'weights: normalize' on '{}'", where_name)
              : std::string("correct the weights of the top-level criteria"));
    }
    for (auto& child : children)
      child.share = *child.weight / sum;
    return;
  }
  double sum = 0;
  for (const auto& child : children)
    sum += *child.points;
  if (parent && parent->points && std::fabs(sum - *parent->points) > 1e-9 * std::max(1.0, sum)) {
    auto& d = diagnostics.add("E311", parent->weight_where,
                              fmt::format("children of '{}' have {} points in all, but '{}' has {}",
                                          where_name, number_text(sum), where_name,
                                          number_text(*parent->points)));
    std::string parts;
    for (const auto& child : children)
      parts += fmt::format("{}{} = {} (line {})", parts.empty() ? "" : ", ", child.id,
                           number_text(*child.points), child.weight_where.line);
    d.notes.push_back(parts);
    d.hints.push_back("make the children's points add up to the parent's");
  }
  for (auto& child : children)
    child.share = *child.points / sum;
}

void derive_tree(Criterion* parent, std::vector<Criterion>& children, double parent_max,
                 const std::string& where_name, const SourceLocation& parent_where,
                 Diagnostics& diagnostics) {
  derive_shares(parent, children, where_name, parent_where, diagnostics);
  for (auto& child : children) {
    child.max_score = child.share * parent_max;
    derive_tree(&child, child.children, child.max_score, child.path, child.where, diagnostics);
  }
}

void check_tree(IndicatorSystem& system, Diagnostics& diagnostics) {
  if (system.criteria.empty()) {
    if (system.rating.empty())
      diagnostics.add("E325", system.where, "the system has no 'criteria' (and no 'rating')");
    return;
  }
  for (const auto& node : system.criteria)
    check_leaf_shape(node, diagnostics);
  derive_tree(nullptr, system.criteria, 100.0, "the root", system.where, diagnostics);
}

// --- scoring rules -----------------------------------------------------------------------------

void check_rule(const IndicatorSystem& system, const Criterion& node, const ScoringRule& rule,
                Diagnostics& diagnostics);

void check_steps(const Criterion& node, const ScoringRule& rule, Diagnostics& diagnostics) {
  const Step* previous = nullptr;
  bool after_otherwise = false;
  for (const auto& step : rule.steps) {
    if (after_otherwise)
      diagnostics.add("E321", step.where,
                      fmt::format("step after 'otherwise' in '{}' can never match", node.path));
    if (step.score < 0 || step.score > 1)
      diagnostics.add(
          "E322", step.where,
          fmt::format("step score {} is outside [0, 1]; scores are fractions of the maximum",
                      number_text(step.score)));
    if (step.bound == Step::Bound::Otherwise) {
      after_otherwise = true;
      continue;
    }
    if (previous && previous->bound == step.bound && !previous->threshold.entries.empty() &&
        !step.threshold.entries.empty()) {
      const double before = previous->threshold.entries.back().value;
      const double now = step.threshold.entries.back().value;
      const bool at_least = step.bound == Step::Bound::AtLeast;
      if (at_least ? now >= before : now <= before) {
        auto& d = diagnostics.add(
            "E320", step.where,
            fmt::format(
                "steps of '{}' are not monotonic: '{}: {}' follows '{}: {}' and can never match",
                node.path, at_least ? "at_least" : "at_most", number_text(now),
                at_least ? "at_least" : "at_most", number_text(before)));
        d.hints.push_back(at_least ? "order 'at_least' steps from the highest threshold down"
                                   : "order 'at_most' steps from the lowest threshold up");
      }
    }
    previous = &step;
  }
}

void check_rule(const IndicatorSystem& system, const Criterion& node, const ScoringRule& rule,
                Diagnostics& diagnostics) {
  using Type = ScoringRule::Type;
  switch (rule.type) {
  case Type::Steps:
    check_steps(node, rule, diagnostics);
    break;
  case Type::Linear:
    if (!rule.best.entries.empty() && !rule.worst.entries.empty())
      for (const auto& b : rule.best.entries)
        for (const auto& w : rule.worst.entries)
          if (b.value == w.value)
            diagnostics.add("E323", rule.where,
                            fmt::format("linear rule of '{}' has best = worst = {}", node.path,
                                        number_text(b.value)));
    break;
  case Type::Scale:
    if (!rule.min.entries.empty() && !rule.max.entries.empty() &&
        rule.min.entries.back().value >= rule.max.entries.back().value)
      diagnostics.add("E323", rule.where, fmt::format("scale of '{}' needs min < max", node.path));
    break;
  case Type::RatioToLimit:
    if (rule.best_ratio >= rule.worst_ratio || rule.best_ratio < 0)
      diagnostics.add(
          "E323", rule.where,
          fmt::format("ratio_to_limit of '{}' needs 0 ≤ best_ratio < worst_ratio, found {} and {}",
                      node.path, number_text(rule.best_ratio), number_text(rule.worst_ratio)));
    break;
  case Type::Levels:
    for (const auto& [name, fraction] : rule.levels)
      if (fraction < 0 || fraction > 1)
        diagnostics.add("E322", rule.where,
                        fmt::format("level '{}' of '{}' scores {}, outside [0, 1]", name, node.path,
                                    number_text(fraction)));
    break;
  case Type::Deductions:
    if (node.indicator && node.indicator->kind != ValueSource::Kind::Findings)
      diagnostics
          .add("E326", node.indicator->where,
               fmt::format(
                   "criterion '{}' scores by deductions, which count findings; its indicator is {}",
                   node.path, node.indicator->describe()))
          .hints.push_back(fmt::format("write 'indicator: {{findings: {}}}' and list the defects "
                                       "under 'findings:' in the sheet",
                                       node.indicator->name));
    for (const auto& [name, points] : rule.per)
      if (points < 0)
        diagnostics.add("E322", rule.where,
                        fmt::format("deduction '{}' of '{}' is negative", name, node.path));
    break;
  case Type::PassFail:
    break;
  case Type::ByClass: {
    const ClassDefinition* definition = system.find_class(rule.class_id);
    if (!definition) {
      std::vector<std::string> ids;
      for (const auto& c : system.classes)
        ids.push_back(c.id);
      auto& d = diagnostics.add("E340", rule.where,
                                fmt::format("by_class names unknown class '{}'", rule.class_id));
      if (!ids.empty())
        d.notes.push_back("classes: " + quoted_list(ids));
      else
        d.hints.push_back("define it under 'classes:' at the top of the system");
    } else {
      std::vector<std::string> names;
      for (const auto& band : definition->bands)
        names.push_back(band.class_name);
      for (const auto& name : names)
        if (std::find(rule.class_names.begin(), rule.class_names.end(), name) ==
            rule.class_names.end())
          diagnostics
              .add("E341", rule.where,
                   fmt::format("by_class rule of '{}' has no rule for class '{}'", node.path, name))
              .hints.push_back("a by_class rule must cover every class");
      for (std::size_t i = 0; i < rule.class_names.size(); ++i)
        if (std::find(names.begin(), names.end(), rule.class_names[i]) == names.end()) {
          const std::string near = nearest_name(rule.class_names[i], names);
          diagnostics
              .add("E341", rule.class_rules[i].where,
                   near.empty() ? fmt::format("'{}' is not a class of '{}'", rule.class_names[i],
                                              rule.class_id)
                                : fmt::format("'{}' is not a class of '{}'; did you mean '{}'?",
                                              rule.class_names[i], rule.class_id, near))
              .notes.push_back("classes: " + quoted_list(names));
        }
    }
    for (const auto& inner : rule.class_rules)
      check_rule(system, node, inner, diagnostics);
    break;
  }
  }
}

void check_rules_in(const IndicatorSystem& system, const std::vector<Criterion>& nodes,
                    Diagnostics& diagnostics) {
  for (const auto& node : nodes) {
    if (node.scoring)
      check_rule(system, node, *node.scoring, diagnostics);
    check_rules_in(system, node.children, diagnostics);
  }
}

void check_rules(IndicatorSystem& system, Diagnostics& diagnostics) {
  check_rules_in(system, system.criteria, diagnostics);
}

// --- value sources -----------------------------------------------------------------------------

const std::vector<std::string>& plant_fields() {
  static const std::vector<std::string> fields = {"capacity_tpd", "line_count",
                                                  "years_in_operation"};
  return fields;
}

void check_source(const ValueSource& source, Diagnostics& diagnostics) {
  if (source.kind != ValueSource::Kind::Plant)
    return;
  const auto& fields = plant_fields();
  if (std::find(fields.begin(), fields.end(), source.name) != fields.end())
    return;
  const std::string near = nearest_name(source.name, fields);
  diagnostics
      .add("E327", source.where,
           near.empty()
               ? fmt::format("unknown plant field '{}'", source.name)
               : fmt::format("unknown plant field '{}'; did you mean '{}'?", source.name, near))
      .notes.push_back("plant fields: " + quoted_list(fields));
}

void check_condition_sources(const Condition& condition, Diagnostics& diagnostics) {
  if (condition.kind == Condition::Kind::Compare)
    check_source(condition.subject, diagnostics);
  for (const auto& child : condition.children)
    check_condition_sources(child, diagnostics);
}

void check_rule_sources(const ScoringRule& rule, Diagnostics& diagnostics) {
  for (const auto& c : rule.condition)
    check_condition_sources(c, diagnostics);
  for (const auto& inner : rule.class_rules)
    check_rule_sources(inner, diagnostics);
}

void check_sources(IndicatorSystem& system, Diagnostics& diagnostics) {
  for (const auto* node : flatten(system)) {
    if (node->indicator)
      check_source(*node->indicator, diagnostics);
    if (node->scoring)
      check_rule_sources(*node->scoring, diagnostics);
  }
  for (const auto& c : system.classes)
    check_source(c.from, diagnostics);
  for (const auto* list : {&system.conditions, &system.eligibility})
    for (const auto& c : *list)
      check_condition_sources(c.condition, diagnostics);
  for (const auto& v : system.vetoes)
    check_condition_sources(v.check.condition, diagnostics);
}

void check_classes(IndicatorSystem& system, Diagnostics& diagnostics) {
  for (const auto& definition : system.classes) {
    bool otherwise = false;
    std::optional<double> previous;
    for (const auto& band : definition.bands) {
      if (otherwise)
        diagnostics.add(
            "E342", band.where,
            fmt::format("band after 'otherwise' in class '{}' can never match", definition.id));
      if (!band.at_least) {
        otherwise = true;
        continue;
      }
      if (previous && *band.at_least >= *previous)
        diagnostics.add("E342", band.where,
                        fmt::format("bands of class '{}' must go from the highest 'at_least' down",
                                    definition.id));
      previous = band.at_least;
    }
    if (!otherwise)
      diagnostics
          .add("E342", definition.where,
               fmt::format("class '{}' needs a last band '{{otherwise: …}}'", definition.id))
          .hints.push_back("without it a plant below every band would have no class");
  }
}

// --- grading, requires, vetoes, rating ---------------------------------------------------------

void check_requires_ids(const IndicatorSystem& system, const std::vector<std::string>& ids,
                        const std::vector<SourceLocation>& wheres, Diagnostics& diagnostics) {
  std::vector<std::string> known;
  for (const auto& c : system.conditions)
    known.push_back(c.id);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (system.find_condition(ids[i]))
      continue;
    const std::string near = nearest_name(ids[i], known);
    auto& d = diagnostics.add(
        "E332", i < wheres.size() ? wheres[i] : SourceLocation{},
        near.empty() ? fmt::format("'requires' names unknown condition '{}'", ids[i])
                     : fmt::format("'requires' names unknown condition '{}'; did you mean '{}'?",
                                   ids[i], near));
    if (!known.empty())
      d.notes.push_back("conditions: " + quoted_list(known));
    else
      d.hints.push_back("define it under 'conditions:' with an id");
  }
}

void check_grading(IndicatorSystem& system, Diagnostics& diagnostics) {
  if (system.grading.empty()) {
    if (!system.criteria.empty())
      diagnostics.add("E330", system.where, "the system has no 'grading' bands");
    return;
  }
  const GradeBand* previous = nullptr;
  for (const auto& band : system.grading) {
    check_requires_ids(system, band.requires_ids, band.requires_where, diagnostics);
    if (previous && !band.min_score.entries.empty() && !previous->min_score.entries.empty() &&
        band.min_score.entries.back().value >= previous->min_score.entries.back().value)
      diagnostics.add("E331", band.where,
                      fmt::format("grade '{}' (min_score {}) is listed after '{}' (min_score {}); "
                                  "list bands from the highest down",
                                  band.grade, number_text(band.min_score.entries.back().value),
                                  previous->grade,
                                  number_text(previous->min_score.entries.back().value)));
    previous = &band;
  }
  const GradeBand& last = system.grading.back();
  bool reaches_zero = !last.min_score.entries.empty();
  for (const auto& entry : last.min_score.entries)
    reaches_zero = reaches_zero && entry.value <= 0;
  if (!reaches_zero || !last.requires_ids.empty()) {
    auto& d = diagnostics.add(
        "E330", last.where,
        fmt::format("grade bands do not reach 0: the last band '{}' starts at {}{}", last.grade,
                    last.min_score.entries.empty()
                        ? std::string("?")
                        : number_text(last.min_score.entries.back().value),
                    last.requires_ids.empty() ? "" : " and has 'requires'"));
    d.hints.push_back("end the bands with one that every eligible plant reaches, e.g. '{grade: C, "
                      "min_score: 0}'");
  }
  for (const auto& veto : system.vetoes)
    if (!veto.cap.empty() && system.grade_rank(veto.cap) < 0) {
      std::vector<std::string> grades;
      for (const auto& b : system.grading)
        grades.push_back(b.grade);
      diagnostics
          .add("E333", veto.effect_where,
               fmt::format("veto '{}' caps at unknown grade '{}'", veto.check.id, veto.cap))
          .notes.push_back("grades: " + quoted_list(grades));
    }
}

void check_rating(IndicatorSystem& system, Diagnostics& diagnostics) {
  for (const auto& level : system.rating) {
    check_requires_ids(system, level.requires_ids, level.requires_where, diagnostics);
    if (level.requires_ids.empty())
      diagnostics
          .add("E334", level.where, fmt::format("rating level '{}' requires nothing", level.id))
          .hints.push_back("list the ids of the conditions a plant must meet for this level");
  }
}

} // namespace

const std::vector<SystemCheck>& system_checks() {
  static const std::vector<SystemCheck> checks = {
      {"ids", check_ids},         {"references", check_references}, {"tree", check_tree},
      {"classes", check_classes}, {"rules", check_rules},           {"sources", check_sources},
      {"grading", check_grading}, {"rating", check_rating},
  };
  return checks;
}

bool check_system(IndicatorSystem& system, Diagnostics& diagnostics) {
  const std::size_t before = diagnostics.error_count();
  for (const auto& check : system_checks())
    check.run(system, diagnostics);
  return diagnostics.error_count() == before;
}

} // namespace grate
