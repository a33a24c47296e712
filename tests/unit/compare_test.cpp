// grate compare: reading grate-report/1 JSON leniently but checked, and the year-over-year
// difference of two hand-edited reports (tests/golden/compare-years/old.json and new.json).
#include "io/compare.hpp"

#include <doctest/doctest.h>

using namespace grate;

namespace {

const std::string dir = std::string(GRATE_SOURCE_DIR) + "/tests/golden/compare-years/";

std::vector<std::string> paths(const std::vector<io::CriterionChange>& changes) {
  std::vector<std::string> out;
  for (const auto& c : changes)
    out.push_back(c.path);
  return out;
}

std::vector<std::string> codes(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics.items())
    out.push_back(d.code);
  return out;
}

} // namespace

TEST_CASE("two hand-edited reports: score, grade, level, criteria by size of change, vetoes") {
  io::SourceRegistry sources;
  Diagnostics diagnostics;
  auto old_report = io::load_report_snapshot(dir + "old.json", sources, diagnostics);
  auto new_report = io::load_report_snapshot(dir + "new.json", sources, diagnostics);
  REQUIRE(old_report);
  REQUIRE(new_report);
  CHECK(old_report->criteria.size() == 6);
  CHECK(old_report->bands == std::vector<std::string>{"A", "B", "C"});
  CHECK(old_report->criteria[2].value == "4 d");
  CHECK(new_report->criteria[5].value == "fair");
  const auto c = io::compare_reports(*old_report, *new_report, diagnostics);
  CHECK(diagnostics.empty()); // same plant, same system (only the edition differs)
  CHECK(c.edition_changed);
  CHECK(c.score_change == doctest::Approx(8.5)); // 81 − 72.5
  CHECK(c.grade_direction == 1);                 // B → A
  // slag 12.5 → 25 (+12.5), records 30 → 21 (−9), pit 20 → 25 (+5); weighbridges unchanged.
  CHECK(paths(c.leaves) ==
        std::vector<std::string>{"operation.slag", "operation.records", "construction.pit"});
  CHECK(c.leaves[1].change == doctest::Approx(-9));
  CHECK(c.leaves[1].old_value == "good");
  CHECK(c.leaves[0].new_value == "2.8 %");
  CHECK(c.unchanged_leaves == 1);
  // Groups in report order: construction 30 → 35, operation 42.5 → 46.
  CHECK(paths(c.groups) == std::vector<std::string>{"construction", "operation"});
  CHECK(c.groups[1].change == doctest::Approx(3.5));
  CHECK(c.vetoes_started.empty());
  REQUIRE(c.vetoes_stopped.size() == 1);
  CHECK(c.vetoes_stopped[0].id == "exceedance");
  CHECK(old_report->clean_level == std::nullopt);
  CHECK(new_report->clean_level == "clean");
}

TEST_CASE("reversed: grade down, the veto starts, different plants warn") {
  Diagnostics diagnostics;
  auto old_report = io::read_report_snapshot(
      R"({"schema": "grate-report/1", "system": {"id": "s", "edition": "1"}, "plant": {"id": "p"},
          "score": 80, "grade": "A", "bands": [{"grade": "A"}, {"grade": "B"}],
          "vetoes": [{"id": "v", "triggered": false}],
          "criteria": [{"path": "x", "score": 80, "max": 100, "rule": "scale", "value": 8}]})",
      "old.json", diagnostics);
  auto new_report = io::read_report_snapshot(
      R"({"schema": "grate-report/1", "system": {"id": "s", "edition": "1"}, "plant": {"id": "q"},
          "score": 70, "grade": null, "bands": [{"grade": "A"}, {"grade": "B"}],
          "vetoes": [{"id": "v", "triggered": true, "effect": "void"}],
          "criteria": [{"path": "x", "score": 70, "max": 100, "rule": "scale", "value": 7},
                       {"path": "y", "score": 0, "max": 0, "rule": "scale", "value": null}]})",
      "new.json", diagnostics);
  REQUIRE(old_report);
  REQUIRE(new_report);
  const auto c = io::compare_reports(*old_report, *new_report, diagnostics);
  CHECK(codes(diagnostics) == std::vector<std::string>{"W660"});
  CHECK(c.grade_direction == -1); // A → no grade
  CHECK_FALSE(c.edition_changed);
  REQUIRE(c.vetoes_started.size() == 1);
  CHECK(c.vetoes_started[0].effect == "void");
  // x moved by −10; y is new (no old score), so it is listed although its score is 0.
  CHECK(paths(c.leaves) == std::vector<std::string>{"x", "y"});
  CHECK_FALSE(c.leaves[1].old_score);
  CHECK(c.leaves[1].new_value == "missing");
}

TEST_CASE("bad JSON, another schema, a missing key") {
  Diagnostics bad;
  CHECK_FALSE(
      io::read_report_snapshot("{\"schema\": \"grate-report/1\", \"score\": ", "a.json", bad));
  CHECK(codes(bad) == std::vector<std::string>{"E101"});

  Diagnostics other;
  CHECK_FALSE(
      io::read_report_snapshot(R"({"schema": "grate-batch/1", "plants": []})", "b.json", other));
  CHECK(codes(other) == std::vector<std::string>{"E204"});

  Diagnostics missing;
  CHECK_FALSE(io::read_report_snapshot(
      R"({"schema": "grate-report/1", "system": {"id": "s", "edition": "1"}, "plant": {"id": "p"},
          "score": "high", "grade": "A"})",
      "c.json", missing));
  // score is text (E202), criteria is missing (E203)
  CHECK(codes(missing) == std::vector<std::string>{"E202", "E203"});
}
