#include "io/diagnostic_render.hpp"

#include <fmt/format.h>

namespace grate::io {

namespace {

/// Display width of the first `bytes` bytes of a UTF-8 line: CJK and full-width characters take
/// two columns, so the caret lands under the right character.
std::size_t display_width(std::string_view line, std::size_t bytes) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < bytes && i < line.size();) {
    const auto c = static_cast<unsigned char>(line[i]);
    std::size_t length = 1;
    char32_t cp = c;
    if (c >= 0xF0) {
      length = 4;
      cp = c & 0x07u;
    } else if (c >= 0xE0) {
      length = 3;
      cp = c & 0x0Fu;
    } else if (c >= 0xC0) {
      length = 2;
      cp = c & 0x1Fu;
    }
    for (std::size_t k = 1; k < length && i + k < line.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(line[i + k]) & 0x3Fu);
    if (line[i] == '\t')
      width += 1;
    else
      width += (cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                                 (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                                 (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)))
                   ? 2
                   : 1;
    i += length;
  }
  return width;
}

} // namespace

std::string render_text(const Diagnostic& d, const SourceRegistry& sources) {
  const char* level = d.severity() == Severity::Error ? "error" : "warning";
  std::string out;
  if (d.where.file.empty())
    out = fmt::format("grate: {}[{}]: {}\n", level, d.code, d.message);
  else if (!d.where.known())
    out = fmt::format("{}: {}[{}]: {}\n", d.where.file, level, d.code, d.message);
  else
    out = fmt::format("{}:{}:{}: {}[{}]: {}\n", d.where.file, d.where.line, d.where.column, level,
                      d.code, d.message);
  if (d.where.known()) {
    if (auto line = sources.line(d.where.file, d.where.line)) {
      const std::string number = fmt::format("{}", d.where.line);
      const std::string gutter(number.size(), ' ');
      std::string shown(*line);
      // Tabs become spaces (the caret counts them as one column); other control bytes would
      // disturb the terminal, so they are shown as '?'.
      for (auto& c : shown) {
        if (c == '\t')
          c = ' ';
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
          c = '?';
      }
      const std::size_t caret =
          display_width(*line, static_cast<std::size_t>(std::max(d.where.column, 1) - 1));
      out += fmt::format(" {:>4} | {}\n {:>4} | {}^\n", number, shown, "", std::string(caret, ' '));
      (void)gutter;
    }
  }
  for (const auto& note : d.notes)
    out += fmt::format("  note: {}\n", note);
  for (const auto& hint : d.hints)
    out += fmt::format("  hint: {}\n", hint);
  return out;
}

std::string json_quote(std::string_view text) {
  std::string out = "\"";
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (c < 0x20)
        out += fmt::format("\\u{:04x}", c);
      else
        out += ch;
    }
  }
  out += '"';
  return out;
}

std::string render_json_line(const Diagnostic& d) {
  std::string notes, hints;
  for (const auto& n : d.notes) {
    if (!notes.empty())
      notes += ',';
    notes += json_quote(n);
  }
  for (const auto& h : d.hints) {
    if (!hints.empty())
      hints += ',';
    hints += json_quote(h);
  }
  return fmt::format("{{\"severity\":\"{}\",\"code\":\"{}\",\"file\":{},\"line\":{},\"column\":{},"
                     "\"message\":{},\"notes\":[{}],\"hints\":[{}]}}\n",
                     d.severity() == Severity::Error ? "error" : "warning", d.code,
                     json_quote(d.where.file), d.where.line, d.where.column, json_quote(d.message),
                     notes, hints);
}

std::string render_all_text(const Diagnostics& diagnostics, const SourceRegistry& sources) {
  Diagnostics sorted = diagnostics;
  sorted.sort_by_location();
  std::string out;
  for (const auto& d : sorted.items())
    out += render_text(d, sources);
  const std::size_t errors = sorted.error_count(), warnings = sorted.warning_count();
  if (errors > 0)
    out += fmt::format("{} error{}{}\n", errors, errors == 1 ? "" : "s",
                       warnings ? fmt::format(", {} warning{}", warnings, warnings == 1 ? "" : "s")
                                : "");
  return out;
}

std::string render_all_json(const Diagnostics& diagnostics) {
  Diagnostics sorted = diagnostics;
  sorted.sort_by_location();
  std::string out;
  for (const auto& d : sorted.items())
    out += render_json_line(d);
  return out;
}

} // namespace grate::io
