// Regime eu (IED Annex VI Parts 6 and 8; DESIGN §3): validated half-hours, invalid days, the
// 10-day rule, column A / 97 % column B, the CO rules and BAT-AEL comparisons, hand-computed.
#include "emissions_test_support.hpp"

#include <doctest/doctest.h>

using namespace grate;
using namespace grate::emissions;
using namespace grate::test;

namespace {

const Date jan1{2025, 1, 1};

LineResult judge_eu(const LineAccumulator& acc, std::vector<const LimitSet*> comparisons = {}) {
  static const LimitSet ied = bundled("eu-ied-2010");
  JudgeOptions options;
  options.regime = Regime::Eu;
  options.primary = &ied;
  options.comparisons = std::move(comparisons);
  return judge_line(acc, options, "1", "line1.csv");
}

LineAccumulator line(std::initializer_list<Channel> channels) {
  LineAccumulator acc(AccumulatorConfig{0}); // UTC plant
  acc.set_present(mask(channels));
  return acc;
}

} // namespace

TEST_CASE("eu: half-hours minus the confidence interval, floored at 0, averaged per day") {
  auto acc = line({Channel::Nox, Channel::Dust});
  // NOx 100 everywhere: CI = 20 % × 200 = 40 → validated 60. Dust 2: CI 30 % × 10 = 3 → 0.
  add_day(acc, jan1, [](int, Record& r) {
    r.value[index(Channel::Nox)] = 100;
    r.value[index(Channel::Dust)] = 2;
    return true;
  });
  const auto result = judge_eu(acc);
  const auto& nox = daily(result, jan1, Pollutant::Nox);
  CHECK(nox.valid_half_hours == 48);
  CHECK(nox.valid);
  CHECK(*nox.mean == doctest::Approx(60.0));
  CHECK(*nox.limit == 200);
  CHECK(*daily(result, jan1, Pollutant::Dust).mean == 0);
  CHECK(result.summary(Pollutant::Nox)->compliant);
}

TEST_CASE("eu: more than 5 invalid half-hours make an invalid day; 5 do not") {
  auto acc = line({Channel::Nox});
  // Day 1: half-hours 0..4 have 22 of 30 records (< 23 = 75 %) → 5 invalid → valid day.
  // Day 2: half-hours 0..5 likewise → 6 invalid → invalid day. Plant operating throughout.
  for (int d = 1; d <= 2; ++d)
    add_day(acc, Date{2025, 1, d}, [d](int m, Record& r) {
      const int hh = m / 30, k = m % 30;
      if (hh < (d == 1 ? 5 : 6) && k >= 22)
        r.value[index(Channel::Nox)] = missing_value;
      else
        r.value[index(Channel::Nox)] = 140; // validated 100
      return true;
    });
  const auto result = judge_eu(acc);
  const auto& d1 = daily(result, jan1, Pollutant::Nox);
  CHECK(d1.invalid_half_hours == 5);
  CHECK(d1.valid_half_hours == 43);
  CHECK(d1.valid);
  CHECK(*d1.mean == doctest::Approx(100.0));
  const auto& d2 = daily(result, Date{2025, 1, 2}, Pollutant::Nox);
  CHECK(d2.invalid_half_hours == 6);
  CHECK_FALSE(d2.valid);
  CHECK(result.summary(Pollutant::Nox)->invalid_days == 1);
}

TEST_CASE("eu: half-hours without operation are neither valid nor invalid") {
  auto acc = line({Channel::Nox});
  // Plant stopped for half-hours 0..9 (no normal records), then operating with data.
  add_day(acc, jan1, [](int m, Record& r) {
    if (m < 300)
      r.state = State::Stopped;
    r.value[index(Channel::Nox)] = 140;
    return true;
  });
  const LineResult result = judge_eu(acc);
  const auto& v = daily(result, jan1, Pollutant::Nox);
  CHECK(v.invalid_half_hours == 0);
  CHECK(v.valid_half_hours == 38);
  CHECK(v.valid);
}

TEST_CASE("eu: at most 10 invalid days a year; 11 fail") {
  for (int invalid_days : {10, 11}) {
    auto acc = line({Channel::Nox});
    for (int d = 1; d <= 20; ++d)
      add_day(acc, Date{2025, 1, d}, [&](int m, Record& r) {
        // invalid days: every half-hour has only 20 records
        if (d <= invalid_days && m % 30 >= 20)
          r.value[index(Channel::Nox)] = missing_value;
        else
          r.value[index(Channel::Nox)] = 100;
        return true;
      });
    const auto result = judge_eu(acc);
    const auto* s = result.summary(Pollutant::Nox);
    CHECK(s->invalid_days == invalid_days);
    CHECK(s->too_many_invalid_days == (invalid_days > 10));
    CHECK(s->compliant == (invalid_days <= 10));
  }
}

TEST_CASE("eu: a daily average above the daily limit fails; equal does not") {
  auto acc = line({Channel::So2});
  // SO2 daily 50, CI 20 % × 50 = 10: raw 60 → validated 50 = limit (not above);
  // raw 60.5 → 50.5 (above).
  add_day(acc, jan1, [](int, Record& r) {
    r.value[index(Channel::So2)] = 60;
    return true;
  });
  add_day(acc, Date{2025, 1, 2}, [](int, Record& r) {
    r.value[index(Channel::So2)] = 60.5;
    return true;
  });
  const auto result = judge_eu(acc);
  CHECK_FALSE(daily(result, jan1, Pollutant::So2).exceeds);
  CHECK(daily(result, Date{2025, 1, 2}, Pollutant::So2).exceeds);
  const auto* s = result.summary(Pollutant::So2);
  CHECK(s->exceedance_days == 1);
  CHECK_FALSE(s->compliant);
}

TEST_CASE("eu: column A, or 97 % of half-hours within column B") {
  // 3 days = 144 half-hours of NOx at raw 100 (validated 60). Raw 300 → 260 (> B 200, ≤ A 400);
  // raw 500 → 460 (> A).
  const auto run = [](int above_b_only, int above_a) {
    auto acc = line({Channel::Nox});
    int placed_b = 0, placed_a = 0;
    for (int d = 1; d <= 3; ++d)
      add_day(acc, Date{2025, 1, d}, [&](int m, Record& r) {
        const int hh = (d - 1) * 48 + m / 30;
        double v = 100;
        if (hh % 10 == 5 && hh / 10 < above_b_only)
          v = 300;
        if (hh % 10 == 7 && hh / 10 < above_a)
          v = 500;
        r.value[index(Channel::Nox)] = v;
        if (m % 30 == 29) {
          placed_b += v == 300;
          placed_a += v == 500;
        }
        return true;
      });
    CHECK(placed_b == above_b_only);
    CHECK(placed_a == above_a);
    return *judge_eu(acc).summary(Pollutant::Nox);
  };
  // 4 above B, none above A: compliant (column A holds) though 140 / 144 = 97.2 %.
  auto s = run(4, 0);
  CHECK(s.half_hours_above_a == 0);
  CHECK(s.half_hours_above_b == 4);
  CHECK(s.compliant);
  // 3 above B + 1 above A (which is also above B): 140 / 144 = 97.2 % ≥ 97 % → compliant.
  s = run(3, 1);
  CHECK(s.half_hours_above_a == 1);
  CHECK(s.half_hours_above_b == 4);
  CHECK(*s.share_within_b == doctest::Approx(140.0 / 144));
  CHECK(s.compliant);
  // 4 above B + 1 above A: 139 / 144 = 96.5 % < 97 % → fails.
  s = run(4, 1);
  CHECK(s.half_hours_above_b == 5);
  CHECK_FALSE(s.compliant);
}

TEST_CASE("eu: CO needs 97 % of daily averages within 50") {
  // CO CI = 10 % × 50 = 5. 34 days: raw 25 (validated 20); 1 day raw 65 (60 > 50).
  // 33 / 34 = 97.06 % ≥ 97 % → compliant; with 2 such days 32 / 34 = 94.1 % → fails.
  for (int high_days : {1, 2}) {
    auto acc = line({Channel::Co});
    for (int d = 1; d <= 34; ++d)
      add_day(acc, Date{2025, 1, d}, [&](int, Record& r) {
        r.value[index(Channel::Co)] = d <= high_days ? 65 : 25;
        return true;
      });
    const auto result = judge_eu(acc);
    const auto* s = result.summary(Pollutant::Co);
    CHECK(s->exceedance_days == high_days);
    CHECK(s->compliant == (high_days == 1));
  }
}

TEST_CASE("eu: CO 10-minute rule, or every half-hour within 100, in each 24 h") {
  const auto run = [](int high_ten_minutes, double high_value) {
    auto acc = line({Channel::Co});
    // 144 ten-minute periods; the first `high_ten_minutes` of them at `high_value` (raw),
    // the rest at 25. CI 5.
    add_day(acc, jan1, [&](int m, Record& r) {
      r.value[index(Channel::Co)] = m / 10 < high_ten_minutes ? high_value : 25;
      return true;
    });
    return *judge_eu(acc).summary(Pollutant::Co);
  };
  // 7 ten-minute periods at 160 (validated 155 > 150): 137 / 144 = 95.1 % within → holds.
  CHECK(run(7, 160).co_days_failing_short_term == 0);
  // 8 at 160: 136 / 144 = 94.4 % and half-hours above 100 → the day fails.
  CHECK(run(8, 160).co_days_failing_short_term == 1);
  // 8 at 104 (validated 99 ≤ 150 anyway, and every half-hour ≤ 100) → holds.
  CHECK(run(8, 104).co_days_failing_short_term == 0);
}

TEST_CASE("eu: daily means compared with BAT-AEL upper ends") {
  static const LimitSet bat_new = bundled("eu-bat-2019-new");
  static const LimitSet bat_old = bundled("eu-bat-2019-existing");
  auto acc = line({Channel::Nox});
  // Validated daily means 100, 130, 160 (raw + 40): new 120 → 1 within; existing 150 → 2.
  for (int d = 1; d <= 3; ++d)
    add_day(acc, Date{2025, 1, d}, [&](int, Record& r) {
      r.value[index(Channel::Nox)] = 110 + 30 * d;
      return true;
    });
  const auto result = judge_eu(acc, {&bat_new, &bat_old});
  const auto* s = result.summary(Pollutant::Nox);
  REQUIRE(s->comparisons.size() == 3); // the primary eu-ied-2010 first: 200, none above
  CHECK(s->comparisons[0].limit_set == "eu-ied-2010");
  CHECK(s->comparisons[0].days_above == 0);
  CHECK(s->comparisons[1].days_above == 2);
  CHECK(*s->comparisons[1].share_within == doctest::Approx(1.0 / 3));
  CHECK(s->comparisons[2].days_above == 1);
  CHECK(*s->comparisons[2].limit == 150);
}
