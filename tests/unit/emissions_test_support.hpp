// Helpers shared by the emissions tests: whole days of 1-minute records built in memory.
#pragma once

#include "core/emissions/accumulator.hpp"
#include "core/emissions/judge.hpp"
#include "io/files.hpp"
#include "io/limit_set_reader.hpp"

#include <functional>

namespace grate::test {

using namespace grate::emissions;

/// UTC seconds of local midnight of `date` in a zone `offset_minutes` east of UTC.
inline std::int64_t local_midnight(Date date, int offset_minutes = 480) {
  return date.days_since_epoch() * 86400 - std::int64_t{offset_minutes} * 60;
}

/// Adds 1440 one-minute records of `date` (local); `fill(minute, record)` sets the values and
/// returns false to leave the row out. Every record starts as state normal, O2 11 %.
inline void add_day(LineAccumulator& into, Date date,
                    const std::function<bool(int minute, Record&)>& fill) {
  const auto midnight = local_midnight(date, into.config().utc_offset_minutes);
  for (int m = 0; m < 1440; ++m) {
    Record r;
    r.time = midnight + m * 60;
    r.value[index(Channel::O2)] = 11;
    if (fill(m, r))
      into.add(r);
  }
}

inline std::uint16_t mask(std::initializer_list<Channel> channels) {
  std::uint16_t m = 0;
  for (auto c : channels)
    m = static_cast<std::uint16_t>(m | (1u << index(c)));
  return m;
}

inline LimitSet bundled(const std::string& id) {
  io::SourceRegistry sources;
  Diagnostics d;
  auto set = io::load_limit_set(id, sources, d);
  if (!set)
    throw std::runtime_error("bundled limit set " + id + " does not load");
  return *set;
}

inline const DailyValue& daily(const LineResult& r, Date date, Pollutant p) {
  for (const auto& v : r.daily)
    if (v.date == date && v.pollutant == p)
      return v;
  throw std::runtime_error("no daily value");
}

} // namespace grate::test
