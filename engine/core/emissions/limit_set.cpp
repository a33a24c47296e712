#include "core/emissions/limit_set.hpp"

namespace grate::emissions {

const DatedLimitValue* Limit::entry_on(Date as_of) const {
  const DatedLimitValue* found = nullptr;
  for (const auto& v : values)
    if (!v.from || *v.from <= as_of)
      found = &v; // sorted: the last one in force wins
  return found;
}

std::optional<double> Limit::value_on(Date as_of) const {
  const DatedLimitValue* entry = entry_on(as_of);
  return entry ? std::optional<double>(entry->value) : std::nullopt;
}

const Limit* LimitSet::find(std::string_view pollutant, Averaging averaging) const {
  for (const auto& limit : limits)
    if (limit.pollutant == pollutant && limit.averaging == averaging)
      return &limit;
  return nullptr;
}

std::optional<double> LimitSet::value(std::string_view pollutant, Averaging averaging,
                                      Date as_of) const {
  const Limit* limit = find(pollutant, averaging);
  return limit ? limit->value_on(as_of) : std::nullopt;
}

} // namespace grate::emissions
