// Unit conversion for indicator values: a fact given in a compatible unit is converted to the
// unit an indicator asks for (kg → t, ug/m3 → mg/m3, kWh → MWh …); incompatible units are refused.
#pragma once

#include <optional>
#include <string_view>

namespace grate {

/// `value` in `from` expressed in `to`; nullopt when the units are unknown or not of one kind.
/// Equal unit strings always convert (factor 1), known or not.
std::optional<double> convert_unit(double value, std::string_view from, std::string_view to);

} // namespace grate
