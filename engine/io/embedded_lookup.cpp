#include "io/embedded_criteria.hpp"

namespace grate::io {

std::optional<std::string_view> embedded_file(std::string_view path) {
  for (const auto& file : embedded_criteria())
    if (path == file.path)
      return std::string_view(file.data, file.size);
  return std::nullopt;
}

} // namespace grate::io
