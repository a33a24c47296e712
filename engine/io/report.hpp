// Renders an evaluation report (grate-report/1) as JSON (DESIGN §5 keys and more) or Markdown
// (English or Chinese), from an EvaluationReport. Formatting only: every number shown comes from
// the evaluation, with its trace (value, source, rule, fraction, score, maximum, reference).
#pragma once

#include <string>

#include "core/text.hpp"
#include "io/evaluation_pipeline.hpp"

namespace grate::io {

std::string render_report_json(const EvaluationReport& report);
std::string render_report_markdown(const EvaluationReport& report, Language language);

/// One CSV row per criterion: path, title, value, unit, rule, fraction, score, max, reference.
std::string render_report_csv(const EvaluationReport& report, Language language);

/// The engine's identity for reports.
inline constexpr const char* engine_name = "grate";

}  // namespace grate::io
