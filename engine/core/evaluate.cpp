#include "core/evaluate.hpp"

#include "core/number_format.hpp"
#include "core/units.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace grate {

namespace {

constexpr double score_tolerance = 1e-9; // sums of fractions may miss a band edge by rounding

const char* tr(Language language, const char* en, const char* zh) {
  return language == Language::Zh ? zh : en;
}

std::string num(double value) {
  return format_number(value, 6);
}

/// "a", "a and b", "a, b and c" — for lists of already quoted subjects.
std::string join_or(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return out;
}

UsedValue from_fact(const FactValue& fact, const std::string& name,
                    const std::string& origin_kind) {
  UsedValue value;
  value.unit = fact.unit;
  switch (fact.kind) {
  case FactValue::Kind::Number:
    value.kind = UsedValue::Kind::Number;
    value.number = fact.number;
    break;
  case FactValue::Kind::Bool:
    value.kind = UsedValue::Kind::Bool;
    value.boolean = fact.boolean;
    break;
  case FactValue::Kind::Text:
    value.kind = UsedValue::Kind::Text;
    value.text = fact.text;
    break;
  }
  value.origin = fact.source.empty() ? fmt::format("{} '{}' ({}:{})", origin_kind, name,
                                                   fact.where.file, fact.where.line)
                                     : fmt::format("{} '{}' ({}; {}:{})", origin_kind, name,
                                                   fact.source, fact.where.file, fact.where.line);
  return value;
}

/// The value a source names, in the unit it asks for; Missing when absent.
UsedValue resolve(const ValueSource& source, const EvaluationContext& context,
                  std::string& problem) {
  const PlantSheet& sheet = context.sheet;
  UsedValue value;
  switch (source.kind) {
  case ValueSource::Kind::Fact: {
    auto it = sheet.facts.find(source.name);
    if (it != sheet.facts.end())
      value = from_fact(it->second, source.name, "fact");
    break;
  }
  case ValueSource::Kind::Measure: {
    auto it = context.measures.find(source.name);
    if (it != context.measures.end()) {
      value.kind = UsedValue::Kind::Number;
      value.number = it->second.value;
      value.unit = it->second.unit;
      value.origin = fmt::format("measure '{}' ({})", source.name, it->second.source);
    } else if (!source.fallback_fact.empty()) {
      auto fact = sheet.facts.find(source.fallback_fact);
      if (fact != sheet.facts.end())
        value = from_fact(fact->second, source.fallback_fact, "fact");
    }
    break;
  }
  case ValueSource::Kind::Plant: {
    const Plant& plant = sheet.plant;
    value.origin = fmt::format("plant '{}' ({}:{})", source.name, sheet.file, plant.where.line);
    if (source.name == "capacity_tpd" && plant.capacity_tpd) {
      value.kind = UsedValue::Kind::Number;
      value.number = *plant.capacity_tpd;
      value.unit = "t/d";
    } else if (source.name == "line_count" && !plant.lines.empty()) {
      value.kind = UsedValue::Kind::Number;
      value.number = static_cast<double>(plant.lines.size());
    } else if (source.name == "years_in_operation" && plant.commissioned) {
      value.kind = UsedValue::Kind::Number;
      value.number = static_cast<double>(context.as_of.days_since_epoch() -
                                         plant.commissioned->days_since_epoch()) /
                     365.25;
      value.unit = "a";
    }
    break;
  }
  case ValueSource::Kind::Findings: {
    auto it = sheet.findings.find(source.name);
    if (it != sheet.findings.end()) {
      double total = 0;
      for (const auto& finding : it->second)
        total += finding.count;
      value.kind = UsedValue::Kind::Number;
      value.number = total;
      value.origin = fmt::format("findings '{}' ({})", source.name, sheet.file);
    }
    break;
  }
  }
  if (value.kind == UsedValue::Kind::Number && !source.unit.empty()) {
    if (value.unit.empty()) {
      value.unit = source.unit;
    } else if (auto converted = convert_unit(value.number, value.unit, source.unit)) {
      if (value.unit != source.unit)
        value.origin += fmt::format(", {} {} → {}", num(value.number), value.unit, source.unit);
      value.number = *converted;
      value.unit = source.unit;
    } else {
      problem = fmt::format("{} is given in '{}', which cannot be converted to '{}'",
                            source.describe(), value.unit, source.unit);
    }
  }
  return value;
}

std::optional<double> number_in_force(const DatedNumber& number, const Date& as_of) {
  const auto* entry = number.at(as_of);
  if (!entry)
    return std::nullopt;
  return entry->value;
}

struct Evaluator {
  const EvaluationContext& context;
  Evaluation& out;
  Language lang() const { return context.language; }

  std::string absent_reason(const ValueSource& source) const {
    if (source.kind != ValueSource::Kind::Measure || !context.absent_measures)
      return "";
    auto it = context.absent_measures->find(source.name);
    return it == context.absent_measures->end() ? "" : it->second;
  }

  std::string missing_message(const ValueSource& source) const {
    const std::string reason = absent_reason(source);
    const std::string measure =
        reason.empty() ? source.describe() : fmt::format("{} ({})", source.describe(), reason);
    if (source.kind == ValueSource::Kind::Measure && !source.fallback_fact.empty())
      return fmt::format("{} or fact '{}'", measure, source.fallback_fact);
    return measure;
  }

  void report_missing(const ValueSource& source, const std::string& who) {
    const std::string what = missing_message(source);
    if (context.allow_missing) {
      out.diagnostics.add(
          "W601", source.where,
          fmt::format("{} needs {}, which the sheet does not give; scored 0", who, what));
      return;
    }
    auto& d = out.diagnostics.add(
        "E501", source.where, fmt::format("{} needs {}, which the sheet does not give", who, what));
    d.notes.push_back(fmt::format("plant sheet: {}", context.sheet.file));
    switch (source.kind) {
    case ValueSource::Kind::Fact:
      d.hints.push_back(fmt::format("add '{}: VALUE' under 'facts:'", source.name));
      break;
    case ValueSource::Kind::Findings:
      d.hints.push_back(fmt::format(
          "add '{}: []' under 'findings:' when the inspection found no defect", source.name));
      break;
    case ValueSource::Kind::Measure:
      d.hints.push_back(
          source.fallback_fact.empty()
              ? "add CEMS files under 'cems:' (grate derives the measure)"
              : fmt::format("add CEMS files under 'cems:' or '{}: VALUE' under 'facts:'",
                            source.fallback_fact));
      break;
    case ValueSource::Kind::Plant:
      d.hints.push_back(fmt::format("add '{}' under 'plant:'", source.name));
      break;
    }
  }

  // --- conditions ------------------------------------------------------------------------------

  ConditionOutcome condition(const Condition& c) {
    ConditionOutcome outcome;
    switch (c.kind) {
    case Condition::Kind::All:
    case Condition::Kind::Any: {
      const bool all = c.kind == Condition::Kind::All;
      bool unknown = false, result = all;
      std::vector<std::string> parts;
      for (const auto& child : c.children) {
        auto inner = condition(child);
        parts.push_back(inner.explanation);
        outcome.missing.insert(outcome.missing.end(), inner.missing.begin(), inner.missing.end());
        if (!inner.met)
          unknown = true;
        else if (all)
          result = result && *inner.met;
        else
          result = result || *inner.met;
      }
      if (all && !unknown)
        outcome.met = result;
      else if (!all && (result || !unknown))
        outcome.met = result;
      else if (all && unknown && !result)
        outcome.met = false;
      std::string joined;
      for (const auto& p : parts)
        joined += (joined.empty() ? "" : all ? " and " : " or ") + p;
      outcome.explanation = "(" + joined + ")";
      return outcome;
    }
    case Condition::Kind::Not: {
      auto inner = condition(c.children.front());
      outcome = inner;
      if (inner.met)
        outcome.met = !*inner.met;
      outcome.explanation = "not " + inner.explanation;
      return outcome;
    }
    case Condition::Kind::Compare:
      break;
    }
    std::string problem;
    UsedValue value = resolve(c.subject, context, problem);
    if (!problem.empty()) {
      out.diagnostics.add("E507", c.subject.where, problem);
      outcome.missing.push_back(c.subject.name);
      outcome.explanation = problem;
      return outcome;
    }
    const std::string subject =
        c.subject.kind == ValueSource::Kind::Measure && value.origin.starts_with("fact")
            ? "fact '" + c.subject.fallback_fact + "'"
            : c.subject.describe();
    if (value.kind == UsedValue::Kind::Missing) {
      outcome.missing.push_back(missing_message(c.subject));
      outcome.explanation =
          fmt::format("{} {}", missing_message(c.subject), tr(lang(), "is missing", "缺失"));
      return outcome;
    }
    const Threshold& t = c.threshold;
    std::string threshold_text;
    if (const auto* b = std::get_if<bool>(&t.value)) {
      threshold_text = *b ? "true" : "false";
      if (value.kind == UsedValue::Kind::Bool)
        outcome.met = value.boolean == *b;
      else
        out.diagnostics.add(
            "E506", c.subject.where,
            fmt::format("{} is {}, expected true or false", subject, value.display()));
    } else if (const auto* s = std::get_if<std::string>(&t.value)) {
      threshold_text = "'" + *s + "'";
      if (value.kind == UsedValue::Kind::Text)
        outcome.met = value.text == *s;
      else
        out.diagnostics.add(
            "E506", c.subject.where,
            fmt::format("{} is {}, expected a level name", subject, value.display()));
    } else {
      std::optional<double> limit;
      if (const auto* n = std::get_if<DatedNumber>(&t.value)) {
        limit = number_in_force(*n, context.as_of);
        if (!limit)
          out.diagnostics.add("E509", t.where,
                              fmt::format("no value in force on {}", context.as_of.iso()));
        else
          threshold_text = num(*limit);
      } else {
        const auto& ref = std::get<LimitRef>(t.value);
        auto it = context.limits.find(ref.key());
        if (it == context.limits.end()) {
          out.diagnostics.add("E508", ref.where,
                              fmt::format("limit set '{}' has no {} limit for '{}' in force on {}",
                                          ref.limit_set, ref.averaging, ref.pollutant,
                                          context.as_of.iso()));
        } else {
          limit = it->second.value;
          threshold_text = fmt::format("{} {} ({} {} {})", num(*limit), it->second.unit,
                                       ref.limit_set, ref.pollutant, ref.averaging);
        }
      }
      if (limit) {
        if (value.kind != UsedValue::Kind::Number) {
          out.diagnostics.add("E506", c.subject.where,
                              fmt::format("{} is {}, expected a number", subject, value.display()));
        } else {
          const double v = value.number;
          switch (c.comparison) {
          case Comparison::Equals:
            outcome.met = v == *limit;
            break;
          case Comparison::AtLeast:
            outcome.met = v >= *limit;
            break;
          case Comparison::AtMost:
            outcome.met = v <= *limit;
            break;
          case Comparison::GreaterThan:
            outcome.met = v > *limit;
            break;
          case Comparison::LessThan:
            outcome.met = v < *limit;
            break;
          }
        }
      }
    }
    outcome.explanation = fmt::format("{} = {} ({}{} {})", subject, value.display(),
                                      tr(lang(), "condition: ", "条件："),
                                      comparison_symbol(c.comparison), threshold_text);
    return outcome;
  }

  NamedOutcome named(const NamedCondition& n, const std::string& role) {
    NamedOutcome outcome;
    outcome.id = n.id;
    outcome.title = n.title;
    outcome.reference = n.reference;
    outcome.provisional = n.provisional;
    auto result = condition(n.condition);
    outcome.met = result.met;
    outcome.explanation = result.explanation;
    if (!result.met && !result.missing.empty() && !role.empty()) {
      auto& d = out.diagnostics.add(context.allow_missing ? "W601" : "E501", n.where,
                                    fmt::format("{} '{}' needs {}, which the sheet does not give",
                                                role, n.id, join_or(result.missing)));
      d.notes.push_back(fmt::format("plant sheet: {}", context.sheet.file));
    }
    return outcome;
  }

  // --- leaves ----------------------------------------------------------------------------------

  std::optional<double> apply(const Criterion& node, const ScoringRule& rule,
                              const UsedValue& value, std::string& rule_text,
                              std::string& explanation) {
    using Type = ScoringRule::Type;
    auto need_number = [&]() -> bool {
      if (value.kind == UsedValue::Kind::Number)
        return true;
      out.diagnostics.add(
          "E506", node.indicator ? node.indicator->where : node.where,
          fmt::format("criterion '{}' scores by '{}' and needs a number, but {} is {}", node.path,
                      ScoringRule::type_name(rule.type),
                      node.indicator ? node.indicator->describe() : "its value", value.display()));
      return false;
    };
    auto in_force = [&](const DatedNumber& n) -> std::optional<double> {
      auto v = number_in_force(n, context.as_of);
      if (!v)
        out.diagnostics.add(
            "E509", n.where,
            fmt::format("no value in force on {} for '{}'", context.as_of.iso(), node.path));
      return v;
    };
    rule_text = ScoringRule::type_name(rule.type);
    switch (rule.type) {
    case Type::Linear: {
      if (!need_number())
        return std::nullopt;
      auto best = in_force(rule.best), worst = in_force(rule.worst);
      if (!best || !worst)
        return std::nullopt;
      const double f = std::clamp((value.number - *worst) / (*best - *worst), 0.0, 1.0);
      explanation = fmt::format("{} {}: {} {}, {} {}", tr(lang(), "linear on", "线性插值"),
                                value.display(), tr(lang(), "best", "最优"), num(*best),
                                tr(lang(), "worst", "最差"), num(*worst));
      return f;
    }
    case Type::Scale: {
      if (!need_number())
        return std::nullopt;
      auto lo = in_force(rule.min), hi = in_force(rule.max);
      if (!lo || !hi)
        return std::nullopt;
      if (value.number < *lo || value.number > *hi) {
        out.diagnostics.add("E503", node.indicator->where,
                            fmt::format("criterion '{}': value {} is outside the scale [{}, {}]",
                                        node.path, num(value.number), num(*lo), num(*hi)));
        return std::nullopt;
      }
      explanation =
          fmt::format("({} − {}) / ({} − {})", num(value.number), num(*lo), num(*hi), num(*lo));
      return (value.number - *lo) / (*hi - *lo);
    }
    case Type::Steps: {
      if (!need_number())
        return std::nullopt;
      for (const auto& step : rule.steps) {
        if (step.bound == Step::Bound::Otherwise) {
          explanation =
              fmt::format("{} {} → {}", value.display(),
                          tr(lang(), "matches 'otherwise'", "匹配“其他”"), num(step.score));
          return step.score;
        }
        auto t = in_force(step.threshold);
        if (!t)
          return std::nullopt;
        const bool at_least = step.bound == Step::Bound::AtLeast;
        if (at_least ? value.number >= *t : value.number <= *t) {
          explanation = fmt::format("{} {} {} → {}", value.display(), at_least ? "≥" : "≤", num(*t),
                                    num(step.score));
          return step.score;
        }
      }
      out.diagnostics
          .add("E504", node.indicator->where,
               fmt::format("criterion '{}': value {} matches no step and there is no 'otherwise'",
                           node.path, value.display()))
          .hints.push_back("add '{otherwise: 0}' as the last step");
      return std::nullopt;
    }
    case Type::Levels: {
      std::vector<std::string> names;
      for (const auto& [name, fraction] : rule.levels) {
        names.push_back(name);
        if (value.kind == UsedValue::Kind::Text && value.text == name) {
          explanation =
              fmt::format("{} '{}' → {}", tr(lang(), "level", "等级"), name, num(fraction));
          return fraction;
        }
      }
      const std::string near =
          value.kind == UsedValue::Kind::Text ? nearest_name(value.text, names) : "";
      auto& d = out.diagnostics.add(
          "E502", node.indicator->where,
          near.empty()
              ? fmt::format("criterion '{}': {} is not one of its levels", node.path,
                            value.display())
              : fmt::format("criterion '{}': {} is not one of its levels; did you mean '{}'?",
                            node.path, value.display(), near));
      d.notes.push_back("levels: " + quoted_list(names));
      d.notes.push_back("value from " + value.origin);
      return std::nullopt;
    }
    case Type::Deductions: {
      const double p = node.points.value_or(1.0);
      auto it = context.sheet.findings.find(node.indicator->name);
      if (node.indicator->kind != ValueSource::Kind::Findings || it == context.sheet.findings.end())
        return std::nullopt;
      double deducted = 0;
      int terms = 0;
      std::string parts;
      bool ok = true;
      for (const auto& finding : it->second) {
        auto per = std::find_if(rule.per.begin(), rule.per.end(),
                                [&](const auto& e) { return e.first == finding.defect; });
        if (per == rule.per.end()) {
          std::vector<std::string> names;
          for (const auto& e : rule.per)
            names.push_back(e.first);
          const std::string near = nearest_name(finding.defect, names);
          auto& d = out.diagnostics.add(
              "E505", finding.where,
              near.empty() ? fmt::format("unknown defect '{}' for '{}'", finding.defect, node.path)
                           : fmt::format("unknown defect '{}' for '{}'; did you mean '{}'?",
                                         finding.defect, node.path, near));
          d.notes.push_back("defects: " + quoted_list(names));
          ok = false;
          continue;
        }
        deducted += finding.count * per->second;
        ++terms;
        parts += fmt::format("{}{} × {} ({})", parts.empty() ? "" : " + ", num(finding.count),
                             num(per->second), finding.defect);
      }
      if (!ok)
        return std::nullopt;
      explanation =
          parts.empty()
              ? fmt::format("{} {}", tr(lang(), "no defects; full", "无缺陷，满分"), num(p))
          : terms == 1 ? fmt::format("({} − {}) / {}", num(p), parts, num(p))
                       : fmt::format("({} − ({})) / {}", num(p), parts, num(p));
      return std::max(0.0, p - deducted) / p;
    }
    case Type::PassFail: {
      auto result = condition(rule.condition.front());
      explanation = result.explanation;
      if (!result.met) {
        if (!result.missing.empty()) {
          auto& d = out.diagnostics.add(
              context.allow_missing ? "W601" : "E501", rule.where,
              fmt::format("criterion '{}' needs {}, which the sheet does not give", node.path,
                          join_or(result.missing)));
          d.notes.push_back(fmt::format("plant sheet: {}", context.sheet.file));
        }
        return std::nullopt;
      }
      return *result.met ? 1.0 : 0.0;
    }
    case Type::ByClass: {
      auto cls = out.classes.find(rule.class_id);
      if (cls == out.classes.end())
        return std::nullopt; // the class could not be derived (reported)
      for (std::size_t i = 0; i < rule.class_names.size(); ++i)
        if (rule.class_names[i] == cls->second) {
          std::string inner_rule;
          auto f = apply(node, rule.class_rules[i], value, inner_rule, explanation);
          rule_text = fmt::format("by_class({}) → {}", cls->second, inner_rule);
          return f;
        }
      return std::nullopt;
    }
    case Type::RatioToLimit: {
      if (!need_number())
        return std::nullopt;
      auto it = context.limits.find(rule.limit.key());
      if (it == context.limits.end()) {
        out.diagnostics.add("E508", rule.limit.where,
                            fmt::format("limit set '{}' has no {} limit for '{}' in force on {}",
                                        rule.limit.limit_set, rule.limit.averaging,
                                        rule.limit.pollutant, context.as_of.iso()));
        return std::nullopt;
      }
      const double ratio = value.number / it->second.value;
      const double f =
          std::clamp((rule.worst_ratio - ratio) / (rule.worst_ratio - rule.best_ratio), 0.0, 1.0);
      explanation =
          fmt::format("{} / {} {} ({} {}) = {:.3f}; {} {} … {} {}", num(value.number),
                      num(it->second.value), it->second.unit, rule.limit.limit_set,
                      rule.limit.averaging, ratio, tr(lang(), "full at", "满分于"),
                      num(rule.best_ratio), tr(lang(), "zero at", "零分于"), num(rule.worst_ratio));
      rule_text = fmt::format("ratio_to_limit({})", rule.limit.limit_set);
      return f;
    }
    }
    return std::nullopt;
  }

  void score_leaf(const Criterion& node, NodeResult& result) {
    UsedValue value;
    std::string problem;
    if (node.indicator) {
      value = resolve(*node.indicator, context, problem);
      if (!problem.empty()) {
        out.diagnostics.add("E507", node.indicator->where,
                            fmt::format("criterion '{}': {}", node.path, problem));
        return;
      }
      if (value.kind == UsedValue::Kind::Missing) {
        report_missing(*node.indicator, fmt::format("criterion '{}'", node.path));
        result.missing = true;
        result.value = value;
        result.explanation = tr(lang(), "no data: scored 0", "无数据：记 0 分");
        return;
      }
    }
    result.value = value;
    auto fraction = apply(node, *node.scoring, value, result.rule, result.explanation);
    if (!fraction)
      return;
    result.fraction = *fraction;
    result.score = *fraction * node.max_score;
  }

  double score_node(const Criterion& node) {
    const std::size_t index = out.nodes.size();
    out.nodes.push_back(NodeResult{&node, 0, node.max_score, 0, {}, {}, {}, false});
    if (node.is_leaf()) {
      if (node.scoring)
        score_leaf(node, out.nodes[index]);
    } else {
      double sum = 0;
      for (const auto& child : node.children)
        sum += score_node(child);
      out.nodes[index].score = sum;
      out.nodes[index].fraction = node.max_score > 0 ? sum / node.max_score : 0;
    }
    return out.nodes[index].score;
  }

  void derive_classes() {
    for (const auto& definition : context.system.classes) {
      std::string problem;
      UsedValue value = resolve(definition.from, context, problem);
      if (value.kind != UsedValue::Kind::Number) {
        report_missing(definition.from, fmt::format("class '{}'", definition.id));
        continue;
      }
      for (const auto& band : definition.bands)
        if (!band.at_least || value.number >= *band.at_least) {
          out.classes[definition.id] = band.class_name;
          break;
        }
    }
  }

  void grade() {
    const IndicatorSystem& system = context.system;
    for (const auto& gate : system.eligibility) {
      out.eligibility.push_back(named(gate, "eligibility gate"));
      if (out.eligibility.back().met != true)
        out.eligible = false;
    }
    for (const auto& band : system.grading) {
      BandOutcome b;
      b.grade = band.grade;
      b.min_score = number_in_force(band.min_score, context.as_of).value_or(0);
      b.score_reached = out.score + score_tolerance >= b.min_score;
      bool requires_hold = true;
      for (const auto& id : band.requires_ids) {
        const NamedCondition* c = system.find_condition(id);
        b.requires_outcomes.push_back(
            named(*c, b.score_reached && !out.band_grade ? "condition" : ""));
        if (b.requires_outcomes.back().met != true)
          requires_hold = false;
      }
      if (!out.band_grade && b.score_reached && requires_hold) {
        b.granted = true;
        out.band_grade = band.grade;
      }
      out.bands.push_back(std::move(b));
    }
    std::optional<std::string> result = out.eligible ? out.band_grade : std::nullopt;
    for (const auto& veto : system.vetoes) {
      VetoOutcome v;
      v.id = veto.check.id;
      v.title = veto.check.title;
      v.reference = veto.check.reference;
      v.effect = veto.voids ? tr(lang(), "void", "取消等级")
                            : std::string(tr(lang(), "cap at ", "最高为 ")) + veto.cap;
      auto outcome = named(veto.check, "veto");
      v.triggered = outcome.met;
      v.explanation = outcome.explanation;
      if (v.triggered == true && result) {
        if (veto.voids)
          result.reset();
        else if (system.grade_rank(*result) < system.grade_rank(veto.cap))
          result = veto.cap;
      }
      out.vetoes.push_back(std::move(v));
    }
    out.grade = result;
  }

  void rate() {
    const IndicatorSystem& system = context.system;
    bool all_below_met = true;
    for (const auto& level : system.rating) {
      LevelOutcome l;
      l.id = level.id;
      l.title = level.title;
      l.met = true;
      for (const auto& id : level.requires_ids) {
        l.conditions.push_back(named(*system.find_condition(id), ""));
        if (l.conditions.back().met != true)
          l.met = false;
      }
      all_below_met = all_below_met && l.met;
      if (all_below_met)
        out.rating.level = level.id;
      out.rating.levels.push_back(std::move(l));
    }
  }
};

} // namespace

std::string UsedValue::display() const {
  switch (kind) {
  case Kind::Missing:
    return "missing";
  case Kind::Number:
    return unit.empty() || unit == "a" || unit == "1" ? num(number) : num(number) + " " + unit;
  case Kind::Bool:
    return boolean ? "true" : "false";
  case Kind::Text:
    return "'" + text + "'";
  }
  return "";
}

ConditionOutcome evaluate_condition(const Condition& condition, const EvaluationContext& context) {
  Evaluation scratch;
  Evaluator evaluator{context, scratch};
  return evaluator.condition(condition);
}

Evaluation evaluate(const EvaluationContext& context) {
  Evaluation out;
  Evaluator evaluator{context, out};
  evaluator.derive_classes();
  for (const auto& node : context.system.criteria)
    out.score += evaluator.score_node(node);
  if (!context.system.grading.empty())
    evaluator.grade();
  if (!context.system.rating.empty())
    evaluator.rate();
  return out;
}

} // namespace grate
