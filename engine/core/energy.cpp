// Energy indicators: R1, climate correction, threshold, export and own use, BAT efficiencies.
#include "core/energy.hpp"

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

} // namespace grate::energy
