#include "core/emissions/accumulator.hpp"

#include "core/date.hpp"

namespace grate::emissions {

LineAccumulator::LineAccumulator(AccumulatorConfig config)
    : config_(config), offset_seconds_(std::int64_t{config.utc_offset_minutes} * 60),
      exempt_budget_seconds_(std::llround(config.exempt_budget_hours * 3600)),
      episode_budget_seconds_(std::llround(config.episode_budget_hours * 3600)) {}

void LineAccumulator::add(const Record& r) {
  const std::int64_t local = r.time + offset_seconds_;
  std::int64_t day = local / 86400;
  if (local % 86400 < 0)
    --day; // floor for times before 1970
  const auto second_of_day = static_cast<int>(local - day * 86400);
  if (days_.empty() || days_.back().day != day) {
    days_.emplace_back();
    days_.back().day = day;
  }
  DayData& d = days_.back();
  ++d.records;
  ++records_;
  ++by_state_[static_cast<std::size_t>(r.state)];
  const std::int64_t interval = config_.interval_seconds;

  // Rule 5 (DESIGN §3): exempt time within the annual budget and within the episode budget of a
  // fault or accident is not judged; time beyond either budget is judged as normal operation.
  bool judged_normal = r.state == State::Normal;
  const bool in_episode = is_episode_state(r.state);
  if (is_exempt_state(r.state)) {
    if (day != year_last_day_) {
      const int year = Date::from_days_since_epoch(day).year;
      if (year != year_) {
        year_ = year;
        year_used_ = 0;
        exempt_by_year_.emplace_back(year, 0);
      }
      year_last_day_ = day;
    }
    exempt_total_ += interval;
    exempt_by_year_.back().second += interval;
    bool within = true;
    if (in_episode) {
      if (!previous_in_episode_ || r.time - previous_time_ > interval)
        episodes_.push_back(Episode{r.time, 0, r.state});
      episodes_.back().seconds += interval;
      // A record is within the episode budget when the episode, this record included, is no
      // longer than the budget: with 1-minute data the 241st minute is the first one beyond 4 h.
      if (episodes_.back().seconds > episode_budget_seconds_)
        within = false;
    }
    if (within && year_used_ + interval > exempt_budget_seconds_) {
      within = false;
      beyond_annual_ += interval;
    }
    if (within) {
      year_used_ += interval;
      d.exempt_seconds += interval;
    } else {
      beyond_total_ += interval;
      d.beyond_seconds += interval;
      judged_normal = true;
    }
  }
  previous_in_episode_ = in_episode;
  previous_time_ = r.time;
  if (!judged_normal)
    return;

  Slot& slot = d.slots[static_cast<std::size_t>(second_of_day / slot_seconds)];
  ++slot.normal;
  const auto counts = [&r](Channel c) {
    return !std::isnan(r.value[index(c)]) && ((r.flagged >> index(c)) & 1u) == 0;
  };
  if (counts(Channel::FurnaceTemp)) {
    ++slot.count[furnace_slot_channel];
    slot.sum[furnace_slot_channel] += r.value[index(Channel::FurnaceTemp)];
  }
  // Rule 1: correct each pollutant with this record's own O2; a record with O2 missing, flagged
  // or at/above the cap does not count for the corrected pollutants.
  double factor = 1;
  if (!config_.values_at_reference_o2) {
    const double o2 = r.value[index(Channel::O2)];
    if (!counts(Channel::O2) || !(o2 < config_.o2_cap))
      return;
    factor = (21 - config_.o2_reference) / (21 - o2);
  }
  for (std::size_t p = 0; p < pollutant_count; ++p) {
    const double v = r.value[p];
    if (std::isnan(v) || ((r.flagged >> p) & 1u) != 0)
      continue;
    ++slot.count[p];
    slot.sum[p] += v * factor;
  }
}

} // namespace grate::emissions
