// Scoring semantics of DESIGN §2 on small systems written inline: each rule type at its
// boundaries, roll-up, eligibility, bands with requires, vetoes, and missing data.
#include "core/evaluate.hpp"
#include "io/plant_reader.hpp"
#include "io/system_reader.hpp"

#include <doctest/doctest.h>

using namespace grate;

namespace {

const char* system_head = R"(schema: indicator-system/1
id: t
title: T
edition: 1.0.0
grading:
  - {grade: A, min_score: 50, requires: [ok]}
  - {grade: B, min_score: 0}
conditions:
  - {id: ok, condition: {fact: panel, equals: true}}
)";

struct Run {
  Evaluation evaluation;
  Diagnostics read;
};

/// Evaluates `criteria` (YAML under `criteria:`) against `facts` (YAML under `facts:`).
Run run(const std::string& criteria, const std::string& facts, const std::string& extra = "",
        bool allow_missing = false) {
  Run result;
  const std::string system_text = std::string(system_head) + extra + "criteria:\n" + criteria;
  const std::string plant_text = "schema: plant-data/1\nplant: {id: p, capacity_tpd: 800}\nperiod: "
                                 "{from: 2025-01-01, to: 2025-12-31}\n"
                                 "facts:\n" +
                                 facts;
  auto system_root = io::parse_yaml(system_text, "s.yaml", result.read);
  auto plant_root = io::parse_yaml(plant_text, "p.yaml", result.read);
  REQUIRE(system_root);
  REQUIRE(plant_root);
  auto system = io::parse_indicator_system(*system_root, "s.yaml", result.read);
  auto sheet = io::parse_plant_sheet(*plant_root, "p.yaml", result.read);
  REQUIRE_MESSAGE(system, (result.read.empty() ? "" : result.read.items()[0].message));
  REQUIRE(sheet);
  static const Measures measures;
  static const LimitTable limits;
  result.evaluation = evaluate(
      {*system, *sheet, measures, limits, Date{2025, 12, 31}, Language::En, allow_missing});
  return result;
}

std::string leaf(const std::string& scoring, const std::string& fact = "x",
                 const std::string& size = "weight: 1") {
  return "  - {id: l, " + size + ", indicator: {fact: " + fact + "}, scoring: " + scoring + "}\n";
}

} // namespace

TEST_CASE("linear: both directions, clamped") {
  // lower is better: best 10, worst 50; value 20 → (50 − 20) / (50 − 10) = 0.75
  CHECK(run(leaf("{type: linear, best: 10, worst: 50}"), "  x: 20\n").evaluation.score ==
        doctest::Approx(75));
  // higher is better: best 50, worst 10; value 20 → (20 − 10) / 40 = 0.25
  CHECK(run(leaf("{type: linear, best: 50, worst: 10}"), "  x: 20\n").evaluation.score ==
        doctest::Approx(25));
  CHECK(run(leaf("{type: linear, best: 10, worst: 50}"), "  x: 5\n").evaluation.score ==
        doctest::Approx(100));
  CHECK(run(leaf("{type: linear, best: 10, worst: 50}"), "  x: 60\n").evaluation.score ==
        doctest::Approx(0));
}

TEST_CASE("steps: first match, boundaries inclusive") {
  const auto rule = leaf(
      "{type: steps, steps: [{at_least: 3, score: 1}, {at_least: 2, score: 0.5}, {otherwise: 0}]}");
  CHECK(run(rule, "  x: 3\n").evaluation.score == doctest::Approx(100));
  CHECK(run(rule, "  x: 2.999\n").evaluation.score == doctest::Approx(50));
  CHECK(run(rule, "  x: 2\n").evaluation.score == doctest::Approx(50));
  CHECK(run(rule, "  x: 1\n").evaluation.score == doctest::Approx(0));
}

TEST_CASE("steps without otherwise: no match is E504") {
  auto r = run(leaf("{type: steps, steps: [{at_most: 5, score: 1}]}"), "  x: 6\n");
  REQUIRE(r.evaluation.diagnostics.has_errors());
  CHECK(r.evaluation.diagnostics.items()[0].code == "E504");
}

TEST_CASE("levels and an unknown level (E502 with suggestion)") {
  const auto rule = leaf("{type: levels, levels: {excellent: 1, good: 0.8, poor: 0.3}}");
  CHECK(run(rule, "  x: good\n").evaluation.score == doctest::Approx(80));
  auto r = run(rule, "  x: goood\n");
  REQUIRE(r.evaluation.diagnostics.has_errors());
  CHECK(r.evaluation.diagnostics.items()[0].code == "E502");
  CHECK(r.evaluation.diagnostics.items()[0].message ==
        "criterion 'l': 'goood' is not one of its levels; did you mean 'good'?");
}

TEST_CASE("scale: inside and outside the range") {
  CHECK(run(leaf("{type: scale, min: 0, max: 5}"), "  x: 4\n").evaluation.score ==
        doctest::Approx(80));
  auto r = run(leaf("{type: scale, min: 0, max: 5}"), "  x: 6\n");
  REQUIRE(r.evaluation.diagnostics.has_errors());
  CHECK(r.evaluation.diagnostics.items()[0].code == "E503");
}

TEST_CASE("pass_fail with all/any/not") {
  const auto rule = "  - {id: l, weight: 1, scoring: {type: pass_fail, condition: {all: [{fact: a, "
                    "equals: true}, "
                    "{not: {fact: b, greater_than: 2}}]}}}\n";
  CHECK(run(rule, "  a: true\n  b: 2\n").evaluation.score == doctest::Approx(100));
  CHECK(run(rule, "  a: true\n  b: 3\n").evaluation.score == doctest::Approx(0));
}

TEST_CASE("deductions use the leaf's own points and floor at 0") {
  // Two leaves of 3 and 1 points; p = 3: (3 − 2 × 0.5) / 3 = 2/3 → 3 × 2/3 = 2 of 75 … scaled:
  // maxima 75 and 25; score 75 × 2/3 = 50; the second leaf is full: 25 → 75.
  const std::string criteria =
      "  - {id: hall, points: 3, indicator: {findings: hall}, scoring: {type: deductions, per: "
      "{door: 0.5, sign: 5}}}\n"
      "  - {id: ok, points: 1, indicator: {fact: y}, scoring: {type: scale, min: 0, max: 1}}\n";
  Diagnostics d;
  const std::string plant = "schema: plant-data/1\nplant: {id: p}\nperiod: {from: 2025-01-01, to: "
                            "2025-12-31}\nfacts: {y: 1}\n"
                            "findings:\n  hall: [{defect: door, count: 2}]\n";
  auto sr = io::parse_yaml(std::string(system_head) + "criteria:\n" + criteria, "s.yaml", d);
  auto pr = io::parse_yaml(plant, "p.yaml", d);
  auto system = io::parse_indicator_system(*sr, "s.yaml", d);
  auto sheet = io::parse_plant_sheet(*pr, "p.yaml", d);
  REQUIRE(system);
  REQUIRE(sheet);
  const Measures m;
  const LimitTable l;
  CHECK(evaluate({*system, *sheet, m, l, Date{2025, 12, 31}}).score == doctest::Approx(75));
  sheet->findings["hall"] = {Finding{"sign", 1, {}}}; // 3 − 5 < 0 → floored at 0
  CHECK(evaluate({*system, *sheet, m, l, Date{2025, 12, 31}}).score == doctest::Approx(25));
}

TEST_CASE("missing fact: E501 names criterion and fact; allow_missing scores 0 with W601") {
  auto r = run(leaf("{type: scale, min: 0, max: 5}", "absent"), "  x: 1\n");
  REQUIRE(r.evaluation.diagnostics.has_errors());
  CHECK(r.evaluation.diagnostics.items()[0].code == "E501");
  CHECK(r.evaluation.diagnostics.items()[0].message ==
        "criterion 'l' needs fact 'absent', which the sheet does not give");
  auto lenient = run(leaf("{type: scale, min: 0, max: 5}", "absent"), "  x: 1\n", "", true);
  CHECK_FALSE(lenient.evaluation.diagnostics.has_errors());
  CHECK(lenient.evaluation.diagnostics.items()[0].code == "W601");
  CHECK(lenient.evaluation.nodes[0].missing);
  CHECK(lenient.evaluation.score == doctest::Approx(0));
}

TEST_CASE("units: a compatible unit is converted, an incompatible one refused") {
  // 2500 kg = 2.5 t; linear best 0, worst 10 (lower is better) → 0.75
  const auto rule = "  - {id: l, weight: 1, indicator: {fact: m, unit: t}, scoring: {type: linear, "
                    "best: 0, worst: 10}}\n";
  CHECK(run(rule, "  m: {value: 2500, unit: kg}\n").evaluation.score == doctest::Approx(75));
  auto r = run(rule, "  m: {value: 2500, unit: MWh}\n");
  REQUIRE(r.evaluation.diagnostics.has_errors());
  CHECK(r.evaluation.diagnostics.items()[0].code == "E507");
}

TEST_CASE("grading: band edge, requires, cap never raises, void removes") {
  const std::string extra =
      "vetoes:\n  - {id: capped, condition: {fact: c, equals: true}, effect: {cap: B}}\n"
      "  - {id: voided, condition: {fact: v, equals: true}, effect: {void: true}}\n";
  const auto rule = leaf("{type: scale, min: 0, max: 100}");
  // Band A requires the named condition 'ok' (fact panel = true).
  auto r = run(rule, "  x: 50\n  panel: true\n  c: false\n  v: false\n", extra);
  CHECK(r.evaluation.grade.value_or("") == "A"); // exactly at min_score 50
  r = run(rule, "  x: 49.99\n  panel: true\n  c: false\n  v: false\n", extra);
  CHECK(r.evaluation.grade.value_or("") == "B");
  r = run(rule, "  x: 80\n  panel: true\n  c: true\n  v: false\n", extra);
  CHECK(r.evaluation.band_grade.value_or("") == "A");
  CHECK(r.evaluation.grade.value_or("") == "B");
  r = run(rule, "  x: 80\n  panel: true\n  c: false\n  v: true\n", extra);
  CHECK_FALSE(r.evaluation.grade.has_value());
  CHECK(r.evaluation.vetoes[1].triggered == true);
  // The score reaches A, but its 'requires' fails: the next band down is granted.
  r = run(rule, "  x: 80\n  panel: false\n  c: false\n  v: false\n", extra);
  CHECK(r.evaluation.bands[0].score_reached);
  CHECK_FALSE(r.evaluation.bands[0].granted);
  CHECK(r.evaluation.grade.value_or("") == "B");
}

TEST_CASE("eligibility: a failed gate means no grade, but scores are still shown") {
  const std::string extra = "eligibility:\n  - {id: year, condition: {fact: years, at_least: 1}}\n";
  auto r = run(leaf("{type: scale, min: 0, max: 100}"), "  x: 90\n  years: 0.5\n", extra);
  CHECK_FALSE(r.evaluation.eligible);
  CHECK_FALSE(r.evaluation.grade.has_value());
  CHECK(r.evaluation.score == doctest::Approx(90));
}
