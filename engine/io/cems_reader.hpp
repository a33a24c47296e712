// Streaming reader of CEMS CSV files (`grate-cems/1`, DESIGN §3): reads in large blocks, parses
// numbers with fast_float without allocating, maps columns (defaults or the sheet's mapping, with
// units, ppm → mg/m3, wet → dry, thermocouples averaged) and folds every row at once into a
// core LineAccumulator, so memory grows with days, not rows. Every problem is a diagnostic at
// file:row:column (row 1 = header); none is a crash. Also runs the judgement of a whole sheet,
// one thread per line.
#pragma once

#include "core/diagnostic.hpp"
#include "core/emissions/accumulator.hpp"
#include "core/emissions/limit_set.hpp"
#include "core/emissions/result.hpp"
#include "core/plant.hpp"
#include "io/files.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace grate::io {

struct CemsReadStats {
  std::int64_t rows = 0; ///< data rows read (header excluded)
  std::int64_t bytes = 0;
  std::int64_t rejected_rows = 0; ///< rows with an error, not folded in
  std::int64_t problems = 0;      ///< diagnostics found (listed or not)
};

/// At most this many diagnostics are listed per file; the rest are counted in one E455.
inline constexpr std::int64_t cems_listed_problems = 50;

/// Reads the CEMS file `source.file` into `into` (the plant's zone is in `into`'s config).
/// Returns false when the file could not be read at all (E440) or had no usable header.
bool read_cems_file(const CemsSource& source, emissions::LineAccumulator& into,
                    Diagnostics& diagnostics, CemsReadStats* stats = nullptr);

/// Same, from text in memory; `name` is used in diagnostics (tests, `grate check`).
bool read_cems_text(std::string_view text, const std::string& name, const CemsSource& source,
                    emissions::LineAccumulator& into, Diagnostics& diagnostics,
                    CemsReadStats* stats = nullptr);

/// The accumulator configuration for a source of a plant in zone `utc_offset_minutes`.
emissions::AccumulatorConfig accumulator_config(const CemsSource& source, int utc_offset_minutes);

struct EmissionsRequest {
  emissions::Regime regime = emissions::Regime::Cn;
  const emissions::LimitSet* primary = nullptr;
  std::vector<const emissions::LimitSet*> comparisons;
  bool use_period = true; ///< judge the days of the sheet's period (else the days with data)
  unsigned threads = 0;   ///< 0: one per hardware thread
};

/// Reads every CEMS file of `sheet` (files of the same line in sheet order, into one series)
/// and judges each line, in parallel. Lines come out in the order of their first file.
/// Returns nullopt when a file had errors (all reported).
std::optional<emissions::EmissionsResult> evaluate_emissions(const PlantSheet& sheet,
                                                             const EmissionsRequest& request,
                                                             Diagnostics& diagnostics);

} // namespace grate::io
