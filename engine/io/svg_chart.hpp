// Small, pure SVG chart builders for the HTML report: a horizontal bar chart (value against a
// maximum), stacked horizontal bars, and a daily time series with a limit line and marked days.
// Values in, one `<svg>` element out; deterministic (numbers through core/number_format), every
// text XML-escaped, styling by CSS classes the page defines. No files, no scripts.
#pragma once

#include "core/date.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace grate::io::svg {

/// `text` with &, <, >, " and ' replaced by entities (safe in element content and attributes).
std::string escape_xml(std::string_view text);

/// `text` cut to at most `max_units` display units (a CJK character counts 2, others 1), with
/// "…" appended when cut. Cuts only between UTF-8 code points.
std::string truncate_label(std::string_view text, int max_units);

/// Geometry of the bar charts, in SVG user units (px).
struct BarLayout {
  double width = 960;       ///< whole chart
  double label_width = 300; ///< left column for labels (right-aligned at label_width − 8)
  double value_width = 120; ///< right column for the value text
  double row_height = 22;
  double bar_inset = 4; ///< gap above and below a bar inside its row
  int label_units = 46; ///< labels longer than this are truncated (full text in <title>)
  double scale_max = 0; ///< value at the right end of the bar area; 0: the largest row total
};

/// One row of a horizontal bar chart: a track as long as `max`, filled up to `value`.
struct Bar {
  std::string label;
  double value = 0;
  double max = 0;
  std::string value_text; ///< shown right of the bar ("3.8 / 4")
  std::string css_class;  ///< class of the filled rect ("bar" when empty)
  bool emphasis = false;  ///< label in bold (a group heading)
};

/// Bars of width bar_area × value / scale_max, where bar_area = width − label_width −
/// value_width. Row i occupies y ∈ [i × row_height, (i + 1) × row_height); the chart is
/// rows × row_height high. Each row: a `track` rect (max), a fill rect (value), a label and the
/// value text. Values below 0 draw as 0; values above the scale are clipped to it.
std::string horizontal_bars(const std::vector<Bar>& bars, const BarLayout& layout = {});

/// One segment of a stacked row.
struct Segment {
  double value = 0;
  std::string css_class;
  std::string title; ///< tooltip (<title>)
};

struct StackedRow {
  std::string label;
  std::vector<Segment> segments; ///< drawn left to right, each starting where the last ended
  std::string value_text;
};

/// Stacked horizontal bars on one scale (scale_max, or the largest row sum); same rows and
/// columns as horizontal_bars(). Segments of value ≤ 0 draw nothing.
std::string stacked_bars(const std::vector<StackedRow>& rows, const BarLayout& layout = {});

/// One day of a daily series; `value` nullopt when the day has no (valid) value.
struct DayValue {
  Date date;
  std::optional<double> value;
  bool marked = false; ///< drawn as a red dot (e.g. an exceedance day)
};

struct SeriesLayout {
  double width = 960;
  double height = 170;
  double left = 52; ///< room for the y-axis labels
  double right = 12;
  double top = 22;             ///< room for the unit label
  double bottom = 24;          ///< room for the month labels
  bool columns = false;        ///< draw a column per day instead of a line (counts per day)
  std::optional<double> limit; ///< horizontal dashed line, labelled
  std::string limit_label;     ///< "24 h limit 250"
  std::string unit;            ///< y-axis unit, shown above the axis
};

/// A daily series over the days from `first` to `last` (inclusive; days outside are ignored).
/// x of day d = left + (d − first + 0.5) × plot_width / n_days, where plot_width = width − left
/// − right; y of v = top + plot_height × (1 − v / y_max), plot_height = height − top − bottom,
/// y_max = a "nice" number (1, 2, 2.5 or 5 × 10^k) ≥ 1.1 × max(values, limit). Consecutive days
/// with values are joined by one polyline; a day without a value breaks the line. The first day
/// and month starts get a tick ("MM", "YYYY-01" in January, "MM-DD" for a first day that is not a
/// 1st); ranges of at most 92 days also the 8th, 15th and 22nd, and every label is "MM-DD".
/// Marked days get a circle of class `mark`.
std::string daily_series(const std::vector<DayValue>& days, const Date& first, const Date& last,
                         const SeriesLayout& layout = {});

/// The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ `value` (value > 0; 1 for value ≤ 0).
double nice_ceiling(double value);

} // namespace grate::io::svg
