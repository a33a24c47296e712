#include "io/files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <stdexcept>

namespace grate::io {

std::string_view SourceRegistry::add(const std::string& name, std::string text) {
  auto stored = std::make_shared<const std::string>(std::move(text));
  texts_[name] = stored;
  return *stored;
}

const std::string* SourceRegistry::text(const std::string& name) const {
  auto it = texts_.find(name);
  return it == texts_.end() ? nullptr : it->second.get();
}

std::optional<std::string_view> SourceRegistry::line(const std::string& name, int line) const {
  const std::string* all = text(name);
  if (!all || line < 1)
    return std::nullopt;
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) {
    start = all->find('\n', start);
    if (start == std::string::npos)
      return std::nullopt;
    ++start;
  }
  std::size_t end = all->find('\n', start);
  if (end == std::string::npos)
    end = all->size();
  if (end > start && (*all)[end - 1] == '\r')
    --end;
  return std::string_view(*all).substr(start, end - start);
}

std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diagnostics,
                                          std::size_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    diagnostics.add("E104", {path, 0, 0}, "is a folder, expected a file");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.add("E104", {path, 0, 0}, fmt::format("cannot read: {}", std::strerror(errno)));
    return std::nullopt;
  }
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::size_t>(in.tellg());
  if (size > max_bytes) {
    diagnostics.add("E103", {path, 0, 0},
                    fmt::format("file is {} bytes, more than the {} allowed", size, max_bytes));
    return std::nullopt;
  }
  in.seekg(0);
  std::string text(size, '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (!in) {
    diagnostics.add("E104", {path, 0, 0}, "read failed");
    return std::nullopt;
  }
  return text;
}

void write_file_atomically(const std::string& path, std::string_view content) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  fs::path temporary = target;
  temporary +=
      fmt::format(".{}.tmp", static_cast<unsigned long>(std::hash<std::string>{}(path)&0xffffff));
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out)
      throw std::runtime_error(
          fmt::format("cannot write '{}': {}", temporary.string(), std::strerror(errno)));
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out)
      throw std::runtime_error(fmt::format("cannot write '{}'", temporary.string()));
  }
  std::error_code ec;
  fs::rename(temporary, target, ec);
  if (ec) {
    fs::remove(temporary, ec);
    throw std::runtime_error(fmt::format("cannot write '{}'", path));
  }
}

std::string resolve_relative(const std::string& base_file, const std::string& relative) {
  const std::filesystem::path rel(relative);
  if (rel.is_absolute())
    return relative;
  const auto folder = std::filesystem::path(base_file).parent_path();
  return (folder / rel).lexically_normal().string();
}

} // namespace grate::io
