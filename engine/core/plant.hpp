// The plant sheet (`plant-data/1`) as a model: identity and lines, the period, facts, findings,
// energy totals, stack tests and the CEMS files it names. Values only; reading is grate::io's job.
#pragma once

#include "core/date.hpp"
#include "core/diagnostic.hpp"
#include "core/text.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace grate {

/// A scalar observation: a number (with unit), a boolean or a text (e.g. a level name).
struct FactValue {
  enum class Kind { Number, Bool, Text };
  Kind kind = Kind::Number;
  double number = 0;
  bool boolean = false;
  std::string text;
  std::string unit;   ///< "" when unitless or not given
  std::string source; ///< where the value comes from (lab report, inspection …)
  SourceLocation where;
};

struct Finding {
  std::string defect;
  double count = 1;
  SourceLocation where;
};

struct PlantLine {
  std::string id;
  std::optional<double> capacity_tpd;
  std::string technology;
  SourceLocation where;
};

struct StackTest {
  Date date;
  std::string line;
  std::string pollutant; ///< measure name (pcdd_f, hg, cd_tl, metals …)
  double value = 0;
  std::string unit;
  std::optional<double> o2_percent; ///< O2 the value is given at; corrected to 11 % when set
  SourceLocation where;
};

/// A sheet's `cems:` entry: one CSV file for one line, with how its values are to be read.
struct CemsColumn {
  std::string column; ///< header name in the CSV
  std::string unit;   ///< "mg/m3" (default), "ppm", "ug/m3", "%", "degC"
};

struct CemsSource {
  std::string file; ///< resolved against the sheet's folder
  std::string file_as_written;
  std::string line;
  double o2_reference = 11;            ///< % O2 the limits refer to
  bool values_at_reference_o2 = false; ///< basis.values_at: reference_o2 (already corrected)
  bool wet = false;                    ///< basis.moisture: wet → corrected with h2o
  double o2_cap = 19.5;                ///< records with O2 ≥ cap do not count (DESIGN §3 rule 1)
  int interval_seconds = 60; ///< recording interval (`interval:`); divides 300 (5-minute blocks)
  std::map<std::string, CemsColumn> columns;     ///< measure name → column (defaults when absent)
  std::vector<std::string> furnace_temp_columns; ///< averaged per record
  SourceLocation where;
};

struct Plant {
  std::string id;
  LocalText name;
  std::optional<double> capacity_tpd;
  std::optional<Date> commissioned;
  std::optional<Date> permitted_on; ///< permit date (R1 threshold, climate correction)
  int utc_offset_minutes = 480;     ///< from `timezone: "+08:00"`
  std::string timezone = "+08:00";
  std::vector<PlantLine> lines;
  SourceLocation where;
};

struct Period {
  Date from;
  Date to;
  SourceLocation where;
};

struct PlantSheet {
  std::string file;
  Plant plant;
  Period period;
  std::map<std::string, FactValue> facts;
  std::map<std::string, std::vector<Finding>> findings;
  std::map<std::string, SourceLocation> findings_where;
  std::map<std::string, FactValue> energy; ///< keys from energy_keys() (core/energy.hpp)
  std::optional<SourceLocation> energy_where;
  std::vector<StackTest> stack_tests;
  std::vector<CemsSource> cems;
};

} // namespace grate
