#include "core/emissions/judge.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace grate::emissions {

int min_records(int seconds, int interval_seconds) {
  const int expected = seconds / std::max(interval_seconds, 1);
  return (3 * expected + 3) / 4; // ceil(0.75 × expected)
}

bool strictly_above(double a, double b) {
  return a > b + 1e-9 * std::max(1.0, std::fabs(b));
}

std::optional<double> percentile95(std::vector<double>& values) {
  if (values.empty())
    return std::nullopt;
  std::sort(values.begin(), values.end());
  const double position = 0.95 * static_cast<double>(values.size() - 1);
  const auto low = static_cast<std::size_t>(std::floor(position));
  const double fraction = position - static_cast<double>(low);
  if (low + 1 >= values.size())
    return values.back();
  return values[low] + fraction * (values[low + 1] - values[low]);
}

namespace {

struct Sum {
  int count = 0;
  double sum = 0;
  int normal = 0;
};

Sum slot_range(const DayData& d, std::size_t channel, int first, int count) {
  Sum s;
  for (int i = first; i < first + count; ++i) {
    const Slot& slot = d.slots[static_cast<std::size_t>(i)];
    s.count += slot.count[channel];
    s.sum += slot.sum[channel];
    s.normal += slot.normal;
  }
  return s;
}

bool operating(const DayData* d) {
  if (!d)
    return false;
  for (const auto& slot : d->slots)
    if (slot.normal > 0)
      return true;
  return false;
}

/// DESIGN §3 regime cn, rules 2, 3 and 6, for one pollutant on one day.
void judge_day_cn(const DayData* d, Pollutant p, const LimitSet& set, int interval,
                  DailyValue& out) {
  const auto name = pollutant_name(p);
  const auto hour_limit = set.value(name, Averaging::Hour, out.date);
  out.limit = set.value(name, Averaging::Day, out.date);
  if (!d)
    return;
  const int needed = min_records(3600, interval);
  double sum_of_means = 0;
  for (int h = 0; h < 24; ++h) {
    const Sum s = slot_range(*d, index(p), h * 12, 12);
    if (s.count < needed)
      continue; // rule 2: a valid hour has ≥ 45 counted records
    const double mean = s.sum / s.count;
    ++out.valid_hours;
    sum_of_means += mean;
    if (hour_limit && strictly_above(mean, *hour_limit))
      ++out.hourly_alarms; // rule 6
  }
  if (out.valid_hours > 0)
    out.mean = sum_of_means / out.valid_hours;
  out.valid = out.valid_hours >= cn_min_valid_hours; // rule 3: ≥ 20 valid hours
  out.exceeds = out.valid && out.limit && strictly_above(*out.mean, *out.limit);
}

struct EuDay {
  int above_a = 0, above_b = 0, co_short_term_failed = 0;
};

/// IED Annex VI Part 6 §1.3 and Part 8 for one pollutant on one day: half-hourly averages of
/// normal records, minus the confidence interval (floored at 0), daily mean of the validated ones.
EuDay judge_day_eu(const DayData* d, Pollutant p, const LimitSet& set, int interval,
                   DailyValue& out) {
  EuDay r;
  const auto name = pollutant_name(p);
  const Limit* day_limit = set.find(name, Averaging::Day);
  out.limit = set.value(name, Averaging::Day, out.date);
  if (!d)
    return r;
  const double ci = day_limit && day_limit->confidence_interval && out.limit
                        ? *day_limit->confidence_interval * *out.limit
                        : 0.0;
  const auto a = set.value(name, Averaging::HalfHourA, out.date);
  const auto b = set.value(name, Averaging::HalfHourB, out.date);
  const Limit* ten = set.find(name, Averaging::TenMinute);
  const auto ten_value = ten ? ten->value_on(out.date) : std::nullopt;
  const int expected = 1800 / std::max(interval, 1);
  const int needed = min_records(1800, interval);
  double sum = 0;
  bool all_half_hours_within_a = true;
  for (int k = 0; k < 48; ++k) {
    const Sum s = slot_range(*d, index(p), k * 6, 6);
    if (2 * s.normal < expected)
      continue; // not an operating half-hour
    if (s.count < needed) {
      ++out.invalid_half_hours;
      continue;
    }
    const double validated = std::max(0.0, s.sum / s.count - ci);
    ++out.valid_half_hours;
    sum += validated;
    if (a && strictly_above(validated, *a)) {
      ++r.above_a;
      all_half_hours_within_a = false;
    }
    if (b && strictly_above(validated, *b))
      ++r.above_b;
  }
  if (out.valid_half_hours > 0)
    out.mean = sum / out.valid_half_hours;
  out.valid = out.valid_half_hours > 0 && out.invalid_half_hours <= eu_max_invalid_half_hours;
  out.exceeds = out.valid && out.limit && strictly_above(*out.mean, *out.limit);
  if (ten_value && out.valid_half_hours > 0) {
    // CO (Part 8 §1(c)): ≥ 95 % of the 10-minute averages of the day within the 10-minute value,
    // or every half-hourly average of the day within the half-hour value.
    const int needed10 = min_records(600, interval);
    int valid10 = 0, within10 = 0;
    for (int k = 0; k < 144; ++k) {
      const Sum s = slot_range(*d, index(p), k * 2, 2);
      if (s.count < needed10)
        continue;
      ++valid10;
      if (!strictly_above(std::max(0.0, s.sum / s.count - ci), *ten_value))
        ++within10;
    }
    const bool ten_ok = valid10 > 0 && static_cast<double>(within10) >=
                                           ten->compliance_share * static_cast<double>(valid10);
    if (!ten_ok && !all_half_hours_within_a)
      r.co_short_term_failed = 1;
  }
  return r;
}

void summarize(const std::vector<DailyValue>& daily, Pollutant p, const JudgeOptions& options,
               PollutantSummary& s) {
  std::vector<double> means;
  for (const auto& v : daily) {
    if (v.pollutant != p)
      continue;
    if (v.operating)
      ++s.operating_days;
    s.hourly_alarms += v.hourly_alarms;
    s.valid_half_hours += v.valid_half_hours;
    if (v.operating && !v.valid)
      ++s.invalid_days;
    if (!v.valid)
      continue;
    ++s.valid_days;
    if (v.exceeds)
      ++s.exceedance_days;
    means.push_back(*v.mean);
  }
  if (!means.empty()) {
    double total = 0;
    for (double m : means)
      total += m;
    s.mean = total / static_cast<double>(means.size());
    s.max_daily = *std::max_element(means.begin(), means.end());
    s.p95_daily = percentile95(means);
    s.share_days_within =
        static_cast<double>(s.valid_days - s.exceedance_days) / static_cast<double>(s.valid_days);
  }
  if (s.operating_days > 0)
    s.valid_day_share = static_cast<double>(s.valid_days) / static_cast<double>(s.operating_days);
  // The primary set is always compared, first; then the others, each once.
  std::vector<const LimitSet*> sets = {options.primary};
  for (const LimitSet* set : options.comparisons)
    if (std::none_of(sets.begin(), sets.end(),
                     [&](const LimitSet* known) { return known->id == set->id; }))
      sets.push_back(set);
  for (const LimitSet* set : sets) {
    Comparison c;
    c.limit_set = set->id;
    std::optional<Date> last;
    for (const auto& v : daily) {
      if (v.pollutant != p)
        continue;
      last = v.date;
      if (!v.valid)
        continue;
      const auto limit = set->value(pollutant_name(p), Averaging::Day, v.date);
      if (!limit)
        continue;
      ++c.days_with_limit;
      if (strictly_above(*v.mean, *limit))
        ++c.days_above;
    }
    if (last)
      c.limit = set->value(pollutant_name(p), Averaging::Day, *last);
    if (c.days_with_limit > 0)
      c.share_within = static_cast<double>(c.days_with_limit - c.days_above) /
                       static_cast<double>(c.days_with_limit);
    s.comparisons.push_back(std::move(c));
  }
}

} // namespace

LineResult judge_line(const LineAccumulator& data, const JudgeOptions& options, std::string line,
                      std::string file) {
  LineResult result;
  result.line = std::move(line);
  result.file = std::move(file);
  result.regime = options.regime;
  result.limit_set = options.primary->id;
  result.records = data.records();
  result.records_by_state = data.records_by_state();
  const int interval = data.config().interval_seconds;
  result.interval_seconds = interval;
  const LimitSet& set = *options.primary;
  const auto& days = data.days();

  std::int64_t first = 0, last = -1;
  if (options.from && options.to) {
    first = options.from->days_since_epoch();
    last = options.to->days_since_epoch();
  } else if (!days.empty()) {
    first = days.front().day;
    last = days.back().day;
  }
  if (first <= last) {
    result.first_day = Date::from_days_since_epoch(first);
    result.last_day = Date::from_days_since_epoch(last);
  }
  for (const Pollutant p : all_pollutants)
    if (data.present(static_cast<Channel>(index(p))))
      result.pollutants.push_back(p);

  std::vector<EuDay> eu_days;
  std::size_t cursor = 0;
  result.furnace.present = data.present(Channel::FurnaceTemp);
  for (std::int64_t day = first; day <= last; ++day) {
    while (cursor < days.size() && days[cursor].day < day)
      ++cursor;
    const DayData* d = cursor < days.size() && days[cursor].day == day ? &days[cursor] : nullptr;
    const Date date = Date::from_days_since_epoch(day);
    const bool is_operating = operating(d);
    for (const Pollutant p : result.pollutants) {
      DailyValue v;
      v.date = date;
      v.pollutant = p;
      v.operating = is_operating;
      if (options.regime == Regime::Cn) {
        judge_day_cn(d, p, set, interval, v);
      } else {
        eu_days.push_back(judge_day_eu(d, p, set, interval, v));
      }
      result.daily.push_back(v);
    }
    // Rule 4: clock-aligned 5-minute blocks of normal records; mean < 850 °C is a low block;
    // a natural day with more than 5 low blocks is a violation day.
    if (d && result.furnace.present) {
      int low = 0;
      for (const auto& slot : d->slots) {
        const auto n = slot.count[furnace_slot_channel];
        if (n == 0)
          continue;
        ++result.furnace.blocks;
        if (strictly_above(furnace_min_temp, slot.sum[furnace_slot_channel] / n))
          ++low;
      }
      result.furnace.low_blocks += low;
      if (low > 0)
        result.furnace.low_blocks_by_day.emplace_back(date, low);
      if (low > furnace_max_low_blocks)
        ++result.furnace.violation_days;
    }
  }

  // Summaries per pollutant, and the regime's compliance rules.
  for (const Pollutant p : result.pollutants) {
    PollutantSummary s;
    s.pollutant = p;
    summarize(result.daily, p, options, s);
    const auto name = pollutant_name(p);
    if (options.regime == Regime::Cn) {
      if (s.exceedance_days > 0) {
        s.compliant = false;
        s.failures.push_back(fmt::format("{} day(s) above the 24-hour limit", s.exceedance_days));
      }
    } else {
      for (std::size_t i = 0; i < result.daily.size(); ++i) {
        if (result.daily[i].pollutant != p)
          continue;
        s.half_hours_above_a += eu_days[i].above_a;
        s.half_hours_above_b += eu_days[i].above_b;
        s.co_days_failing_short_term += eu_days[i].co_short_term_failed;
      }
      const Limit* day_limit = set.find(name, Averaging::Day);
      if (day_limit && s.share_days_within &&
          *s.share_days_within < day_limit->compliance_share - 1e-12) {
        s.compliant = false;
        s.failures.push_back(
            day_limit->compliance_share >= 1
                ? fmt::format("{} daily average(s) above the daily limit", s.exceedance_days)
                : fmt::format("{:.1f} % of daily averages within the daily limit, {:.0f} % needed",
                              *s.share_days_within * 100, day_limit->compliance_share * 100));
      }
      const Limit* a = set.find(name, Averaging::HalfHourA);
      const Limit* b = set.find(name, Averaging::HalfHourB);
      const bool co_rule = set.find(name, Averaging::TenMinute) != nullptr;
      if (b && s.valid_half_hours > 0)
        s.share_within_b = static_cast<double>(s.valid_half_hours - s.half_hours_above_b) /
                           static_cast<double>(s.valid_half_hours);
      if (!co_rule && a && s.half_hours_above_a > 0) {
        // Part 8 §1(b): no half-hour above column A, or 97 % of the half-hours within column B.
        const bool b_ok = b && s.share_within_b && *s.share_within_b >= b->compliance_share - 1e-12;
        if (!b_ok) {
          s.compliant = false;
          s.failures.push_back(
              b ? fmt::format("{} half-hour(s) above column A and {:.1f} % within column B, "
                              "{:.0f} % needed",
                              s.half_hours_above_a, s.share_within_b.value_or(0) * 100,
                              b->compliance_share * 100)
                : fmt::format("{} half-hour(s) above column A", s.half_hours_above_a));
        }
      }
      if (co_rule && s.co_days_failing_short_term > 0) {
        s.compliant = false;
        s.failures.push_back(fmt::format(
            "{} day(s) with neither 95 % of 10-minute averages nor every half-hour within limits",
            s.co_days_failing_short_term));
      }
      s.too_many_invalid_days = s.invalid_days > eu_max_invalid_days;
      if (s.too_many_invalid_days) {
        s.compliant = false;
        s.failures.push_back(fmt::format("{} invalid days, at most {} allowed", s.invalid_days,
                                         eu_max_invalid_days));
      }
    }
    result.exceedance_days_total += s.exceedance_days;
    result.summaries.push_back(std::move(s));
  }

  // Rule 3: exceedance days per month; a month with more than 5 is flagged.
  for (std::size_t i = 0; i < result.daily.size();) {
    const Date date = result.daily[i].date;
    bool any = false;
    int count = 0;
    for (; i < result.daily.size() && result.daily[i].date == date; ++i)
      if (result.daily[i].exceeds) {
        any = true;
        ++count;
      }
    if (result.months.empty() || result.months.back().year != date.year ||
        result.months.back().month != date.month)
      result.months.push_back(MonthCount{date.year, date.month, 0, 0, false});
    result.months.back().exceedance_days += any ? 1 : 0;
    result.months.back().pollutant_days += count;
  }
  for (auto& m : result.months)
    m.flagged = m.exceedance_days > month_max_exceedance_days;

  // Rule 5: exempt time and its budgets.
  const auto& config = data.config();
  ExemptSummary& e = result.exempt;
  e.budget_hours = config.exempt_budget_hours;
  e.episode_budget_hours = config.episode_budget_hours;
  e.hours = static_cast<double>(data.exempt_state_seconds()) / 3600;
  e.beyond_budget_hours = static_cast<double>(data.beyond_budget_seconds()) / 3600;
  e.within_budget_hours = e.hours - e.beyond_budget_hours;
  e.annual_budget_exceeded = data.beyond_annual_budget_seconds() > 0;
  const auto episode_budget = std::llround(config.episode_budget_hours * 3600);
  for (const auto& episode : data.episodes()) {
    ++e.episodes;
    if (episode.seconds > episode_budget)
      ++e.episodes_over_budget;
    e.longest_episode_hours =
        std::max(e.longest_episode_hours, static_cast<double>(episode.seconds) / 3600);
  }
  return result;
}

} // namespace grate::emissions
