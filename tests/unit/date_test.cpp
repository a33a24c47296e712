#include "core/date.hpp"

#include <doctest/doctest.h>

using namespace grate;

TEST_CASE("days since epoch round-trip, leap years included") {
  CHECK(Date{1970, 1, 1}.days_since_epoch() == 0);
  CHECK(Date{2000, 3, 1}.days_since_epoch() ==
        11017); // 30 years × 365 + 7 leap days + 59 (Jan, Feb 2000)
  CHECK(Date{1969, 12, 31}.days_since_epoch() == -1);
  for (std::int64_t d = -800; d < 20000; d += 37)
    CHECK(Date::from_days_since_epoch(d).days_since_epoch() == d);
  CHECK(Date::from_days_since_epoch(Date{2024, 2, 29}.days_since_epoch()) == Date{2024, 2, 29});
}

TEST_CASE("parse_date is exact") {
  CHECK(parse_date("2025-12-31") == Date{2025, 12, 31});
  CHECK(parse_date("2024-02-29") == Date{2024, 2, 29});
  CHECK_FALSE(parse_date("2025-02-29"));
  CHECK_FALSE(parse_date("1900-02-29"));
  CHECK(parse_date("2000-02-29"));
  CHECK_FALSE(parse_date("2025-13-01"));
  CHECK_FALSE(parse_date("2025-1-01"));
  CHECK_FALSE(parse_date("2025-01-01T00:00"));
  CHECK(Date{2025, 1, 2}.iso() == "2025-01-02");
}
