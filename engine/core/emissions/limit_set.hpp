// Limit sets (`schema: limit-set/1`, criteria/limits/*.yaml) as a model: per pollutant and
// averaging period a value, possibly dated (value in force from a date of effect), each citing its
// clause. Lookups only; reading YAML is grate::io's job (io/limit_set_reader.hpp).
#pragma once

#include "core/date.hpp"
#include "core/diagnostic.hpp"
#include "core/emissions/channels.hpp"
#include "core/text.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace grate::emissions {

/// One value of a limit in force from `from` (inclusive) until the next entry's date.
struct DatedLimitValue {
  std::optional<Date> from; ///< nullopt: in force since always (a plain, undated value)
  double value = 0;
  std::string reference; ///< clause for this dated value ("" → the limit's reference)
  SourceLocation where;
};

struct Limit {
  std::string pollutant; ///< measure name: dust, nox … or test-only names (pcdd_f, cd_tl …)
  Averaging averaging = Averaging::Day;
  std::vector<DatedLimitValue> values; ///< sorted by date of effect, undated first
  std::string unit = "mg/m3";
  double o2_reference = 11; ///< % O2 the value refers to
  /// Share of the period's averages that must be within the value: 1 (every one) by default;
  /// 0.97 for IED column B half-hours and CO daily averages (IED Annex VI Part 8).
  double compliance_share = 1;
  /// IED Annex VI Part 6 §1.3: 95 % confidence interval as a share of the daily limit, subtracted
  /// from each half-hourly average before validation (set on `day` limits of an EU set).
  std::optional<double> confidence_interval;
  std::string reference;
  bool provisional = false;
  std::string note;
  SourceLocation where;

  /// The value in force on `as_of`, or nullopt when none is (date before every date of effect).
  [[nodiscard]] std::optional<double> value_on(Date as_of) const;
  /// The entry in force on `as_of` (for citing its reference), or nullptr.
  [[nodiscard]] const DatedLimitValue* entry_on(Date as_of) const;
};

struct LimitSet {
  std::string id; ///< e.g. "gb18485-2014"
  LocalText title;
  std::string file; ///< where it was read from ("criteria/limits/<id>.yaml" when bundled)
  std::optional<Regime> regime; ///< the regime it is written for, when it says
  bool provisional = false;
  std::string last_verified_on;
  std::vector<std::string> references; ///< "id: title" lines, in file order
  std::vector<Limit> limits;
  SourceLocation where;

  /// The limit for a pollutant and averaging period, or nullptr.
  [[nodiscard]] const Limit* find(std::string_view pollutant, Averaging averaging) const;
  /// The value in force on `as_of` for `pollutant` (measure name) and `averaging`, or nullopt
  /// when the set has no such limit or none is in force on that date. Units: the limit's `unit`
  /// (mg/m3 at `o2_reference` for every CEMS pollutant of the bundled sets).
  [[nodiscard]] std::optional<double> value(std::string_view pollutant, Averaging averaging,
                                            Date as_of) const;
};

} // namespace grate::emissions
