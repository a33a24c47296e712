#include "io/cems_sheet.hpp"

#include <fmt/format.h>

#include "io/files.hpp"
#include "io/yaml_read.hpp"

namespace grate::io {

namespace {

void read_basis(const YamlNode& node, CemsSource& source, Diagnostics& diagnostics) {
  MapReader basis(node, "a CEMS basis", {"o2_reference", "values_at", "moisture", "o2_cap"},
                  diagnostics);
  if (!basis.ok()) return;
  if (const auto* o2 = basis.get("o2_reference"))
    if (auto v = read_number(*o2, diagnostics)) source.o2_reference = *v;
  if (const auto* cap = basis.get("o2_cap"))
    if (auto v = read_number(*cap, diagnostics)) {
      if (*v <= 0 || *v >= 21)
        diagnostics.add("E441", cap->where, fmt::format("o2_cap {} is outside (0, 21) %", *v));
      else
        source.o2_cap = *v;
    }
  if (const auto* at = basis.get("values_at")) {
    if (at->is_scalar() && at->scalar == "measured_o2") source.values_at_reference_o2 = false;
    else if (at->is_scalar() && at->scalar == "reference_o2") source.values_at_reference_o2 = true;
    else expected(*at, "'measured_o2' or 'reference_o2'", diagnostics);
  }
  if (const auto* moisture = basis.get("moisture")) {
    if (moisture->is_scalar() && moisture->scalar == "dry") source.wet = false;
    else if (moisture->is_scalar() && moisture->scalar == "wet") source.wet = true;
    else expected(*moisture, "'dry' or 'wet'", diagnostics);
  }
}

void read_columns(const YamlNode& node, CemsSource& source, Diagnostics& diagnostics) {
  if (!node.is_map()) {
    expected(node, "a map from measure name to column", diagnostics);
    return;
  }
  for (const auto& entry : node.entries) {
    if (entry.key == "furnace_temp" && entry.value.is_sequence()) {
      for (const auto& item : entry.value.items)
        if (auto name = read_string(item, diagnostics)) source.furnace_temp_columns.push_back(*name);
      continue;
    }
    CemsColumn column;
    if (entry.value.is_scalar()) {
      column.column = entry.value.scalar;
    } else {
      MapReader map(entry.value, "a CEMS column", {"column", "unit"}, diagnostics);
      if (!map.ok()) continue;
      if (const auto* c = map.require("column"))
        if (auto s = read_string(*c, diagnostics)) column.column = *s;
      if (const auto* u = map.get("unit"))
        if (auto s = read_string(*u, diagnostics)) column.unit = *s;
    }
    source.columns[entry.key] = column;
  }
}

}  // namespace

std::vector<CemsSource> read_cems_block(const YamlNode& node, const std::string& sheet_file,
                                        Diagnostics& diagnostics) {
  std::vector<CemsSource> sources;
  if (!node.is_sequence()) {
    expected(node, "a list of CEMS files", diagnostics);
    return sources;
  }
  for (const auto& item : node.items) {
    MapReader map(item, "a CEMS entry", {"file", "line", "basis", "columns"}, diagnostics);
    if (!map.ok()) continue;
    CemsSource source;
    source.where = item.where;
    if (const auto* file = map.require("file"))
      if (auto s = read_string(*file, diagnostics)) {
        source.file_as_written = *s;
        source.file = resolve_relative(sheet_file, *s);
      }
    if (const auto* line = map.require("line"))
      if (auto s = read_string(*line, diagnostics)) source.line = *s;
    if (const auto* basis = map.get("basis")) read_basis(*basis, source, diagnostics);
    if (const auto* columns = map.get("columns")) read_columns(*columns, source, diagnostics);
    sources.push_back(std::move(source));
  }
  return sources;
}

}  // namespace grate::io
