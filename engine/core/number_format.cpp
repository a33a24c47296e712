#include "core/number_format.hpp"

#include <cmath>
#include <fmt/format.h>

namespace grate {

std::string format_fixed(double value, int decimals) {
  std::string text = fmt::format("{:.{}f}", value, decimals);
  if (text.starts_with("-") && text.find_first_not_of("-0.") == std::string::npos)
    text.erase(0, 1);
  return text;
}

std::string format_number(double value, int decimals) {
  if (!std::isfinite(value))
    return "null";
  std::string text = format_fixed(value, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0')
      text.pop_back();
    if (text.back() == '.')
      text.pop_back();
  }
  return text;
}

} // namespace grate
