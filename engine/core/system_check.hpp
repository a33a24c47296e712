// Semantic checks of an indicator system (E3xx), run after reading: an ordered list of named
// check functions (beancount style), all run, every problem reported. Also derives what the
// model implies — each node's maximum on the 0–100 scale and AHP weights — so scoring needs no
// further validation.
#pragma once

#include "core/diagnostic.hpp"
#include "core/system.hpp"

#include <string>
#include <vector>

namespace grate {

struct SystemCheck {
  const char* name;
  void (*run)(IndicatorSystem& system, Diagnostics& diagnostics);
};

/// The checks in the order they run.
const std::vector<SystemCheck>& system_checks();

/// Runs every check; returns true when no error was added.
bool check_system(IndicatorSystem& system, Diagnostics& diagnostics);

} // namespace grate
