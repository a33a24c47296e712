// Reads limit sets (`schema: limit-set/1`, criteria/limits/*.yaml) into emissions::LimitSet,
// strictly: unknown keys, unknown pollutants or averaging periods, duplicate limits, dated values
// out of order and impossible shares are diagnostics (E350–E359), all reported in one run.
#pragma once

#include "core/diagnostic.hpp"
#include "core/emissions/limit_set.hpp"
#include "io/files.hpp"
#include "io/yaml_tree.hpp"

#include <optional>
#include <string>
#include <vector>

namespace grate::io {

/// Ids of the bundled limit sets (criteria/limits/<id>.yaml), sorted.
std::vector<std::string> bundled_limit_set_ids();

/// `id_or_file`: a bundled id (looked up in the embedded criteria) or a path to a YAML file
/// (anything containing '/' or ending in '.yaml'/'.yml'). Unknown ids are E350 with the nearest
/// bundled id suggested. The text is kept in `sources` for diagnostics.
std::optional<emissions::LimitSet>
load_limit_set(const std::string& id_or_file, SourceRegistry& sources, Diagnostics& diagnostics);

/// Builds a limit set from a parsed document; `file` names it in diagnostics.
std::optional<emissions::LimitSet> parse_limit_set(const YamlNode& root, const std::string& file,
                                                   Diagnostics& diagnostics);

} // namespace grate::io
