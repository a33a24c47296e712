// The vocabulary of CEMS data: pollutants (by their measure names, DESIGN §5), the other recorded
// channels (O2, furnace temperature, flow, moisture), furnace states, averaging periods and the
// unit conversions of domain.md §4. Names and constants only; no judgement here.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace grate::emissions {

/// Pollutants in a fixed order; the index is used for per-record arrays.
enum class Pollutant : std::uint8_t { Dust, So2, Nox, Hcl, Co, Hf, Toc, Nh3, Hg };
inline constexpr std::size_t pollutant_count = 9;
inline constexpr std::array<Pollutant, pollutant_count> all_pollutants = {
    Pollutant::Dust, Pollutant::So2, Pollutant::Nox, Pollutant::Hcl, Pollutant::Co,
    Pollutant::Hf,   Pollutant::Toc, Pollutant::Nh3, Pollutant::Hg};

/// "dust", "so2", "nox", "hcl", "co", "hf", "toc", "nh3", "hg" (DESIGN §5, *fixed*).
std::string_view pollutant_name(Pollutant pollutant);
std::optional<Pollutant> parse_pollutant(std::string_view name);

/// Channels of one record: the pollutants first (same index), then the others.
enum class Channel : std::uint8_t {
  Dust,
  So2,
  Nox,
  Hcl,
  Co,
  Hf,
  Toc,
  Nh3,
  Hg,
  O2,
  FurnaceTemp,
  Flow,
  H2o
};
inline constexpr std::size_t channel_count = 13;
/// "o2", "furnace_temp", "flow", "h2o" or a pollutant name: the default CSV column names.
std::string_view channel_name(Channel channel);
std::optional<Channel> parse_channel(std::string_view name);
inline constexpr std::size_t index(Channel c) {
  return static_cast<std::size_t>(c);
}
inline constexpr std::size_t index(Pollutant p) {
  return static_cast<std::size_t>(p);
}

/// Furnace operating states of DESIGN §3 (`state` column).
enum class State : std::uint8_t { Normal, Startup, Shutdown, Fault, Accident, Drying, Stopped };
/// English names ("normal" …) or the Chinese marks (正常 启炉 停炉 故障 事故 烘炉 停运).
std::optional<State> parse_state(std::string_view text);
std::string_view state_name(State state);
/// Start-up, shutdown, fault and accident: the states that use the exempt budget (DESIGN §3 rule
/// 5).
inline constexpr bool is_exempt_state(State s) {
  return s == State::Startup || s == State::Shutdown || s == State::Fault || s == State::Accident;
}
/// Fault and accident: the states whose every episode has its own budget (DESIGN §3 rule 5).
inline constexpr bool is_episode_state(State s) {
  return s == State::Fault || s == State::Accident;
}

/// Averaging periods of limit values (`limit-set/1`).
enum class Averaging : std::uint8_t { TenMinute, HalfHourA, HalfHourB, Hour, Day, Test };
/// "ten_minute", "half_hour_a" (also "half_hour"), "half_hour_b", "hour", "day", "test".
std::optional<Averaging> parse_averaging(std::string_view name);
std::string_view averaging_name(Averaging averaging);

/// mg/Nm3 per ppmv at 273.15 K, 101.325 kPa (domain.md §4: 22.414 L/mol); nullopt for a
/// pollutant without a gas-phase factor (dust, hg).
std::optional<double> mg_per_ppm(Pollutant pollutant);

/// Regimes of judgement (DESIGN §3).
enum class Regime : std::uint8_t { Cn, Eu };
std::string_view regime_name(Regime regime);

} // namespace grate::emissions
