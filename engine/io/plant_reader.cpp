#include "io/plant_reader.hpp"

#include "core/energy.hpp"
#include "io/cems_sheet.hpp"
#include "io/yaml_read.hpp"

#include <fmt/format.h>
#include <set>

namespace grate::io {

std::optional<FactValue> read_fact_value(const YamlNode& node, Diagnostics& diagnostics) {
  FactValue fact;
  fact.where = node.where;
  const YamlNode* value = &node;
  if (node.is_map()) {
    MapReader map(node, "a fact", {"value", "unit", "source"}, diagnostics);
    value = map.require("value");
    if (!value)
      return std::nullopt;
    if (const auto* unit = map.get("unit"))
      if (auto s = read_string(*unit, diagnostics))
        fact.unit = *s;
    if (const auto* source = map.get("source"))
      if (auto s = read_string(*source, diagnostics))
        fact.source = *s;
  }
  if (!value->is_scalar()) {
    expected(*value, "a number, true/false or a level name", diagnostics);
    return std::nullopt;
  }
  if (!value->quoted) {
    if (auto number = parse_plain_number(value->scalar)) {
      fact.kind = FactValue::Kind::Number;
      fact.number = *number;
      return fact;
    }
    if (auto boolean = parse_plain_bool(value->scalar)) {
      fact.kind = FactValue::Kind::Bool;
      fact.boolean = *boolean;
      return fact;
    }
    const std::string& s = value->scalar;
    if (s == ".nan" || s == ".NaN" || s == "nan" || s == "NaN" || s == ".inf" || s == "-.inf" ||
        s == "inf") {
      auto& d = diagnostics.add("E202", value->where, fmt::format("'{}' is not a usable value", s));
      d.hints.push_back("leave the fact out when it is unknown; grate reports what is missing");
      return std::nullopt;
    }
  }
  fact.kind = FactValue::Kind::Text;
  fact.text = value->scalar;
  return fact;
}

namespace {

std::optional<int> parse_utc_offset(std::string_view text) {
  if (text == "Z" || text == "UTC" || text == "+00:00")
    return 0;
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':')
    return std::nullopt;
  auto digit = [&](std::size_t i) {
    return text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -100;
  };
  const int hours = digit(1) * 10 + digit(2), minutes = digit(4) * 10 + digit(5);
  if (hours < 0 || hours > 14 || minutes < 0 || minutes > 59)
    return std::nullopt;
  return (text[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
}

void read_plant_block(const YamlNode& node, Plant& plant, Diagnostics& diagnostics) {
  MapReader map(node, "'plant'",
                {"id", "name", "capacity_tpd", "commissioned", "permitted_on", "timezone", "lines",
                 "operator", "location", "technology"},
                diagnostics);
  if (!map.ok())
    return;
  plant.where = node.where;
  if (const auto* id = map.require("id"))
    if (auto s = read_string(*id, diagnostics))
      plant.id = *s;
  if (const auto* name = map.get("name"))
    if (auto t = read_local_text(*name, diagnostics))
      plant.name = *t;
  if (const auto* capacity = map.get("capacity_tpd"))
    if (auto v = read_number(*capacity, diagnostics)) {
      if (*v <= 0)
        diagnostics.add("E404", capacity->where,
                        fmt::format("capacity_tpd must be positive, found {}", *v));
      else
        plant.capacity_tpd = v;
    }
  if (const auto* commissioned = map.get("commissioned"))
    plant.commissioned = read_date(*commissioned, diagnostics);
  if (const auto* permitted = map.get("permitted_on"))
    plant.permitted_on = read_date(*permitted, diagnostics);
  if (const auto* zone = map.get("timezone")) {
    if (auto s = read_string(*zone, diagnostics)) {
      if (auto offset = parse_utc_offset(*s)) {
        plant.utc_offset_minutes = *offset;
        plant.timezone = *s;
      } else {
        auto& d = diagnostics.add("E402", zone->where,
                                  fmt::format("timezone '{}' is not a UTC offset", *s));
        d.hints.push_back(
            "write it as \"+08:00\" (quoted); CEMS days are natural days at this offset");
      }
    }
  }
  if (const auto* lines = map.get("lines")) {
    if (!lines->is_sequence()) {
      expected(*lines, "a list of lines", diagnostics);
      return;
    }
    std::set<std::string> seen;
    for (const auto& item : lines->items) {
      MapReader line_map(item, "a line", {"id", "capacity_tpd", "technology"}, diagnostics);
      if (!line_map.ok())
        continue;
      PlantLine line;
      line.where = item.where;
      if (const auto* id = line_map.require("id"))
        if (auto s = read_string(*id, diagnostics)) {
          line.id = *s;
          if (!seen.insert(*s).second)
            diagnostics.add("E401", id->where, fmt::format("line '{}' is listed twice", *s));
        }
      if (const auto* capacity = line_map.get("capacity_tpd"))
        line.capacity_tpd = read_number(*capacity, diagnostics);
      if (const auto* technology = line_map.get("technology"))
        if (auto s = read_string(*technology, diagnostics))
          line.technology = *s;
      plant.lines.push_back(std::move(line));
    }
  }
}

void read_period(const YamlNode& node, Period& period, Diagnostics& diagnostics) {
  MapReader map(node, "'period'", {"from", "to"}, diagnostics);
  if (!map.ok())
    return;
  period.where = node.where;
  const auto* from = map.require("from");
  const auto* to = map.require("to");
  if (!from || !to)
    return;
  auto f = read_date(*from, diagnostics), t = read_date(*to, diagnostics);
  if (f && t) {
    period.from = *f;
    period.to = *t;
    if (*t < *f)
      diagnostics.add("E403", to->where,
                      fmt::format("period ends ({}) before it starts ({})", t->iso(), f->iso()));
  }
}

void read_findings(const YamlNode& node, PlantSheet& sheet, Diagnostics& diagnostics) {
  if (!node.is_map()) {
    expected(node, "a map from item to findings", diagnostics);
    return;
  }
  for (const auto& entry : node.entries) {
    sheet.findings_where[entry.key] = entry.key_where;
    auto& list = sheet.findings[entry.key];
    if (entry.value.is_null())
      continue;
    if (!entry.value.is_sequence()) {
      expected(entry.value, "a list of {defect, count}", diagnostics);
      continue;
    }
    for (const auto& item : entry.value.items) {
      MapReader map(item, "a finding", {"defect", "count", "note"}, diagnostics);
      if (!map.ok())
        continue;
      Finding finding;
      finding.where = item.where;
      if (const auto* defect = map.require("defect"))
        if (auto s = read_string(*defect, diagnostics))
          finding.defect = *s;
      if (const auto* count = map.get("count"))
        if (auto v = read_number(*count, diagnostics)) {
          if (*v < 0)
            diagnostics.add("E406", count->where,
                            fmt::format("a finding count cannot be negative, found {}", *v));
          finding.count = *v;
        }
      list.push_back(std::move(finding));
    }
  }
}

void read_energy(const YamlNode& node, PlantSheet& sheet, Diagnostics& diagnostics) {
  MapReader map(node, "'energy'", energy::energy_keys(), diagnostics);
  if (!map.ok())
    return;
  sheet.energy_where = node.where;
  for (const auto& entry : node.entries) {
    const auto& keys = energy::energy_keys();
    if (std::find(keys.begin(), keys.end(), entry.key) == keys.end())
      continue;
    auto fact = read_fact_value(entry.value, diagnostics);
    if (!fact)
      continue;
    if (fact->kind != FactValue::Kind::Number) {
      expected(entry.value, "a number", diagnostics);
      continue;
    }
    if (fact->number < 0) {
      diagnostics.add("E407", entry.value.where,
                      fmt::format("'{}' cannot be negative, found {}", entry.key, fact->number));
      continue;
    }
    sheet.energy[entry.key] = *fact;
  }
}

void read_stack_tests(const YamlNode& node, PlantSheet& sheet, Diagnostics& diagnostics) {
  if (!node.is_sequence()) {
    expected(node, "a list of stack tests", diagnostics);
    return;
  }
  for (const auto& item : node.items) {
    MapReader map(item, "a stack test",
                  {"date", "line", "pollutant", "value", "unit", "o2_percent", "source", "lab"},
                  diagnostics);
    if (!map.ok())
      continue;
    StackTest test;
    test.where = item.where;
    bool ok = true;
    if (const auto* date = map.require("date")) {
      if (auto d = read_date(*date, diagnostics))
        test.date = *d;
      else
        ok = false;
    }
    if (const auto* line = map.get("line"))
      if (auto s = read_string(*line, diagnostics))
        test.line = *s;
    if (const auto* pollutant = map.require("pollutant"))
      if (auto s = read_string(*pollutant, diagnostics))
        test.pollutant = *s;
    if (const auto* value = map.require("value")) {
      if (auto v = read_number(*value, diagnostics)) {
        if (*v < 0) {
          diagnostics.add("E404", value->where,
                          fmt::format("a measured value cannot be negative, found {}", *v));
          ok = false;
        }
        test.value = *v;
      } else {
        ok = false;
      }
    }
    if (const auto* unit = map.require("unit"))
      if (auto s = read_string(*unit, diagnostics))
        test.unit = *s;
    if (const auto* o2 = map.get("o2_percent"))
      if (auto v = read_number(*o2, diagnostics)) {
        if (*v < 0 || *v >= 21) {
          auto& d = diagnostics.add("E404", o2->where,
                                    fmt::format("o2_percent {} is outside [0, 21)", *v));
          d.hints.push_back(
              "O2 in flue gas is below the 21 % of air; correction divides by (21 − O2)");
          ok = false;
        } else {
          test.o2_percent = v;
        }
      }
    if (ok)
      sheet.stack_tests.push_back(std::move(test));
  }
}

} // namespace

std::optional<PlantSheet> parse_plant_sheet(const YamlNode& root, const std::string& file,
                                            Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.error_count();
  if (!check_schema(root, "plant-data/1", diagnostics))
    return std::nullopt;
  MapReader map(
      root, "a plant sheet",
      {"schema", "plant", "period", "facts", "findings", "energy", "stack_tests", "cems", "notes"},
      diagnostics);
  PlantSheet sheet;
  sheet.file = file;
  if (const auto* plant = map.require("plant"))
    read_plant_block(*plant, sheet.plant, diagnostics);
  if (const auto* period = map.require("period"))
    read_period(*period, sheet.period, diagnostics);
  if (const auto* facts = map.get("facts")) {
    if (!facts->is_map()) {
      expected(*facts, "a map of facts", diagnostics);
    } else {
      for (const auto& entry : facts->entries)
        if (auto fact = read_fact_value(entry.value, diagnostics))
          sheet.facts[entry.key] = *fact;
    }
  }
  if (const auto* findings = map.get("findings"))
    read_findings(*findings, sheet, diagnostics);
  if (const auto* energy = map.get("energy"))
    read_energy(*energy, sheet, diagnostics);
  if (const auto* tests = map.get("stack_tests"))
    read_stack_tests(*tests, sheet, diagnostics);
  if (const auto* cems = map.get("cems"))
    sheet.cems = read_cems_block(*cems, file, diagnostics);

  // Lines named by stack tests and CEMS files must exist when the sheet lists lines.
  if (!sheet.plant.lines.empty()) {
    auto known = [&](const std::string& id) {
      return std::any_of(sheet.plant.lines.begin(), sheet.plant.lines.end(),
                         [&](const PlantLine& l) { return l.id == id; });
    };
    std::vector<std::string> ids;
    for (const auto& l : sheet.plant.lines)
      ids.push_back(l.id);
    for (const auto& test : sheet.stack_tests)
      if (!test.line.empty() && !known(test.line))
        diagnostics
            .add("E405", test.where,
                 fmt::format("stack test names line '{}', which 'plant.lines' does not list",
                             test.line))
            .notes.push_back("lines: " + quoted_list(ids));
    for (const auto& source : sheet.cems)
      if (!known(source.line))
        diagnostics
            .add("E405", source.where,
                 fmt::format("CEMS file names line '{}', which 'plant.lines' does not list",
                             source.line))
            .notes.push_back("lines: " + quoted_list(ids));
  }
  if (diagnostics.error_count() > errors_before)
    return std::nullopt;
  return sheet;
}

std::optional<PlantSheet> read_plant_sheet(const std::string& path, SourceRegistry& sources,
                                           Diagnostics& diagnostics) {
  auto text = read_text_file(path, diagnostics);
  if (!text)
    return std::nullopt;
  const std::string_view stored = sources.add(path, std::move(*text));
  auto root = parse_yaml(stored, path, diagnostics);
  if (!root)
    return std::nullopt;
  return parse_plant_sheet(*root, path, diagnostics);
}

} // namespace grate::io
