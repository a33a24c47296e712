#include "io/yaml_read.hpp"

#include <cmath>
#include <fast_float/fast_float.h>
#include <fmt/format.h>

namespace grate::io {

void expected(const YamlNode& node, std::string_view what, Diagnostics& diagnostics) {
  diagnostics.add("E202", node.where, fmt::format("expected {}, found {}", what, node.describe()));
}

MapReader::MapReader(const YamlNode& node, std::string what, std::vector<std::string> allowed,
                     Diagnostics& diagnostics)
    : node_(node), what_(std::move(what)), allowed_(std::move(allowed)), diagnostics_(diagnostics) {
  if (!node.is_map()) {
    expected(node, fmt::format("a map for {}", what_), diagnostics);
    return;
  }
  ok_ = true;
  for (const auto& entry : node.entries) {
    if (std::find(allowed_.begin(), allowed_.end(), entry.key) != allowed_.end())
      continue;
    const std::string near = nearest_name(entry.key, allowed_);
    auto& d =
        diagnostics.add("E201", entry.key_where,
                        near.empty() ? fmt::format("unknown key '{}' in {}", entry.key, what_)
                                     : fmt::format("unknown key '{}' in {}; did you mean '{}'?",
                                                   entry.key, what_, near));
    d.notes.push_back("allowed keys: " + quoted_list(allowed_));
  }
}

const YamlNode* MapReader::get(std::string_view key) const {
  if (!ok_)
    return nullptr;
  const YamlNode* value = node_.find(key);
  return value;
}

const YamlNode* MapReader::require(std::string_view key) {
  if (!ok_)
    return nullptr;
  const YamlNode* value = node_.find(key);
  if (!value)
    diagnostics_.add("E203", node_.where, fmt::format("{} needs the key '{}'", what_, key));
  return value;
}

std::optional<double> parse_plain_number(std::string_view text) {
  if (text.empty())
    return std::nullopt;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (*first == '+')
    ++first;
  double value = 0;
  auto [ptr, ec] = fast_float::from_chars(first, last, value);
  if (ec != std::errc() || ptr != last || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::optional<bool> parse_plain_bool(std::string_view text) {
  if (text == "true" || text == "True" || text == "TRUE")
    return true;
  if (text == "false" || text == "False" || text == "FALSE")
    return false;
  return std::nullopt;
}

std::optional<double> read_number(const YamlNode& node, Diagnostics& diagnostics,
                                  std::string_view what) {
  if (node.is_scalar() && !node.quoted)
    if (auto value = parse_plain_number(node.scalar))
      return value;
  expected(node, what, diagnostics);
  return std::nullopt;
}

std::optional<long long> read_integer(const YamlNode& node, Diagnostics& diagnostics) {
  if (auto value =
          node.is_scalar() && !node.quoted ? parse_plain_number(node.scalar) : std::nullopt;
      value && std::floor(*value) == *value && std::fabs(*value) < 9e15)
    return static_cast<long long>(*value);
  expected(node, "a whole number", diagnostics);
  return std::nullopt;
}

std::optional<bool> read_bool(const YamlNode& node, Diagnostics& diagnostics) {
  if (node.is_scalar() && !node.quoted)
    if (auto value = parse_plain_bool(node.scalar))
      return value;
  expected(node, "true or false", diagnostics);
  return std::nullopt;
}

std::optional<std::string> read_string(const YamlNode& node, Diagnostics& diagnostics) {
  if (node.is_scalar())
    return node.scalar;
  expected(node, "text", diagnostics);
  return std::nullopt;
}

std::optional<Date> read_date(const YamlNode& node, Diagnostics& diagnostics) {
  if (node.is_scalar())
    if (auto date = parse_date(node.scalar))
      return date;
  expected(node, "a date (YYYY-MM-DD)", diagnostics);
  return std::nullopt;
}

std::optional<LocalText> read_local_text(const YamlNode& node, Diagnostics& diagnostics) {
  if (node.is_scalar())
    return LocalText{node.scalar, node.scalar};
  MapReader map(node, "a text", {"zh", "en"}, diagnostics);
  if (!map.ok())
    return std::nullopt;
  LocalText text;
  if (const auto* zh = map.get("zh"))
    if (auto s = read_string(*zh, diagnostics))
      text.zh = *s;
  if (const auto* en = map.get("en"))
    if (auto s = read_string(*en, diagnostics))
      text.en = *s;
  return text;
}

std::optional<std::vector<std::string>> read_string_list(const YamlNode& node,
                                                         Diagnostics& diagnostics) {
  if (node.is_scalar())
    return std::vector<std::string>{node.scalar};
  if (!node.is_sequence()) {
    expected(node, "a list of names", diagnostics);
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : node.items)
    if (auto s = read_string(item, diagnostics))
      out.push_back(*s);
  return out;
}

bool check_schema(const YamlNode& root, std::string_view expected_schema,
                  Diagnostics& diagnostics) {
  if (!root.is_map()) {
    diagnostics.add("E204", root.where,
                    fmt::format("expected a map starting with 'schema: {}', found {}",
                                expected_schema, root.describe()));
    return false;
  }
  const YamlNode* schema = root.find("schema");
  if (!schema) {
    auto& d = diagnostics.add("E204", root.where, "missing 'schema:' key");
    d.hints.push_back(fmt::format("start the file with 'schema: {}'", expected_schema));
    return false;
  }
  if (!schema->is_scalar() || schema->scalar != expected_schema) {
    auto& d = diagnostics.add(
        "E204", schema->where,
        fmt::format("schema is {}, expected '{}'", schema->describe(), expected_schema));
    d.hints.push_back("grate reads indicator-system/1, limit-set/1 and plant-data/1 files");
    return false;
  }
  if (root.entries.front().key != "schema")
    diagnostics.add("E204", root.entries.front().key_where,
                    "'schema' must be the first key of the file");
  return true;
}

} // namespace grate::io
