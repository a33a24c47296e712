// Reads a plant sheet's `cems:` block into CemsSource values: which CSV file belongs to which
// line, on what basis its values are given, and how its columns map to grate's measures.
#pragma once

#include "core/diagnostic.hpp"
#include "core/plant.hpp"
#include "io/yaml_tree.hpp"

#include <string>
#include <vector>

namespace grate::io {

std::vector<CemsSource> read_cems_block(const YamlNode& node, const std::string& sheet_file,
                                        Diagnostics& diagnostics);

} // namespace grate::io
