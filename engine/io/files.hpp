// Reading user files (remembered for diagnostics), writing reports atomically, and the
// registry of source texts that diagnostic rendering quotes from. Inputs are never modified.
#pragma once

#include "core/diagnostic.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace grate::io {

/// Texts of every file read in this run, by the name diagnostics use for it.
class SourceRegistry {
public:
  /// Stores `text` under `name` and returns a view that stays valid for the registry's life.
  std::string_view add(const std::string& name, std::string text);
  [[nodiscard]] const std::string* text(const std::string& name) const;
  /// Line `line` (1-based) of `name`, without its newline, or nullopt.
  [[nodiscard]] std::optional<std::string_view> line(const std::string& name, int line) const;

private:
  std::map<std::string, std::shared_ptr<const std::string>, std::less<>> texts_;
};

/// Reads a whole file. On failure adds E104 and returns nullopt.
std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diagnostics,
                                          std::size_t max_bytes = std::size_t{1} << 30);

/// Writes `content` to `path` via a temporary file in the same folder and a rename, so a reader
/// never sees a half-written report. Throws std::runtime_error on I/O failure.
void write_file_atomically(const std::string& path, std::string_view content);

/// `relative` resolved against the folder of `base_file` (absolute paths are kept).
std::string resolve_relative(const std::string& base_file, const std::string& relative);

} // namespace grate::io
