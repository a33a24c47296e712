// What the judgement of CEMS data yields, per line: daily values per pollutant, summaries,
// monthly exceedance counts, furnace-temperature blocks and exempt time (DESIGN §3, §5). Plain
// values for renderers and for the derived measures; no formatting here.
#pragma once

#include "core/date.hpp"
#include "core/emissions/channels.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace grate::emissions {

/// One pollutant on one natural day (local) of one line.
struct DailyValue {
  Date date;
  Pollutant pollutant = Pollutant::Dust;
  std::optional<double> mean; ///< mg/m3 at the reference O2; cn: mean of valid hourly means,
                              ///< eu: mean of validated half-hours; nullopt when none
  bool valid = false;
  bool operating = false;      ///< any record judged as normal operation that day
  int valid_hours = 0;         ///< cn: hours with ≥ 75 % counted records (rule 2)
  int valid_half_hours = 0;    ///< eu
  int invalid_half_hours = 0;  ///< eu: operating half-hours without enough valid records
  std::optional<double> limit; ///< the primary set's daily limit in force that day
  bool exceeds = false;        ///< valid and mean > limit (strictly)
  int hourly_alarms = 0;       ///< cn rule 6: valid hourly means > the 1-hour limit
};

/// Daily means of a line against another limit set's daily limits (e.g. BAT-AEL upper ends).
struct Comparison {
  std::string limit_set;
  std::optional<double> limit; ///< daily limit in force at the end of the data
  int days_with_limit = 0;     ///< valid days on which the set had a daily limit in force
  int days_above = 0;
  std::optional<double> share_within; ///< (days_with_limit − days_above) / days_with_limit
};

struct PollutantSummary {
  Pollutant pollutant = Pollutant::Dust;
  int operating_days = 0;
  int valid_days = 0;
  int exceedance_days = 0;         ///< valid days above the primary daily limit
  std::optional<double> mean;      ///< mean of valid daily means
  std::optional<double> p95_daily; ///< 95th percentile (linear interpolation) of valid daily means
  std::optional<double> max_daily;
  std::optional<double> valid_day_share; ///< valid_days / operating_days
  int hourly_alarms = 0;                 ///< cn rule 6
  // Regime eu (IED Annex VI Part 8):
  int valid_half_hours = 0;
  int invalid_days = 0;               ///< operating days with > 5 invalid half-hours or none valid
  bool too_many_invalid_days = false; ///< > 10 invalid days in a year
  int half_hours_above_a = 0;         ///< validated half-hours above column A
  int half_hours_above_b = 0;         ///< validated half-hours above column B
  std::optional<double> share_within_b;
  std::optional<double> share_days_within; ///< share of valid days within the daily limit
  int co_days_failing_short_term = 0;      ///< days failing both CO 10-minute and half-hour rules
  bool compliant = true; ///< every rule of the regime that applies to this pollutant holds
  std::vector<std::string> failures; ///< which rules fail, for the report
  std::vector<Comparison> comparisons;
};

struct MonthCount {
  int year = 0;
  int month = 0;
  int exceedance_days = 0; ///< days with at least one pollutant above its daily limit
  int pollutant_days = 0;  ///< Σ over pollutants of their exceedance days (MEE Order No. 10)
  bool flagged = false;    ///< exceedance_days > 5 (DESIGN §3 rule 3)
};

struct FurnaceSummary {
  bool present = false;   ///< the file has furnace temperatures
  int blocks = 0;         ///< 5-minute blocks with normal records and a temperature
  int low_blocks = 0;     ///< block mean < 850 °C (rule 4)
  int violation_days = 0; ///< days with > 5 low blocks
  std::vector<std::pair<Date, int>> low_blocks_by_day; ///< days with low blocks, in order
};

struct ExemptSummary {
  double hours = 0; ///< time in start-up, shutdown, fault or accident state
  double within_budget_hours = 0;
  double beyond_budget_hours = 0; ///< judged as normal operation (rule 5)
  double budget_hours = 60;
  double episode_budget_hours = 4;
  bool annual_budget_exceeded = false; ///< any year over the annual budget
  int episodes = 0;                    ///< fault and accident episodes
  int episodes_over_budget = 0;
  double longest_episode_hours = 0;
  [[nodiscard]] bool budget_exceeded() const {
    return annual_budget_exceeded || episodes_over_budget > 0;
  }
};

struct LineResult {
  std::string line;
  std::string file; ///< the CEMS file as written in the sheet
  Regime regime = Regime::Cn;
  std::string limit_set; ///< id of the primary limit set
  std::optional<Date> first_day, last_day;
  std::int64_t records = 0;
  std::array<std::int64_t, 7> records_by_state{};
  int interval_seconds = 60;
  std::vector<Pollutant> pollutants;       ///< in the file, in the fixed order
  std::vector<DailyValue> daily;           ///< by date, then pollutant
  std::vector<PollutantSummary> summaries; ///< same order as `pollutants`
  std::vector<MonthCount> months;
  FurnaceSummary furnace;
  ExemptSummary exempt;
  int exceedance_days_total = 0; ///< Σ over pollutants of exceedance days

  [[nodiscard]] const PollutantSummary* summary(Pollutant p) const {
    for (const auto& s : summaries)
      if (s.pollutant == p)
        return &s;
    return nullptr;
  }
};

struct EmissionsResult {
  Regime regime = Regime::Cn;
  std::string limit_set;             ///< primary
  std::vector<std::string> compared; ///< every compared limit set, primary first
  std::vector<LineResult> lines;
};

} // namespace grate::emissions
