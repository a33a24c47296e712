// Energy indicators: R1, climate correction, threshold, export and own use, BAT efficiencies.
#include "core/energy.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <functional>

namespace grate::energy {

const std::vector<std::string>& energy_keys() {
  static const std::vector<std::string> keys = {
      "waste_treated_t",          "waste_ncv_gj_per_t",  "electricity_generated_mwh",
      "electricity_exported_mwh", "heat_exported_gj",    "auxiliary_fuel_gj",
      "imported_energy_gj",       "heating_degree_days", "thermal_input_gj",
      "boiler_output_gj",         "imported_heat_gj",    "heat_exchanger_output_gj",
      "direct_heat_export_gj"};
  return keys;
}

namespace {

constexpr double kGjPerMwh = 3.6;          // 1 MWh = 3.6 GJ
constexpr double kElectricityFactor = 2.6; // WFD Annex II, Ep
constexpr double kHeatFactor = 1.1;        // WFD Annex II, Ep
constexpr double kR1Denominator = 0.97;    // WFD Annex II: 3 % losses to bottom ash and radiation

const Date kR1ThresholdDate{2009, 1, 1}; // WFD Annex II footnote: permitted before 2009-01-01
const Date kCcfPermitDate{2015, 9, 1};   // Directive (EU) 2015/1127: permitted before 2015-09-01
const Date kCcfEarlyEnd{2029, 12, 31};   // … until 2029-12-31

/// The unit each key expects, as written in its name, and the spellings accepted for it.
std::vector<std::string> accepted_units(const std::string& key) {
  if (key == "waste_treated_t")
    return {"t", "tonne", "tonnes"};
  if (key == "waste_ncv_gj_per_t")
    return {"GJ/t"};
  if (key.ends_with("_mwh"))
    return {"MWh"};
  if (key.ends_with("_gj"))
    return {"GJ"};
  if (key == "heating_degree_days")
    return {"K·d", "Kd", "K d", "°C·d", "degC·d", "HDD"};
  return {};
}

bool unit_matches(const std::string& given, const std::vector<std::string>& accepted) {
  if (given.empty())
    return true;
  const auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
  };
  return std::any_of(accepted.begin(), accepted.end(),
                     [&](const std::string& a) { return lower(a) == lower(given); });
}

std::string indicator_label(const std::string& name) {
  if (name == "r1")
    return "R1";
  if (name == "ccf")
    return "the climate correction factor";
  if (name == "r1_corrected")
    return "the climate-corrected R1";
  if (name == "r1_threshold")
    return "the R1 threshold";
  if (name == "r1_pass")
    return "the R1 pass/fail";
  if (name == "net_export_kwh_per_t")
    return "net export per tonne";
  if (name == "own_use_rate")
    return "the own-use rate";
  if (name == "gross_electrical_efficiency")
    return "the gross electrical efficiency";
  if (name == "gross_energy_efficiency")
    return "the gross energy efficiency";
  return name;
}

/// Reads the sheet's energy values and remembers which keys were missing or unusable.
class Inputs {
public:
  Inputs(const PlantSheet& sheet, Diagnostics& invalid) : sheet_(sheet) {
    block_where_ = sheet.energy_where.value_or(sheet.plant.where);
    if (block_where_.file.empty())
      block_where_.file = sheet.file;
    for (const auto& [key, fact] : sheet.energy) {
      if (fact.kind != FactValue::Kind::Number) {
        invalid.add("E482", fact.where, fmt::format("energy value '{}' is not a number", key))
            .hints.push_back(fmt::format("write '{}: <number>'", key));
        unusable_.push_back(key);
        continue;
      }
      if (!std::isfinite(fact.number) || fact.number < 0) {
        invalid.add("E484", fact.where,
                    fmt::format("energy value '{}' must be a non-negative number, found {}", key,
                                fact.number));
        unusable_.push_back(key);
        continue;
      }
      const auto units = accepted_units(key);
      if (!unit_matches(fact.unit, units)) {
        auto& d = invalid.add("E483", fact.where,
                              fmt::format("energy value '{}' is given in '{}', expected '{}'", key,
                                          fact.unit, units.empty() ? "" : units.front()));
        d.hints.push_back(
            fmt::format("convert the value to {}, the unit the key's name says", units.front()));
        unusable_.push_back(key);
      }
    }
  }

  [[nodiscard]] bool has(const std::string& key) const {
    return sheet_.energy.contains(key) &&
           std::find(unusable_.begin(), unusable_.end(), key) == unusable_.end();
  }
  [[nodiscard]] bool given(const std::string& key) const { return sheet_.energy.contains(key); }
  [[nodiscard]] double get(const std::string& key) const { return sheet_.energy.at(key).number; }
  [[nodiscard]] const SourceLocation& where(const std::string& key) const {
    return sheet_.energy.at(key).where;
  }
  [[nodiscard]] const SourceLocation& block_where() const { return block_where_; }
  [[nodiscard]] bool has_block() const {
    return sheet_.energy_where.has_value() || !sheet_.energy.empty();
  }

  /// True when every key is usable; otherwise records each missing one on `indicator` with a
  /// diagnostic naming it.
  bool require(Indicator& indicator, const std::string& name,
               const std::vector<std::string>& keys) const {
    bool ok = true;
    for (const auto& key : keys) {
      if (has(key))
        continue;
      ok = false;
      if (std::find(indicator.missing_keys.begin(), indicator.missing_keys.end(), key) !=
          indicator.missing_keys.end())
        continue;
      indicator.missing_keys.push_back(key);
      if (given(key)) {
        indicator.causes.push_back(Diagnostic{
            "E484",
            fmt::format("energy value '{}' is unusable, needed for {}", key, indicator_label(name)),
            where(key),
            {},
            {}});
      } else if (!has_block()) {
        Diagnostic d{"E480",
                     fmt::format("the plant sheet has no 'energy' block, needed for {}",
                                 indicator_label(name)),
                     block_where_,
                     {},
                     {fmt::format("add an 'energy:' block with '{}' and the other annual "
                                  "totals (see docs/methodology.md)",
                                  key)}};
        indicator.causes.push_back(std::move(d));
      } else {
        indicator.causes.push_back(Diagnostic{
            "E481",
            fmt::format("energy block has no '{}', needed for {}", key, indicator_label(name)),
            block_where_,
            {},
            {fmt::format("add '{}: <number>' to the 'energy' block (write 0 when there is none)",
                         key)}});
      }
    }
    if (!ok && indicator.reason.empty())
      indicator.reason = fmt::format("missing {}", fmt::join(indicator.missing_keys, ", "));
    return ok;
  }

private:
  const PlantSheet& sheet_;
  SourceLocation block_where_;
  std::vector<std::string> unusable_;
};

void set(Indicator& indicator, double value) {
  indicator.value = value;
  indicator.reason.clear();
}

/// `to` cannot be computed because `from` has no value: inherits its reason and causes.
void inherit(Indicator& to, const Indicator& from, const std::string& from_name) {
  for (const auto& key : from.missing_keys)
    if (std::find(to.missing_keys.begin(), to.missing_keys.end(), key) == to.missing_keys.end())
      to.missing_keys.push_back(key);
  to.causes.insert(to.causes.end(), from.causes.begin(), from.causes.end());
  if (to.reason.empty())
    to.reason = fmt::format("{} unavailable: {}", from_name, from.reason);
}

void fail(Indicator& indicator, Diagnostic cause) {
  indicator.reason = cause.message;
  indicator.causes.push_back(std::move(cause));
}

struct Named {
  const char* name;
  Indicator EnergyResult::*member;
  const char* unit;
  const char* source;
};

const std::vector<Named>& named_indicators() {
  static const std::vector<Named> list = {
      {"r1", &EnergyResult::r1, "", "energy block; R1 per WFD 2008/98/EC Annex II"},
      {"ccf", &EnergyResult::ccf, "",
       "energy.heating_degree_days and plant.permitted_on; CCF per Directive (EU) 2015/1127"},
      {"r1_corrected", &EnergyResult::r1_corrected, "", "R1 × CCF (Directive (EU) 2015/1127)"},
      {"r1_threshold", &EnergyResult::r1_threshold, "",
       "plant.permitted_on; WFD 2008/98/EC Annex II (0.60 before 2009-01-01, else 0.65)"},
      {"r1_pass", &EnergyResult::r1_pass, "", "R1 × CCF ≥ threshold (1 pass, 0 fail)"},
      {"net_export_kwh_per_t", &EnergyResult::net_export_kwh_per_t, "kWh/t",
       "energy block; electricity exported ÷ waste treated"},
      {"own_use_rate", &EnergyResult::own_use_rate, "fraction",
       "energy block; (generated − exported) ÷ generated"},
      {"gross_electrical_efficiency", &EnergyResult::gross_electrical_efficiency, "fraction",
       "energy block; η_e per Decision (EU) 2019/2010 (BAT 20), from annual totals"},
      {"gross_energy_efficiency", &EnergyResult::gross_energy_efficiency, "fraction",
       "energy block; η_h per Decision (EU) 2019/2010 (BAT 20), from annual totals"},
  };
  return list;
}

void add_unique(Diagnostics& into, const Diagnostic& d) {
  const auto& items = into.items();
  const bool seen = std::any_of(items.begin(), items.end(), [&](const Diagnostic& x) {
    // one diagnostic per missing key: same code and key, whichever indicator asked first
    return x.code == d.code && x.where.line == d.where.line && x.where.file == d.where.file &&
           x.message.substr(0, x.message.find(", needed")) ==
               d.message.substr(0, d.message.find(", needed"));
  });
  if (seen)
    return;
  auto& added = into.add(d.code, d.where, d.message);
  added.notes = d.notes;
  added.hints = d.hints;
}

} // namespace

double r1_formula(double ep_gj, double ef_gj, double ei_gj, double ew_gj) {
  return (ep_gj - (ef_gj + ei_gj)) / (kR1Denominator * (ew_gj + ef_gj));
}

double climate_correction_factor(double heating_degree_days, bool early) {
  // Directive (EU) 2015/1127, Annex (point 1 of WFD Annex II, footnote): HDD ≥ 3350 → 1;
  // HDD ≤ 2150 → 1.25 (early) or 1.12 (later); linear between; rounded to three decimals.
  double ccf = 0;
  if (heating_degree_days >= 3350)
    ccf = 1.0;
  else if (heating_degree_days <= 2150)
    ccf = early ? 1.25 : 1.12;
  else if (early)
    ccf = -(0.25 / 1200.0) * heating_degree_days + 1.698;
  else
    ccf = -(0.12 / 1200.0) * heating_degree_days + 1.335;
  // Round half up to 3 decimals; the 1e-9 absorbs binary representation (1.1195 → 1.120).
  return std::floor(ccf * 1000.0 + 0.5 + 1e-9) / 1000.0;
}

bool early_ccf_regime(const Date& permitted_on, const Date& evaluation_date) {
  return permitted_on < kCcfPermitDate && !(kCcfEarlyEnd < evaluation_date);
}

double r1_threshold(const Date& permitted_on) {
  return permitted_on < kR1ThresholdDate ? 0.60 : 0.65;
}

EnergyResult compute(const PlantSheet& sheet, const EnergyOptions& options) {
  EnergyResult result;
  Diagnostics invalid;
  const Inputs in(sheet, invalid);
  result.has_block = in.has_block();
  result.permitted_on = sheet.plant.permitted_on;

  SourceLocation plant_where = sheet.plant.where;
  if (plant_where.file.empty())
    plant_where.file = sheet.file;
  const auto permit_missing = [&](Indicator& indicator, const std::string& name) {
    indicator.missing_keys.push_back("plant.permitted_on");
    Diagnostic d{
        "E485",
        fmt::format("plant has no 'permitted_on' date, needed for {}", indicator_label(name)),
        plant_where,
        {"the R1 threshold (WFD Annex II) and the climate correction factor "
         "(Directive (EU) 2015/1127) depend on the date of the installation's permit"},
        {"add 'permitted_on: YYYY-MM-DD' under 'plant'"}};
    fail(indicator, std::move(d));
  };

  // R1, WFD 2008/98/EC Annex II.
  if (in.require(result.r1, "r1",
                 {"electricity_generated_mwh", "heat_exported_gj", "auxiliary_fuel_gj",
                  "imported_energy_gj", "waste_treated_t", "waste_ncv_gj_per_t"})) {
    const double ep = kElectricityFactor * in.get("electricity_generated_mwh") * kGjPerMwh +
                      kHeatFactor * in.get("heat_exported_gj");
    const double ef = in.get("auxiliary_fuel_gj");
    const double ei = in.get("imported_energy_gj");
    const double ew = in.get("waste_treated_t") * in.get("waste_ncv_gj_per_t");
    if (ew + ef <= 0) {
      fail(result.r1, Diagnostic{"E484",
                                 "R1 cannot be computed: the energy of the waste treated "
                                 "(waste_treated_t × waste_ncv_gj_per_t) plus auxiliary fuel is 0",
                                 in.where("waste_treated_t"),
                                 {},
                                 {"give the year's waste tonnage and its net calorific value"}});
    } else {
      set(result.r1, r1_formula(ep, ef, ei, ew));
      result.r1_terms = R1Terms{ep, ef, ei, ew};
    }
  }

  // Climate correction factor, Directive (EU) 2015/1127.
  {
    const bool have_hdd = in.require(result.ccf, "ccf", {"heating_degree_days"});
    if (!sheet.plant.permitted_on) {
      permit_missing(result.ccf, "ccf");
    } else if (have_hdd) {
      const bool early = early_ccf_regime(*sheet.plant.permitted_on, options.evaluation_date);
      set(result.ccf, climate_correction_factor(in.get("heating_degree_days"), early));
      result.heating_degree_days = in.get("heating_degree_days");
      result.ccf_early = early;
    }
  }

  if (result.r1.value && result.ccf.value) {
    set(result.r1_corrected, *result.r1.value * *result.ccf.value);
  } else {
    if (!result.r1.value)
      inherit(result.r1_corrected, result.r1, "R1");
    if (!result.ccf.value)
      inherit(result.r1_corrected, result.ccf, "CCF");
  }

  if (sheet.plant.permitted_on)
    set(result.r1_threshold, r1_threshold(*sheet.plant.permitted_on));
  else
    permit_missing(result.r1_threshold, "r1_threshold");

  if (result.r1_corrected.value && result.r1_threshold.value) {
    // WFD Annex II: recovery when the efficiency is "equal to or above" the threshold.
    set(result.r1_pass, *result.r1_corrected.value >= *result.r1_threshold.value ? 1.0 : 0.0);
  } else {
    if (!result.r1_corrected.value)
      inherit(result.r1_pass, result.r1_corrected, "corrected R1");
    if (!result.r1_threshold.value)
      inherit(result.r1_pass, result.r1_threshold, "threshold");
  }

  // Net electricity exported per tonne of waste treated, kWh/t.
  if (in.require(result.net_export_kwh_per_t, "net_export_kwh_per_t",
                 {"electricity_exported_mwh", "waste_treated_t"})) {
    const double tonnes = in.get("waste_treated_t");
    if (tonnes <= 0)
      fail(result.net_export_kwh_per_t,
           Diagnostic{"E484",
                      "net export per tonne cannot be computed: 'waste_treated_t' is 0",
                      in.where("waste_treated_t"),
                      {},
                      {"give the tonnage of waste treated in the period"}});
    else
      set(result.net_export_kwh_per_t, in.get("electricity_exported_mwh") * 1000.0 / tonnes);
  }

  // Own-use rate (厂用电率): (generated − exported) / generated.
  if (in.require(result.own_use_rate, "own_use_rate",
                 {"electricity_generated_mwh", "electricity_exported_mwh"})) {
    const double generated = in.get("electricity_generated_mwh");
    const double exported = in.get("electricity_exported_mwh");
    if (generated <= 0) {
      fail(result.own_use_rate,
           Diagnostic{"E484",
                      "the own-use rate cannot be computed: 'electricity_generated_mwh' is 0",
                      in.where("electricity_generated_mwh"),
                      {},
                      {}});
    } else if (exported > generated) {
      fail(result.own_use_rate,
           Diagnostic{"E486",
                      fmt::format("electricity exported ({} MWh) exceeds electricity generated "
                                  "({} MWh)",
                                  exported, generated),
                      in.where("electricity_exported_mwh"),
                      {"'electricity_generated_mwh' is the gross generation at the generator "
                       "terminals, which includes what is exported"},
                      {"check both figures; export cannot exceed generation"}});
    } else {
      set(result.own_use_rate, (generated - exported) / generated);
    }
  }

  // Gross electrical efficiency, Decision (EU) 2019/2010 BAT 20: η_e = W_e / (Q_th × Q_b /
  // (Q_b − Q_i)); attempted when the sheet gives the thermal-input or boiler figures.
  {
    auto& eta_e = result.gross_electrical_efficiency;
    eta_e.attempted = in.given("thermal_input_gj") || in.given("boiler_output_gj");
    if (in.require(eta_e, "gross_electrical_efficiency",
                   {"electricity_generated_mwh", "thermal_input_gj", "boiler_output_gj",
                    "imported_heat_gj"})) {
      const double we = in.get("electricity_generated_mwh") * kGjPerMwh;
      const double qth = in.get("thermal_input_gj");
      const double qb = in.get("boiler_output_gj");
      const double qi = in.get("imported_heat_gj");
      if (qth <= 0)
        fail(eta_e, Diagnostic{"E484",
                               "'thermal_input_gj' must be greater than 0",
                               in.where("thermal_input_gj"),
                               {},
                               {}});
      else if (qb <= qi)
        fail(eta_e, Diagnostic{"E486",
                               fmt::format("'boiler_output_gj' ({}) must be greater than "
                                           "'imported_heat_gj' ({})",
                                           qb, qi),
                               in.where("boiler_output_gj"),
                               {"η_e = W_e / (Q_th × Q_b / (Q_b − Q_i)) needs Q_b > Q_i"},
                               {}});
      else
        set(eta_e, we / (qth * qb / (qb - qi)));
    }
  }

  // Gross energy efficiency, Decision (EU) 2019/2010 BAT 20: η_h = (W_e + Q_he + Q_de + Q_i) /
  // Q_th; attempted when the sheet gives heat-export figures.
  {
    auto& eta_h = result.gross_energy_efficiency;
    eta_h.attempted = in.given("heat_exchanger_output_gj") || in.given("direct_heat_export_gj");
    if (in.require(eta_h, "gross_energy_efficiency",
                   {"electricity_generated_mwh", "heat_exchanger_output_gj",
                    "direct_heat_export_gj", "imported_heat_gj", "thermal_input_gj"})) {
      const double qth = in.get("thermal_input_gj");
      if (qth <= 0)
        fail(eta_h, Diagnostic{"E484",
                               "'thermal_input_gj' must be greater than 0",
                               in.where("thermal_input_gj"),
                               {},
                               {}});
      else
        set(eta_h,
            (in.get("electricity_generated_mwh") * kGjPerMwh + in.get("heat_exchanger_output_gj") +
             in.get("direct_heat_export_gj") + in.get("imported_heat_gj")) /
                qth);
    }
  }

  for (const auto& named : named_indicators())
    (result.*(named.member)).unit = named.unit;

  // Diagnostics: invalid values always; missing inputs only when the sheet has an energy block
  // (a sheet without one is fine until a system asks for an energy measure) and the indicator
  // was attempted.
  result.diagnostics.append(invalid);
  if (result.has_block) {
    for (const auto& named : named_indicators()) {
      const Indicator& indicator = result.*(named.member);
      if (indicator.value || !indicator.attempted)
        continue;
      for (const auto& cause : indicator.causes) {
        // a value already reported as invalid where it stands is not reported again
        const auto& bad = invalid.items();
        if (std::any_of(bad.begin(), bad.end(), [&](const Diagnostic& b) {
              return b.where.line == cause.where.line && b.where.column == cause.where.column &&
                     b.where.file == cause.where.file;
            }))
          continue;
        add_unique(result.diagnostics, cause);
      }
    }
  }
  return result;
}

Measures energy_measures(const EnergyResult& result) {
  Measures measures;
  for (const auto& named : named_indicators()) {
    const Indicator& indicator = result.*(named.member);
    if (!indicator.value)
      continue;
    measures.emplace(std::string("energy.") + named.name,
                     Measure{*indicator.value, named.unit, named.source, false});
  }
  return measures;
}

const std::vector<std::string>& measure_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& named : named_indicators())
      out.push_back(std::string("energy.") + named.name);
    return out;
  }();
  return names;
}

Diagnostics why_missing(const EnergyResult& result, const std::string& name) {
  Diagnostics out;
  for (const auto& named : named_indicators()) {
    if (name != std::string("energy.") + named.name)
      continue;
    const Indicator& indicator = result.*(named.member);
    if (indicator.value)
      break;
    for (const auto& cause : indicator.causes)
      add_unique(out, cause);
  }
  return out;
}

} // namespace grate::energy
