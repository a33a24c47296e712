#include "core/emissions/measures.hpp"

#include "core/emissions/judge.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace grate::emissions {

Measures stack_test_measures(const std::vector<StackTest>& stack_tests) {
  Measures out;
  for (const auto& t : stack_tests) {
    double value = t.value;
    // O2 correction to 11 % (domain.md §2): c × (21 − 11) / (21 − o2).
    if (t.o2_percent && *t.o2_percent < 21)
      value *= (21 - 11) / (21 - *t.o2_percent);
    const std::string name = "stack_tests." + t.pollutant + ".max";
    auto it = out.find(name);
    if (it == out.end())
      out.emplace(name,
                  Measure{value, t.unit, fmt::format("stack tests ({})", t.where.file), false});
    else
      it->second.value = std::max(it->second.value, value);
  }
  return out;
}

Measures emission_measures(const EmissionsResult& result,
                           const std::vector<StackTest>& stack_tests) {
  Measures out = stack_test_measures(stack_tests);
  if (result.lines.empty())
    return out;
  std::string lines;
  for (const auto& l : result.lines)
    lines += (lines.empty() ? "" : ", ") + l.line;
  const std::string source = fmt::format("CEMS line(s) {} (regime {}, {})", lines,
                                         regime_name(result.regime), result.limit_set);
  const auto put = [&](const std::string& name, double value, const char* unit) {
    out[name] = Measure{value, unit, source, false};
  };

  int exceedance_total = 0, alarms = 0, violation_days = 0, low_blocks = 0;
  double exempt_hours = 0, longest = 0;
  bool budget_exceeded = false;
  for (const auto& l : result.lines) {
    exceedance_total += l.exceedance_days_total;
    violation_days += l.furnace.violation_days;
    low_blocks += l.furnace.low_blocks;
    exempt_hours += l.exempt.hours;
    longest = std::max(longest, l.exempt.longest_episode_hours);
    budget_exceeded = budget_exceeded || l.exempt.budget_exceeded();
    for (const auto& s : l.summaries)
      alarms += s.hourly_alarms;
  }
  put("emissions.exceedance_days_total", exceedance_total, "d");
  put("emissions.hourly_alarms_total", alarms, "h");
  put("furnace.violation_days", violation_days, "d");
  put("furnace.low_temperature_blocks", low_blocks, "1");
  put("operation.exempt_hours", exempt_hours, "h");
  put("operation.exempt_budget_exceeded", budget_exceeded ? 1 : 0, "1");
  put("operation.longest_exempt_episode_hours", longest, "h");

  for (const Pollutant p : all_pollutants) {
    bool seen = false;
    int exceedance = 0, valid = 0, operating = 0;
    std::vector<double> means;
    std::map<std::string, std::pair<int, int>> within; // set → (days with limit, days above)
    for (const auto& l : result.lines) {
      const PollutantSummary* s = l.summary(p);
      if (!s)
        continue;
      seen = true;
      exceedance += s->exceedance_days;
      valid += s->valid_days;
      operating += s->operating_days;
      for (const auto& v : l.daily)
        if (v.pollutant == p && v.valid)
          means.push_back(*v.mean);
      for (const auto& c : s->comparisons) {
        auto& w = within[c.limit_set];
        w.first += c.days_with_limit;
        w.second += c.days_above;
      }
    }
    if (!seen)
      continue;
    const std::string prefix = fmt::format("emissions.{}.", pollutant_name(p));
    put(prefix + "exceedance_days", exceedance, "d");
    if (operating > 0)
      put(prefix + "valid_day_share", static_cast<double>(valid) / operating, "1");
    if (!means.empty()) {
      double total = 0;
      for (double m : means)
        total += m;
      put(prefix + "mean", total / static_cast<double>(means.size()), "mg/m3");
      put(prefix + "max_daily", *std::max_element(means.begin(), means.end()), "mg/m3");
      put(prefix + "p95_daily", *percentile95(means), "mg/m3");
    }
    for (const auto& [set, w] : within)
      if (w.first > 0)
        put(prefix + "share_days_within." + set, static_cast<double>(w.first - w.second) / w.first,
            "1");
  }
  return out;
}

} // namespace grate::emissions
