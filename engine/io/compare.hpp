// `grate compare`: the year-over-year difference of two `grate-report/1` JSON reports of the same
// plant — grade, score and clean level change, each criterion whose score moved (largest first,
// with old and new value and explanation), vetoes that started or stopped. Reads the reports
// with the YAML reader (JSON is YAML 1.2), leniently: only the keys compared are required, so
// reports that grew new keys still compare.
#pragma once

#include "core/diagnostic.hpp"
#include "core/text.hpp"
#include "io/files.hpp"

#include <optional>
#include <string>
#include <vector>

namespace grate::io {

/// The parts of a grate-report/1 that a comparison needs.
struct ReportSnapshot {
  struct Criterion {
    std::string path;
    LocalText title;
    double score = 0;
    double max = 0;
    bool leaf = false; ///< it has a rule (groups do not)
    std::string value; ///< "2.4 %", "true", "good", "missing"
    std::string explanation;
  };
  struct Veto {
    std::string id;
    std::optional<bool> triggered;
    std::string effect;
    std::string explanation;
  };
  std::string file;
  std::string plant_id;
  LocalText plant_name;
  std::string system_id, system_edition;
  std::string period_from, period_to, as_of;
  bool eligible = true;
  double score = 0;
  std::optional<std::string> grade;
  std::vector<std::string> bands; ///< grades, best first (from `bands`)
  std::optional<std::string> clean_level;
  bool has_clean_rating = false;
  std::vector<Veto> vetoes;
  std::vector<Criterion> criteria; ///< report order
};

/// Reads a grate-report/1 JSON text (E101 bad JSON, E204 not a grate-report/1, E203 a missing
/// key, E202 a wrong type). nullopt on any error.
std::optional<ReportSnapshot> read_report_snapshot(std::string_view text, const std::string& file,
                                                   Diagnostics& diagnostics);

/// Reads the file (kept in `sources` for diagnostics) and then read_report_snapshot.
std::optional<ReportSnapshot> load_report_snapshot(const std::string& path, SourceRegistry& sources,
                                                   Diagnostics& diagnostics);

struct CriterionChange {
  std::string path;
  LocalText title;
  bool leaf = false;
  std::optional<double> old_score, new_score; ///< nullopt: not in that report
  double old_max = 0, new_max = 0;
  double change = 0; ///< new − old (a missing side counts as 0)
  std::string old_value, new_value, old_explanation, new_explanation;
};

struct ReportComparison {
  const ReportSnapshot* old_report = nullptr;
  const ReportSnapshot* new_report = nullptr;
  double score_change = 0;
  /// +1 better, −1 worse, 0 same; by the new report's band order (no grade is below every band).
  int grade_direction = 0;
  bool edition_changed = false;
  std::vector<CriterionChange>
      leaves; ///< leaves that moved, appeared or disappeared; |change| desc
  std::vector<CriterionChange> groups; ///< groups that moved, report order
  std::vector<ReportSnapshot::Veto> vetoes_started, vetoes_stopped; ///< as in the new / old report
  std::size_t unchanged_leaves = 0;
};

/// Scores within this are equal (reports print 6 decimals).
inline constexpr double compare_tolerance = 5e-7;

/// Compares two reports; adds W660 when the plant ids differ and W661 when the systems differ.
ReportComparison compare_reports(const ReportSnapshot& old_report, const ReportSnapshot& new_report,
                                 Diagnostics& diagnostics);

std::string render_comparison_markdown(const ReportComparison& comparison, Language language);
std::string render_comparison_json(const ReportComparison& comparison);

} // namespace grate::io
