// Energy indicators from a plant sheet's `energy` block: R1 (WFD 2008/98/EC Annex II), the climate
// correction factor (Directive (EU) 2015/1127), the R1 threshold, net export per tonne, own-use
// rate and the BAT 2019 gross efficiencies. Pure: values in, values and diagnostics out; a missing
// input is a diagnostic naming the key (E480–E489), never a zero.
#pragma once

#include "core/date.hpp"
#include "core/diagnostic.hpp"
#include "core/measures.hpp"
#include "core/plant.hpp"

#include <optional>
#include <string>
#include <vector>

namespace grate::energy {

/// The keys a sheet's `energy:` block may hold (annual totals), in documentation order:
///   waste_treated_t             waste treated in the year, t
///   waste_ncv_gj_per_t          net calorific value of that waste, GJ/t (Ew = treated × NCV)
///   electricity_generated_mwh   gross electricity generated, MWh (R1 Ep, BAT W_e)
///   electricity_exported_mwh    electricity delivered to the grid, MWh
///   heat_exported_gj            heat delivered for commercial use, GJ (R1 Ep)
///   auxiliary_fuel_gj           fuel input contributing to steam production, GJ (R1 Ef)
///   imported_energy_gj          other imported energy, GJ (R1 Ei)
///   heating_degree_days         20-year average heating degree days of the site (CCF)
///   thermal_input_gj            thermal input to the furnace and boiler, GJ (BAT Q_th)
///   boiler_output_gj            heat output of the boiler to the water-steam cycle, GJ (BAT Q_b)
///   imported_heat_gj            imported heat, GJ (BAT Q_i)
///   heat_exchanger_output_gj    heat output from heat exchangers on the primary side, GJ (Q_he)
///   direct_heat_export_gj       directly exported heat minus return flow, GJ (BAT Q_de)
const std::vector<std::string>& energy_keys();

/// One computed indicator: a value, or the reason it could not be computed.
struct Indicator {
  std::optional<double> value;
  std::string unit;                      ///< "" for ratios
  std::string reason;                    ///< why `value` is empty ("" when set)
  std::vector<std::string> missing_keys; ///< energy keys (or "plant.permitted_on") it lacked
  /// The diagnostics that explain an empty `value` (E480 no block, E481 missing key, …).
  std::vector<Diagnostic> causes;
  /// False when the sheet gives none of the indicator's own inputs (BAT efficiencies only):
  /// its missing keys are then reported only when an indicator system asks for the measure.
  bool attempted = true;
};

struct EnergyOptions {
  /// The evaluation date (`--as-of`): after 2029-12-31 every plant gets the later CCF formula.
  Date evaluation_date{2025, 12, 31};
};

/// The terms of R1 as computed, GJ/year, for the report's trace.
struct R1Terms {
  double ep_gj = 0; ///< 2.6 × electricity generated + 1.1 × heat exported
  double ef_gj = 0; ///< auxiliary fuel
  double ei_gj = 0; ///< other imported energy
  double ew_gj = 0; ///< waste treated × net calorific value
};

struct EnergyResult {
  bool has_block = false; ///< the sheet has an `energy:` block at all
  std::optional<R1Terms> r1_terms;
  std::optional<double> heating_degree_days;
  std::optional<bool> ccf_early;    ///< the pre-2015-09-01 permit formula was used
  std::optional<Date> permitted_on; ///< the plant's permit date, when the sheet gives it
  Indicator r1;                     ///< R1 before climate correction
  Indicator ccf;                    ///< climate correction factor, rounded to 3 decimals
  Indicator r1_corrected;           ///< R1 × CCF
  Indicator r1_threshold;           ///< 0.60 or 0.65 by permit date
  Indicator r1_pass;                ///< 1 when r1_corrected ≥ threshold, else 0
  Indicator net_export_kwh_per_t;
  Indicator own_use_rate;                ///< (generated − exported) / generated, in [0, 1]
  Indicator gross_electrical_efficiency; ///< BAT η_e, ratio
  Indicator gross_energy_efficiency;     ///< BAT η_h, ratio
  /// Problems with what the sheet gives, each naming the key and pointing at it or at the energy
  /// block: missing inputs of attempted indicators when the block exists (E481), a missing permit
  /// date (E485), impossible values (E484, E486). A sheet without any `energy:` block yields none
  /// here: why_missing() reports E480 for a measure a system actually uses.
  Diagnostics diagnostics;
};

/// Computes every indicator it can. Diagnostics name each missing or invalid key once. η_e is only
/// attempted when the sheet gives `thermal_input_gj` or `boiler_output_gj`, η_h only when it gives
/// `heat_exchanger_output_gj` or `direct_heat_export_gj`.
EnergyResult compute(const PlantSheet& sheet, const EnergyOptions& options = {});

/// R1 = (Ep − (Ef + Ei)) / (0.97 × (Ew + Ef)), all in GJ/year (WFD 2008/98/EC Annex II).
/// `ep_gj` = 2.6 × electricity (GJ) + 1.1 × heat for commercial use (GJ).
double r1_formula(double ep_gj, double ef_gj, double ei_gj, double ew_gj);

/// Climate correction factor (Directive (EU) 2015/1127), rounded to 3 decimals. `early` is the
/// regime of installations permitted before 2015-09-01 (until 2029-12-31).
double climate_correction_factor(double heating_degree_days, bool early);

/// True when the early (pre-2015-09-01 permit) CCF formula applies on `evaluation_date`.
bool early_ccf_regime(const Date& permitted_on, const Date& evaluation_date);

/// 0.60 for installations permitted before 2009-01-01, 0.65 after 2008-12-31.
double r1_threshold(const Date& permitted_on);

/// `energy.r1`, `energy.ccf`, … for every indicator that has a value (with unit and source).
Measures energy_measures(const EnergyResult& result);

/// The measure names energy_measures() can produce, for checks of indicator systems.
const std::vector<std::string>& measure_names();

/// The diagnostics explaining why measure `name` (e.g. "energy.r1") has no value; empty when it
/// has one or the name is not an energy measure.
Diagnostics why_missing(const EnergyResult& result, const std::string& name);

} // namespace grate::energy
