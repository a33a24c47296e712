// Renders diagnostics for people (file:line:col, source line, caret, notes, hints) and for
// programs (one JSON object per line). Knows nothing of the console: returns strings.
#pragma once

#include "core/diagnostic.hpp"
#include "io/files.hpp"

#include <string>

namespace grate::io {

std::string render_text(const Diagnostic& diagnostic, const SourceRegistry& sources);
std::string render_json_line(const Diagnostic& diagnostic);
/// All diagnostics, sorted by location, followed by a summary line when there are any errors.
std::string render_all_text(const Diagnostics& diagnostics, const SourceRegistry& sources);
std::string render_all_json(const Diagnostics& diagnostics);

/// JSON string literal with escapes (shared by every JSON writer of grate).
std::string json_quote(std::string_view text);

} // namespace grate::io
