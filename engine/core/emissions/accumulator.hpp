// Streaming aggregation of one CEMS line (DESIGN §3 "How CEMS data are judged", rules 1, 4, 5):
// records arrive in time order and are folded at once into clock-aligned 5-minute slots in the
// plant's zone, so memory grows with days, never with rows. Decides per record whether it is
// judged as normal operation (including exempt time beyond its budget, rule 5) and applies the
// O2 correction and O2 cap (rule 1). Hours, days and compliance are judged later from the slots.
#pragma once

#include "core/emissions/channels.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>
#include <vector>

namespace grate::emissions {

inline constexpr double missing_value = std::numeric_limits<double>::quiet_NaN();

/// One CEMS record, already in mg/m3 dry (the reader converts units and moisture).
struct Record {
  std::int64_t time = 0; ///< seconds since 1970-01-01T00:00:00Z
  State state = State::Normal;
  std::uint16_t flagged = 0; ///< bit `index(channel)`: an HJ 212 flag other than 'N' was given
  std::array<double, channel_count> value{}; ///< NaN = missing (empty cell or no column)

  Record() { value.fill(missing_value); }
};

struct AccumulatorConfig {
  int utc_offset_minutes = 480; ///< the plant's zone: natural days and clock blocks are local
  int interval_seconds = 60;    ///< nominal recording interval; 1 record = this much time
  double o2_reference = 11;     ///< % O2 the values are corrected to (rule 1)
  double o2_cap = 19.5;         ///< records with O2 ≥ cap do not count (rule 1)
  bool values_at_reference_o2 = false; ///< values already corrected: no O2 needed
  double exempt_budget_hours = 60;     ///< per calendar year (rule 5)
  double episode_budget_hours = 4;     ///< per fault or accident episode (rule 5)
};

/// Slot channels: the pollutants, then furnace temperature.
inline constexpr std::size_t slot_channels = pollutant_count + 1;
inline constexpr std::size_t furnace_slot_channel = pollutant_count;
inline constexpr int slot_seconds = 300;
inline constexpr int slots_per_day = 86400 / slot_seconds;

/// One clock-aligned 5-minute block of one line.
struct Slot {
  std::uint16_t normal = 0; ///< records judged as normal operation (rule 5 included)
  std::array<std::uint16_t, slot_channels> count{}; ///< counted records (rule 1)
  std::array<double, slot_channels> sum{}; ///< sum of counted values, O2-corrected (rule 1)
};

struct DayData {
  std::int64_t day = 0;            ///< local day, days since 1970-01-01
  std::int64_t records = 0;        ///< rows of this day, any state
  std::int64_t exempt_seconds = 0; ///< exempt-state time within the budgets
  std::int64_t beyond_seconds = 0; ///< exempt-state time judged as normal (beyond a budget)
  std::array<Slot, slots_per_day> slots{};
};

/// A fault or accident episode: consecutive fault/accident records, each at most one interval
/// after the previous one.
struct Episode {
  std::int64_t start = 0; ///< UTC seconds of its first record
  std::int64_t seconds = 0;
  State state = State::Fault; ///< state of its first record
};

class LineAccumulator {
public:
  explicit LineAccumulator(AccumulatorConfig config);

  /// Folds one record in; records must come in strictly increasing time (the reader checks).
  void add(const Record& record);
  /// Marks channels present in the file (columns), so a pollutant with only empty cells still
  /// gets (invalid) daily entries.
  void set_present(std::uint16_t mask) { present_ |= mask; }

  [[nodiscard]] const AccumulatorConfig& config() const { return config_; }
  [[nodiscard]] bool present(Channel c) const { return (present_ >> index(c)) & 1u; }
  /// Days with records, in time order (a deque: growing never copies or moves a day).
  [[nodiscard]] const std::deque<DayData>& days() const { return days_; }
  [[nodiscard]] const std::vector<Episode>& episodes() const { return episodes_; }
  [[nodiscard]] std::int64_t records() const { return records_; }
  [[nodiscard]] const std::array<std::int64_t, 7>& records_by_state() const { return by_state_; }
  /// Time in start-up, shutdown, fault or accident state, within or beyond the budgets.
  [[nodiscard]] std::int64_t exempt_state_seconds() const { return exempt_total_; }
  [[nodiscard]] std::int64_t beyond_budget_seconds() const { return beyond_total_; }
  /// Exempt-state time beyond the annual budget (the episode budget not exceeded).
  [[nodiscard]] std::int64_t beyond_annual_budget_seconds() const { return beyond_annual_; }
  /// Exempt-state time per calendar year (local), in year order.
  [[nodiscard]] const std::vector<std::pair<int, std::int64_t>>& exempt_by_year() const {
    return exempt_by_year_;
  }

private:
  AccumulatorConfig config_;
  std::int64_t offset_seconds_;
  std::int64_t exempt_budget_seconds_;
  std::int64_t episode_budget_seconds_;
  std::uint16_t present_ = 0;
  std::deque<DayData> days_;
  std::vector<Episode> episodes_;
  std::int64_t records_ = 0;
  std::array<std::int64_t, 7> by_state_{};
  std::int64_t exempt_total_ = 0;
  std::int64_t beyond_total_ = 0;
  std::int64_t beyond_annual_ = 0;
  std::vector<std::pair<int, std::int64_t>> exempt_by_year_;
  int year_ = 0;
  std::int64_t year_used_ = 0; ///< exempt time of the current year within the annual budget
  std::int64_t year_last_day_ = -1;
  std::int64_t previous_time_ = std::numeric_limits<std::int64_t>::min();
  bool previous_in_episode_ = false;
};

} // namespace grate::emissions
