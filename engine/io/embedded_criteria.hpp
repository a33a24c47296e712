// The files of criteria/ compiled into the binary (see cmake/embed_criteria.cmake), so bundled
// indicator systems and limit sets are found from any working folder.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace grate::io {

struct EmbeddedFile {
  const char* path; ///< "criteria/<folder>/<file>.yaml"
  const char* data;
  std::size_t size;
};

std::span<const EmbeddedFile> embedded_criteria();

/// The embedded file at `path`, or nullopt.
std::optional<std::string_view> embedded_file(std::string_view path);

} // namespace grate::io
