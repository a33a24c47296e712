// `grate batch`: evaluates many plants with the single-plant pipeline (evaluate_plant), in
// parallel on std::threads, one failure never stopping the rest; finds the plants (a folder or a
// `grate-batch/1` manifest), ranks the graded plants by TOPSIS on request, and renders the summary
// (Markdown, JSON `grate-batch/1`, CSV). Results are in input order whatever the thread count.
// Knows nothing of the console: progress goes through a callback.
#pragma once

#include "core/diagnostic.hpp"
#include "core/text.hpp"
#include "io/evaluation_pipeline.hpp"
#include "io/files.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace grate::io {

/// The plants of a batch and the system its manifest names (if any).
struct BatchInput {
  std::vector<std::string> plants; ///< sheet paths, in evaluation order
  std::optional<std::string>
      system; ///< manifest `system:` (a file resolved against the manifest, or an id)
};

/// `path` is a folder: every `plant.yaml`, and every other `*.yaml`/`*.yml` that starts with
/// `schema: plant-data/1`, anywhere under it, sorted by path (a broken `plant.yaml` is still
/// included, so that it is reported). Otherwise a `schema: grate-batch/1` manifest with
/// `plants: [path, …]` (relative to the manifest) and an optional `system:`. E530 when no plant
/// is found; nullopt on any error.
std::optional<BatchInput> collect_batch(const std::string& path, SourceRegistry& sources,
                                        Diagnostics& diagnostics);

/// One plant of a batch.
struct BatchPlant {
  std::string file;
  std::string id;  ///< the sheet's plant id ("" when the sheet could not be read)
  bool ok = false; ///< evaluated (a report exists); it may still have no grade
  bool eligible = false;
  double score = 0;
  std::optional<std::string> grade;
  std::optional<std::string> band_grade;
  bool rated = false;                     ///< a clean-incineration rating was made
  std::optional<std::string> clean_level; ///< rating level id (nullopt: none met)
  LocalText clean_level_title;
  std::vector<double> top_scores;           ///< per top-level criterion (ok plants)
  std::optional<double> closeness;          ///< TOPSIS, when ranked
  std::optional<double> rank;               ///< 1 = best; averaged ties are x.5
  Diagnostics diagnostics;                  ///< everything the pipeline said
  std::string diagnostics_text;             ///< rendered with the sources it read
  std::string report_json, report_markdown; ///< only with BatchOptions::reports
};

struct BatchRanking {
  std::string method = "topsis";
  std::string normalization = "vector";
  std::string tie_rule = "average";
  std::vector<std::string> criteria; ///< top-level criterion paths (columns)
  std::vector<LocalText> titles;
  std::vector<double> weights; ///< criterion maximum / 100
  std::size_t ranked = 0;      ///< plants in the ranking
  std::string problem;         ///< why no ranking was possible ("" when ranked)
};

struct BatchResult {
  std::string system_id, system_edition;
  LocalText system_title;
  bool system_provisional = false;
  std::vector<BatchPlant> plants; ///< input order
  std::size_t failed = 0;
  std::optional<BatchRanking> ranking;
};

struct BatchOptions {
  EvaluateOptions evaluate;
  unsigned jobs = 0;    ///< threads; 0 = hardware concurrency
  bool reports = false; ///< keep each plant's rendered JSON and Markdown report
  Language language = Language::En;
  /// Called on the calling thread once per plant, in input order, as soon as that plant and all
  /// before it are done: (position from 1, total, plant). It may consume `report_*` (move them).
  std::function<void(std::size_t, std::size_t, BatchPlant&)> on_plant;
};

/// Evaluates every plant. The system (`options.evaluate.system`) must have been checked by the
/// caller: here it is read again for each plant.
BatchResult run_batch(const std::vector<std::string>& plants, const IndicatorSystem& system,
                      const BatchOptions& options);

/// TOPSIS over the top-level criterion scores of the plants that have a grade (benefit criteria,
/// weights = the criteria's maxima / 100, vector normalisation, average ranks for ties).
void rank_batch_topsis(BatchResult& result, const IndicatorSystem& system);

/// A file name for a plant's reports: its id with characters other than letters, digits, '.',
/// '-' and '_' replaced by '_'.
std::string report_file_stem(const std::string& plant_id);

/// Writes each graded plant's reports to a folder as <id>.json and <id>.md (a repeated id gets
/// <id>-2, <id>-3 … in input order), atomically, and frees the rendered texts. Throws
/// std::runtime_error when the folder cannot be created or a file cannot be written.
class BatchReportWriter {
public:
  explicit BatchReportWriter(std::string folder);
  /// Returns the file stem used ("" for a failed plant: it has no report).
  std::string write(BatchPlant& plant);

private:
  std::string folder_;
  std::map<std::string, int> used_;
};

std::string render_batch_markdown(const BatchResult& result, Language language);
std::string render_batch_json(const BatchResult& result);
std::string render_batch_csv(const BatchResult& result);

/// The first `count` errors of a failed plant, one line each ("file:3:1: error[E201]: …").
std::vector<std::string> first_errors(const BatchPlant& plant, std::size_t count);

} // namespace grate::io
