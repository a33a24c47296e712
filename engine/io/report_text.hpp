// Small helpers every report renderer shares: picking the English or Chinese wording, and making
// text safe inside a Markdown table cell or a CSV field. Formatting only.
#pragma once

#include "core/text.hpp"

#include <string>
#include <string_view>

namespace grate::io {

/// `w("Score", "得分")` picks the wording of the report's language.
struct Words {
  Language lang;
  const char* operator()(const char* en, const char* zh) const {
    return lang == Language::Zh ? zh : en;
  }
};

/// Text for one Markdown table cell: '|' escaped, line breaks turned into spaces.
inline std::string md_cell(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

/// One CSV field (RFC 4180): quoted, with doubled quotes, when it holds a comma, a quote or a
/// line break; as it is otherwise.
inline std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos)
    return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"')
      out += '"';
    out += c;
  }
  out += '"';
  return out;
}

} // namespace grate::io
