// The evaluation report as one self-contained HTML page (inline CSS and SVG, no scripts, no
// external fonts or URLs): summary, how the grade was decided, charts of scores and point losses,
// CEMS daily means against their limits, the clean-incineration levels, energy, the criteria
// with their trace, and the references. Deterministic: no timestamps, numbers through
// core/number_format. Every text from a system or a sheet is escaped.
#include "core/emissions/channels.hpp"
#include "core/number_format.hpp"
#include "io/report.hpp"
#include "io/report_text.hpp"
#include "io/svg_chart.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace grate::io {

namespace {

using svg::escape_xml;

std::string esc(std::string_view text) {
  return escape_xml(text);
}

std::string score_text(double value) {
  return format_fixed(value, 2);
}

const std::string& title_or_id(const LocalText& title, const std::string& id, Language lang) {
  return title.in(lang).empty() ? id : title.in(lang);
}

std::string mark(const std::optional<bool>& met) {
  return !met   ? "<span class=\"mk unk\">?</span>"
         : *met ? "<span class=\"mk ok\">✓</span>"
                : "<span class=\"mk no\">✗</span>";
}

/// Bar colour by the share of the maximum kept.
std::string bar_class(double fraction) {
  return fraction >= 0.9 ? "bar good" : fraction >= 0.6 ? "bar fair" : "bar poor";
}

const char* const css = R"CSS(
:root { --ink: #1d2733; --muted: #5b6775; --line: #d8dee6; --soft: #f3f5f8; --good: #2e7d57; --fair: #d69e2e;
  --poor: #c2410c; --bad: #b91c1c; --accent: #1e4e8c; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #fff; color: var(--ink); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto,
  "Helvetica Neue", Arial, "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
  "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 28px 32px 40px; }
h1 { font-size: 26px; line-height: 1.25; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 15px; margin: 20px 0 6px; }
p { margin: 6px 0; }
.muted, .sub { color: var(--muted); }
.sub { margin: 2px 0; }
code { font: 12px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; color: #364152; }
header.summary { display: flex; gap: 24px; align-items: stretch; justify-content: space-between;
  border-bottom: 1px solid var(--line); padding-bottom: 18px; }
header .ident { flex: 1 1 auto; min-width: 0; }
header dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 12px 0 0; }
header dt { color: var(--muted); }
header dd { margin: 0; }
.grade-box { flex: 0 0 220px; border-radius: 10px; padding: 14px 16px; color: #fff; text-align: center;
  background: var(--muted); }
.grade-box .label { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; opacity: .9; }
.grade-box .grade { font-size: 64px; font-weight: 800; line-height: 1.05; letter-spacing: .02em; }
.grade-box .score { font-size: 22px; font-weight: 600; }
.grade-box .score span { font-size: 14px; font-weight: 400; opacity: .85; }
.grade-box .note { font-size: 12px; margin-top: 6px; opacity: .95; }
.grade-box .level { margin-top: 10px; padding-top: 8px; border-top: 1px solid rgba(255,255,255,.35); font-size: 13px; }
.rank-0 { background: #1f7a4d; } .rank-1 { background: #2f8f5f; } .rank-2 { background: #2a7a8c; }
.rank-3 { background: #b7791f; } .rank-4, .rank-none { background: #b91c1c; }
.warning { margin: 16px 0 0; padding: 10px 14px; border-left: 4px solid var(--fair); background: #fff8e6; }
ol.steps { padding-left: 0; list-style: none; margin: 0; }
ol.steps > li { margin: 0 0 14px; }
ol.steps > li > .step { font-weight: 600; }
ul.checks { list-style: none; padding-left: 4px; margin: 6px 0; }
ul.checks li { margin: 3px 0; padding-left: 24px; text-indent: -24px; }
.mk { display: inline-block; width: 18px; margin-right: 6px; text-indent: 0; text-align: center; font-weight: 700; }
.mk.ok { color: var(--good); } .mk.no { color: var(--bad); } .mk.unk { color: var(--fair); }
.veto-on { color: var(--bad); font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.granted td { background: #e7f5ed; font-weight: 600; }
tr.group td { background: #fafbfc; font-weight: 600; }
tr.exceed td { color: var(--bad); }
td .why { display: block; color: var(--muted); font-size: 12px; }
table.criteria { table-layout: fixed; }
table.criteria td { overflow-wrap: anywhere; }
table.criteria th { white-space: normal; }
table.criteria td code { font-size: 11px; }
.legend { font-size: 12px; color: var(--muted); margin: 4px 0 8px; }
.legend i { display: inline-block; width: 12px; height: 10px; margin: 0 4px 0 12px; vertical-align: -1px; border-radius: 2px; }
.legend i.good { background: var(--good); } .legend i.fair { background: var(--fair); } .legend i.poor { background: var(--poor); }
.legend i.lost { background: #e05d44; } .legend i.limit { height: 0; border-top: 2px dashed var(--bad); border-radius: 0; }
.legend i.mark { width: 8px; height: 8px; border-radius: 50%; background: var(--bad); }
.legend i.line { height: 0; border-top: 2px solid var(--accent); border-radius: 0; }
figure { margin: 8px 0 16px; break-inside: avoid; }
figcaption { font-size: 13px; font-weight: 600; margin-bottom: 2px; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg.chart text { font-size: 12px; fill: var(--ink); font-family: inherit; }
svg.chart text.strong { font-weight: 700; }
svg.chart text.value { fill: var(--muted); font-variant-numeric: tabular-nums; }
svg.chart text.axis { font-size: 11px; fill: var(--muted); }
svg.chart .track { fill: #e9edf2; }
svg.chart .bar, svg.chart .good { fill: var(--good); } svg.chart .fair { fill: var(--fair); } svg.chart .poor { fill: var(--poor); }
svg.chart .lost { fill: #e05d44; } svg.chart .within { fill: #7b93b0; } svg.chart .beyond { fill: var(--bad); }
svg.chart .plot { fill: #fff; stroke: #c9d1db; }
svg.chart .grid { stroke: #edf0f4; } svg.chart .tick { stroke: #9aa5b1; }
svg.chart .line { fill: none; stroke: var(--accent); stroke-width: 1.2; stroke-linejoin: round; }
svg.chart .dot { fill: var(--accent); }
svg.chart .limit { stroke: var(--bad); stroke-width: 1.2; stroke-dasharray: 6 4; }
svg.chart text.limit-label { fill: var(--bad); font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg.chart .mark { fill: var(--bad); stroke: #fff; stroke-width: 1; }
svg.chart .column { fill: #e0a84b; } svg.chart .column.marked { fill: var(--bad); }
.levels { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 12px; }
.level-card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; break-inside: avoid; }
.level-card.met { border-color: var(--good); background: #f3faf6; }
.level-card h3 { margin: 0 0 4px; }
.pill { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; }
.pill.ok { background: var(--good); } .pill.no { background: var(--bad); } .pill.na { background: #9aa5b1; }
ol.refs li { margin: 3px 0; }
footer { margin-top: 36px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 11px; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  table { font-size: 10.5px; }
  tr, .level-card, figure, header.summary { break-inside: avoid; }
}
)CSS";

std::string grade_rank_class(const EvaluationReport& report) {
  const Evaluation& e = report.evaluation;
  if (!e.grade)
    return "rank-none";
  const int rank = report.system.grade_rank(*e.grade);
  return fmt::format("rank-{}", std::clamp(rank, 0, 4));
}

std::string rating_level_title(const RatingReport& rating, Language lang, Words w) {
  const auto& outcome = rating.evaluation.rating;
  for (const auto& level : outcome.levels)
    if (outcome.level && level.id == *outcome.level)
      return title_or_id(level.title, level.id, lang);
  return w("none", "未达到任何等级");
}

void write_header(std::string& html, const EvaluationReport& report, Words w) {
  const Language lang = w.lang;
  const IndicatorSystem& system = report.system;
  const Evaluation& e = report.evaluation;
  const Plant& plant = report.sheet.plant;
  const std::string& name = title_or_id(plant.name, plant.id, lang);
  const std::string& other = plant.name.in(lang == Language::Zh ? Language::En : Language::Zh);
  html += "<header class=\"summary\">\n<div class=\"ident\">\n";
  html += fmt::format("<p class=\"sub\">{}</p>\n<h1>{}</h1>\n", w("Evaluation report", "评价报告"),
                      esc(name));
  if (!other.empty() && other != name)
    html += fmt::format("<p class=\"sub\">{}</p>\n", esc(other));
  html += "<dl>\n";
  html += fmt::format("<dt>{}</dt><dd><code>{}</code>", w("Plant", "设施"), esc(plant.id));
  if (plant.capacity_tpd)
    html += fmt::format(" · {} t/d", format_number(*plant.capacity_tpd, 1));
  if (!plant.lines.empty())
    html += fmt::format(" · {} {}", plant.lines.size(), w("lines", "条焚烧线"));
  html += "</dd>\n";
  html +=
      fmt::format("<dt>{}</dt><dd>{} <code>{}</code> {}</dd>\n", w("Indicator system", "指标体系"),
                  esc(system.title.in(lang)), esc(system.id), esc(system.edition));
  html += fmt::format("<dt>{}</dt><dd>{} – {} <span class=\"muted\">({} {})</span></dd>\n",
                      w("Period", "评价期"), report.sheet.period.from.iso(),
                      report.sheet.period.to.iso(), w("values in force on", "适用日期"),
                      report.as_of.iso());
  if (!e.classes.empty()) {
    std::string classes;
    for (const auto& [id, value] : e.classes)
      classes +=
          fmt::format("{}<code>{}</code> = {}", classes.empty() ? "" : "; ", esc(id), esc(value));
    html += fmt::format("<dt>{}</dt><dd>{}</dd>\n", w("Classes", "分类"), classes);
  }
  html += "</dl>\n</div>\n";
  html += fmt::format("<div class=\"grade-box {}\">\n<div class=\"label\">{}</div>\n",
                      grade_rank_class(report), w("Grade", "等级"));
  html += fmt::format("<div class=\"grade\" id=\"grade\">{}</div>\n",
                      e.grade ? esc(*e.grade) : std::string("—"));
  html += fmt::format("<div class=\"score\">{} <span>/ 100</span></div>\n", score_text(e.score));
  if (!e.eligible)
    html += fmt::format("<div class=\"note\">{}</div>\n",
                        w("not eligible — no grade", "不符合参评条件，不予评级"));
  else if (e.grade && e.band_grade && *e.grade != *e.band_grade)
    html += fmt::format("<div class=\"note\">{} {} {}</div>\n", w("capped from", "由"),
                        esc(*e.band_grade), w("by a veto", "因否决项降级"));
  else if (!e.grade && e.band_grade)
    html += fmt::format("<div class=\"note\">{} {}</div>\n",
                        w("voided by a veto; the score alone gives", "已被否决；按得分应为"),
                        esc(*e.band_grade));
  if (report.rating)
    html += fmt::format("<div class=\"level\">{}<br><strong>{}</strong></div>\n",
                        w("Clean-incineration level", "清洁焚烧等级"),
                        esc(rating_level_title(*report.rating, lang, w)));
  html += "</div>\n</header>\n";
  if (system.provisional)
    html += fmt::format("<p class=\"warning\"><strong>{}</strong> {}</p>\n",
                        w("Provisional indicator system.", "暂定指标体系。"),
                        system.provisional_reason.empty()
                            ? w("Some values are not confirmed against their primary source.",
                                "部分数值尚未与原文核对。")
                            : esc(system.provisional_reason.in(lang)));
  if (report.rating && report.rating->system.provisional &&
      !report.rating->system.provisional_reason.empty())
    html += fmt::format("<p class=\"warning\"><strong>{}</strong> {}</p>\n",
                        w("Provisional rating.", "暂定评价。"),
                        esc(report.rating->system.provisional_reason.in(lang)));
}

void write_named_list(std::string& html, const std::vector<NamedOutcome>& items, Words w) {
  html += "<ul class=\"checks\">\n";
  for (const auto& item : items)
    html += fmt::format("<li>{}<strong>{}</strong> — {}{}</li>\n", mark(item.met),
                        esc(title_or_id(item.title, item.id, w.lang)), esc(item.explanation),
                        item.provisional ? w(" (provisional)", "（暂定）") : "");
  html += "</ul>\n";
}

void write_decision(std::string& html, const EvaluationReport& report, Words w) {
  const Evaluation& e = report.evaluation;
  html += fmt::format("<section id=\"decision\">\n<h2>{}</h2>\n<ol class=\"steps\">\n",
                      w("How the grade was decided", "评级过程"));
  int step = 1;
  if (!e.eligibility.empty()) {
    html += fmt::format(
        "<li><span class=\"step\">{}. {}</span> {}\n", step++, w("Eligibility:", "参评资格："),
        e.eligible ? w("eligible", "符合") : w("not eligible — no grade", "不符合——不予评级"));
    write_named_list(html, e.eligibility, w);
    html += "</li>\n";
  }
  html += fmt::format("<li><span class=\"step\">{}. {}</span> {} <strong>{}</strong>\n", step++,
                      w("Grade band by score:", "按得分确定等级："), w("score", "得分"),
                      score_text(e.score));
  html += fmt::format("<table>\n<thead><tr><th>{}</th><th "
                      "class=\"num\">{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
                      w("Grade", "等级"), w("Min. score", "最低分"), w("Requires", "附加条件"),
                      w("Result", "结果"));
  bool granted_above = false;
  for (const auto& band : e.bands) {
    std::string requires_html;
    for (const auto& r : band.requires_outcomes)
      requires_html += fmt::format("{}{}{}", requires_html.empty() ? "" : "<br>", mark(r.met),
                                   esc(title_or_id(r.title, r.id, w.lang)));
    std::string result =
        band.granted    ? std::string(w("granted", "达到"))
        : granted_above ? std::string("—")
        : !band.score_reached
            ? fmt::format("{} {}", w("score short by", "差"), score_text(band.min_score - e.score))
            : std::string(w("requirement not met", "附加条件未满足"));
    html += fmt::format("<tr{}><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>\n",
                        band.granted ? " class=\"granted\"" : "", esc(band.grade),
                        format_number(band.min_score), requires_html.empty() ? "—" : requires_html,
                        result);
    granted_above = granted_above || band.granted;
  }
  html += "</tbody>\n</table>\n</li>\n";
  if (!e.vetoes.empty()) {
    html += fmt::format("<li><span class=\"step\">{}. {}</span>\n<ul class=\"checks\">\n", step,
                        w("Vetoes:", "否决项："));
    for (const auto& veto : e.vetoes) {
      const bool on = veto.triggered == true;
      html +=
          fmt::format("<li>{}<strong{}>{}</strong> ({}: {}{}) — {}</li>\n",
                      on               ? "<span class=\"mk no\">⚠</span>"
                      : veto.triggered ? mark(true)
                                       : mark(std::nullopt),
                      on ? " class=\"veto-on\"" : "", esc(title_or_id(veto.title, veto.id, w.lang)),
                      w("effect", "后果"), esc(veto.effect), on ? w(", triggered", "，已触发") : "",
                      esc(veto.explanation));
    }
    html += "</ul>\n</li>\n";
  }
  html += "</ol>\n</section>\n";
}

void write_legend_scores(std::string& html, Words w) {
  html += fmt::format("<p class=\"legend\">{}<i class=\"good\"></i>≥ 90 %<i "
                      "class=\"fair\"></i>60–90 %<i class=\"poor\"></i>&lt; 60 % {}</p>\n",
                      w("Bar: points scored; grey: the maximum.", "色条为得分，灰色为满分。"),
                      w("of the maximum", "的满分"));
}

void write_score_charts(std::string& html, const EvaluationReport& report, Words w) {
  const Evaluation& e = report.evaluation;
  std::vector<const NodeResult*> top;
  double second_scale = 0;
  for (const auto& node : e.nodes) {
    const auto depth = std::count(node.criterion->path.begin(), node.criterion->path.end(), '.');
    if (depth == 0)
      top.push_back(&node);
    if (depth == 1)
      second_scale = std::max(second_scale, node.max);
  }
  if (top.empty())
    return;
  html +=
      fmt::format("<section id=\"scores\">\n<h2>{}</h2>\n", w("Scores by criterion", "各项得分"));
  write_legend_scores(html, w);
  const auto bar_of = [&](const NodeResult& node, bool emphasis) {
    svg::Bar bar;
    bar.label = title_or_id(node.criterion->title, node.criterion->id, w.lang);
    bar.value = node.score;
    bar.max = node.max;
    bar.value_text = fmt::format("{} / {}", score_text(node.score), score_text(node.max));
    bar.css_class = bar_class(node.max > 0 ? node.score / node.max : 1);
    bar.emphasis = emphasis;
    return bar;
  };
  std::vector<svg::Bar> bars;
  for (const auto* node : top)
    bars.push_back(bar_of(*node, true));
  svg::BarLayout layout;
  layout.row_height = 26;
  html += fmt::format("<figure id=\"chart-top\"><figcaption>{}</figcaption>\n{}</figure>\n",
                      w("Top-level criteria (points on the 0–100 scale)", "一级指标（0–100 分制）"),
                      svg::horizontal_bars(bars, layout));
  // Second level: one chart per top-level group, all on one scale so lengths compare across groups.
  layout.row_height = 22;
  layout.scale_max = second_scale;
  for (const auto* parent : top) {
    bars.clear();
    const std::string prefix = parent->criterion->path + ".";
    for (const auto& node : e.nodes)
      if (node.criterion->path.starts_with(prefix) &&
          node.criterion->path.find('.', prefix.size()) == std::string::npos)
        bars.push_back(bar_of(node, false));
    if (bars.empty())
      continue;
    html += fmt::format(
        "<figure><figcaption>{} <span class=\"muted\">{} / {}</span></figcaption>\n{}</figure>\n",
        esc(title_or_id(parent->criterion->title, parent->criterion->id, w.lang)),
        score_text(parent->score), score_text(parent->max), svg::horizontal_bars(bars, layout));
  }
  html += "</section>\n";
}

void write_losses(std::string& html, const EvaluationReport& report, Words w) {
  std::vector<const NodeResult*> leaves;
  for (const auto& node : report.evaluation.nodes)
    if (node.criterion->is_leaf() && node.max - node.score > 1e-9)
      leaves.push_back(&node);
  std::stable_sort(leaves.begin(), leaves.end(), [](const auto* a, const auto* b) {
    return a->max - a->score > b->max - b->score;
  });
  if (leaves.size() > 10)
    leaves.resize(10);
  if (leaves.empty())
    return;
  html += fmt::format("<section id=\"losses\">\n<h2>{}</h2>\n",
                      w("Largest point losses", "失分最多的指标"));
  html += fmt::format("<p class=\"legend\">{}<i class=\"lost\"></i>{}</p>\n",
                      w("Grey: the criterion's maximum.", "灰色为该指标满分。"),
                      w("points lost", "失分"));
  std::vector<svg::Bar> bars;
  for (const auto* node : leaves) {
    svg::Bar bar;
    bar.label = title_or_id(node->criterion->title, node->criterion->id, w.lang);
    bar.value = node->max - node->score;
    bar.max = node->max;
    bar.value_text =
        fmt::format("−{} / {}", score_text(node->max - node->score), score_text(node->max));
    bar.css_class = "lost";
    bars.push_back(std::move(bar));
  }
  html += "<figure>\n" + svg::horizontal_bars(bars) + "</figure>\n";
  html += fmt::format(
      "<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>\n",
      w("Criterion", "指标"), w("Lost", "失分"), w("Why", "原因"));
  for (const auto* node : leaves)
    html += fmt::format("<tr><td>{}<span class=\"why\"><code>{}</code></span></td><td "
                        "class=\"num\">{}</td><td>{}</td></tr>\n",
                        esc(title_or_id(node->criterion->title, node->criterion->id, w.lang)),
                        esc(node->criterion->path), score_text(node->max - node->score),
                        esc(node->explanation));
  html += "</tbody>\n</table>\n</section>\n";
}

const char* pollutant_label(emissions::Pollutant p, Language lang) {
  using emissions::Pollutant;
  const bool zh = lang == Language::Zh;
  switch (p) {
  case Pollutant::Dust:
    return zh ? "颗粒物" : "Particulate matter";
  case Pollutant::So2:
    return zh ? "二氧化硫 SO₂" : "SO₂";
  case Pollutant::Nox:
    return zh ? "氮氧化物 NOₓ" : "NOₓ (as NO₂)";
  case Pollutant::Hcl:
    return zh ? "氯化氢 HCl" : "HCl";
  case Pollutant::Co:
    return zh ? "一氧化碳 CO" : "CO";
  case Pollutant::Hf:
    return zh ? "氟化氢 HF" : "HF";
  case Pollutant::Toc:
    return zh ? "总有机碳 TOC" : "TOC";
  case Pollutant::Nh3:
    return zh ? "氨 NH₃" : "NH₃";
  case Pollutant::Hg:
    return zh ? "汞 Hg" : "Hg";
  }
  return "";
}

std::string opt_number(const std::optional<double>& value, int decimals) {
  return value ? format_fixed(*value, decimals) : std::string("—");
}

void write_emissions_line(std::string& html, const emissions::LineResult& line, Words w) {
  using namespace grate::emissions;
  const Language lang = w.lang;
  html += fmt::format("<h3>{} {}</h3>\n", w("Line", "焚烧线"), esc(line.line));
  html += fmt::format("<p class=\"muted\"><code>{}</code> · {} {} · {} <code>{}</code>",
                      esc(line.file), w("regime", "判定规则"), esc(regime_name(line.regime)),
                      w("limit set", "限值"), esc(line.limit_set));
  if (line.first_day && line.last_day)
    html += fmt::format(" · {} – {}", line.first_day->iso(), line.last_day->iso());
  html += fmt::format(" · {} {}</p>\n", line.records, w("records", "条记录"));
  html += fmt::format("<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th "
                      "class=\"num\">{}</th><th class=\"num\">{}</th>"
                      "<th class=\"num\">{}</th><th class=\"num\">{}</th><th "
                      "class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
                      w("Pollutant", "污染物"), w("Valid days", "有效日"),
                      w("Exceedance days", "超标日"), w("Mean", "均值"),
                      w("P95 daily", "日均值 P95"), w("Max daily", "日均值最大"),
                      w("24 h limit", "日均限值"), w("Hourly alarms", "小时均值超限"));
  for (const auto& s : line.summaries) {
    std::optional<double> limit;
    for (const auto& d : line.daily)
      if (d.pollutant == s.pollutant && d.limit)
        limit = d.limit;
    html += fmt::format("<tr{}><td>{}</td><td class=\"num\">{} / {}</td><td "
                        "class=\"num\">{}</td><td class=\"num\">{}</td>"
                        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td "
                        "class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                        s.exceedance_days > 0 ? " class=\"exceed\"" : "",
                        pollutant_label(s.pollutant, lang), s.valid_days, s.operating_days,
                        s.exceedance_days, opt_number(s.mean, 2), opt_number(s.p95_daily, 2),
                        opt_number(s.max_daily, 2), limit ? format_number(*limit, 4) : "—",
                        s.hourly_alarms);
  }
  html += "</tbody>\n</table>\n";
  // The charts span the days with operation or a value (a month of data is not drawn on a year's
  // axis); the header above gives the whole period.
  std::optional<Date> first, last;
  for (const auto& d : line.daily) {
    if (!d.operating && !d.mean)
      continue;
    first = first ? std::min(*first, d.date) : d.date;
    last = last ? std::max(*last, d.date) : d.date;
  }
  if (!first || !last)
    return;
  html += fmt::format(
      "<p class=\"legend\"><i class=\"line\"></i>{}<i class=\"limit\"></i>{}<i "
      "class=\"mark\"></i>{}</p>\n",
      w("daily mean (valid days), mg/m³ at 11 % O₂", "日均值（有效日），mg/m³，11 % O₂"),
      w("24-hour limit", "日均限值"), w("exceedance day", "超标日"));
  for (const auto& s : line.summaries) {
    std::vector<svg::DayValue> days;
    svg::SeriesLayout layout;
    for (const auto& d : line.daily) {
      if (d.pollutant != s.pollutant)
        continue;
      days.push_back({d.date, d.valid ? d.mean : std::nullopt, d.exceeds});
      if (d.limit)
        layout.limit = d.limit;
    }
    layout.unit = "mg/m³";
    if (layout.limit)
      layout.limit_label =
          fmt::format("{} {}", w("24 h limit", "日均限值"), format_number(*layout.limit, 4));
    html += fmt::format(
        "<figure><figcaption>{} <span class=\"muted\">{} {}</span></figcaption>\n{}</figure>\n",
        pollutant_label(s.pollutant, lang), s.exceedance_days,
        s.exceedance_days == 1 ? w("exceedance day", "个超标日") : w("exceedance days", "个超标日"),
        svg::daily_series(days, *first, *last, layout));
  }
  if (line.furnace.present) {
    std::vector<svg::DayValue> days;
    for (const auto& [date, count] : line.furnace.low_blocks_by_day)
      days.push_back({date, static_cast<double>(count), count > 5});
    svg::SeriesLayout layout;
    layout.columns = true;
    layout.height = 150;
    layout.limit = 5;
    layout.limit_label = w("violation above 5 blocks a day", "每日超过 5 个为违规");
    layout.unit = w("blocks", "个");
    html += fmt::format("<figure><figcaption>{} <span class=\"muted\">{} {}, {} "
                        "{}</span></figcaption>\n{}</figure>\n",
                        w("Furnace: 5-minute blocks below 850 °C per day",
                          "炉温：每日低于 850 °C 的 5 分钟均值个数"),
                        line.furnace.low_blocks, w("low blocks", "个低温时段"),
                        line.furnace.violation_days, w("violation days", "个违规日"),
                        svg::daily_series(days, *first, *last, layout));
  }
  const ExemptSummary& ex = line.exempt;
  svg::BarLayout layout;
  layout.scale_max = std::max(ex.budget_hours, ex.within_budget_hours + ex.beyond_budget_hours);
  svg::StackedRow row;
  row.label = w("Exempt hours (start-up, shutdown, fault)", "豁免时间（启停炉、故障）");
  row.segments = {{ex.within_budget_hours, "within", w("within the budget", "预算内")},
                  {ex.beyond_budget_hours, "beyond",
                   w("beyond the budget: judged as normal operation", "超出预算：按正常工况判定")}};
  row.value_text =
      fmt::format("{} h / {} h", format_number(ex.hours, 2), format_number(ex.budget_hours, 2));
  html += fmt::format("<figure><figcaption>{} <span class=\"muted\">{} {}, {} "
                      "{}</span></figcaption>\n{}</figure>\n",
                      w("Exempt time against the annual budget", "豁免时间与年度预算"), ex.episodes,
                      w("fault/accident episodes", "次故障/事故"), ex.episodes_over_budget,
                      w("over 4 h", "次超过 4 小时"), svg::stacked_bars({row}, layout));
}

void write_emissions(std::string& html, const EvaluationReport& report, Words w) {
  if (!report.emissions || report.emissions->lines.empty())
    return;
  html += fmt::format("<section id=\"emissions\">\n<h2>{}</h2>\n",
                      w("Continuous emission monitoring", "烟气在线监测"));
  for (const auto& line : report.emissions->lines)
    write_emissions_line(html, line, w);
  html += "</section>\n";
}

void write_rating(std::string& html, const RatingReport& rating, Words w) {
  const auto& outcome = rating.evaluation.rating;
  html += fmt::format("<section id=\"rating\">\n<h2>{}: {}</h2>\n",
                      w("Clean-incineration rating", "清洁焚烧评价"),
                      esc(rating.system.title.in(w.lang)));
  html += fmt::format("<p>{}: <strong>{}</strong></p>\n<div class=\"levels\">\n",
                      w("Level", "等级"), esc(rating_level_title(rating, w.lang, w)));
  bool below_met = true;
  for (const auto& level : outcome.levels) {
    const bool reached = level.met && below_met;
    html += fmt::format(
        "<div class=\"level-card{}\">\n<h3>{} <span class=\"pill {}\">{}</span></h3>\n",
        reached ? " met" : "", esc(title_or_id(level.title, level.id, w.lang)),
        reached     ? "ok"
        : level.met ? "na"
                    : "no",
        reached     ? w("reached", "达到")
        : level.met ? w("conditions met, a lower level is not", "条件满足，但低一级未达到")
                    : w("not reached", "未达到"));
    write_named_list(html, level.conditions, w);
    html += "</div>\n";
    below_met = below_met && level.met;
  }
  html += "</div>\n</section>\n";
}

void write_energy(std::string& html, const EvaluationReport& report, Words w) {
  const energy::EnergyResult& r = report.energy;
  if (!r.has_block)
    return;
  html += fmt::format("<section id=\"energy\">\n<h2>{}</h2>\n", w("Energy efficiency", "能源效率"));
  html += fmt::format(
      "<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>\n",
      w("Indicator", "指标"), w("Value", "数值"),
      w("Basis, or why it is missing", "依据或缺失原因"));
  const auto row = [&](const char* en, const char* zh, const energy::Indicator& indicator,
                       int decimals, const std::string& basis) {
    if (!indicator.value && !indicator.attempted)
      return;
    std::string value = "—";
    if (indicator.value)
      // A ratio ("fraction") reads best as the bare number.
      value =
          format_fixed(*indicator.value, decimals) +
          (indicator.unit.empty() || indicator.unit == "fraction" ? "" : " " + esc(indicator.unit));
    std::string why = basis;
    if (!indicator.value) {
      why = esc(indicator.reason);
      if (!indicator.missing_keys.empty()) {
        why += why.empty() ? "" : " — ";
        why += w("missing", "缺少");
        for (std::size_t i = 0; i < indicator.missing_keys.size(); ++i)
          why += fmt::format("{} <code>{}</code>", i ? "," : "", esc(indicator.missing_keys[i]));
      }
    }
    html += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n", w(en, zh),
                        value, why);
  };
  std::string r1_basis = "WFD 2008/98/EC Annex II";
  if (r.r1_terms)
    r1_basis +=
        fmt::format("; Ep {} GJ, Ef {} GJ, Ei {} GJ, Ew {} GJ", format_number(r.r1_terms->ep_gj, 0),
                    format_number(r.r1_terms->ef_gj, 0), format_number(r.r1_terms->ei_gj, 0),
                    format_number(r.r1_terms->ew_gj, 0));
  row("R1", "R1 能效值", r.r1, 4, r1_basis);
  row("Climate correction factor", "气候修正系数 CCF", r.ccf, 3,
      "Directive (EU) 2015/1127" +
          (r.heating_degree_days ? fmt::format("; HDD {}", format_number(*r.heating_degree_days, 1))
                                 : ""));
  row("R1 × CCF", "修正后 R1", r.r1_corrected, 4, "R1 × CCF");
  row("R1 threshold", "R1 门槛值", r.r1_threshold, 2,
      w("0.60 if permitted before 2009-01-01, else 0.65",
        "2009-01-01 前取得许可为 0.60，否则 0.65"));
  row("R1 recovery status (1 = recovery)", "R1 判定（1 为回收利用）", r.r1_pass, 0,
      "R1 × CCF ≥ threshold");
  row("Electricity exported per tonne", "吨垃圾上网电量", r.net_export_kwh_per_t, 1,
      w("electricity exported ÷ waste treated", "上网电量 ÷ 处理量"));
  row("Own-use rate", "厂用电率", r.own_use_rate, 4,
      w("(generated − exported) ÷ generated", "（发电量 − 上网电量）÷ 发电量"));
  row("Gross electrical efficiency η_e", "总发电效率 η_e", r.gross_electrical_efficiency, 4,
      "BAT 2019 (WI BREF)");
  row("Gross energy efficiency η_h", "总能源效率 η_h", r.gross_energy_efficiency, 4,
      "BAT 2019 (WI BREF)");
  html += "</tbody>\n</table>\n</section>\n";
}

/// The reference id (its full title in the tooltip; titles are listed under References) and the
/// clause.
std::string reference_cell(const EvaluationReport& report, const Criterion& c) {
  std::string cell;
  if (!c.reference.empty()) {
    const auto* r = report.system.find_reference(c.reference);
    cell = fmt::format("<code{}>{}</code>", r ? fmt::format(" title=\"{}\"", esc(r->title)) : "",
                       esc(c.reference));
  }
  if (!c.clause.empty())
    cell += (cell.empty() ? "" : " ") + esc(c.clause);
  return cell;
}

void write_criteria(std::string& html, const EvaluationReport& report, Words w) {
  html += fmt::format("<section id=\"criteria\">\n<h2>{}</h2>\n", w("Criteria", "指标得分明细"));
  html += "<table class=\"criteria\">\n<colgroup><col style=\"width:27%\"><col style=\"width:10%\">"
          "<col style=\"width:20%\"><col style=\"width:21%\"><col style=\"width:7%\">"
          "<col style=\"width:7%\"><col style=\"width:8%\"></colgroup>\n";
  html +=
      fmt::format("<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>", w("Criterion", "指标"),
                  w("Value", "取值"), w("Source", "来源"), w("Rule", "规则"));
  html += fmt::format(
      "<th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>\n",
      w("Score", "得分"), w("Max", "满分"), w("Reference", "依据"));
  for (const auto& node : report.evaluation.nodes) {
    const Criterion& c = *node.criterion;
    const auto depth = std::count(c.path.begin(), c.path.end(), '.');
    std::string title = esc(title_or_id(c.title, c.id, w.lang));
    if (c.provisional)
      title += w(" (provisional)", "（暂定）");
    const std::string indent = fmt::format(" style=\"padding-left:{}px\"", 8 + 16 * depth);
    const std::string numbers = fmt::format("<td class=\"num\">{}</td><td class=\"num\">{}</td>",
                                            score_text(node.score), score_text(node.max));
    if (c.is_leaf()) {
      html += fmt::format("<tr><td{}>{}<span class=\"why\"><code>{}</code></span></td>", indent,
                          title, esc(c.path));
      html += fmt::format("<td>{}</td><td>{}</td>", c.indicator ? esc(node.value.display()) : "—",
                          node.value.origin.empty() ? "—" : esc(node.value.origin));
      html += fmt::format("<td>{}<span class=\"why\">{}</span></td>{}<td>{}</td></tr>\n",
                          esc(node.rule.empty() ? "—" : node.rule), esc(node.explanation), numbers,
                          reference_cell(report, c));
    } else {
      const std::string rule =
          c.ahp ? fmt::format("AHP, CR = {} ({})", format_fixed(c.ahp->cr, 4), esc(c.ahp->ri_table))
                : "";
      html += fmt::format(
          "<tr class=\"group\"><td{}>{}</td><td></td><td></td><td>{}</td>{}<td>{}</td></tr>\n",
          indent, title, rule, numbers, reference_cell(report, c));
    }
  }
  html += "</tbody>\n</table>\n</section>\n";
}

void write_references(std::string& html, const EvaluationReport& report, Words w) {
  const auto& refs = report.system.references;
  const bool rating_refs = report.rating && !report.rating->system.references.empty();
  if (refs.empty() && !rating_refs)
    return;
  html += fmt::format("<section id=\"references\">\n<h2>{}</h2>\n<ol class=\"refs\">\n",
                      w("References", "参考文献"));
  const auto item = [&](const Reference& r) {
    html += fmt::format(
        "<li><code>{}</code> {}{}</li>\n", esc(r.id), esc(r.title),
        r.url.empty() ? "" : fmt::format(" <span class=\"muted\">{}</span>", esc(r.url)));
  };
  for (const auto& r : refs)
    item(r);
  if (rating_refs)
    for (const auto& r : report.rating->system.references)
      if (!report.system.find_reference(r.id))
        item(r);
  html += "</ol>\n</section>\n";
}

} // namespace

std::string render_report_html(const EvaluationReport& report, Language language) {
  const Words w{language};
  const Plant& plant = report.sheet.plant;
  std::string html;
  html.reserve(1 << 16);
  html += fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"{} {}\">\n<title>{} — {}</title>\n<style>",
      language == Language::Zh ? "zh-CN" : "en", engine_name, GRATE_VERSION,
      w("Evaluation report", "评价报告"), esc(title_or_id(plant.name, plant.id, language)));
  html += css;
  html += "</style>\n</head>\n<body>\n<main>\n";
  write_header(html, report, w);
  write_decision(html, report, w);
  write_score_charts(html, report, w);
  write_losses(html, report, w);
  write_emissions(html, report, w);
  if (report.rating)
    write_rating(html, *report.rating, w);
  write_energy(html, report, w);
  write_criteria(html, report, w);
  write_references(html, report, w);
  html += fmt::format("<footer>{} {} {}</footer>\n</main>\n</body>\n</html>\n",
                      w("Generated by", "生成工具"), engine_name, GRATE_VERSION);
  return html;
}

} // namespace grate::io
