#include "io/limit_set_reader.hpp"

#include "io/embedded_criteria.hpp"
#include "io/yaml_read.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace grate::io {

using namespace grate::emissions;

namespace {

constexpr std::string_view prefix = "criteria/limits/";

/// Pollutants judged from CEMS data must be CEMS measure names; periodic (`test`) limits may
/// also name what only stack tests measure.
const std::vector<std::string>& test_only_pollutants() {
  static const std::vector<std::string> names = {"pcdd_f", "cd_tl", "metals", "cd", "tl", "pb"};
  return names;
}

std::vector<std::string> cems_pollutant_names() {
  std::vector<std::string> names;
  for (const Pollutant p : all_pollutants)
    names.emplace_back(pollutant_name(p));
  return names;
}

void read_values(const YamlNode& node, Limit& limit, Diagnostics& diagnostics) {
  if (node.is_scalar()) {
    if (auto v = read_number(node, diagnostics)) {
      limit.values.push_back(DatedLimitValue{std::nullopt, *v, "", node.where});
    }
  } else if (node.is_map()) {
    // Dated values: date of effect → value or {value, reference} (DESIGN §2).
    for (const auto& entry : node.entries) {
      const auto date = parse_date(entry.key);
      if (!date) {
        diagnostics.add(
            "E354", entry.key_where,
            fmt::format("'{}' is not a date of effect; expected YYYY-MM-DD", entry.key));
        continue;
      }
      DatedLimitValue value{*date, 0, "", entry.key_where};
      if (entry.value.is_map()) {
        MapReader map(entry.value, "a dated limit value", {"value", "reference"}, diagnostics);
        if (!map.ok())
          continue;
        if (const auto* v = map.require("value")) {
          if (auto number = read_number(*v, diagnostics))
            value.value = *number;
          else
            continue;
        } else {
          continue;
        }
        if (const auto* r = map.get("reference"))
          if (auto s = read_string(*r, diagnostics))
            value.reference = *s;
      } else if (auto number = read_number(entry.value, diagnostics)) {
        value.value = *number;
      } else {
        continue;
      }
      if (!limit.values.empty() && limit.values.back().from &&
          !(*limit.values.back().from < *date)) {
        diagnostics.add("E354", entry.key_where,
                        fmt::format("date of effect {} is not after {}; list dated values in "
                                    "increasing order",
                                    entry.key, limit.values.back().from->iso()));
        continue;
      }
      limit.values.push_back(value);
    }
  } else {
    expected(node, "a number or a map from date of effect to value", diagnostics);
  }
  for (const auto& v : limit.values)
    if (!(v.value > 0))
      diagnostics.add("E355", v.where, fmt::format("limit value {} is not positive", v.value));
}

} // namespace

std::vector<std::string> bundled_limit_set_ids() {
  std::vector<std::string> ids;
  for (const auto& f : embedded_criteria()) {
    std::string_view path = f.path;
    if (path.substr(0, prefix.size()) != prefix)
      continue;
    path.remove_prefix(prefix.size());
    if (path.size() > 5 && path.substr(path.size() - 5) == ".yaml" &&
        path.find('/') == std::string_view::npos)
      ids.emplace_back(path.substr(0, path.size() - 5));
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::optional<LimitSet> parse_limit_set(const YamlNode& root, const std::string& file,
                                        Diagnostics& diagnostics) {
  const std::size_t errors = diagnostics.error_count();
  const YamlNode* schema = root.is_map() ? root.find("schema") : nullptr;
  if (!root.is_map() || root.entries.empty() || root.entries.front().key != "schema" ||
      !schema->is_scalar() || schema->scalar != "limit-set/1") {
    diagnostics
        .add("E204",
             root.is_map() && !root.entries.empty() ? root.entries.front().key_where : root.where,
             "a limit set starts with 'schema: limit-set/1'")
        .hints.push_back("put 'schema: limit-set/1' as the first line");
    return std::nullopt;
  }
  MapReader map(root, "a limit set",
                {"schema", "id", "title", "regime", "references", "provisional", "last_verified_on",
                 "unit", "o2_reference", "note", "limits"},
                diagnostics);
  LimitSet set;
  set.file = file;
  set.where = root.where;
  if (const auto* id = map.require("id"))
    if (auto s = read_string(*id, diagnostics))
      set.id = *s;
  if (const auto* title = map.get("title"))
    if (auto t = read_local_text(*title, diagnostics))
      set.title = *t;
  if (const auto* regime = map.get("regime")) {
    if (regime->is_scalar() && regime->scalar == "cn")
      set.regime = Regime::Cn;
    else if (regime->is_scalar() && regime->scalar == "eu")
      set.regime = Regime::Eu;
    else
      expected(*regime, "'cn' or 'eu'", diagnostics);
  }
  if (const auto* p = map.get("provisional"))
    if (auto b = read_bool(*p, diagnostics))
      set.provisional = *b;
  if (const auto* d = map.get("last_verified_on"))
    if (auto date = read_date(*d, diagnostics))
      set.last_verified_on = date->iso();
  if (const auto* refs = map.get("references")) {
    if (!refs->is_sequence()) {
      expected(*refs, "a list of references", diagnostics);
    } else {
      for (const auto& item : refs->items) {
        MapReader ref(item, "a reference", {"id", "title", "url"}, diagnostics);
        if (!ref.ok())
          continue;
        std::string id, title;
        if (const auto* i = ref.require("id"))
          if (auto s = read_string(*i, diagnostics))
            id = *s;
        if (const auto* t = ref.get("title"))
          if (auto s = read_string(*t, diagnostics))
            title = *s;
        set.references.push_back(title.empty() ? id : id + ": " + title);
      }
    }
  }
  std::string unit = "mg/m3";
  double o2_reference = 11;
  if (const auto* u = map.get("unit"))
    if (auto s = read_string(*u, diagnostics))
      unit = *s;
  if (const auto* o2 = map.get("o2_reference"))
    if (auto v = read_number(*o2, diagnostics))
      o2_reference = *v;

  const YamlNode* limits = map.require("limits");
  if (limits && !limits->is_sequence())
    expected(*limits, "a list of limits", diagnostics);
  if (limits && limits->is_sequence()) {
    for (const auto& item : limits->items) {
      MapReader lm(item, "a limit",
                   {"pollutant", "averaging", "value", "unit", "o2_reference", "reference",
                    "provisional", "note", "compliance_share", "confidence_interval"},
                   diagnostics);
      if (!lm.ok())
        continue;
      Limit limit;
      limit.where = item.where;
      limit.unit = unit;
      limit.o2_reference = o2_reference;
      limit.provisional = false;
      bool usable = true;
      const YamlNode* averaging_node = lm.require("averaging");
      if (averaging_node) {
        const auto text = read_string(*averaging_node, diagnostics);
        const auto averaging = text ? parse_averaging(*text) : std::nullopt;
        if (averaging) {
          limit.averaging = *averaging;
        } else {
          usable = false;
          if (text) {
            const std::vector<std::string> names = {"ten_minute", "half_hour_a", "half_hour_b",
                                                    "hour",       "day",         "test"};
            const std::string near = nearest_name(*text, names);
            auto& d = diagnostics.add(
                "E352", averaging_node->where,
                near.empty() ? fmt::format("unknown averaging period '{}'", *text)
                             : fmt::format("unknown averaging period '{}'; did you mean '{}'?",
                                           *text, near));
            d.notes.push_back("averaging periods: " + quoted_list(names));
          }
        }
      } else {
        usable = false;
      }
      if (const auto* p = lm.require("pollutant")) {
        if (auto s = read_string(*p, diagnostics)) {
          limit.pollutant = *s;
          const bool cems = parse_pollutant(*s).has_value();
          const auto& tests = test_only_pollutants();
          const bool test_only = std::find(tests.begin(), tests.end(), *s) != tests.end();
          if (!cems && !(test_only && usable && limit.averaging == Averaging::Test)) {
            std::vector<std::string> names = cems_pollutant_names();
            if (usable && limit.averaging == Averaging::Test)
              names.insert(names.end(), tests.begin(), tests.end());
            const std::string near = nearest_name(*s, names);
            auto& d = diagnostics.add(
                "E351", p->where,
                near.empty() ? fmt::format("unknown pollutant '{}'", *s)
                             : fmt::format("unknown pollutant '{}'; did you mean '{}'?", *s, near));
            d.notes.push_back("pollutants: " + quoted_list(names));
            usable = false;
          }
        } else {
          usable = false;
        }
      } else {
        usable = false;
      }
      if (const auto* v = lm.require("value"))
        read_values(*v, limit, diagnostics);
      if (const auto* u = lm.get("unit"))
        if (auto s = read_string(*u, diagnostics))
          limit.unit = *s;
      if (const auto* o2 = lm.get("o2_reference"))
        if (auto v = read_number(*o2, diagnostics))
          limit.o2_reference = *v;
      if (const auto* r = lm.get("reference"))
        if (auto s = read_string(*r, diagnostics))
          limit.reference = *s;
      if (limit.reference.empty() && !limit.values.empty() &&
          std::any_of(limit.values.begin(), limit.values.end(),
                      [](const auto& v) { return v.reference.empty(); }))
        diagnostics
            .add("E356", item.where,
                 fmt::format("limit for '{}' cites no reference", limit.pollutant))
            .hints.push_back("add 'reference:' with the clause the value comes from");
      if (const auto* p = lm.get("provisional"))
        if (auto b = read_bool(*p, diagnostics))
          limit.provisional = *b;
      if (const auto* n = lm.get("note"))
        if (auto s = read_string(*n, diagnostics))
          limit.note = *s;
      if (const auto* c = lm.get("compliance_share"))
        if (auto v = read_number(*c, diagnostics)) {
          if (*v <= 0 || *v > 1)
            diagnostics.add("E357", c->where,
                            fmt::format("compliance_share {} is outside (0, 1]", *v));
          else
            limit.compliance_share = *v;
        }
      if (const auto* c = lm.get("confidence_interval"))
        if (auto v = read_number(*c, diagnostics)) {
          if (*v < 0 || *v >= 1)
            diagnostics.add("E357", c->where,
                            fmt::format("confidence_interval {} is outside [0, 1)", *v));
          else
            limit.confidence_interval = *v;
        }
      if (!usable)
        continue;
      if (const Limit* other = set.find(limit.pollutant, limit.averaging)) {
        diagnostics
            .add("E353", item.where,
                 fmt::format("second '{}' limit for '{}'", averaging_name(limit.averaging),
                             limit.pollutant))
            .notes.push_back(fmt::format("the first is at line {}", other->where.line));
        continue;
      }
      set.limits.push_back(std::move(limit));
    }
  }
  if (diagnostics.error_count() > errors)
    return std::nullopt;
  return set;
}

std::optional<LimitSet> load_limit_set(const std::string& id_or_file, SourceRegistry& sources,
                                       Diagnostics& diagnostics) {
  const bool is_path =
      id_or_file.find('/') != std::string::npos ||
      (id_or_file.size() > 5 && (id_or_file.ends_with(".yaml") || id_or_file.ends_with(".yml")));
  std::string name;
  std::string_view text;
  if (is_path) {
    auto content = read_text_file(id_or_file, diagnostics);
    if (!content)
      return std::nullopt;
    name = id_or_file;
    text = sources.add(name, std::move(*content));
  } else {
    name = std::string(prefix) + id_or_file + ".yaml";
    auto embedded = embedded_file(name);
    if (!embedded) {
      const auto ids = bundled_limit_set_ids();
      const std::string near = nearest_name(id_or_file, ids);
      auto& d =
          diagnostics.add("E350", SourceLocation{},
                          near.empty() ? fmt::format("unknown limit set '{}'", id_or_file)
                                       : fmt::format("unknown limit set '{}'; did you mean '{}'?",
                                                     id_or_file, near));
      d.notes.push_back("bundled limit sets: " + quoted_list(ids));
      d.hints.push_back("give a bundled id, or the path of a 'limit-set/1' YAML file");
      return std::nullopt;
    }
    text = sources.add(name, std::string(*embedded));
  }
  auto root = parse_yaml(text, name, diagnostics);
  if (!root)
    return std::nullopt;
  return parse_limit_set(*root, name, diagnostics);
}

} // namespace grate::io
