#include "io/system_render.hpp"

#include "core/number_format.hpp"
#include "io/json_writer.hpp"
#include "io/report_text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace grate::io {

namespace {

std::string num(double v) {
  return format_number(v, 6);
}

std::string dated(const DatedNumber& n) {
  if (!n.dated())
    return n.entries.empty() ? "?" : num(n.entries.front().value);
  std::string out;
  for (const auto& e : n.entries)
    out += fmt::format("{}{} from {}", out.empty() ? "" : ", ", num(e.value),
                       e.from ? e.from->iso() : "always");
  return out;
}

} // namespace

std::string describe_condition(const Condition& c) {
  switch (c.kind) {
  case Condition::Kind::All:
  case Condition::Kind::Any: {
    std::string out;
    for (const auto& child : c.children)
      out += (out.empty()                      ? ""
              : c.kind == Condition::Kind::All ? " and "
                                               : " or ") +
             describe_condition(child);
    return "(" + out + ")";
  }
  case Condition::Kind::Not:
    return "not " + describe_condition(c.children.front());
  case Condition::Kind::Compare:
    break;
  }
  std::string subject = c.subject.describe();
  if (!c.subject.fallback_fact.empty())
    subject += fmt::format(" (else fact '{}')", c.subject.fallback_fact);
  std::string threshold;
  if (const auto* b = std::get_if<bool>(&c.threshold.value))
    threshold = *b ? "true" : "false";
  else if (const auto* s = std::get_if<std::string>(&c.threshold.value))
    threshold = "'" + *s + "'";
  else if (const auto* n = std::get_if<DatedNumber>(&c.threshold.value))
    threshold = dated(*n);
  else {
    const auto& r = std::get<LimitRef>(c.threshold.value);
    threshold = fmt::format("the {} {} limit of {}", r.pollutant, r.averaging, r.limit_set);
  }
  return fmt::format("{} {} {}", subject, comparison_symbol(c.comparison), threshold);
}

std::string describe_rule(const ScoringRule& rule) {
  using Type = ScoringRule::Type;
  switch (rule.type) {
  case Type::Linear:
    return fmt::format("linear: 1 at {}, 0 at {}", dated(rule.best), dated(rule.worst));
  case Type::Scale:
    return fmt::format("scale: {} … {}", dated(rule.min), dated(rule.max));
  case Type::Steps: {
    std::string out;
    for (const auto& s : rule.steps) {
      out += out.empty() ? "steps: " : ", ";
      if (s.bound == Step::Bound::Otherwise)
        out += fmt::format("otherwise {}", num(s.score));
      else
        out += fmt::format("{} {} → {}", s.bound == Step::Bound::AtLeast ? "≥" : "≤",
                           dated(s.threshold), num(s.score));
    }
    return out;
  }
  case Type::Levels: {
    std::string out;
    for (const auto& [name, f] : rule.levels)
      out += fmt::format("{}{} {}", out.empty() ? "levels: " : ", ", name, num(f));
    return out;
  }
  case Type::Deductions: {
    std::string out;
    for (const auto& [name, p] : rule.per)
      out += fmt::format("{}{} −{}", out.empty() ? "deductions: " : ", ", name, num(p));
    return out;
  }
  case Type::PassFail:
    return "pass/fail: " + describe_condition(rule.condition.front());
  case Type::ByClass: {
    std::string out = fmt::format("by class '{}'", rule.class_id);
    for (std::size_t i = 0; i < rule.class_names.size(); ++i)
      out += fmt::format("; {}: {}", rule.class_names[i], describe_rule(rule.class_rules[i]));
    return out;
  }
  case Type::RatioToLimit:
    return fmt::format("ratio to the {} {} limit of {}: 1 at ≤ {}, 0 at ≥ {}", rule.limit.pollutant,
                       rule.limit.averaging, rule.limit.limit_set, num(rule.best_ratio),
                       num(rule.worst_ratio));
  }
  return "";
}

std::string render_system_markdown(const IndicatorSystem& system, Language language) {
  std::string md =
      fmt::format("# {} (`{}` {})\n\n", system.title.in(language), system.id, system.edition);
  if (!system.description.empty())
    md += system.description.in(language) + "\n\n";
  if (system.provisional)
    md += fmt::format("> **Provisional.** {}\n\n", system.provisional_reason.empty()
                                                       ? "Some values are not confirmed."
                                                       : system.provisional_reason.in(language));
  if (system.last_verified_on)
    md += fmt::format("Last verified on {}. Facility type: {}.\n\n", system.last_verified_on->iso(),
                      system.facility);
  if (!system.classes.empty()) {
    md += "## Classes\n\n";
    for (const auto& c : system.classes) {
      md += fmt::format("- `{}` from {}:", c.id, c.from.describe());
      for (const auto& b : c.bands)
        md += b.at_least ? fmt::format(" {} (≥ {});", b.class_name, num(*b.at_least))
                         : fmt::format(" {} (otherwise)", b.class_name);
      md += "\n";
    }
    md += "\n";
  }
  auto named_list = [&](const char* heading, const std::vector<NamedCondition>& list) {
    if (list.empty())
      return;
    md += fmt::format("## {}\n\n", heading);
    for (const auto& c : list)
      md += fmt::format("- `{}` {}: {}{}{}\n", c.id, c.title.in(language),
                        describe_condition(c.condition),
                        c.reference.empty() ? ""
                                            : fmt::format(" [{}{}]", c.reference,
                                                          c.clause.empty() ? "" : " " + c.clause),
                        c.provisional ? " (provisional)" : "");
    md += "\n";
  };
  named_list("Conditions", system.conditions);
  named_list("Eligibility", system.eligibility);
  if (!system.vetoes.empty()) {
    md += "## Vetoes\n\n";
    for (const auto& v : system.vetoes)
      md +=
          fmt::format("- `{}` {}: {} → {}\n", v.check.id, v.check.title.in(language),
                      describe_condition(v.check.condition), v.voids ? "void" : "cap at " + v.cap);
    md += "\n";
  }
  if (!system.grading.empty()) {
    md += "## Grading\n\n| Grade | Min. score | Requires |\n|---|---:|---|\n";
    for (const auto& b : system.grading) {
      std::string req;
      for (const auto& id : b.requires_ids)
        req += (req.empty() ? "" : ", ") + id;
      md += fmt::format("| {} | {} | {} |\n", b.grade, dated(b.min_score), req.empty() ? "—" : req);
    }
    md += "\n";
  }
  if (!system.rating.empty()) {
    md += "## Rating levels (lowest first, cumulative)\n\n";
    for (const auto& l : system.rating) {
      std::string req;
      for (const auto& id : l.requires_ids)
        req += (req.empty() ? "" : ", ") + id;
      md += fmt::format("- `{}` {}: {}\n", l.id, l.title.in(language), req);
    }
    md += "\n";
  }
  if (!system.criteria.empty()) {
    md += "## Criteria\n\n| Criterion | Max (of 100) | Weight / points | Rule | Reference "
          "|\n|---|---:|---|---|---|\n";
    for (const auto* c : flatten(system)) {
      const auto depth = static_cast<std::size_t>(std::count(c->path.begin(), c->path.end(), '.'));
      std::string indent;
      for (std::size_t i = 0; i < depth; ++i)
        indent += "&nbsp;&nbsp;";
      std::string share = c->weight   ? fmt::format("weight {}", num(*c->weight))
                          : c->points ? fmt::format("{} points", num(*c->points))
                                      : fmt::format("share {}", format_number(c->share, 4));
      std::string rule;
      if (c->ahp)
        rule = fmt::format("AHP over {} children: λmax {}, CI {}, CR {} ({}){}",
                           c->ahp->order.size(), format_number(c->ahp->lambda_max, 4),
                           format_number(c->ahp->ci, 4), format_number(c->ahp->cr, 4),
                           c->ahp->ri_table, c->ahp->consistent ? "" : ", inconsistent (allowed)");
      else if (c->scoring)
        rule = (c->indicator ? c->indicator->describe() + ": " : "") + describe_rule(*c->scoring);
      md += fmt::format("| {}{}{} `{}` | {} | {} | {} | {} |\n", indent,
                        md_cell(c->title.in(language)), c->provisional ? " (provisional)" : "",
                        c->id, format_number(c->max_score, 3), share, md_cell(rule),
                        md_cell(c->reference + (c->clause.empty() ? "" : " " + c->clause)));
    }
    md += "\n";
  }
  md += "## References\n\n";
  for (const auto& r : system.references)
    md += fmt::format("- `{}` {}{}\n", r.id, r.title, r.url.empty() ? "" : " <" + r.url + ">");
  return md;
}

std::string render_limit_set_markdown(const emissions::LimitSet& set, Language language) {
  std::string md = fmt::format("# {} (`{}`)\n\n", set.title.in(language), set.id);
  if (set.provisional)
    md += "> **Provisional.** Some values are not confirmed against the primary text.\n\n";
  md += "| Pollutant | Averaging | Value | Unit | O2 ref. | Reference "
        "|\n|---|---|---|---|---:|---|\n";
  for (const auto& limit : set.limits) {
    std::string values;
    for (const auto& v : limit.values)
      values += fmt::format("{}{}{}", values.empty() ? "" : ", ", num(v.value),
                            v.from ? " from " + v.from->iso() : "");
    md += fmt::format("| {} | {} | {}{} | {} | {} | {} |\n", limit.pollutant,
                      emissions::averaging_name(limit.averaging), values,
                      limit.provisional ? " (provisional)" : "", limit.unit,
                      num(limit.o2_reference), md_cell(limit.reference));
  }
  if (!set.references.empty()) {
    md += "\n## References\n\n";
    for (const auto& r : set.references)
      md += "- " + r + "\n";
  }
  return md;
}

std::string render_catalogue_markdown(const std::vector<IndicatorSystem>& systems,
                                      const std::vector<emissions::LimitSet>& sets,
                                      Language language) {
  std::string md = "# Bundled indicator systems\n\n| Id | Edition | Title | Criteria | Provisional "
                   "|\n|---|---|---|---:|---|\n";
  for (const auto& s : systems)
    md += fmt::format("| `{}` | {} | {} | {} | {} |\n", s.id, s.edition, s.title.in(language),
                      flatten(s).size(), s.provisional ? "yes" : "no");
  md += "\n# Bundled limit sets\n\n| Id | Title | Limits | Provisional |\n|---|---|---:|---|\n";
  for (const auto& s : sets)
    md += fmt::format("| `{}` | {} | {} | {} |\n", s.id, s.title.in(language), s.limits.size(),
                      s.provisional ? "partly" : "no");
  return md;
}

std::string render_catalogue_json(const std::vector<IndicatorSystem>& systems,
                                  const std::vector<emissions::LimitSet>& sets) {
  JsonWriter json;
  json.begin_object().key("systems").begin_array();
  for (const auto& s : systems) {
    json.begin_object()
        .field("id", s.id)
        .field("edition", s.edition)
        .key("title")
        .begin_object()
        .field("zh", s.title.zh)
        .field("en", s.title.en)
        .end_object()
        .field("provisional", s.provisional)
        .end_object();
  }
  json.end_array().key("limit_sets").begin_array();
  for (const auto& s : sets) {
    json.begin_object()
        .field("id", s.id)
        .key("title")
        .begin_object()
        .field("zh", s.title.zh)
        .field("en", s.title.en)
        .end_object()
        .field("provisional", s.provisional)
        .end_object();
  }
  json.end_array().end_object();
  return json.str();
}

} // namespace grate::io
