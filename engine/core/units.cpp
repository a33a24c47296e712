#include "core/units.hpp"

#include <array>
#include <string>

namespace grate {

namespace {

struct UnitDef {
  std::string_view name;
  std::string_view kind;
  double factor; // to the kind's base unit
};

constexpr std::array units = {
    UnitDef{"t", "mass", 1000},
    UnitDef{"kg", "mass", 1},
    UnitDef{"g", "mass", 1e-3},
    UnitDef{"mg/m3", "concentration", 1},
    UnitDef{"mg/Nm3", "concentration", 1},
    UnitDef{"ug/m3", "concentration", 1e-3},
    UnitDef{"g/m3", "concentration", 1e3},
    UnitDef{"ng/m3", "concentration", 1e-6},
    UnitDef{"ng_teq_per_m3", "toxic_equivalent", 1},
    UnitDef{"ng TEQ/m3", "toxic_equivalent", 1},
    UnitDef{"pg_teq_per_m3", "toxic_equivalent", 1e-3},
    UnitDef{"GJ", "energy", 1},
    UnitDef{"MJ", "energy", 1e-3},
    UnitDef{"MWh", "energy", 3.6},
    UnitDef{"kWh", "energy", 3.6e-3},
    UnitDef{"GWh", "energy", 3600},
    UnitDef{"h", "time", 1},
    UnitDef{"min", "time", 1.0 / 60},
    UnitDef{"d", "time", 24},
    UnitDef{"%", "share", 1},
    UnitDef{"fraction", "share", 100},
    UnitDef{"t/d", "throughput", 1},
    UnitDef{"kg/d", "throughput", 1e-3},
    UnitDef{"kWh/t", "specific_energy", 1},
    UnitDef{"MWh/t", "specific_energy", 1000},
    UnitDef{"m", "length", 1},
    UnitDef{"km", "length", 1000},
    UnitDef{"s", "time", 1.0 / 3600},
};

const UnitDef* find(std::string_view name) {
  for (const auto& unit : units)
    if (unit.name == name)
      return &unit;
  return nullptr;
}

} // namespace

std::optional<double> convert_unit(double value, std::string_view from, std::string_view to) {
  if (from == to)
    return value;
  const UnitDef* a = find(from);
  const UnitDef* b = find(to);
  if (!a || !b || a->kind != b->kind)
    return std::nullopt;
  return value * a->factor / b->factor;
}

} // namespace grate
