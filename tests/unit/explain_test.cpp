// grate explain: points lost per criterion and the cheapest way to the next grade, on a small
// system whose answers are computed by hand below.
#include "core/explain.hpp"
#include "io/plant_reader.hpp"
#include "io/system_reader.hpp"

#include <doctest/doctest.h>

using namespace grate;

namespace {

// Four leaves on a 0..10 scale worth 40, 30, 20 and 10 points: a fact of v scores v/10 × points.
const char* system_text = R"(schema: indicator-system/1
id: explain-test
title: T
edition: 1.0.0
conditions:
  - id: no_incident
    condition: {fact: incident, equals: false}
eligibility:
  - id: operating
    condition: {fact: operating_years, at_least: 1}
vetoes:
  - id: accident
    condition: {fact: accident, equals: true}
    effect: {cap: B}
  - id: fraud
    condition: {fact: fraud, equals: true}
    effect: {void: true}
grading:
  - {grade: A, min_score: 90, requires: [no_incident]}
  - {grade: B, min_score: 70}
  - {grade: C, min_score: 0}
criteria:
  - {id: a, points: 40, indicator: {fact: a}, scoring: {type: scale, min: 0, max: 10}}
  - {id: b, points: 30, indicator: {fact: b}, scoring: {type: scale, min: 0, max: 10}}
  - {id: c, points: 20, indicator: {fact: c}, scoring: {type: scale, min: 0, max: 10}}
  - {id: d, points: 10, indicator: {fact: d}, scoring: {type: scale, min: 0, max: 10}}
)";

struct Run {
  IndicatorSystem system;
  Evaluation evaluation;
};

Run run(double a, double b, double c, double d, bool incident = false, bool accident = false,
        double operating_years = 5, bool fraud = false) {
  Diagnostics diagnostics;
  auto system_root = io::parse_yaml(system_text, "s.yaml", diagnostics);
  REQUIRE(system_root);
  auto system = io::parse_indicator_system(*system_root, "s.yaml", diagnostics);
  REQUIRE(system);
  const std::string plant_text = "schema: plant-data/1\nplant: {id: p, capacity_tpd: 800}\nperiod: "
                                 "{from: 2025-01-01, to: 2025-12-31}\nfacts:\n" +
                                 std::string("  a: ") + std::to_string(a) +
                                 "\n  b: " + std::to_string(b) + "\n  c: " + std::to_string(c) +
                                 "\n  d: " + std::to_string(d) +
                                 "\n  incident: " + (incident ? "true" : "false") +
                                 "\n  accident: " + (accident ? "true" : "false") +
                                 "\n  fraud: " + (fraud ? "true" : "false") +
                                 "\n  operating_years: " + std::to_string(operating_years) + "\n";
  auto plant_root = io::parse_yaml(plant_text, "p.yaml", diagnostics);
  REQUIRE(plant_root);
  auto sheet = io::parse_plant_sheet(*plant_root, "p.yaml", diagnostics);
  REQUIRE(sheet);
  static const Measures measures;
  static const LimitTable limits;
  Run out{std::move(*system), {}};
  out.evaluation = evaluate({out.system, *sheet, measures, limits, Date{2025, 12, 31}});
  REQUIRE_FALSE(out.evaluation.diagnostics.has_errors());
  return out;
}

std::vector<std::string> paths(const std::vector<PointLoss>& losses) {
  std::vector<std::string> out;
  for (const auto& p : losses)
    out.push_back(p.node->criterion->path);
  return out;
}

} // namespace

TEST_CASE("losses sorted, next grade B: the one smallest loss that closes the gap") {
  // a = 8 → 32 (lost 8), b = 5 → 15 (lost 15), c = 7 → 14 (lost 6), d = 0 → 0 (lost 10).
  // Score 61 → C; B needs 70: 9 missing. One leaf suffices (b: 15 ≥ 9); the smallest single loss
  // that still covers 9 is d (10), not b (15), which largest-first would pick.
  const Run r = run(8, 5, 7, 0);
  CHECK(r.evaluation.score == doctest::Approx(61));
  const Explanation x = explain(r.system, r.evaluation);
  CHECK(x.grade == "C");
  CHECK(x.total_lost == doctest::Approx(39));
  CHECK(paths(x.leaves) == std::vector<std::string>{"b", "d", "a", "c"});
  CHECK(x.leaves[0].lost == doctest::Approx(15));
  REQUIRE(x.next);
  CHECK(x.next->grade == "B");
  CHECK(x.next->points_missing == doctest::Approx(9));
  CHECK(x.next->reachable_by_points());
  CHECK(paths(x.next->plan) == std::vector<std::string>{"d"});
  CHECK(x.next->plan_points == doctest::Approx(10));
}

TEST_CASE("two leaves: the largest, then the smallest that covers the rest") {
  // a = 10 → 40, b = 5 → 15 (lost 15), c = 5 → 10 (lost 10), d = 5 → 5 (lost 5): score 70 → B.
  // A needs 90: 20 missing. b alone (15) falls short; b + c = 25 covers it, so two leaves; after
  // b, 5 remain and d (5) is the smallest loss covering them: plan b, d = exactly 20.
  const Run r = run(10, 5, 5, 5);
  const Explanation x = explain(r.system, r.evaluation);
  CHECK(x.grade == "B");
  REQUIRE(x.next);
  CHECK(x.next->grade == "A");
  CHECK(x.next->points_missing == doctest::Approx(20));
  CHECK(paths(x.next->plan) == std::vector<std::string>{"b", "d"});
  CHECK(x.next->plan_points == doctest::Approx(20));
  CHECK(x.next->blockers.empty());
}

TEST_CASE("a requires not met and a capping veto block the next grade") {
  // Same points as above, but the incident breaks A's 'requires' and the accident caps at B.
  const Run r = run(10, 5, 5, 5, /*incident=*/true, /*accident=*/true);
  const Explanation x = explain(r.system, r.evaluation);
  REQUIRE(x.next);
  CHECK(x.next->grade == "A");
  CHECK_FALSE(x.next->reachable_by_points());
  REQUIRE(x.next->blockers.size() == 2);
  CHECK(x.next->blockers[0].kind == GradeBlocker::Kind::Cap);
  CHECK(x.next->blockers[0].id == "accident");
  CHECK(x.next->blockers[0].cap == "B");
  CHECK(x.next->blockers[1].kind == GradeBlocker::Kind::Requires);
  CHECK(x.next->blockers[1].id == "no_incident");
}

TEST_CASE("capped grade: the next band is already reached by score, the veto is the gap") {
  // a, b, c, d full but 5 lost on d: score 95 → band A (no incident), capped at B by the accident.
  const Run r = run(10, 10, 10, 5, false, true);
  const Explanation x = explain(r.system, r.evaluation);
  CHECK(x.band_grade == "A");
  CHECK(x.grade == "B");
  REQUIRE(x.next);
  CHECK(x.next->grade == "A");
  CHECK(x.next->points_missing == 0);
  CHECK(x.next->plan.empty());
  REQUIRE(x.next->blockers.size() == 1);
  CHECK(x.next->blockers[0].kind == GradeBlocker::Kind::Cap);
}

TEST_CASE("ineligible and voided plants: the next grade is the lowest band, blocked") {
  const Run ineligible = run(10, 10, 10, 10, false, false, /*operating_years=*/0.5);
  const Explanation x = explain(ineligible.system, ineligible.evaluation);
  CHECK_FALSE(x.grade);
  REQUIRE(x.next);
  CHECK(x.next->grade == "C");
  REQUIRE(x.next->blockers.size() == 1);
  CHECK(x.next->blockers[0].kind == GradeBlocker::Kind::Ineligible);
  CHECK(x.next->blockers[0].id == "operating");

  const Run voided = run(10, 10, 10, 10, false, false, 5, /*fraud=*/true);
  const Explanation v = explain(voided.system, voided.evaluation);
  REQUIRE(v.next);
  CHECK(v.next->grade == "C");
  REQUIRE(v.next->blockers.size() == 1);
  CHECK(v.next->blockers[0].kind == GradeBlocker::Kind::Void);
}

TEST_CASE("the top grade has no next grade; losses per part") {
  const Run r = run(10, 10, 9, 10); // 98 → A; c lost 2
  const Explanation x = explain(r.system, r.evaluation);
  CHECK(x.grade == "A");
  CHECK_FALSE(x.next);
  CHECK(paths(x.leaves) == std::vector<std::string>{"c"});
  CHECK(paths(x.top_level) == std::vector<std::string>{"c"}); // top-level leaves are parts too
}

TEST_CASE("fewest_to_close on plain numbers") {
  auto losses = [](std::vector<double> values) {
    std::vector<PointLoss> out;
    for (double v : values)
      out.push_back({nullptr, v});
    return out;
  };
  auto lost = [](const std::vector<PointLoss>& plan) {
    std::vector<double> out;
    for (const auto& p : plan)
      out.push_back(p.lost);
    return out;
  };
  // 10, 6, 5, 4 and a gap of 13: two leaves (10 + 6 = 16); after 10, 3 remain: 4 covers them.
  CHECK(lost(fewest_to_close(losses({4, 10, 5, 6}), 13)) == std::vector<double>{10, 4});
  // Exactly the sum of the two largest.
  CHECK(lost(fewest_to_close(losses({4, 10, 5, 6}), 16)) == std::vector<double>{10, 6});
  // No gap, no plan; a gap larger than every loss together: all of them.
  CHECK(fewest_to_close(losses({4, 10}), 0).empty());
  CHECK(lost(fewest_to_close(losses({4, 10}), 20)) == std::vector<double>{10, 4});
}
