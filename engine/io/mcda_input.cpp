#include "io/mcda_input.hpp"

#include "io/yaml_read.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fast_float/fast_float.h>
#include <fmt/format.h>
#include <unordered_map>
#include <unordered_set>

namespace grate::io {

namespace {

using Index = Eigen::Index;
Index idx(std::size_t i) {
  return static_cast<Index>(i);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::optional<double> parse_finite(std::string_view text) {
  return parse_plain_number(trim(text));
}

/// A judgement for messages: "1/3" for an exact reciprocal of a whole number, else 6 digits.
std::string show(double value) {
  if (value > 0 && value < 1) {
    const double inverse = 1 / value;
    if (std::fabs(inverse - std::round(inverse)) < 1e-9)
      return fmt::format("1/{}", std::round(inverse));
  }
  return fmt::format("{:.6g}", value);
}

std::string cell_name(const std::vector<std::string>& order, std::size_t i, std::size_t j) {
  return fmt::format("'{}' over '{}' (row {}, column {})", order[i], order[j], i + 1, j + 1);
}

/// Checks a read matrix cell by cell; `where(i, j)` locates a cell. Missing cells are NaN.
template <typename Where>
bool validate_read_matrix(Eigen::MatrixXd& m, const std::vector<std::string>& order,
                          const std::vector<bool>& unreadable, bool allow_missing, Where where,
                          Diagnostics& diagnostics, bool& has_missing) {
  const std::size_t n = order.size();
  bool ok = true;
  auto bad = [&](std::size_t i, std::size_t j) { return unreadable[i * n + j]; };
  for (std::size_t i = 0; i < n; ++i) {
    const double d = m(idx(i), idx(i));
    if (std::isnan(d)) {
      if (!bad(i, i))
        m(idx(i), idx(i)) = 1; // a blank diagonal means 1
    } else if (std::fabs(d - 1) > 1e-6) {
      auto& diag = diagnostics.add(
          "E363", where(i, i),
          fmt::format("diagonal judgement {} is {}, expected 1", cell_name(order, i, i), show(d)));
      diag.hints.push_back("an item compared with itself is 1");
      ok = false;
    }
  }
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      const double a = m(idx(i), idx(j));
      if (i == j || bad(i, j) || std::isnan(a) || a > 0)
        continue;
      auto& diag = diagnostics.add("E362", where(i, j),
                                   fmt::format("judgement {} is {}, expected a positive number",
                                               cell_name(order, i, j), show(a)));
      diag.hints.push_back(
          "AHP judgements are ratios: 1 = equal, 3 = moderately more important, 1/3 = moderately "
          "less; use '~' for an unknown judgement");
      ok = false;
    }
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      if (bad(i, j) || bad(j, i))
        continue;
      double& upper = m(idx(i), idx(j));
      double& lower = m(idx(j), idx(i));
      const bool upper_missing = std::isnan(upper);
      const bool lower_missing = std::isnan(lower);
      if (upper_missing && lower_missing) {
        has_missing = true;
        if (allow_missing)
          continue;
        auto& diag = diagnostics.add("E365", where(i, j),
                                     fmt::format("judgement {} is missing, and so is its mirror {}",
                                                 cell_name(order, i, j), cell_name(order, j, i)));
        diag.hints.push_back(
            "give the judgement, or complete the matrix from the others with 'complete: harker' "
            "(or '--complete harker')");
        ok = false;
        continue;
      }
      if (upper_missing || lower_missing) {
        if (upper_missing && lower > 0)
          upper = 1 / lower;
        if (lower_missing && upper > 0)
          lower = 1 / upper;
        continue;
      }
      if (!(upper > 0) || !(lower > 0))
        continue;
      const double product = upper * lower;
      if (std::fabs(product - 1) <= 1e-6)
        continue;
      auto& diag = diagnostics.add(
          "E364", where(j, i),
          fmt::format("judgements {} = {} and {} = {} are not reciprocal: their product is {:.6g}, "
                      "expected 1",
                      cell_name(order, j, i), show(lower), cell_name(order, i, j), show(upper),
                      product));
      diag.notes.push_back(fmt::format("row i over column j: a[j][i] must be 1 / a[i][j]; the "
                                       "mirror of {} is at line {}",
                                       show(upper), where(i, j).line));
      // 0.33 written for 1/3: point at the approximate fraction rather than at its reciprocal.
      const double k = std::round(1 / upper);
      if (upper < 1 && k >= 2 && std::fabs(1 / upper - k) < 0.05 * k && std::fabs(lower - k) < 1e-6)
        diag.hints.push_back(
            fmt::format("write 1/{} instead of {} at line {} (a fraction is exact; "
                        "a rounded decimal is not)",
                        k, show(upper), where(i, j).line));
      else
        diag.hints.push_back(fmt::format("write {} here, the reciprocal of {}, or leave one of the "
                                         "pair as '~'",
                                         show(1 / upper), show(upper)));
      ok = false;
    }
  return ok;
}

} // namespace

std::optional<double> parse_judgement(std::string_view text) {
  text = trim(text);
  const auto slash = text.find('/');
  if (slash == std::string_view::npos)
    return parse_finite(text);
  const auto numerator = parse_finite(text.substr(0, slash));
  const auto denominator = parse_finite(text.substr(slash + 1));
  if (!numerator || !denominator || *denominator == 0)
    return std::nullopt;
  return *numerator / *denominator;
}

std::optional<Eigen::MatrixXd> read_ahp_matrix(const YamlNode& matrix_node,
                                               const std::vector<std::string>& order,
                                               Diagnostics& diagnostics) {
  return read_ahp_matrix(matrix_node, order, diagnostics, AhpMatrixOptions{});
}

std::optional<Eigen::MatrixXd> read_ahp_matrix(const YamlNode& matrix_node,
                                               const std::vector<std::string>& order,
                                               Diagnostics& diagnostics,
                                               const AhpMatrixOptions& options) {
  const std::size_t n = order.size();
  if (n == 0) {
    diagnostics.add("E367", matrix_node.where,
                    "the AHP 'order' names no items, expected at least one");
    return std::nullopt;
  }
  if (!matrix_node.is_sequence()) {
    auto& d =
        diagnostics.add("E360", matrix_node.where,
                        fmt::format("expected the pairwise matrix as a list of {} rows, found {}",
                                    n, matrix_node.describe()));
    d.hints.push_back("write one row per item of 'order', e.g. '- [1, 3, 1/5]'");
    return std::nullopt;
  }
  bool shape_ok = true;
  if (matrix_node.items.size() != n) {
    auto& d = diagnostics.add(
        "E360", matrix_node.where,
        fmt::format("the pairwise matrix has {} rows, expected {} (one per item of 'order')",
                    matrix_node.items.size(), n));
    d.notes.push_back("order: " + quoted_list(order));
    shape_ok = false;
  }
  for (std::size_t i = 0; i < matrix_node.items.size() && i < n; ++i) {
    const YamlNode& row = matrix_node.items[i];
    if (!row.is_sequence()) {
      diagnostics.add(
          "E360", row.where,
          fmt::format("row {} ('{}') of the pairwise matrix is {}, expected a list of {} "
                      "judgements",
                      i + 1, order[i], row.describe(), n));
      shape_ok = false;
    } else if (row.items.size() != n) {
      diagnostics.add("E360", row.where,
                      fmt::format("row {} ('{}') of the pairwise matrix has {} judgements, "
                                  "expected {}",
                                  i + 1, order[i], row.items.size(), n));
      shape_ok = false;
    }
  }
  if (!shape_ok)
    return std::nullopt;

  Eigen::MatrixXd m(idx(n), idx(n));
  std::vector<bool> unreadable(n * n, false);
  bool ok = true;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      const YamlNode& cell = matrix_node.items[i].items[j];
      double value = std::nan("");
      if (cell.is_null()) {
        // missing: decided below, with the mirror
      } else if (auto v = cell.is_scalar() ? parse_judgement(cell.scalar) : std::nullopt) {
        value = *v;
      } else {
        auto& d = diagnostics.add(
            "E361", cell.where,
            fmt::format("judgement {} is {}, expected a number or a fraction like 1/3",
                        cell_name(order, i, j), cell.describe()));
        d.hints.push_back("write '~' for a judgement you do not know");
        unreadable[i * n + j] = true;
        ok = false;
      }
      m(idx(i), idx(j)) = value;
    }
  bool has_missing = false;
  auto where = [&](std::size_t i, std::size_t j) { return matrix_node.items[i].items[j].where; };
  ok = validate_read_matrix(m, order, unreadable, options.allow_missing, where, diagnostics,
                            has_missing) &&
       ok;
  if (!ok)
    return std::nullopt;
  return m;
}

namespace {

std::optional<std::vector<std::string>> read_order(const YamlNode& node, Diagnostics& diagnostics) {
  if (!node.is_sequence()) {
    diagnostics.add(
        "E367", node.where,
        fmt::format("expected 'order' as a list of item names, found {}", node.describe()));
    return std::nullopt;
  }
  std::vector<std::string> order;
  bool ok = true;
  for (const auto& item : node.items) {
    if (!item.is_scalar() || item.scalar.empty()) {
      diagnostics.add("E367", item.where,
                      fmt::format("expected an item name in 'order', found {}", item.describe()));
      ok = false;
      continue;
    }
    if (std::find(order.begin(), order.end(), item.scalar) != order.end()) {
      diagnostics.add("E367", item.where,
                      fmt::format("item '{}' appears twice in 'order'", item.scalar));
      ok = false;
    }
    order.push_back(item.scalar);
  }
  if (ok && order.empty()) {
    diagnostics.add("E367", node.where, "'order' names no items, expected at least one");
    ok = false;
  }
  if (!ok)
    return std::nullopt;
  return order;
}

template <typename T>
std::optional<T> read_choice(const YamlNode& node, std::string_view key,
                             std::optional<T> (*parse)(std::string_view),
                             const std::vector<std::string>& names, Diagnostics& diagnostics) {
  if (node.is_scalar())
    if (auto value = parse(node.scalar))
      return value;
  const std::string text = node.is_scalar() ? node.scalar : node.describe();
  const std::string near = nearest_name(text, names);
  auto& d = diagnostics.add(
      "E368", node.where,
      near.empty() ? fmt::format("unknown {} '{}'", key, text)
                   : fmt::format("unknown {} '{}'; did you mean '{}'?", key, text, near));
  d.notes.push_back("allowed: " + quoted_list(names));
  return std::nullopt;
}

} // namespace

std::optional<AhpInput> read_ahp_yaml(std::string_view text, const std::string& file,
                                      Diagnostics& diagnostics, bool allow_missing) {
  const auto root = parse_yaml(text, file, diagnostics);
  if (!root)
    return std::nullopt;
  MapReader map(*root, "an AHP matrix file", {"order", "matrix", "method", "ri", "complete"},
                diagnostics);
  if (!map.ok())
    return std::nullopt;
  AhpInput input;
  input.where = {file, 1, 1};
  const std::size_t errors_before = diagnostics.error_count();
  if (const auto* node = map.get("method"))
    input.method =
        read_choice(*node, "method", mcda::parse_ahp_method, mcda::ahp_method_names(), diagnostics);
  if (const auto* node = map.get("ri"))
    input.ri =
        read_choice(*node, "RI table", mcda::parse_ri_table, mcda::ri_table_names(), diagnostics);
  if (const auto* node = map.get("complete"))
    input.complete = read_choice(*node, "completion method", mcda::parse_completion_method,
                                 {"harker", "llsm"}, diagnostics);
  const YamlNode* order_node = map.require("order");
  const YamlNode* matrix_node = map.require("matrix");
  if (!order_node || !matrix_node)
    return std::nullopt;
  auto order = read_order(*order_node, diagnostics);
  if (!order)
    return std::nullopt;
  AhpMatrixOptions options;
  options.allow_missing = allow_missing || input.complete.has_value();
  auto matrix = read_ahp_matrix(*matrix_node, *order, diagnostics, options);
  if (!matrix || diagnostics.error_count() > errors_before)
    return std::nullopt;
  input.order = std::move(*order);
  input.matrix = std::move(*matrix);
  input.has_missing = input.matrix.array().isNaN().any();
  return input;
}

// --- CSV --------------------------------------------------------------------------------------

namespace {

struct CsvField {
  std::string_view text; ///< without the surrounding quotes (doubled quotes kept)
  int column = 1;        ///< 1-based character column of the field's start
  bool quoted = false;
};

/// Splits one line (without its newline) into `fields` (cleared first).
void split_csv_line(std::string_view line, std::vector<CsvField>& fields) {
  fields.clear();
  std::size_t pos = 0;
  while (true) {
    CsvField field;
    field.column = static_cast<int>(pos) + 1;
    if (pos < line.size() && line[pos] == '"') {
      std::size_t end = pos + 1;
      while (end < line.size()) {
        if (line[end] == '"') {
          if (end + 1 < line.size() && line[end + 1] == '"') {
            end += 2;
            continue;
          }
          break;
        }
        ++end;
      }
      field.text = line.substr(pos + 1, std::min(end, line.size()) - pos - 1);
      field.quoted = true;
      pos = std::min(end + 1, line.size());
      const std::size_t comma = line.find(',', pos);
      fields.push_back(field);
      if (comma == std::string_view::npos)
        return;
      pos = comma + 1;
      continue;
    }
    const std::size_t comma = line.find(',', pos);
    field.text =
        line.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    fields.push_back(field);
    if (comma == std::string_view::npos)
      return;
    pos = comma + 1;
  }
}

std::string unquote(const CsvField& field) {
  std::string out(trim(field.text));
  if (!field.quoted)
    return out;
  std::string result;
  for (std::size_t k = 0; k < out.size(); ++k) {
    result += out[k];
    if (out[k] == '"' && k + 1 < out.size() && out[k + 1] == '"')
      ++k;
  }
  return result;
}

/// Iterates the non-blank lines of a text with their 1-based numbers; strips a UTF-8 BOM and \r.
class LineReader {
public:
  explicit LineReader(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") {
      text_.remove_prefix(3);
      bom_ = true;
    }
  }
  bool next(std::string_view& line, int& number) {
    while (pos_ < text_.size()) {
      const char* start = text_.data() + pos_;
      const void* nl = std::memchr(start, '\n', text_.size() - pos_);
      const std::size_t len =
          nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) : text_.size() - pos_;
      line = std::string_view(start, len);
      pos_ += len + 1;
      ++line_;
      if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
      if (trim(line).empty())
        continue;
      number = line_;
      return true;
    }
    return false;
  }
  /// Lines left, counting blanks too (an upper bound of the rows to come).
  [[nodiscard]] std::size_t remaining_upper_bound() const {
    if (pos_ >= text_.size())
      return 0;
    return static_cast<std::size_t>(
               std::count(text_.begin() + static_cast<std::ptrdiff_t>(pos_), text_.end(), '\n')) +
           1;
  }
  [[nodiscard]] int column_offset(int line_number) const {
    return bom_ && line_number == 1 ? 3 : 0;
  }

private:
  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 0;
  bool bom_ = false;
};

constexpr std::size_t max_cell_diagnostics = 20;

/// Counts cell diagnostics and, past the cap, only counts.
struct CellDiagnostics {
  Diagnostics& diagnostics;
  std::string file;
  std::size_t reported = 0;
  std::size_t suppressed = 0;
  SourceLocation first_suppressed;

  Diagnostic* add(std::string code, int line, int column, std::string message) {
    if (reported >= max_cell_diagnostics) {
      if (suppressed++ == 0)
        first_suppressed = {file, line, column};
      return nullptr;
    }
    ++reported;
    return &diagnostics.add(std::move(code), {file, line, column}, std::move(message));
  }
  void finish() {
    if (suppressed > 0)
      diagnostics.add(
          "E370", first_suppressed,
          fmt::format("{} more cell problems in '{}' not shown (first here)", suppressed, file));
  }
};

/// Header: first cell labels the id column; the rest name the criteria / items, uniquely.
std::optional<std::vector<std::string>> read_header(const std::vector<CsvField>& fields, int line,
                                                    int offset, const std::string& file,
                                                    std::string_view what,
                                                    Diagnostics& diagnostics) {
  if (fields.size() < 2) {
    auto& d = diagnostics.add(
        "E369", {file, line, 1},
        fmt::format("the header row has {} cell, expected an id column and at least one {}",
                    fields.size(), what));
    d.hints.push_back("first line: 'id,<name 1>,<name 2>,...'");
    return std::nullopt;
  }
  std::vector<std::string> names;
  bool ok = true;
  for (std::size_t k = 1; k < fields.size(); ++k) {
    std::string name = unquote(fields[k]);
    const int column = fields[k].column + offset;
    if (name.empty()) {
      diagnostics.add("E369", {file, line, column},
                      fmt::format("{} {} has no name in the header row", what, k));
      ok = false;
    } else if (std::find(names.begin(), names.end(), name) != names.end()) {
      diagnostics.add("E369", {file, line, column},
                      fmt::format("{} '{}' appears twice in the header row", what, name));
      ok = false;
    }
    names.push_back(std::move(name));
  }
  if (!ok)
    return std::nullopt;
  return names;
}

} // namespace

std::optional<AhpInput> read_ahp_csv(std::string_view text, const std::string& file,
                                     Diagnostics& diagnostics, bool allow_missing) {
  LineReader lines(text);
  std::string_view line;
  int number = 0;
  if (!lines.next(line, number)) {
    diagnostics.add("E369", {file, 1, 1},
                    "the CSV matrix is empty, expected a header row of names");
    return std::nullopt;
  }
  std::vector<CsvField> fields;
  split_csv_line(line, fields);
  auto order = read_header(fields, number, lines.column_offset(number), file, "item", diagnostics);
  if (!order)
    return std::nullopt;
  const std::size_t n = order->size();
  Eigen::MatrixXd m = Eigen::MatrixXd::Constant(idx(n), idx(n), std::nan(""));
  std::vector<bool> unreadable(n * n, false);
  std::vector<SourceLocation> cells(n * n, SourceLocation{file, 0, 0});
  std::size_t row = 0;
  bool ok = true;
  while (lines.next(line, number)) {
    split_csv_line(line, fields);
    if (row >= n) {
      diagnostics.add("E360", {file, number, 1},
                      fmt::format("the CSV matrix has more than {} rows, expected one per item of "
                                  "the header",
                                  n));
      ok = false;
      break;
    }
    const std::string name = unquote(fields[0]);
    if (name != (*order)[row]) {
      auto& d =
          diagnostics.add("E369", {file, number, fields[0].column},
                          fmt::format("row {} is named '{}', expected '{}' (rows in the order "
                                      "of the header)",
                                      row + 1, name, (*order)[row]));
      d.notes.push_back("header: " + quoted_list(*order));
      ok = false;
    }
    if (fields.size() != n + 1) {
      diagnostics.add(
          "E360", {file, number, 1},
          fmt::format("row '{}' has {} judgements, expected {}", name, fields.size() - 1, n));
      ok = false;
      ++row;
      continue;
    }
    for (std::size_t j = 0; j < n; ++j) {
      const CsvField& f = fields[j + 1];
      cells[row * n + j] = {file, number, f.column};
      const std::string_view cell = trim(f.text);
      if (cell.empty() || cell == "~")
        continue;
      if (auto v = parse_judgement(cell)) {
        m(idx(row), idx(j)) = *v;
      } else {
        auto& d = diagnostics.add("E361", {file, number, f.column},
                                  fmt::format("judgement {} is '{}', expected a number or a "
                                              "fraction like 1/3",
                                              cell_name(*order, row, j), cell));
        d.hints.push_back("leave the cell empty for a judgement you do not know");
        unreadable[row * n + j] = true;
        ok = false;
      }
    }
    ++row;
  }
  if (row < n && ok) {
    diagnostics.add("E360", {file, number, 1},
                    fmt::format("the CSV matrix has {} rows, expected {} (one per item of the "
                                "header)",
                                row, n));
    return std::nullopt;
  }
  if (!ok)
    return std::nullopt;
  bool has_missing = false;
  auto where = [&](std::size_t i, std::size_t j) { return cells[i * n + j]; };
  if (!validate_read_matrix(m, *order, unreadable, allow_missing, where, diagnostics, has_missing))
    return std::nullopt;
  AhpInput input;
  input.order = std::move(*order);
  input.matrix = std::move(m);
  input.has_missing = input.matrix.array().isNaN().any();
  input.where = {file, 1, 1};
  return input;
}

namespace {

/// The common row, `id,number,...,number` without quotes, spaces or problems, parsed in place
/// (no splitting, no allocation). Returns false, having recorded nothing, for anything else: the
/// general path then reads the row and reports its problems.
bool read_plain_row(std::string_view line, int number, std::size_t row, std::size_t n,
                    Eigen::MatrixXd& values, std::unordered_map<std::string_view, int>& seen) {
  const char* p = line.data();
  const char* end = p + line.size();
  const char* comma = static_cast<const char*>(std::memchr(p, ',', line.size()));
  if (!comma || comma == p || std::memchr(p, '"', line.size()))
    return false;
  const std::string_view id(p, static_cast<std::size_t>(comma - p));
  if (id.front() == ' ' || id.back() == ' ' || id.front() == '\t' || id.back() == '\t')
    return false;
  p = comma + 1;
  for (std::size_t j = 0; j < n; ++j) {
    double value = 0;
    auto [ptr, ec] = fast_float::from_chars(p, end, value);
    if (ec != std::errc() || !std::isfinite(value))
      return false;
    if (j + 1 < n ? (ptr == end || *ptr != ',') : ptr != end)
      return false;
    values(idx(row), idx(j)) = value;
    p = ptr + 1;
  }
  return seen.emplace(id, number).second;
}

} // namespace

std::optional<DecisionTable> read_decision_csv(std::string_view text, const std::string& file,
                                               Diagnostics& diagnostics) {
  LineReader lines(text);
  std::string_view line;
  int number = 0;
  if (!lines.next(line, number)) {
    auto& d = diagnostics.add("E369", {file, 1, 1},
                              "the decision table is empty, expected a header row and one row per "
                              "alternative");
    d.hints.push_back("first line: 'id,<criterion 1>,<criterion 2>,...'");
    return std::nullopt;
  }
  std::vector<CsvField> fields;
  split_csv_line(line, fields);
  auto criteria =
      read_header(fields, number, lines.column_offset(number), file, "criterion", diagnostics);
  if (!criteria)
    return std::nullopt;
  const std::size_t n = criteria->size();
  const std::size_t capacity = lines.remaining_upper_bound();
  DecisionTable table;
  table.file = file;
  table.values.resize(idx(capacity), idx(n));
  table.alternatives.reserve(capacity);
  CellDiagnostics cell_diags{diagnostics, file, 0, 0, {}};
  std::unordered_map<std::string_view, int> seen;
  seen.reserve(capacity);
  std::size_t row = 0;
  bool ok = true;
  while (lines.next(line, number)) {
    if (read_plain_row(line, number, row, n, table.values, seen)) {
      table.alternatives.emplace_back(line.substr(0, line.find(',')));
      ++row;
      continue;
    }
    split_csv_line(line, fields);
    std::string id = unquote(fields[0]);
    if (id.empty()) {
      if (auto* d = cell_diags.add(
              "E371", number, 1,
              fmt::format("row {} has no alternative id in its first cell", row + 1)))
        d->hints.push_back("every row starts with the alternative's id");
      ok = false;
    } else if (auto [it, inserted] = seen.emplace(trim(fields[0].text), number); !inserted) {
      if (auto* d = cell_diags.add("E377", number, fields[0].column,
                                   fmt::format("alternative '{}' appears twice", id)))
        d->notes.push_back(fmt::format("first at line {}", it->second));
      ok = false;
    }
    const std::size_t cells = std::min(fields.size() - 1, n);
    for (std::size_t j = 0; j < cells; ++j) {
      const CsvField& f = fields[j + 1];
      const char* first = f.text.data();
      const char* last = first + f.text.size();
      double value = 0;
      auto [ptr, ec] = fast_float::from_chars(first, last, value);
      if (ec == std::errc() && ptr == last && std::isfinite(value)) {
        table.values(idx(row), idx(j)) = value;
        continue;
      }
      // Slow path: spaces, '+', quotes, or a real problem.
      if (auto v = parse_finite(f.text)) {
        table.values(idx(row), idx(j)) = *v;
        continue;
      }
      ok = false;
      const std::string_view cell = trim(f.text);
      if (cell.empty())
        cell_diags.add(
            "E371", number, f.column,
            fmt::format("cell '{}' of '{}' is empty, expected a number", (*criteria)[j], id));
      else
        cell_diags.add("E370", number, f.column,
                       fmt::format("cell '{}' of '{}' is '{}', expected a finite number",
                                   (*criteria)[j], id, cell));
    }
    if (fields.size() - 1 < n) {
      ok = false;
      if (auto* d = cell_diags.add(
              "E371", number, static_cast<int>(line.size()) + 1,
              fmt::format("row '{}' has {} values, expected {}: '{}' and after are missing", id,
                          fields.size() - 1, n, (*criteria)[fields.size() - 1])))
        d->hints.push_back("a missing value is an error here; fill it or drop the row");
    } else if (fields.size() - 1 > n) {
      ok = false;
      cell_diags.add("E372", number, fields[n + 1].column,
                     fmt::format("row '{}' has {} values, expected {} (one per criterion of the "
                                 "header)",
                                 id, fields.size() - 1, n));
    }
    table.alternatives.push_back(std::move(id));
    ++row;
  }
  cell_diags.finish();
  if (ok && row == 0) {
    diagnostics.add("E369", {file, number, 1},
                    "the decision table has a header but no alternatives");
    return std::nullopt;
  }
  if (!ok)
    return std::nullopt;
  table.values.conservativeResize(idx(row), idx(n));
  table.criteria = std::move(*criteria);
  return table;
}

std::optional<std::vector<mcda::CriterionType>>
parse_criterion_types(std::string_view text, const DecisionTable& table, Diagnostics& diagnostics) {
  std::vector<mcda::CriterionType> types;
  bool ok = true;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t comma = text.find(',', pos);
    const std::string_view item = trim(
        text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
    if (auto type = mcda::parse_criterion_type(item)) {
      types.push_back(*type);
    } else {
      auto& d = diagnostics.add("E373", {},
                                fmt::format("--types: '{}' is not a criterion type, expected '+' "
                                            "(benefit) or '-' (cost)",
                                            item));
      d.hints.push_back("e.g. --types +,+,-  (one per criterion, in the column order)");
      ok = false;
    }
    if (comma == std::string_view::npos)
      break;
    pos = comma + 1;
  }
  if (ok && types.size() != table.criteria.size()) {
    auto& d = diagnostics.add("E373", {table.file, 1, 1},
                              fmt::format("--types gives {} types, expected {} (one per criterion "
                                          "of '{}')",
                                          types.size(), table.criteria.size(), table.file));
    d.notes.push_back("criteria: " + quoted_list(table.criteria));
    ok = false;
  }
  if (!ok)
    return std::nullopt;
  return types;
}

std::optional<std::vector<double>>
parse_criterion_weights(std::string_view text, const std::string& source,
                        const DecisionTable& table, bool normalize, Diagnostics& diagnostics) {
  const SourceLocation where =
      source.rfind("--", 0) == 0 ? SourceLocation{} : SourceLocation{source, 0, 0};
  // The JSON of `grate weights`: take the array after "weights".
  if (const auto key = text.find("\"weights\""); key != std::string_view::npos) {
    const auto open = text.find('[', key);
    const auto close = text.find(']', open == std::string_view::npos ? key : open);
    if (open != std::string_view::npos && close != std::string_view::npos)
      text = text.substr(open + 1, close - open - 1);
  }
  std::vector<double> weights;
  bool ok = true;
  std::size_t pos = 0;
  auto separator = [](char c) {
    return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
  };
  while (pos < text.size()) {
    while (pos < text.size() && separator(text[pos]))
      ++pos;
    if (pos >= text.size())
      break;
    std::size_t end = pos;
    while (end < text.size() && !separator(text[end]))
      ++end;
    const std::string_view item = text.substr(pos, end - pos);
    const auto value = parse_judgement(item);
    if (!value || *value < 0) {
      auto& d = diagnostics.add(
          "E374", where, fmt::format("{}: weight '{}' is not a non-negative number", source, item));
      d.hints.push_back("weights are numbers like 0.25 (or fractions like 1/4), one per criterion");
      ok = false;
    } else {
      weights.push_back(*value);
    }
    pos = end;
  }
  if (!ok)
    return std::nullopt;
  if (weights.size() != table.criteria.size()) {
    auto& d =
        diagnostics.add("E374", where,
                        fmt::format("{} gives {} weights, expected {} (one per criterion of "
                                    "'{}')",
                                    source, weights.size(), table.criteria.size(), table.file));
    d.notes.push_back("criteria: " + quoted_list(table.criteria));
    return std::nullopt;
  }
  double sum = 0;
  for (double w : weights)
    sum += w;
  if (!(sum > 0)) {
    diagnostics.add("E375", where, fmt::format("{}: the weights sum to 0, expected 1", source));
    return std::nullopt;
  }
  // 1e-4 tolerates weights printed with 6 decimals (as `grate weights` does) for up to 200
  // criteria; accepted weights are then scaled to sum exactly 1.
  if (std::fabs(sum - 1) > 1e-4 && !normalize) {
    auto& d = diagnostics.add(
        "E375", where, fmt::format("{}: the weights sum to {:.6g}, expected 1", source, sum));
    d.hints.push_back("correct them, or pass --normalize to divide each by their sum");
    return std::nullopt;
  }
  for (double& w : weights)
    w /= sum;
  return weights;
}

void report_matrix_problem(const mcda::MatrixProblem& problem, const DecisionTable& table,
                           std::string_view method, Diagnostics& diagnostics) {
  using mcda::MatrixProblemKind;
  const SourceLocation where{table.file, 0, 0};
  auto name_of = [](const std::vector<std::string>& names, std::size_t k) {
    return k < names.size() ? names[k] : std::to_string(k + 1);
  };
  switch (problem.kind) {
  case MatrixProblemKind::None:
    return;
  case MatrixProblemKind::SizeMismatch:
    diagnostics.add("E373", where,
                    fmt::format("{} needs one weight and one type per criterion ({} criteria)",
                                method, table.criteria.size()));
    return;
  case MatrixProblemKind::TooFewAlternatives: {
    auto& d = diagnostics.add("E378", where,
                              fmt::format("{} needs at least 2 alternatives, found {}", method,
                                          table.alternatives.size()));
    d.hints.push_back("weighting and ranking compare alternatives; add rows");
    return;
  }
  case MatrixProblemKind::NonFinite:
    diagnostics.add("E370", where,
                    fmt::format("cell '{}' of '{}' is not a finite number",
                                name_of(table.criteria, problem.col),
                                name_of(table.alternatives, problem.row)));
    return;
  case MatrixProblemKind::Negative: {
    auto& d = diagnostics.add(
        "E376", where,
        fmt::format("cell '{}' of '{}' is {}, but {} with sum normalisation needs values ≥ 0",
                    name_of(table.criteria, problem.col), name_of(table.alternatives, problem.row),
                    problem.value, method));
    d.hints.push_back("use '--normalization minmax' (with --types), or shift the column");
    return;
  }
  case MatrixProblemKind::NoDiscrimination: {
    auto& d = diagnostics.add(
        "E378", where,
        fmt::format("every criterion of '{}' is constant (or weighted 0): {} cannot tell the "
                    "alternatives apart",
                    table.file, method));
    d.notes.push_back("criteria: " + quoted_list(table.criteria));
    return;
  }
  }
}

std::optional<mcda::Completion>
complete_ahp_input(const AhpInput& input, mcda::CompletionMethod method, Diagnostics& diagnostics) {
  mcda::Completion completion = mcda::complete_matrix(input.matrix, method);
  if (completion.ok)
    return completion;
  std::string list;
  for (const auto& group : completion.components) {
    std::string names;
    for (std::size_t k : group)
      names += (names.empty() ? "'" : ", '") + input.order[k] + "'";
    list += (list.empty() ? "{" : ", {") + names + "}";
  }
  auto& d = diagnostics.add(
      "E366", input.where,
      fmt::format("the known judgements fall into {} unconnected groups, so the missing ones "
                  "cannot be completed",
                  completion.components.size()));
  d.notes.push_back("groups: " + list);
  d.hints.push_back("give at least one judgement between each pair of groups");
  return std::nullopt;
}

std::optional<Eigen::MatrixXd> aggregate_ahp_inputs(const std::vector<AhpInput>& inputs,
                                                    const std::vector<double>& expert_weights,
                                                    Diagnostics& diagnostics) {
  if (inputs.empty())
    return std::nullopt;
  auto names = [](const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items)
      out += (out.empty() ? "'" : ", '") + item + "'";
    return out;
  };
  bool ok = true;
  for (std::size_t k = 1; k < inputs.size(); ++k)
    if (inputs[k].order != inputs[0].order) {
      auto& d = diagnostics.add("E379", inputs[k].where,
                                fmt::format("'{}' compares {}, but '{}' compares {}",
                                            inputs[k].where.file, names(inputs[k].order),
                                            inputs[0].where.file, names(inputs[0].order)));
      d.hints.push_back("every evaluator's matrix must list the same items in the same order");
      ok = false;
    }
  if (!expert_weights.empty() && expert_weights.size() != inputs.size()) {
    diagnostics.add("E379", {},
                    fmt::format("--expert-weights gives {} weights for {} matrices",
                                expert_weights.size(), inputs.size()));
    ok = false;
  }
  for (double w : expert_weights)
    if (!(w > 0) || !std::isfinite(w)) {
      diagnostics.add("E379", {},
                      fmt::format("--expert-weights: '{}' is not a positive number", w));
      ok = false;
    }
  if (!ok)
    return std::nullopt;
  std::vector<Eigen::MatrixXd> matrices;
  for (const auto& input : inputs)
    matrices.push_back(input.matrix);
  return mcda::aggregate_geometric_mean(matrices, expert_weights);
}

} // namespace grate::io
