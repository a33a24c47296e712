// A YAML document as a plain tree that remembers where every node came from, built from
// yaml-cpp's event stream. It rejects what yaml-cpp lets through: duplicate keys, non-scalar
// keys, excessive nesting and alias bombs. Readers of grate's formats work on this tree only.
#pragma once

#include "core/diagnostic.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace grate::io {

enum class YamlKind { Null, Scalar, Sequence, Map };

struct YamlEntry;

struct YamlNode {
  YamlKind kind = YamlKind::Null;
  SourceLocation where;
  std::string scalar;             ///< text of a scalar
  bool quoted = false;            ///< the scalar was quoted: never a number, boolean or null
  std::vector<YamlNode> items;    ///< elements of a sequence
  std::vector<YamlEntry> entries; ///< pairs of a map, in file order

  [[nodiscard]] bool is_null() const { return kind == YamlKind::Null; }
  [[nodiscard]] bool is_scalar() const { return kind == YamlKind::Scalar; }
  [[nodiscard]] bool is_sequence() const { return kind == YamlKind::Sequence; }
  [[nodiscard]] bool is_map() const { return kind == YamlKind::Map; }
  /// The value under `key` in a map, or nullptr.
  [[nodiscard]] const YamlNode* find(std::string_view key) const;
  /// "a map", "a list", "'text'", "nothing" — what was found, for messages.
  [[nodiscard]] std::string describe() const;
};

struct YamlEntry {
  std::string key;
  SourceLocation key_where;
  YamlNode value;
};

struct YamlLimits {
  std::size_t max_bytes = 64u << 20; ///< refuse larger files (E103)
  int max_depth = 64;                ///< nesting of maps and lists (E103)
  std::size_t max_nodes = 1'000'000; ///< nodes after alias expansion (E103)
};

/// Parses one YAML document. On failure returns nullopt and adds E101/E102/E103 diagnostics;
/// duplicate keys are all reported, not just the first.
std::optional<YamlNode> parse_yaml(std::string_view text, const std::string& file,
                                   Diagnostics& diagnostics, const YamlLimits& limits = {});

} // namespace grate::io
