#include "core/number_format.hpp"
#include "io/energy_render.hpp"
#include "io/report.hpp"
#include "io/report_text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace grate::io {

namespace {

std::string mark(const std::optional<bool>& met) {
  return !met ? "?" : *met ? "✓" : "✗";
}

std::string score_text(double value) {
  return format_fixed(value, 2);
}

void write_named_list(std::string& md, const std::vector<NamedOutcome>& items, Language lang) {
  for (const auto& item : items)
    md +=
        fmt::format("- {} **{}** — {}{}\n", mark(item.met),
                    md_cell(item.title.in(lang).empty() ? item.id : item.title.in(lang)),
                    md_cell(item.explanation),
                    item.provisional ? (lang == Language::Zh ? "（暂定）" : " (provisional)") : "");
}

void write_decision(std::string& md, const EvaluationReport& report, Words w) {
  const Evaluation& e = report.evaluation;
  md += fmt::format("\n## {}\n\n", w("How the grade was decided", "评级过程"));
  if (!e.eligibility.empty()) {
    md += fmt::format("**{}** {}\n\n", w("1. Eligibility:", "1. 参评资格："),
                      e.eligible ? w("eligible", "符合")
                                 : w("not eligible — no grade", "不符合——不予评级"));
    write_named_list(md, e.eligibility, w.lang);
    md += "\n";
  }
  md += fmt::format("**{}** {} {}\n\n", w("2. Grade band by score", "2. 按得分确定等级"),
                    w("score", "得分"), score_text(e.score));
  md += fmt::format("| {} | {} | {} | {} |\n|---|---:|---|---|\n", w("Grade", "等级"),
                    w("Min. score", "最低分"), w("Requires", "附加条件"), w("Result", "结果"));
  bool granted_above = false;
  for (const auto& band : e.bands) {
    std::string requires_text;
    for (const auto& r : band.requires_outcomes)
      requires_text += fmt::format("{}{} {}", requires_text.empty() ? "" : "; ", mark(r.met),
                                   r.title.in(w.lang).empty() ? r.id : r.title.in(w.lang));
    std::string result =
        band.granted    ? fmt::format("**{}**", w("granted", "达到"))
        : granted_above ? std::string("—")
        : !band.score_reached
            ? fmt::format("{} {}", w("score short by", "差"), score_text(band.min_score - e.score))
            : std::string(w("requirement not met", "附加条件未满足"));
    md += fmt::format("| {} | {} | {} | {} |\n", band.grade, format_number(band.min_score),
                      md_cell(requires_text.empty() ? "—" : requires_text), result);
    granted_above = granted_above || band.granted;
  }
  if (!e.vetoes.empty()) {
    md += fmt::format("\n**{}**\n\n", w("3. Vetoes", "3. 否决项"));
    for (const auto& veto : e.vetoes)
      md += fmt::format("- {} **{}** ({}: {}) — {}\n", veto.triggered == true ? "⚠" : "✓",
                        md_cell(veto.title.in(w.lang).empty() ? veto.id : veto.title.in(w.lang)),
                        w("effect", "后果"), veto.effect, md_cell(veto.explanation));
  }
}

void write_next_grade(std::string& md, const EvaluationReport& report, Words w) {
  const Evaluation& e = report.evaluation;
  if (!e.eligible || e.bands.empty())
    return;
  // The band just above the plant's band.
  const BandOutcome* next = nullptr;
  for (const auto& band : e.bands) {
    if (band.granted)
      break;
    next = &band;
  }
  md += fmt::format("\n## {}\n\n",
                    w("What stands between the plant and the next grade", "距离更高等级还差什么"));
  if (!next && !e.grade) {
    md += w("The score reaches the top grade band, but a veto voids the grade.\n\n",
            "得分达到最高等级，但否决项取消了等级。\n\n");
  } else if (!next) {
    md += w("The plant has the top grade band.\n\n", "已达到最高等级。\n\n");
  } else {
    if (!next->score_reached)
      md +=
          w.lang == Language::Zh
              ? fmt::format("- 等级 **{}**：还需 {} 分（最低分 {}）\n", next->grade,
                            score_text(next->min_score - e.score), format_number(next->min_score))
              : fmt::format("- Grade **{}**: needs {} more points (min. score {})\n", next->grade,
                            score_text(next->min_score - e.score), format_number(next->min_score));
    for (const auto& r : next->requires_outcomes)
      if (r.met != true)
        md += fmt::format("- {} **{}** {}: {}\n", w("Grade", "等级"), next->grade,
                          w("requires", "要求"), md_cell(r.explanation));
  }
  for (const auto& veto : e.vetoes)
    if (veto.triggered == true)
      md += fmt::format("- {} **{}** ({})\n", w("Veto in force:", "否决项生效："),
                        md_cell(veto.title.in(w.lang).empty() ? veto.id : veto.title.in(w.lang)),
                        veto.effect);
  std::vector<const NodeResult*> leaves;
  for (const auto& node : e.nodes)
    if (node.criterion->is_leaf() && node.max - node.score > 1e-9)
      leaves.push_back(&node);
  std::stable_sort(leaves.begin(), leaves.end(), [](const auto* a, const auto* b) {
    return a->max - a->score > b->max - b->score;
  });
  if (!leaves.empty()) {
    md += fmt::format("\n{}\n\n| {} | {} | {} |\n|---|---:|---|\n",
                      w("Largest point losses:", "失分最多的指标："), w("Criterion", "指标"),
                      w("Points lost", "失分"), w("Why", "原因"));
    for (std::size_t i = 0; i < std::min<std::size_t>(leaves.size(), 8); ++i) {
      const auto* node = leaves[i];
      const auto& title = node->criterion->title.in(w.lang);
      md +=
          fmt::format("| {} | {} | {} |\n", md_cell(title.empty() ? node->criterion->path : title),
                      score_text(node->max - node->score), md_cell(node->explanation));
    }
  }
}

void write_criteria(std::string& md, const EvaluationReport& report, Words w) {
  md += fmt::format("\n## {}\n\n", w("Criteria", "指标得分"));
  md += fmt::format("| {} | {} | {} | {} | {} |\n|---|---|---|---:|---:|\n", w("Criterion", "指标"),
                    w("Value", "取值"), w("Rule", "规则"), w("Score", "得分"), w("Max", "满分"));
  for (const auto& node : report.evaluation.nodes) {
    const Criterion& c = *node.criterion;
    const auto depth = static_cast<std::size_t>(std::count(c.path.begin(), c.path.end(), '.'));
    std::string title = c.title.in(w.lang).empty() ? c.id : c.title.in(w.lang);
    if (c.provisional)
      title += w.lang == Language::Zh ? "（暂定）" : " (provisional)";
    std::string indent;
    for (std::size_t i = 0; i < depth; ++i)
      indent += "&nbsp;&nbsp;";
    if (c.is_leaf()) {
      md += fmt::format("| {}{} | {} | {} | {} | {} |\n", indent, md_cell(title),
                        md_cell(c.indicator ? node.value.display() : "—"),
                        md_cell(node.explanation), score_text(node.score), score_text(node.max));
    } else {
      std::string rule =
          c.ahp ? fmt::format("AHP, CR = {:.4f} ({})", c.ahp->cr, c.ahp->ri_table) : "";
      md += fmt::format("| {}**{}** | | {} | **{}** | **{}** |\n", indent, md_cell(title), rule,
                        score_text(node.score), score_text(node.max));
    }
  }
}

void write_sources(std::string& md, const EvaluationReport& report, Words w) {
  md += fmt::format("\n## {}\n\n", w("Where each value came from", "数据来源"));
  for (const auto& node : report.evaluation.nodes) {
    const Criterion& c = *node.criterion;
    if (!c.is_leaf())
      continue;
    std::string ref = c.reference;
    if (const auto* r = report.system.find_reference(c.reference))
      ref = r->title;
    if (!c.clause.empty())
      ref += " " + c.clause;
    md += fmt::format("- `{}` — {}: {}; {}: {}; {}: {}\n", c.path, w("value", "取值"),
                      md_cell(node.value.origin.empty() ? "—" : node.value.origin),
                      w("rule", "规则"), node.rule.empty() ? "—" : node.rule,
                      w("reference", "依据"), md_cell(ref.empty() ? "—" : ref));
  }
}

void write_rating(std::string& md, const RatingReport& rating, Words w) {
  const auto& outcome = rating.evaluation.rating;
  md += fmt::format("\n## {}: {}\n\n", w("Clean-incineration rating", "清洁焚烧评价"),
                    rating.system.title.in(w.lang));
  if (rating.system.provisional)
    md += fmt::format("> {} {}\n\n", w("Provisional:", "暂定："),
                      rating.system.provisional_reason.in(w.lang));
  std::string level_title = w("none", "未达到任何等级");
  for (const auto& level : outcome.levels)
    if (outcome.level && level.id == *outcome.level)
      level_title = level.title.in(w.lang).empty() ? level.id : level.title.in(w.lang);
  md += fmt::format("**{}: {}**\n\n", w("Level", "等级"), level_title);
  bool next_shown = false;
  bool below_met = true;
  for (const auto& level : outcome.levels) {
    const std::string title = level.title.in(w.lang).empty() ? level.id : level.title.in(w.lang);
    md += fmt::format("### {} {}\n\n", level.met && below_met ? "✓" : "✗", title);
    write_named_list(md, level.conditions, w.lang);
    if (!(level.met && below_met) && !next_shown) {
      next_shown = true;
      std::string blockers;
      for (const auto& c : level.conditions)
        if (c.met != true)
          blockers += fmt::format("{}{}", blockers.empty() ? "" : "; ",
                                  c.title.in(w.lang).empty() ? c.id : c.title.in(w.lang));
      if (!blockers.empty())
        md += fmt::format("\n{} **{}**: {}\n", w("Standing between the plant and", "距离"), title,
                          md_cell(blockers));
    }
    below_met = below_met && level.met;
    md += "\n";
  }
}

} // namespace

std::string render_report_markdown(const EvaluationReport& report, Language language) {
  const Words w{language};
  const IndicatorSystem& system = report.system;
  const Evaluation& e = report.evaluation;
  const Plant& plant = report.sheet.plant;
  std::string md;
  md += fmt::format("# {} — {}\n\n", w("Evaluation report", "评价报告"),
                    plant.name.in(language).empty() ? plant.id : plant.name.in(language));
  if (system.provisional)
    md += fmt::format("> **{}** {}\n\n", w("Provisional indicator system.", "暂定指标体系。"),
                      system.provisional_reason.empty()
                          ? w("Some values are not confirmed against their primary source.",
                              "部分数值尚未与原文核对。")
                          : system.provisional_reason.in(language));
  md += fmt::format("| | |\n|---|---|\n");
  md += fmt::format("| {} | {} (`{}`) |\n", w("Plant", "设施"), plant.name.in(language), plant.id);
  md += fmt::format("| {} | {} `{}` {} |\n", w("Indicator system", "指标体系"),
                    system.title.in(language), system.id, system.edition);
  md += fmt::format("| {} | {} – {} ({} {}) |\n", w("Period", "评价期"),
                    report.sheet.period.from.iso(), report.sheet.period.to.iso(),
                    w("values in force on", "适用日期"), report.as_of.iso());
  md += fmt::format("| {} | {} / 100 |\n", w("Score", "得分"), score_text(e.score));
  std::string grade =
      e.grade ? fmt::format("**{}**", *e.grade) : std::string(w("**no grade**", "**不予评级**"));
  if (e.grade && e.band_grade && *e.grade != *e.band_grade)
    grade += fmt::format(" ({} {} {})", w("capped from", "由"), *e.band_grade,
                         w("by a veto", "因否决项降级"));
  else if (!e.grade && e.eligible && e.band_grade)
    grade += fmt::format(" ({} {})", w("voided; the score alone gives", "已被否决；按得分应为"),
                         *e.band_grade);
  md += fmt::format("| {} | {} |\n", w("Grade", "等级"), grade);
  if (report.rating) {
    const auto& r = report.rating->evaluation.rating;
    std::string level = w("none", "无");
    for (const auto& l : r.levels)
      if (r.level && l.id == *r.level)
        level = l.title.in(language).empty() ? l.id : l.title.in(language);
    md += fmt::format("| {} | {} |\n", w("Clean-incineration level", "清洁焚烧等级"), level);
  }
  write_decision(md, report, w);
  write_next_grade(md, report, w);
  write_criteria(md, report, w);
  if (report.rating)
    write_rating(md, *report.rating, w);
  if (report.energy.has_block) {
    md += '\n';
    md += render_energy_markdown(report.energy, language);
  }
  write_sources(md, report, w);
  md += fmt::format("\n## {}\n\n", w("References", "参考文献"));
  for (const auto& r : system.references)
    md += fmt::format("- `{}` {}{}\n", r.id, r.title, r.url.empty() ? "" : " <" + r.url + ">");
  md += fmt::format("\n---\n{} grate {}\n", w("Generated by", "生成工具"), GRATE_VERSION);
  return md;
}

std::string render_report_csv(const EvaluationReport& report, Language language) {
  std::string csv = "plant,system,path,title,value,unit,rule,fraction,score,max,reference\n";
  for (const auto& node : report.evaluation.nodes) {
    const Criterion& c = *node.criterion;
    std::string value;
    if (c.is_leaf()) {
      switch (node.value.kind) {
      case UsedValue::Kind::Missing:
        break;
      case UsedValue::Kind::Number:
        value = format_number(node.value.number, 6);
        break;
      case UsedValue::Kind::Bool:
        value = node.value.boolean ? "true" : "false";
        break;
      case UsedValue::Kind::Text:
        value = node.value.text;
        break;
      }
    }
    csv += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(report.sheet.plant.id),
                       csv_field(report.system.id), csv_field(c.path),
                       csv_field(c.title.in(language)), csv_field(value),
                       csv_field(c.is_leaf() ? node.value.unit : ""), csv_field(node.rule),
                       format_number(node.fraction, 6), format_number(node.score, 6),
                       format_number(node.max, 6), csv_field(c.reference));
  }
  return csv;
}

} // namespace grate::io
