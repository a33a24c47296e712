#include "core/energy.hpp"
#include "io/energy_render.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace grate;
using namespace grate::energy;

namespace {

FactValue number(double value, std::string unit = "", int line = 0) {
  FactValue f;
  f.kind = FactValue::Kind::Number;
  f.number = value;
  f.unit = std::move(unit);
  f.where = {"plant.yaml", line, 3};
  return f;
}

/// The DESIGN §3 example: 540 000 t at 7.5 GJ/t, 280 000 MWh generated, 235 000 MWh exported,
/// no heat, 42 000 GJ auxiliary fuel, 9 000 GJ imported.
PlantSheet design_example(std::optional<Date> permitted_on, double hdd) {
  PlantSheet sheet;
  sheet.file = "plant.yaml";
  sheet.plant.where = {"plant.yaml", 2, 1};
  sheet.plant.permitted_on = permitted_on;
  sheet.energy_where = SourceLocation{"plant.yaml", 20, 3};
  sheet.energy["waste_treated_t"] = number(540000, "", 21);
  sheet.energy["waste_ncv_gj_per_t"] = number(7.5, "", 22);
  sheet.energy["electricity_generated_mwh"] = number(280000, "", 23);
  sheet.energy["electricity_exported_mwh"] = number(235000, "", 24);
  sheet.energy["heat_exported_gj"] = number(0, "", 25);
  sheet.energy["auxiliary_fuel_gj"] = number(42000, "", 26);
  sheet.energy["imported_energy_gj"] = number(9000, "", 27);
  sheet.energy["heating_degree_days"] = number(hdd, "", 28);
  return sheet;
}

bool mentions(const Diagnostics& d, const std::string& code, const std::string& text) {
  return std::any_of(d.items().begin(), d.items().end(), [&](const Diagnostic& x) {
    return x.code == code && x.message.find(text) != std::string::npos;
  });
}

} // namespace

TEST_CASE("energy_keys lists every key the sheet may hold") {
  const auto& keys = energy_keys();
  CHECK(keys.size() == 13);
  CHECK(std::find(keys.begin(), keys.end(), "heating_degree_days") != keys.end());
  CHECK(std::find(keys.begin(), keys.end(), "direct_heat_export_gj") != keys.end());
}

TEST_CASE("R1 of the DESIGN example, early permit (before 2009 and before 2015-09-01)") {
  // Ep = 2.6 × (280 000 MWh × 3.6 GJ/MWh) + 1.1 × 0 = 2.6 × 1 008 000 = 2 620 800 GJ
  // Ef + Ei = 42 000 + 9 000 = 51 000 GJ; Ew = 540 000 × 7.5 = 4 050 000 GJ
  // R1 = (2 620 800 − 51 000) / (0.97 × (4 050 000 + 42 000)) = 2 569 800 / 3 969 240 = 0.647429
  // CCF (early, HDD 2750) = −(0.25/1200) × 2750 + 1.698 = −0.572917 + 1.698 = 1.125083 → 1.125
  // R1 × CCF = 0.647429 × 1.125 = 0.728357 ≥ 0.60 (permitted 2008-06-01) → pass
  const auto r = compute(design_example(Date{2008, 6, 1}, 2750));
  CHECK(r.diagnostics.empty());
  REQUIRE(r.r1.value);
  CHECK(*r.r1.value == doctest::Approx(0.6474287).epsilon(1e-7));
  REQUIRE(r.ccf.value);
  CHECK(*r.ccf.value == 1.125);
  REQUIRE(r.r1_corrected.value);
  CHECK(*r.r1_corrected.value == doctest::Approx(0.7283573).epsilon(1e-7));
  CHECK(*r.r1_threshold.value == 0.60);
  CHECK(*r.r1_pass.value == 1.0);
  // net export = 235 000 MWh × 1000 / 540 000 t = 435.185 kWh/t → 435.2 (4 s.f.)
  CHECK(*r.net_export_kwh_per_t.value == doctest::Approx(435.2).epsilon(1e-4));
  CHECK(*r.net_export_kwh_per_t.value == doctest::Approx(435.185185).epsilon(1e-8));
  // own use = (280 000 − 235 000) / 280 000 = 45 000 / 280 000 = 0.160714 → 0.1607 (4 s.f.)
  CHECK(*r.own_use_rate.value == doctest::Approx(0.1607).epsilon(1e-4));
  CHECK(*r.own_use_rate.value == doctest::Approx(0.16071429).epsilon(1e-8));
}

TEST_CASE("R1 of the DESIGN example, later permit (after 2015-08-31)") {
  // CCF (later, HDD 2750) = −(0.12/1200) × 2750 + 1.335 = −0.275 + 1.335 = 1.060
  // R1 × CCF = 0.647429 × 1.06 = 0.686274 ≥ 0.65 → pass
  const auto r = compute(design_example(Date{2016, 3, 1}, 2750));
  CHECK(*r.ccf.value == 1.06);
  CHECK(*r.r1_corrected.value == doctest::Approx(0.6862745).epsilon(1e-7));
  CHECK(*r.r1_threshold.value == 0.65);
  CHECK(*r.r1_pass.value == 1.0);
}

TEST_CASE("R1 below 0.65 fails a later permit and passes an earlier one") {
  // HDD 4000 ≥ 3350 → CCF 1; R1 × CCF = 0.647429
  const auto later = compute(design_example(Date{2009, 1, 1}, 4000));
  CHECK(*later.ccf.value == 1.0);
  CHECK(*later.r1_threshold.value == 0.65); // 2009-01-01 is "after 2008-12-31"
  CHECK(*later.r1_pass.value == 0.0);       // 0.647429 < 0.65
  const auto earlier = compute(design_example(Date{2008, 12, 31}, 4000));
  CHECK(*earlier.r1_threshold.value == 0.60); // permitted before 2009-01-01
  CHECK(*earlier.r1_pass.value == 1.0);       // 0.647429 ≥ 0.60
}

TEST_CASE("R1 formula with heat export") {
  // Ep = 2.6 × 100 × 3.6 + 1.1 × 1000 = 936 + 1100 = 2036; Ef = 50, Ei = 20, Ew = 2000
  // R1 = (2036 − 70) / (0.97 × 2050) = 1966 / 1988.5 = 0.988685
  CHECK(r1_formula(2.6 * 100 * 3.6 + 1.1 * 1000, 50, 20, 2000) ==
        doctest::Approx(0.9886849).epsilon(1e-7));
}

TEST_CASE("climate correction factor, early permits (Directive (EU) 2015/1127)") {
  CHECK(climate_correction_factor(2000, true) == 1.25); // ≤ 2150 (formula would give 1.281)
  CHECK(climate_correction_factor(2150, true) == 1.25); // boundary: 1.250083 → 1.250
  // 2151: −0.25 × 2151 / 1200 + 1.698 = −0.448125 + 1.698 = 1.249875 → 1.250
  CHECK(climate_correction_factor(2151, true) == 1.25);
  // 2750 → 1.125083 → 1.125; 3000: −0.625 + 1.698 = 1.073
  CHECK(climate_correction_factor(2750, true) == 1.125);
  CHECK(climate_correction_factor(3000, true) == 1.073);
  // 3349: −0.697708 + 1.698 = 1.000292 → 1.000
  CHECK(climate_correction_factor(3349, true) == 1.0);
  CHECK(climate_correction_factor(3350, true) == 1.0); // boundary
  CHECK(climate_correction_factor(4000, true) == 1.0); // ≥ 3350 (formula would give 0.865)
}

TEST_CASE("climate correction factor, later permits") {
  CHECK(climate_correction_factor(2000, false) == 1.12); // ≤ 2150 (formula would give 1.135)
  CHECK(climate_correction_factor(2150, false) == 1.12);
  // 2155: −0.2155 + 1.335 = 1.1195 → 1.120 (half rounds up)
  CHECK(climate_correction_factor(2155, false) == 1.12);
  // 2160: −0.216 + 1.335 = 1.119
  CHECK(climate_correction_factor(2160, false) == 1.119);
  CHECK(climate_correction_factor(3000, false) == 1.035); // −0.3 + 1.335
  CHECK(climate_correction_factor(3349, false) == 1.0);   // 1.0001 → 1.000
  CHECK(climate_correction_factor(3350, false) == 1.0);
  CHECK(climate_correction_factor(5000, false) == 1.0);
}

TEST_CASE("CCF regime by permit date and evaluation date") {
  CHECK(early_ccf_regime(Date{2015, 8, 31}, Date{2025, 12, 31}));
  CHECK_FALSE(early_ccf_regime(Date{2015, 9, 1}, Date{2025, 12, 31}));
  CHECK(early_ccf_regime(Date{2010, 1, 1}, Date{2029, 12, 31}));
  CHECK_FALSE(early_ccf_regime(Date{2010, 1, 1}, Date{2030, 1, 1})); // all later after 2029
  // through compute: early permit evaluated in 2030 gets 1.060 instead of 1.125 at HDD 2750
  const auto r = compute(design_example(Date{2010, 1, 1}, 2750), EnergyOptions{Date{2030, 6, 30}});
  CHECK(*r.ccf.value == 1.06);
  const auto r2025 = compute(design_example(Date{2010, 1, 1}, 2750));
  CHECK(*r2025.ccf.value == 1.125);
}

TEST_CASE("R1 threshold at the 2009-01-01 boundary") {
  CHECK(r1_threshold(Date{2008, 12, 31}) == 0.60);
  CHECK(r1_threshold(Date{2009, 1, 1}) == 0.65);
}

TEST_CASE("a missing key is a diagnostic naming it, never a zero") {
  auto sheet = design_example(Date{2016, 3, 1}, 2750);
  sheet.energy.erase("waste_ncv_gj_per_t");
  const auto r = compute(sheet);
  CHECK_FALSE(r.r1.value);
  CHECK_FALSE(r.r1_corrected.value);
  CHECK_FALSE(r.r1_pass.value);
  CHECK(r.r1.missing_keys == std::vector<std::string>{"waste_ncv_gj_per_t"});
  CHECK(r.r1.reason == "missing waste_ncv_gj_per_t");
  REQUIRE(r.diagnostics.size() == 1); // once, though R1, R1 × CCF and pass all need it
  CHECK(r.diagnostics.items()[0].code == "E481");
  CHECK(r.diagnostics.items()[0].message ==
        "energy block has no 'waste_ncv_gj_per_t', needed for R1");
  CHECK(r.diagnostics.items()[0].where.line == 20); // the energy block
  // what does not need it is still computed
  CHECK(*r.net_export_kwh_per_t.value == doctest::Approx(435.185185));
  CHECK(*r.ccf.value == 1.06);
  // and the measure reports why it is missing
  const auto why = why_missing(r, "energy.r1_corrected");
  REQUIRE(why.size() == 1);
  CHECK(why.items()[0].code == "E481");
  CHECK(why_missing(r, "energy.net_export_kwh_per_t").empty());
}

TEST_CASE("missing heating degree days and permit date") {
  auto sheet = design_example(std::nullopt, 0);
  sheet.energy.erase("heating_degree_days");
  const auto r = compute(sheet);
  CHECK(r.r1.value);
  CHECK_FALSE(r.ccf.value);
  CHECK_FALSE(r.r1_threshold.value);
  CHECK(mentions(r.diagnostics, "E481", "'heating_degree_days'"));
  CHECK(mentions(r.diagnostics, "E485", "'permitted_on'"));
  CHECK(r.diagnostics.size() == 2);
  CHECK(r.ccf.missing_keys ==
        std::vector<std::string>{"heating_degree_days", "plant.permitted_on"});
}

TEST_CASE("a sheet without an energy block is silent until a measure is asked for") {
  PlantSheet sheet;
  sheet.file = "plant.yaml";
  sheet.plant.where = {"plant.yaml", 2, 1};
  const auto r = compute(sheet);
  CHECK_FALSE(r.has_block);
  CHECK(r.diagnostics.empty());
  CHECK(energy_measures(r).empty());
  const auto why = why_missing(r, "energy.own_use_rate");
  REQUIRE(why.size() == 1);
  CHECK(why.items()[0].code == "E480");
  CHECK(why.items()[0].message ==
        "the plant sheet has no 'energy' block, needed for the own-use rate");
}

TEST_CASE("export above generation and wrong units are errors") {
  auto sheet = design_example(Date{2016, 3, 1}, 2750);
  sheet.energy["electricity_exported_mwh"] = number(290000, "", 24);
  sheet.energy["heat_exported_gj"] = number(10, "MWh", 25);
  const auto r = compute(sheet);
  CHECK_FALSE(r.own_use_rate.value);
  CHECK(mentions(r.diagnostics, "E486", "electricity exported (290000 MWh) exceeds"));
  CHECK(mentions(r.diagnostics, "E483", "'heat_exported_gj' is given in 'MWh', expected 'GJ'"));
  CHECK_FALSE(r.r1.value); // the heat figure cannot be used
  // the unit problem is reported once, where the value stands, not again as "needed for R1"
  CHECK(std::count_if(r.diagnostics.items().begin(), r.diagnostics.items().end(),
                      [](const Diagnostic& d) { return d.where.line == 25; }) == 1);
}

TEST_CASE("BAT gross efficiencies from annual totals") {
  auto sheet = design_example(Date{2016, 3, 1}, 2750);
  // no BAT figures: not attempted, no diagnostics
  CHECK_FALSE(compute(sheet).gross_electrical_efficiency.value);
  CHECK(compute(sheet).diagnostics.empty());
  CHECK(mentions(why_missing(compute(sheet), "energy.gross_electrical_efficiency"), "E481",
                 "'thermal_input_gj'"));
  sheet.energy["thermal_input_gj"] = number(4100000);
  sheet.energy["boiler_output_gj"] = number(3300000);
  sheet.energy["imported_heat_gj"] = number(100000);
  // W_e = 280 000 × 3.6 = 1 008 000 GJ
  // η_e = 1 008 000 / (4 100 000 × 3 300 000 / (3 300 000 − 100 000))
  //     = 1 008 000 / (4 100 000 × 1.03125) = 1 008 000 / 4 228 125 = 0.238404
  auto r = compute(sheet);
  REQUIRE(r.gross_electrical_efficiency.value);
  CHECK(*r.gross_electrical_efficiency.value == doctest::Approx(0.2384035).epsilon(1e-7));
  CHECK_FALSE(r.gross_energy_efficiency.value); // no heat figures: not attempted
  CHECK(r.diagnostics.empty());
  sheet.energy["heat_exchanger_output_gj"] = number(500000);
  r = compute(sheet);
  CHECK(mentions(r.diagnostics, "E481", "'direct_heat_export_gj'"));
  sheet.energy["direct_heat_export_gj"] = number(300000);
  // η_h = (1 008 000 + 500 000 + 300 000 + 100 000) / 4 100 000 = 1 908 000 / 4 100 000 = 0.465366
  r = compute(sheet);
  CHECK(*r.gross_energy_efficiency.value == doctest::Approx(0.4653659).epsilon(1e-7));
  sheet.energy["imported_heat_gj"] = number(3300000);
  CHECK(mentions(compute(sheet).diagnostics, "E486", "'boiler_output_gj'"));
}

TEST_CASE("energy measures carry names, units and sources") {
  const auto m = energy_measures(compute(design_example(Date{2016, 3, 1}, 2750)));
  CHECK(m.size() == 7); // no BAT figures → no efficiencies
  CHECK(m.at("energy.r1_pass").value == 1.0);
  CHECK(m.at("energy.ccf").value == 1.06);
  CHECK(m.at("energy.net_export_kwh_per_t").unit == "kWh/t");
  CHECK(m.at("energy.r1").source.find("2008/98/EC") != std::string::npos);
  CHECK(m.at("energy.r1_threshold").value == 0.65);
  CHECK(measure_names().size() == 9);
}

TEST_CASE("energy JSON object") {
  const auto r = compute(design_example(Date{2016, 3, 1}, 2750));
  const auto json = io::render_energy_json(r);
  // r1 = 0.6474287… → 6 decimals; CCF 1.06; R1 × CCF = 0.6862745 → 0.686274 (0.68627445…)
  CHECK(json.starts_with("{\"r1\": 0.647429, \"ccf\": 1.06, \"r1_corrected\": 0.686274, "
                         "\"r1_threshold\": 0.65, \"r1_pass\": true, "
                         "\"net_export_kwh_per_t\": 435.185185, \"own_use_rate\": 0.160714, "
                         "\"gross_electrical_efficiency\": null, "
                         "\"gross_energy_efficiency\": null, "
                         "\"ccf_regime\": \"later\", \"heating_degree_days\": 2750, "
                         "\"r1_terms_gj\": {\"ep\": 2620800, \"ef\": 42000, \"ei\": 9000, "
                         "\"ew\": 4050000}, \"unavailable\": {\"gross_electrical_efficiency\": "
                         "{\"reason\": \"missing thermal_input_gj, boiler_output_gj, "
                         "imported_heat_gj\""));
  CHECK(json.back() == '}');
}

TEST_CASE("energy Markdown section in both languages") {
  auto sheet = design_example(Date{2016, 3, 1}, 2750);
  sheet.energy.erase("heating_degree_days");
  const auto r = compute(sheet);
  const auto en = io::render_energy_markdown(r, Language::En);
  CHECK(en.starts_with("## Energy efficiency\n"));
  CHECK(en.find("| R1 | 0.6474 | WFD 2008/98/EC Annex II; Ep 2 620 800 GJ") != std::string::npos);
  CHECK(en.find("| Climate correction factor | — | missing `heating_degree_days` |") !=
        std::string::npos);
  CHECK(en.find("| Net electricity exported | 435.2 kWh/t |") != std::string::npos);
  CHECK(en.find("| Own-use rate | 16.07 % |") != std::string::npos);
  CHECK(en.find("Gross electrical efficiency") == std::string::npos); // not attempted
  const auto zh = io::render_energy_markdown(r, Language::Zh, 3);
  CHECK(zh.starts_with("### 能源效率\n"));
  CHECK(zh.find("| 吨垃圾上网电量 | 435.2 kWh/t |") != std::string::npos);
}

TEST_CASE("Markdown names the CCF regime and the permit date") {
  const auto later =
      io::render_energy_markdown(compute(design_example(Date{2016, 3, 1}, 2750)), Language::En);
  CHECK(later.find("| Climate correction factor | 1.060 | Directive (EU) 2015/1127; HDD 2750, "
                   "permitted from 2015-09-01 (2016-03-01) |") != std::string::npos);
  CHECK(later.find("| R1 threshold | 0.65 | 0.60 if permitted before 2009-01-01, else 0.65 "
                   "(2016-03-01) |") != std::string::npos);
  const auto in2030 = io::render_energy_markdown(
      compute(design_example(Date{2010, 1, 1}, 2750), EnergyOptions{Date{2030, 6, 30}}),
      Language::En);
  CHECK(in2030.find("HDD 2750, evaluated after 2029-12-31 (2010-01-01)") != std::string::npos);
  const auto early =
      io::render_energy_markdown(compute(design_example(Date{2010, 1, 1}, 2750)), Language::Zh);
  CHECK(early.find("| 气候修正系数 CCF | 1.125 |") != std::string::npos);
  CHECK(early.find("2015-09-01 前取得许可 (2010-01-01)") != std::string::npos);
}
