// Diagnostics: user-input problems as values (beancount's errors-as-values), collected and
// reported together. Each carries a code (E1xx syntax … W6xx warnings), a message, the place in
// the user's file, and optional notes and hints. Rendering (source line, caret) lives in grate::io.
#pragma once

#include <string>
#include <vector>

namespace grate {

/// A place in a user's file; line and column are 1-based, 0 when unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  [[nodiscard]] bool known() const { return line > 0; }
};

enum class Severity { Error, Warning };

struct Diagnostic {
  std::string code; ///< e.g. "E310"; the letter decides the severity
  std::string message;
  SourceLocation where;
  std::vector<std::string> notes;
  std::vector<std::string> hints;

  [[nodiscard]] Severity severity() const {
    return !code.empty() && code.front() == 'W' ? Severity::Warning : Severity::Error;
  }
};

/// An ordered collection of diagnostics; checks append to it and never stop at the first.
class Diagnostics {
public:
  Diagnostic& add(std::string code, SourceLocation where, std::string message);
  void append(const Diagnostics& other);

  [[nodiscard]] bool has_errors() const;
  [[nodiscard]] std::size_t error_count() const;
  [[nodiscard]] std::size_t warning_count() const;
  [[nodiscard]] bool empty() const { return items_.empty(); }
  [[nodiscard]] std::size_t size() const { return items_.size(); }
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }

  /// Stable order for reports: by file, line, column, then insertion order.
  void sort_by_location();

private:
  std::vector<Diagnostic> items_;
};

/// The nearest candidate by edit distance, or "" when none is close enough to suggest.
std::string nearest_name(const std::string& word, const std::vector<std::string>& candidates);

/// "'a', 'b' or 'c'" — for messages that list a closed set of allowed values.
std::string quoted_list(const std::vector<std::string>& names);

} // namespace grate
