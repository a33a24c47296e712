// Renders an evaluation report (grate-report/1) as JSON (DESIGN §5 keys and more) or Markdown
// (English or Chinese), from an EvaluationReport. Formatting only: every number shown comes from
// the evaluation, with its trace (value, source, rule, fraction, score, maximum, reference).
#pragma once

#include "core/text.hpp"
#include "io/evaluation_pipeline.hpp"

#include <string>

namespace grate::io {

std::string render_report_json(const EvaluationReport& report);
std::string render_report_markdown(const EvaluationReport& report, Language language);

/// One CSV row per criterion: path, title, value, unit, rule, fraction, score, max, reference.
std::string render_report_csv(const EvaluationReport& report, Language language);

/// One self-contained HTML page (inline CSS and SVG charts, no scripts or external resources).
std::string render_report_html(const EvaluationReport& report, Language language);

/// Writes an .xlsx workbook (Summary, Criteria, Rating, Energy, Emissions daily) to `path`
/// atomically (temporary file in the same folder, then a rename). Throws std::runtime_error when
/// grate was built without libxlsxwriter or on I/O failure.
void write_report_xlsx(const EvaluationReport& report, Language language, const std::string& path);

/// True when grate was built with libxlsxwriter (GRATE_HAVE_XLSX).
bool xlsx_supported();

/// The engine's identity for reports.
inline constexpr const char* engine_name = "grate";

} // namespace grate::io
