#include "io/cems_sheet.hpp"

#include "core/emissions/channels.hpp"
#include "io/files.hpp"
#include "io/yaml_read.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace grate::io {

namespace {

/// Keys of `columns:`: the measure names of DESIGN §3 plus the time and state columns.
std::vector<std::string> column_keys() {
  std::vector<std::string> keys = {"time", "state"};
  for (std::size_t c = 0; c < emissions::channel_count; ++c)
    keys.emplace_back(emissions::channel_name(static_cast<emissions::Channel>(c)));
  return keys;
}

/// Units a mapped column may be given in (converted by the reader, domain.md §4).
std::vector<std::string> units_for(const std::string& key) {
  if (key == "time" || key == "state")
    return {};
  if (key == "o2" || key == "h2o")
    return {"%"};
  if (key == "furnace_temp")
    return {"degC"};
  if (key == "flow")
    return {"m3/h", "Nm3/h"};
  const auto pollutant = emissions::parse_pollutant(key);
  std::vector<std::string> units = {"mg/m3", "ug/m3"};
  if (pollutant && emissions::mg_per_ppm(*pollutant))
    units.emplace_back("ppm");
  return units;
}

void read_basis(const YamlNode& node, CemsSource& source, Diagnostics& diagnostics) {
  MapReader basis(node, "a CEMS basis", {"o2_reference", "values_at", "moisture", "o2_cap"},
                  diagnostics);
  if (!basis.ok())
    return;
  if (const auto* o2 = basis.get("o2_reference"))
    if (auto v = read_number(*o2, diagnostics)) {
      if (*v < 0 || *v >= 21)
        diagnostics.add("E441", o2->where, fmt::format("o2_reference {} is outside [0, 21) %", *v));
      else
        source.o2_reference = *v;
    }
  if (const auto* cap = basis.get("o2_cap"))
    if (auto v = read_number(*cap, diagnostics)) {
      if (*v <= 0 || *v >= 21)
        diagnostics.add("E441", cap->where, fmt::format("o2_cap {} is outside (0, 21) %", *v));
      else
        source.o2_cap = *v;
    }
  if (const auto* at = basis.get("values_at")) {
    if (at->is_scalar() && at->scalar == "measured_o2")
      source.values_at_reference_o2 = false;
    else if (at->is_scalar() && at->scalar == "reference_o2")
      source.values_at_reference_o2 = true;
    else
      expected(*at, "'measured_o2' or 'reference_o2'", diagnostics);
  }
  if (const auto* moisture = basis.get("moisture")) {
    if (moisture->is_scalar() && moisture->scalar == "dry")
      source.wet = false;
    else if (moisture->is_scalar() && moisture->scalar == "wet")
      source.wet = true;
    else
      expected(*moisture, "'dry' or 'wet'", diagnostics);
  }
}

void read_columns(const YamlNode& node, CemsSource& source, Diagnostics& diagnostics) {
  if (!node.is_map()) {
    expected(node, "a map from measure name to column", diagnostics);
    return;
  }
  const auto keys = column_keys();
  for (const auto& entry : node.entries) {
    if (std::find(keys.begin(), keys.end(), entry.key) == keys.end()) {
      const std::string near = nearest_name(entry.key, keys);
      auto& d = diagnostics.add(
          "E460", entry.key_where,
          near.empty() ? fmt::format("unknown measure '{}' in 'columns'", entry.key)
                       : fmt::format("unknown measure '{}' in 'columns'; did you mean '{}'?",
                                     entry.key, near));
      d.notes.push_back("measures: " + quoted_list(keys));
      continue;
    }
    if (entry.key == "furnace_temp" && entry.value.is_sequence()) {
      // Several thermocouples, averaged per record (DESIGN §3 rule 4).
      for (const auto& item : entry.value.items)
        if (auto name = read_string(item, diagnostics))
          source.furnace_temp_columns.push_back(*name);
      if (entry.value.items.empty())
        diagnostics.add("E464", entry.value.where, "'furnace_temp' lists no thermocouple columns");
      continue;
    }
    CemsColumn column;
    if (entry.value.is_scalar()) {
      column.column = entry.value.scalar;
    } else {
      MapReader map(entry.value, "a CEMS column", {"column", "unit"}, diagnostics);
      if (!map.ok())
        continue;
      if (const auto* c = map.require("column"))
        if (auto s = read_string(*c, diagnostics))
          column.column = *s;
      if (const auto* u = map.get("unit"))
        if (auto s = read_string(*u, diagnostics)) {
          const auto units = units_for(entry.key);
          if (std::find(units.begin(), units.end(), *s) == units.end()) {
            auto& d = diagnostics.add(
                "E461", u->where,
                units.empty() ? fmt::format("'{}' takes no unit", entry.key)
                              : fmt::format("unit '{}' does not fit '{}'", *s, entry.key));
            if (!units.empty())
              d.notes.push_back("allowed units: " + quoted_list(units));
          } else {
            column.unit = *s;
          }
        }
    }
    source.columns[entry.key] = column;
  }
}

} // namespace

std::vector<CemsSource> read_cems_block(const YamlNode& node, const std::string& sheet_file,
                                        Diagnostics& diagnostics) {
  std::vector<CemsSource> sources;
  if (!node.is_sequence()) {
    expected(node, "a list of CEMS files", diagnostics);
    return sources;
  }
  for (const auto& item : node.items) {
    MapReader map(item, "a CEMS entry", {"file", "line", "basis", "columns", "interval"},
                  diagnostics);
    if (!map.ok())
      continue;
    CemsSource source;
    source.where = item.where;
    if (const auto* file = map.require("file"))
      if (auto s = read_string(*file, diagnostics)) {
        source.file_as_written = *s;
        source.file = resolve_relative(sheet_file, *s);
      }
    if (const auto* line = map.require("line"))
      if (auto s = read_string(*line, diagnostics))
        source.line = *s;
    if (const auto* basis = map.get("basis"))
      read_basis(*basis, source, diagnostics);
    if (const auto* columns = map.get("columns"))
      read_columns(*columns, source, diagnostics);
    if (const auto* interval = map.get("interval"))
      if (auto v = read_integer(*interval, diagnostics)) {
        // Records fill clock-aligned 5-minute blocks (rule 4), so the interval divides 300 s.
        if (*v <= 0 || 300 % *v != 0)
          diagnostics
              .add("E462", interval->where,
                   fmt::format("interval {} s does not divide 5 minutes (300 s)", *v))
              .hints.push_back("CEMS records are 1-minute by design: 'interval: 60'");
        else
          source.interval_seconds = static_cast<int>(*v);
      }
    sources.push_back(std::move(source));
  }
  return sources;
}

} // namespace grate::io
