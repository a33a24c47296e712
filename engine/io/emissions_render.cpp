#include "io/emissions_render.hpp"

#include "core/emissions/judge.hpp"
#include "core/emissions/measures.hpp"
#include "core/number_format.hpp"
#include "io/json_writer.hpp"
#include "io/report_text.hpp"

#include <fmt/format.h>

namespace grate::io {

using namespace grate::emissions;

namespace {

/// Concentrations: 2 decimals (mg/m3); Hg and HF need more.
int decimals_for(Pollutant p) {
  return p == Pollutant::Hg ? 4 : p == Pollutant::Hf ? 3 : 2;
}

std::string opt(const std::optional<double>& v, int decimals) {
  return v ? format_fixed(*v, decimals) : std::string("—");
}

std::string percent(const std::optional<double>& v) {
  return v ? format_fixed(*v * 100, 1) + " %" : std::string("—");
}

struct Labels {
  const char* title;
  const char* regime;
  const char* limit_set;
  const char* period;
  const char* line;
  const char* records;
  const char* pollutant;
  const char* valid_days;
  const char* exceedance_days;
  const char* mean;
  const char* p95;
  const char* max;
  const char* limit;
  const char* alarms;
  const char* compliant;
  const char* months;
  const char* month;
  const char* days_any;
  const char* flagged;
  const char* furnace;
  const char* exempt;
  const char* exceedances;
  const char* date;
  const char* daily_mean;
  const char* comparison;
  const char* yes;
  const char* no;
  const char* eu_columns;
};

const Labels& labels(Language language) {
  static const Labels en{"Emissions",
                         "Regime",
                         "Limit set",
                         "Period",
                         "Line",
                         "Records",
                         "Pollutant",
                         "Valid days",
                         "Exceedance days",
                         "Mean of daily means",
                         "P95 daily",
                         "Max daily",
                         "Daily limit",
                         "Hourly alarms",
                         "Compliant",
                         "Exceedance days by month",
                         "Month",
                         "Days with an exceedance",
                         "Flagged (> 5)",
                         "Furnace temperature",
                         "Exempt time",
                         "Exceedance days",
                         "Date",
                         "Daily mean",
                         "Daily means within other limit sets (share of valid days)",
                         "yes",
                         "no",
                         "Half-hours (validated) and invalid days"};
  static const Labels zh{"排放",
                         "判定规则",
                         "限值",
                         "期间",
                         "生产线",
                         "记录数",
                         "污染物",
                         "有效日数",
                         "超标日数",
                         "日均值均值",
                         "日均值P95",
                         "日均值最大",
                         "日均限值",
                         "小时均值报警",
                         "达标",
                         "按月超标日数",
                         "月份",
                         "超标天数",
                         "超过5天",
                         "炉膛温度",
                         "豁免时段",
                         "超标日",
                         "日期",
                         "日均值",
                         "日均值满足其他限值的比例 (有效日)",
                         "是",
                         "否",
                         "半小时均值 (验证后) 与无效日"};
  return language == Language::Zh ? zh : en;
}

std::string regime_text(Regime regime) {
  return regime == Regime::Cn ? "cn (GB 18485-2014, HJ 75, MEE Order No. 10)"
                              : "eu (IED 2010/75/EU Annex VI Part 8)";
}

} // namespace

std::string render_emissions_markdown(const EmissionsReport& report, Language language) {
  const Labels& L = labels(language);
  const bool zh = language == Language::Zh;
  const PlantSheet& sheet = *report.sheet;
  const EmissionsResult& result = *report.result;
  std::string out;
  out += fmt::format("# {} — {} ({})\n\n", L.title, sheet.plant.name.in(language), sheet.plant.id);
  out += fmt::format("- {}: {}\n", L.regime, regime_text(result.regime));
  for (const LimitSet* set : report.sets) {
    if (set->id != result.limit_set)
      continue;
    out += fmt::format("- {}: {} — {}{}\n", L.limit_set, set->id, set->title.in(language),
                       set->provisional ? " (provisional)" : "");
  }
  out += fmt::format("- {}: {} – {}\n", L.period, sheet.period.from.iso(), sheet.period.to.iso());
  std::string provisional;
  for (const LimitSet* set : report.sets)
    if (set->provisional)
      provisional += (provisional.empty() ? "" : ", ") + set->id;
  if (!provisional.empty())
    out += fmt::format("\n> Provisional values (not read from the primary text; see each set's "
                       "notes): {}\n",
                       provisional);
  for (const LineResult& line : result.lines) {
    out += fmt::format("\n## {} {} ({})\n\n", L.line, line.line, line.file);
    std::string states;
    for (std::size_t s = 0; s < line.records_by_state.size(); ++s)
      if (line.records_by_state[s] > 0)
        states += fmt::format("{}{} {}", states.empty() ? "" : ", ",
                              state_name(static_cast<State>(s)), line.records_by_state[s]);
    out += fmt::format("{}: {} ({}); {}–{}, interval {} s\n\n", L.records, line.records, states,
                       line.first_day ? line.first_day->iso() : "—",
                       line.last_day ? line.last_day->iso() : "—", line.interval_seconds);
    out +=
        fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", L.pollutant, L.valid_days,
                    L.exceedance_days, L.mean, L.p95, L.max, L.limit, L.alarms, L.compliant);
    out += "|---|---:|---:|---:|---:|---:|---:|---:|---|\n";
    for (const auto& s : line.summaries) {
      const int dp = decimals_for(s.pollutant);
      std::optional<double> limit;
      for (const auto& v : line.daily)
        if (v.pollutant == s.pollutant && v.limit)
          limit = v.limit;
      out += fmt::format("| {} | {} / {} | {} | {} | {} | {} | {} | {} | {} |\n",
                         pollutant_name(s.pollutant), s.valid_days, s.operating_days,
                         s.exceedance_days, opt(s.mean, dp), opt(s.p95_daily, dp),
                         opt(s.max_daily, dp), limit ? format_number(*limit) : "—",
                         result.regime == Regime::Cn ? std::to_string(s.hourly_alarms) : "—",
                         s.compliant ? L.yes : L.no);
    }
    for (const auto& s : line.summaries)
      for (const auto& f : s.failures)
        out += fmt::format("\n- {}: {}", pollutant_name(s.pollutant), f);
    bool any_failure = false;
    for (const auto& s : line.summaries)
      any_failure = any_failure || !s.failures.empty();
    if (any_failure)
      out += "\n";

    if (result.regime == Regime::Eu) {
      out += fmt::format("\n### {}\n\n", L.eu_columns);
      out +=
          zh ? "| 污染物 | 有效半小时 | 超A列 | 超B列 | B列内比例 | 无效日 | CO短时规则不满足日 |\n"
             : "| pollutant | valid half-hours | above A | above B | within B | invalid days | "
               "CO short-term days failed |\n";
      out += "|---|---:|---:|---:|---:|---:|---:|\n";
      for (const auto& s : line.summaries)
        out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", pollutant_name(s.pollutant),
                           s.valid_half_hours, s.half_hours_above_a, s.half_hours_above_b,
                           percent(s.share_within_b), s.invalid_days, s.co_days_failing_short_term);
    }

    // Other limit sets: share of valid days within their daily limits.
    if (!line.summaries.empty() && !line.summaries.front().comparisons.empty()) {
      out += fmt::format("\n### {}\n\n| {} |", L.comparison, L.pollutant);
      for (const auto& c : line.summaries.front().comparisons)
        out += fmt::format(" {} |", c.limit_set);
      out += "\n|---|";
      for (std::size_t i = 0; i < line.summaries.front().comparisons.size(); ++i)
        out += "---:|";
      out += "\n";
      for (const auto& s : line.summaries) {
        out += fmt::format("| {} |", pollutant_name(s.pollutant));
        for (const auto& c : s.comparisons)
          out += c.limit
                     ? fmt::format(" {} (≤ {}) |", percent(c.share_within), format_number(*c.limit))
                     : std::string(" — |");
        out += "\n";
      }
    }

    std::vector<const DailyValue*> exceeding;
    for (const auto& v : line.daily)
      if (v.exceeds)
        exceeding.push_back(&v);
    if (!exceeding.empty()) {
      out +=
          fmt::format("\n### {} ({})\n\n| {} | {} | {} | {} |\n|---|---|---:|---:|\n",
                      L.exceedances, exceeding.size(), L.date, L.pollutant, L.daily_mean, L.limit);
      for (const DailyValue* v : exceeding)
        out += fmt::format("| {} | {} | {} | {} |\n", v->date.iso(), pollutant_name(v->pollutant),
                           opt(v->mean, decimals_for(v->pollutant)), format_number(*v->limit));
      out += fmt::format("\n### {}\n\n| {} | {} | {} |\n|---|---:|---|\n", L.months, L.month,
                         L.days_any, L.flagged);
      for (const auto& m : line.months)
        if (m.exceedance_days > 0)
          out += fmt::format("| {:04}-{:02} | {} | {} |\n", m.year, m.month, m.exceedance_days,
                             m.flagged ? L.yes : L.no);
    }

    out += fmt::format("\n### {}\n\n", L.furnace);
    if (!line.furnace.present) {
      out += zh ? "文件中无炉膛温度\n" : "no furnace temperature in the file\n";
    } else {
      out += fmt::format(
          fmt::runtime(zh ? "- 5分钟块: {}; 低于 {} °C: {}; 违规日 (低温块 > {}): {}\n"
                          : "- 5-minute blocks: {}; below {} °C: {}; violation days (> {} low "
                            "blocks): {}\n"),
          line.furnace.blocks, format_number(furnace_min_temp), line.furnace.low_blocks,
          furnace_max_low_blocks, line.furnace.violation_days);
      for (const auto& [date, low] : line.furnace.low_blocks_by_day)
        if (low > furnace_max_low_blocks)
          out += fmt::format(fmt::runtime(zh ? "  - {}: {} 个低温块\n" : "  - {}: {} low blocks\n"),
                             date.iso(), low);
    }
    const ExemptSummary& e = line.exempt;
    out += fmt::format("\n### {}\n\n", L.exempt);
    out += fmt::format(
        fmt::runtime(
            zh ? "- 启炉、停炉、故障、事故: {} h (每年限 {} h); 超出限额按正常工况判定: {} h\n"
               : "- start-up, shutdown, fault and accident: {} h (budget {} h a year); "
                 "beyond a budget and judged as normal operation: {} h\n"),
        format_fixed(e.hours, 2), format_number(e.budget_hours),
        format_fixed(e.beyond_budget_hours, 2));
    out += fmt::format(
        fmt::runtime(zh ? "- 故障与事故次数: {}; 最长 {} h; 超过 {} h: {}\n"
                        : "- fault and accident episodes: {}; longest {} h; over {} h: {}\n"),
        e.episodes, format_fixed(e.longest_episode_hours, 2), format_number(e.episode_budget_hours),
        e.episodes_over_budget);
    if (e.budget_exceeded())
      out += zh ? "- **豁免时段超出限额**\n" : "- **the exempt-time budget is exceeded**\n";
  }
  return out;
}

std::string render_emissions_json(const EmissionsReport& report) {
  const PlantSheet& sheet = *report.sheet;
  const EmissionsResult& result = *report.result;
  JsonWriter w;
  w.begin_object();
  w.field("schema", "grate-emissions/1");
  w.key("engine")
      .begin_object()
      .field("name", "grate")
      .field("version", GRATE_VERSION)
      .end_object();
  w.key("plant").begin_object().field("id", sheet.plant.id);
  w.key("name").begin_object().field("zh", sheet.plant.name.zh).field("en", sheet.plant.name.en);
  w.end_object().field("timezone", sheet.plant.timezone).end_object();
  w.key("period").begin_object().field("from", sheet.period.from.iso());
  w.field("to", sheet.period.to.iso()).end_object();
  w.field("regime", regime_name(result.regime));
  w.field("limit_set", result.limit_set);
  w.key("limit_sets").begin_array();
  for (const LimitSet* set : report.sets)
    w.begin_object().field("id", set->id).field("provisional", set->provisional).end_object();
  w.end_array();
  w.key("lines").begin_array();
  for (const LineResult& line : result.lines) {
    w.begin_object();
    w.field("line", line.line).field("file", line.file);
    w.key("first_day")
        .optional_string(line.first_day ? std::optional(line.first_day->iso()) : std::nullopt);
    w.key("last_day")
        .optional_string(line.last_day ? std::optional(line.last_day->iso()) : std::nullopt);
    w.key("records").integer(line.records);
    w.key("records_by_state").begin_object();
    for (std::size_t s = 0; s < line.records_by_state.size(); ++s)
      w.key(state_name(static_cast<State>(s))).integer(line.records_by_state[s]);
    w.end_object();
    w.key("interval_seconds").integer(line.interval_seconds);
    w.key("daily").begin_array();
    for (const auto& v : line.daily) {
      // One compact object per day and pollutant keeps a year's array readable.
      const int dp = decimals_for(v.pollutant) + 2;
      std::string o =
          fmt::format("{{\"date\": \"{}\", \"pollutant\": \"{}\", \"mean\": {}, "
                      "\"valid\": {}, ",
                      v.date.iso(), pollutant_name(v.pollutant),
                      v.mean ? format_number(*v.mean, dp) : "null", v.valid ? "true" : "false");
      if (result.regime == Regime::Cn)
        o += fmt::format("\"valid_hours\": {}, \"hourly_alarms\": {}, ", v.valid_hours,
                         v.hourly_alarms);
      else
        o += fmt::format("\"valid_half_hours\": {}, \"invalid_half_hours\": {}, ",
                         v.valid_half_hours, v.invalid_half_hours);
      o += fmt::format("\"operating\": {}, \"limit\": {}, \"exceeds\": {}}}",
                       v.operating ? "true" : "false", v.limit ? format_number(*v.limit) : "null",
                       v.exceeds ? "true" : "false");
      w.raw(o);
    }
    w.end_array();
    w.key("pollutants").begin_object();
    for (const auto& s : line.summaries) {
      const int dp = decimals_for(s.pollutant) + 2;
      w.key(pollutant_name(s.pollutant)).begin_object();
      w.key("operating_days").integer(s.operating_days);
      w.key("valid_days").integer(s.valid_days);
      w.key("exceedance_days").integer(s.exceedance_days);
      w.key("mean").optional_number(s.mean, dp);
      w.key("p95_daily").optional_number(s.p95_daily, dp);
      w.key("max_daily").optional_number(s.max_daily, dp);
      w.key("valid_day_share").optional_number(s.valid_day_share, 6);
      if (result.regime == Regime::Cn) {
        w.key("hourly_alarms").integer(s.hourly_alarms);
      } else {
        w.key("valid_half_hours").integer(s.valid_half_hours);
        w.key("half_hours_above_a").integer(s.half_hours_above_a);
        w.key("half_hours_above_b").integer(s.half_hours_above_b);
        w.key("share_within_b").optional_number(s.share_within_b, 6);
        w.key("invalid_days").integer(s.invalid_days);
        w.key("too_many_invalid_days").boolean(s.too_many_invalid_days);
        w.key("co_days_failing_short_term").integer(s.co_days_failing_short_term);
      }
      w.key("compliant").boolean(s.compliant);
      w.key("failures").begin_array();
      for (const auto& f : s.failures)
        w.string(f);
      w.end_array();
      w.key("limit_sets").begin_object();
      for (const auto& c : s.comparisons) {
        w.key(c.limit_set).begin_object();
        w.key("limit").optional_number(c.limit);
        w.key("days_with_limit").integer(c.days_with_limit);
        w.key("days_above").integer(c.days_above);
        w.key("share_within").optional_number(c.share_within, 6);
        w.end_object();
      }
      w.end_object();
      w.end_object();
    }
    w.end_object();
    w.key("months").begin_array();
    for (const auto& m : line.months) {
      w.raw(fmt::format("{{\"month\": \"{:04}-{:02}\", \"exceedance_days\": {}, "
                        "\"pollutant_days\": {}, \"flagged\": {}}}",
                        m.year, m.month, m.exceedance_days, m.pollutant_days,
                        m.flagged ? "true" : "false"));
    }
    w.end_array();
    w.key("furnace").begin_object();
    w.field("present", line.furnace.present);
    w.key("blocks").integer(line.furnace.blocks);
    w.key("low_temperature_blocks").integer(line.furnace.low_blocks);
    w.key("violation_days").integer(line.furnace.violation_days);
    w.key("low_blocks_by_day").begin_array();
    for (const auto& [date, low] : line.furnace.low_blocks_by_day)
      w.raw(fmt::format("{{\"date\": \"{}\", \"low_blocks\": {}}}", date.iso(), low));
    w.end_array();
    w.end_object();
    const ExemptSummary& e = line.exempt;
    w.key("exempt_hours").number(e.hours, 4);
    w.key("exempt").begin_object();
    w.key("hours").number(e.hours, 4);
    w.key("within_budget_hours").number(e.within_budget_hours, 4);
    w.key("beyond_budget_hours").number(e.beyond_budget_hours, 4);
    w.key("budget_hours").number(e.budget_hours, 4);
    w.key("episode_budget_hours").number(e.episode_budget_hours, 4);
    w.field("annual_budget_exceeded", e.annual_budget_exceeded);
    w.key("episodes").integer(e.episodes);
    w.key("episodes_over_budget").integer(e.episodes_over_budget);
    w.key("longest_episode_hours").number(e.longest_episode_hours, 4);
    w.field("budget_exceeded", e.budget_exceeded());
    w.end_object();
    w.key("exceedance_days_total").integer(line.exceedance_days_total);
    w.end_object();
  }
  w.end_array();
  w.key("measures").begin_object();
  for (const auto& [name, m] : emission_measures(result, sheet.stack_tests))
    w.key(name).begin_object().field("value", m.value).field("unit", m.unit).end_object();
  w.end_object();
  w.end_object();
  return w.str();
}

std::string render_emissions_csv(const EmissionsReport& report) {
  const EmissionsResult& result = *report.result;
  std::string out = "line,date,pollutant,mean,valid,operating,valid_hours,valid_half_hours,"
                    "invalid_half_hours,limit,exceeds,hourly_alarms\n";
  for (const LineResult& line : result.lines) {
    const std::string id = csv_field(line.line);
    for (const auto& v : line.daily)
      out += fmt::format(
          "{},{},{},{},{},{},{},{},{},{},{},{}\n", id, v.date.iso(), pollutant_name(v.pollutant),
          v.mean ? format_number(*v.mean, decimals_for(v.pollutant) + 2) : "", v.valid ? 1 : 0,
          v.operating ? 1 : 0, v.valid_hours, v.valid_half_hours, v.invalid_half_hours,
          v.limit ? format_number(*v.limit) : "", v.exceeds ? 1 : 0, v.hourly_alarms);
  }
  return out;
}

} // namespace grate::io
