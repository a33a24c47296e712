// Calendar dates and civil-time arithmetic (proleptic Gregorian, no time zone database: grate
// works with fixed UTC offsets as CEMS files carry them). Pure functions, no I/O.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace grate {

struct Date {
  int year = 1970;
  int month = 1; ///< 1..12
  int day = 1;   ///< 1..31

  auto operator<=>(const Date&) const = default;
  /// Days since 1970-01-01 (negative before).
  [[nodiscard]] std::int64_t days_since_epoch() const;
  static Date from_days_since_epoch(std::int64_t days);
  /// "YYYY-MM-DD"
  [[nodiscard]] std::string iso() const;
};

/// Parses "YYYY-MM-DD" exactly; nullopt for anything else or an impossible date.
std::optional<Date> parse_date(std::string_view text);

int days_in_month(int year, int month);

} // namespace grate
