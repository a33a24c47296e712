// `grate explain PLANT.yaml`: for a plant operator, the points lost per criterion and the cheapest
// way to the next grade. Parses options, runs the pipeline, calls grate::explain and renders.
#include "cli/commands.hpp"
#include "core/date.hpp"
#include "core/explain.hpp"
#include "core/number_format.hpp"
#include "io/evaluation_pipeline.hpp"
#include "io/json_writer.hpp"
#include "io/report.hpp"
#include "io/report_text.hpp"
#include "io/system_reader.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace grate::cli {

namespace {

using io::md_cell;
using io::Words;

std::string points(double value) {
  return format_fixed(value, 2);
}

std::string title_of(const Criterion& c, Language language) {
  const auto& t = c.title.in(language);
  return t.empty() ? c.path : t;
}

std::string name_of(const GradeBlocker& b, Language language) {
  const auto& t = b.title.in(language);
  return t.empty() ? b.id : t;
}

const char* kind_name(GradeBlocker::Kind kind) {
  switch (kind) {
  case GradeBlocker::Kind::Ineligible:
    return "ineligible";
  case GradeBlocker::Kind::Void:
    return "veto_void";
  case GradeBlocker::Kind::Cap:
    return "veto_cap";
  case GradeBlocker::Kind::Requires:
    return "requires";
  }
  return "";
}

std::string blocker_line(const GradeBlocker& b, const std::string& grade, Words w) {
  const std::string name = name_of(b, w.lang);
  switch (b.kind) {
  case GradeBlocker::Kind::Ineligible:
    return w.lang == Language::Zh
               ? fmt::format("不符合参评资格 **{}**：{}", name, b.explanation)
               : fmt::format("not eligible: **{}** fails — {}", name, b.explanation);
  case GradeBlocker::Kind::Void:
    return w.lang == Language::Zh
               ? fmt::format("否决项 **{}** 取消等级：{}", name, b.explanation)
               : fmt::format("veto **{}** voids the grade — {}", name, b.explanation);
  case GradeBlocker::Kind::Cap:
    return w.lang == Language::Zh
               ? fmt::format("否决项 **{}** 使等级最高为 {}：{}", name, b.cap, b.explanation)
               : fmt::format("veto **{}** caps the grade at {} — {}", name, b.cap, b.explanation);
  case GradeBlocker::Kind::Requires:
    return w.lang == Language::Zh
               ? fmt::format("等级 {} 要求 **{}**，未满足：{}", grade, name, b.explanation)
               : fmt::format("grade {} requires **{}**, not met — {}", grade, name, b.explanation);
  }
  return {};
}

std::string render_markdown(const io::EvaluationReport& report, const Explanation& x,
                            Language language) {
  const Words w{language};
  const Plant& plant = report.sheet.plant;
  std::string md;
  md += fmt::format("# {} — {}\n\n",
                    w("What costs points, and the way to the next grade", "失分分析与晋级路径"),
                    plant.name.in(language).empty() ? plant.id : plant.name.in(language));
  const char* colon = w(": ", "：");
  const char* stop = w(". ", "。");
  md += fmt::format("{}{}{} (`{}` {}){}{}{}{} / 100{}{}{}**{}**", w("Indicator system", "指标体系"),
                    colon, report.system.title.in(language), report.system.id,
                    report.system.edition, stop, w("Score", "得分"), colon, points(x.score), stop,
                    w("Grade", "等级"), colon, x.grade ? *x.grade : w("no grade", "不予评级"));
  if (x.grade && x.band_grade && *x.grade != *x.band_grade)
    md +=
        fmt::format(fmt::runtime(w(" (capped by a veto from {})", "（按得分为 {}，因否决项降级）")),
                    *x.band_grade);
  md += fmt::format("{}{}{}{}{}\n", stop, w("Points lost in all", "共失分"), colon,
                    points(x.total_lost), w(".", "。"));

  md += fmt::format("\n## {}\n\n", w("The next grade", "更高一级"));
  if (!x.next) {
    md += w("The plant holds the top grade: there is no grade above it.\n", "已达到最高等级。\n");
  } else {
    const NextGrade& next = *x.next;
    if (language == Language::Zh)
      md += fmt::format(
          "目标等级 **{}**（最低分 {}）：{}\n", next.grade, format_number(next.min_score),
          next.points_missing > 0 ? fmt::format("还差 {} 分。", points(next.points_missing))
                                  : std::string("得分已够。"));
    else
      md += fmt::format(
          "Next grade **{}** (min. score {}): {}\n", next.grade, format_number(next.min_score),
          next.points_missing > 0 ? fmt::format("{} points missing.", points(next.points_missing))
                                  : std::string("the score already reaches it."));
    if (!next.reachable_by_points()) {
      md +=
          fmt::format("\n**{}**\n\n", w("Points alone cannot reach it:", "仅靠提高得分无法达到："));
      for (const auto& b : next.blockers)
        md += fmt::format("- {}\n", md_cell(blocker_line(b, next.grade, w)));
    }
    if (!next.plan.empty()) {
      std::string lead;
      if (language == Language::Zh)
        lead = fmt::format(
            "{}最少需要以下 {} 项指标拿满分，共补回 {} 分（在最少项数中选失分最小的组合）：",
            next.reachable_by_points() ? "" : "上述问题解决后，", next.plan.size(),
            points(next.plan_points));
      else
        lead = fmt::format(
            "{} {} {} the points gap ({} points; the fewest criteria that do, and among those the "
            "smallest losses):",
            next.reachable_by_points() ? "Full marks on" : "Once those are settled, full marks on",
            next.plan.size() == 1 ? "this criterion"
                                  : fmt::format("these {} criteria", next.plan.size()),
            next.plan.size() == 1 ? "closes" : "close", points(next.plan_points));
      md += fmt::format("\n{}\n\n", lead);
      md += fmt::format("| {} | {} | {} | {} |\n|---|---:|---|---|\n", w("Criterion", "指标"),
                        w("Points to gain", "可补回"), w("Now", "现状"),
                        w("Why it lost points", "失分原因"));
      for (const auto& p : next.plan)
        md += fmt::format("| {} (`{}`) | {} | {} | {} |\n",
                          md_cell(title_of(*p.node->criterion, language)), p.node->criterion->path,
                          points(p.lost), md_cell(p.node->value.display()),
                          md_cell(p.node->explanation));
    }
  }
  const bool has_groups =
      std::any_of(x.top_level.begin(), x.top_level.end(),
                  [](const PointLoss& p) { return !p.node->criterion->is_leaf(); });
  if (has_groups) {
    md += fmt::format("\n## {}\n\n| {} | {} | {} | {} |\n|---|---:|---:|---:|\n",
                      w("Points lost by part", "各部分失分"), w("Part", "部分"), w("Lost", "失分"),
                      w("Score", "得分"), w("Max", "满分"));
    for (const auto& p : x.top_level)
      md += fmt::format("| {} | {} | {} | {} |\n", md_cell(title_of(*p.node->criterion, language)),
                        points(p.lost), points(p.node->score), points(p.node->max));
  }
  md += fmt::format("\n## {}\n\n", w("Points lost per criterion", "各指标失分"));
  if (x.leaves.empty()) {
    md += w("No criterion lost points.\n", "没有失分的指标。\n");
  } else {
    md +=
        fmt::format("| {} | {} | {} | {} | {} |\n|---|---:|---:|---|---|\n", w("Criterion", "指标"),
                    w("Lost", "失分"), w("Max", "满分"), w("Value", "取值"), w("Why", "原因"));
    for (const auto& p : x.leaves)
      md += fmt::format("| {} (`{}`) | {} | {} | {} | {} |\n",
                        md_cell(title_of(*p.node->criterion, language)), p.node->criterion->path,
                        points(p.lost), points(p.node->max), md_cell(p.node->value.display()),
                        md_cell(p.node->explanation));
  }
  md += fmt::format("\n---\n{} grate {}\n", w("Generated by", "生成工具"), GRATE_VERSION);
  return md;
}

void write_losses(io::JsonWriter& json, const char* key, const std::vector<PointLoss>& losses) {
  json.key(key).begin_array();
  for (const auto& p : losses) {
    const NodeResult& node = *p.node;
    json.begin_object().field("path", node.criterion->path);
    json.key("lost").number(p.lost).key("score").number(node.score).key("max").number(node.max);
    if (node.criterion->is_leaf())
      json.field("value", node.value.display()).field("explanation", node.explanation);
    json.end_object();
  }
  json.end_array();
}

std::string render_json(const io::EvaluationReport& report, const Explanation& x) {
  io::JsonWriter json;
  json.begin_object().field("schema", "grate-explain/1");
  json.key("system")
      .begin_object()
      .field("id", report.system.id)
      .field("edition", report.system.edition)
      .end_object();
  json.key("plant").begin_object().field("id", report.sheet.plant.id).end_object();
  json.field("as_of", report.as_of.iso());
  json.field("eligible", x.eligible);
  json.key("score").number(x.score);
  json.key("grade").optional_string(x.grade);
  json.key("band_grade").optional_string(x.band_grade);
  json.key("points_lost").number(x.total_lost);
  json.key("next");
  if (!x.next) {
    json.null();
  } else {
    const NextGrade& next = *x.next;
    json.begin_object().field("grade", next.grade).key("min_score").number(next.min_score);
    json.key("points_missing").number(next.points_missing);
    json.field("reachable_by_points", next.reachable_by_points());
    json.key("blockers").begin_array();
    for (const auto& b : next.blockers) {
      json.begin_object()
          .field("kind", kind_name(b.kind))
          .field("id", b.id)
          .field("explanation", b.explanation);
      if (!b.cap.empty())
        json.field("cap", b.cap);
      json.end_object();
    }
    json.end_array();
    write_losses(json, "plan", next.plan);
    json.key("plan_points").number(next.plan_points);
    json.end_object();
  }
  write_losses(json, "parts", x.top_level);
  write_losses(json, "criteria", x.leaves);
  json.end_object();
  return json.str();
}

} // namespace

int run_explain(const Args& args) {
  const std::vector<std::string> formats = {"md", "json"};
  CommonOptions common;
  std::string plant, system = io::default_system_id, as_of;
  po::options_description options("options");
  options.add_options()("plant", po::value(&plant)->required(),
                        "the plant sheet (plant-data/1 YAML)")(
      "system,s", po::value(&system)->default_value(system),
      "indicator system: a bundled id (see 'grate systems') or a YAML file")(
      "as-of", po::value(&as_of),
      "evaluation date YYYY-MM-DD (default: end of the sheet's period)")(
      "allow-missing", "score criteria whose data are missing as 0 (warned) instead of refusing");
  add_common_options(options, common, formats);
  po::positional_options_description positional;
  positional.add("plant", 1);
  po::variables_map values;
  const CommandHelp help{
      "explain",
      "grate explain PLANT.yaml [--system ID|FILE] [--as-of DATE] [--format md|json] [-o FILE]",
      "For a plant operator: the points lost per criterion (maximum − score, largest first) and "
      "the\n"
      "cheapest way to the next grade — the grade band above the current one, the points missing,\n"
      "the 'requires' conditions not met and the vetoes that cap or void the grade, and the "
      "fewest\n"
      "criteria whose full marks would close the gap. Says plainly when points alone cannot reach\n"
      "the next grade (a veto, a requirement, eligibility). Exit 0 with an explanation, 1 when "
      "the\n"
      "inputs have errors.",
      "  grate explain samples/average/plant.yaml\n"
      "  grate explain plant.yaml --system my-province.yaml --format json\n"};
  if (auto exit = parse_command_line(args, options, positional, values, help, common, formats))
    return *exit;

  io::EvaluateOptions evaluate_options;
  evaluate_options.system = system;
  evaluate_options.rating = "";
  evaluate_options.language = common.language();
  evaluate_options.allow_missing = values.count("allow-missing") > 0;
  evaluate_options.as_of = parse_as_of(as_of);
  io::SourceRegistry sources;
  Diagnostics diagnostics;
  auto report = io::evaluate_plant(plant, evaluate_options, sources, diagnostics);
  print_diagnostics(diagnostics, sources, common);
  if (!report)
    return ExitCode::InputError;
  const Explanation x = explain(report->system, report->evaluation);
  emit_report(common, common.format == "json" ? render_json(*report, x)
                                              : render_markdown(*report, x, common.language()));
  return ExitCode::Ok;
}

} // namespace grate::cli
