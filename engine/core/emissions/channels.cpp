#include "core/emissions/channels.hpp"

namespace grate::emissions {

namespace {
constexpr std::array<std::string_view, channel_count> channel_names = {
    "dust", "so2", "nox", "hcl",          "co",   "hf", "toc",
    "nh3",  "hg",  "o2",  "furnace_temp", "flow", "h2o"};
} // namespace

std::string_view pollutant_name(Pollutant pollutant) {
  return channel_names[index(pollutant)];
}

std::optional<Pollutant> parse_pollutant(std::string_view name) {
  for (const Pollutant p : all_pollutants)
    if (pollutant_name(p) == name)
      return p;
  return std::nullopt;
}

std::string_view channel_name(Channel channel) {
  return channel_names[index(channel)];
}

std::optional<Channel> parse_channel(std::string_view name) {
  for (std::size_t i = 0; i < channel_count; ++i)
    if (channel_names[i] == name)
      return static_cast<Channel>(i);
  return std::nullopt;
}

std::optional<State> parse_state(std::string_view text) {
  struct Mark {
    std::string_view en, zh;
    State state;
  };
  static constexpr Mark marks[] = {
      {"normal", "正常", State::Normal},     {"startup", "启炉", State::Startup},
      {"shutdown", "停炉", State::Shutdown}, {"fault", "故障", State::Fault},
      {"accident", "事故", State::Accident}, {"drying", "烘炉", State::Drying},
      {"stopped", "停运", State::Stopped}};
  for (const auto& m : marks)
    if (text == m.en || text == m.zh)
      return m.state;
  return std::nullopt;
}

std::string_view state_name(State state) {
  static constexpr std::string_view names[] = {"normal",   "startup", "shutdown", "fault",
                                               "accident", "drying",  "stopped"};
  return names[static_cast<std::size_t>(state)];
}

std::optional<Averaging> parse_averaging(std::string_view name) {
  if (name == "ten_minute")
    return Averaging::TenMinute;
  if (name == "half_hour_a" || name == "half_hour")
    return Averaging::HalfHourA;
  if (name == "half_hour_b")
    return Averaging::HalfHourB;
  if (name == "hour")
    return Averaging::Hour;
  if (name == "day")
    return Averaging::Day;
  if (name == "test")
    return Averaging::Test;
  return std::nullopt;
}

std::string_view averaging_name(Averaging averaging) {
  static constexpr std::string_view names[] = {"ten_minute", "half_hour_a", "half_hour_b",
                                               "hour",       "day",         "test"};
  return names[static_cast<std::size_t>(averaging)];
}

std::optional<double> mg_per_ppm(Pollutant pollutant) {
  // domain.md §4 (C): molar mass / 22.414 L/mol; NOx as NO2, TOC as C.
  switch (pollutant) {
  case Pollutant::Nox:
    return 2.0525;
  case Pollutant::So2:
    return 2.8583;
  case Pollutant::Co:
    return 1.2497;
  case Pollutant::Hcl:
    return 1.6267;
  case Pollutant::Hf:
    return 0.8926;
  case Pollutant::Nh3:
    return 0.7598;
  case Pollutant::Toc:
    return 0.5359;
  default:
    return std::nullopt;
  }
}

std::string_view regime_name(Regime regime) {
  return regime == Regime::Cn ? "cn" : "eu";
}

} // namespace grate::emissions
