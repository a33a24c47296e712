// The bundled clean-incineration rating (criteria/cn-clean-incineration) at the boundaries of
// each tier's conditions, with measures given directly. Levels are cumulative: a plant reaches a
// level only when it also meets every level below it.
#include "core/evaluate.hpp"
#include "io/evaluation_pipeline.hpp"
#include "io/system_reader.hpp"

#include <doctest/doctest.h>

using namespace grate;

namespace {

struct Rating {
  IndicatorSystem system;
  LimitTable limits;
  Date as_of{2025, 12, 31};

  Rating() {
    io::SourceRegistry sources;
    Diagnostics d;
    auto loaded = io::load_indicator_system("cn-clean-incineration", sources, d);
    REQUIRE(loaded);
    system = std::move(*loaded);
    io::LimitSetCache limit_sets(sources);
    limits = io::resolve_limits(system, as_of, limit_sets, d);
    REQUIRE_FALSE(d.has_errors());
  }

  /// The level reached by a plant whose measures are all exactly at the benchmark boundaries,
  /// after `change` has adjusted them.
  std::string level(void (*change)(Measures&, PlantSheet&) = nullptr) const {
    Measures m;
    auto set = [&](const std::string& name, double v) { m[name] = Measure{v, "", "test", false}; };
    set("emissions.exceedance_days_total", 0);
    set("furnace.violation_days", 0);
    set("operation.exempt_budget_exceeded", 0);
    set("stack_tests.pcdd_f.max", 0.05);
    // Upper ends of the BAT-AELs for existing plants (eu-bat-2019-existing), daily means.
    const std::pair<const char*, double> means[] = {
        {"dust", 5}, {"so2", 40}, {"nox", 150}, {"hcl", 8}, {"co", 50}};
    for (const auto& [p, v] : means) {
      set(std::string("emissions.") + p + ".mean", v);
      set(std::string("emissions.") + p + ".share_days_within.eu-ied-2010", 0.99);
    }
    set("energy.r1_corrected", 0.65);
    set("energy.net_export_kwh_per_t", 280);
    PlantSheet sheet;
    sheet.file = "t.yaml";
    FactValue slag;
    slag.number = 3;
    slag.unit = "%";
    sheet.facts["slag_loss_on_ignition"] = slag;
    if (change)
      change(m, sheet);
    const Evaluation e = evaluate({system, sheet, m, limits, as_of, Language::En, true});
    return e.rating.level.value_or("none");
  }
};

} // namespace

TEST_CASE("clean rating: every condition exactly at its threshold reaches the top level") {
  Rating r;
  CHECK(r.level() == "benchmark");
}

TEST_CASE("clean rating: tier 3 boundaries (BAT-AEL upper ends, R1 0.65, 280 kWh/t)") {
  Rating r;
  CHECK(r.level([](Measures& m, PlantSheet&) { m["emissions.nox.mean"].value = 150.01; }) ==
        "high_efficiency_clean");
  CHECK(r.level([](Measures& m, PlantSheet&) { m["energy.r1_corrected"].value = 0.6499; }) ==
        "high_efficiency_clean");
  CHECK(r.level([](Measures& m, PlantSheet&) { m["energy.net_export_kwh_per_t"].value = 279.9; }) ==
        "high_efficiency_clean");
  CHECK(r.level([](Measures& m, PlantSheet&) { m.erase("energy.r1_corrected"); }) ==
        "high_efficiency_clean");
}

TEST_CASE(
    "clean rating: tier 2 boundaries (IED daily limits, 99 % of days, slag 3 %, dioxins 0.05)") {
  Rating r;
  // 10 mg/m3 is the IED daily dust limit: still tier 2, but above the BAT-AEL of 5.
  CHECK(r.level([](Measures& m, PlantSheet&) { m["emissions.dust.mean"].value = 10; }) ==
        "high_efficiency_clean");
  CHECK(r.level([](Measures& m, PlantSheet&) { m["emissions.dust.mean"].value = 10.01; }) ==
        "clean");
  CHECK(r.level([](Measures& m, PlantSheet&) {
    m["emissions.hcl.share_days_within.eu-ied-2010"].value = 0.9899;
  }) == "clean");
  CHECK(r.level([](Measures&, PlantSheet& s) { s.facts["slag_loss_on_ignition"].number = 3.01; }) ==
        "clean");
  CHECK(r.level([](Measures& m, PlantSheet&) { m["stack_tests.pcdd_f.max"].value = 0.0501; }) ==
        "clean");
}

TEST_CASE("clean rating: tier 1 boundaries (GB 18485 days, furnace, exempt budget, slag 5 %, "
          "dioxins 0.1)") {
  Rating r;
  CHECK(r.level([](Measures&, PlantSheet& s) { s.facts["slag_loss_on_ignition"].number = 5; }) ==
        "clean");
  CHECK(r.level([](Measures&, PlantSheet& s) { s.facts["slag_loss_on_ignition"].number = 5.01; }) ==
        "none");
  CHECK(r.level([](Measures& m, PlantSheet&) { m["stack_tests.pcdd_f.max"].value = 0.1; }) ==
        "clean");
  CHECK(r.level([](Measures& m, PlantSheet&) { m["stack_tests.pcdd_f.max"].value = 0.1001; }) ==
        "none");
  // Cumulative: one exceedance day loses every level, although tier 2 and 3 conditions hold.
  CHECK(r.level([](Measures& m, PlantSheet&) { m["emissions.exceedance_days_total"].value = 1; }) ==
        "none");
  CHECK(r.level([](Measures& m, PlantSheet&) { m["furnace.violation_days"].value = 1; }) == "none");
  CHECK(r.level([](Measures& m, PlantSheet&) {
    m["operation.exempt_budget_exceeded"].value = 1;
  }) == "none");
  CHECK(r.level([](Measures& m, PlantSheet&) { m.erase("operation.exempt_budget_exceeded"); }) ==
        "none");
}
