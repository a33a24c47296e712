// A small streaming JSON writer with stable, pretty output (2-space indent), so reports are
// byte-identical for the same input and diff well in golden tests.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace grate::io {

class JsonWriter {
public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view value);
  JsonWriter& number(double value, int decimals = 6); ///< non-finite → null
  JsonWriter& integer(long long value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();
  JsonWriter& raw(std::string_view json); ///< an already rendered value
  JsonWriter& optional_string(const std::optional<std::string>& value);
  JsonWriter& optional_number(const std::optional<double>& value, int decimals = 6);

  /// Shorthands for "key": value.
  JsonWriter& field(std::string_view name, std::string_view value) {
    return key(name).string(value);
  }
  JsonWriter& field(std::string_view name, const char* value) { return key(name).string(value); }
  JsonWriter& field(std::string_view name, double value) { return key(name).number(value); }
  JsonWriter& field(std::string_view name, bool value) { return key(name).boolean(value); }

  [[nodiscard]] std::string str() const { return out_ + "\n"; }

private:
  JsonWriter& close(char bracket);
  void before_value();
  void newline();
  std::string out_;
  std::vector<bool> has_items_; // per open container
  bool after_key_ = false;
};

} // namespace grate::io
