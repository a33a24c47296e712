// Reads plant sheets (`schema: plant-data/1`, DESIGN §3) into PlantSheet, strictly: unknown keys,
// wrong types, impossible values (O2 ≥ 21 %, negative totals, unknown lines) are diagnostics.
#pragma once

#include "core/diagnostic.hpp"
#include "core/plant.hpp"
#include "io/files.hpp"
#include "io/yaml_tree.hpp"

#include <optional>
#include <string>

namespace grate::io {

/// Reads and checks the sheet at `path`; its text is kept in `sources` for diagnostics.
std::optional<PlantSheet> read_plant_sheet(const std::string& path, SourceRegistry& sources,
                                           Diagnostics& diagnostics);

/// Builds a sheet from an already parsed document (`file` names it in diagnostics and resolves
/// relative CEMS paths).
std::optional<PlantSheet> parse_plant_sheet(const YamlNode& root, const std::string& file,
                                            Diagnostics& diagnostics);

/// A fact value from a YAML node: a plain scalar (number, boolean or text) or
/// `{value, unit, source}`.
std::optional<FactValue> read_fact_value(const YamlNode& node, Diagnostics& diagnostics);

} // namespace grate::io
