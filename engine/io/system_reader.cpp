#include "io/system_reader.hpp"

#include "core/system_check.hpp"
#include "io/embedded_criteria.hpp"
#include "io/mcda_input.hpp"
#include "io/yaml_read.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>

namespace grate::io {

namespace {

const std::vector<std::string> source_keys = {"fact", "plant", "measure", "findings"};
const std::vector<std::string> comparison_keys = {"equals", "at_least", "at_most", "greater_than",
                                                  "less_than"};

// --- numbers that may be dated -----------------------------------------------------------------

std::optional<DatedNumber> read_dated_number(const YamlNode& node, Diagnostics& diagnostics) {
  if (!node.is_map()) {
    auto value = read_number(node, diagnostics);
    if (!value)
      return std::nullopt;
    return DatedNumber::constant(*value, node.where);
  }
  DatedNumber number;
  number.where = node.where;
  for (const auto& entry : node.entries) {
    auto from = parse_date(entry.key);
    if (!from) {
      auto& d = diagnostics.add(
          "E202", entry.key_where,
          fmt::format("expected a date of effect (YYYY-MM-DD), found '{}'", entry.key));
      d.hints.push_back("a dated value maps dates of effect to values: {\"2016-01-01\": {value: "
                        "80, reference: gb18485}}");
      continue;
    }
    DatedNumber::Entry item;
    item.from = from;
    item.where = entry.value.where;
    if (entry.value.is_map()) {
      MapReader map(entry.value, "a dated value", {"value", "reference", "clause"}, diagnostics);
      if (const auto* v = map.require("value"))
        if (auto x = read_number(*v, diagnostics))
          item.value = *x;
      if (const auto* r = map.get("reference"))
        if (auto s = read_string(*r, diagnostics))
          item.reference = *s;
    } else if (auto x = read_number(entry.value, diagnostics)) {
      item.value = *x;
    }
    number.entries.push_back(std::move(item));
  }
  std::sort(number.entries.begin(), number.entries.end(),
            [](const auto& a, const auto& b) { return a.from < b.from; });
  if (number.entries.empty()) {
    expected(node, "a number or dated values", diagnostics);
    return std::nullopt;
  }
  return number;
}

// --- value sources and conditions --------------------------------------------------------------

/// Reads the subject of an indicator or a condition from `map` (one of
/// fact/plant/measure/findings).
std::optional<ValueSource> read_source(const YamlNode& node, Diagnostics& diagnostics) {
  ValueSource source;
  source.where = node.where;
  int found = 0;
  for (std::size_t k = 0; k < source_keys.size(); ++k) {
    const YamlNode* value = node.find(source_keys[k]);
    if (!value)
      continue;
    ++found;
    source.kind = static_cast<ValueSource::Kind>(k);
    if (auto s = read_string(*value, diagnostics))
      source.name = *s;
  }
  if (found != 1) {
    diagnostics.add("E203", node.where,
                    found == 0 ? "expected one of 'fact', 'plant', 'measure' or 'findings'"
                               : "give only one of 'fact', 'plant', 'measure' or 'findings'");
    return std::nullopt;
  }
  if (const auto* fallback = node.find("fallback_fact")) {
    if (source.kind != ValueSource::Kind::Measure)
      diagnostics.add("E205", fallback->where, "'fallback_fact' applies to measures only");
    else if (auto s = read_string(*fallback, diagnostics))
      source.fallback_fact = *s;
  }
  if (const auto* unit = node.find("unit"))
    if (auto s = read_string(*unit, diagnostics))
      source.unit = *s;
  return source;
}

std::optional<Threshold> read_threshold(const YamlNode& node, Diagnostics& diagnostics) {
  Threshold threshold;
  threshold.where = node.where;
  if (node.is_map() && node.find("limit_set")) {
    MapReader map(node, "a limit lookup", {"limit_set", "pollutant", "averaging"}, diagnostics);
    LimitRef ref;
    ref.where = node.where;
    for (auto [key, target] : {std::pair{"limit_set", &ref.limit_set},
                               {"pollutant", &ref.pollutant},
                               {"averaging", &ref.averaging}})
      if (const auto* v = map.require(key))
        if (auto s = read_string(*v, diagnostics))
          *target = *s;
    threshold.value = ref;
    return threshold;
  }
  if (node.is_scalar() && !node.quoted) {
    if (auto b = parse_plain_bool(node.scalar)) {
      threshold.value = *b;
      return threshold;
    }
    if (parse_plain_number(node.scalar)) {
      threshold.value = DatedNumber::constant(*parse_plain_number(node.scalar), node.where);
      return threshold;
    }
  }
  if (node.is_scalar()) {
    threshold.value = node.scalar;
    return threshold;
  }
  if (auto number = read_dated_number(node, diagnostics)) {
    threshold.value = *number;
    return threshold;
  }
  return std::nullopt;
}

} // namespace

std::optional<Condition> read_condition(const YamlNode& node, Diagnostics& diagnostics) {
  Condition condition;
  condition.where = node.where;
  if (!node.is_map()) {
    expected(node, "a condition such as {fact: NAME, at_least: 1}", diagnostics);
    return std::nullopt;
  }
  for (const char* group : {"all", "any"}) {
    if (const YamlNode* list = node.find(group)) {
      MapReader map(node, fmt::format("an '{}' condition", group), {group}, diagnostics);
      condition.kind =
          std::string_view(group) == "all" ? Condition::Kind::All : Condition::Kind::Any;
      if (!list->is_sequence() || list->items.empty()) {
        expected(*list, "a non-empty list of conditions", diagnostics);
        return std::nullopt;
      }
      for (const auto& item : list->items)
        if (auto child = read_condition(item, diagnostics))
          condition.children.push_back(std::move(*child));
      return condition;
    }
  }
  if (const YamlNode* inner = node.find("not")) {
    MapReader map(node, "a 'not' condition", {"not"}, diagnostics);
    condition.kind = Condition::Kind::Not;
    auto child = read_condition(*inner, diagnostics);
    if (!child)
      return std::nullopt;
    condition.children.push_back(std::move(*child));
    return condition;
  }
  std::vector<std::string> allowed = source_keys;
  allowed.insert(allowed.end(), {"fallback_fact", "unit"});
  allowed.insert(allowed.end(), comparison_keys.begin(), comparison_keys.end());
  allowed.insert(allowed.end(), {"all", "any", "not"});
  MapReader map(node, "a condition", allowed, diagnostics);
  auto subject = read_source(node, diagnostics);
  int comparisons = 0;
  const YamlNode* value = nullptr;
  for (std::size_t k = 0; k < comparison_keys.size(); ++k)
    if (const YamlNode* v = node.find(comparison_keys[k])) {
      ++comparisons;
      value = v;
      condition.comparison = static_cast<Comparison>(k);
    }
  if (comparisons != 1) {
    diagnostics.add(
        "E203", node.where,
        fmt::format("a condition needs exactly one comparison: {}", quoted_list(comparison_keys)));
    return std::nullopt;
  }
  auto threshold = read_threshold(*value, diagnostics);
  if (!subject || !threshold)
    return std::nullopt;
  const bool numeric = std::holds_alternative<DatedNumber>(threshold->value) ||
                       std::holds_alternative<LimitRef>(threshold->value);
  if (condition.comparison != Comparison::Equals && !numeric) {
    expected(*value, "a number to compare with", diagnostics);
    return std::nullopt;
  }
  condition.subject = *subject;
  condition.threshold = *threshold;
  return condition;
}

namespace {

std::optional<NamedCondition> read_named(const YamlNode& node, const char* what,
                                         Diagnostics& diagnostics,
                                         std::vector<std::string> extra_keys = {}) {
  std::vector<std::string> allowed = {"id",        "title",  "description", "condition",
                                      "reference", "clause", "provisional"};
  allowed.insert(allowed.end(), extra_keys.begin(), extra_keys.end());
  MapReader map(node, what, allowed, diagnostics);
  if (!map.ok())
    return std::nullopt;
  NamedCondition named;
  named.where = node.where;
  if (const auto* id = map.require("id"))
    if (auto s = read_string(*id, diagnostics))
      named.id = *s;
  if (const auto* title = map.get("title"))
    if (auto t = read_local_text(*title, diagnostics))
      named.title = *t;
  if (const auto* reference = map.get("reference"))
    if (auto s = read_string(*reference, diagnostics))
      named.reference = *s;
  if (const auto* clause = map.get("clause"))
    if (auto s = read_string(*clause, diagnostics))
      named.clause = *s;
  if (const auto* provisional = map.get("provisional"))
    named.provisional = read_bool(*provisional, diagnostics).value_or(false);
  const auto* condition = map.require("condition");
  if (!condition)
    return std::nullopt;
  auto parsed = read_condition(*condition, diagnostics);
  if (!parsed)
    return std::nullopt;
  named.condition = std::move(*parsed);
  return named;
}

template <class T, class Reader>
std::vector<T> read_list(const YamlNode* node, const char* what, Reader reader,
                         Diagnostics& diagnostics) {
  std::vector<T> out;
  if (!node || node->is_null())
    return out;
  if (!node->is_sequence()) {
    expected(*node, fmt::format("a list of {}", what), diagnostics);
    return out;
  }
  for (const auto& item : node->items)
    if (auto value = reader(item))
      out.push_back(std::move(*value));
  return out;
}

void read_requires(const YamlNode* node, std::vector<std::string>& ids,
                   std::vector<SourceLocation>& wheres, Diagnostics& diagnostics) {
  if (!node)
    return;
  if (node->is_scalar()) {
    ids.push_back(node->scalar);
    wheres.push_back(node->where);
    return;
  }
  if (!node->is_sequence()) {
    expected(*node, "a list of condition ids", diagnostics);
    return;
  }
  for (const auto& item : node->items)
    if (auto s = read_string(item, diagnostics)) {
      ids.push_back(*s);
      wheres.push_back(item.where);
    }
}

// --- scoring rules -----------------------------------------------------------------------------

const std::vector<std::string> rule_types = {"linear",    "steps", "levels",   "deductions",
                                             "pass_fail", "scale", "by_class", "ratio_to_limit"};

std::optional<ScoringRule> read_rule(const YamlNode& node, Diagnostics& diagnostics);

std::optional<std::vector<std::pair<std::string, double>>>
read_named_numbers(const YamlNode& node, Diagnostics& diagnostics) {
  if (!node.is_map() || node.entries.empty()) {
    expected(node, "a map from name to number", diagnostics);
    return std::nullopt;
  }
  std::vector<std::pair<std::string, double>> out;
  for (const auto& entry : node.entries)
    if (auto v = read_number(entry.value, diagnostics))
      out.emplace_back(entry.key, *v);
  return out;
}

std::optional<Step> read_step(const YamlNode& node, Diagnostics& diagnostics) {
  Step step;
  step.where = node.where;
  if (node.is_map() && node.find("otherwise")) {
    MapReader map(node, "a step", {"otherwise"}, diagnostics);
    step.bound = Step::Bound::Otherwise;
    if (auto v = read_number(*node.find("otherwise"), diagnostics))
      step.score = *v;
    return step;
  }
  MapReader map(node, "a step", {"at_least", "at_most", "score"}, diagnostics);
  if (!map.ok())
    return std::nullopt;
  const auto* at_least = map.get("at_least");
  const auto* at_most = map.get("at_most");
  if ((at_least != nullptr) == (at_most != nullptr)) {
    diagnostics.add("E203", node.where,
                    "a step needs one of 'at_least' or 'at_most' (or is '{otherwise: SCORE}')");
    return std::nullopt;
  }
  step.bound = at_least ? Step::Bound::AtLeast : Step::Bound::AtMost;
  auto threshold = read_dated_number(at_least ? *at_least : *at_most, diagnostics);
  const auto* score = map.require("score");
  if (!threshold || !score)
    return std::nullopt;
  step.threshold = *threshold;
  auto value = read_number(*score, diagnostics);
  if (!value)
    return std::nullopt;
  step.score = *value;
  return step;
}

std::optional<ScoringRule> read_rule(const YamlNode& node, Diagnostics& diagnostics) {
  if (!node.is_map()) {
    expected(node, "a scoring rule such as {type: linear, best: 0, worst: 10}", diagnostics);
    return std::nullopt;
  }
  const YamlNode* type_node = node.find("type");
  if (!type_node) {
    diagnostics.add("E203", node.where, "a scoring rule needs 'type'")
        .notes.push_back("types: " + quoted_list(rule_types));
    return std::nullopt;
  }
  auto type_name = read_string(*type_node, diagnostics);
  if (!type_name)
    return std::nullopt;
  auto it = std::find(rule_types.begin(), rule_types.end(), *type_name);
  if (it == rule_types.end()) {
    const std::string near = nearest_name(*type_name, rule_types);
    diagnostics
        .add("E205", type_node->where,
             near.empty()
                 ? fmt::format("unknown scoring type '{}'", *type_name)
                 : fmt::format("unknown scoring type '{}'; did you mean '{}'?", *type_name, near))
        .notes.push_back("types: " + quoted_list(rule_types));
    return std::nullopt;
  }
  ScoringRule rule;
  rule.where = node.where;
  rule.type = static_cast<ScoringRule::Type>(it - rule_types.begin());
  using Type = ScoringRule::Type;
  bool ok = true;
  auto need_number = [&](MapReader& map, const char* key, DatedNumber& target) {
    if (const auto* v = map.require(key)) {
      if (auto n = read_dated_number(*v, diagnostics))
        target = *n;
      else
        ok = false;
    } else {
      ok = false;
    }
  };
  switch (rule.type) {
  case Type::Linear: {
    MapReader map(node, "a linear rule", {"type", "best", "worst"}, diagnostics);
    need_number(map, "best", rule.best);
    need_number(map, "worst", rule.worst);
    break;
  }
  case Type::Scale: {
    MapReader map(node, "a scale rule", {"type", "min", "max"}, diagnostics);
    need_number(map, "min", rule.min);
    need_number(map, "max", rule.max);
    break;
  }
  case Type::Steps: {
    MapReader map(node, "a steps rule", {"type", "steps"}, diagnostics);
    const auto* steps = map.require("steps");
    if (!steps)
      return std::nullopt;
    rule.steps = read_list<Step>(
        steps, "steps", [&](const YamlNode& n) { return read_step(n, diagnostics); }, diagnostics);
    if (rule.steps.empty())
      ok = false;
    break;
  }
  case Type::Levels:
  case Type::Deductions: {
    // Both map names to numbers: levels to fractions, defects to points deducted.
    const bool levels = rule.type == Type::Levels;
    const char* key = levels ? "levels" : "per";
    MapReader map(node, levels ? "a levels rule" : "a deductions rule", {"type", key}, diagnostics);
    const auto* entries = map.require(key);
    if (!entries)
      return std::nullopt;
    auto values = read_named_numbers(*entries, diagnostics);
    if (!values)
      return std::nullopt;
    (levels ? rule.levels : rule.per) = std::move(*values);
    break;
  }
  case Type::PassFail: {
    MapReader map(node, "a pass_fail rule", {"type", "condition"}, diagnostics);
    const auto* condition = map.require("condition");
    if (!condition)
      return std::nullopt;
    auto parsed = read_condition(*condition, diagnostics);
    if (!parsed)
      return std::nullopt;
    rule.condition.push_back(std::move(*parsed));
    break;
  }
  case Type::ByClass: {
    MapReader map(node, "a by_class rule", {"type", "class", "rules"}, diagnostics);
    const auto* class_node = map.require("class");
    const auto* rules = map.require("rules");
    if (!class_node || !rules)
      return std::nullopt;
    if (auto s = read_string(*class_node, diagnostics))
      rule.class_id = *s;
    if (!rules->is_map()) {
      expected(*rules, "a map from class to rule", diagnostics);
      return std::nullopt;
    }
    for (const auto& entry : rules->entries)
      if (auto inner = read_rule(entry.value, diagnostics)) {
        rule.class_names.push_back(entry.key);
        rule.class_rules.push_back(std::move(*inner));
      }
    break;
  }
  case Type::RatioToLimit: {
    MapReader map(node, "a ratio_to_limit rule",
                  {"type", "limit_set", "pollutant", "averaging", "best_ratio", "worst_ratio"},
                  diagnostics);
    rule.limit.where = node.where;
    for (auto [key, target] : {std::pair{"limit_set", &rule.limit.limit_set},
                               {"pollutant", &rule.limit.pollutant},
                               {"averaging", &rule.limit.averaging}})
      if (const auto* v = map.require(key)) {
        if (auto s = read_string(*v, diagnostics))
          *target = *s;
      } else {
        ok = false;
      }
    if (const auto* v = map.get("best_ratio"))
      rule.best_ratio = read_number(*v, diagnostics).value_or(rule.best_ratio);
    if (const auto* v = map.get("worst_ratio"))
      rule.worst_ratio = read_number(*v, diagnostics).value_or(rule.worst_ratio);
    break;
  }
  }
  if (!ok)
    return std::nullopt;
  return rule;
}

// --- criteria ----------------------------------------------------------------------------------

std::optional<AhpSpec> read_ahp(const YamlNode& node, Diagnostics& diagnostics) {
  MapReader map(node, "an 'ahp' block", {"order", "matrix", "allow_inconsistent", "method", "ri"},
                diagnostics);
  if (!map.ok())
    return std::nullopt;
  AhpSpec spec;
  spec.where = node.where;
  const auto* order = map.require("order");
  const auto* matrix = map.require("matrix");
  if (!order || !matrix)
    return std::nullopt;
  if (auto names = read_string_list(*order, diagnostics))
    spec.order = *names;
  if (const auto* allow = map.get("allow_inconsistent"))
    spec.allow_inconsistent = read_bool(*allow, diagnostics).value_or(false);
  if (const auto* method = map.get("method")) {
    if (auto s = read_string(*method, diagnostics); s && mcda::parse_ahp_method(*s))
      spec.method = *s;
    else
      diagnostics.add("E205", method->where, "unknown AHP method")
          .notes.push_back("methods: " + quoted_list(mcda::ahp_method_names()));
  }
  if (const auto* ri = map.get("ri")) {
    if (auto s = read_string(*ri, diagnostics); s && mcda::parse_ri_table(*s))
      spec.ri_table = *s;
    else
      diagnostics.add("E205", ri->where, "unknown RI table")
          .notes.push_back("tables: " + quoted_list(mcda::ri_table_names()));
  }
  auto m = read_ahp_matrix(*matrix, spec.order, diagnostics);
  if (!m)
    return std::nullopt;
  const auto n = static_cast<std::size_t>(m->rows());
  spec.matrix.assign(n, std::vector<double>(n));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      spec.matrix[i][j] = (*m)(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
  return spec;
}

std::optional<Criterion> read_criterion(const YamlNode& node, const std::string& parent_path,
                                        int depth, Diagnostics& diagnostics) {
  MapReader map(node, "a criterion",
                {"id", "title", "description", "weight", "points", "weights", "ahp", "criteria",
                 "indicator", "scoring", "reference", "clause", "provisional", "unit"},
                diagnostics);
  if (!map.ok())
    return std::nullopt;
  Criterion c;
  c.where = node.where;
  c.weight_where = node.where;
  if (const auto* id = map.require("id"))
    if (auto s = read_string(*id, diagnostics)) {
      c.id = *s;
      if (s->find('.') != std::string::npos)
        diagnostics.add(
            "E205", id->where,
            fmt::format("criterion id '{}' may not contain '.' (paths are dotted)", *s));
    }
  c.path = parent_path.empty() ? c.id : parent_path + "." + c.id;
  if (const auto* title = map.get("title"))
    if (auto t = read_local_text(*title, diagnostics))
      c.title = *t;
  if (const auto* description = map.get("description"))
    if (auto t = read_local_text(*description, diagnostics))
      c.description = *t;
  if (const auto* weight = map.get("weight")) {
    c.weight = read_number(*weight, diagnostics);
    c.weight_where = weight->where;
  }
  if (const auto* points = map.get("points")) {
    c.points = read_number(*points, diagnostics);
    c.weight_where = points->where;
  }
  if (const auto* weights = map.get("weights")) {
    if (weights->is_scalar() && weights->scalar == "normalize")
      c.normalize_weights = true;
    else
      expected(*weights, "'normalize'", diagnostics);
  }
  if (const auto* ahp = map.get("ahp"))
    c.ahp = read_ahp(*ahp, diagnostics);
  if (const auto* reference = map.get("reference"))
    if (auto s = read_string(*reference, diagnostics))
      c.reference = *s;
  if (const auto* clause = map.get("clause"))
    if (auto s = read_string(*clause, diagnostics))
      c.clause = *s;
  if (const auto* provisional = map.get("provisional"))
    c.provisional = read_bool(*provisional, diagnostics).value_or(false);
  if (const auto* indicator = map.get("indicator")) {
    MapReader indicator_map(*indicator, "an indicator",
                            {"fact", "plant", "measure", "findings", "fallback_fact", "unit"},
                            diagnostics);
    if (indicator_map.ok())
      c.indicator = read_source(*indicator, diagnostics);
  }
  if (const auto* unit = map.get("unit"))
    if (auto s = read_string(*unit, diagnostics); s && c.indicator && c.indicator->unit.empty())
      c.indicator->unit = *s;
  if (const auto* scoring = map.get("scoring"))
    c.scoring = read_rule(*scoring, diagnostics);
  if (const auto* children = map.get("criteria")) {
    if (depth >= 16) {
      diagnostics.add("E205", children->where, "criteria nested deeper than 16 levels");
    } else {
      c.children = read_list<Criterion>(
          children, "criteria",
          [&](const YamlNode& n) { return read_criterion(n, c.path, depth + 1, diagnostics); },
          diagnostics);
    }
  }
  return c;
}

std::optional<ClassDefinition> read_class(const std::string& id, const YamlNode& node,
                                          Diagnostics& diagnostics) {
  MapReader map(node, fmt::format("class '{}'", id), {"from", "bands", "title"}, diagnostics);
  if (!map.ok())
    return std::nullopt;
  ClassDefinition definition;
  definition.id = id;
  definition.where = node.where;
  const auto* from = map.require("from");
  const auto* bands = map.require("bands");
  if (!from || !bands)
    return std::nullopt;
  MapReader from_map(*from, "a class source", {"fact", "plant", "measure", "fallback_fact", "unit"},
                     diagnostics);
  auto source = read_source(*from, diagnostics);
  if (!source)
    return std::nullopt;
  definition.from = *source;
  definition.bands = read_list<ClassBand>(
      bands, "bands",
      [&](const YamlNode& n) -> std::optional<ClassBand> {
        ClassBand band;
        band.where = n.where;
        if (n.is_map() && n.find("otherwise")) {
          MapReader m(n, "a class band", {"otherwise"}, diagnostics);
          if (auto s = read_string(*n.find("otherwise"), diagnostics))
            band.class_name = *s;
          return band;
        }
        MapReader m(n, "a class band", {"at_least", "class"}, diagnostics);
        const auto* at_least = m.require("at_least");
        const auto* name = m.require("class");
        if (!at_least || !name)
          return std::nullopt;
        band.at_least = read_number(*at_least, diagnostics);
        if (auto s = read_string(*name, diagnostics))
          band.class_name = *s;
        if (!band.at_least)
          return std::nullopt;
        return band;
      },
      diagnostics);
  return definition;
}

} // namespace

std::optional<IndicatorSystem> parse_indicator_system(const YamlNode& root, const std::string& file,
                                                      Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.error_count();
  const std::size_t errors_before_index = diagnostics.size();
  if (!check_schema(root, "indicator-system/1", diagnostics))
    return std::nullopt;
  MapReader map(root, "an indicator system",
                {"schema", "id", "title", "edition", "facility", "description", "references",
                 "provisional", "provisional_reason", "last_verified_on", "classes", "conditions",
                 "eligibility", "vetoes", "grading", "rating", "criteria"},
                diagnostics);
  IndicatorSystem system;
  system.file = file;
  system.where = root.where;
  if (const auto* id = map.require("id"))
    if (auto s = read_string(*id, diagnostics))
      system.id = *s;
  if (const auto* title = map.require("title"))
    if (auto t = read_local_text(*title, diagnostics))
      system.title = *t;
  if (const auto* edition = map.require("edition"))
    if (auto s = read_string(*edition, diagnostics))
      system.edition = *s;
  if (const auto* facility = map.get("facility"))
    if (auto s = read_string(*facility, diagnostics))
      system.facility = *s;
  if (const auto* description = map.get("description"))
    if (auto t = read_local_text(*description, diagnostics))
      system.description = *t;
  if (const auto* provisional = map.get("provisional"))
    system.provisional = read_bool(*provisional, diagnostics).value_or(false);
  if (const auto* reason = map.get("provisional_reason"))
    if (auto t = read_local_text(*reason, diagnostics))
      system.provisional_reason = *t;
  if (const auto* verified = map.get("last_verified_on"))
    system.last_verified_on = read_date(*verified, diagnostics);
  system.references = read_list<Reference>(
      map.get("references"), "references",
      [&](const YamlNode& n) -> std::optional<Reference> {
        MapReader m(n, "a reference", {"id", "title", "url", "note"}, diagnostics);
        if (!m.ok())
          return std::nullopt;
        Reference r;
        r.where = n.where;
        if (const auto* v = m.require("id"))
          r.id = read_string(*v, diagnostics).value_or("");
        if (const auto* v = m.require("title"))
          r.title = read_string(*v, diagnostics).value_or("");
        if (const auto* v = m.get("url"))
          r.url = read_string(*v, diagnostics).value_or("");
        return r;
      },
      diagnostics);
  if (const auto* classes = map.get("classes")) {
    if (!classes->is_map())
      expected(*classes, "a map of class definitions", diagnostics);
    else
      for (const auto& entry : classes->entries)
        if (auto c = read_class(entry.key, entry.value, diagnostics))
          system.classes.push_back(std::move(*c));
  }
  system.conditions = read_list<NamedCondition>(
      map.get("conditions"), "conditions",
      [&](const YamlNode& n) { return read_named(n, "a condition", diagnostics); }, diagnostics);
  system.eligibility = read_list<NamedCondition>(
      map.get("eligibility"), "eligibility gates",
      [&](const YamlNode& n) { return read_named(n, "an eligibility gate", diagnostics); },
      diagnostics);
  system.vetoes = read_list<Veto>(
      map.get("vetoes"), "vetoes",
      [&](const YamlNode& n) -> std::optional<Veto> {
        auto named = read_named(n, "a veto", diagnostics, {"effect"});
        if (!named)
          return std::nullopt;
        Veto veto;
        veto.check = std::move(*named);
        const YamlNode* effect = n.find("effect");
        if (!effect) {
          diagnostics.add(
              "E203", n.where,
              fmt::format("veto '{}' needs 'effect: {{cap: GRADE}}' or 'effect: {{void: true}}'",
                          veto.check.id));
          return std::nullopt;
        }
        veto.effect_where = effect->where;
        MapReader m(*effect, "a veto effect", {"cap", "void"}, diagnostics);
        if (!m.ok())
          return std::nullopt;
        const auto* cap = m.get("cap");
        const auto* voids = m.get("void");
        if ((cap != nullptr) == (voids != nullptr)) {
          diagnostics.add("E203", effect->where,
                          "a veto effect is either {cap: GRADE} or {void: true}");
          return std::nullopt;
        }
        if (cap)
          veto.cap = read_string(*cap, diagnostics).value_or("");
        if (voids)
          veto.voids = read_bool(*voids, diagnostics).value_or(false);
        return veto;
      },
      diagnostics);
  system.grading = read_list<GradeBand>(
      map.get("grading"), "grade bands",
      [&](const YamlNode& n) -> std::optional<GradeBand> {
        MapReader m(n, "a grade band", {"grade", "min_score", "requires", "title"}, diagnostics);
        if (!m.ok())
          return std::nullopt;
        GradeBand band;
        band.where = n.where;
        if (const auto* g = m.require("grade"))
          band.grade = read_string(*g, diagnostics).value_or("");
        const auto* min_score = m.require("min_score");
        if (!min_score)
          return std::nullopt;
        auto number = read_dated_number(*min_score, diagnostics);
        if (!number)
          return std::nullopt;
        band.min_score = *number;
        read_requires(m.get("requires"), band.requires_ids, band.requires_where, diagnostics);
        return band;
      },
      diagnostics);
  if (const auto* rating = map.get("rating")) {
    MapReader m(*rating, "'rating'", {"levels"}, diagnostics);
    system.rating = read_list<RatingLevel>(
        m.require("levels"), "rating levels",
        [&](const YamlNode& n) -> std::optional<RatingLevel> {
          MapReader lm(n, "a rating level", {"id", "title", "description", "requires"},
                       diagnostics);
          if (!lm.ok())
            return std::nullopt;
          RatingLevel level;
          level.where = n.where;
          if (const auto* id = lm.require("id"))
            level.id = read_string(*id, diagnostics).value_or("");
          if (const auto* title = lm.get("title"))
            level.title = read_local_text(*title, diagnostics).value_or(LocalText{});
          read_requires(lm.require("requires"), level.requires_ids, level.requires_where,
                        diagnostics);
          return level;
        },
        diagnostics);
  }
  system.criteria = read_list<Criterion>(
      map.get("criteria"), "criteria",
      [&](const YamlNode& n) { return read_criterion(n, "", 0, diagnostics); }, diagnostics);
  // Unknown keys (E201) leave the model complete, so its semantic checks still run and one pass
  // reports both; any other reading error may leave holes that would only cause false alarms.
  const auto& items = diagnostics.items();
  const bool only_unknown_keys = std::all_of(
      items.begin() + static_cast<std::ptrdiff_t>(errors_before_index), items.end(),
      [](const Diagnostic& d) { return d.severity() != Severity::Error || d.code == "E201"; });
  if (!only_unknown_keys)
    return std::nullopt;
  const bool checked = check_system(system, diagnostics);
  if (!checked || diagnostics.error_count() > errors_before)
    return std::nullopt;
  return system;
}

std::optional<IndicatorSystem> load_indicator_system(const std::string& id_or_file,
                                                     SourceRegistry& sources,
                                                     Diagnostics& diagnostics) {
  std::string name = id_or_file;
  std::string_view text;
  std::error_code ec;
  const bool looks_like_path = id_or_file.find('/') != std::string::npos ||
                               id_or_file.ends_with(".yaml") || id_or_file.ends_with(".yml");
  if (looks_like_path || std::filesystem::is_regular_file(id_or_file, ec)) {
    auto content = read_text_file(id_or_file, diagnostics);
    if (!content)
      return std::nullopt;
    text = sources.add(id_or_file, std::move(*content));
  } else if (auto embedded = embedded_file("criteria/" + id_or_file + "/system.yaml")) {
    name = "criteria/" + id_or_file + "/system.yaml";
    text = sources.add(name, std::string(*embedded));
  } else {
    const auto ids = bundled_system_ids();
    const std::string near = nearest_name(id_or_file, ids);
    auto& d =
        diagnostics.add("E104", {},
                        near.empty() ? fmt::format("no indicator system '{}'", id_or_file)
                                     : fmt::format("no indicator system '{}'; did you mean '{}'?",
                                                   id_or_file, near));
    d.notes.push_back("bundled systems: " + quoted_list(ids));
    d.hints.push_back("give a bundled id or the path of a YAML file");
    return std::nullopt;
  }
  auto root = parse_yaml(text, name, diagnostics);
  if (!root)
    return std::nullopt;
  return parse_indicator_system(*root, name, diagnostics);
}

std::vector<std::string> bundled_system_ids() {
  std::vector<std::string> ids;
  for (const auto& file : embedded_criteria()) {
    std::string_view path = file.path;
    constexpr std::string_view prefix = "criteria/", suffix = "/system.yaml";
    if (path.starts_with(prefix) && path.ends_with(suffix))
      ids.emplace_back(path.substr(prefix.size(), path.size() - prefix.size() - suffix.size()));
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

} // namespace grate::io
