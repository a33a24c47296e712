// Judgement of one line's aggregated CEMS data by regime `cn` (GB 18485-2014, HJ 75, MEE Order
// No. 10) or `eu` (IED Annex VI Part 8, with BAT-AEL comparisons), exactly as DESIGN §3 "How CEMS
// data are judged" fixes it. Pure: slots and limit sets in, a LineResult out.
#pragma once

#include "core/emissions/accumulator.hpp"
#include "core/emissions/limit_set.hpp"
#include "core/emissions/result.hpp"

#include <optional>
#include <string>
#include <vector>

namespace grate::emissions {

/// Thresholds fixed by the regulations (DESIGN §3; domain.md §2, §3, all confirmed).
inline constexpr int cn_min_valid_hours = 20;       ///< HJ 75: a valid day has ≥ 20 valid hours
inline constexpr double furnace_min_temp = 850;     ///< GB 18485-2014, MEE Order No. 10 (°C)
inline constexpr int furnace_max_low_blocks = 5;    ///< MEE Order No. 10: > 5 low blocks a day
inline constexpr int month_max_exceedance_days = 5; ///< MEE Order No. 10: > 5 days a month
inline constexpr int eu_max_invalid_half_hours = 5; ///< IED Annex VI Part 6 §1.3
inline constexpr int eu_max_invalid_days = 10;      ///< IED Annex VI Part 6 §1.3

struct JudgeOptions {
  Regime regime = Regime::Cn;
  const LimitSet* primary = nullptr; ///< the set judged against (required)
  /// Daily means compared with these sets' daily limits (BAT-AEL …); the primary set is always
  /// compared too (first), and a set given twice is compared once.
  std::vector<const LimitSet*> comparisons;
  std::optional<Date> from, to; ///< days judged (the sheet's period); default: days with data
};

/// Judges one line. `line` and `file` are copied into the result for the report.
LineResult judge_line(const LineAccumulator& data, const JudgeOptions& options, std::string line,
                      std::string file);

/// Records needed for a valid average over `seconds` at `interval_seconds`: 75 % of the expected
/// records rounded up (45 for an hour of 1-minute data, HJ 75; DESIGN §3 rule 2).
int min_records(int seconds, int interval_seconds);

/// 95th percentile by linear interpolation between closest ranks (numpy/pandas default);
/// nullopt for no values. `values` is sorted in place.
std::optional<double> percentile95(std::vector<double>& values);

/// a > b beyond floating-point noise (1e-9 relative): a value equal to a limit never exceeds it.
bool strictly_above(double a, double b);

} // namespace grate::emissions
