// Regime cn (DESIGN §3 "How CEMS data are judged", rules 1–6): hand-computed cases for every
// numbered rule and its boundary.
#include "core/emissions/measures.hpp"
#include "emissions_test_support.hpp"
#include "io/cems_reader.hpp"
#include "io/plant_reader.hpp"

#include <doctest/doctest.h>

using namespace grate;
using namespace grate::emissions;
using namespace grate::test;

namespace {

const Date jan1{2025, 1, 1};
const Date jan2{2025, 1, 2};

LineResult judge_cn(const LineAccumulator& acc, std::optional<Date> from = {},
                    std::optional<Date> to = {}) {
  static const LimitSet gb = bundled("gb18485-2014");
  JudgeOptions options;
  options.primary = &gb;
  options.from = from;
  options.to = to;
  return judge_line(acc, options, "1", "line1.csv");
}

LineAccumulator nox_line() {
  LineAccumulator acc(AccumulatorConfig{});
  acc.set_present(mask({Channel::Nox, Channel::O2}));
  return acc;
}

} // namespace

TEST_CASE("rule 1: each value is corrected with its own record's O2") {
  auto acc = nox_line();
  // minutes 0..719 at O2 16 %: 100 × (21 − 11) / (21 − 16) = 200; minutes 720..1439 at O2 6 %:
  // 150 × 10 / 15 = 100. Hourly means 200 (hours 0–11) and 100 (12–23); daily mean 150.
  add_day(acc, jan1, [](int m, Record& r) {
    r.value[index(Channel::O2)] = m < 720 ? 16 : 6;
    r.value[index(Channel::Nox)] = m < 720 ? 100 : 150;
    return true;
  });
  const auto result = judge_cn(acc);
  const auto& v = daily(result, jan1, Pollutant::Nox);
  CHECK(v.valid);
  CHECK(v.valid_hours == 24);
  CHECK(*v.mean == doctest::Approx(150.0));
  CHECK(*v.limit == 250);
  CHECK_FALSE(v.exceeds);
}

TEST_CASE("rule 1: O2 at the cap does not count, just below does; missing O2 does not count") {
  auto acc = nox_line();
  // Hour 0: 45 records at O2 19.4 (count) and 15 at 19.5 (the cap, do not count) → valid.
  // Hour 1: 44 at 19.4 and 16 at 19.5 → 44 counted → invalid.
  // Hour 2: 44 with O2, 16 with O2 missing → invalid.
  add_day(acc, jan1, [](int m, Record& r) {
    const int h = m / 60, k = m % 60;
    r.value[index(Channel::Nox)] = 16; // at 19.4: 16 × 10 / 1.6 = 100
    if (h == 0)
      r.value[index(Channel::O2)] = k < 45 ? 19.4 : 19.5;
    else if (h == 1)
      r.value[index(Channel::O2)] = k < 44 ? 19.4 : 19.5;
    else if (h == 2)
      r.value[index(Channel::O2)] = k < 44 ? 19.4 : missing_value;
    else
      return false;
    return true;
  });
  const auto result = judge_cn(acc);
  const auto& v = daily(result, jan1, Pollutant::Nox);
  CHECK(v.valid_hours == 1);
  CHECK(*v.mean == doctest::Approx(100.0));
  CHECK_FALSE(v.valid);
}

TEST_CASE("rule 1: a flag other than N, or a state other than normal, keeps the record out") {
  auto acc = nox_line();
  // Every hour: 45 normal N-flagged records of 100, then 15 records of 1000 that must not count
  // (5 flagged M, 5 in 'drying', 5 in 'stopped'). Counted ones give 100 exactly.
  add_day(acc, jan1, [](int m, Record& r) {
    const int k = m % 60;
    r.value[index(Channel::Nox)] = k < 45 ? 100 : 1000;
    if (k >= 45 && k < 50)
      r.flagged = mask({Channel::Nox});
    if (k >= 50 && k < 55)
      r.state = State::Drying;
    if (k >= 55)
      r.state = State::Stopped;
    return true;
  });
  const auto result = judge_cn(acc);
  const auto& v = daily(result, jan1, Pollutant::Nox);
  CHECK(v.valid_hours == 24);
  CHECK(*v.mean == doctest::Approx(100.0));
  CHECK(result.exempt.hours == 0); // drying and stopped are not exempt time
}

TEST_CASE("rule 2: 45 counted records make a valid hour, 44 do not") {
  auto acc = nox_line();
  // Hours 0..19: 45 records; hour 20: 44 records; others empty. 20 valid hours → valid day.
  add_day(acc, jan1, [](int m, Record& r) {
    const int h = m / 60, k = m % 60;
    if (h < 20 && k >= 45)
      return false;
    if (h == 20 && k >= 44)
      return false;
    if (h > 20)
      return false;
    r.value[index(Channel::Nox)] = h == 20 ? 900 : 100;
    return true;
  });
  const auto result = judge_cn(acc);
  const auto& v = daily(result, jan1, Pollutant::Nox);
  CHECK(v.valid_hours == 20);
  CHECK(v.valid);
  CHECK(*v.mean == doctest::Approx(100.0)); // hour 20 (900) is invalid and left out
}

TEST_CASE("rule 3: 20 valid hours make a valid day, 19 do not; the mean is of hourly means") {
  auto acc = nox_line();
  // Jan 1: hours 0..18 full at 100, hour 19 with 45 records of 200 → 20 valid hours,
  // mean of hourly means (19 × 100 + 200) / 20 = 105 (a mean of records would give
  // (1140 × 100 + 45 × 200) / 1185 = 103.80).
  add_day(acc, jan1, [](int m, Record& r) {
    const int h = m / 60, k = m % 60;
    if (h > 19 || (h == 19 && k >= 45))
      return false;
    r.value[index(Channel::Nox)] = h == 19 ? 200 : 100;
    return true;
  });
  // Jan 2: 19 full hours → not valid.
  add_day(acc, jan2, [](int m, Record& r) {
    if (m / 60 >= 19)
      return false;
    r.value[index(Channel::Nox)] = 300;
    return true;
  });
  const auto result = judge_cn(acc);
  const auto& d1 = daily(result, jan1, Pollutant::Nox);
  CHECK(d1.valid);
  CHECK(*d1.mean == doctest::Approx(105.0));
  const auto& d2 = daily(result, jan2, Pollutant::Nox);
  CHECK(d2.valid_hours == 19);
  CHECK_FALSE(d2.valid);
  CHECK_FALSE(d2.exceeds); // 300 > 250, but the day is not valid
  const auto* s = result.summary(Pollutant::Nox);
  CHECK(s->valid_days == 1);
  CHECK(s->operating_days == 2);
  CHECK(*s->valid_day_share == doctest::Approx(0.5));
  CHECK(s->exceedance_days == 0);
}

TEST_CASE("rule 3: a daily mean equal to the limit is not an exceedance, above it is") {
  auto acc = nox_line();
  add_day(acc, jan1, [](int, Record& r) {
    r.value[index(Channel::Nox)] = 250; // O2 11 %: factor 1, mean exactly 250 = limit
    return true;
  });
  add_day(acc, jan2, [](int, Record& r) {
    r.value[index(Channel::Nox)] = 250.1;
    return true;
  });
  const auto result = judge_cn(acc);
  CHECK_FALSE(daily(result, jan1, Pollutant::Nox).exceeds);
  CHECK(daily(result, jan2, Pollutant::Nox).exceeds);
  CHECK(result.summary(Pollutant::Nox)->exceedance_days == 1);
  CHECK(result.exceedance_days_total == 1);
}

TEST_CASE("rule 3: exceedance days per month, a month with more than 5 is flagged") {
  auto acc = nox_line();
  // January: days 1..6 at 260 (6 exceedance days → flagged); February: days 1..5 (5 → not).
  for (int d = 1; d <= 6; ++d)
    add_day(acc, Date{2025, 1, d}, [](int, Record& r) {
      r.value[index(Channel::Nox)] = 260;
      return true;
    });
  for (int d = 1; d <= 5; ++d)
    add_day(acc, Date{2025, 2, d}, [](int, Record& r) {
      r.value[index(Channel::Nox)] = 260;
      return true;
    });
  const auto result = judge_cn(acc, Date{2025, 1, 1}, Date{2025, 2, 28});
  REQUIRE(result.months.size() == 2);
  CHECK(result.months[0].exceedance_days == 6);
  CHECK(result.months[0].flagged);
  CHECK(result.months[1].exceedance_days == 5);
  CHECK_FALSE(result.months[1].flagged);
  // Period Jan 1 – Feb 28 = 59 days, each with a daily entry (days without data: not valid).
  CHECK(result.daily.size() == 59);
  CHECK(result.summary(Pollutant::Nox)->operating_days == 11);
}

TEST_CASE("rule 4: 5-minute blocks, a block mean of exactly 850 is not low, > 5 low a day") {
  LineAccumulator acc(AccumulatorConfig{});
  acc.set_present(mask({Channel::FurnaceTemp}));
  // Jan 1: blocks 0..5 (6 blocks) mean 849.5 (849 and 850 alternating over 5 minutes:
  // 849, 850, 849, 850, 849 → mean 849.4) → low; block 6: 849, 851, 850, 850, 850 → mean 850,
  // not low. 6 low blocks → violation day. Jan 2: 5 low blocks → no violation day.
  add_day(acc, jan1, [](int m, Record& r) {
    const int block = m / 5, k = m % 5;
    double t = 900;
    if (block < 6)
      t = k % 2 == 0 ? 849 : 850;
    if (block == 6)
      t = k == 0 ? 849 : k == 1 ? 851 : 850;
    r.value[index(Channel::FurnaceTemp)] = t;
    return true;
  });
  add_day(acc, jan2, [](int m, Record& r) {
    r.value[index(Channel::FurnaceTemp)] = m / 5 < 5 ? 800 : 900;
    return true;
  });
  const auto result = judge_cn(acc);
  CHECK(result.furnace.blocks == 2 * 288);
  CHECK(result.furnace.low_blocks == 11);
  CHECK(result.furnace.violation_days == 1);
  REQUIRE(result.furnace.low_blocks_by_day.size() == 2);
  CHECK(result.furnace.low_blocks_by_day[0].second == 6);
}

TEST_CASE("rule 4: only normal records make blocks; blocks are clock-aligned") {
  LineAccumulator acc(AccumulatorConfig{});
  acc.set_present(mask({Channel::FurnaceTemp}));
  // Minutes 3..7 at 700 straddle blocks 0 (00:00–00:05) and 1 (00:05–00:10): block 0 = 900,
  // 900, 900, 700, 700 → 820 (low); block 1 = 700, 700, 700, 900, 900 → 780 (low).
  // Minutes 10..14 at 700 but in start-up: not normal, block 2 has no record.
  add_day(acc, jan1, [](int m, Record& r) {
    r.value[index(Channel::FurnaceTemp)] = (m >= 3 && m <= 7) || (m >= 10 && m < 15) ? 700 : 900;
    if (m >= 10 && m < 15)
      r.state = State::Startup;
    return true;
  });
  const auto result = judge_cn(acc);
  CHECK(result.furnace.low_blocks == 2);
  CHECK(result.furnace.blocks == 287);
}

TEST_CASE("rule 5: a fault of 4 h 1 min exceeds the episode budget by one judged minute") {
  auto acc = nox_line();
  // Minutes 0..240 (241 records) in fault with NOx 1000; the rest normal at 100.
  // The 241st fault minute (00:04:00 local hour 4) is beyond 4 h and is judged as normal.
  add_day(acc, jan1, [](int m, Record& r) {
    r.state = m <= 240 ? State::Fault : State::Normal;
    r.value[index(Channel::Nox)] = m <= 240 ? 1000 : 100;
    return true;
  });
  const auto result = judge_cn(acc);
  CHECK(result.exempt.episodes == 1);
  CHECK(result.exempt.episodes_over_budget == 1);
  CHECK(result.exempt.hours == doctest::Approx(241.0 / 60));
  CHECK(result.exempt.beyond_budget_hours == doctest::Approx(1.0 / 60));
  CHECK(result.exempt.longest_episode_hours == doctest::Approx(241.0 / 60));
  CHECK(result.exempt.budget_exceeded());
  // Hour 4 holds the judged fault minute: (1000 + 59 × 100) / 60 = 115; hours 0..3 are exempt.
  // Daily mean over 20 valid hours: (115 + 19 × 100) / 20 = 100.75.
  const auto& v = daily(result, jan1, Pollutant::Nox);
  CHECK(v.valid_hours == 20);
  CHECK(*v.mean == doctest::Approx(100.75));
}

TEST_CASE("rule 5: a fault of exactly 4 h stays within the budget") {
  auto acc = nox_line();
  add_day(acc, jan1, [](int m, Record& r) {
    r.state = m < 240 ? State::Fault : State::Normal;
    r.value[index(Channel::Nox)] = 100;
    return true;
  });
  const auto result = judge_cn(acc);
  CHECK(result.exempt.episodes_over_budget == 0);
  CHECK(result.exempt.beyond_budget_hours == 0);
  CHECK_FALSE(result.exempt.budget_exceeded());
  CHECK(daily(result, jan1, Pollutant::Nox).valid_hours == 20);
}

TEST_CASE("rule 5: two fault runs separated by a normal record are two episodes") {
  auto acc = nox_line();
  add_day(acc, jan1, [](int m, Record& r) {
    r.state = (m < 200 || (m > 200 && m <= 400)) ? State::Fault : State::Normal;
    r.value[index(Channel::Nox)] = 100;
    return true;
  });
  const auto result = judge_cn(acc);
  CHECK(result.exempt.episodes == 2); // 200 min and 200 min, each within 4 h
  CHECK(result.exempt.episodes_over_budget == 0);
  CHECK(result.exempt.hours == doctest::Approx(400.0 / 60));
}

TEST_CASE("rule 5: the 60 h annual budget; time beyond it is judged as normal") {
  auto acc = nox_line();
  // Start-ups (no episode budget): 3 days of 20 h start-up = 60 h exactly, then day 4 with one
  // more start-up minute (beyond the budget, judged: NOx 1000 counted).
  for (int d = 1; d <= 3; ++d)
    add_day(acc, Date{2025, 1, d}, [](int m, Record& r) {
      r.state = m < 1200 ? State::Startup : State::Normal;
      r.value[index(Channel::Nox)] = 100;
      return true;
    });
  CHECK(acc.beyond_annual_budget_seconds() == 0);
  add_day(acc, Date{2025, 1, 4}, [](int m, Record& r) {
    r.state = m == 0 ? State::Startup : State::Normal;
    r.value[index(Channel::Nox)] = m == 0 ? 1000 : 100;
    return true;
  });
  const auto result = judge_cn(acc);
  CHECK(result.exempt.hours == doctest::Approx(60 + 1.0 / 60));
  CHECK(result.exempt.within_budget_hours == doctest::Approx(60.0));
  CHECK(result.exempt.annual_budget_exceeded);
  // Jan 4 hour 0: (1000 + 59 × 100) / 60 = 115; day: (115 + 23 × 100) / 24 = 100.625.
  CHECK(*daily(result, Date{2025, 1, 4}, Pollutant::Nox).mean == doctest::Approx(100.625));
  // The budget starts again in a new year.
  LineAccumulator next = nox_line();
  add_day(next, Date{2024, 12, 31}, [](int, Record& r) {
    r.state = State::Startup;
    r.value[index(Channel::Nox)] = 100;
    return true;
  });
  add_day(next, Date{2025, 1, 1}, [](int m, Record& r) {
    r.state = m < 1440 ? State::Startup : State::Normal;
    return true;
  });
  CHECK(next.beyond_annual_budget_seconds() == 0); // 24 h + 24 h in two years
}

TEST_CASE("rule 6: hourly means above the 1-hour limit are alarms") {
  auto acc = nox_line();
  // Hour 0 at 301 (> 300: alarm), hour 1 at 300 (= limit: none), others 100.
  add_day(acc, jan1, [](int m, Record& r) {
    const int h = m / 60;
    r.value[index(Channel::Nox)] = h == 0 ? 301 : h == 1 ? 300 : 100;
    return true;
  });
  const auto result = judge_cn(acc);
  CHECK(daily(result, jan1, Pollutant::Nox).hourly_alarms == 1);
  CHECK(result.summary(Pollutant::Nox)->hourly_alarms == 1);
  CHECK_FALSE(daily(result, jan1, Pollutant::Nox).exceeds); // (301 + 300 + 22 × 100) / 24
}

TEST_CASE("natural days follow the plant's zone") {
  // Plant at +08:00: local 2025-01-01 23:00–24:00 is 15:00–16:00 UTC; a record at 16:00 UTC
  // belongs to Jan 2.
  auto acc = nox_line();
  Record r;
  r.value[index(Channel::O2)] = 11;
  r.value[index(Channel::Nox)] = 100;
  r.time = Date{2025, 1, 1}.days_since_epoch() * 86400 + 15 * 3600 + 59 * 60;
  acc.add(r);
  r.time += 60;
  acc.add(r);
  REQUIRE(acc.days().size() == 2);
  CHECK(Date::from_days_since_epoch(acc.days()[0].day) == Date{2025, 1, 1});
  CHECK(acc.days()[0].slots[287].count[index(Pollutant::Nox)] == 1); // 23:55–24:00
  CHECK(acc.days()[1].slots[0].count[index(Pollutant::Nox)] == 1);
}

TEST_CASE("measures: counts summed over lines, means over all valid days, maxima over lines") {
  LineAccumulator a = nox_line(), b = nox_line();
  add_day(a, jan1, [](int, Record& r) {
    r.value[index(Channel::Nox)] = 100;
    return true;
  });
  add_day(b, jan1, [](int, Record& r) {
    r.value[index(Channel::Nox)] = 260;
    return true;
  });
  add_day(b, jan2, [](int, Record& r) {
    r.value[index(Channel::Nox)] = 130;
    return true;
  });
  static const LimitSet gb = bundled("gb18485-2014");
  static const LimitSet bat = bundled("eu-bat-2019-new");
  JudgeOptions options;
  options.primary = &gb;
  options.comparisons = {&gb, &bat};
  EmissionsResult result;
  result.limit_set = "gb18485-2014";
  result.lines.push_back(judge_line(a, options, "1", "a.csv"));
  result.lines.push_back(judge_line(b, options, "2", "b.csv"));
  StackTest test;
  test.pollutant = "pcdd_f";
  test.value = 0.02;
  test.o2_percent = 16; // 0.02 × 10 / 5 = 0.04
  const Measures m = emission_measures(result, {test});
  CHECK(m.at("emissions.exceedance_days_total").value == 1);
  CHECK(m.at("emissions.nox.exceedance_days").value == 1);
  // valid daily means 100, 260, 130 → mean 163.33; max 260; p95: sorted 100, 130, 260,
  // position 0.95 × 2 = 1.9 → 130 + 0.9 × 130 = 247.
  CHECK(m.at("emissions.nox.mean").value == doctest::Approx(490.0 / 3));
  CHECK(m.at("emissions.nox.max_daily").value == 260);
  CHECK(m.at("emissions.nox.p95_daily").value == doctest::Approx(247.0));
  CHECK(m.at("emissions.nox.valid_day_share").value == 1);
  // within 250: 100 and 130 of 3 days; within BAT new (120): only 100 → 1/3.
  CHECK(m.at("emissions.nox.share_days_within.gb18485-2014").value == doctest::Approx(2.0 / 3));
  CHECK(m.at("emissions.nox.share_days_within.eu-bat-2019-new").value == doctest::Approx(1.0 / 3));
  CHECK(m.at("stack_tests.pcdd_f.max").value == doctest::Approx(0.04));
  CHECK(m.at("operation.exempt_budget_exceeded").value == 0);
  CHECK(m.count("emissions.dust.mean") == 0); // no dust column: no measure, never a zero
}

TEST_CASE("the hand-computed case of tests/golden/emissions-handmade gives its README's values") {
  io::SourceRegistry sources;
  Diagnostics d;
  const auto sheet = io::read_plant_sheet(
      GRATE_SOURCE_DIR "/tests/golden/emissions-handmade/plant.yaml", sources, d);
  REQUIRE(sheet);
  static const LimitSet gb = bundled("gb18485-2014");
  io::EmissionsRequest request;
  request.primary = &gb;
  const auto result = io::evaluate_emissions(*sheet, request, d);
  REQUIRE(result);
  CHECK(d.empty());
  REQUIRE(result->lines.size() == 1);
  const LineResult& l = result->lines[0];
  const Date mar1{2025, 3, 1}, mar2{2025, 3, 2};
  CHECK(*daily(l, mar1, Pollutant::Nox).mean == doctest::Approx(2200.0 / 21));
  CHECK(daily(l, mar1, Pollutant::Nox).valid_hours == 21);
  CHECK(*daily(l, mar1, Pollutant::Dust).mean == doctest::Approx(115.0 / 22));
  CHECK(*daily(l, mar2, Pollutant::Dust).mean == doctest::Approx(25.5625));
  CHECK(daily(l, mar2, Pollutant::Dust).valid_hours == 20);
  CHECK(daily(l, mar2, Pollutant::Dust).exceeds);
  CHECK(daily(l, mar2, Pollutant::Dust).hourly_alarms == 1);
  CHECK_FALSE(daily(l, mar2, Pollutant::Nox).valid);
  CHECK(daily(l, mar2, Pollutant::Nox).valid_hours == 15);
  CHECK(l.furnace.blocks == 504);
  CHECK(l.furnace.low_blocks == 11);
  CHECK(l.furnace.violation_days == 1);
  CHECK(l.exempt.hours == doctest::Approx(361.0 / 60));
  CHECK(l.exempt.longest_episode_hours == doctest::Approx(241.0 / 60));
  CHECK(l.exempt.beyond_budget_hours == doctest::Approx(1.0 / 60));
  CHECK(l.exceedance_days_total == 1);
  REQUIRE(l.months.size() == 1);
  CHECK(l.months[0].exceedance_days == 1);
}

TEST_CASE("evaluation diagnostics: E520 no cems block, E465 files of a line differ, W641, W643") {
  io::SourceRegistry sources;
  Diagnostics d;
  auto sheet = io::read_plant_sheet(GRATE_SOURCE_DIR "/tests/golden/emissions-handmade/plant.yaml",
                                    sources, d);
  REQUIRE(sheet);
  static const LimitSet gb = bundled("gb18485-2014");
  io::EmissionsRequest request;
  request.primary = &gb;

  PlantSheet without = *sheet;
  without.cems.clear();
  Diagnostics d1;
  CHECK_FALSE(io::evaluate_emissions(without, request, d1));
  REQUIRE(d1.size() == 1);
  CHECK(d1.items()[0].code == "E520");

  PlantSheet twice = *sheet;
  twice.cems.push_back(twice.cems.front());
  twice.cems.back().o2_cap = 19;
  Diagnostics d2;
  CHECK_FALSE(io::evaluate_emissions(twice, request, d2));
  REQUIRE(d2.size() == 1);
  CHECK(d2.items()[0].code == "E465");

  // Period Mar 2 – Mar 3: the 1440 records of Mar 1 lie outside (W641); Mar 3 has none (W643).
  PlantSheet shifted = *sheet;
  shifted.period.from = Date{2025, 3, 2};
  shifted.period.to = Date{2025, 3, 3};
  Diagnostics d3;
  const auto result = io::evaluate_emissions(shifted, request, d3);
  REQUIRE(result);
  REQUIRE(d3.size() == 2);
  CHECK(d3.items()[0].code == "W643");
  CHECK(d3.items()[0].message ==
        "line '1' has records on 1 of the 2 days of the period 2025-03-02 to 2025-03-03");
  CHECK(d3.items()[1].code == "W641");
  CHECK(d3.items()[1].message == "1440 record(s) of line '1' lie outside the period 2025-03-02 "
                                 "to 2025-03-03 and are not judged");
  CHECK(result->lines[0].daily.size() == 4); // 2 days × dust, nox
}
