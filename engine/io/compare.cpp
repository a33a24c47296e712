#include "io/compare.hpp"

#include "core/number_format.hpp"
#include "io/json_writer.hpp"
#include "io/report.hpp"
#include "io/report_text.hpp"
#include "io/yaml_read.hpp"
#include "io/yaml_tree.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace grate::io {

namespace {

/// Lenient access to a report object: only the keys asked for must be there, extra keys are fine.
struct Reader {
  Diagnostics& diagnostics;
  std::size_t errors_before = diagnostics.error_count();

  const YamlNode* require(const YamlNode& map, std::string_view key, std::string_view what) {
    const YamlNode* value = map.is_map() ? map.find(key) : nullptr;
    if (!value)
      diagnostics.add("E203", map.where, fmt::format("{} needs the key '{}'", what, key));
    return value;
  }
  std::string text(const YamlNode& map, std::string_view key, std::string_view what) {
    const YamlNode* value = require(map, key, what);
    if (!value)
      return {};
    return read_string(*value, diagnostics).value_or("");
  }
  /// Text or null.
  std::optional<std::string> optional_text(const YamlNode* node) {
    if (!node || node->is_null())
      return std::nullopt;
    return read_string(*node, diagnostics);
  }
  double number(const YamlNode& map, std::string_view key, std::string_view what) {
    const YamlNode* value = require(map, key, what);
    if (!value)
      return 0;
    return read_number(*value, diagnostics).value_or(0);
  }
  [[nodiscard]] bool ok() const { return diagnostics.error_count() == errors_before; }
};

LocalText local_text(const YamlNode* node) {
  LocalText text;
  if (!node)
    return text;
  if (node->is_scalar())
    return {node->scalar, node->scalar};
  if (const auto* zh = node->find("zh"); zh && zh->is_scalar())
    text.zh = zh->scalar;
  if (const auto* en = node->find("en"); en && en->is_scalar())
    text.en = en->scalar;
  return text;
}

std::string value_text(const YamlNode* value, const YamlNode* unit) {
  if (!value || value->is_null())
    return "missing";
  if (!value->is_scalar())
    return value->describe();
  std::string text = value->scalar;
  if (!value->quoted)
    if (auto number = parse_plain_number(value->scalar))
      text = format_number(*number, 6);
  if (unit && unit->is_scalar() && !unit->scalar.empty())
    text += " " + unit->scalar;
  return text;
}

std::string grade_text(const std::optional<std::string>& grade, Language language) {
  return grade ? *grade : (language == Language::Zh ? "无等级" : "no grade");
}

std::string signed_points(double change) {
  if (std::fabs(change) < compare_tolerance)
    return "0.00";
  std::string text = format_fixed(change, 2);
  if (change > 0)
    text.insert(text.begin(), '+');
  return text;
}

} // namespace

std::optional<ReportSnapshot> read_report_snapshot(std::string_view text, const std::string& file,
                                                   Diagnostics& diagnostics) {
  auto root = parse_yaml(text, file, diagnostics);
  if (!root)
    return std::nullopt;
  if (!root->is_map() || !root->find("schema")) {
    auto& d = diagnostics.add(
        "E204", root->where,
        fmt::format("expected a grate-report/1 JSON report, found {}",
                    root->is_map() ? "an object without 'schema'" : root->describe()));
    d.hints.push_back("compare the JSON reports of 'grate evaluate PLANT.yaml --format json'");
    return std::nullopt;
  }
  const YamlNode& schema = *root->find("schema");
  if (!schema.is_scalar() || schema.scalar != "grate-report/1") {
    auto& d =
        diagnostics.add("E204", schema.where,
                        fmt::format("schema is {}, expected 'grate-report/1'", schema.describe()));
    d.hints.push_back("compare the JSON reports of 'grate evaluate PLANT.yaml --format json'");
    return std::nullopt;
  }
  Reader r{diagnostics};
  ReportSnapshot s;
  s.file = file;
  if (const auto* plant = r.require(*root, "plant", "a report")) {
    s.plant_id = r.text(*plant, "id", "the report's 'plant'");
    s.plant_name = local_text(plant->find("name"));
  }
  if (const auto* system = r.require(*root, "system", "a report")) {
    s.system_id = r.text(*system, "id", "the report's 'system'");
    s.system_edition = r.text(*system, "edition", "the report's 'system'");
  }
  if (const auto* period = root->find("period"); period && period->is_map()) {
    if (const auto* from = period->find("from"))
      s.period_from = r.optional_text(from).value_or("");
    if (const auto* to = period->find("to"))
      s.period_to = r.optional_text(to).value_or("");
  }
  if (const auto* as_of = root->find("as_of"))
    s.as_of = r.optional_text(as_of).value_or("");
  if (const auto* eligible = root->find("eligible"))
    s.eligible = read_bool(*eligible, diagnostics).value_or(true);
  s.score = r.number(*root, "score", "a report");
  if (const auto* grade = r.require(*root, "grade", "a report"))
    s.grade = r.optional_text(grade);
  if (const auto* bands = root->find("bands"); bands && bands->is_sequence())
    for (const auto& band : bands->items)
      if (const auto* grade = band.find("grade"); grade && grade->is_scalar())
        s.bands.push_back(grade->scalar);
  if (const auto* rating = root->find("clean_rating"); rating && rating->is_map()) {
    s.has_clean_rating = true;
    s.clean_level = r.optional_text(rating->find("level"));
  }
  if (const auto* vetoes = root->find("vetoes")) {
    if (!vetoes->is_sequence())
      expected(*vetoes, "a list of vetoes", diagnostics);
    else
      for (const auto& item : vetoes->items) {
        ReportSnapshot::Veto v;
        v.id = r.text(item, "id", "a veto");
        if (const auto* t = item.find("triggered"); t && !t->is_null())
          v.triggered = read_bool(*t, diagnostics);
        if (const auto* e = item.find("effect"); e && e->is_scalar())
          v.effect = e->scalar;
        if (const auto* e = item.find("explanation"); e && e->is_scalar())
          v.explanation = e->scalar;
        s.vetoes.push_back(std::move(v));
      }
  }
  if (const auto* criteria = r.require(*root, "criteria", "a report")) {
    if (!criteria->is_sequence())
      expected(*criteria, "a list of criteria", diagnostics);
    else
      for (const auto& item : criteria->items) {
        ReportSnapshot::Criterion c;
        c.path = r.text(item, "path", "a criterion");
        c.title = local_text(item.find("title"));
        c.score = r.number(item, "score", "a criterion");
        c.max = r.number(item, "max", "a criterion");
        c.leaf = item.find("rule") != nullptr;
        if (c.leaf)
          c.value = value_text(item.find("value"), item.find("unit"));
        if (const auto* e = item.find("explanation"); e && e->is_scalar())
          c.explanation = e->scalar;
        s.criteria.push_back(std::move(c));
      }
  }
  if (!r.ok())
    return std::nullopt;
  return s;
}

std::optional<ReportSnapshot> load_report_snapshot(const std::string& path, SourceRegistry& sources,
                                                   Diagnostics& diagnostics) {
  auto text = read_text_file(path, diagnostics);
  if (!text)
    return std::nullopt;
  const std::string_view view = sources.add(path, std::move(*text));
  return read_report_snapshot(view, path, diagnostics);
}

ReportComparison compare_reports(const ReportSnapshot& old_report, const ReportSnapshot& new_report,
                                 Diagnostics& diagnostics) {
  ReportComparison out;
  out.old_report = &old_report;
  out.new_report = &new_report;
  if (old_report.plant_id != new_report.plant_id) {
    auto& d =
        diagnostics.add("W660", {new_report.file, 0, 0},
                        fmt::format("the reports are of different plants: '{}' in '{}', '{}' here",
                                    old_report.plant_id, old_report.file, new_report.plant_id));
    d.hints.push_back("compare two years of the same plant");
  }
  if (old_report.system_id != new_report.system_id) {
    auto& d = diagnostics.add(
        "W661", {new_report.file, 0, 0},
        fmt::format("the reports use different indicator systems: '{}' in '{}', '{}' here",
                    old_report.system_id, old_report.file, new_report.system_id));
    d.notes.push_back(
        "criteria are matched by path; scores of different systems are not comparable");
  }
  out.edition_changed = old_report.system_id == new_report.system_id &&
                        old_report.system_edition != new_report.system_edition;
  out.score_change = new_report.score - old_report.score;
  auto position = [&](const std::optional<std::string>& grade) -> long {
    const auto& bands = new_report.bands.empty() ? old_report.bands : new_report.bands;
    if (!grade)
      return static_cast<long>(bands.size()) + 1;
    const auto it = std::find(bands.begin(), bands.end(), *grade);
    return it == bands.end() ? static_cast<long>(bands.size())
                             : static_cast<long>(it - bands.begin());
  };
  const long before = position(old_report.grade), after = position(new_report.grade);
  out.grade_direction = after < before ? 1 : after > before ? -1 : 0;

  std::map<std::string, const ReportSnapshot::Criterion*> old_by_path;
  for (const auto& c : old_report.criteria)
    old_by_path[c.path] = &c;
  std::map<std::string, bool> seen;
  auto add = [&](const ReportSnapshot::Criterion* o, const ReportSnapshot::Criterion* n) {
    const auto& any = n ? *n : *o;
    CriterionChange change;
    change.path = any.path;
    change.title = any.title;
    change.leaf = any.leaf;
    if (o) {
      change.old_score = o->score;
      change.old_max = o->max;
      change.old_value = o->value;
      change.old_explanation = o->explanation;
    }
    if (n) {
      change.new_score = n->score;
      change.new_max = n->max;
      change.new_value = n->value;
      change.new_explanation = n->explanation;
    }
    change.change = change.new_score.value_or(0) - change.old_score.value_or(0);
    const bool moved = !o || !n || std::fabs(change.change) >= compare_tolerance ||
                       std::fabs(change.new_max - change.old_max) >= compare_tolerance;
    if (!moved) {
      if (any.leaf)
        ++out.unchanged_leaves;
      return;
    }
    (any.leaf ? out.leaves : out.groups).push_back(std::move(change));
  };
  for (const auto& n : new_report.criteria) {
    const auto it = old_by_path.find(n.path);
    add(it == old_by_path.end() ? nullptr : it->second, &n);
    seen[n.path] = true;
  }
  for (const auto& o : old_report.criteria)
    if (!seen.count(o.path))
      add(&o, nullptr);
  std::stable_sort(out.leaves.begin(), out.leaves.end(),
                   [](const CriterionChange& a, const CriterionChange& b) {
                     return std::fabs(a.change) > std::fabs(b.change) + compare_tolerance;
                   });

  auto triggered = [](const ReportSnapshot& report, const std::string& id) {
    for (const auto& v : report.vetoes)
      if (v.id == id)
        return v.triggered == true;
    return false;
  };
  for (const auto& v : new_report.vetoes)
    if (v.triggered == true && !triggered(old_report, v.id))
      out.vetoes_started.push_back(v);
  for (const auto& v : old_report.vetoes)
    if (v.triggered == true && !triggered(new_report, v.id))
      out.vetoes_stopped.push_back(v);
  return out;
}

std::string render_comparison_markdown(const ReportComparison& comparison, Language language) {
  const Words w{language};
  const ReportSnapshot& o = *comparison.old_report;
  const ReportSnapshot& n = *comparison.new_report;
  std::string md;
  const std::string name =
      n.plant_name.in(language).empty() ? n.plant_id : n.plant_name.in(language);
  md += fmt::format("# {} — {}\n\n", w("Year-over-year comparison", "年度对比"), name);
  md += fmt::format("| | {} | {} |\n|---|---|---|\n", w("Old", "上期"), w("New", "本期"));
  md +=
      fmt::format("| {} | `{}` | `{}` |\n", w("Report", "报告"), md_cell(o.file), md_cell(n.file));
  md += fmt::format("| {} | `{}` | `{}` |\n", w("Plant", "设施"), o.plant_id, n.plant_id);
  md += fmt::format("| {} | {} – {} | {} – {} |\n", w("Period", "评价期"), o.period_from,
                    o.period_to, n.period_from, n.period_to);
  md += fmt::format("| {} | `{}` {} | `{}` {} |\n", w("Indicator system", "指标体系"), o.system_id,
                    o.system_edition, n.system_id, n.system_edition);
  md += fmt::format("| {} | {} | {} ({}) |\n", w("Score", "得分"), format_fixed(o.score, 2),
                    format_fixed(n.score, 2), signed_points(comparison.score_change));
  const char* direction = comparison.grade_direction > 0   ? w("up", "上升")
                          : comparison.grade_direction < 0 ? w("down", "下降")
                                                           : w("unchanged", "不变");
  md += fmt::format("| {} | {} | **{}** ({}) |\n", w("Grade", "等级"),
                    grade_text(o.grade, language), grade_text(n.grade, language), direction);
  if (o.has_clean_rating || n.has_clean_rating)
    md += fmt::format(
        "| {} | {} | {}{} |\n", w("Clean level", "清洁焚烧等级"),
        o.clean_level.value_or(w("none", "无")), n.clean_level.value_or(w("none", "无")),
        o.clean_level == n.clean_level ? fmt::format(" ({})", w("unchanged", "不变")) : "");
  if (comparison.edition_changed)
    md += fmt::format(
        "\n> {}\n",
        language == Language::Zh
            ? fmt::format("指标体系版本由 {} 变为 {}：部分变化可能来自规则修订，而非设施本身。",
                          o.system_edition, n.system_edition)
            : fmt::format("The indicator system's edition changed from {} to {}: some changes "
                          "may come from the rules, not from the plant.",
                          o.system_edition, n.system_edition));
  if (o.eligible != n.eligible)
    md += fmt::format("\n> {}: {} → {}\n", w("Eligibility", "参评资格"),
                      o.eligible ? w("eligible", "符合") : w("not eligible", "不符合"),
                      n.eligible ? w("eligible", "符合") : w("not eligible", "不符合"));
  if (!comparison.vetoes_started.empty() || !comparison.vetoes_stopped.empty()) {
    md += fmt::format("\n## {}\n\n", w("Vetoes", "否决项"));
    for (const auto& v : comparison.vetoes_started)
      md += fmt::format("- ⚠ **{}** {} ({}) — {}\n", v.id, w("started", "新触发"), v.effect,
                        md_cell(v.explanation));
    for (const auto& v : comparison.vetoes_stopped)
      md += fmt::format("- ✓ **{}** {} ({} {})\n", v.id, w("stopped", "已解除"), w("was", "原为"),
                        v.effect);
  }
  auto title_of = [&](const CriterionChange& c) {
    const auto& t = c.title.in(language);
    return t.empty() ? c.path : t;
  };
  auto why = [&](const CriterionChange& c) {
    if (!c.old_score)
      return c.new_explanation;
    if (!c.new_score)
      return c.old_explanation;
    return fmt::format("{}: {}; {}: {}", w("was", "上期"), c.old_explanation, w("now", "本期"),
                       c.new_explanation);
  };
  auto score_or_dash = [](const std::optional<double>& s) {
    return s ? format_fixed(*s, 2) : std::string("—");
  };
  md += fmt::format("\n## {}\n\n", w("Criteria whose score moved", "得分变化的指标"));
  if (comparison.leaves.empty()) {
    md += w("No criterion's score moved.\n", "没有指标的得分发生变化。\n");
  } else {
    md += fmt::format("| {} | {} | {} | {} | {} | {} |\n|---|---:|---:|---:|---|---|\n",
                      w("Criterion", "指标"), w("Old", "上期"), w("New", "本期"),
                      w("Change", "变化"), w("Old value → new value", "上期取值 → 本期取值"),
                      w("Why (old; new)", "原因（上期；本期）"));
    for (const auto& c : comparison.leaves) {
      std::string values = fmt::format(
          "{} → {}", c.old_score ? c.old_value : w("(not in the old report)", "（上期无此指标）"),
          c.new_score ? c.new_value : w("(not in the new report)", "（本期无此指标）"));
      md += fmt::format("| {} (`{}`) | {} | {} | {} | {} | {} |\n", md_cell(title_of(c)), c.path,
                        score_or_dash(c.old_score), score_or_dash(c.new_score),
                        signed_points(c.change), md_cell(values), md_cell(why(c)));
    }
  }
  md += language == Language::Zh
            ? fmt::format("\n{} 项指标得分未变。\n", comparison.unchanged_leaves)
        : comparison.unchanged_leaves == 1
            ? std::string("\n1 criterion kept its score.\n")
            : fmt::format("\n{} criteria kept their score.\n", comparison.unchanged_leaves);
  if (!comparison.groups.empty()) {
    md += fmt::format("\n## {}\n\n| {} | {} | {} | {} |\n|---|---:|---:|---:|\n",
                      w("By group", "按分组"), w("Group", "分组"), w("Old", "上期"),
                      w("New", "本期"), w("Change", "变化"));
    for (const auto& c : comparison.groups)
      md += fmt::format("| {} (`{}`) | {} | {} | {} |\n", md_cell(title_of(c)), c.path,
                        score_or_dash(c.old_score), score_or_dash(c.new_score),
                        signed_points(c.change));
  }
  md += fmt::format("\n---\n{} grate {}\n", w("Generated by", "生成工具"), GRATE_VERSION);
  return md;
}

std::string render_comparison_json(const ReportComparison& comparison) {
  const ReportSnapshot& o = *comparison.old_report;
  const ReportSnapshot& n = *comparison.new_report;
  JsonWriter json;
  json.begin_object().field("schema", "grate-compare/1");
  json.key("engine")
      .begin_object()
      .field("name", engine_name)
      .field("version", GRATE_VERSION)
      .end_object();
  for (const auto* side : {&o, &n}) {
    json.key(side == &o ? "old" : "new")
        .begin_object()
        .field("file", side->file)
        .field("plant", side->plant_id);
    json.key("system")
        .begin_object()
        .field("id", side->system_id)
        .field("edition", side->system_edition)
        .end_object();
    json.key("period")
        .begin_object()
        .field("from", side->period_from)
        .field("to", side->period_to)
        .end_object();
    json.field("as_of", side->as_of).field("eligible", side->eligible);
    json.key("score").number(side->score);
    json.key("grade").optional_string(side->grade);
    json.key("clean_level").optional_string(side->clean_level);
    json.end_object();
  }
  json.field("same_plant", o.plant_id == n.plant_id)
      .field("same_system", o.system_id == n.system_id);
  json.field("edition_changed", comparison.edition_changed);
  json.key("score_change").number(comparison.score_change);
  json.field("grade_change", comparison.grade_direction > 0   ? "up"
                             : comparison.grade_direction < 0 ? "down"
                                                              : "same");
  json.field("clean_level_changed", o.clean_level != n.clean_level);
  auto write_changes = [&](const char* key, const std::vector<CriterionChange>& changes) {
    json.key(key).begin_array();
    for (const auto& c : changes) {
      json.begin_object().field("path", c.path);
      json.key("old_score").optional_number(c.old_score);
      json.key("new_score").optional_number(c.new_score);
      json.key("change").number(c.change);
      json.key("old_max").number(c.old_max).key("new_max").number(c.new_max);
      if (c.leaf) {
        json.field("old_value", c.old_value).field("new_value", c.new_value);
        json.field("old_explanation", c.old_explanation)
            .field("new_explanation", c.new_explanation);
      }
      json.end_object();
    }
    json.end_array();
  };
  write_changes("criteria", comparison.leaves);
  write_changes("groups", comparison.groups);
  json.key("unchanged_criteria").integer(static_cast<long long>(comparison.unchanged_leaves));
  auto write_vetoes = [&](const char* key, const std::vector<ReportSnapshot::Veto>& vetoes) {
    json.key(key).begin_array();
    for (const auto& v : vetoes)
      json.begin_object()
          .field("id", v.id)
          .field("effect", v.effect)
          .field("explanation", v.explanation)
          .end_object();
    json.end_array();
  };
  write_vetoes("vetoes_started", comparison.vetoes_started);
  write_vetoes("vetoes_stopped", comparison.vetoes_stopped);
  json.end_object();
  return json.str();
}

} // namespace grate::io
