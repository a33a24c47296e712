// Strict, typed reading of YamlNode trees: every wrong type, missing key or unknown key becomes a
// diagnostic at the node's location, and reading goes on so that one run reports everything.
#pragma once

#include "core/date.hpp"
#include "core/diagnostic.hpp"
#include "core/text.hpp"
#include "io/yaml_tree.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace grate::io {

/// Checks a map against its allowed keys on construction (E201 unknown key, with the nearest
/// allowed key suggested) and hands out values; `require` reports E203 for a missing key.
class MapReader {
public:
  MapReader(const YamlNode& node, std::string what, std::vector<std::string> allowed,
            Diagnostics& diagnostics);

  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] const YamlNode* get(std::string_view key) const;
  const YamlNode* require(std::string_view key);
  [[nodiscard]] const YamlNode& node() const { return node_; }

private:
  const YamlNode& node_;
  std::string what_;
  std::vector<std::string> allowed_;
  Diagnostics& diagnostics_;
  bool ok_ = false;
};

/// Each returns nullopt after adding E202 when the node is not of the expected type.
std::optional<double> read_number(const YamlNode& node, Diagnostics& diagnostics,
                                  std::string_view what = "a number");
std::optional<long long> read_integer(const YamlNode& node, Diagnostics& diagnostics);
std::optional<bool> read_bool(const YamlNode& node, Diagnostics& diagnostics);
std::optional<std::string> read_string(const YamlNode& node, Diagnostics& diagnostics);
std::optional<Date> read_date(const YamlNode& node, Diagnostics& diagnostics);
/// `{zh: …, en: …}` or a plain string (taken as both).
std::optional<LocalText> read_local_text(const YamlNode& node, Diagnostics& diagnostics);
/// A list of strings, or one string as a list of one.
std::optional<std::vector<std::string>> read_string_list(const YamlNode& node,
                                                         Diagnostics& diagnostics);

/// Plain (unquoted) scalars only: number parsing that accepts exactly what YAML 1.2 calls a
/// decimal or float, without locale, and refuses nan and inf (E202 via the callers).
std::optional<double> parse_plain_number(std::string_view text);
std::optional<bool> parse_plain_bool(std::string_view text);

/// Checks that `root` is a map whose first key is `schema: <expected>` (E204 otherwise).
bool check_schema(const YamlNode& root, std::string_view expected_schema, Diagnostics& diagnostics);

/// Adds E202 "expected X, found Y" at `node`.
void expected(const YamlNode& node, std::string_view what, Diagnostics& diagnostics);

} // namespace grate::io
