// Derived measures: values computed from CEMS, energy or stack-test data (`{measure: NAME}` in
// indicator systems), each with its unit and a note of where it came from for the report trace.
#pragma once

#include <functional>
#include <map>
#include <string>

namespace grate {

struct Measure {
  double value = 0;
  std::string unit;
  std::string source; ///< e.g. "CEMS line 1, 2025 (regime cn)"
  bool provisional = false;
};

using Measures = std::map<std::string, Measure, std::less<>>;

} // namespace grate
