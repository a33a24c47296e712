// Reads indicator systems (`schema: indicator-system/1`, DESIGN §2) into the model, strictly
// (unknown keys with suggestions, wrong types, duplicate keys), then runs the semantic checks of
// core/system_check. Finds bundled systems by id in the embedded criteria/.
#pragma once

#include "core/diagnostic.hpp"
#include "core/system.hpp"
#include "io/files.hpp"
#include "io/yaml_tree.hpp"

#include <optional>
#include <string>
#include <vector>

namespace grate::io {

/// Builds and checks a system from a parsed document; nullopt when any error was found.
std::optional<IndicatorSystem> parse_indicator_system(const YamlNode& root, const std::string& file,
                                                      Diagnostics& diagnostics);

/// `id_or_file`: a path to a YAML file, or the id of a bundled system
/// (criteria/<id>/system.yaml, embedded in the binary).
std::optional<IndicatorSystem> load_indicator_system(const std::string& id_or_file,
                                                     SourceRegistry& sources,
                                                     Diagnostics& diagnostics);

/// Ids of the bundled systems, sorted.
std::vector<std::string> bundled_system_ids();

/// Reads a structured condition (`{fact: x, at_least: 1}`, `{all: [...]}` …).
std::optional<Condition> read_condition(const YamlNode& node, Diagnostics& diagnostics);

/// The default system of `grate evaluate`.
inline constexpr const char* default_system_id = "cn-msw-incineration-grade";

} // namespace grate::io
