#include "io/cems_reader.hpp"

#include "core/emissions/judge.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fast_float/fast_float.h>
#include <fmt/format.h>
#include <map>
#include <thread>

namespace grate::io {

using namespace grate::emissions;

namespace {

enum class Role : std::uint8_t { Ignore, Time, State, Value, Flag, FurnacePart };

struct Column {
  std::string name;
  Role role = Role::Ignore;
  std::uint8_t channel = 0;
  double scale = 1; ///< value × scale = mg/m3 (ppm factor, µg → mg); 1 for %, °C
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

constexpr double powers_of_ten[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

/// Fast path for plain decimals such as "12", "-3.25" (the usual CEMS cell): at most 15 digits,
/// no exponent, so mantissa and power of ten are exact doubles and one IEEE division rounds
/// correctly — the same value fast_float gives (Clinger's fast path). Sets `missing` for an empty
/// cell. Returns the end of the field (at ',' or `end`), or nullptr when the general parser
/// must decide (spaces, quotes, exponents, long numbers, errors).
const char* fast_decimal(const char* p, const char* end, double& out, bool& missing) {
  if (p == end || *p == ',') {
    missing = true;
    return p;
  }
  const bool negative = *p == '-';
  if (negative)
    ++p;
  std::uint64_t mantissa = 0;
  int digits = 0, fraction = 0;
  while (p < end && is_digit(*p)) {
    mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
    ++digits;
    ++p;
  }
  if (p < end && *p == '.') {
    ++p;
    while (p < end && is_digit(*p)) {
      mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
      ++digits;
      ++fraction;
      ++p;
    }
  }
  if (digits == 0 || digits > 15 || (p < end && *p != ','))
    return nullptr;
  const double value = static_cast<double>(mantissa) / powers_of_ten[fraction];
  out = negative ? -value : value;
  missing = false;
  return p;
}

/// 1-based character column of `at` in the line starting at `line` (UTF-8 aware).
int char_column(const char* line, const char* at) {
  int column = 1;
  for (const char* p = line; p < at; ++p)
    if ((static_cast<unsigned char>(*p) & 0xC0u) != 0x80u)
      ++column;
  return column;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"')
    s = s.substr(1, s.size() - 2);
  return s;
}

/// Scale to mg/m3 for a mapped unit, or nullopt when the unit does not fit the channel.
std::optional<double> unit_scale(Channel channel, std::string_view unit) {
  const bool pollutant = index(channel) < pollutant_count;
  if (pollutant) {
    if (unit.empty() || unit == "mg/m3")
      return 1.0;
    if (unit == "ug/m3")
      return 0.001;
    if (unit == "ppm")
      if (auto f = mg_per_ppm(static_cast<Pollutant>(index(channel))))
        return *f;
    return std::nullopt;
  }
  if (channel == Channel::O2 || channel == Channel::H2o) {
    if (unit.empty() || unit == "%")
      return 1.0;
    return std::nullopt;
  }
  if (channel == Channel::FurnaceTemp) {
    if (unit.empty() || unit == "degC")
      return 1.0;
    return std::nullopt;
  }
  return 1.0; // flow: carried, not judged
}

std::vector<std::string> allowed_units(Channel channel) {
  if (index(channel) < pollutant_count) {
    std::vector<std::string> units = {"mg/m3", "ug/m3"};
    if (mg_per_ppm(static_cast<Pollutant>(index(channel))))
      units.push_back("ppm");
    return units;
  }
  if (channel == Channel::FurnaceTemp)
    return {"degC"};
  return {"%"};
}

/// Parses a CSV header and its rows into records for one accumulator.
class Parser {
public:
  Parser(std::string name, const CemsSource& source, LineAccumulator& into,
         Diagnostics& diagnostics, CemsReadStats& stats)
      : name_(std::move(name)), source_(source), into_(into), diagnostics_(diagnostics),
        stats_(stats), offset_minutes_(into.config().utc_offset_minutes),
        interval_(into.config().interval_seconds) {}

  /// Returns false when the header makes the file unreadable (no time column …).
  bool header(const char* begin, const char* end);
  void row(const char* begin, const char* end);
  void finish();
  [[nodiscard]] int row_number() const { return row_; }

private:
  bool report(const char* at) {
    ++stats_.problems;
    at_column_ = at ? char_column(line_, at) : 1;
    return stats_.problems <= cems_listed_problems;
  }
  Diagnostic& add(const char* code, std::string message) {
    return diagnostics_.add(code, SourceLocation{name_, row_, at_column_}, std::move(message));
  }
  bool parse_number(const char* first, const char* last, const Column& column, double& out);
  std::optional<std::int64_t> parse_time(const char* s, const char* e);
  std::optional<std::int64_t> parse_time_fully(const char* s, const char* e);

  std::string name_;
  const CemsSource& source_;
  LineAccumulator& into_;
  Diagnostics& diagnostics_;
  CemsReadStats& stats_;
  int offset_minutes_;
  int interval_;
  std::vector<Column> columns_;
  bool has_state_ = false;
  int row_ = 0;
  int at_column_ = 1;
  const char* line_ = nullptr;
  std::int64_t previous_time_ = 0;
  int previous_row_ = 0;
  bool have_previous_ = false;
  // caches: the date part of the previous timestamp and the previous state text
  char date_text_[10] = {};
  std::int64_t date_days_ = 0;
  bool have_date_ = false;
  char time_text_[40] = {}; ///< the previous timestamp as written, and what it meant
  long time_length_ = -1;
  std::int64_t time_value_ = 0;
  int time_minute_ = 0;
  std::string state_text_;
  State state_ = State::Normal;
};

bool Parser::header(const char* begin, const char* end) {
  row_ = 1;
  line_ = begin;
  if (end - begin >= 3 && std::memcmp(begin, "\xEF\xBB\xBF", 3) == 0)
    begin += 3; // UTF-8 BOM
  std::vector<std::pair<std::string, const char*>> names;
  for (const char* p = begin;;) {
    const char* f = p;
    while (p < end && *p != ',')
      ++p;
    names.emplace_back(std::string(trim(std::string_view(f, static_cast<std::size_t>(p - f)))), f);
    if (p >= end)
      break;
    ++p;
  }
  bool ok = true;
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < names.size(); ++i) {
    auto [it, inserted] = position.emplace(names[i].first, i);
    if (!inserted) {
      report(names[i].second);
      add("E443", fmt::format("column '{}' appears twice in the header", names[i].first))
          .notes.push_back(fmt::format("first at field {}", it->second + 1));
      ok = false;
    }
  }
  columns_.assign(names.size(), Column{});
  for (std::size_t i = 0; i < names.size(); ++i)
    columns_[i].name = names[i].first;
  std::vector<std::string> header_names;
  for (const auto& n : names)
    header_names.push_back(n.first);

  // Names given in the sheet win over the default names (DESIGN §3).
  std::map<std::string, std::string> mapped; // key (measure, time, state) → column name
  for (const auto& [key, column] : source_.columns)
    mapped[key] = column.column;
  const auto find = [&](const std::string& key, const std::string& default_name) -> long {
    auto m = mapped.find(key);
    const std::string& wanted = m != mapped.end() ? m->second : default_name;
    auto it = position.find(wanted);
    if (it != position.end())
      return static_cast<long>(it->second);
    if (m != mapped.end()) {
      const std::string near = nearest_name(wanted, header_names);
      auto& d = diagnostics_.add(
          "E444", source_.where,
          near.empty() ? fmt::format("column '{}' mapped for '{}' is not in the header of '{}'",
                                     wanted, key, source_.file_as_written)
                       : fmt::format("column '{}' mapped for '{}' is not in the header of '{}'; "
                                     "did you mean '{}'?",
                                     wanted, key, source_.file_as_written, near));
      d.notes.push_back("header: " + quoted_list(header_names));
      ok = false;
    }
    return -1;
  };
  const long time = find("time", "time");
  if (time >= 0)
    columns_[static_cast<std::size_t>(time)].role = Role::Time;
  const long state = find("state", "state");
  if (state >= 0) {
    columns_[static_cast<std::size_t>(state)].role = Role::State;
    has_state_ = true;
  }
  std::uint16_t present = 0;
  std::map<std::string, std::uint8_t> flag_names;
  for (std::size_t c = 0; c < channel_count; ++c) {
    const auto channel = static_cast<Channel>(c);
    const std::string key(channel_name(channel));
    if (channel == Channel::FurnaceTemp && !source_.furnace_temp_columns.empty()) {
      for (const auto& name : source_.furnace_temp_columns) {
        mapped["furnace_temp"] = name;
        const long at = find("furnace_temp", name);
        if (at < 0)
          continue;
        columns_[static_cast<std::size_t>(at)].role = Role::FurnacePart;
        columns_[static_cast<std::size_t>(at)].channel = static_cast<std::uint8_t>(c);
        present |= static_cast<std::uint16_t>(1u << c);
        flag_names[name + "_flag"] = static_cast<std::uint8_t>(c);
      }
      flag_names["furnace_temp_flag"] = static_cast<std::uint8_t>(c);
      continue;
    }
    const long at = find(key, key);
    flag_names[key + "_flag"] = static_cast<std::uint8_t>(c);
    if (at < 0)
      continue;
    Column& column = columns_[static_cast<std::size_t>(at)];
    column.role = Role::Value;
    column.channel = static_cast<std::uint8_t>(c);
    auto m = source_.columns.find(key);
    const std::string unit = m != source_.columns.end() ? m->second.unit : "";
    if (auto scale = unit_scale(channel, unit)) {
      column.scale = *scale;
    } else {
      diagnostics_.add("E461", source_.where, fmt::format("unit '{}' does not fit '{}'", unit, key))
          .notes.push_back("allowed units: " + quoted_list(allowed_units(channel)));
      ok = false;
    }
    flag_names[column.name + "_flag"] = static_cast<std::uint8_t>(c);
    present |= static_cast<std::uint16_t>(1u << c);
  }
  std::vector<std::string> unused;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    Column& column = columns_[i];
    if (column.role != Role::Ignore)
      continue;
    auto flag = flag_names.find(column.name);
    if (flag != flag_names.end()) {
      column.role = Role::Flag;
      column.channel = flag->second;
      continue;
    }
    unused.push_back(column.name);
  }
  if (!unused.empty()) {
    at_column_ = 1;
    auto& d =
        add("W640", fmt::format("{} not used: {}", unused.size() == 1 ? "column is" : "columns are",
                                quoted_list(unused)));
    d.hints.push_back("map a column to a measure in the sheet's 'columns:' block, or drop it");
  }
  if (time < 0 && mapped.find("time") == mapped.end()) {
    at_column_ = 1;
    add("E442", "the header has no 'time' column")
        .hints.push_back(
            "name the timestamp column 'time', or map it with 'columns: {time: NAME}'");
    ok = false;
  }
  if (source_.wet && !(present & (1u << index(Channel::H2o)))) {
    diagnostics_
        .add("E463", source_.where,
             fmt::format("'moisture: wet' needs an 'h2o' column, which '{}' lacks",
                         source_.file_as_written))
        .hints.push_back("add the flue-gas moisture (vol %) as 'h2o', or map it in 'columns:'");
    ok = false;
  }
  into_.set_present(present);
  return ok;
}

std::optional<std::int64_t> Parser::parse_time(const char* s, const char* e) {
  const auto n = e - s;
  if (n < 16)
    return std::nullopt;
  // Consecutive rows usually differ only in the minute: same date and hour, same seconds and
  // offset. Then only the minute digits need reading.
  if (n == time_length_ && std::memcmp(s, time_text_, 14) == 0 && is_digit(s[14]) &&
      is_digit(s[15]) &&
      std::memcmp(s + 16, time_text_ + 16, static_cast<std::size_t>(n - 16)) == 0) {
    const int minute = (s[14] - '0') * 10 + (s[15] - '0');
    if (minute <= 59)
      return time_value_ + std::int64_t{minute - time_minute_} * 60;
  }
  const auto parsed = parse_time_fully(s, e);
  if (parsed && n <= static_cast<long>(sizeof(time_text_))) {
    std::memcpy(time_text_, s, static_cast<std::size_t>(n));
    time_length_ = n;
    time_value_ = *parsed;
    time_minute_ = (s[14] - '0') * 10 + (s[15] - '0');
  }
  return parsed;
}

std::optional<std::int64_t> Parser::parse_time_fully(const char* s, const char* e) {
  const auto n = e - s;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15})
    if (!is_digit(s[i]))
      return std::nullopt;
  if (s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':')
    return std::nullopt;
  const auto two = [s](int i) { return (s[i] - '0') * 10 + (s[i + 1] - '0'); };
  const int hour = two(11), minute = two(14);
  int second = 0;
  long pos = 16;
  if (pos < n && s[pos] == ':') {
    if (pos + 3 > n || !is_digit(s[pos + 1]) || !is_digit(s[pos + 2]))
      return std::nullopt;
    second = two(static_cast<int>(pos) + 1);
    pos += 3;
    if (pos < n && (s[pos] == '.' || s[pos] == ',')) { // fractions of a second are dropped
      ++pos;
      if (pos >= n || !is_digit(s[pos]))
        return std::nullopt;
      while (pos < n && is_digit(s[pos]))
        ++pos;
    }
  }
  int offset = offset_minutes_;
  if (pos < n) {
    if (s[pos] == 'Z' && pos + 1 == n) {
      offset = 0;
    } else if ((s[pos] == '+' || s[pos] == '-') && pos + 3 <= n && is_digit(s[pos + 1]) &&
               is_digit(s[pos + 2])) {
      const int sign = s[pos] == '-' ? -1 : 1;
      const int oh = two(static_cast<int>(pos) + 1);
      int om = 0;
      long q = pos + 3;
      if (q < n && s[q] == ':')
        ++q;
      if (q + 2 <= n && is_digit(s[q]) && is_digit(s[q + 1])) {
        om = two(static_cast<int>(q));
        q += 2;
      }
      if (q != n || oh > 23 || om > 59)
        return std::nullopt;
      offset = sign * (oh * 60 + om);
    } else {
      return std::nullopt;
    }
  }
  if (hour > 23 || minute > 59 || second > 59)
    return std::nullopt;
  if (!have_date_ || std::memcmp(date_text_, s, 10) != 0) {
    const int year = two(0) * 100 + two(2), month = two(5), day = two(8);
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
      return std::nullopt;
    std::memcpy(date_text_, s, 10);
    date_days_ = Date{year, month, day}.days_since_epoch();
    have_date_ = true;
  }
  return date_days_ * 86400 + hour * 3600 + minute * 60 + second - std::int64_t{offset} * 60;
}

bool Parser::parse_number(const char* first, const char* last, const Column& column, double& out) {
  while (first < last && *first == ' ')
    ++first;
  while (last > first && (last[-1] == ' ' || last[-1] == '"'))
    --last;
  if (first < last && *first == '"')
    ++first;
  if (first == last)
    return true; // empty cell: missing (DESIGN §3)
  const char* start = first;
  if (*start == '+')
    ++start;
  double value = 0;
  auto [ptr, ec] = fast_float::from_chars(start, last, value);
  if (ec != std::errc() || ptr != last) {
    if (report(first))
      add("E451",
          fmt::format("'{}' in column '{}' is not a number",
                      std::string_view(first, static_cast<std::size_t>(last - first)), column.name))
          .hints.push_back("write numbers with a '.' decimal point; leave the cell empty when "
                           "the value is missing");
    return false;
  }
  if (!std::isfinite(value)) {
    if (report(first))
      add("E452",
          fmt::format("'{}' in column '{}' is not a finite number",
                      std::string_view(first, static_cast<std::size_t>(last - first)), column.name))
          .hints.push_back("leave the cell empty when the value is missing");
    return false;
  }
  out = value * column.scale;
  return true;
}

void Parser::row(const char* begin, const char* end) {
  ++row_;
  if (end > begin && end[-1] == '\r')
    --end;
  if (begin == end)
    return; // blank line
  line_ = begin;
  ++stats_.rows;
  Record record;
  double furnace_sum = 0;
  int furnace_count = 0;
  bool bad = false;
  std::optional<std::int64_t> time;
  const char* time_field = begin;
  const char* p = begin;
  const std::size_t n = columns_.size();
  for (std::size_t c = 0; c < n; ++c) {
    const char* f = p;
    const Column& column = columns_[c];
    const char* fast = nullptr;
    if (column.role == Role::Value || column.role == Role::FurnacePart) {
      double v = 0;
      bool missing = false;
      fast = fast_decimal(p, end, v, missing);
      if (fast) {
        p = fast;
        if (!missing && column.role == Role::Value) {
          record.value[column.channel] = v * column.scale;
        } else if (!missing) {
          furnace_sum += v;
          ++furnace_count;
        }
      }
    }
    // Fast paths for the usual cells: a timestamp like the previous row's but for the minute,
    // and the same state as the previous row. Anything else takes the general path below.
    if (column.role == Role::Time && time_length_ > 0 && end - p >= time_length_ &&
        (end - p == time_length_ || p[time_length_] == ',')) {
      const char* e = p + time_length_;
      if (std::memcmp(p, time_text_, 14) == 0 && is_digit(p[14]) && is_digit(p[15]) &&
          std::memcmp(p + 16, time_text_ + 16, static_cast<std::size_t>(time_length_ - 16)) == 0) {
        const int minute = (p[14] - '0') * 10 + (p[15] - '0');
        if (minute <= 59) {
          time = time_value_ + std::int64_t{minute - time_minute_} * 60;
          time_field = f;
          fast = e;
          p = e;
        }
      }
    } else if (column.role == Role::State && !state_text_.empty()) {
      const auto length = static_cast<long>(state_text_.size());
      if (end - p >= length && (end - p == length || p[length] == ',') &&
          std::memcmp(p, state_text_.data(), state_text_.size()) == 0) {
        record.state = state_;
        fast = p + length;
        p = p + length;
      }
    }
    if (!fast) {
      while (p < end && *p != ',')
        ++p;
    }
    switch (fast ? Role::Ignore : column.role) {
    case Role::Ignore:
      break;
    case Role::Time: {
      const auto field = trim(std::string_view(f, static_cast<std::size_t>(p - f)));
      time_field = f;
      time = parse_time(field.data(), field.data() + field.size());
      if (!time) {
        bad = true;
        if (report(f))
          add("E446", field.empty() ? std::string("the time is missing")
                                    : fmt::format("'{}' is not a timestamp", field))
              .hints.push_back("write ISO 8601 such as '2025-01-01T00:00:00+08:00' or "
                               "'2025-01-01 00:00' (no offset: the plant's time zone)");
      }
      break;
    }
    case Role::State: {
      const auto field = trim(std::string_view(f, static_cast<std::size_t>(p - f)));
      if (field == state_text_) {
        record.state = state_;
      } else if (auto s = parse_state(field)) {
        state_text_.assign(field);
        state_ = *s;
        record.state = *s;
      } else {
        bad = true;
        if (report(f)) {
          auto& d = add("E450", field.empty() ? std::string("the state is missing")
                                              : fmt::format("unknown state '{}'", field));
          d.notes.push_back("states: 'normal', 'startup', 'shutdown', 'fault', 'accident', "
                            "'drying', 'stopped' (or 正常 启炉 停炉 故障 事故 烘炉 停运)");
          const std::string near =
              nearest_name(std::string(field), {"normal", "startup", "shutdown", "fault",
                                                "accident", "drying", "stopped"});
          if (!near.empty())
            d.hints.push_back(fmt::format("did you mean '{}'?", near));
        }
      }
      break;
    }
    case Role::Value: {
      double v = missing_value;
      if (!parse_number(f, p, column, v))
        bad = true;
      record.value[column.channel] = v;
      break;
    }
    case Role::FurnacePart: {
      double v = missing_value;
      if (!parse_number(f, p, column, v))
        bad = true;
      if (!std::isnan(v)) {
        furnace_sum += v;
        ++furnace_count;
      }
      break;
    }
    case Role::Flag: {
      if (p - f == 1 && *f == 'N')
        break; // the usual cell: N, valid (HJ 212-2017)
      const auto field = trim(std::string_view(f, static_cast<std::size_t>(p - f)));
      if (field.empty() || field == "N")
        break; // no flag, or N: valid (HJ 212-2017)
      if (field.size() == 1 && std::strchr("FMSDCTB", field[0]) != nullptr) {
        record.flagged |= static_cast<std::uint16_t>(1u << column.channel);
        break;
      }
      bad = true;
      if (report(f))
        add("E453", fmt::format("unknown flag '{}' in column '{}'", field, column.name))
            .notes.push_back("HJ 212 flags: 'N' valid; 'F', 'M', 'S', 'D', 'C', 'T', 'B'");
      break;
    }
    }
    if (c + 1 < n) {
      if (p == end) {
        if (report(p))
          add("E445", fmt::format("row has {} field(s), the header has {}", c + 1, n));
        bad = true;
        break;
      }
      ++p;
    } else if (p != end) {
      std::size_t fields = n;
      for (const char* q = p; q < end; ++q)
        fields += *q == ',' ? 1 : 0;
      if (report(p))
        add("E445", fmt::format("row has {} fields, the header has {}", fields, n));
      bad = true;
    }
  }
  if (!bad && time) {
    if (have_previous_ && *time <= previous_time_) {
      bad = true;
      if (report(time_field))
        add(*time == previous_time_ ? "E447" : "E448",
            *time == previous_time_ ? std::string("duplicate timestamp")
                                    : std::string("timestamp goes backwards"))
            .notes.push_back(fmt::format("the previous record is at row {}", previous_row_));
    } else if (have_previous_ && *time - previous_time_ < interval_) {
      bad = true;
      if (report(time_field))
        add("E449", fmt::format("record {} s after the previous one, the interval is {} s",
                                *time - previous_time_, interval_))
            .hints.push_back("set 'interval:' of this CEMS file in the sheet (seconds)");
    }
  }
  if (bad || !time) {
    ++stats_.rejected_rows;
    return;
  }
  have_previous_ = true;
  previous_time_ = *time;
  previous_row_ = row_;
  record.time = *time;
  if (furnace_count > 0)
    record.value[index(Channel::FurnaceTemp)] = furnace_sum / furnace_count; // DESIGN §3 rule 4
  if (source_.wet) {
    // domain.md §4: C_dry = C_wet × 100 / (100 − H2O %); O2 likewise.
    const double h2o = record.value[index(Channel::H2o)];
    const bool usable = !std::isnan(h2o) && h2o >= 0 && h2o < 100 &&
                        ((record.flagged >> index(Channel::H2o)) & 1u) == 0;
    const double factor = usable ? 100 / (100 - h2o) : missing_value;
    for (std::size_t i = 0; i < pollutant_count; ++i)
      record.value[i] *= factor;
    record.value[index(Channel::O2)] *= factor;
  }
  into_.add(record);
}

void Parser::finish() {
  if (stats_.problems > cems_listed_problems) {
    at_column_ = 0;
    diagnostics_.add("E455", SourceLocation{name_, 0, 0},
                     fmt::format("{} more problem(s) in '{}' not listed",
                                 stats_.problems - cems_listed_problems, name_));
  }
  if (stats_.rows == 0)
    diagnostics_.add("E454", SourceLocation{name_, row_ > 0 ? 1 : 0, row_ > 0 ? 1 : 0},
                     "the file has no data rows");
}

/// Feeds complete lines of `data` to the parser; returns the start of an incomplete last line.
const char* feed_lines(Parser& parser, bool& header_done, bool& header_ok, const char* data,
                       const char* end) {
  const char* p = data;
  while (p < end) {
    const auto* nl =
        static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (!nl)
      break;
    if (!header_done) {
      header_done = true;
      header_ok = parser.header(p, nl > p && nl[-1] == '\r' ? nl - 1 : nl);
      if (!header_ok)
        return end;
    } else {
      parser.row(p, nl);
    }
    p = nl + 1;
  }
  return p;
}

} // namespace

AccumulatorConfig accumulator_config(const CemsSource& source, int utc_offset_minutes) {
  AccumulatorConfig config;
  config.utc_offset_minutes = utc_offset_minutes;
  config.interval_seconds = source.interval_seconds;
  config.o2_reference = source.o2_reference;
  config.o2_cap = source.o2_cap;
  config.values_at_reference_o2 = source.values_at_reference_o2;
  return config;
}

bool read_cems_text(std::string_view text, const std::string& name, const CemsSource& source,
                    LineAccumulator& into, Diagnostics& diagnostics, CemsReadStats* stats) {
  CemsReadStats local;
  CemsReadStats& s = stats ? *stats : local;
  s.bytes += static_cast<std::int64_t>(text.size());
  Parser parser(name, source, into, diagnostics, s);
  bool header_done = false, header_ok = false;
  const char* end = text.data() + text.size();
  const char* rest = feed_lines(parser, header_done, header_ok, text.data(), end);
  if (header_done && !header_ok)
    return false;
  if (rest < end) {
    if (!header_done) {
      header_done = true;
      header_ok = parser.header(rest, end);
      if (!header_ok)
        return false;
    } else {
      parser.row(rest, end);
    }
  }
  if (!header_done) {
    diagnostics.add("E454", SourceLocation{name, 0, 0}, "the file is empty");
    return false;
  }
  parser.finish();
  return true;
}

bool read_cems_file(const CemsSource& source, LineAccumulator& into, Diagnostics& diagnostics,
                    CemsReadStats* stats) {
  CemsReadStats local;
  CemsReadStats& s = stats ? *stats : local;
  const std::string& name = source.file; // the path as opened: what the user can look up
  std::FILE* file = std::fopen(source.file.c_str(), "rb");
  if (!file) {
    diagnostics.add("E440", source.where,
                    fmt::format("cannot read CEMS file '{}': {}", source.file_as_written,
                                std::strerror(errno)));
    return false;
  }
  Parser parser(name, source, into, diagnostics, s);
  std::vector<char> buffer(std::size_t{1} << 20);
  std::size_t have = 0;
  bool header_done = false, header_ok = false, ok = true;
  for (;;) {
    if (have == buffer.size()) {
      if (buffer.size() >= (std::size_t{64} << 20)) {
        diagnostics.add("E445", SourceLocation{name, parser.row_number() + 1, 1},
                        "row longer than 64 MiB; is this a CSV file?");
        ok = false;
        break;
      }
      buffer.resize(buffer.size() * 2);
    }
    const std::size_t got = std::fread(buffer.data() + have, 1, buffer.size() - have, file);
    s.bytes += static_cast<std::int64_t>(got);
    have += got;
    const bool eof = got == 0;
    const char* begin = buffer.data();
    const char* end = begin + have;
    if (eof) {
      const char* rest = feed_lines(parser, header_done, header_ok, begin, end);
      if (header_done && !header_ok) {
        ok = false;
        break;
      }
      if (rest < end) {
        if (!header_done) {
          header_done = true;
          header_ok = parser.header(rest, end);
          ok = header_ok;
        } else {
          parser.row(rest, end);
        }
      }
      break;
    }
    const char* rest = feed_lines(parser, header_done, header_ok, begin, end);
    if (header_done && !header_ok) {
      ok = false;
      break;
    }
    have = static_cast<std::size_t>(end - rest);
    std::memmove(buffer.data(), rest, have);
  }
  if (std::ferror(file)) {
    diagnostics.add("E440", source.where,
                    fmt::format("error while reading CEMS file '{}'", source.file_as_written));
    ok = false;
  }
  std::fclose(file);
  if (!ok)
    return false;
  if (!header_done) {
    diagnostics.add("E454", SourceLocation{name, 0, 0}, "the file is empty");
    return false;
  }
  parser.finish();
  return true;
}

std::optional<EmissionsResult> evaluate_emissions(const PlantSheet& sheet,
                                                  const EmissionsRequest& request,
                                                  Diagnostics& diagnostics) {
  if (sheet.cems.empty()) {
    diagnostics
        .add("E520", SourceLocation{sheet.file, 1, 1},
             "the sheet has no 'cems' block, so there are no emissions to judge")
        .hints.push_back("list the CEMS files under 'cems:' (see docs/emissions.md)");
    return std::nullopt;
  }
  // Files of one line form one series, in sheet order.
  std::vector<std::vector<const CemsSource*>> groups;
  for (const auto& source : sheet.cems) {
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const auto& g) { return g.front()->line == source.line; });
    if (it == groups.end()) {
      groups.push_back({&source});
      continue;
    }
    const CemsSource& first = *it->front();
    if (first.o2_reference != source.o2_reference || first.o2_cap != source.o2_cap ||
        first.values_at_reference_o2 != source.values_at_reference_o2 ||
        first.interval_seconds != source.interval_seconds) {
      diagnostics
          .add("E465", source.where,
               fmt::format("CEMS files of line '{}' differ in basis or interval", source.line))
          .notes.push_back(fmt::format("the first file of line '{}' is '{}'", source.line,
                                       first.file_as_written));
      return std::nullopt;
    }
    it->push_back(&source);
  }

  JudgeOptions options;
  options.regime = request.regime;
  options.primary = request.primary;
  options.comparisons = request.comparisons;
  if (request.use_period && sheet.period.from <= sheet.period.to) {
    options.from = sheet.period.from;
    options.to = sheet.period.to;
  }

  struct Outcome {
    Diagnostics diagnostics;
    std::optional<LineResult> result;
  };
  std::vector<Outcome> outcomes(groups.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < groups.size(); i = next++) {
      Outcome& out = outcomes[i];
      LineAccumulator data(accumulator_config(*groups[i].front(), sheet.plant.utc_offset_minutes));
      bool ok = true;
      std::string files;
      for (const CemsSource* source : groups[i]) {
        const std::size_t errors = out.diagnostics.error_count();
        ok = read_cems_file(*source, data, out.diagnostics) && ok;
        ok = ok && out.diagnostics.error_count() == errors;
        files += (files.empty() ? "" : ", ") + source->file_as_written;
      }
      if (!ok)
        continue;
      if (options.from) {
        std::int64_t outside = 0, covered = 0;
        const auto from = options.from->days_since_epoch(), to = options.to->days_since_epoch();
        for (const auto& d : data.days()) {
          if (d.day < from || d.day > to)
            outside += d.records;
          else
            ++covered;
        }
        if (covered < to - from + 1)
          out.diagnostics
              .add("W643", groups[i].front()->where,
                   fmt::format("line '{}' has records on {} of the {} days of the period {} to {}",
                               groups[i].front()->line, covered, to - from + 1, options.from->iso(),
                               options.to->iso()))
              .notes.push_back("days without records are neither valid nor operating; measures "
                               "describe the days with data");
        if (outside > 0)
          out.diagnostics
              .add("W641", groups[i].front()->where,
                   fmt::format("{} record(s) of line '{}' lie outside the period {} to {} and "
                               "are not judged",
                               outside, groups[i].front()->line, options.from->iso(),
                               options.to->iso()))
              .hints.push_back("check 'period:' in the sheet, or the time zone of the file");
      }
      out.result = judge_line(data, options, groups[i].front()->line, files);
    }
  };
  unsigned threads = request.threads ? request.threads : std::thread::hardware_concurrency();
  threads = std::clamp(threads, 1u, static_cast<unsigned>(groups.size()));
  if (threads == 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back(work);
    for (auto& t : pool)
      t.join();
  }

  EmissionsResult result;
  result.regime = request.regime;
  result.limit_set = request.primary->id;
  result.compared.push_back(request.primary->id);
  for (const LimitSet* set : request.comparisons)
    if (set->id != request.primary->id)
      result.compared.push_back(set->id);
  bool ok = true;
  for (auto& out : outcomes) {
    diagnostics.append(out.diagnostics);
    if (!out.result)
      ok = false;
    else
      result.lines.push_back(std::move(*out.result));
  }
  if (!ok)
    return std::nullopt;
  return result;
}

} // namespace grate::io
