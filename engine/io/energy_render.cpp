#include "io/energy_render.hpp"

#include "core/number_format.hpp"
#include "io/diagnostic_render.hpp"

#include <cmath>
#include <fmt/format.h>

namespace grate::io {

namespace {

std::string trimmed(double value, int decimals) {
  return format_number(value, decimals);
}
std::string fixed(double value, int decimals) {
  return format_fixed(value, decimals);
}

/// Thousands separated by a thin space for large GJ figures ("2 620 800").
std::string grouped(double value) {
  std::string digits = format_fixed(value, 0);
  std::string sign;
  if (!digits.empty() && digits.front() == '-') {
    sign = "-";
    digits.erase(0, 1);
  }
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0)
      out += ' ';
    out += digits[i];
  }
  return sign + out;
}

struct Row {
  const char* key;
  energy::Indicator energy::EnergyResult::*member;
};

const Row kRows[] = {
    {"r1", &energy::EnergyResult::r1},
    {"ccf", &energy::EnergyResult::ccf},
    {"r1_corrected", &energy::EnergyResult::r1_corrected},
    {"r1_threshold", &energy::EnergyResult::r1_threshold},
    {"r1_pass", &energy::EnergyResult::r1_pass},
    {"net_export_kwh_per_t", &energy::EnergyResult::net_export_kwh_per_t},
    {"own_use_rate", &energy::EnergyResult::own_use_rate},
    {"gross_electrical_efficiency", &energy::EnergyResult::gross_electrical_efficiency},
    {"gross_energy_efficiency", &energy::EnergyResult::gross_energy_efficiency},
};

std::string json_number(const std::optional<double>& value) {
  return value ? trimmed(*value, 6) : "null";
}

} // namespace

std::string render_energy_json(const energy::EnergyResult& result) {
  std::string out = "{";
  bool first = true;
  for (const auto& row : kRows) {
    const auto& indicator = result.*(row.member);
    if (!first)
      out += ", ";
    first = false;
    out += json_quote(row.key);
    out += ": ";
    if (std::string_view(row.key) == "r1_pass")
      out += indicator.value ? (*indicator.value >= 0.5 ? "true" : "false") : "null";
    else
      out += json_number(indicator.value);
  }
  out += ", \"ccf_regime\": ";
  if (result.ccf_early)
    out += json_quote(*result.ccf_early ? "permitted_before_2015_09_01" : "later");
  else
    out += "null";
  out += ", \"heating_degree_days\": " + json_number(result.heating_degree_days);
  out += ", \"r1_terms_gj\": ";
  if (result.r1_terms)
    out += fmt::format("{{\"ep\": {}, \"ef\": {}, \"ei\": {}, \"ew\": {}}}",
                       trimmed(result.r1_terms->ep_gj, 3), trimmed(result.r1_terms->ef_gj, 3),
                       trimmed(result.r1_terms->ei_gj, 3), trimmed(result.r1_terms->ew_gj, 3));
  else
    out += "null";
  out += ", \"unavailable\": {";
  first = true;
  for (const auto& row : kRows) {
    const auto& indicator = result.*(row.member);
    if (indicator.value)
      continue;
    if (!first)
      out += ", ";
    first = false;
    out += json_quote(row.key) + ": {\"reason\": " + json_quote(indicator.reason) +
           ", \"missing_keys\": [";
    for (std::size_t i = 0; i < indicator.missing_keys.size(); ++i) {
      if (i > 0)
        out += ", ";
      out += json_quote(indicator.missing_keys[i]);
    }
    out += "]}";
  }
  out += "}}";
  return out;
}

std::string render_energy_markdown(const energy::EnergyResult& result, Language language,
                                   int heading_level) {
  const bool zh = language == Language::Zh;
  const auto text = [zh](const char* en, const char* chinese) {
    return std::string(zh ? chinese : en);
  };
  std::string out(static_cast<std::size_t>(std::max(1, heading_level)), '#');
  out += ' ';
  out += text("Energy efficiency", "能源效率");
  out += "\n\n";
  if (!result.has_block) {
    out +=
        text("The plant sheet has no `energy` block.", "数据表中没有 `energy` 能源数据。") + "\n";
    return out;
  }
  out += "| " + text("indicator", "指标") + " | " + text("value", "数值") + " | " +
         text("basis", "依据") + " |\n|---|---:|---|\n";
  const auto missing = [&](const energy::Indicator& indicator) {
    std::string keys;
    for (std::size_t i = 0; i < indicator.missing_keys.size(); ++i)
      keys += (i > 0 ? ", `" : "`") + indicator.missing_keys[i] + "`";
    if (keys.empty())
      return text("not computed: ", "未计算：") + indicator.reason;
    return text("missing ", "缺少 ") + keys;
  };
  const auto row = [&](const std::string& label, const energy::Indicator& indicator,
                       const std::string& value, const std::string& basis) {
    out += "| " + label + " | " + (indicator.value ? value : "—") + " | " +
           (indicator.value ? basis : missing(indicator)) + " |\n";
  };
  const auto value_of = [](const energy::Indicator& indicator) {
    return indicator.value.value_or(0.0);
  };

  std::string r1_basis = text("WFD 2008/98/EC Annex II", "WFD 2008/98/EC 附件二");
  if (result.r1_terms)
    r1_basis += fmt::format("; Ep {} GJ, Ef {} GJ, Ei {} GJ, Ew {} GJ",
                            grouped(result.r1_terms->ep_gj), grouped(result.r1_terms->ef_gj),
                            grouped(result.r1_terms->ei_gj), grouped(result.r1_terms->ew_gj));
  row(text("R1", "R1 能效值"), result.r1, fixed(value_of(result.r1), 4), r1_basis);

  std::string ccf_basis = text("Directive (EU) 2015/1127", "指令 (EU) 2015/1127");
  if (result.heating_degree_days && result.ccf_early && result.permitted_on) {
    std::string regime;
    if (*result.ccf_early)
      regime = text("permitted before 2015-09-01", "2015-09-01 前取得许可");
    else if (*result.permitted_on < Date{2015, 9, 1})
      regime = text("evaluated after 2029-12-31", "评价日期晚于 2029-12-31");
    else
      regime = text("permitted from 2015-09-01", "2015-09-01 起取得许可");
    ccf_basis += fmt::format("; HDD {}, {} ({})", trimmed(*result.heating_degree_days, 1), regime,
                             result.permitted_on->iso());
  }
  row(text("Climate correction factor", "气候修正系数 CCF"), result.ccf,
      fixed(value_of(result.ccf), 3), ccf_basis);
  row(text("R1 × CCF", "修正后 R1"), result.r1_corrected, fixed(value_of(result.r1_corrected), 4),
      "R1 × CCF");
  row(text("R1 threshold", "R1 门槛值"), result.r1_threshold,
      fixed(value_of(result.r1_threshold), 2),
      text("0.60 if permitted before 2009-01-01, else 0.65",
           "2009-01-01 前取得许可为 0.60，否则 0.65") +
          (result.permitted_on ? fmt::format(" ({})", result.permitted_on->iso()) : ""));
  row(text("R1 recovery status", "R1 判定"), result.r1_pass,
      value_of(result.r1_pass) >= 0.5 ? text("pass", "达到") : text("fail", "未达到"),
      text("R1 × CCF ≥ threshold", "修正后 R1 ≥ 门槛值"));
  row(text("Net electricity exported", "吨垃圾上网电量"), result.net_export_kwh_per_t,
      fixed(value_of(result.net_export_kwh_per_t), 1) + " kWh/t",
      text("electricity exported ÷ waste treated", "上网电量 ÷ 垃圾处理量"));
  row(text("Own-use rate", "厂用电率"), result.own_use_rate,
      fixed(value_of(result.own_use_rate) * 100, 2) + " %",
      text("(generated − exported) ÷ generated", "（发电量 − 上网电量）÷ 发电量"));
  if (result.gross_electrical_efficiency.value || result.gross_electrical_efficiency.attempted)
    row(text("Gross electrical efficiency", "毛发电效率"), result.gross_electrical_efficiency,
        fixed(value_of(result.gross_electrical_efficiency) * 100, 1) + " %",
        text("BAT 20, Decision (EU) 2019/2010, from annual totals",
             "BAT 20，决定 (EU) 2019/2010，按年度总量"));
  if (result.gross_energy_efficiency.value || result.gross_energy_efficiency.attempted)
    row(text("Gross energy efficiency", "毛能源效率"), result.gross_energy_efficiency,
        fixed(value_of(result.gross_energy_efficiency) * 100, 1) + " %",
        text("BAT 20, Decision (EU) 2019/2010, from annual totals",
             "BAT 20，决定 (EU) 2019/2010，按年度总量"));
  return out;
}

} // namespace grate::io
